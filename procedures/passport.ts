import { procedure } from '../src/dsl/builder.ts';

const EXIT_ENTRY_LAW = {
  document: 'Law on Exit and Entry of Vietnamese Citizens 2019 (49/2019/QH14)',
  article: 'Art. 15',
  effectiveFrom: '2020-07-01',
  confidence: 'mem',
} as const;

/**
 * Ordinary passport (cấp hộ chiếu phổ thông) at the immigration office of the provincial police,
 * 8 working days from a complete dossier. Shares are an example internal process [?].
 */
export const passport = procedure({
  id: 'passport',
  version: '2020.1',
  effectiveFrom: '2020-07-01',
  effectiveTo: '2025-06-30',
  title: { vi: 'Cấp hộ chiếu phổ thông trong nước', en: 'Ordinary passport' },
  level: 'province',
  legal: [EXIT_ENTRY_LAW],
  agencies: {
    desk: { name: { vi: 'Bộ phận tiếp nhận hồ sơ, Phòng Quản lý xuất nhập cảnh', en: 'Immigration office reception desk' }, level: 'province', desk: true },
    immigration: { name: { vi: 'Phòng Quản lý xuất nhập cảnh, Công an tỉnh', en: 'Immigration Office, Provincial Police' }, level: 'province' },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'online'] })
  .flow(({ step }) => [
    step('examine', { agency: 'immigration', role: 'officer', title: { vi: 'Kiểm tra hồ sơ, đối chiếu dữ liệu dân cư', en: 'Examine the dossier against the population database' }, share: '2wd' }), // [?]
    step('approve', { agency: 'immigration', role: 'head of office', title: { vi: 'Duyệt cấp hộ chiếu', en: 'Approve the passport' }, share: '2wd' }), // [?]
    step('personalise', { agency: 'immigration', title: { vi: 'In, cá thể hóa hộ chiếu', en: 'Print and personalise the passport' }, share: '3wd' }), // [?]
  ])
  .limit({ duration: '8wd', mode: 'date', ref: EXIT_ENTRY_LAW })
  .build();
