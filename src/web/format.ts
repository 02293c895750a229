import { type LocalDate, formatLocalDate, formatVnDate } from '../calendar/date.ts';
import { describeDue } from '../calendar/explain.ts';
import { type Instant, formatTimeOfDay, localDateOf, msOfLocalDay } from '../calendar/instant.ts';
import type { Lang } from '../report/labels.ts';

/**
 * An instant as the pages show it, in Vietnamese local time: `24/01/2025 09:10` in Vietnamese (the
 * form of the slips), `2025-01-24 09:10` in English.
 *
 * @example
 * formatWhen(parseInstant('2025-01-24T09:10'), 'vi') // '24/01/2025 09:10'
 */
export function formatWhen(t: Instant, lang: Lang): string {
  return `${formatDay(localDateOf(t), lang)} ${formatTimeOfDay(msOfLocalDay(t))}`;
}

/** A local date: `24/01/2025` in Vietnamese, `2025-01-24` in English. */
export function formatDay(d: LocalDate, lang: Lang): string {
  return lang === 'vi' ? formatVnDate(d) : formatLocalDate(d);
}

/** A due instant as people say it: `hết ngày Thứ tư 05/02/2025`, `end of Wednesday 05/02/2025`. */
export function formatDue(t: Instant, lang: Lang): string {
  return describeDue(t)[lang];
}

/**
 * The last local date a due instant leaves: a deadline at midnight is the end of the day before.
 * What "due today" compares with.
 */
export function dueDay(t: Instant): LocalDate {
  const day = localDateOf(t);
  return (msOfLocalDay(t) === 0 ? day - 1 : day) as LocalDate;
}
