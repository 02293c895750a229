import { formatLocalDate } from '../calendar/date.ts';
import type { SimConfig } from './config.ts';
import type { ReplicationResult } from './engine.ts';
import { compareDecision766, decision766Estimates } from './indicators-report.ts';
import type { Comparison, CycleReport, ProcedureReport, SimReport, StationReport } from './report-schema.ts';
import { type Estimate, estimate, round } from './stats.ts';

export type { Comparison, CycleReport, ProcedureReport, SimReport, StationReport } from './report-schema.ts';

const per = <T>(results: readonly ReplicationResult[], pick: (r: ReplicationResult) => T): T[] => results.map(pick);

/** Combines replications into the report: means with 95% confidence intervals. */
export function buildReport(config: SimConfig, results: readonly ReplicationResult[]): SimReport {
  const procedures = config.procedures.map((_, i): ProcedureReport => {
    const ps = per(results, (r) => r.procedures[i]!);
    const e = (f: (p: (typeof ps)[number]) => number) => estimate(ps.map(f));
    const cycle = (h: 'cycleWorkingDays' | 'cycleCalendarDays'): CycleReport => ({
      mean: e((p) => p[h].mean),
      p50: e((p) => p[h].quantile(0.5)),
      p90: e((p) => p[h].quantile(0.9)),
      p95: e((p) => p[h].quantile(0.95)),
      max: e((p) => p[h].max),
    });
    const first = ps[0]!;
    const counts = Array.from(first.cycleWorkingDays.bins, (_, b) => ps.reduce((s, p) => s + p.cycleWorkingDays.bins[b]!, 0));
    let last = counts.length;
    while (last > 0 && counts[last - 1] === 0) last--;
    return {
      id: first.id,
      version: first.version,
      started: e((p) => p.started),
      finished: e((p) => p.returned + p.refused + p.refusedAtReceipt + p.withdrawn),
      returned: e((p) => p.returned),
      refused: e((p) => p.refused),
      refusedAtReceipt: e((p) => p.refusedAtReceipt),
      withdrawn: e((p) => p.withdrawn),
      inProgress: e((p) => p.inProgress),
      pendingOverdue: e((p) => p.pendingOverdue),
      early: e((p) => p.early),
      onTime: e((p) => p.onTime),
      late: e((p) => p.late),
      onTimeRate: e((p) => (p.early + p.onTime + p.late === 0 ? 1 : (p.early + p.onTime) / (p.early + p.onTime + p.late))),
      apologies: e((p) => p.apologies),
      supplementRequests: e((p) => p.supplementRequests),
      completionRequests: e((p) => p.completionRequests),
      cycleWorkingDays: cycle('cycleWorkingDays'),
      cycleCalendarDays: cycle('cycleCalendarDays'),
      histogram: { width: first.cycleWorkingDays.width, counts: counts.slice(0, last) },
    };
  });
  const stations = (results[0]?.stations ?? []).map((s0, i): StationReport => {
    const ss = per(results, (r) => r.stations[i]!);
    const e = (f: (s: (typeof ss)[number]) => number) => estimate(ss.map(f));
    return {
      id: s0.id,
      officers: s0.officers,
      utilisation: e((s) => (s.availableHours > 0 ? s.busyHours / s.availableHours : 0)),
      jobs: e((s) => s.jobs),
      queueWaitMean: e((s) => s.queueWait.mean),
      queueWaitP95: e((s) => s.queueWait.quantile(0.95)),
      longestQueue: e((s) => s.longestQueue),
      offHoursWaitMean: e((s) => s.offHoursWait.mean),
    };
  });
  const busiest = stations.reduce<StationReport | null>((a, b) => (a === null || b.utilisation.mean > a.utilisation.mean ? b : a), null);
  return {
    scenario: {
      name: config.name,
      seed: config.seed,
      replications: results.length,
      start: formatLocalDate(config.start),
      horizonDays: config.horizonDays,
      warmupDays: config.warmupDays,
      calendar: config.calendar,
      discipline: config.discipline,
    },
    procedures,
    stations,
    bottleneck: busiest === null ? null : { station: busiest.id, utilisation: busiest.utilisation.mean },
    checks: {
      conservation: results.map((r) => ({ ...r.conservation, holds: r.conservation.arrived === r.conservation.ended + r.conservation.inProgress })),
      little: results.map((r) => {
        const lambdaW = r.little.lambda * r.little.W;
        return { L: round(r.little.L), lambdaW: round(lambdaW), relativeError: round(r.little.L === 0 ? 0 : Math.abs(r.little.L - lambdaW) / r.little.L) };
      }),
    },
    events: results.reduce((s, r) => s + r.events, 0),
    ...withIndicators(decision766Estimates(results.map((r) => r.indicators))),
  };
}

const withIndicators = <T>(decision766: T | null) => (decision766 === null ? {} : { indicators: { decision766 } });

/** Differences of a variant from the baseline over paired replications (common random numbers). */
export function compare(name: string, baseline: readonly ReplicationResult[], variant: readonly ReplicationResult[]): Comparison {
  const n = Math.min(baseline.length, variant.length);
  const paired = (f: (r: ReplicationResult) => number | undefined) => {
    const b: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = f(baseline[i]!);
      const y = f(variant[i]!);
      if (x === undefined || y === undefined) continue;
      b.push(x);
      v.push(y);
    }
    return { baseline: estimate(b).mean, variant: estimate(v).mean, difference: estimate(v.map((y, i) => y - b[i]!)) };
  };
  const rate = (p: ReplicationResult['procedures'][number]) => (p.early + p.onTime + p.late === 0 ? 1 : (p.early + p.onTime) / (p.early + p.onTime + p.late));
  const ids = baseline[0]?.procedures.map((p) => p.id) ?? [];
  const stationIds = baseline[0]?.stations.map((s) => s.id) ?? [];
  return {
    variant: name,
    procedures: ids.map((id) => ({
      id,
      meanCycleWorkingDays: paired((r) => r.procedures.find((p) => p.id === id)?.cycleWorkingDays.mean),
      onTimeRate: paired((r) => {
        const p = r.procedures.find((x) => x.id === id);
        return p === undefined ? undefined : rate(p);
      }),
    })),
    stations: stationIds.map((id) => ({
      id,
      utilisation: paired((r) => {
        const s = r.stations.find((x) => x.id === id);
        return s === undefined || s.availableHours === 0 ? undefined : s.busyHours / s.availableHours;
      }),
    })),
    ...withIndicators(compareDecision766(baseline.map((r) => r.indicators), variant.map((r) => r.indicators))),
  };
}
