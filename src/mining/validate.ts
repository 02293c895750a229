import type { LocalDate } from '../calendar/date.ts';
import { type Instant, MS_PER_DAY, MS_PER_HOUR, localDateOf } from '../calendar/instant.ts';
import { vietnamDayCalendar } from '../calendar/vietnam.ts';
import { kolmogorovP, quantileSorted } from './fit.ts';
import { instancesOf } from './instances.ts';
import type { EventLog, Trace } from './log.ts';

export type Verdict = 'good' | 'fair' | 'poor';

/** Thresholds of the verdicts, stated once and printed with every validation. */
export const VERDICT_RULES = {
  ks: { good: 0.05, fair: 0.1 },
  ratio: { good: 0.05, fair: 0.15 },
} as const;

export interface ActivityComparison {
  readonly activity: string;
  /** Completions per case. */
  readonly log: number;
  readonly simulated: number;
  readonly ratio: number;
  readonly verdict: Verdict;
}

export interface Validation {
  readonly cases: { readonly log: number; readonly simulated: number };
  readonly cycleTime: {
    /** Two-sample Kolmogorov–Smirnov statistic of cycle times (calendar days), its p-value, verdict. */
    readonly ks: number;
    readonly pValue: number;
    /** Earth mover's (Wasserstein-1) distance between the two distributions, in days. */
    readonly emdDays: number;
    readonly p50Ratio: number;
    readonly p90Ratio: number;
    readonly log: { readonly meanDays: number; readonly p50Days: number; readonly p90Days: number };
    readonly simulated: { readonly meanDays: number; readonly p50Days: number; readonly p90Days: number };
    readonly verdict: Verdict;
  };
  readonly arrivalsPerDay: { readonly log: number; readonly simulated: number };
  readonly arrivalsPerDayRatio: number;
  readonly arrivalsVerdict: Verdict;
  /** Mean hours per case in timed work (start to complete) and the rest of the cycle (waiting). */
  readonly waiting: {
    readonly log: { readonly processingHours: number; readonly waitingHours: number };
    readonly simulated: { readonly processingHours: number; readonly waitingHours: number };
    readonly processingRatio: number;
    readonly waitingRatio: number;
    readonly verdict: Verdict;
  };
  readonly activities: readonly ActivityComparison[];
  readonly rules: typeof VERDICT_RULES;
}

/** Activities that are not part of the case's cycle (a rating or a complaint comes after the result). */
const AFTER_THE_END = new Set(['rating', 'rate', 'đánh giá', 'complaint']);

interface Figures {
  readonly cycles: number[];
  readonly arrivalsPerDay: number;
  readonly processingHours: number;
  readonly waitingHours: number;
  readonly perCase: Map<string, number>;
  readonly cases: number;
}

function figuresOf(traces: readonly Trace[]): Figures {
  const days = vietnamDayCalendar();
  const cycles: number[] = [];
  const perCase = new Map<string, number>();
  let processing = 0;
  let waiting = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let onWorkingDays = 0;
  // A simulated log holds every replication: arrivals per day are per replication.
  const replications = new Set(traces.map((t) => t.attributes['replication'])).size;
  for (const t of traces) {
    const ev = t.events.filter((e) => !AFTER_THE_END.has(e.activity.toLowerCase()));
    if (ev.length === 0) continue;
    const start = ev[0]!.time;
    const end = ev[ev.length - 1]!.time;
    cycles.push((end - start) / MS_PER_DAY);
    const d = localDateOf(start as Instant);
    if (days.isWorkingDay(d)) onWorkingDays++;
    first = Math.min(first, d);
    last = Math.max(last, d);
    let work = 0;
    for (const i of instancesOf(t)) if (i.started) work += i.end - i.start;
    processing += work;
    waiting += end - start - work;
    for (const e of ev) if (e.lifecycle === 'complete') perCase.set(e.activity, (perCase.get(e.activity) ?? 0) + 1);
  }
  let working = 0;
  for (let d = first; d <= last; d++) if (days.isWorkingDay(d as LocalDate)) working++;
  const n = cycles.length;
  cycles.sort((a, b) => a - b);
  for (const [a, k] of perCase) perCase.set(a, k / Math.max(1, n));
  return { cycles, arrivalsPerDay: working === 0 ? 0 : onWorkingDays / working / Math.max(1, replications), processingHours: processing / MS_PER_HOUR / Math.max(1, n), waitingHours: waiting / MS_PER_HOUR / Math.max(1, n), perCase, cases: n };
}

/** Largest gap between the empirical distributions of two sorted samples. */
export function ksTwoSample(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i]!, b[j]!);
    while (i < a.length && a[i]! <= x) i++;
    while (j < b.length && b[j]! <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/** ∫ |F_a − F_b| dx for two sorted samples: the earth mover's distance on the line. */
export function earthMovers(a: readonly number[], b: readonly number[]): number {
  const points = [...a, ...b].sort((x, y) => x - y);
  let i = 0;
  let j = 0;
  let area = 0;
  for (let k = 0; k < points.length - 1; k++) {
    const x = points[k]!;
    while (i < a.length && a[i]! <= x) i++;
    while (j < b.length && b[j]! <= x) j++;
    area += Math.abs(i / a.length - j / b.length) * (points[k + 1]! - x);
  }
  return area;
}

const ratio = (sim: number, log: number) => (log === 0 ? (sim === 0 ? 1 : Number.POSITIVE_INFINITY) : sim / log);
const byRatio = (r: number): Verdict => {
  const gap = Math.abs(r - 1);
  return gap <= VERDICT_RULES.ratio.good ? 'good' : gap <= VERDICT_RULES.ratio.fair ? 'fair' : 'poor';
};
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Compares a simulated log with a real one: the cycle-time distribution (two-sample KS with its
 * p-value, earth mover's distance in days, p50 and p90 ratios), arrivals per working day,
 * completions per case of every activity, and the split of the cycle between timed work and
 * waiting; a verdict for each figure by `VERDICT_RULES`. Ratios are simulated ÷ log.
 */
export function validate(log: EventLog, simulated: EventLog, options: { readonly procedures?: readonly string[] } = {}): Validation {
  const keep = (l: EventLog) => (options.procedures === undefined ? l.traces : l.traces.filter((t) => t.attributes['procedure'] === undefined || options.procedures!.includes(t.attributes['procedure'])));
  const a = figuresOf(keep(log));
  const b = figuresOf(keep(simulated));
  const ks = ksTwoSample(a.cycles, b.cycles);
  const nEff = (a.cases * b.cases) / Math.max(1, a.cases + b.cases);
  const q = (xs: number[], p: number) => quantileSorted(xs, p);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const names = [...new Set([...a.perCase.keys(), ...b.perCase.keys()])].sort();
  const activities = names.map((activity): ActivityComparison => {
    const l = a.perCase.get(activity) ?? 0;
    const s = b.perCase.get(activity) ?? 0;
    const r = ratio(s, l);
    return { activity, log: r4(l), simulated: r4(s), ratio: r4(r), verdict: byRatio(r) };
  });
  const pr = ratio(b.processingHours, a.processingHours);
  const wr = ratio(b.waitingHours, a.waitingHours);
  const arr = ratio(b.arrivalsPerDay, a.arrivalsPerDay);
  return {
    cases: { log: a.cases, simulated: b.cases },
    cycleTime: {
      ks: r4(ks),
      pValue: r4(kolmogorovP(ks, nEff)),
      emdDays: r4(earthMovers(a.cycles, b.cycles)),
      p50Ratio: r4(ratio(q(b.cycles, 0.5), q(a.cycles, 0.5))),
      p90Ratio: r4(ratio(q(b.cycles, 0.9), q(a.cycles, 0.9))),
      log: { meanDays: r4(mean(a.cycles)), p50Days: r4(q(a.cycles, 0.5)), p90Days: r4(q(a.cycles, 0.9)) },
      simulated: { meanDays: r4(mean(b.cycles)), p50Days: r4(q(b.cycles, 0.5)), p90Days: r4(q(b.cycles, 0.9)) },
      verdict: ks <= VERDICT_RULES.ks.good ? 'good' : ks <= VERDICT_RULES.ks.fair ? 'fair' : 'poor',
    },
    arrivalsPerDay: { log: r4(a.arrivalsPerDay), simulated: r4(b.arrivalsPerDay) },
    arrivalsPerDayRatio: r4(arr),
    arrivalsVerdict: byRatio(arr),
    waiting: {
      log: { processingHours: r4(a.processingHours), waitingHours: r4(a.waitingHours) },
      simulated: { processingHours: r4(b.processingHours), waitingHours: r4(b.waitingHours) },
      processingRatio: r4(pr),
      waitingRatio: r4(wr),
      verdict: [byRatio(pr), byRatio(wr)].includes('poor') ? 'poor' : [byRatio(pr), byRatio(wr)].includes('fair') ? 'fair' : 'good',
    },
    activities,
    rules: VERDICT_RULES,
  };
}
