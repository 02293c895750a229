import { CalendarError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import { type LocalDate, daysInMonth, formatLocalDate, localDate } from './date.ts';

/**
 * A point in time: milliseconds since 1970-01-01T00:00Z. Stored in UTC; Vietnam is UTC+7 all
 * year (no daylight saving), so local dates and times are derived with a fixed offset.
 *
 * @example
 * const t = parseInstant('2025-01-24T14:30'); formatInstant(t) === '2025-01-24T14:30+07:00'
 */
export type Instant = number & { readonly __brand: 'Instant' };

/**
 * Vietnam's offset from UTC (Indochina Time, no DST).
 *
 * @example
 * parseInstant('2025-01-24T07:00') === parseInstant('2025-01-24T00:00Z') // → true
 * VN_OFFSET_MS / MS_PER_HOUR // → 7
 */
export const VN_OFFSET_MS = 7 * 3_600_000;
/**
 * Milliseconds in a minute.
 *
 * @example
 * formatTimeOfDay(9 * MS_PER_HOUR + 30 * MS_PER_MINUTE) // → '09:30'
 */
export const MS_PER_MINUTE = 60_000;
/**
 * Milliseconds in an hour.
 *
 * @example
 * formatInstant((parseInstant('2025-01-24T09:00') + 2 * MS_PER_HOUR) as Instant) // → '2025-01-24T11:00+07:00'
 */
export const MS_PER_HOUR = 3_600_000;
/**
 * Milliseconds in a (calendar) day: Vietnam has no daylight saving, so every day has as many.
 *
 * @example
 * (parseInstant('2025-01-25T09:00') - parseInstant('2025-01-24T09:00')) / MS_PER_DAY // → 1
 */
export const MS_PER_DAY = 86_400_000;

/**
 * The instant at `msOfDay` milliseconds after local (UTC+7) midnight of `date`.
 *
 * @example
 * formatInstant(instantAt(parseLocalDate('2025-01-24'), 17 * MS_PER_HOUR)) // → '2025-01-24T17:00+07:00'
 */
export function instantAt(date: LocalDate, msOfDay = 0): Instant {
  return (date * MS_PER_DAY + msOfDay - VN_OFFSET_MS) as Instant;
}

/**
 * The local (UTC+7) civil date of an instant.
 *
 * @example
 * formatLocalDate(localDateOf(parseInstant('2025-01-24T23:30'))) // → '2025-01-24'
 * formatLocalDate(localDateOf(parseInstant('2025-01-24T18:00Z'))) // → '2025-01-25'
 */
export function localDateOf(t: Instant): LocalDate {
  return Math.floor((t + VN_OFFSET_MS) / MS_PER_DAY) as LocalDate;
}

/** Milliseconds since local midnight. */
export function msOfLocalDay(t: Instant): number {
  const shifted = t + VN_OFFSET_MS;
  return shifted - Math.floor(shifted / MS_PER_DAY) * MS_PER_DAY;
}

/**
 * `HH:MM` (with `:SS` when not on a whole minute) for a time of day in milliseconds.
 *
 * @example
 * formatTimeOfDay(15 * MS_PER_HOUR) // → '15:00'
 * formatTimeOfDay(90_500) // → '00:01:31'
 */
export function formatTimeOfDay(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const hm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return s === 0 ? hm : `${hm}:${String(s).padStart(2, '0')}`;
}

/**
 * `YYYY-MM-DDTHH:MM+07:00`, the local form used in reports and JSON.
 *
 * @example
 * formatInstant(parseInstant('2025-01-24T02:30Z')) // → '2025-01-24T09:30+07:00'
 */
export function formatInstant(t: Instant): string {
  return `${formatLocalDate(localDateOf(t))}T${formatTimeOfDay(msOfLocalDay(t))}+07:00`;
}

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/** True when `text` looks like a date-time rather than a date. */
export function looksLikeInstant(text: string): boolean {
  return /\d{4}-\d{2}-\d{2}[T ]\d/.test(text.trim());
}

/**
 * Parses `YYYY-MM-DDTHH:MM[:SS]`, read as Vietnamese local time, or the same with `Z` or an
 * explicit `±HH:MM` offset.
 *
 * @throws CalendarError with code `bad-instant`
 *
 * @example
 * formatInstant(parseInstant('2025-01-24T14:30')) // → '2025-01-24T14:30+07:00'
 * parseInstant('2025-01-24T14:30Z') - parseInstant('2025-01-24T14:30') // → 25200000
 */
export function parseInstant(text: string, path: readonly (string | number)[] = []): Instant {
  const m = INSTANT_RE.exec(text.trim());
  const fail = (message: { readonly vi: string; readonly en: string }): never => {
    throw new CalendarError('bad-instant', message, { path });
  };
  if (m === null) return fail(label('error.instant.syntax', { text }));
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i])) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail(label('error.instant.day', { text }));
  if (hour > 23 || minute > 59 || second > 59) return fail(label('error.instant.time', { text }));
  const zone = m[7];
  let offset = VN_OFFSET_MS;
  if (zone === 'Z') offset = 0;
  else if (zone !== undefined) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [hours, minutes] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return fail(label('error.instant.offset', { text, zone }));
    offset = sign * (Number(zone.slice(1, 3)) * MS_PER_HOUR + Number(zone.slice(4, 6)) * MS_PER_MINUTE);
  }
  const date = localDate(year, month, day);
  return (date * MS_PER_DAY + (hour * 3600 + minute * 60 + second) * 1000 - offset) as Instant;
}
