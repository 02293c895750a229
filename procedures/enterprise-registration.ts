import { procedure } from '../src/dsl/builder.ts';

export const ENTERPRISE_LAW = { document: 'Law on Enterprises 2020 (59/2020/QH14)', article: 'Art. 26', effectiveFrom: '2021-01-01', confidence: 'mem' } as const;
const DECREE_01 = { document: 'Decree 01/2021/NĐ-CP on enterprise registration', effectiveFrom: '2021-01-04', confidence: 'uncertain' } as const;

/**
 * Enterprise registration (đăng ký thành lập doanh nghiệp) at the provincial business registration
 * office, 3 working days from a valid dossier. The enterprise code is the tax code: the national
 * business registration system obtains it from the tax authority's system before the certificate
 * is issued. A dossier sent back for amendment starts the 3 days again when it is resubmitted.
 * Since March 2025 the office belongs to the provincial Department of Finance, after the merger
 * of the Departments of Planning and Investment and of Finance [?].
 */
export const enterpriseRegistration = procedure({
  id: 'enterprise-registration',
  version: '2021.1',
  effectiveFrom: '2021-01-04',
  effectiveTo: '2025-06-30',
  title: { vi: 'Đăng ký thành lập doanh nghiệp', en: 'Enterprise registration' },
  level: 'province',
  legal: [ENTERPRISE_LAW, DECREE_01],
  agencies: {
    desk: { name: { vi: 'Bộ phận tiếp nhận và trả kết quả, Phòng Đăng ký kinh doanh', en: 'Business registration office, receiving desk' }, level: 'province', desk: true },
    registration: { name: { vi: 'Phòng Đăng ký kinh doanh, Sở Kế hoạch và Đầu tư', en: 'Business Registration Office, Department of Planning and Investment' }, level: 'province' },
    tax: { name: { vi: 'Cơ quan thuế (Hệ thống ứng dụng đăng ký thuế)', en: 'Tax authority (tax registration system)' }, level: 'province' },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'postal', 'online'] })
  .flow(({ step }) => [
    step('examine', { agency: 'registration', title: { vi: 'Kiểm tra tính hợp lệ của hồ sơ', en: 'Check that the dossier is valid' }, share: '1wd' }), // [?]
    step('tax-code', { agency: 'tax', title: { vi: 'Tạo mã số doanh nghiệp (mã số thuế)', en: 'Generate the enterprise code (tax code)' }, share: '0.5wd', ref: DECREE_01 }), // [?] automatic in practice
    step('issue', { agency: 'registration', title: { vi: 'Cấp Giấy chứng nhận đăng ký doanh nghiệp', en: 'Issue the enterprise registration certificate' }, share: '1wd' }), // [?]
  ])
  .limit({ duration: '3wd', mode: 'date', ref: ENTERPRISE_LAW })
  .clock({
    supplement: 'restart',
    maxSupplementsPerAgency: 1,
    ref: { ...DECREE_01, note: 'one notice listing every amendment; the 3 days run again from the resubmission [?]' },
  })
  .build();
