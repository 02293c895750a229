import type { Label } from '../legal.ts';

/**
 * Every user-facing text of the indicators, in Vietnamese and English, in one place (the message
 * catalogue of issue 18 can take them from here).
 *
 * @example
 * INDICATOR_LABELS.late // → { vi: 'Quá hạn', en: 'Late' }
 */
export const INDICATOR_LABELS = {
  decision766: { vi: 'Chỉ số theo Quyết định 766/QĐ-TTg', en: 'Decision 766/QĐ-TTg indicators' },
  oneStop: { vi: 'Số liệu một cửa của motcua (sớm / đúng / trễ hạn)', en: "motcua's one-stop figures (early / on time / late)" },
  onTimeRate: { vi: 'Tỷ lệ giải quyết đúng hạn', en: 'On-time rate' },
  satisfactionRate: { vi: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC', en: 'Satisfaction in receipt and handling' },
  complaintOnTimeRate: { vi: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', en: 'Complaints and petitions handled on time' },
  complaintSatisfactionRate: { vi: 'Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị', en: 'Satisfaction with the handling of complaints and petitions' },
  oneStopOnTimeRate: { vi: 'Tỷ lệ đúng hạn (một cửa: sớm + đúng hạn / đã giải quyết)', en: 'On-time rate (one-stop: early + on time / resolved)' },
  points: { vi: 'Điểm (phần tính được từ hồ sơ)', en: 'Points (the part computable from dossiers)' },
  ranking: { vi: 'Xếp hạng cơ quan', en: 'Agency ranking' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  rank: { vi: 'Hạng', en: 'Rank' },
  handled: { vi: 'Hồ sơ đã và đang giải quyết', en: 'Dossiers handled' },
  resolvedOnTime: { vi: 'Kết thúc đúng hạn', en: 'Ended on time' },
  withinLimit: { vi: 'Đang giải quyết còn hạn', en: 'Pending within the limit' },
  late: { vi: 'Quá hạn', en: 'Late' },
  dissatisfied: { vi: 'Không hài lòng hoặc có phản ánh', en: 'Not satisfied or complained' },
  notComputable: { vi: 'Không tính được từ dữ liệu hồ sơ', en: 'Not computable from dossier data' },
} as const satisfies Record<string, Label>;

/**
 * The formulas as the report prints them.
 *
 * @example
 * INDICATOR_FORMULAS.onTimeRate.en.startsWith('(ended on time + pending within the limit) / all dossiers handled') // → true
 * console.log(`${INDICATOR_LABELS.onTimeRate.en} = ${INDICATOR_FORMULAS.onTimeRate.en}`);
 */
export const INDICATOR_FORMULAS = {
  onTimeRate: {
    vi: '(kết thúc đúng hạn + đang giải quyết còn hạn) / tổng hồ sơ đã và đang giải quyết trong kỳ; kết thúc gồm từ chối, dừng, đã giải quyết, trả lại, rút hồ sơ; thời gian bổ sung của người dân không tính; bổ sung quá 1 lần là quá hạn',
    en: '(ended on time + pending within the limit) / all dossiers handled in the period; ending includes refusal, stop, resolution, return and withdrawal; the applicant\'s supplement time is left out; more than one supplement request counts as late',
  },
  satisfactionUnion: {
    vi: '(tổng hồ sơ − hồ sơ quá hạn, không hài lòng hoặc có phản ánh, kiến nghị) / tổng hồ sơ',
    en: '(all dossiers − dossiers late, rated "not satisfied" or complained about) / all dossiers',
  },
  satisfactionSum: {
    vi: '100% − (tỷ lệ quá hạn + tỷ lệ hồ sơ không hài lòng hoặc có phản ánh, kiến nghị)',
    en: '100% − (late rate + rate of dossiers rated "not satisfied" or complained about)',
  },
  complaintOnTimeRate: { vi: 'phản ánh, kiến nghị xử lý đúng hoặc trước hạn / tổng phản ánh, kiến nghị', en: 'complaints answered on or before their deadline / all complaints' },
  complaintSatisfactionRate: {
    vi: '(tổng phản ánh, kiến nghị − số phản hồi không hài lòng hoặc xử lý quá hạn) / tổng phản ánh, kiến nghị',
    en: '(all complaints − those with "not satisfied" feedback or handled late) / all complaints',
  },
  oneStopOnTimeRate: { vi: '(sớm hạn + đúng hạn) / đã giải quyết trong kỳ', en: '(early + on time) / resolved in the period' },
  points: { vi: 'điểm = tỷ lệ × điểm tối đa (chưa kiểm chứng)', en: 'points = rate × maximum points (not verified)' },
} as const satisfies Record<string, Label>;
