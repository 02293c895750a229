import type { Label, LegalRef } from '../legal.ts';
import { citeRef } from '../legal.ts';
import type { BusinessCalendar } from './business-calendar.ts';
import { type LocalDate, formatVnDate, weekdayName } from './date.ts';
import type { DayStatus } from './day-calendar.ts';
import { type Duration, formatDuration, workingMs } from './duration.ts';
import { type Instant, formatTimeOfDay, localDateOf, msOfLocalDay } from './instant.ts';
import { formatShift } from './office-hours.ts';

/** One step of the reasoning behind a due date, in Vietnamese and English. */
export interface ExplanationLine {
  /** `start`: how counting starts; `skipped`: non-working days passed over; `result`: the end and why. */
  readonly kind: 'start' | 'skipped' | 'result';
  readonly text: Label;
  readonly ref?: LegalRef;
  /** The days skipped were placed by the rules with no official announcement yet: the result may change. */
  readonly provisional?: true;
}

/**
 * Whether any step of an explanation rests on days with no official announcement.
 *
 * @example
 * isProvisional(explainDateDue(new BusinessCalendar(), parseLocalDate('2025-01-24'), parseDuration('3wd')).explanation) // → false
 */
export function isProvisional(explanation: readonly ExplanationLine[]): boolean {
  return explanation.some((l) => l.provisional === true);
}

/** A due date or instant with the steps that lead to it. */
export interface Explained<T> {
  readonly due: T;
  readonly explanation: readonly ExplanationLine[];
}

const CIVIL_CODE_147: LegalRef = { document: 'Civil Code 2015 (91/2015/QH13)', article: 'Art. 147', effectiveFrom: '2017-01-01', confidence: 'mem' };
const CIVIL_CODE_148: LegalRef = { ...CIVIL_CODE_147, article: 'Art. 148' };

/** More separate weekend-only runs than this are summarised in one line. */
const MAX_LISTED_WEEKENDS = 4;

const day = (d: LocalDate, lang: 'vi' | 'en') => `${weekdayName(d, lang)} ${formatVnDate(d)}`;
const when = (t: Instant, lang: 'vi' | 'en') => `${day(localDateOf(t), lang)} ${formatTimeOfDay(msOfLocalDay(t))}`;

/**
 * Non-working days from `from` to `to` (inclusive), grouped into runs with their reasons:
 * "skipped 25/01/2025–02/02/2025: Tết holiday 2025, official". Loops over the days: it is for
 * explaining one result, not for arithmetic.
 */
export function explainSkipped(cal: BusinessCalendar, from: LocalDate, to: LocalDate): ExplanationLine[] {
  const runs: DayStatus[][] = [];
  let run: DayStatus[] = [];
  for (let d = from; d <= to; d = (d + 1) as LocalDate) {
    const s = cal.days.status(d);
    if (!s.working) run.push(s);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);

  const weekendOnly = runs.filter((r) => r.every((s) => s.source === 'weekly'));
  const summarise = weekendOnly.length > MAX_LISTED_WEEKENDS;
  const lines: ExplanationLine[] = [];
  for (const r of runs) {
    const first = r[0]!.date;
    const last = r[r.length - 1]!.date;
    const span = first === last ? formatVnDate(first) : `${formatVnDate(first)}–${formatVnDate(last)}`;
    const special = r.filter((s) => s.source !== 'weekly');
    if (special.length === 0) {
      if (summarise) continue;
      const names = first === last ? weekdayName(first, 'en') : `${weekdayName(first, 'en')}–${weekdayName(last, 'en')}`;
      const namesVi = first === last ? weekdayName(first, 'vi') : `${weekdayName(first, 'vi')}–${weekdayName(last, 'vi')}`;
      lines.push({ kind: 'skipped', text: { en: `skipped ${names} ${span} (weekly rest)`, vi: `bỏ qua ${namesVi} ${span} (nghỉ hằng tuần)` }, ref: r[0]!.ref });
      continue;
    }
    const weekly = r.some((s) => s.source === 'weekly') ? [{ en: 'weekly rest', vi: 'nghỉ hằng tuần' }] : [];
    const reasons = unique([...weekly, ...special.map((s) => s.reason)]);
    const official = special.some((s) => s.source === 'official');
    const ref = special[0]!.ref;
    const by = official ? { en: 'official', vi: 'theo thông báo chính thức' } : { en: citeRef(ref), vi: citeRef(ref, 'vi') };
    const provisional = unique(special.flatMap((s) => (s.provisional === undefined ? [] : [s.provisional])));
    const note = provisional.length === 0
      ? { en: '', vi: '' }
      : { en: `; provisional: ${provisional.map((p) => p.en).join('; ')}`, vi: `; tạm tính: ${provisional.map((p) => p.vi).join('; ')}` };
    lines.push({
      kind: 'skipped',
      text: {
        en: `skipped ${span}: ${reasons.map((x) => x.en).join('; ')}, ${by.en}${note.en}`,
        vi: `bỏ qua ${span}: ${reasons.map((x) => x.vi).join('; ')}, ${by.vi}${note.vi}`,
      },
      ref,
      ...(provisional.length === 0 ? {} : { provisional: true as const }),
    });
  }
  if (summarise) {
    const count = weekendOnly.reduce((n, r) => n + r.length, 0);
    lines.push({ kind: 'skipped', text: { en: `skipped ${count} weekly rest days (Saturdays and Sundays)`, vi: `bỏ qua ${count} ngày nghỉ hằng tuần (thứ bảy, chủ nhật)` } });
  }
  return lines;
}

/**
 * The days to list as skipped between `from` and `to` (inclusive). Working time skips every
 * non-working day; a limit in calendar days counts weekends and holidays, so only the non-working
 * days its end rolled over (the run that ends at `to`) are skipped.
 */
export function skippedLines(cal: BusinessCalendar, calendarDays: boolean, from: LocalDate, to: LocalDate): ExplanationLine[] {
  if (!calendarDays) return explainSkipped(cal, from, to);
  let first = (to + 1) as LocalDate;
  while (first > from && !cal.days.status((first - 1) as LocalDate).working) first = (first - 1) as LocalDate;
  return first > to ? [] : explainSkipped(cal, first, to);
}

/**
 * {@link BusinessCalendar.addToDate} with the reasons.
 *
 * @example
 * const { due, explanation } = explainDateDue(new BusinessCalendar(), parseLocalDate('2025-01-24'), parseDuration('3wd'));
 * formatLocalDate(due) // → '2025-02-05'
 * explanation.map((l) => l.kind) // → [ 'start', 'skipped', 'result' ]
 */
export function explainDateDue(cal: BusinessCalendar, start: LocalDate, d: Duration): Explained<LocalDate> {
  const due = cal.addToDate(start, d);
  const lines: ExplanationLine[] = [];
  if (d.amount === 0) {
    lines.push({ kind: 'result', text: { en: `${formatDuration(d)}: due the same day, ${day(due, 'en')}`, vi: `${formatDuration(d)}: trả trong ngày, ${day(due, 'vi')}` } });
    return { due, explanation: lines };
  }
  lines.push({
    kind: 'start',
    text: { en: `start day ${day(start, 'en')} is not counted`, vi: `không tính ngày bắt đầu ${day(start, 'vi')}` },
    ref: CIVIL_CODE_147,
  });
  if (d.unit === 'wd') {
    lines.push(...explainSkipped(cal, (start + 1) as LocalDate, due));
    lines.push({
      kind: 'result',
      text: {
        en: `${d.amount} working day${d.amount === 1 ? ' ends' : 's end'} on ${day(due, 'en')}, at the end of the day`,
        vi: `${d.amount} ngày làm việc kết thúc vào cuối ngày ${day(due, 'vi')}`,
      },
      ref: CIVIL_CODE_148,
    });
    return { due, explanation: lines };
  }
  const plain = (start + d.amount) as LocalDate;
  lines.push({ kind: 'result', text: { en: `${d.amount} calendar days end on ${day(plain, 'en')}`, vi: `${d.amount} ngày kết thúc vào ${day(plain, 'vi')}` }, ref: CIVIL_CODE_148 });
  if (due !== plain) {
    lines.push(...explainSkipped(cal, plain, (due - 1) as LocalDate));
    lines.push({
      kind: 'result',
      text: {
        en: `${formatVnDate(plain)} is not a working day: the period ends at the end of the next working day, ${day(due, 'en')}`,
        vi: `${formatVnDate(plain)} không phải ngày làm việc: thời hạn kết thúc vào cuối ngày làm việc tiếp theo, ${day(due, 'vi')}`,
      },
      ref: CIVIL_CODE_148,
    });
  }
  return { due, explanation: lines };
}

/**
 * {@link BusinessCalendar.addToInstant} with the reasons.
 *
 * @example
 * const { due } = explainInstantDue(new BusinessCalendar(), parseInstant('2025-01-24T14:30'), parseDuration('3wd'));
 * formatInstant(due) // → '2025-02-05T14:30+07:00'
 */
export function explainInstantDue(cal: BusinessCalendar, start: Instant, d: Duration): Explained<Instant> {
  const due = cal.addToInstant(start, d);
  const lines: ExplanationLine[] = [];
  if (d.unit === 'd') {
    lines.push({ kind: 'start', text: { en: `${d.amount} calendar days from ${when(start, 'en')}`, vi: `${d.amount} ngày kể từ ${when(start, 'vi')}` } });
  } else {
    const hours = workingMs(d, cal.hoursPerWorkingDay) / 3_600_000;
    const shifts = cal.hours.versions.length === 1 && cal.hours.versions[0]!.seasons.length === 1
      ? cal.shiftsOn(cal.days.nextWorkingDay(localDateOf(start))).map(formatShift).join(', ')
      : `schedule ${cal.hours.id}`;
    const conversion = d.unit === 'wd' ? ` = ${hours} working hours (1 working day = ${cal.hoursPerWorkingDay} working hours)` : '';
    const conversionVi = d.unit === 'wd' ? ` = ${hours} giờ làm việc (1 ngày làm việc = ${cal.hoursPerWorkingDay} giờ)` : '';
    lines.push({
      kind: 'start',
      text: {
        en: `${formatDuration(d)}${conversion}, counted inside office hours ${shifts}`,
        vi: `${formatDuration(d)}${conversionVi}, tính trong giờ hành chính ${shifts}`,
      },
    });
    const opening = cal.nextWorkingInstant(start);
    if (opening !== start) {
      lines.push({
        kind: 'start',
        text: {
          en: `${when(start, 'en')} is outside office hours: time counts from ${when(opening, 'en')}`,
          vi: `${when(start, 'vi')} ngoài giờ hành chính: bắt đầu tính từ ${when(opening, 'vi')}`,
        },
      });
    }
  }
  const firstDay = localDateOf(start);
  const lastDay = localDateOf(due);
  if (lastDay > firstDay + 1) lines.push(...skippedLines(cal, d.unit === 'd', (firstDay + 1) as LocalDate, (lastDay - 1) as LocalDate));
  lines.push({ kind: 'result', text: { en: `due ${when(due, 'en')}`, vi: `hạn ${when(due, 'vi')}` } });
  return { due, explanation: lines };
}

/**
 * {@link BusinessCalendar.sameDayDue} with the reasons.
 *
 * @example
 * const { due } = explainSameDayDue(new BusinessCalendar(), parseInstant('2026-03-02T16:00'));
 * formatInstant(due) // → '2026-03-03T17:00+07:00'
 */
export function explainSameDayDue(cal: BusinessCalendar, receivedAt: Instant, cutoff: number = cal.transferCutoff): Explained<Instant> {
  const { due, sameDay } = cal.sameDayDue(receivedAt, cutoff);
  const cut = formatTimeOfDay(cutoff);
  const lines: ExplanationLine[] = [];
  if (sameDay) {
    lines.push({
      kind: 'start',
      text: { en: `same day: received ${when(receivedAt, 'en')}, before the ${cut} cut-off`, vi: `trả trong ngày: tiếp nhận ${when(receivedAt, 'vi')}, trước ${cut}` },
    });
  } else {
    const today = localDateOf(receivedAt);
    const why = cal.shiftsOn(today).length === 0
      ? { en: `${day(today, 'en')} has no office hours`, vi: `${day(today, 'vi')} không làm việc` }
      : { en: `at or after the ${cut} cut-off`, vi: `từ ${cut} trở đi` };
    lines.push({
      kind: 'start',
      text: { en: `same day: received ${when(receivedAt, 'en')}, ${why.en}: due the next working day`, vi: `trả trong ngày: tiếp nhận ${when(receivedAt, 'vi')}, ${why.vi}: trả vào ngày làm việc tiếp theo` },
    });
    if (localDateOf(due) > today + 1) lines.push(...explainSkipped(cal, (today + 1) as LocalDate, (localDateOf(due) - 1) as LocalDate));
  }
  lines.push({ kind: 'result', text: { en: `due at the close of office hours, ${when(due, 'en')}`, vi: `hạn: hết giờ làm việc ${when(due, 'vi')}` } });
  return { due, explanation: lines };
}

function unique(labels: readonly Label[]): Label[] {
  const seen = new Map<string, Label>();
  for (const l of labels) if (!seen.has(l.en)) seen.set(l.en, l);
  return [...seen.values()];
}

/**
 * A due instant as people say it: "end of Thursday 06/02/2025" for a deadline at midnight (the end
 * of the day before), else the day and the time. Used by the appointment slip and explanations.
 *
 * @example
 * describeDue(parseInstant('2025-02-06T00:00')).en // → 'end of Wednesday 05/02/2025'
 * describeDue(parseInstant('2025-02-05T14:30')).vi // → '14:30 Thứ tư 05/02/2025'
 */
export function describeDue(due: Instant): Label {
  if (msOfLocalDay(due) === 0) {
    const last = (localDateOf(due) - 1) as LocalDate;
    return { en: `end of ${weekdayName(last, 'en')} ${formatVnDate(last)}`, vi: `hết ngày ${weekdayName(last, 'vi')} ${formatVnDate(last)}` };
  }
  const date = localDateOf(due);
  const time = formatTimeOfDay(msOfLocalDay(due));
  return { en: `${weekdayName(date, 'en')} ${formatVnDate(date)} ${time}`, vi: `${time} ${weekdayName(date, 'vi')} ${formatVnDate(date)}` };
}
