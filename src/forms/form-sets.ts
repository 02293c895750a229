import type { Label, LegalRef } from '../legal.ts';

/** What a form is for; the same kind may have another number in another period. */
export type FormKind = 'receipt' | 'completion-request' | 'refusal' | 'apology' | 'stop-notice' | 'control-slip' | 'tracking-book';

/** One form of a period, with its number in the circular that issues it. */
export interface FormSpec {
  /** `01`, `02`…: the number (Mẫu số) in the circular's annex. */
  readonly number: string;
  readonly kind: FormKind;
  /** The official name of the form, in Vietnamese, with an English rendering. */
  readonly title: Label;
  /** The paper it is printed on. */
  readonly paper: 'A4' | 'A5';
}

/** The forms issued for one period of the one-stop regulation, with the days they apply. */
export interface FormSet {
  readonly ref: LegalRef;
  /** `YYYY-MM-DD`: the first day of receipt the forms apply to. */
  readonly from: string;
  /** `YYYY-MM-DD`: the last day; open-ended when absent. */
  readonly to?: string;
  readonly forms: readonly FormSpec[];
}

/**
 * The forms of the one-stop mechanism by period. Circular 01/2018/TT-VPCP (guiding Decree
 * 61/2018/NĐ-CP) issued six, effective 06/01/2019, designed for A5 paper but the tracking book for
 * A4; Circular 03/2025/TT-VPCP (15/9/2025, guiding Decree 118/2025/NĐ-CP, Annex I) issued seven,
 * adding the stop notice and turning the apology into an apology with a request to extend. Whether
 * the 2018 forms stayed in use between 01/07/2025 (Decree 118/2025 in force) and 15/09/2025 is not
 * verified; the paper size of the 2025 forms is not verified (A4 here).
 *
 * @example
 * FORM_SETS.map((s) => [s.ref.document, s.forms.length]) // → [ [ 'Circular 01/2018/TT-VPCP', 6 ], [ 'Circular 03/2025/TT-VPCP', 7 ] ]
 */
export const FORM_SETS: readonly FormSet[] = [
  {
    ref: {
      document: 'Circular 01/2018/TT-VPCP',
      article: 'Annex (Mẫu số 01–06)',
      effectiveFrom: '2019-01-06',
      effectiveTo: '2025-09-14',
      confidence: 'src',
      note: 'forms 01–05 for A5 paper, 06 for A4; the end date assumes the forms were used until Circular 03/2025/TT-VPCP (not verified)',
    },
    from: '2019-01-06',
    to: '2025-09-14',
    forms: [
      { number: '01', kind: 'receipt', title: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment slip' }, paper: 'A5' },
      { number: '02', kind: 'completion-request', title: { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request to supplement and complete the dossier' }, paper: 'A5' },
      { number: '03', kind: 'refusal', title: { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal to receive and process the dossier' }, paper: 'A5' },
      { number: '04', kind: 'apology', title: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology slip with a new return date' }, paper: 'A5' },
      { number: '05', kind: 'control-slip', title: { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Control slip of the processing' }, paper: 'A5' },
      { number: '06', kind: 'tracking-book', title: { vi: 'Sổ theo dõi hồ sơ', en: 'Dossier tracking book' }, paper: 'A4' },
    ],
  },
  {
    ref: { document: 'Circular 03/2025/TT-VPCP', article: 'Annex I (Mẫu số 01–07)', effectiveFrom: '2025-09-15', confidence: 'src', note: 'issued 15/9/2025; taken to apply from that day (not verified); paper size not verified' },
    from: '2025-09-15',
    forms: [
      { number: '01', kind: 'receipt', title: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment slip' }, paper: 'A4' },
      { number: '02', kind: 'completion-request', title: { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request to supplement and complete the dossier' }, paper: 'A4' },
      { number: '03', kind: 'refusal', title: { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal to receive and process the dossier' }, paper: 'A4' },
      { number: '04', kind: 'apology', title: { vi: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết', en: 'Apology and request to extend the time for processing' }, paper: 'A4' },
      { number: '05', kind: 'stop-notice', title: { vi: 'Thông báo dừng giải quyết hồ sơ', en: 'Notice that processing of the dossier is stopped' }, paper: 'A4' },
      { number: '06', kind: 'control-slip', title: { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Control slip of the processing' }, paper: 'A4' },
      { number: '07', kind: 'tracking-book', title: { vi: 'Sổ theo dõi hồ sơ', en: 'Dossier tracking book' }, paper: 'A4' },
    ],
  },
];

/**
 * The set of forms in force on a day of receipt, or null before the first.
 *
 * @example
 * formSetOn('2024-03-04')?.ref.document // → 'Circular 01/2018/TT-VPCP'
 * formSetOn('2026-03-02')?.forms.length // → 7
 * formSetOn('2016-05-10') // → null
 */
export function formSetOn(day: string): FormSet | null {
  return FORM_SETS.find((s) => s.from <= day && (s.to === undefined || day <= s.to)) ?? null;
}

/**
 * The form of a set a name asks for: its number (`1`, `01`) or its kind (`receipt`, `stop-notice`…).
 *
 * @example
 * findForm(FORM_SETS[1]!, '5')?.kind // → 'stop-notice'
 * findForm(FORM_SETS[0]!, 'stop-notice') // → null
 */
export function findForm(set: FormSet, name: string): FormSpec | null {
  const number = /^\d{1,2}$/.test(name) ? name.padStart(2, '0') : null;
  return set.forms.find((f) => f.number === number || f.kind === name) ?? null;
}
