import { procedure } from '../src/dsl/builder.ts';
import { fromTheCommune } from './shared/two-tier.ts';

/**
 * Liên thông: birth registration + permanent residence registration + health-insurance card for a
 * child under 6, one dossier through the commune one-stop desk (Decree 63/2024/NĐ-CP).
 * Figures are uncertain: shared/DOMAIN.md gives 3–5 working days in total [?].
 */
export const birthResidenceInsurance = procedure({
  id: 'birth-residence-insurance',
  version: '2024.1',
  effectiveFrom: '2024-07-01',
  effectiveTo: '2025-06-30',
  title: {
    vi: 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    en: 'Birth registration, permanent residence and health-insurance card for a child under 6 (linked)',
  },
  level: 'commune',
  legal: [
    { document: 'Decree 63/2024/NĐ-CP on linked online public services', effectiveFrom: '2024-07-01', confidence: 'uncertain' },
    { document: 'Law on Civil Status 2014 (60/2014/QH13)', article: 'Art. 16', confidence: 'mem' },
  ],
  agencies: {
    desk: { name: { vi: 'Bộ phận Một cửa UBND xã', en: 'Commune one-stop desk' }, level: 'commune', desk: true },
    justice: { name: { vi: 'Công chức tư pháp - hộ tịch', en: 'Civil-status officer' }, level: 'commune' },
    police: { name: { vi: 'Công an xã', en: 'Commune police' }, level: 'commune' },
    insurance: { name: { vi: 'Bảo hiểm xã hội huyện', en: 'District social insurance' }, level: 'district', succeededBy: fromTheCommune('Bảo hiểm xã hội cơ sở', 'Local social insurance office') },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'online'] })
  .flow(({ step, parallel }) => [
    step('register-birth', {
      agency: 'justice',
      title: { vi: 'Đăng ký khai sinh', en: 'Register the birth' },
      share: '1wd', // [?] same day by law when complete; 1 wd share in the linked process
      ref: { document: 'Law on Civil Status 2014', article: 'Art. 16', confidence: 'mem' },
    }),
    parallel('linked', [
      [step('register-residence', { agency: 'police', title: { vi: 'Đăng ký thường trú', en: 'Register permanent residence' }, share: '2wd' })], // [?]
      [step('issue-card', { agency: 'insurance', title: { vi: 'Cấp thẻ BHYT', en: 'Issue the health-insurance card' }, share: '2wd' })], // [?]
    ]),
  ])
  .limit({ duration: '5wd', mode: 'date', ref: { document: 'Decree 63/2024/NĐ-CP', confidence: 'uncertain', note: '3–5 working days in total [?]' } })
  .build();
