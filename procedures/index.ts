import type { Procedure } from '../src/dsl/builder.ts';
import { birthRegistration2025 } from './birth-registration-2025.ts';
import { birthRegistration } from './birth-registration.ts';
import { birthResidenceInsurance2025 } from './birth-residence-insurance-2025.ts';
import { birthResidenceInsurance } from './birth-residence-insurance.ts';
import { constructionPermitHouse2025 } from './construction-permit-house-2025.ts';
import { constructionPermitHouse } from './construction-permit-house.ts';
import { deathRegistration2025 } from './death-registration-2025.ts';
import { deathRegistration } from './death-registration.ts';
import { deathResidenceFuneral2025 } from './death-residence-funeral-2025.ts';
import { deathResidenceFuneral } from './death-residence-funeral.ts';
import { enterpriseRegistration2025 } from './enterprise-registration-2025.ts';
import { enterpriseRegistration } from './enterprise-registration.ts';
import { householdBusiness2021 } from './household-business-2021.ts';
import { householdBusiness2025 } from './household-business-2025.ts';
import { investmentRegistration2025 } from './investment-registration-2025.ts';
import { investmentRegistration } from './investment-registration.ts';
import { judicialRecord2025 } from './judicial-record-2025.ts';
import { judicialRecord } from './judicial-record.ts';
import { landUseRightFirst2025 } from './land-use-right-first-2025.ts';
import { landUseRightFirst } from './land-use-right-first.ts';
import { marriageRegistration2025 } from './marriage-registration-2025.ts';
import { marriageRegistration } from './marriage-registration.ts';
import { passport2025 } from './passport-2025.ts';
import { passport } from './passport.ts';
import { permanentResidence2025 } from './permanent-residence-2025.ts';
import { permanentResidence } from './permanent-residence.ts';
import { temporaryResidence2025 } from './temporary-residence-2025.ts';
import { temporaryResidence } from './temporary-residence.ts';

/**
 * Every procedure of the catalogue, from the commune up to the province: civil status and
 * residence at the commune (single and linked), business at every level, then land and
 * construction, then the provincial procedures. Each procedure has its three-level version (to
 * 30 June 2025; judicial records to 28 February 2025) followed by its post-reform version
 * (two-tier local government from 1 July 2025; judicial records with the police from 1 March
 * 2025); a case runs on the version in force when it was received.
 *
 * @example
 * CATALOGUE.filter((p) => p.level === 'province').map((p) => p.id) // ['enterprise-registration', 'enterprise-registration', 'investment-registration', 'investment-registration', 'judicial-record', 'judicial-record', 'passport', 'passport']
 */
export const CATALOGUE: readonly Procedure[] = [
  // Commune: civil status and residence.
  birthRegistration,
  birthRegistration2025,
  marriageRegistration,
  marriageRegistration2025,
  deathRegistration,
  deathRegistration2025,
  permanentResidence,
  permanentResidence2025,
  temporaryResidence,
  temporaryResidence2025,
  birthResidenceInsurance,
  birthResidenceInsurance2025,
  deathResidenceFuneral,
  deathResidenceFuneral2025,
  // Household business: district until 30 June 2025, commune since 1 July 2025.
  householdBusiness2021,
  householdBusiness2025,
  // Construction and land: district until 30 June 2025, commune since 1 July 2025.
  constructionPermitHouse,
  constructionPermitHouse2025,
  landUseRightFirst,
  landUseRightFirst2025,
  // Province.
  enterpriseRegistration,
  enterpriseRegistration2025,
  investmentRegistration,
  investmentRegistration2025,
  judicialRecord,
  judicialRecord2025,
  passport,
  passport2025,
];
