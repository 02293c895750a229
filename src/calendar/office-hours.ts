import { CalendarError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import type { Label, LegalRef } from '../legal.ts';
import { type LocalDate, parseLocalDate, toYmd } from './date.ts';
import { formatTimeOfDay } from './instant.ts';

/** An opening period of a day, in milliseconds after local midnight: `[start, end]`. */
export interface Shift {
  readonly start: number;
  readonly end: number;
}

/** Office hours from a day of the year (`MM-DD`) until the next season starts, every year. */
export interface OfficeSeason {
  readonly from: string;
  readonly shifts: readonly string[];
  readonly name?: Label;
}

/** A version of an agency's office hours, in force from `validFrom` (`YYYY-MM-DD`) until the next version. */
export interface OfficeHoursVersion {
  readonly validFrom: string;
  readonly seasons: readonly OfficeSeason[];
  readonly ref?: LegalRef;
}

/**
 * An agency's office hours, dated by validity, with seasonal (summer/winter) schedules.
 *
 * @example
 * const hours: OfficeHours = { id: 'lao-cai', versions: [{ validFrom: '2016-01-01', seasons: [
 *   { from: '04-15', shifts: ['07:00-11:30', '13:30-17:00'], name: { vi: 'Mùa hè', en: 'Summer' } },
 *   { from: '10-15', shifts: ['07:30-11:30', '13:00-16:30'], name: { vi: 'Mùa đông', en: 'Winter' } },
 * ] }] };
 */
export interface OfficeHours {
  readonly id: string;
  readonly name?: Label;
  readonly versions: readonly OfficeHoursVersion[];
}

/**
 * Default office hours: 08:00–12:00 and 13:00–17:00, eight hours, so that one working day is eight
 * working hours as in the provincial one-stop systems. Provinces set their own: use `OfficeHours`.
 *
 * @example
 * compileOfficeHours(VN_DEFAULT_OFFICE_HOURS).shiftsOn(parseLocalDate('2025-03-03')).map(formatShift) // → [ '08:00–12:00', '13:00–17:00' ]
 */
export const VN_DEFAULT_OFFICE_HOURS: OfficeHours = {
  id: 'vn-default',
  name: { vi: 'Giờ hành chính', en: 'Standard office hours' },
  versions: [{ validFrom: '1999-10-02', seasons: [{ from: '01-01', shifts: ['08:00-12:00', '13:00-17:00'] }] }],
};

/**
 * Round-the-clock hours, for validation runs of the simulator against queueing theory.
 *
 * @example
 * compileOfficeHours(ALWAYS_OPEN).shiftsOn(parseLocalDate('2025-03-03')).map(formatShift) // → [ '00:00–24:00' ]
 */
export const ALWAYS_OPEN: OfficeHours = {
  id: '24x7',
  name: { vi: 'Cả ngày', en: 'Round the clock' },
  versions: [{ validFrom: '1900-01-01', seasons: [{ from: '01-01', shifts: ['00:00-24:00'] }] }],
};

const SHIFT_RE = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/;

/**
 * Parses `07:30-11:30` (or with an en dash).
 * @throws CalendarError `bad-office-hours`
 *
 * @example
 * parseShift('07:30-11:30') // → { start: 27000000, end: 41400000 }
 * parseShift('11:30-07:30') // throws CalendarError bad-office-hours
 */
export function parseShift(text: string, path: readonly (string | number)[] = []): Shift {
  const m = SHIFT_RE.exec(text.trim());
  const minutes = m === null ? [] : [1, 2, 3, 4].map((i) => Number(m[i]));
  const [h1, m1, h2, m2] = minutes as [number, number, number, number];
  const start = (h1 * 60 + m1) * 60_000;
  const end = (h2 * 60 + m2) * 60_000;
  if (m === null || m1 > 59 || m2 > 59 || end > 86_400_000 || start >= end) {
    throw new CalendarError('bad-office-hours', label('error.office-hours.shift', { text }), { path });
  }
  return { start, end };
}

/**
 * `HH:MM–HH:MM` (with an en dash), a form {@link parseShift} reads.
 *
 * @example
 * formatShift(parseShift('7:30 – 11:30')) // → '07:30–11:30'
 */
export function formatShift(s: Shift): string {
  return `${formatTimeOfDay(s.start)}–${formatTimeOfDay(s.end)}`;
}

/** Office hours compiled for fast per-day look-up. */
export interface CompiledOfficeHours {
  readonly id: string;
  /** The shifts on a date, assuming it is a working day. */
  shiftsOn(date: LocalDate): readonly Shift[];
}

const MONTH_DAY_RE = /^(\d{2})-(\d{2})$/;

/**
 * Validates office hours and returns a look-up by date.
 * @throws CalendarError `bad-office-hours` naming the path of the bad part
 *
 * @example
 * const hours = compileOfficeHours(VN_DEFAULT_OFFICE_HOURS);
 * hours.shiftsOn(parseLocalDate('2025-03-03')).length // → 2
 */
export function compileOfficeHours(hours: OfficeHours): CompiledOfficeHours {
  if (hours.versions.length === 0) {
    throw new CalendarError('bad-office-hours', label('error.office-hours.no-version', { example: '{ validFrom, seasons }' }), { path: ['versions'] });
  }
  const versions = hours.versions
    .map((v, i) => {
      const path = ['versions', i];
      const from = parseLocalDate(v.validFrom, [...path, 'validFrom']);
      if (v.seasons.length === 0) {
        throw new CalendarError('bad-office-hours', label('error.office-hours.no-season', { example: '{ from: "01-01", shifts: [...] }' }), { path: [...path, 'seasons'] });
      }
      const seasons = v.seasons
        .map((s, j) => {
          const m = MONTH_DAY_RE.exec(s.from);
          const month = Number(m?.[1]);
          const day = Number(m?.[2]);
          if (m === null || month < 1 || month > 12 || day < 1 || day > 31) {
            throw new CalendarError('bad-office-hours', label('error.office-hours.day', { text: s.from }), { path: [...path, 'seasons', j, 'from'] });
          }
          const shifts = s.shifts.map((t, k) => parseShift(t, [...path, 'seasons', j, 'shifts', k]));
          for (let k = 1; k < shifts.length; k++) {
            if (shifts[k]!.start < shifts[k - 1]!.end) {
              throw new CalendarError('bad-office-hours', label('error.office-hours.order'), { path: [...path, 'seasons', j, 'shifts', k] });
            }
          }
          return { key: month * 100 + day, shifts };
        })
        .sort((a, b) => a.key - b.key);
      return { from, seasons };
    })
    .sort((a, b) => a.from - b.from);

  return {
    id: hours.id,
    shiftsOn(date) {
      let version = versions[0]!;
      for (const v of versions) if (v.from <= date) version = v;
      const { month, day } = toYmd(date);
      const key = month * 100 + day;
      // The season in force is the last one starting on or before this day; before the first one
      // of the year, the year's last season carries over from the previous year.
      let season = version.seasons[version.seasons.length - 1]!;
      for (const s of version.seasons) if (s.key <= key) season = s;
      return season.shifts;
    },
  };
}
