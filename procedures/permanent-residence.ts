import { procedure } from '../src/dsl/builder.ts';

const RESIDENCE_LAW = { document: 'Law on Residence 2020 (68/2020/QH14)', article: 'Art. 22', effectiveFrom: '2021-07-01', confidence: 'mem' } as const;

/**
 * Permanent residence registration (đăng ký thường trú) with the commune police, the residence
 * registration authority, 7 working days from a complete dossier. The shares are an example
 * internal process [?].
 */
export const permanentResidence = procedure({
  id: 'permanent-residence',
  version: '2021.1',
  effectiveFrom: '2021-07-01',
  effectiveTo: '2025-06-30',
  title: { vi: 'Đăng ký thường trú', en: 'Permanent residence registration' },
  level: 'commune',
  legal: [RESIDENCE_LAW],
  agencies: {
    desk: { name: { vi: 'Bộ phận tiếp nhận hồ sơ Công an xã', en: 'Commune police reception desk' }, level: 'commune', desk: true },
    police: { name: { vi: 'Công an xã (cơ quan đăng ký cư trú)', en: 'Commune police (residence registration authority)' }, level: 'commune' },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'online'] })
  .flow(({ step }) => [
    step('examine', { agency: 'police', role: 'residence officer', title: { vi: 'Thẩm định hồ sơ, xác minh chỗ ở hợp pháp', en: 'Examine the dossier and verify the lawful residence' }, share: '4wd' }), // [?]
    step('approve', { agency: 'police', role: 'head of commune police', title: { vi: 'Phê duyệt, cập nhật Cơ sở dữ liệu về cư trú', en: 'Approve and update the residence database' }, share: '2wd' }), // [?]
  ])
  .limit({ duration: '7wd', mode: 'date', ref: RESIDENCE_LAW })
  .build();
