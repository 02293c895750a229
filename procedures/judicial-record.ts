import { procedure } from '../src/dsl/builder.ts';

export const JUDICIAL_RECORDS_LAW = { document: 'Law on Judicial Records 2009 (28/2009/QH12)', article: 'Art. 48', effectiveFrom: '2010-07-01', confidence: 'mem' } as const;

/** Judicial records moved from the Ministry and Departments of Justice to the police on 1/3/2025. */
export const POLICE_TAKEOVER = {
  document: 'Transfer of judicial records from the Ministry of Justice to the Ministry of Public Security (government restructuring of 2025)',
  documentVi: 'Chuyển giao nhiệm vụ lý lịch tư pháp từ Bộ Tư pháp sang Bộ Công an (sắp xếp bộ máy năm 2025)',
  effectiveFrom: '2025-03-01',
  confidence: 'src',
  note: 'handover conference of 27/2/2025: from 1/3/2025 the police issue judicial record certificates (press report); the legal instrument’s number not looked up',
} as const;

/**
 * Judicial record certificate (cấp Phiếu lý lịch tư pháp) from the provincial Department of
 * Justice, 10 days; 15 days when the applicant has lived in several places or abroad, or when the
 * erasure of a conviction must be verified. The department checks its own records and asks the
 * provincial police to look up criminal records. Shares are an example [?], in working days: the
 * limit counts calendar days, but shares in days would each roll over weekends.
 */
export const judicialRecord = procedure({
  id: 'judicial-record',
  version: '2010.1',
  effectiveFrom: '2010-07-01',
  effectiveTo: '2025-02-28',
  title: { vi: 'Cấp Phiếu lý lịch tư pháp', en: 'Judicial record certificate' },
  level: 'province',
  legal: [JUDICIAL_RECORDS_LAW],
  agencies: {
    desk: { name: { vi: 'Bộ phận Một cửa Sở Tư pháp', en: 'One-stop desk of the Department of Justice' }, level: 'province', desk: true, succeededBy: { name: { vi: 'Bộ phận tiếp nhận hồ sơ, Công an tỉnh', en: 'Provincial police reception desk' }, from: '2025-03-01', ref: POLICE_TAKEOVER } },
    justice: { name: { vi: 'Sở Tư pháp', en: 'Provincial Department of Justice' }, level: 'province', succeededBy: { name: { vi: 'Công an tỉnh', en: 'Provincial police' }, from: '2025-03-01', ref: POLICE_TAKEOVER } },
    police: { name: { vi: 'Công an tỉnh (Phòng Hồ sơ nghiệp vụ)', en: 'Provincial police (records division)' }, level: 'province' },
  },
  dossier: {
    complex: {
      type: 'boolean',
      label: { vi: 'Cư trú nhiều nơi, ở nước ngoài hoặc cần xác minh xóa án tích', en: 'Lived in several places or abroad, or conviction erasure to verify' },
    },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'postal', 'online'] })
  .flow(({ step, branch }) => [
    // First, so that a complex case's 15-day date is set as soon as processing starts.
    branch('complexity', {
      field: 'complex',
      cases: [
        {
          when: true,
          flow: [step('verify-further', { agency: 'justice', title: { vi: 'Xác minh bổ sung (nơi cư trú, xóa án tích)', en: 'Further verification (places of residence, erasure)' }, share: '3wd' })], // [?]
          extendLimit: '5d',
          ref: { ...JUDICIAL_RECORDS_LAW, note: 'not more than 15 days in these cases' },
        },
      ],
      otherwise: { flow: [] },
    }),
    step('check', { agency: 'justice', title: { vi: 'Tra cứu cơ sở dữ liệu lý lịch tư pháp', en: 'Search the judicial records database' }, share: '1wd' }), // [?]
    step('lookup', { agency: 'police', title: { vi: 'Tra cứu, cung cấp thông tin án tích', en: 'Look up and report criminal records' }, share: '3wd' }), // [?]
    step('issue', { agency: 'justice', title: { vi: 'Ký, cấp Phiếu lý lịch tư pháp', en: 'Sign and issue the certificate' }, share: '1wd' }), // [?]
  ])
  .limit({ duration: '10d', mode: 'date', ref: JUDICIAL_RECORDS_LAW })
  .build();
