import { CalendarError } from '../errors.ts';
import { durationWords, label, labelBy } from '../i18n/translate.ts';

/** Working days: days on which the one-stop desk and agencies work. */
export type WorkingDays = number & { readonly __unit: 'wd' };
/** Working hours: time inside office hours. */
export type WorkingHours = number & { readonly __unit: 'wh' };
/** Calendar days, counted whatever the day. */
export type CalendarDays = number & { readonly __unit: 'd' };

/**
 * A statutory or internal time span with its unit. A calendar day cannot be passed where a working
 * day is expected: the amount types are branded per unit.
 *
 * @example
 * parseDuration('3 working days') // { unit: 'wd', amount: 3 }
 */
export type Duration =
  | { readonly unit: 'wd'; readonly amount: WorkingDays }
  | { readonly unit: 'wh'; readonly amount: WorkingHours }
  | { readonly unit: 'd'; readonly amount: CalendarDays };

export type DurationUnit = Duration['unit'];

/**
 * Default length of a working day in the hours mode (1 working day = 8 working hours).
 *
 * @example
 * workingMs(parseDuration('1wd')) === DEFAULT_HOURS_PER_WORKING_DAY * MS_PER_HOUR // → true
 */
export const DEFAULT_HOURS_PER_WORKING_DAY = 8;

/**
 * A duration of `amount` working days (`wd`): office days, skipping weekends and holidays.
 *
 * @example
 * formatDuration(workingDays(15)) // → '15wd'
 */
export const workingDays = (amount: number): Duration => ({ unit: 'wd', amount: amount as WorkingDays });
/**
 * A duration of `amount` working hours (`wh`): office time, counted within office hours.
 *
 * @example
 * formatDuration(workingHours(4)) // → '4wh'
 */
export const workingHours = (amount: number): Duration => ({ unit: 'wh', amount: amount as WorkingHours });
/**
 * A duration of `amount` calendar days (`d`): every day counts, holidays included.
 *
 * @example
 * formatDuration(calendarDays(10)) // → '10d'
 */
export const calendarDays = (amount: number): Duration => ({ unit: 'd', amount: amount as CalendarDays });

/** Every way a unit may be written, lower-case; English and Vietnamese. */
const UNIT_WORDS: Readonly<Record<string, DurationUnit>> = {
  wd: 'wd',
  'working day': 'wd',
  'working days': 'wd',
  'ngày làm việc': 'wd',
  wh: 'wh',
  'working hour': 'wh',
  'working hours': 'wh',
  'giờ làm việc': 'wh',
  d: 'd',
  day: 'd',
  days: 'd',
  'calendar day': 'd',
  'calendar days': 'd',
  'ngày': 'd',
};

/**
 * The forms {@link parseDuration} reads, for error messages and help texts.
 *
 * @example
 * `Write a duration such as ${DURATION_FORMS}.`
 */
export const DURATION_FORMS = '3wd, 0.5wd, 4wh, 10d, "3 working days", "4 working hours", "10 days"';

const DURATION_RE = /^(\d+(?:\.\d+)?)\s*([\p{L} ]+)$/u;

/** The largest amount a duration may have, in any unit: past it the calendar's range (2008–2100) would run out. */
export const MAX_DURATION_AMOUNT = 10_000;

/**
 * Parses a readable duration: `3wd`, `0.5wd`, `4wh`, `10d`, `3 working days`, `10 calendar days`,
 * `3 ngày làm việc`.
 *
 * @throws CalendarError with code `bad-duration`
 *
 * @example
 * parseDuration('15wd') // → { unit: 'wd', amount: 15 }
 * parseDuration('3 ngày làm việc') // → { unit: 'wd', amount: 3 }
 * parseDuration('3xd') // throws CalendarError bad-duration
 */
export function parseDuration(text: string, path: readonly (string | number)[] = []): Duration {
  const m = DURATION_RE.exec(text.trim().toLowerCase());
  const word = m === null ? undefined : m[2]!.trim().replace(/\s+/g, ' ');
  const unit = word === undefined || !Object.hasOwn(UNIT_WORDS, word) ? undefined : UNIT_WORDS[word];
  if (m === null || unit === undefined) {
    throw new CalendarError('bad-duration', label('error.duration.syntax', { text, forms: DURATION_FORMS }), { path });
  }
  const amount = Number(m[1]);
  if (!(amount <= MAX_DURATION_AMOUNT)) {
    const max = unit === 'wd' ? workingDays(MAX_DURATION_AMOUNT) : unit === 'wh' ? workingHours(MAX_DURATION_AMOUNT) : calendarDays(MAX_DURATION_AMOUNT);
    throw new CalendarError('bad-duration', labelBy('error.duration.too-long', (lang) => ({ text, max: durationWords(max, lang) })), { path });
  }
  return unit === 'wd' ? workingDays(amount) : unit === 'wh' ? workingHours(amount) : calendarDays(amount);
}

/**
 * `3wd`, `4wh`, `10d`.
 *
 * @example
 * formatDuration(parseDuration('3 working days')) // → '3wd'
 */
export function formatDuration(d: Duration): string {
  return `${d.amount}${d.unit}`;
}

/**
 * Working time in milliseconds of a `wd` or `wh` duration, with `hoursPerDay` hours to a working day.
 *
 * @example
 * workingMs(parseDuration('0.5wd')) // → 14400000
 * workingMs(parseDuration('1wd'), 7.5) / MS_PER_HOUR // → 7.5
 */
export function workingMs(d: Duration, hoursPerDay = DEFAULT_HOURS_PER_WORKING_DAY): number {
  if (d.unit === 'd') {
    throw new CalendarError('bad-duration', label('error.cal.calendar-days', { d: formatDuration(d) }));
  }
  return Math.round((d.unit === 'wd' ? d.amount * hoursPerDay : d.amount) * 3_600_000);
}
