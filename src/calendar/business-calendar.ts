import { CalendarError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import type { LocalDate } from './date.ts';
import { formatLocalDate } from './date.ts';
import type { DayCalendar } from './day-calendar.ts';
import { DEFAULT_HOURS_PER_WORKING_DAY, type Duration, formatDuration, workingMs } from './duration.ts';
import { type Instant, MS_PER_DAY, instantAt, localDateOf, msOfLocalDay } from './instant.ts';
import { type CompiledOfficeHours, type OfficeHours, type Shift, VN_DEFAULT_OFFICE_HOURS, compileOfficeHours } from './office-hours.ts';
import { vietnamDayCalendar } from './vietnam.ts';

export interface BusinessCalendarOptions {
  /** Which days are working days; Vietnam's by default. */
  readonly days?: DayCalendar;
  /** Office hours; 08:00–12:00 and 13:00–17:00 by default. */
  readonly hours?: OfficeHours;
  /** Working hours in one working day in the hours mode; 8 by default. */
  readonly hoursPerWorkingDay?: number;
  /** Paper dossiers received at or after this local time are transferred at the start of the next working day; 15:00 by default. */
  readonly transferCutoff?: string;
}

/** Per-day working time, built once per calendar so that arithmetic is a binary search, not a loop. */
interface TimeIndex {
  /** `cum[i]`: working milliseconds before day `first + i`. */
  readonly cum: Float64Array;
  /** Shifts of each day (empty on non-working days), by index into `shiftTable`. */
  readonly shiftId: Uint16Array;
  readonly shiftTable: readonly (readonly Shift[])[];
}

const NO_SHIFTS: readonly Shift[] = [];

/**
 * A calendar for counting time limits: working days (from a {@link DayCalendar}) and office hours.
 * Two ways of counting live here:
 * - the **legal date mode** (Civil Code 2015 Art. 147–148) counts whole days from a date;
 * - the **hours mode** counts working time inside office hours from an instant (1 wd = 8 wh).
 * Date-mode operations cost O(1); hours-mode ones a gallop from the start day, O(log span).
 *
 * @example
 * const cal = new BusinessCalendar();
 * formatLocalDate(cal.addToDate(parseLocalDate('2025-01-24'), parseDuration('3wd'))) // → '2025-02-05'
 */
export class BusinessCalendar {
  readonly days: DayCalendar;
  readonly hours: OfficeHours;
  readonly hoursPerWorkingDay: number;
  /** Milliseconds after local midnight of the transfer cut-off. */
  readonly transferCutoff: number;
  readonly #compiled: CompiledOfficeHours;
  #index: TimeIndex | undefined;

  constructor(options: BusinessCalendarOptions = {}) {
    this.days = options.days ?? vietnamDayCalendar();
    this.hours = options.hours ?? VN_DEFAULT_OFFICE_HOURS;
    this.#compiled = compileOfficeHours(this.hours);
    this.hoursPerWorkingDay = options.hoursPerWorkingDay ?? DEFAULT_HOURS_PER_WORKING_DAY;
    if (!(this.hoursPerWorkingDay > 0 && this.hoursPerWorkingDay <= 24)) {
      throw new CalendarError('bad-calendar', label('error.cal.hours-per-day', { n: this.hoursPerWorkingDay }), { path: ['hoursPerWorkingDay'] });
    }
    const cutoff = /^(\d{2}):(\d{2})$/.exec(options.transferCutoff ?? '15:00');
    if (cutoff === null) throw new CalendarError('bad-calendar', label('error.cal.cutoff', { text: String(options.transferCutoff) }), { path: ['transferCutoff'] });
    this.transferCutoff = (Number(cutoff[1]) * 60 + Number(cutoff[2])) * 60_000;
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.days.isWorkingDay(date);
  }

  /** Opening periods on a date; none on a non-working day. */
  shiftsOn(date: LocalDate): readonly Shift[] {
    this.days.checkInRange(date);
    const idx = this.#built();
    return idx.shiftTable[idx.shiftId[date - this.days.first]!]!;
  }

  /** Whether the office is open at `t`. Closing instants count as open, so a deadline can fall due at 11:30. */
  isWorkingInstant(t: Instant): boolean {
    const ms = msOfLocalDay(t);
    return this.shiftsOn(localDateOf(t)).some((s) => s.start <= ms && ms <= s.end);
  }

  /** `t` itself when the office is open, else the next opening. */
  nextWorkingInstant(t: Instant): Instant {
    return this.isWorkingInstant(t) ? t : this.#locate(this.position(t), true, localDateOf(t) - this.days.first);
  }

  /** Working time in milliseconds from `a` to `b` (negative when `b` is before `a`). */
  workingTimeBetween(a: Instant, b: Instant): number {
    return this.position(b) - this.position(a);
  }

  /** Hours mode: the instant at which `ms` of working time have passed since `t`. */
  addWorkingTime(t: Instant, ms: number): Instant {
    if (!(ms >= 0)) throw new CalendarError('bad-duration', label('error.cal.negative', { ms }));
    return ms === 0 ? this.nextWorkingInstant(t) : this.#locate(this.position(t) + ms, false, localDateOf(t) - this.days.first);
  }

  /**
   * Hours mode for any duration: `wd` and `wh` count working time inside office hours; `d` adds
   * calendar days and, if that lands on a non-working day, keeps the time of day on the next
   * working day.
   */
  addToInstant(t: Instant, d: Duration): Instant {
    if (d.unit !== 'd') return this.addWorkingTime(t, workingMs(d, this.hoursPerWorkingDay));
    requireWhole(d);
    const end = (t + d.amount * MS_PER_DAY) as Instant;
    const day = localDateOf(end);
    if (this.isWorkingDay(day)) return end;
    return instantAt(this.days.nextWorkingDay(day), msOfLocalDay(end));
  }

  /**
   * Legal date mode (Civil Code 2015 Art. 147–148): the start day is not counted; `N wd` ends on
   * the N-th working day after it; `N d` ends N days later, moved to the next working day when
   * that is not one. The period ends at the end (24:00) of the returned day.
   */
  addToDate(start: LocalDate, d: Duration): LocalDate {
    if (d.unit === 'wh') {
      throw new CalendarError('bad-duration', label('error.cal.hours-in-date-mode', { d: formatDuration(d) }));
    }
    requireWhole(d);
    this.days.checkInRange(start, 'start');
    if (d.unit === 'd') return this.days.nextWorkingDay((start + d.amount) as LocalDate);
    if (d.amount === 0) return start;
    return this.days.workingDayAt(this.days.workingDaysBefore((start + 1) as LocalDate) + d.amount - 1);
  }

  /**
   * The day a dossier received at `receivedAt` is served: the day of receipt when it is a working
   * day and the dossier came before `cutoff` (ms of the local day, 15:00 by default), else the next
   * working day with office hours. Same-day limits and the transfer of paper dossiers both use it.
   */
  serviceDay(receivedAt: Instant, cutoff: number = this.transferCutoff): { readonly day: LocalDate; readonly sameDay: boolean } {
    const day = localDateOf(receivedAt);
    if (this.shiftsOn(day).length > 0 && msOfLocalDay(receivedAt) < cutoff) return { day, sameDay: true };
    let next = this.days.nextWorkingDay((day + 1) as LocalDate);
    while (this.shiftsOn(next).length === 0) next = this.days.nextWorkingDay((next + 1) as LocalDate);
    return { day: next, sameDay: false };
  }

  /** The close of office hours on a day with office hours (the end of its last shift). */
  closeOf(day: LocalDate): Instant {
    const shifts = this.shiftsOn(day);
    return instantAt(day, shifts[shifts.length - 1]!.end);
  }

  /** The opening of office hours on a day with office hours (the start of its first shift). */
  openingOf(day: LocalDate): Instant {
    return instantAt(day, this.shiftsOn(day)[0]!.start);
  }

  /**
   * A same-day limit: due at the close of office hours on the day of receipt, or at the close of
   * the next working day when received at or after the cut-off or on a non-working day.
   */
  sameDayDue(receivedAt: Instant, cutoff: number = this.transferCutoff): { readonly due: Instant; readonly sameDay: boolean } {
    const { day, sameDay } = this.serviceDay(receivedAt, cutoff);
    return { due: this.closeOf(day), sameDay };
  }

  /**
   * Paper dossiers go to the processing agency the same working day, or at the start of the next
   * working day when received at or after the cut-off (15:00) or on a non-working day: the instant
   * by which the transfer is due (the close of the day of receipt, or the next opening).
   */
  transferDue(receivedAt: Instant, cutoff: number = this.transferCutoff): { readonly due: Instant; readonly sameDay: boolean } {
    const { day, sameDay } = this.serviceDay(receivedAt, cutoff);
    return { due: sameDay ? this.closeOf(day) : this.openingOf(day), sameDay };
  }

  /**
   * A piece of work of `ms` working milliseconds ready at `t`, with one look-up of `t`: writes its
   * start (`t` when the office is open, else the next opening) to `out[0]`, its end to `out[1]`
   * and the position of `t` (see {@link position}) to `out[2]`; it returns nothing, because a
   * number returned from a call that is not inlined is allocated on the heap. The same instants as
   * `nextWorkingInstant(t)` and `addWorkingTime(nextWorkingInstant(t), ms)`, for hosts that place
   * many jobs (the simulator) and must not allocate, except that work (`ms` > 0) ready at the very
   * end of a shift (12:00, 17:00: no working time left in it) starts at the next opening, not at
   * the closing instant: a paper dossier transferred at the close of the day is taken up the next
   * morning.
   *
   * @example
   * const out = new Float64Array(3);
   * cal.placeWork(parseInstant('2025-03-03T11:30'), 3_600_000, out); // out: 11:30, 13:30 (lunch skipped), position of 11:30
   */
  placeWork(t: Instant, ms: number, out: Float64Array): void {
    if (!(ms >= 0)) throw new CalendarError('bad-duration', label('error.cal.negative', { ms }));
    const day = localDateOf(t);
    this.days.checkInRange(day, 'instant on');
    const idx = this.#built();
    const i = day - this.days.first;
    const at = msOfLocalDay(t);
    let p = idx.cum[i]!;
    let open = false;
    // The end of the shift `t` is open in: work that fits in it ends at `t + ms`, with no search.
    let shiftEnd = -1;
    for (const s of idx.shiftTable[idx.shiftId[i]!]!) {
      p += Math.min(Math.max(at - s.start, 0), s.end - s.start);
      if (s.start <= at && (at < s.end || (at === s.end && ms === 0))) {
        open = true;
        shiftEnd = s.end;
      }
    }
    const start = open ? t : this.#locate(p, true, i);
    out[0] = start;
    out[1] = ms === 0 ? start : at + ms <= shiftEnd ? t + ms : this.#locate(p + ms, false, i);
    out[2] = p;
  }

  /** Working milliseconds since the start of the range up to `t`. */
  position(t: Instant): number {
    const day = localDateOf(t);
    this.days.checkInRange(day, 'instant on');
    const idx = this.#built();
    const i = day - this.days.first;
    const ms = msOfLocalDay(t);
    let p = idx.cum[i]!;
    for (const s of idx.shiftTable[idx.shiftId[i]!]!) p += Math.min(Math.max(ms - s.start, 0), s.end - s.start);
    return p;
  }

  /**
   * The first instant whose position reaches `p`. With `opening`, the instant from which working
   * time starts to run after `p` (the next opening); otherwise a closing instant is acceptable.
   */
  #locate(p: number, opening: boolean, fromDay: number): Instant {
    const { cum, shiftId, shiftTable } = this.#built();
    const n = cum.length - 1;
    // Smallest day i >= fromDay with cum[i + 1] >= p (or > p for an opening). Galloping from the
    // start day keeps short spans as cheap as a short walk and long ones logarithmic.
    // For an opening, reaching p means passing it: positions are whole milliseconds, so search for p + 0.5.
    const target = opening ? p + 0.5 : p;
    let lo = fromDay < 0 ? 0 : fromDay;
    let step = 1;
    let hi = lo;
    while (hi < n && cum[hi + 1]! < target) {
      lo = hi + 1;
      hi = hi + step < n ? hi + step : n;
      step *= 2;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid + 1]! >= target) hi = mid;
      else lo = mid + 1;
    }
    if (lo >= n) {
      throw new CalendarError('out-of-range', label('error.cal.after-end', { last: formatLocalDate(this.days.last) }));
    }
    let r = p - cum[lo]!;
    const date = (this.days.first + lo) as LocalDate;
    for (const s of shiftTable[shiftId[lo]!]!) {
      const len = s.end - s.start;
      if (opening ? r < len : r <= len) return instantAt(date, s.start + r);
      r -= len;
    }
    throw new Error('unreachable: the working-time index is inconsistent');
  }

  #built(): TimeIndex {
    this.#index ??= this.#build();
    return this.#index;
  }

  #build(): TimeIndex {
    const first = this.days.first;
    const n = this.days.last - first + 1;
    const cum = new Float64Array(n + 1);
    const shiftId = new Uint16Array(n);
    const shiftTable: (readonly Shift[])[] = [NO_SHIFTS];
    const ids = new Map<readonly Shift[], number>([[NO_SHIFTS, 0]]);
    let total = 0;
    for (let i = 0; i < n; i++) {
      cum[i] = total;
      const date = (first + i) as LocalDate;
      if (!this.days.isWorkingDay(date)) continue;
      const shifts = this.#compiled.shiftsOn(date);
      let id = ids.get(shifts);
      if (id === undefined) {
        id = shiftTable.length;
        shiftTable.push(shifts);
        ids.set(shifts, id);
      }
      shiftId[i] = id;
      for (const s of shifts) total += s.end - s.start;
    }
    cum[n] = total;
    return { cum, shiftId, shiftTable };
  }
}

function requireWhole(d: Duration): void {
  if (!Number.isInteger(d.amount)) {
    throw new CalendarError('bad-duration', label('error.cal.whole-days', { d: formatDuration(d) }));
  }
}
