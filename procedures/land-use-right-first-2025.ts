import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { DECREE_101, DECREE_151, LAND_LAW, landUseRightFirst } from './land-use-right-first.ts';
import { ANY_CENTRE_IN_PROVINCE, COMMUNE_CENTRE, COMMUNE_COMMITTEE, TWO_TIER_LOCAL_GOVERNMENT } from './shared/two-tier.ts';

/**
 * First land-use-right certificate since 1/7/2025, with land competence re-allocated by Decree
 * 151/2025/NĐ-CP: received at the commune's centre (or any centre of the province), verified by
 * the commune, checked by the branch of the provincial land registration office, assessed by the
 * tax office, signed by the commune chairman [?]. The flow, limit and shares are the 2024
 * version's, as uncertain as there [?].
 */
export const landUseRightFirst2025 = deriveVariant(landUseRightFirst, {
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  level: 'commune',
  legal: [LAND_LAW, DECREE_101, DECREE_151, ONE_STOP_REGULATIONS.decree118of2025, TWO_TIER_LOCAL_GOVERNMENT],
  agencies: {
    desk: COMMUNE_CENTRE,
    commune: COMMUNE_COMMITTEE,
    landOffice: { name: { vi: 'Chi nhánh Văn phòng đăng ký đất đai tỉnh', en: 'Provincial land registration office (branch)' }, level: 'province' },
    tax: { name: { vi: 'Thuế cơ sở', en: 'Local tax office' }, level: 'province' }, // [?] the tax offices were reorganised in 2025
    issuer: { name: { vi: 'Chủ tịch Ủy ban nhân dân xã', en: 'Chairman of the commune People’s Committee' }, level: 'commune' }, // [?] Decree 151/2025
  },
  receivingPoints: ANY_CENTRE_IN_PROVINCE,
});
