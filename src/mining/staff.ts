import { UsageError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import type { SimConfig } from '../sim/config.ts';
import type { ReplicationResult } from '../sim/engine.ts';
import { stationLoad } from '../sim/scenario/load.ts';
import { type Estimate, estimate } from '../sim/stats.ts';

/** A figure a staffing target is about: the simulator's own on-time rate and mean cycle time, or a Decision 766 indicator. */
export type StaffMetric = 'onTimeRate' | 'meanCycleDays' | 'decision766.onTimeRate' | 'decision766.satisfactionRate' | 'decision766.points';

/** What a staffing must achieve: a floor for a rate or the points, a ceiling for the mean cycle time. */
export interface StaffTarget {
  readonly metric: StaffMetric;
  readonly op: '>=' | '<=';
  readonly value: number;
  readonly text: string;
}

const RATES = new Set<StaffMetric>(['onTimeRate', 'decision766.onTimeRate', 'decision766.satisfactionRate']);

/** Whether the metric is a share (shown as a percentage). */
export const isRate = (metric: StaffMetric): boolean => RATES.has(metric);

/**
 * Reads `onTimeRate>=0.95`, `meanCycleDays<=5` or a Decision 766 indicator (`decision766.onTimeRate>=0.95`).
 * @throws UsageError `bad-target` with the accepted forms
 */
export function parseTarget(text: string): StaffTarget {
  const m = /^\s*(onTimeRate|meanCycleDays|decision766\.(?:onTimeRate|satisfactionRate|points))\s*(>=|<=|≥|≤)\s*([0-9]*\.?[0-9]+)\s*$/.exec(text);
  if (m === null) throw new UsageError('bad-target', label('error.staff.bad-target', { text }), { path: ['--target'] });
  const metric = m[1] as StaffMetric;
  const op = m[2] === '≥' ? '>=' : m[2] === '≤' ? '<=' : (m[2] as StaffTarget['op']);
  const value = Number(m[3]);
  if (RATES.has(metric) && (op !== '>=' || value > 1)) throw new UsageError('bad-target', label('error.staff.rate-floor', { target: `${metric}>=${Math.min(value, 1)}` }), { path: ['--target'] });
  if (metric === 'decision766.points' && op !== '>=') throw new UsageError('bad-target', label('error.staff.points-floor', { target: `${metric}>=${value}` }), { path: ['--target'] });
  if (metric === 'meanCycleDays' && op !== '<=') throw new UsageError('bad-target', label('error.staff.cycle-ceiling', { target: `meanCycleDays<=${value}` }), { path: ['--target'] });
  return { metric, op, value, text: `${metric}${op}${value}` };
}

export type Officers = Readonly<Record<string, number>>;

/** One allocation, simulated. */
export interface Candidate {
  readonly officers: Officers;
  readonly total: number;
  /** The target's figure over replications, with its 95% confidence interval. */
  readonly value: Estimate;
  /** Met with 95% confidence: the whole two-sided 95% interval is on the right side of the target. */
  readonly meets: boolean;
  readonly utilisation: Readonly<Record<string, number>>;
  /** Working hours waited in queue per working day at each station (the bottleneck measure). */
  readonly queueHours: Readonly<Record<string, number>>;
}

const totalOf = (o: Officers) => Object.values(o).reduce((s, n) => s + n, 0);

/** The target's figure of each replication, across every procedure of the scenario. */
function figures(results: readonly ReplicationResult[], target: StaffTarget): number[] {
  if (target.metric.startsWith('decision766.')) {
    // A replication that handled no dossier has no rate: it says nothing either way.
    return results.flatMap((r) => {
      const d = r.indicators;
      if (d === undefined) throw new UsageError('no-indicators', label('error.staff.no-indicators', { target: target.text }), { path: ['--target'] });
      const x = target.metric === 'decision766.onTimeRate' ? d.onTimeRate : target.metric === 'decision766.satisfactionRate' ? d.satisfactionRate : d.points.total;
      return x === null ? [] : [x];
    });
  }
  return results.map((r) => {
    if (target.metric === 'onTimeRate') {
      let good = 0;
      let all = 0;
      for (const p of r.procedures) {
        good += p.early + p.onTime;
        all += p.early + p.onTime + p.late;
      }
      return all === 0 ? 1 : good / all;
    }
    let sum = 0;
    let n = 0;
    for (const p of r.procedures) {
      sum += p.cycleWorkingDays.mean * p.cycleWorkingDays.count;
      n += p.cycleWorkingDays.count;
    }
    return n === 0 ? 0 : sum / n;
  });
}

/** Summarises the replications of one allocation for the search. */
export function candidateOf(officers: Officers, results: readonly ReplicationResult[], target: StaffTarget): Candidate {
  const value = estimate(figures(results, target));
  const meets = target.op === '>=' ? value.mean - value.halfWidth >= target.value : value.mean + value.halfWidth <= target.value;
  const utilisation: Record<string, number> = {};
  const queueHours: Record<string, number> = {};
  for (const id of Object.keys(officers)) {
    let u = 0;
    let q = 0;
    for (const r of results) {
      const s = r.stations.find((x) => x.id === id);
      if (s === undefined) continue;
      u += s.availableHours > 0 ? s.busyHours / s.availableHours : 0;
      q += s.queueWait.mean * s.jobs;
    }
    utilisation[id] = u / Math.max(1, results.length);
    queueHours[id] = q / Math.max(1, results.length);
  }
  return { officers, total: totalOf(officers), value, meets, utilisation, queueHours };
}

/** Simulates a batch of allocations (the edge runs them on worker threads) with the scenario's seed: common random numbers. */
export type Evaluate = (batch: readonly Officers[]) => Promise<Candidate[]>;

export interface StaffOptions {
  /** Most officers in total; the search stops there. */
  readonly maxOfficers?: number;
  /** Most allocations simulated. */
  readonly maxEvaluations?: number;
}

export interface FrontierPoint {
  readonly total: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly officers: Officers;
}

export interface StaffResult {
  readonly target: StaffTarget;
  /** The scenario's own allocation, simulated the same way. */
  readonly scenario: Candidate;
  /** The least staffing found that meets the target, or undefined when none did within the limits. */
  readonly best: Candidate | undefined;
  /** Per station: the scenario's officers, the answer's, and the change. */
  readonly changes: readonly { readonly station: string; readonly scenario: number; readonly best: number | undefined }[];
  /** Best figure found at each total number of officers, in increasing totals. */
  readonly frontier: readonly FrontierPoint[];
  /** Each point of the frontier is no worse than the previous one, within their confidence intervals. */
  readonly monotone: boolean;
  readonly evaluations: number;
  readonly lowerBound: Officers;
}

const better = (t: StaffTarget, a: Estimate, b: Estimate) => (t.op === '>=' ? a.mean > b.mean : a.mean < b.mean);

/**
 * The least officers per station meeting the target with 95% confidence. Starts from the fewest
 * officers that keep every station's utilisation under 1 (`stationLoad`), or from the scenario's
 * own allocation (raised to that bound) when neither meets the target, adds one officer at a time
 * to whichever of the two stations with the most queue wait improves the figure more (marginal
 * allocation to the bottleneck) until the target is met, then removes officers one at a time where
 * the target stays met (pruning, least-used stations first). Every allocation is simulated with the
 * scenario's seed, so candidates share their random numbers.
 */
export async function searchStaffing(config: SimConfig, target: StaffTarget, evaluate: Evaluate, options: StaffOptions = {}): Promise<StaffResult> {
  const maxEvaluations = options.maxEvaluations ?? 60;
  const scenarioOfficers = Object.fromEntries(Object.entries(config.stations).map(([id, s]) => [id, s.officers]));
  const maxOfficers = options.maxOfficers ?? Math.max(2 * totalOf(scenarioOfficers), totalOf(scenarioOfficers) + 10);
  const lowerBound: Record<string, number> = {};
  for (const l of stationLoad(config)) {
    const perOfficer = l.capacityHoursPerDay / config.stations[l.station]!.officers;
    lowerBound[l.station] = Math.max(1, perOfficer > 0 ? Math.floor(l.offeredHoursPerDay / perOfficer) + 1 : 1);
  }
  let evaluations = 0;
  const seen: Candidate[] = [];
  const run = async (batch: Officers[]) => {
    const out = await evaluate(batch);
    evaluations += batch.length;
    seen.push(...out);
    return out;
  };
  const [scenario, first] = await run([scenarioOfficers, lowerBound]);
  let current = first;
  if (!first!.meets && !scenario!.meets) {
    // The scenario falls short as well: climb from it (never below the lower bound), not from the
    // bound, whose missing officers the scenario already has.
    const from = Object.fromEntries(Object.keys(scenarioOfficers).map((s) => [s, Math.max(scenarioOfficers[s]!, lowerBound[s]!)]));
    current = totalOf(from) === scenario!.total ? scenario : (await run([from]))[0];
  }
  const path: Candidate[] = [current!];
  // Marginal allocation to the bottleneck.
  while (!current!.meets && evaluations < maxEvaluations && current!.total < maxOfficers) {
    const c = current!;
    const ranked = Object.keys(c.officers).sort((a, b) => c.queueHours[b]! - c.queueHours[a]! || c.utilisation[b]! - c.utilisation[a]!);
    const batch = ranked.slice(0, 2).map((s) => ({ ...c.officers, [s]: c.officers[s]! + 1 }));
    const tried = await run(batch);
    current = tried.reduce((a, b) => (better(target, b.value, a.value) ? b : a));
    path.push(current);
  }
  let best = current!.meets ? current : undefined;
  // Pruning: take officers back where the target stays met, never below the lower bound: a station
  // with a utilisation of 1 or more queues without end, and a starved desk would hold dossiers
  // before the statutory clock starts, which no on-time rate sees.
  while (best !== undefined && evaluations < maxEvaluations) {
    const b = best;
    const order = Object.keys(b.officers).filter((s) => b.officers[s]! > lowerBound[s]!).sort((x, y) => b.utilisation[x]! - b.utilisation[y]!);
    const batch = order.slice(0, Math.min(4, maxEvaluations - evaluations)).map((s) => ({ ...b.officers, [s]: b.officers[s]! - 1 }));
    if (batch.length === 0) break;
    const tried = (await run(batch)).filter((x) => x.meets);
    if (tried.length === 0) break;
    best = tried.reduce((x, y) => (better(target, y.value, x.value) ? y : x));
  }
  // The frontier: the best figure seen at each total.
  const byTotal = new Map<number, Candidate>();
  for (const c of seen) {
    if (c === scenario) continue;
    const had = byTotal.get(c.total);
    if (had === undefined || better(target, c.value, had.value)) byTotal.set(c.total, c);
  }
  const frontier = [...byTotal.values()]
    .sort((a, b) => a.total - b.total)
    .map((c) => ({ total: c.total, mean: c.value.mean, low: c.value.mean - c.value.halfWidth, high: c.value.mean + c.value.halfWidth, officers: c.officers }));
  const monotone = frontier.every((p, i) => i === 0 || (target.op === '>=' ? p.high >= frontier[i - 1]!.low : p.low <= frontier[i - 1]!.high));
  const changes = Object.keys(scenarioOfficers).map((station) => ({ station, scenario: scenarioOfficers[station]!, best: best?.officers[station] }));
  return { target, scenario: scenario!, best, changes, frontier, monotone, evaluations, lowerBound };
}
