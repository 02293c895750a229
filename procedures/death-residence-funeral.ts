import { procedure } from '../src/dsl/builder.ts';
import { fromTheCommune } from './shared/two-tier.ts';

export const DECREE_63 = { document: 'Decree 63/2024/NĐ-CP on linked online public services', effectiveFrom: '2024-07-01', confidence: 'uncertain' } as const;

/**
 * Liên thông: death registration + removal of the permanent residence registration + funeral
 * allowance, one dossier through the commune one-stop desk. The civil-status officer registers the
 * death, then the commune police and social insurance work in parallel. shared/DOMAIN.md gives
 * 5–7 working days in total [?]: the limit takes the upper bound, the shares are an example.
 * Since 2025-07-01 district social insurance offices are reorganised; the agency is as of 2024.
 */
export const deathResidenceFuneral = procedure({
  id: 'death-residence-funeral',
  version: '2024.1',
  effectiveFrom: '2024-07-01',
  effectiveTo: '2025-06-30',
  title: {
    vi: 'Liên thông đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất (trợ cấp mai táng phí)',
    en: 'Death registration, removal of permanent residence and funeral allowance (linked)',
  },
  level: 'commune',
  legal: [DECREE_63, { document: 'Law on Civil Status 2014 (60/2014/QH13)', article: 'Art. 33–34', confidence: 'mem' }],
  agencies: {
    desk: { name: { vi: 'Bộ phận Một cửa UBND xã', en: 'Commune one-stop desk' }, level: 'commune', desk: true },
    justice: { name: { vi: 'Công chức tư pháp - hộ tịch', en: 'Civil-status officer' }, level: 'commune' },
    police: { name: { vi: 'Công an xã', en: 'Commune police' }, level: 'commune' },
    insurance: { name: { vi: 'Bảo hiểm xã hội huyện', en: 'District social insurance' }, level: 'district', succeededBy: fromTheCommune('Bảo hiểm xã hội cơ sở', 'Local social insurance office') },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'online'] })
  .flow(({ step, parallel }) => [
    step('register-death', { agency: 'justice', title: { vi: 'Đăng ký khai tử', en: 'Register the death' }, share: '1wd' }), // [?]
    parallel('linked', [
      [step('remove-residence', { agency: 'police', title: { vi: 'Xóa đăng ký thường trú', en: 'Remove the permanent residence registration' }, share: '2wd' })], // [?]
      [step('funeral-allowance', { agency: 'insurance', title: { vi: 'Giải quyết trợ cấp mai táng', en: 'Decide the funeral allowance' }, share: '5wd' })], // [?]
    ]),
  ])
  .limit({ duration: '7wd', mode: 'date', ref: { ...DECREE_63, note: '5–7 working days in total [?]; the upper bound' } })
  .build();
