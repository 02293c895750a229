import { procedure } from '../src/dsl/builder.ts';

const CIVIL_STATUS_LAW = { document: 'Law on Civil Status 2014 (60/2014/QH13)', article: 'Art. 16', effectiveFrom: '2016-01-01', confidence: 'mem' } as const;

/**
 * Birth registration at the commune (đăng ký khai sinh). The civil-status officer records the birth
 * the day a complete dossier arrives, and the chairman signs the birth certificate. When the facts must be
 * verified the limit grows to 3 working days.
 *
 * "Same day; received after 15:00, the next working day" has no exact form in either counting
 * mode. It is modelled as the legal date mode's 1 working day: due at the end of the next working
 * day, so a birth registered the day it was received counts as early and one registered the next
 * day as on time, even when received before 15:00 [?]. (The hours mode would be tighter, but the
 * desk may transfer a paper dossier as late as the close of the day, leaving the officer nothing.)
 */
export const birthRegistration = procedure({
  id: 'birth-registration',
  version: '2016.1',
  effectiveFrom: '2016-01-01',
  title: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
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
  .receipt({ desk: 'desk', channels: ['in-person', 'online'] })
  .flow(({ step, branch }) => [
    branch('verification', {
      field: 'needsVerification',
      cases: [
        {
          when: true,
          flow: [step('verify', { agency: 'committee', role: 'civil-status officer', title: { vi: 'Xác minh thông tin khai sinh', en: 'Verify the birth details' }, share: '2wd' })],
          extendLimit: '2wd', // [?] 3 working days in all when verification is needed
          ref: { document: 'Law on Civil Status 2014 and its guiding decree', note: 'verification → 3 working days [?]', confidence: 'uncertain' },
        },
      ],
      otherwise: { flow: [] },
    }),
    step('register', { agency: 'committee', role: 'civil-status officer', title: { vi: 'Ghi vào Sổ đăng ký khai sinh', en: 'Record the birth in the register' }, share: '1wh' }),
    step('sign', { agency: 'committee', role: 'chairman', title: { vi: 'Chủ tịch UBND xã ký Giấy khai sinh', en: 'The chairman signs the birth certificate' }, share: '1wh' }),
  ])
  .limit({ duration: '1wd', mode: 'date', ref: { ...CIVIL_STATUS_LAW, note: 'same day; after 15:00 the next working day: modelled as 1 working day [?]' } })
  .build();
