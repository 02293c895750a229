import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { JUDICIAL_RECORDS_LAW, POLICE_TAKEOVER, judicialRecord } from './judicial-record.ts';

/**
 * Judicial record certificate since 1/3/2025, from the provincial police, which took over judicial
 * records from the Department of Justice: still 10 days, 15 days in complex cases (Law on Judicial
 * Records 2009 Art. 48). The police's records division searches the judicial records database and
 * the criminal records in one step (the Department's check and the police lookup of version
 * 2010.1 become one), and issues the certificate. Shares are an example [?], in working days.
 * From 1/7/2025 Decree 118/2025/NĐ-CP is the one-stop regulation (chosen by the day of receipt).
 * The dossier field, the branch and the limit are version 2010.1's.
 */
export const judicialRecord2025 = deriveVariant(judicialRecord, {
  version: '2025.1',
  effectiveFrom: '2025-03-01',
  legal: [JUDICIAL_RECORDS_LAW, POLICE_TAKEOVER, ONE_STOP_REGULATIONS.decree118of2025],
  agencies: { desk: { name: { vi: 'Bộ phận tiếp nhận hồ sơ, Công an tỉnh', en: 'Provincial police reception desk' }, level: 'province', desk: true } },
  removeAgencies: ['justice'],
  remove: ['lookup'],
  shares: { check: '3wd' }, // [?]
  steps: {
    'verify-further': { agency: 'police' },
    check: { agency: 'police', title: { vi: 'Tra cứu cơ sở dữ liệu lý lịch tư pháp và hồ sơ án tích', en: 'Search the judicial and criminal records' } },
    issue: { agency: 'police' },
  },
});
