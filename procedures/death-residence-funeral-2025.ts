import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { deathResidenceFuneral } from './death-residence-funeral.ts';
import { COMMUNE_CENTRE, TWO_TIER_LOCAL_GOVERNMENT } from './shared/two-tier.ts';

/**
 * Death registration + removal of permanent residence + funeral allowance since 1/7/2025: the
 * merged commune, its police and the local social insurance office (no district office any
 * more). The limit and the shares stay as uncertain as in the 2024 version [?].
 */
export const deathResidenceFuneral2025 = deriveVariant(deathResidenceFuneral, {
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  legal: [...deathResidenceFuneral.legal, ONE_STOP_REGULATIONS.decree118of2025, TWO_TIER_LOCAL_GOVERNMENT],
  agencies: {
    desk: COMMUNE_CENTRE,
    insurance: { name: { vi: 'Bảo hiểm xã hội cơ sở', en: 'Local social insurance office' }, level: 'province' }, // [?]
  },
});
