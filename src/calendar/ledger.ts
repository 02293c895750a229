import { CalendarError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import type { BusinessCalendar } from './business-calendar.ts';
import type { LocalDate } from './date.ts';
import { type Duration, formatDuration, workingMs } from './duration.ts';
import { type Instant, MS_PER_DAY, instantAt, localDateOf, msOfLocalDay } from './instant.ts';

/**
 * What a ledger counts:
 * - `working-time`: milliseconds inside office hours (the hours mode, and every step's share);
 * - `working-days`: whole working days, each worth `MS_PER_DAY` units (the legal date mode);
 * - `calendar-days`: plain elapsed time.
 */
export type MeasureKind = 'working-time' | 'working-days' | 'calendar-days';

/** Where a period in calendar days ends when its last day is not a working day (Civil Code Art. 148). */
export type EndRule = 'none' | 'end-of-next-working-day' | 'same-time-next-working-day';

export interface LedgerPause {
  readonly from: Instant;
  readonly to: Instant | null;
  readonly reason: string;
}

/**
 * A deadline as a budget plus a ledger: how much is allowed, how much was consumed before the
 * clock last started, since when it runs (or that it is paused and why), restarts and extensions.
 * Plain data, so a case snapshot can be stored and explained; the due instant is derived through a
 * calendar and cached in `due` (null while paused).
 *
 * @example
 * let l = openLedger(cal, parseDuration('3wd'), 'date', parseInstant('2025-01-24T10:00'));
 * formatInstant(l.due!) === '2025-02-06T00:00+07:00' // the end of Wednesday 5 February
 */
export interface Ledger {
  readonly measure: MeasureKind;
  readonly endRule: EndRule;
  /** Whether a restart counts from the next day (legal date mode) or from the instant. */
  readonly dateMode: boolean;
  readonly budget: number;
  readonly consumed: number;
  readonly runningSince: Instant | null;
  readonly startedAt: Instant;
  readonly pauses: readonly LedgerPause[];
  readonly restarts: readonly Instant[];
  readonly extensions: readonly { readonly amount: number; readonly reason: string }[];
  readonly due: Instant | null;
}

/**
 * How a statutory limit counts: `date`, the Civil Code's whole days (Art. 147–148); `hours`,
 * working time from the receipt instant; `same-day`, the close of office hours on the day of
 * receipt, or of the next working day when received at or after the cut-off.
 */
export type LimitMode = 'date' | 'hours' | 'same-day';

/** The measure and budget a duration takes in a counting mode. */
export function budgetOf(cal: BusinessCalendar, d: Duration, mode: LimitMode): { measure: MeasureKind; endRule: EndRule; budget: number } {
  if (d.unit === 'd') {
    return { measure: 'calendar-days', endRule: mode === 'date' ? 'end-of-next-working-day' : 'same-time-next-working-day', budget: d.amount * MS_PER_DAY };
  }
  if (mode !== 'date') return { measure: 'working-time', endRule: 'none', budget: workingMs(d, cal.hoursPerWorkingDay) };
  if (d.unit === 'wh') {
    throw new CalendarError('bad-duration', label('error.cal.hours-in-date-ledger', { d: formatDuration(d) }));
  }
  return { measure: 'working-days', endRule: 'none', budget: d.amount * MS_PER_DAY };
}

/**
 * Opens a ledger at `at`; in the date mode the day of `at` is not counted (Civil Code Art. 147).
 * `internal` ledgers (an agency's share of the limit) are plain allocations: a share in calendar
 * days ends when its days are up, without Art. 148's move to the next working day, which only
 * statutory periods get.
 */
export function openLedger(
  cal: BusinessCalendar,
  d: Duration,
  mode: LimitMode,
  at: Instant,
  options: { readonly internal?: boolean; readonly cutoff?: number } = {},
): Ledger {
  if (mode === 'same-day') {
    // Working time up to the close of the service day: a pause or an extension then moves the due
    // instant by working time, like any hours-mode clock.
    const { due } = cal.sameDayDue(at, options.cutoff);
    const budget = cal.workingTimeBetween(at, due);
    return withDue(cal, { measure: 'working-time', endRule: 'none', dateMode: false, budget, consumed: 0, runningSince: at, startedAt: at, pauses: [], restarts: [], extensions: [], due: null });
  }
  const resolved = budgetOf(cal, d, mode);
  const { measure, budget } = resolved;
  const endRule = options.internal === true ? 'none' : resolved.endRule;
  const runningSince = mode === 'date' ? nextMidnight(at) : at;
  return withDue(cal, { measure, endRule, dateMode: mode === 'date', budget, consumed: 0, runningSince, startedAt: at, pauses: [], restarts: [], extensions: [], due: null });
}

/** Consumed units at `at`, including the running part. */
export function consumedAt(cal: BusinessCalendar, l: Ledger, at: Instant): number {
  if (l.runningSince === null) return l.consumed;
  return l.consumed + Math.max(0, position(cal, l.measure, at) - position(cal, l.measure, l.runningSince));
}

/**
 * What the ledger charges if its clock stops at `at`: in the legal date mode the day in progress
 * counts whole (a pause or a finish today uses today, Civil Code Art. 147), so this never jumps when
 * the clock pauses; in the other modes it is {@link consumedAt}. A stopped ledger charges what it holds.
 */
export function chargedAt(cal: BusinessCalendar, l: Ledger, at: Instant): number {
  return l.runningSince === null ? l.consumed : consumedAt(cal, l, snap(l, at));
}

/** Units left at `at` (negative when overdue). */
export function remainingAt(cal: BusinessCalendar, l: Ledger, at: Instant): number {
  return l.budget - consumedAt(cal, l, at);
}

/**
 * In the legal date mode the clock moves in whole days: the day a pause starts counts as used and
 * counting resumes the day after the papers arrive, as for any triggering event (Civil Code
 * Art. 147). So a pause moves the due date by exactly the working days it spans.
 */
function snap(l: Ledger, at: Instant): Instant {
  return l.dateMode ? nextMidnight(at) : at;
}

/**
 * A copy of `l` with what changes, its keys in the order `openLedger` writes them (so that every
 * ledger has one shape, and a stored one reads back the same). Written out rather than spread:
 * the simulator pauses and resumes a clock for most dossiers.
 */
function changed(l: Ledger, consumed: number, runningSince: Instant | null, pauses: readonly LedgerPause[]): { -readonly [K in keyof Ledger]: Ledger[K] } {
  return { measure: l.measure, endRule: l.endRule, dateMode: l.dateMode, budget: l.budget, consumed, runningSince, startedAt: l.startedAt, pauses, restarts: l.restarts, extensions: l.extensions, due: null };
}

/** Stops the clock at `at`; pauses nest (two agencies may each wait for papers). */
export function pauseLedger(cal: BusinessCalendar, l: Ledger, at: Instant, reason: string): Ledger {
  const pauses = l.pauses.slice();
  pauses.push({ from: at, to: null, reason });
  return changed(l, chargedAt(cal, l, at), null, pauses);
}

/** Closes the open pause with this reason; the clock runs again from `at` once no pause is open. */
export function resumeLedger(cal: BusinessCalendar, l: Ledger, at: Instant, reason: string): Ledger {
  let index = -1;
  let othersOpen = false;
  for (let i = 0; i < l.pauses.length; i++) {
    const p = l.pauses[i]!;
    if (p.to !== null) continue;
    if (index < 0 && p.reason === reason) index = i;
    else othersOpen = true;
  }
  if (index < 0) return l;
  const pauses = l.pauses.slice();
  const closed = pauses[index]!;
  pauses[index] = { from: closed.from, to: at, reason: closed.reason };
  return withDue(cal, changed(l, l.consumed, othersOpen ? null : snap(l, at), pauses));
}

/** Starts counting again from zero (a law that says "N days from a complete dossier"). */
export function restartLedger(cal: BusinessCalendar, l: Ledger, at: Instant): Ledger {
  const pauses = l.pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
  return withDue(cal, { ...l, pauses, consumed: 0, runningSince: snap(l, at), restarts: [...l.restarts, at] });
}

/** Adds to the budget, e.g. 10 working days for a remote commune. */
export function extendLedger(cal: BusinessCalendar, l: Ledger, d: Duration, reason: string): Ledger {
  const mode = l.dateMode ? 'date' : 'hours';
  const { measure, budget } = budgetOf(cal, d, mode);
  if (measure !== l.measure) {
    throw new CalendarError('bad-duration', label('error.cal.extend-unit', { measure: l.measure, d: formatDuration(d) }));
  }
  return withDue(cal, { ...l, budget: l.budget + budget, extensions: [...l.extensions, { amount: budget, reason }] });
}

/** Sets the cached due instant of `l`, a ledger its caller has just built (so it is written in place, not copied). */
function withDue(cal: BusinessCalendar, l: { -readonly [K in keyof Ledger]: Ledger[K] }): Ledger {
  if (l.runningSince === null) {
    l.due = null;
    return l;
  }
  const target = position(cal, l.measure, l.runningSince) + (l.budget - l.consumed);
  let due = locate(cal, l.measure, target, l.runningSince);
  if (due < l.runningSince) due = l.runningSince;
  l.due = applyEndRule(cal, l.endRule, due);
  return l;
}

function nextMidnight(at: Instant): Instant {
  return instantAt((localDateOf(at) + 1) as LocalDate, 0);
}

/** Position of an instant on a measure's axis. */
export function position(cal: BusinessCalendar, measure: MeasureKind, t: Instant): number {
  switch (measure) {
    case 'working-time':
      return cal.position(t);
    case 'calendar-days':
      return t;
    case 'working-days': {
      const day = localDateOf(t);
      const rank = cal.days.workingDaysBefore(day);
      return rank * MS_PER_DAY + (cal.days.isWorkingDay(day) ? msOfLocalDay(t) : 0);
    }
  }
}

/** The first instant whose position reaches `p` (a period that ends at a closing is due at the closing). */
function locate(cal: BusinessCalendar, measure: MeasureKind, p: number, from: Instant): Instant {
  switch (measure) {
    case 'working-time': {
      const base = cal.position(from);
      return p <= base ? from : cal.addWorkingTime(from, p - base);
    }
    case 'calendar-days':
      return p as Instant;
    case 'working-days': {
      const k = Math.floor(p / MS_PER_DAY);
      const r = p - k * MS_PER_DAY;
      if (r === 0 && k > 0) return instantAt((cal.days.workingDayAt(k - 1) + 1) as LocalDate, 0);
      return instantAt(cal.days.workingDayAt(k), r);
    }
  }
}

function applyEndRule(cal: BusinessCalendar, rule: EndRule, due: Instant): Instant {
  if (rule === 'none') return due;
  if (rule === 'end-of-next-working-day') {
    const lastDay = localDateOf((due - 1) as Instant);
    return cal.isWorkingDay(lastDay) ? due : instantAt((cal.days.nextWorkingDay(lastDay) + 1) as LocalDate, 0);
  }
  const day = localDateOf(due);
  return cal.isWorkingDay(day) ? due : instantAt(cal.days.nextWorkingDay(day), msOfLocalDay(due));
}

/** Early / on time / late for a dossier finished at `at` against `due`. */
export type Classification = 'early' | 'on-time' | 'late';

/**
 * Classifies a finish against a due instant: late after `due`; early when finished on a date before
 * the due date, or at least `earlyBefore` working milliseconds ahead when given.
 */
export function classify(cal: BusinessCalendar, at: Instant, due: Instant, earlyBefore?: number): Classification {
  if (at > due) return 'late';
  if (earlyBefore === undefined) return localDateOf(at) < localDateOf((due - 1) as Instant) ? 'early' : 'on-time';
  return cal.workingTimeBetween(at, due) >= earlyBefore ? 'early' : 'on-time';
}

/**
 * The last instant that is `d` ahead of the due instant, on the ledger's own measure (e.g. the
 * end of the working day before the due date for `1wd` in the date mode); null while paused.
 */
export function lastMomentBefore(cal: BusinessCalendar, l: Ledger, d: Duration): Instant | null {
  if (l.due === null) return null;
  const { budget } = budgetOf(cal, d, l.dateMode ? 'date' : 'hours');
  const p = position(cal, l.measure, l.due) - budget;
  return p <= position(cal, l.measure, l.startedAt) ? l.startedAt : locate(cal, l.measure, p, l.startedAt);
}

/**
 * {@link lastMomentBefore} for hosts that ask it of many ledgers sharing due instants (the
 * simulator: every dossier accepted on a day has the same due date): the moment is searched once
 * per due instant and measure, and only compared with each ledger's start (`startedAt`, the
 * ledger's own by default: a host that shares one ledger between dossiers gives each one's).
 *
 * @example
 * const last = lastMomentFinder(cal, parseDuration('1wd'));
 * last(ledger) // === lastMomentBefore(cal, ledger, parseDuration('1wd'))
 */
export function lastMomentFinder(cal: BusinessCalendar, d: Duration): (l: Ledger, startedAt?: Instant) => Instant | null {
  const budgets = new Map<boolean, number>();
  const found = new Map<MeasureKind, Map<number, { readonly p: number; readonly at: Instant }>>();
  // The last due instant asked about: dossiers accepted one after another mostly share it.
  let lastMeasure: MeasureKind | undefined;
  let lastDue = Number.NaN;
  let last: { readonly p: number; readonly at: Instant } | undefined;
  return (l, startedAt = l.startedAt) => {
    if (l.due === null) return null;
    // `at` is the first instant whose position reaches `p`, so the start has passed `p` exactly when it is not before `at`: no look-up.
    if (l.due === lastDue && l.measure === lastMeasure) return startedAt >= last!.at ? startedAt : last!.at;
    let byDue = found.get(l.measure);
    if (byDue === undefined) found.set(l.measure, (byDue = new Map()));
    let known = byDue.get(l.due);
    if (known === undefined) {
      const budget = budgets.get(l.dateMode) ?? budgets.set(l.dateMode, budgetOf(cal, d, l.dateMode ? 'date' : 'hours').budget).get(l.dateMode)!;
      const p = position(cal, l.measure, l.due) - budget;
      // Beyond the start, the moment does not depend on where the search starts from.
      known = { p, at: p <= position(cal, l.measure, startedAt) ? (Number.NaN as Instant) : locate(cal, l.measure, p, startedAt) };
      if (Number.isNaN(known.at)) return startedAt;
      if (byDue.size > 4096) byDue.clear();
      byDue.set(l.due, known);
    }
    lastMeasure = l.measure;
    lastDue = l.due;
    last = known;
    return startedAt >= known.at ? startedAt : known.at;
  };
}
