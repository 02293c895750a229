import type { Procedure } from '../src/dsl/builder.ts';
import { birthRegistration } from './birth-registration.ts';
import { birthResidenceInsurance } from './birth-residence-insurance.ts';
import { constructionPermitHouse } from './construction-permit-house.ts';
import { deathRegistration } from './death-registration.ts';
import { deathResidenceFuneral } from './death-residence-funeral.ts';
import { enterpriseRegistration } from './enterprise-registration.ts';
import { householdBusiness2021 } from './household-business-2021.ts';
import { householdBusiness2025 } from './household-business-2025.ts';
import { investmentRegistration } from './investment-registration.ts';
import { judicialRecord } from './judicial-record.ts';
import { landUseRightFirst } from './land-use-right-first.ts';
import { marriageRegistration } from './marriage-registration.ts';
import { passport } from './passport.ts';
import { permanentResidence } from './permanent-residence.ts';
import { temporaryResidence } from './temporary-residence.ts';

/**
 * Every procedure of the catalogue, from the commune up to the province: civil status and
 * residence at the commune (single and linked), business at every level, then land and
 * construction at the district, then the provincial procedures. Several versions of one procedure
 * (same id, later `effectiveFrom`) sit side by side; a case runs on the version in force when it
 * was received.
 *
 * @example
 * CATALOGUE.filter((p) => p.level === 'province').map((p) => p.id) // ['enterprise-registration', 'investment-registration', 'judicial-record', 'passport']
 */
export const CATALOGUE: readonly Procedure[] = [
  // Commune: civil status and residence.
  birthRegistration,
  marriageRegistration,
  deathRegistration,
  permanentResidence,
  temporaryResidence,
  birthResidenceInsurance,
  deathResidenceFuneral,
  // Household business: district until 30 June 2025, commune since 1 July 2025.
  householdBusiness2021,
  householdBusiness2025,
  // District: construction and land (before 2025-07-01).
  constructionPermitHouse,
  landUseRightFirst,
  // Province.
  enterpriseRegistration,
  investmentRegistration,
  judicialRecord,
  passport,
];
