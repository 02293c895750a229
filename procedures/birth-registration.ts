import { procedure } from '../src/dsl/builder.ts';

const CIVIL_STATUS_LAW = { document: 'Law on Civil Status 2014 (60/2014/QH13)', article: 'Art. 16', effectiveFrom: '2016-01-01', confidence: 'mem' } as const;

/** The same-day rule as the national portal applies it: received after 15:00, the next working day. */
export const SAME_DAY_CIVIL_STATUS = {
  document: 'Law on Civil Status 2014 (60/2014/QH13)',
  article: 'Art. 16, 18, 34',
  effectiveFrom: '2016-01-01',
  confidence: 'mem',
  note: 'registered at once when the papers are complete; a dossier received after 15:00 that cannot be settled at once is due the next working day (national portal practice, from a secondary source; the text setting 15:00 was not found)',
} as const;

/**
 * Same-day procedures cannot give the one-stop rules' one working day of notice before an apology;
 * one working hour is a modelling choice [?].
 */
export const SAME_DAY_APOLOGY = { noticeBefore: '1wh', max: 1, ref: { document: 'modelling choice for same-day limits', documentVi: 'lựa chọn của mô hình cho thời hạn trong ngày', confidence: 'uncertain' } } as const;

/**
 * Birth registration at the commune (đăng ký khai sinh). The civil-status officer records the birth
 * the day a complete dossier arrives, and the chairman signs the birth certificate: a same-day
 * limit, due at the close of office hours, or the next working day when received after 15:00.
 * The "verification: 3 working days" branch has no basis found in Art. 16 [?]: it is kept only
 * because scenarios and tests still use it, and should go once they no longer do.
 */
export const birthRegistration = procedure({
  id: 'birth-registration',
  version: '2016.1',
  effectiveFrom: '2016-01-01',
  effectiveTo: '2025-06-30',
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
  .receipt({ desk: 'desk', channels: ['in-person', 'online'], handover: 'immediate' }) // the civil-status officer receives and registers at once
  .flow(({ step, branch }) => [
    branch('verification', {
      field: 'needsVerification',
      cases: [
        {
          when: true,
          flow: [step('verify', { agency: 'committee', role: 'civil-status officer', title: { vi: 'Xác minh thông tin khai sinh', en: 'Verify the birth details' }, share: '2wd' })],
          extendLimit: '2wd',
          ref: { document: 'Law on Civil Status 2014 and its guiding decree', note: 'verification → 3 working days: no basis found in Art. 16 [?]', confidence: 'uncertain' },
        },
      ],
      otherwise: { flow: [] },
    }),
    step('register', { agency: 'committee', role: 'civil-status officer', title: { vi: 'Ghi vào Sổ đăng ký khai sinh', en: 'Record the birth in the register' }, share: '1wh' }),
    step('sign', { agency: 'committee', role: 'chairman', title: { vi: 'Chủ tịch UBND xã ký Giấy khai sinh', en: 'The chairman signs the birth certificate' }, share: '1wh' }),
  ])
  .limit({ duration: '1wd', mode: 'same-day', ref: { ...SAME_DAY_CIVIL_STATUS, article: 'Art. 16' } })
  .lateness({ apology: SAME_DAY_APOLOGY })
  .build();
