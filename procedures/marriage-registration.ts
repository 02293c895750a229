import { procedure } from '../src/dsl/builder.ts';
import { SAME_DAY_APOLOGY, SAME_DAY_CIVIL_STATUS } from './birth-registration.ts';

const CIVIL_STATUS_LAW = { document: 'Law on Civil Status 2014 (60/2014/QH13)', article: 'Art. 18', effectiveFrom: '2016-01-01', confidence: 'mem' } as const;

/**
 * Marriage registration at the commune (đăng ký kết hôn). The civil-status officer records the
 * marriage, both partners sign the register and the chairman hands over the certificate. When the
 * conditions of marriage must be verified the limit is 5 working days.
 *
 * A same-day limit (due at the close of office hours; after 15:00 the next working day); the
 * verification branch extends it by 4 working days.
 */
export const marriageRegistration = procedure({
  id: 'marriage-registration',
  version: '2016.1',
  effectiveFrom: '2016-01-01',
  effectiveTo: '2025-06-30',
  title: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
  level: 'commune',
  legal: [CIVIL_STATUS_LAW],
  agencies: {
    desk: { name: { vi: 'Bộ phận Một cửa UBND xã', en: 'Commune one-stop desk' }, level: 'commune', desk: true },
    committee: { name: { vi: 'Ủy ban nhân dân xã', en: 'Commune People’s Committee' }, level: 'commune' },
  },
  dossier: {
    needsVerification: { type: 'boolean', label: { vi: 'Cần xác minh điều kiện kết hôn', en: 'The conditions of marriage need verification' } },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'online'], handover: 'immediate' }) // the civil-status officer receives and registers at once
  .flow(({ step, branch }) => [
    branch('verification', {
      field: 'needsVerification',
      cases: [
        {
          when: true,
          flow: [step('verify', { agency: 'committee', role: 'civil-status officer', title: { vi: 'Xác minh điều kiện kết hôn', en: 'Verify the conditions of marriage' }, share: '4wd' })],
          extendLimit: '4wd', // 5 working days in all when verification is needed
          ref: { ...CIVIL_STATUS_LAW, note: 'verification → not more than 5 working days' },
        },
      ],
      otherwise: { flow: [] },
    }),
    step('register', { agency: 'committee', role: 'civil-status officer', title: { vi: 'Ghi vào Sổ đăng ký kết hôn, hai bên ký', en: 'Record the marriage; both partners sign' }, share: '1wh' }),
    step('sign', { agency: 'committee', role: 'chairman', title: { vi: 'Chủ tịch UBND xã trao Giấy chứng nhận kết hôn', en: 'The chairman hands over the marriage certificate' }, share: '1wh' }),
  ])
  .limit({ duration: '1wd', mode: 'same-day', ref: { ...SAME_DAY_CIVIL_STATUS, article: 'Art. 18' } })
  .lateness({ apology: SAME_DAY_APOLOGY })
  .build();
