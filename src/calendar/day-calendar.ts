import { CalendarError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import type { Label, LegalRef } from '../legal.ts';
import type { OfficialAnnouncement } from './announcement.ts';
import { type LocalDate, formatLocalDate, localDate, parseLocalDate, weekday, weekdayName } from './date.ts';
import type { HolidayRule, HolidayRuleset } from './holiday-rules.ts';
import { lunarNewYear, lunarToSolar } from './lunar.ts';

/** Why a day is working or not, and on what authority. */
export interface DayStatus {
  readonly date: LocalDate;
  readonly working: boolean;
  /** `weekly`: the weekly pattern; `rule`: a statutory holiday or its compensation; `official`: a yearly announcement. */
  readonly source: 'weekly' | 'rule' | 'official';
  readonly reason: Label;
  readonly ruleId?: string;
  readonly ref: LegalRef;
  /**
   * Set on a day placed by the rules in a year or for an occasion with no official announcement
   * (e.g. Tết 2027 before the Prime Minister decides it): "no official announcement for Tết 2027".
   */
  readonly provisional?: Label;
}

export interface DayCalendarOptions {
  readonly id: string;
  readonly rulesets: readonly HolidayRuleset[];
  readonly announcements?: readonly OfficialAnnouncement[];
  /** First and last supported years, inclusive. */
  readonly minYear: number;
  readonly maxYear: number;
}

/** Arrays built once per calendar: O(1) status look-ups and working-day ranks over the whole range. */
interface DayIndex {
  readonly working: Uint8Array;
  /** Days whose status is not the plain weekly pattern, or weekend days with a holiday reason. */
  readonly special: ReadonlyMap<number, DayStatus>;
  /** `rank[i]`: working days strictly before day `first + i`. */
  readonly rank: Int32Array;
  /** `list[k]`: the k-th working day of the range, as an offset from `first`. */
  readonly list: Int32Array;
}

/**
 * Which days are working days: a weekly pattern, statutory holidays with compensation, and official
 * announcements that override the provisional days. Every look-up is O(1) after a one-off build of
 * the whole supported range (about 34,000 days), so arithmetic never loops over the days of a span.
 *
 * @example
 * const cal = vietnamDayCalendar();
 * // 29/01/2025: Tết 2025
 * cal.isWorkingDay(parseLocalDate('2025-01-29')) // → false
 */
export class DayCalendar {
  readonly id: string;
  readonly minYear: number;
  readonly maxYear: number;
  readonly first: LocalDate;
  readonly last: LocalDate;
  readonly #rulesets: readonly HolidayRuleset[];
  /** `validFrom` of each ruleset as a date, same order as `#rulesets`. */
  readonly #rulesetFrom: readonly LocalDate[];
  readonly #announcements: readonly OfficialAnnouncement[];
  #index: DayIndex | undefined;

  constructor(options: DayCalendarOptions) {
    if (options.rulesets.length === 0) throw new CalendarError('bad-calendar', label('error.cal.no-ruleset'));
    this.id = options.id;
    this.minYear = options.minYear;
    this.maxYear = options.maxYear;
    this.first = localDate(options.minYear, 1, 1);
    this.last = localDate(options.maxYear, 12, 31);
    this.#rulesets = [...options.rulesets].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    this.#rulesetFrom = this.#rulesets.map((r, i) => parseLocalDate(r.validFrom, ['rulesets', i, 'validFrom']));
    this.#announcements = options.announcements ?? [];
  }

  /** A copy of this calendar with more announcements; later ones win for the same day. */
  withAnnouncements(more: readonly OfficialAnnouncement[]): DayCalendar {
    return new DayCalendar({
      id: this.id,
      rulesets: this.#rulesets,
      announcements: [...this.#announcements, ...more],
      minYear: this.minYear,
      maxYear: this.maxYear,
    });
  }

  /** @throws CalendarError `out-of-range` when the date is outside the supported years. */
  checkInRange(date: LocalDate, what = 'date'): void {
    if (date < this.first || date > this.last) {
      throw new CalendarError(
        'out-of-range',
        `${what} ${formatLocalDate(date)} is outside the years this calendar supports (${this.minYear}–${this.maxYear}). Use a date in that range.`,
      );
    }
  }

  isWorkingDay(date: LocalDate): boolean {
    this.checkInRange(date);
    return this.#built().working[date - this.first] === 1;
  }

  /** The status of a day with its reason and source. */
  status(date: LocalDate): DayStatus {
    this.checkInRange(date);
    const special = this.#built().special.get(date - this.first);
    if (special !== undefined) return special;
    const ruleset = this.#rulesetAt(date);
    const rest = ruleset.weeklyRest.includes(weekday(date));
    return {
      date,
      working: !rest,
      source: 'weekly',
      reason: rest
        ? { vi: weekdayName(date, 'vi'), en: weekdayName(date, 'en') }
        : { vi: 'Ngày làm việc', en: 'Working day' },
      ref: ruleset.weeklyRestRef,
    };
  }

  /** Whether the weekly pattern alone would make the day a working day. */
  isWeeklyWorkingDay(date: LocalDate): boolean {
    return !this.#rulesetAt(date).weeklyRest.includes(weekday(date));
  }

  /** Every day of a year whose working status differs from the weekly pattern, in date order. */
  exceptions(year: number): readonly DayStatus[] {
    if (year < this.minYear || year > this.maxYear) {
      throw new CalendarError('out-of-range', label('error.cal.year-range', { year, min: this.minYear, max: this.maxYear }));
    }
    const index = this.#built();
    const from = localDate(year, 1, 1) - this.first;
    const to = localDate(year, 12, 31) - this.first;
    const out: DayStatus[] = [];
    for (const [offset, status] of [...index.special].sort((a, b) => a[0] - b[0])) {
      if (offset < from || offset > to) continue;
      if (status.working !== this.isWeeklyWorkingDay(status.date)) out.push(status);
    }
    return out;
  }

  /** Working days strictly before `date` since the start of the range (`date` may be `last + 1`). */
  workingDaysBefore(date: LocalDate): number {
    if (date < this.first || date > this.last + 1) this.checkInRange(date);
    return this.#built().rank[date - this.first]!;
  }

  /**
   * The working day with the given rank (0 = the first working day of the range).
   * @throws CalendarError `out-of-range` past the last supported year
   */
  workingDayAt(rank: number): LocalDate {
    const { list } = this.#built();
    if (rank < 0 || rank >= list.length) {
      throw new CalendarError('out-of-range', label('error.cal.result-range', { min: this.minYear, max: this.maxYear }));
    }
    return (this.first + list[rank]!) as LocalDate;
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.workingDayAt(this.workingDaysBefore(date));
  }

  #rulesetAt(date: LocalDate): HolidayRuleset {
    let found = this.#rulesets[0]!;
    this.#rulesetFrom.forEach((from, i) => {
      if (from <= date) found = this.#rulesets[i]!;
    });
    return found;
  }

  #built(): DayIndex {
    this.#index ??= this.#build();
    return this.#index;
  }

  #build(): DayIndex {
    const n = this.last - this.first + 1;
    const working = new Uint8Array(n);
    for (let i = 0; i < n; i++) working[i] = this.isWeeklyWorkingDay((this.first + i) as LocalDate) ? 1 : 0;
    const special = new Map<number, DayStatus>();

    const replaced = new Map<number, Set<string>>();
    const announcedYears = new Set(this.#announcements.map((a) => a.year));
    for (const a of this.#announcements) {
      const set = replaced.get(a.year) ?? new Set<string>();
      for (const e of a.entries) for (const id of e.replaces) set.add(id);
      replaced.set(a.year, set);
    }

    // Statutory holidays, then compensation for those on a rest day (Labor Code 2019 Art. 111.3).
    const holidays: { date: LocalDate; rule: HolidayRule; ruleset: HolidayRuleset; provisional?: Label }[] = [];
    for (let year = this.minYear; year <= this.maxYear; year++) {
      for (const ruleset of this.#rulesets) {
        for (const rule of ruleset.holidays) {
          if (replaced.get(year)?.has(rule.id) === true) continue;
          const days = this.#ruleDays(rule, year, ruleset);
          if (days.length === 0 || this.#rulesetAt(days[0]!) !== ruleset) continue;
          const unannounced = !announcedYears.has(year) || (rule.kind !== 'lunar' && rule.decidedYearly === true);
          const provisional = unannounced ? noAnnouncement(rule.name, year) : undefined;
          for (const date of days) holidays.push({ date, rule, ruleset, ...(provisional === undefined ? {} : { provisional }) });
        }
      }
    }
    holidays.sort((a, b) => a.date - b.date);
    const isHoliday = new Set(holidays.map((h) => h.date));
    for (const h of holidays) {
      const i = h.date - this.first;
      if (i < 0 || i >= n || special.has(i)) continue;
      special.set(i, {
        date: h.date,
        working: false,
        source: 'rule',
        reason: h.rule.name,
        ruleId: h.rule.id,
        ref: h.rule.ref,
        ...(h.provisional === undefined ? {} : { provisional: h.provisional }),
      });
    }
    for (const h of holidays) {
      if (!h.ruleset.compensation.enabled || !h.ruleset.weeklyRest.includes(weekday(h.date))) continue;
      let d = (h.date + 1) as LocalDate;
      while (d <= this.last && (!this.isWeeklyWorkingDay(d) || isHoliday.has(d) || special.has(d - this.first))) d = (d + 1) as LocalDate;
      if (d > this.last) continue;
      special.set(d - this.first, {
        date: d,
        working: false,
        source: 'rule',
        reason: {
          vi: `Nghỉ bù ${h.rule.name.vi} (${formatLocalDate(h.date)} là ${weekdayName(h.date, 'vi')})`,
          en: `${h.rule.name.en}, compensation day (${formatLocalDate(h.date)} is a ${weekdayName(h.date, 'en')})`,
        },
        ruleId: h.rule.id,
        ref: h.ruleset.compensation.ref,
        ...(h.provisional === undefined ? {} : { provisional: h.provisional }),
      });
    }

    // Official announcements win over everything else for the days they name.
    for (const a of this.#announcements) {
      for (const e of a.entries) {
        for (let d = e.from; d <= e.to; d = (d + 1) as LocalDate) {
          const i = d - this.first;
          if (i < 0 || i >= n) continue;
          const ruleId = e.replaces[0];
          special.set(i, {
            date: d,
            working: e.working,
            source: 'official',
            reason: e.reason,
            ref: e.source,
            ...(ruleId === undefined ? {} : { ruleId }),
          });
        }
      }
    }
    for (const [i, s] of special) working[i] = s.working ? 1 : 0;

    const rank = new Int32Array(n + 1);
    let count = 0;
    for (let i = 0; i < n; i++) {
      rank[i] = count;
      count += working[i]!;
    }
    rank[n] = count;
    const list = new Int32Array(count);
    for (let i = 0, k = 0; i < n; i++) if (working[i] === 1) list[k++] = i;
    return { working, special, rank, list };
  }

  #ruleDays(rule: HolidayRule, year: number, ruleset: HolidayRuleset): LocalDate[] {
    const isRest = (d: LocalDate) => ruleset.weeklyRest.includes(weekday(d));
    switch (rule.kind) {
      case 'solar': {
        const day = localDate(year, rule.month, rule.day);
        if (rule.adjacent === undefined) return [day];
        const side = typeof rule.adjacent === 'string' ? rule.adjacent : (rule.adjacent.byWeekday[weekday(day)] ?? 'before');
        return side === 'before' ? [(day - 1) as LocalDate, day] : [day, (day + 1) as LocalDate];
      }
      case 'lunar':
        return [lunarToSolar({ year, month: rule.month, day: rule.day, leap: false })];
      case 'lunar-new-year': {
        const newYear = lunarNewYear(year);
        const p = rule.pattern;
        if (p.kind === 'calendar-days') {
          return Array.from({ length: p.days }, (_, k) => (newYear - p.daysBefore + k) as LocalDate);
        }
        const before = p.weekdaysBefore[weekday(newYear)] ?? 1;
        const days: LocalDate[] = [];
        for (let d = (newYear - 1) as LocalDate; days.length < before; d = (d - 1) as LocalDate) if (!isRest(d)) days.unshift(d);
        for (let d = newYear; days.length < p.total; d = (d + 1) as LocalDate) if (!isRest(d)) days.push(d);
        return days;
      }
    }
  }
}

function noAnnouncement(name: Label, year: number): Label {
  return { en: `no official announcement for ${name.en.replace(/ \(.*\)$/, '')} ${year}`, vi: `chưa có thông báo chính thức về ${name.vi} ${year}` };
}

/**
 * Parses `YYYY-MM-DD` and checks it against the calendar's range.
 *
 * @example
 * parseDateIn(vietnamDayCalendar(), '2025-01-24') === parseLocalDate('2025-01-24') // → true
 * parseDateIn(vietnamDayCalendar(), '2101-01-01') // throws CalendarError: outside the calendar's years
 */
export function parseDateIn(calendar: DayCalendar, text: string, path: readonly (string | number)[] = []): LocalDate {
  const date = parseLocalDate(text, path);
  calendar.checkInRange(date);
  return date;
}
