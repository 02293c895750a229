import type { Label } from '../legal.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';

/** The language of the labels an exporter writes; documentation in BPMN always carries both. */
export type ExportLang = 'vi' | 'en';

/** Options shared by the exporters. */
export interface ExportOptions {
  /** Language of names and labels; Vietnamese unless told. */
  readonly lang?: ExportLang;
}

/**
 * The fixed words of the lifecycle every procedure shares, in both languages. Event names
 * (`ACCEPT`, `TIMER`, …) are the machine's and are not translated.
 */
export const WORDS = {
  receiving: { vi: 'Tiếp nhận, kiểm tra hồ sơ', en: 'Receiving and checking the dossier' },
  received: { vi: 'Nhận hồ sơ', en: 'Dossier received' },
  complete: { vi: 'Hồ sơ đầy đủ?', en: 'Dossier complete?' },
  accept: { vi: 'tiếp nhận', en: 'accept' },
  awaitingCompletion: { vi: 'Chờ bổ sung, hoàn thiện hồ sơ', en: 'Awaiting completion of the dossier' },
  completionSupplied: { vi: 'Nhận hồ sơ đã bổ sung', en: 'Completed papers received' },
  transferring: { vi: 'Chuyển hồ sơ đến cơ quan giải quyết', en: 'Transferring to the processing agency' },
  online: { vi: 'trực tuyến thì chuyển ngay', en: 'online at once' },
  immediate: { vi: 'cán bộ một cửa giải quyết ngay', en: 'the desk handles it at once' },
  parallel: { vi: 'Song song', en: 'In parallel' },
  processing: { vi: 'Giải quyết hồ sơ', en: 'Processing' },
  limit: { vi: 'thời hạn', en: 'limit' },
  resultReady: { vi: 'Có kết quả', en: 'Result ready' },
  returnResult: { vi: 'Trả kết quả', en: 'Return the result' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  rated: { vi: 'Đã đánh giá', en: 'Rated' },
  closed: { vi: 'Kết thúc, không đánh giá', en: 'Closed unrated' },
  refused: { vi: 'Từ chối giải quyết', en: 'Refused' },
  refusal: { vi: 'Từ chối giải quyết, nêu rõ lý do (bất kỳ bước nào)', en: 'Refusal with reasons (at any step)' },
  refusedAtReceipt: { vi: 'Từ chối tiếp nhận', en: 'Refused at receipt' },
  withdrawn: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  withdrawal: { vi: 'Người nộp rút hồ sơ (trước khi có kết quả)', en: 'The applicant withdraws (before the result)' },
  withdrawalClosed: { vi: 'Cán bộ một cửa đóng hồ sơ rút (dừng xử lý)', en: 'The desk closes the withdrawn dossier (processing stopped)' },
  deadline: { vi: 'Hết thời hạn giải quyết', en: 'Statutory limit reached' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  excluded: { vi: 'không tính vào thời hạn', en: 'excluded from the limit' },
  opinion: { vi: 'Cho ý kiến', en: 'Give an opinion' },
  awaitingAnswer: { vi: 'Chờ ý kiến', en: 'Awaiting the answer' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  deemed: { vi: 'Coi như đồng ý', en: 'Deemed consent' },
  answerWithin: { vi: 'trả lời trong', en: 'answer within' },
  after: { vi: 'sau', en: 'after' },
  otherwise: { vi: 'trường hợp khác', en: 'otherwise' },
  applicant: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
  noWork: { vi: '(không có bước nào)', en: '(no work in this flow)' },
} as const satisfies Record<string, Label>;

export type Word = keyof typeof WORDS;

/** A fixed word in the chosen language. */
export function word(key: Word, lang: ExportLang): string {
  return WORDS[key][lang];
}

/** `tối đa 2 lần`, `at most 1 time`. */
export function atMostTimes(n: number, lang: ExportLang): string {
  return lang === 'vi' ? `tối đa ${n} lần` : `at most ${n} ${n === 1 ? 'time' : 'times'}`;
}

/** An agency's name, or the applicant, in the chosen language; the id itself when undeclared. */
export function partyName(spec: ProcedureSpec, party: string, lang: ExportLang): string {
  if (party === 'applicant' && !Object.hasOwn(spec.agencies, party)) return word('applicant', lang);
  return Object.hasOwn(spec.agencies, party) ? spec.agencies[party]!.name[lang] : party;
}
