import { procedure } from '../src/dsl/builder.ts';
import { fromTheCommune } from './shared/two-tier.ts';

const DECREE_01 = { document: 'Decree 01/2021/NĐ-CP on enterprise registration', article: 'Art. 87', effectiveFrom: '2021-01-04', confidence: 'mem' } as const;

/**
 * Household business registration (đăng ký hộ kinh doanh) before the 2025 reform: at the district,
 * by the finance-planning division, 3 working days, paper dossiers only in this model. A specialist
 * examines the dossier, the head of division reviews it and the certificate is issued. Since
 * 2025-07-01 the district level is abolished and the procedure moved to the commune: see
 * `household-business-2025.ts`, the next version of the same procedure. Shares are an example [?].
 */
export const householdBusiness2021 = procedure({
  id: 'household-business-registration',
  version: '2021.1',
  effectiveFrom: '2021-01-04',
  effectiveTo: '2025-06-30',
  title: { vi: 'Đăng ký thành lập hộ kinh doanh', en: 'Household business registration' },
  level: 'district',
  legal: [DECREE_01],
  agencies: {
    desk: { name: { vi: 'Bộ phận Một cửa UBND huyện', en: 'District one-stop desk' }, level: 'district', desk: true, succeededBy: fromTheCommune('Trung tâm Phục vụ hành chính công xã', 'Commune public administration service centre') },
    division: { name: { vi: 'Phòng Tài chính - Kế hoạch UBND huyện', en: 'District Finance and Planning Division' }, level: 'district', succeededBy: fromTheCommune('Phòng Kinh tế UBND xã', 'Commune Economic Division') },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person'] })
  .flow(({ step }) => [
    step('examine', { agency: 'division', role: 'specialist', title: { vi: 'Thẩm định hồ sơ', en: 'Examine the dossier' }, share: '1wd' }), // [?]
    step('review', { agency: 'division', role: 'head of division', title: { vi: 'Lãnh đạo phòng xem xét', en: 'The head of division reviews' }, share: '1wd' }), // [?]
    step('issue', { agency: 'division', role: 'head of division', title: { vi: 'Cấp Giấy chứng nhận đăng ký hộ kinh doanh', en: 'Issue the household business registration certificate' }, share: '0.5wd' }), // [?]
  ])
  .limit({ duration: '3wd', mode: 'date', ref: DECREE_01 })
  .build();
