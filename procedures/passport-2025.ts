import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { passport } from './passport.ts';
import { TWO_TIER_LOCAL_GOVERNMENT } from './shared/two-tier.ts';

/**
 * Ordinary passport since 1/7/2025: the same law and limit (Law on Exit and Entry 2019 Art. 15,
 * 8 working days) at the immigration office of the merged province's police, under Decree
 * 118/2025/NĐ-CP. Nothing in the flow is known to have changed.
 */
export const passport2025 = deriveVariant(passport, {
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  legal: [...passport.legal, ONE_STOP_REGULATIONS.decree118of2025, TWO_TIER_LOCAL_GOVERNMENT],
});
