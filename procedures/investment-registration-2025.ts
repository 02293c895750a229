import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { investmentRegistration } from './investment-registration.ts';
import { ANY_CENTRE_IN_PROVINCE, PROVINCE_CENTRE, TWO_TIER_LOCAL_GOVERNMENT } from './shared/two-tier.ts';

/**
 * Investment registration certificate since 1/7/2025: the same law and limit (Law on Investment
 * 2020 Art. 38, 15 days) at the merged province's Department of Finance, which took over the
 * Department of Planning and Investment in 2025 [mem]; environment is now with the Department of
 * Agriculture and Environment [mem]. The consultation stays an example internal process [?].
 */
export const investmentRegistration2025 = deriveVariant(investmentRegistration, {
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  legal: [...investmentRegistration.legal, ONE_STOP_REGULATIONS.decree118of2025, TWO_TIER_LOCAL_GOVERNMENT],
  agencies: {
    desk: PROVINCE_CENTRE,
    planning: { name: { vi: 'Sở Tài chính', en: 'Department of Finance' }, level: 'province' },
    environment: { name: { vi: 'Sở Nông nghiệp và Môi trường', en: 'Department of Agriculture and Environment' }, level: 'province' },
  },
  receivingPoints: ANY_CENTRE_IN_PROVINCE,
});
