/**
 * Benchmark of the working-time calendar: our index-based arithmetic against the naive day-by-day
 * loop a user would write, on the same 1,000 deterministic starts, for spans of a week, a year and
 * ten years. Every answer is checked against the naive one before anything is timed.
 */
import {
  BusinessCalendar,
  type Instant,
  type LocalDate,
  MS_PER_DAY,
  MS_PER_HOUR,
  formatInstant,
  formatLocalDate,
  instantAt,
  localDate,
  localDateOf,
  vietnamDayCalendar,
  workingDays,
  workingHours,
} from '../src/calendar/index.ts';
import { msOfLocalDay } from '../src/calendar/instant.ts';
import { type Measurement, formatCount, formatFixed, formatTable, lcg, measure, timeOnce } from './harness.ts';

/** Spans measured: working days (date mode), working hours (hours mode), calendar days (between). */
const SPANS = [
  { name: '1 week', wd: 5, wh: 40, days: 7 },
  { name: '1 year', wd: 250, wh: 2_000, days: 365 },
  { name: '10 years', wd: 2_500, wh: 20_000, days: 3_652 },
] as const;

// ---- Naive baselines: walk day by day, as a user of `days.isWorkingDay` / `shiftsOn` would. ----

/** Legal date mode: the N-th working day after `start` (the start day is not counted). */
export function naiveAddWorkingDays(cal: BusinessCalendar, start: LocalDate, n: number): LocalDate {
  let d = start;
  for (let counted = 0; counted < n; ) {
    d = (d + 1) as LocalDate;
    if (cal.days.isWorkingDay(d)) counted++;
  }
  return d;
}

/** Hours mode: the first instant by which `ms` (> 0) of office time have passed since `t`. */
export function naiveAddWorkingTime(cal: BusinessCalendar, t: Instant, ms: number): Instant {
  let remaining = ms;
  let from = msOfLocalDay(t);
  for (let d = localDateOf(t); ; d = (d + 1) as LocalDate, from = 0) {
    for (const s of cal.shiftsOn(d)) {
      const open = Math.max(s.start, from);
      if (open >= s.end) continue;
      if (remaining <= s.end - open) return instantAt(d, open + remaining);
      remaining -= s.end - open;
    }
  }
}

/** Office time in milliseconds from `a` to `b` (`a <= b`), summing each day's shifts. */
export function naiveWorkingTimeBetween(cal: BusinessCalendar, a: Instant, b: Instant): number {
  const lastDay = localDateOf(b);
  let total = 0;
  for (let d = localDateOf(a); d <= lastDay; d = (d + 1) as LocalDate) {
    const lo = d === localDateOf(a) ? msOfLocalDay(a) : 0;
    const hi = d === lastDay ? msOfLocalDay(b) : MS_PER_DAY;
    for (const s of cal.shiftsOn(d)) total += Math.max(0, Math.min(s.end, hi) - Math.max(s.start, lo));
  }
  return total;
}

// ---- The benchmark. ----

/** `count` starts: dates uniform over 2015–2080, times of day on a quarter-hour over the whole day. */
function makeStarts(count: number, seed: number): Instant[] {
  const rand = lcg(seed);
  const first = localDate(2015, 1, 1);
  const days = localDate(2080, 12, 31) - first + 1;
  return Array.from({ length: count }, () => instantAt((first + Math.floor(rand() * days)) as LocalDate, Math.floor(rand() * 96) * 15 * 60_000));
}

interface Case<T> {
  readonly operation: string;
  readonly span: string;
  readonly inputs: readonly T[];
  readonly ours: (input: T) => number;
  readonly naive: (input: T) => number;
  readonly show: (input: T) => string;
  readonly format: (result: number) => string;
}

/** A case with its input type hidden: check both implementations agree, then time each. */
interface Prepared {
  readonly operation: string;
  readonly span: string;
  /** Throws on the first input where the two implementations disagree. */
  verify(): void;
  time(minMs: number): { readonly ours: Measurement; readonly naive: Measurement };
}

function prepare<T>(c: Case<T>): Prepared {
  return {
    operation: c.operation,
    span: c.span,
    verify() {
      for (const input of c.inputs) {
        const ours = c.ours(input);
        const naive = c.naive(input);
        if (ours !== naive) {
          throw new Error(`${c.operation}, ${c.span}, ${c.show(input)}: ours ${c.format(ours)} but naive ${c.format(naive)}`);
        }
      }
    },
    time: (minMs) => ({ ours: measure(c.inputs, c.ours, { minMs }), naive: measure(c.inputs, c.naive, { minMs }) }),
  };
}

/** `0.66×` below 10, `120×` above. */
function formatRatio(r: number): string {
  return `${r < 10 ? formatFixed(r, 2) : formatCount(r)}×`;
}

export interface CalendarBenchOptions {
  /** Minimum timed milliseconds per case; 300 by default. */
  readonly minMs?: number;
  /** Number of different starts; 1,000 by default. */
  readonly starts?: number;
}

/** Runs the calendar benchmark and prints the one-off build times and the comparison table. */
export function runCalendarBench(options: CalendarBenchOptions = {}): void {
  const { minMs = 300, starts: count = 1_000 } = options;
  // A fresh copy of the Vietnamese day calendar, so that its lazy index is built (and timed) here.
  const cal = new BusinessCalendar({ days: vietnamDayCalendar().withAnnouncements([]) });
  const starts = makeStarts(count, 20_261_128);
  const dayIndexMs = timeOnce(() => cal.days.isWorkingDay(localDateOf(starts[0]!)));
  const timeIndexMs = timeOnce(() => cal.position(starts[0]!));

  const cases: Prepared[] = [];
  const add = <T>(c: Case<T>): void => void cases.push(prepare(c));
  const startDates = starts.map(localDateOf);
  for (const span of SPANS) {
    const wd = workingDays(span.wd);
    add<LocalDate>({
      operation: 'date mode: add N wd',
      span: `${span.name} (${formatCount(span.wd)} wd)`,
      inputs: startDates,
      ours: (d) => cal.addToDate(d, wd),
      naive: (d) => naiveAddWorkingDays(cal, d, span.wd),
      show: (d) => formatLocalDate(d),
      format: (r) => formatLocalDate(r as LocalDate),
    });
  }
  for (const span of SPANS) {
    const wh = workingHours(span.wh);
    add<Instant>({
      operation: 'hours mode: add N wh',
      span: `${span.name} (${formatCount(span.wh)} wh)`,
      inputs: starts,
      ours: (t) => cal.addToInstant(t, wh),
      naive: (t) => naiveAddWorkingTime(cal, t, span.wh * MS_PER_HOUR),
      show: (t) => formatInstant(t),
      format: (r) => formatInstant(r as Instant),
    });
  }
  for (const span of SPANS) {
    const pairs = starts.map((a) => [a, (a + span.days * MS_PER_DAY) as Instant] as const);
    add<readonly [Instant, Instant]>({
      operation: 'working time between',
      span: `${span.name} (${formatCount(span.days)} d)`,
      inputs: pairs,
      ours: ([a, b]) => cal.workingTimeBetween(a, b),
      naive: ([a, b]) => naiveWorkingTimeBetween(cal, a, b),
      show: ([a, b]) => `${formatInstant(a)} → ${formatInstant(b)}`,
      format: (r) => `${r / MS_PER_HOUR} wh`,
    });
  }

  for (const c of cases) c.verify();
  // Run every case briefly first, so each is timed with the harness's call site in the same JIT
  // state (otherwise the first case timed alone gets its operation inlined and looks faster).
  for (const c of cases) c.time(20);
  const rows = cases.map((c) => {
    const { ours, naive } = c.time(minMs);
    return [c.operation, c.span, formatCount(ours.opsPerSec), formatCount(naive.opsPerSec), formatRatio(ours.opsPerSec / naive.opsPerSec), formatFixed(ours.nsPerOp)];
  });

  console.log(`Calendar (Vietnam, 2008–2100): ${formatCount(count)} starts over 2015–2080, each case timed for at least ${minMs} ms.`);
  console.log(`One-off lazy index build: day index ${formatFixed(dayIndexMs)} ms, working-time index ${formatFixed(timeIndexMs)} ms.`);
  console.log(`All ${formatCount(cases.length * count)} answers agree with the naive day-by-day loop.\n`);
  console.log(
    formatTable(['operation', 'span', 'ours ops/s', 'naive ops/s', 'ratio', 'ours ns/op'], rows, ['l', 'l', 'r', 'r', 'r', 'r']),
  );
}
