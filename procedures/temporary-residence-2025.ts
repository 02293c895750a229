import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { temporaryResidence } from './temporary-residence.ts';
import { TWO_TIER_LOCAL_GOVERNMENT } from './shared/two-tier.ts';

/**
 * Temporary residence registration since 1/7/2025: the same law and limit (Law on Residence 2020
 * Art. 28, 3 working days), with the police of the merged commune, under Decree 118/2025/NĐ-CP.
 */
export const temporaryResidence2025 = deriveVariant(temporaryResidence, {
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  legal: [...temporaryResidence.legal, ONE_STOP_REGULATIONS.decree118of2025, TWO_TIER_LOCAL_GOVERNMENT],
});
