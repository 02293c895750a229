import { procedure } from '../src/dsl/builder.ts';
import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { CONSTRUCTION_LAW, DECREE_140 } from './construction-permit-house.ts';
import { ANY_CENTRE_IN_PROVINCE, COMMUNE_CENTRE, TWO_TIER_LOCAL_GOVERNMENT } from './shared/two-tier.ts';

const DECREE_175 = {
  document: 'Decree 175/2024/NĐ-CP on construction activities, replacing Decree 15/2021/NĐ-CP',
  confidence: 'src',
  note: 'the procedure for construction permits since the two-tier reform (named by Decree 140/2025/NĐ-CP); its first day not looked up',
} as const;

/**
 * Construction permit for a detached house since 1/7/2025: the commune People's Committee grants
 * it (Decree 140/2025/NĐ-CP), on the procedure of the Construction Law and Decree 175/2024/NĐ-CP;
 * still 15 days. The commune's economic division (in a ward: economic, infrastructure and urban
 * division) appraises and inspects the site, consults the agencies concerned (silence after 8 days
 * is consent), and the committee signs. Which agencies are consulted and the shares are an
 * example [?].
 */
export const constructionPermitHouse2025 = procedure({
  id: 'construction-permit-house',
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  title: { vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', en: 'Construction permit for a detached house' },
  level: 'commune',
  legal: [CONSTRUCTION_LAW, DECREE_175, DECREE_140, ONE_STOP_REGULATIONS.decree118of2025, TWO_TIER_LOCAL_GOVERNMENT],
  agencies: {
    desk: COMMUNE_CENTRE,
    permitting: { name: { vi: 'Phòng Kinh tế (xã) / Phòng Kinh tế, Hạ tầng và Đô thị (phường)', en: 'Commune Economic Division (ward: Economic, Infrastructure and Urban Division)' }, level: 'commune' },
    concerned: { name: { vi: 'Cơ quan quản lý nhà nước có liên quan', en: 'State agencies concerned' }, level: 'province' }, // [?] which ones depends on the site
    committee: { name: { vi: 'Ủy ban nhân dân xã', en: 'Commune People’s Committee' }, level: 'commune' },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'online'], receivingPoints: ANY_CENTRE_IN_PROVINCE })
  .flow(({ step, consult }) => [
    step('appraise', { agency: 'permitting', title: { vi: 'Thẩm định hồ sơ, kiểm tra thực địa', en: 'Appraise the dossier and inspect the site' }, share: '2wd' }), // [?]
    consult('opinions', {
      title: { vi: 'Lấy ý kiến cơ quan quản lý nhà nước liên quan', en: 'Consult the agencies concerned' },
      lead: 'permitting',
      consulted: ['concerned'],
      answerWithin: '8d',
      deemedConsent: true,
      ref: { ...CONSTRUCTION_LAW, note: 'consulted agencies answer within 8 days for detached houses (12 for other works), else deemed to agree' },
    }),
    step('sign', { agency: 'committee', title: { vi: 'Ký cấp giấy phép xây dựng', en: 'Sign the construction permit' }, share: '2wd' }), // [?]
  ])
  .limit({ duration: '15d', mode: 'date', ref: { ...CONSTRUCTION_LAW, note: '15 days for detached houses, 20 days for other works' } })
  .clock({ supplement: 'restart', maxSupplementsPerAgency: 1, ref: { ...CONSTRUCTION_LAW, confidence: 'uncertain', note: 'one supplement request; counted from a complete dossier [?]' } })
  .build();
