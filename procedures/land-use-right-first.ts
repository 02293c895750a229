import { procedure } from '../src/dsl/builder.ts';
import { fromTheCommune } from './shared/two-tier.ts';

export const LAND_LAW = { document: 'Land Law 2024 (31/2024/QH15)', effectiveFrom: '2024-08-01', confidence: 'uncertain' } as const;
/** Land competence re-allocated between the province and the commune from 1/7/2025. */
export const DECREE_151 = {
  document: 'Decree 151/2025/NĐ-CP on the division of competence of two-tier local government in land, as amended by Decree 226/2025/NĐ-CP',
  effectiveFrom: '2025-07-01',
  confidence: 'uncertain',
  note: 'from the team’s domain notes [src-2]; that the commune chairman issues first certificates to households and individuals is believed, not read in the text [?]',
} as const;
export const DECREE_101 = { document: 'Decree 101/2024/NĐ-CP on land registration and certificates', effectiveFrom: '2024-08-01', confidence: 'uncertain' } as const;

/**
 * First land-use-right certificate for a household (cấp Giấy chứng nhận lần đầu). The commune
 * verifies and posts the dossier publicly, the land registration office checks it and informs the
 * tax authority, the applicant pays (excluded from the limit), the issuer signs. Remote communes get
 * 10 more working days. Every figure is uncertain [?]: shares are an example internal process.
 */
export const landUseRightFirst = procedure({
  id: 'land-use-right-first',
  version: '2024.1',
  effectiveFrom: '2024-08-01',
  effectiveTo: '2025-06-30',
  title: { vi: 'Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu', en: 'First registration and land-use-right certificate' },
  level: 'district',
  legal: [LAND_LAW, DECREE_101],
  agencies: {
    desk: { name: { vi: 'Bộ phận Một cửa cấp huyện', en: 'District one-stop desk' }, level: 'district', desk: true, succeededBy: fromTheCommune('Trung tâm Phục vụ hành chính công xã', 'Commune public administration service centre') },
    commune: { name: { vi: 'UBND xã', en: 'Commune People’s Committee' }, level: 'commune' },
    landOffice: { name: { vi: 'Chi nhánh Văn phòng đăng ký đất đai', en: 'Land registration office (branch)' }, level: 'district' },
    tax: { name: { vi: 'Cơ quan thuế', en: 'Tax authority' }, level: 'district' },
    issuer: { name: { vi: 'Cơ quan có thẩm quyền cấp Giấy chứng nhận', en: 'Certificate issuer' }, level: 'district', succeededBy: fromTheCommune('Chủ tịch Ủy ban nhân dân xã', 'Chairman of the commune People’s Committee', DECREE_151) },
  },
  dossier: {
    remoteCommune: { type: 'boolean', label: { vi: 'Xã miền núi, hải đảo, vùng khó khăn', en: 'Remote, mountainous or island commune' } },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'postal', 'online'] })
  .flow(({ step, parallel, branch, excluded }) => [
    branch('remote-extension', {
      field: 'remoteCommune',
      cases: [{ when: true, flow: [], extendLimit: '10wd', ref: { ...DECREE_101, note: '+10 working days for remote communes [?]' } }],
      otherwise: { flow: [] },
    }),
    step('verify-origin', { agency: 'commune', title: { vi: 'Xác nhận nguồn gốc, hiện trạng sử dụng đất', en: 'Verify land origin and current use' }, share: '5wd' }), // [?]
    excluded('public-posting', {
      title: { vi: 'Niêm yết công khai 15 ngày', en: '15-day public posting' },
      reason: 'public-posting',
      party: 'commune',
      lasts: '15d', // [?] whether posting counts in the limit is uncertain; modelled as excluded
      ref: DECREE_101,
    }),
    step('check-dossier', { agency: 'landOffice', title: { vi: 'Kiểm tra hồ sơ, trích đo', en: 'Check the dossier and cadastral map' }, share: '7wd' }), // [?]
    parallel('tax-and-draft', [
      [step('tax-notice', { agency: 'tax', title: { vi: 'Xác định nghĩa vụ tài chính, ra thông báo thuế', en: 'Assess the financial obligation and issue the tax notice' }, share: '3wd' })], // [?] ≈5 wd in practice
      [step('draft-certificate', { agency: 'landOffice', title: { vi: 'Chuẩn bị Giấy chứng nhận', en: 'Prepare the certificate' }, share: '2wd' })],
    ]),
    excluded('pay-land-tax', {
      title: { vi: 'Người sử dụng đất nộp tiền sử dụng đất, lệ phí', en: 'The applicant pays land levy and fees' },
      reason: 'payment',
      party: 'applicant',
      ref: { ...LAND_LAW, note: 'Time to fulfil financial obligations is not counted [mem]' },
    }),
    step('sign-certificate', { agency: 'issuer', title: { vi: 'Ký cấp Giấy chứng nhận', en: 'Sign the certificate' }, share: '3wd' }), // [?]
  ])
  .limit({ duration: '20wd', mode: 'date', ref: { ...DECREE_101, note: 'about 20 working days [?]; +10 wd for remote communes' } })
  .clock({ supplement: 'pause', maxSupplementsPerAgency: 1 })
  .build();
