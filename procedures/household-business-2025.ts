import type { Procedure } from '../src/dsl/builder.ts';
import { validateProcedure } from '../src/dsl/validate.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { householdBusiness2021 } from './household-business-2021.ts';

const DECREE_168 = {
  document: 'Decree on enterprise registration of 2025, replacing Decree 01/2021/NĐ-CP',
  effectiveFrom: '2025-07-01',
  confidence: 'uncertain',
  note: 'believed to be Decree 168/2025/NĐ-CP; household business registration at the commune; 3 working days kept [?]',
} as const;
const DECREE_118 = { document: 'Decree 118/2025/NĐ-CP on the one-stop mechanism', effectiveFrom: '2025-07-01', confidence: 'mem' } as const;

// What the reform changed in the flow: the separate review is gone, shares are shorter, and the
// dossier may also be filed online.
const reformed = deriveVariant(householdBusiness2021, {
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  shares: { examine: '0.5wd', issue: '0.25wd' }, // [?] example internal process
  remove: ['review'],
  channels: ['in-person', 'online'],
  limit: { duration: '3wd', mode: 'date', ref: DECREE_168 },
});

/**
 * Household business registration after the 2025 reform: the same procedure, next version. With
 * two-tier local government the commune's economic division registers household businesses.
 * A case stays on the version in force when it was received: one received on 30 June 2025 runs on
 * version 2021.1 at the district to the end.
 */
export const householdBusiness2025: Procedure<'examine' | 'issue'> = validateProcedure({
  ...reformed,
  level: 'commune',
  legal: [DECREE_168, DECREE_118],
  agencies: {
    desk: { name: { vi: 'Trung tâm Phục vụ hành chính công xã', en: 'Commune public administration service centre' }, level: 'commune', desk: true },
    division: { name: { vi: 'Phòng Kinh tế UBND xã', en: 'Commune Economic Division' }, level: 'commune' }, // [?] Phòng Kinh tế, Hạ tầng và Đô thị in wards
  },
});
