import { procedure } from '../src/dsl/builder.ts';
import { SAME_DAY_APOLOGY, SAME_DAY_CIVIL_STATUS } from './birth-registration.ts';

const CIVIL_STATUS_LAW = { document: 'Law on Civil Status 2014 (60/2014/QH13)', article: 'Art. 33–34', effectiveFrom: '2016-01-01', confidence: 'mem' } as const;

/**
 * Death registration at the commune (đăng ký khai tử), on its own. When the death must be verified
 * the limit is 3 working days. Otherwise a same-day limit: due at the close of office hours, or the
 * next working day when declared after 15:00. The
 * linked version with residence removal and the funeral
 * allowance is `death-residence-funeral`.
 */
export const deathRegistration = procedure({
  id: 'death-registration',
  version: '2016.1',
  effectiveFrom: '2016-01-01',
  effectiveTo: '2025-06-30',
  title: { vi: 'Đăng ký khai tử', en: 'Death registration' },
  level: 'commune',
  legal: [CIVIL_STATUS_LAW],
  agencies: {
    desk: { name: { vi: 'Bộ phận Một cửa UBND xã', en: 'Commune one-stop desk' }, level: 'commune', desk: true },
    committee: { name: { vi: 'Ủy ban nhân dân xã', en: 'Commune People’s Committee' }, level: 'commune' },
  },
  dossier: {
    needsVerification: { type: 'boolean', label: { vi: 'Cần xác minh', en: 'Needs verification' } },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person', 'online'], handover: 'immediate' }) // the civil-status officer receives and registers at once
  .flow(({ step, branch }) => [
    branch('verification', {
      field: 'needsVerification',
      cases: [
        {
          when: true,
          flow: [step('verify', { agency: 'committee', role: 'civil-status officer', title: { vi: 'Xác minh việc chết', en: 'Verify the death' }, share: '2wd' })],
          extendLimit: '2wd', // 3 working days in all when verification is needed
          ref: { ...CIVIL_STATUS_LAW, article: 'Art. 34', note: 'verification → not more than 3 working days' },
        },
      ],
      otherwise: { flow: [] },
    }),
    step('register', { agency: 'committee', role: 'civil-status officer', title: { vi: 'Ghi vào Sổ đăng ký khai tử', en: 'Record the death in the register' }, share: '1wh' }),
    step('sign', { agency: 'committee', role: 'chairman', title: { vi: 'Chủ tịch UBND xã ký Trích lục khai tử', en: 'The chairman signs the death extract' }, share: '1wh' }),
  ])
  .limit({ duration: '1wd', mode: 'same-day', ref: { ...SAME_DAY_CIVIL_STATUS, article: 'Art. 34' } })
  .lateness({ apology: SAME_DAY_APOLOGY })
  .build();
