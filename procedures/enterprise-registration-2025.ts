import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { ENTERPRISE_LAW, enterpriseRegistration } from './enterprise-registration.ts';
import { DECREE_168, TWO_TIER_LOCAL_GOVERNMENT } from './shared/two-tier.ts';

/**
 * Enterprise registration since 1/7/2025, under Decree 168/2025/NĐ-CP [mem]: the business
 * registration office of the Department of Finance (after the merger with the Department of
 * Planning and Investment), 3 working days from a valid dossier (Law on Enterprises 2020 Art. 26);
 * an amended dossier starts the 3 days again [?].
 */
export const enterpriseRegistration2025 = deriveVariant(enterpriseRegistration, {
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  legal: [ENTERPRISE_LAW, DECREE_168, ONE_STOP_REGULATIONS.decree118of2025, TWO_TIER_LOCAL_GOVERNMENT],
  agencies: {
    desk: { name: { vi: 'Bộ phận tiếp nhận và trả kết quả, Phòng Đăng ký kinh doanh, Sở Tài chính', en: 'Business registration office (Department of Finance), receiving desk' }, level: 'province', desk: true },
    registration: { name: { vi: 'Phòng Đăng ký kinh doanh, Sở Tài chính', en: 'Business Registration Office, Department of Finance' }, level: 'province' },
  },
  clock: { supplement: 'restart', maxSupplementsPerAgency: 1, ref: { ...DECREE_168, note: 'one notice listing every amendment; the 3 days run again from the resubmission [?]' } },
});
