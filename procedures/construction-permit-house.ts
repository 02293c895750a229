import { procedure } from '../src/dsl/builder.ts';
import { fromTheCommune } from './shared/two-tier.ts';

export const CONSTRUCTION_LAW = {
  document: 'Construction Law 2014 (50/2014/QH13), as amended by Law 62/2020/QH14',
  article: 'Art. 102',
  effectiveFrom: '2021-01-01',
  confidence: 'mem',
} as const;

/** Construction permits for houses moved to the commune People's Committee on 1/7/2025. */
export const DECREE_140 = {
  document: 'Decree 140/2025/NĐ-CP (12/6/2025) on the division of competence of two-tier local government in the fields of the Ministry of Construction',
  effectiveFrom: '2025-07-01',
  confidence: 'src',
  note: 'the commune People’s Committee grants construction permits; the procedure follows the Construction Law and Decree 175/2024/NĐ-CP',
} as const;

/**
 * Construction permit for a detached house (cấp giấy phép xây dựng nhà ở riêng lẻ) at the district,
 * 15 days, counted in calendar days. The permitting division appraises the dossier and inspects the
 * site, consults the agencies concerned (silence after 8 days is consent; 12 days for other
 * works), and the district People's Committee signs. The permitting authority may ask for papers
 * once; the 15 days count from a complete dossier, so the clock restarts when they arrive [?].
 * Since 2025-07-01 the commune People's Committee issues permits for detached houses (two-tier
 * local government) [?]; this version is the district one. Shares are an example [?], in working
 * days: a chain of shares in calendar days would each roll over weekends and add up past the limit.
 */
export const constructionPermitHouse = procedure({
  id: 'construction-permit-house',
  version: '2021.1',
  effectiveFrom: '2021-01-01',
  effectiveTo: '2025-06-30',
  title: { vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', en: 'Construction permit for a detached house' },
  level: 'district',
  legal: [CONSTRUCTION_LAW, { document: 'Decree 15/2021/NĐ-CP on construction investment projects', effectiveFrom: '2021-03-03', confidence: 'uncertain' }],
  agencies: {
    desk: { name: { vi: 'Bộ phận Một cửa UBND huyện', en: 'District one-stop desk' }, level: 'district', desk: true, succeededBy: fromTheCommune('Trung tâm Phục vụ hành chính công xã', 'Commune public administration service centre', DECREE_140) },
    permitting: { name: { vi: 'Phòng Kinh tế - Hạ tầng (Quản lý đô thị) UBND huyện', en: 'District Economic and Infrastructure (Urban Management) Division' }, level: 'district', succeededBy: fromTheCommune('Phòng Kinh tế (xã) / Phòng Kinh tế, Hạ tầng và Đô thị (phường)', 'Commune Economic Division (ward: Economic, Infrastructure and Urban Division)', DECREE_140) },
    landDivision: { name: { vi: 'Phòng Tài nguyên và Môi trường UBND huyện', en: 'District Natural Resources and Environment Division' }, level: 'district', succeededBy: fromTheCommune('Phòng Kinh tế UBND xã', 'Commune Economic Division') },
    commune: { name: { vi: 'UBND xã', en: 'Commune People’s Committee' }, level: 'commune' },
    districtCommittee: { name: { vi: 'Ủy ban nhân dân huyện', en: 'District People’s Committee' }, level: 'district', succeededBy: fromTheCommune('Ủy ban nhân dân xã', 'Commune People’s Committee', DECREE_140) },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'online'] })
  .flow(({ step, consult }) => [
    step('appraise', { agency: 'permitting', title: { vi: 'Thẩm định hồ sơ, kiểm tra thực địa', en: 'Appraise the dossier and inspect the site' }, share: '2wd' }), // [?]
    consult('opinions', {
      title: { vi: 'Lấy ý kiến cơ quan quản lý nhà nước liên quan', en: 'Consult the agencies concerned' },
      lead: 'permitting',
      consulted: ['landDivision', 'commune'], // [?] which agencies depends on the site
      answerWithin: '8d',
      deemedConsent: true,
      ref: { ...CONSTRUCTION_LAW, note: 'consulted agencies answer within 8 days for detached houses (12 for other works), else deemed to agree' },
    }),
    step('sign', { agency: 'districtCommittee', title: { vi: 'Ký cấp giấy phép xây dựng', en: 'Sign the construction permit' }, share: '2wd' }), // [?]
  ])
  .limit({ duration: '15d', mode: 'date', ref: { ...CONSTRUCTION_LAW, note: '15 days for detached houses, 20 days for other works' } })
  .clock({ supplement: 'restart', maxSupplementsPerAgency: 1, ref: { ...CONSTRUCTION_LAW, confidence: 'uncertain', note: 'one supplement request; counted from a complete dossier [?]' } })
  .build();
