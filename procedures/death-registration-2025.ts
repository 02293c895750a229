import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { deathRegistration } from './death-registration.ts';
import { ANY_CENTRE_IN_PROVINCE, COMMUNE_CENTRE, COMMUNE_COMMITTEE, TWO_TIER_LOCAL_GOVERNMENT } from './shared/two-tier.ts';

/**
 * Death registration since 1/7/2025: the same law (Law on Civil Status 2014 Art. 33–34, a same-day
 * limit) at the merged commune, received at its public administration service centre or at any
 * centre of the province (Decree 118/2025/NĐ-CP).
 */
export const deathRegistration2025 = deriveVariant(deathRegistration, {
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  legal: [...deathRegistration.legal, ONE_STOP_REGULATIONS.decree118of2025, TWO_TIER_LOCAL_GOVERNMENT],
  agencies: { desk: COMMUNE_CENTRE, committee: COMMUNE_COMMITTEE },
  receivingPoints: ANY_CENTRE_IN_PROVINCE,
});
