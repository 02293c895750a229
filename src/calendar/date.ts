import { CalendarError } from '../errors.ts';
import { label } from '../i18n/translate.ts';

/**
 * A civil date in Vietnam, as the number of days since 1970-01-01. Branded so that a day count or
 * a duration cannot be passed where a date is expected.
 *
 * @example
 * const tet = localDate(2025, 1, 29); formatLocalDate(tet) === '2025-01-29'
 */
export type LocalDate = number & { readonly __brand: 'LocalDate' };

/** Year, month (1–12) and day (1–31) of a civil date. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

/**
 * The date with the given year, month (1–12) and day; no range check (see {@link parseLocalDate}).
 *
 * @example
 * formatLocalDate(localDate(2025, 1, 29)) // → '2025-01-29'
 * localDate(1970, 1, 2) // → 1
 */
export function localDate(year: number, month: number, day: number): LocalDate {
  // Days from the civil date by arithmetic (H. Hinnant's algorithm): `Date.UTC` reads years 0–99 as 1900–1999.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146_097 + doe - 719_468) as LocalDate;
}

/**
 * Year, month and day of a date.
 *
 * @example
 * toYmd(parseLocalDate('2025-01-29')) // → { year: 2025, month: 1, day: 29 }
 */
export function toYmd(date: LocalDate): Ymd {
  const d = new Date(date * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
 *
 * @example
 * weekday(parseLocalDate('2025-01-24')) // → 5
 */
export function weekday(date: LocalDate): number {
  return (((date + 4) % 7) + 7) % 7;
}

/**
 * Number of days in a month of the Gregorian calendar.
 *
 * @example
 * daysInMonth(2024, 2) // → 29
 * daysInMonth(2100, 2) // → 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * `YYYY-MM-DD`.
 *
 * @example
 * formatLocalDate(localDate(2025, 2, 5)) // → '2025-02-05'
 */
export function formatLocalDate(date: LocalDate): string {
  const { year, month, day } = toYmd(date);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `dd/mm/yyyy`, the form used on Vietnamese slips.
 *
 * @example
 * formatVnDate(parseLocalDate('2025-02-05')) // → '05/02/2025'
 */
export function formatVnDate(date: LocalDate): string {
  const { year, month, day } = toYmd(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const WEEKDAY_VI = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'] as const;

/**
 * English and Vietnamese names of a date's day of the week.
 *
 * @example
 * weekdayName(parseLocalDate('2025-01-24')) // → 'Friday'
 * weekdayName(parseLocalDate('2025-01-24'), 'vi') // → 'Thứ sáu'
 */
export function weekdayName(date: LocalDate, lang: 'en' | 'vi' = 'en'): string {
  return (lang === 'vi' ? WEEKDAY_VI : WEEKDAY_EN)[weekday(date)] ?? '';
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `YYYY-MM-DD`, rejecting dates that do not exist.
 *
 * @throws CalendarError with code `bad-date`
 *
 * @example
 * formatVnDate(parseLocalDate('2025-01-24')) // → '24/01/2025'
 * parseLocalDate('2025-02-30') // throws CalendarError bad-date: 2025-02 has 28 days
 */
export function parseLocalDate(text: string, path: readonly (string | number)[] = []): LocalDate {
  const m = DATE_RE.exec(text.trim());
  if (m === null) {
    throw new CalendarError('bad-date', label('error.date.syntax', { text }), { path });
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) {
    throw new CalendarError('bad-date', label('error.date.month', { text, month }), { path });
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    throw new CalendarError('bad-date', label('error.date.day', { text, month: `${year}-${String(month).padStart(2, '0')}`, last }), { path });
  }
  return localDate(year, month, day);
}
