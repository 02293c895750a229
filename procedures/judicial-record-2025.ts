import { procedure } from '../src/dsl/builder.ts';
import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { JUDICIAL_RECORDS_LAW, POLICE_TAKEOVER } from './judicial-record.ts';

/**
 * Judicial record certificate since 1/3/2025, from the provincial police, which took over judicial
 * records from the Department of Justice: still 10 days, 15 days in complex cases (Law on Judicial
 * Records 2009 Art. 48). The police's records division searches the judicial records database and
 * the criminal records, and issues the certificate. Shares are an example [?], in working days.
 * From 1/7/2025 Decree 118/2025/NĐ-CP is the one-stop regulation (chosen by the day of receipt).
 */
export const judicialRecord2025 = procedure({
  id: 'judicial-record',
  version: '2025.1',
  effectiveFrom: '2025-03-01',
  title: { vi: 'Cấp Phiếu lý lịch tư pháp', en: 'Judicial record certificate' },
  level: 'province',
  legal: [JUDICIAL_RECORDS_LAW, POLICE_TAKEOVER, ONE_STOP_REGULATIONS.decree118of2025],
  agencies: {
    desk: { name: { vi: 'Bộ phận tiếp nhận hồ sơ, Công an tỉnh', en: 'Provincial police reception desk' }, level: 'province', desk: true },
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
    branch('complexity', {
      field: 'complex',
      cases: [
        {
          when: true,
          flow: [step('verify-further', { agency: 'police', title: { vi: 'Xác minh bổ sung (nơi cư trú, xóa án tích)', en: 'Further verification (places of residence, erasure)' }, share: '3wd' })], // [?]
          extendLimit: '5d',
          ref: { ...JUDICIAL_RECORDS_LAW, note: 'not more than 15 days in these cases' },
        },
      ],
      otherwise: { flow: [] },
    }),
    step('check', { agency: 'police', title: { vi: 'Tra cứu cơ sở dữ liệu lý lịch tư pháp và hồ sơ án tích', en: 'Search the judicial and criminal records' }, share: '3wd' }), // [?]
    step('issue', { agency: 'police', title: { vi: 'Ký, cấp Phiếu lý lịch tư pháp', en: 'Sign and issue the certificate' }, share: '1wd' }), // [?]
  ])
  .limit({ duration: '10d', mode: 'date', ref: JUDICIAL_RECORDS_LAW })
  .build();
