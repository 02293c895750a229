import { procedure } from '../src/dsl/builder.ts';

export const INVESTMENT_LAW = { document: 'Law on Investment 2020 (61/2020/QH14)', article: 'Art. 38', effectiveFrom: '2021-01-01', confidence: 'mem' } as const;

/**
 * Investment registration certificate (cấp Giấy chứng nhận đăng ký đầu tư) for a project that
 * needs no decision on investment policy, 15 days from a complete dossier, at the provincial
 * Department of Planning and Investment (Department of Finance since March 2025 [?]). The
 * consultation of other departments with deemed consent is an example internal process [?], as
 * are the shares (in working days, which do not roll over weekends one by one).
 */
export const investmentRegistration = procedure({
  id: 'investment-registration',
  version: '2021.1',
  effectiveFrom: '2021-01-01',
  effectiveTo: '2025-06-30',
  title: { vi: 'Cấp Giấy chứng nhận đăng ký đầu tư', en: 'Investment registration certificate' },
  level: 'province',
  legal: [INVESTMENT_LAW, { document: 'Decree 31/2021/NĐ-CP guiding the Law on Investment', effectiveFrom: '2021-03-26', confidence: 'uncertain' }],
  agencies: {
    desk: { name: { vi: 'Trung tâm Phục vụ hành chính công tỉnh', en: 'Provincial public administration service centre' }, level: 'province', desk: true },
    planning: { name: { vi: 'Sở Kế hoạch và Đầu tư', en: 'Department of Planning and Investment' }, level: 'province' },
    construction: { name: { vi: 'Sở Xây dựng', en: 'Department of Construction' }, level: 'province' },
    environment: { name: { vi: 'Sở Tài nguyên và Môi trường', en: 'Department of Natural Resources and Environment' }, level: 'province' },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'postal', 'online'] })
  .flow(({ step, consult }) => [
    step('examine', { agency: 'planning', title: { vi: 'Thẩm tra hồ sơ dự án', en: 'Examine the project dossier' }, share: '2wd' }), // [?]
    consult('opinions', {
      title: { vi: 'Lấy ý kiến các sở liên quan', en: 'Consult the departments concerned' },
      lead: 'planning',
      consulted: ['construction', 'environment'],
      answerWithin: '7d', // [?]
      deemedConsent: true, // [?]
      ref: { ...INVESTMENT_LAW, confidence: 'uncertain', note: 'consultation and deemed consent as an internal process [?]' },
    }),
    step('issue', { agency: 'planning', title: { vi: 'Cấp Giấy chứng nhận đăng ký đầu tư', en: 'Issue the investment registration certificate' }, share: '2wd' }), // [?]
  ])
  .limit({ duration: '15d', mode: 'date', ref: INVESTMENT_LAW })
  .build();
