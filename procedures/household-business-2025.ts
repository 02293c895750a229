import type { Procedure } from '../src/dsl/builder.ts';
import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { householdBusiness2021 } from './household-business-2021.ts';
import { ANY_CENTRE_IN_PROVINCE, COMMUNE_CENTRE, DECREE_168, TWO_TIER_LOCAL_GOVERNMENT } from './shared/two-tier.ts';


/**
 * Household business registration after the 2025 reform: the same procedure, next version. With
 * two-tier local government the commune's economic division registers household businesses; the
 * separate review is gone, shares are shorter, and the dossier may also be filed online.
 * A case stays on the version in force when it was received: one received on 30 June 2025 runs on
 * version 2021.1 at the district to the end.
 */
export const householdBusiness2025 = deriveVariant(householdBusiness2021, {
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  shares: { examine: '0.5wd', issue: '0.25wd' }, // [?] example internal process
  remove: ['review'],
  channels: ['in-person', 'online'],
  limit: { duration: '3wd', mode: 'date', ref: DECREE_168 },
  level: 'commune',
  legal: [DECREE_168, ONE_STOP_REGULATIONS.decree118of2025, TWO_TIER_LOCAL_GOVERNMENT],
  agencies: {
    desk: COMMUNE_CENTRE,
    division: { name: { vi: 'Phòng Kinh tế UBND xã', en: 'Commune Economic Division' }, level: 'commune' }, // [?] Phòng Kinh tế, Hạ tầng và Đô thị in wards
  },
  receivingPoints: ANY_CENTRE_IN_PROVINCE,
}) as Procedure<'examine' | 'issue'>;
