import type { Decision766, Decision766Figures } from '../indicators/decision766.ts';
import type { Decision766Comparison, Decision766Estimates, Decision766FigureEstimates, PairedFigure } from './report-schema.ts';
import { estimate } from './stats.ts';

export type { Decision766Comparison, Decision766Estimates, Decision766FigureEstimates, PairedFigure } from './report-schema.ts';

const defined = (xs: readonly (number | null | undefined)[]) => xs.filter((x): x is number => x !== null && x !== undefined);

function figures(rows: readonly (Decision766Figures | undefined)[]): Decision766FigureEstimates {
  const e = (f: (d: Decision766Figures) => number | null) => estimate(defined(rows.map((d) => (d === undefined ? 0 : f(d)))));
  const r = (f: (d: Decision766Figures) => number | null) => estimate(defined(rows.map((d) => (d === undefined ? null : f(d)))));
  return {
    handled: e((d) => d.handled),
    resolvedOnTime: e((d) => d.resolvedOnTime),
    withinLimit: e((d) => d.withinLimit),
    late: e((d) => d.late),
    onTimeRate: r((d) => d.onTimeRate),
    satisfactionRate: r((d) => d.satisfactionRate),
    points: r((d) => d.points.total),
    oneStopOnTimeRate: r((d) => d.oneStop.onTimeRate),
  };
}

/**
 * The indicator block of a simulation report from the per-replication indicators; null when the
 * replications carry none (results made by hand).
 */
export function decision766Estimates(perReplication: readonly (Decision766 | undefined)[]): Decision766Estimates | null {
  const runs = perReplication.filter((d): d is Decision766 => d !== undefined);
  if (runs.length === 0 || runs.length !== perReplication.length) return null;
  const first = runs[0]!;
  const agencies = [...new Set(runs.flatMap((d) => d.byAgency.map((a) => a.agency)))].sort();
  const byAgency = agencies.map((agency) => ({ agency, ...figures(runs.map((d) => d.byAgency.find((a) => a.agency === agency))) }));
  byAgency.sort((a, b) => b.points.mean - a.points.mean || a.agency.localeCompare(b.agency));
  return {
    definitions: first.definitions,
    ref: first.ref,
    period: 'after-warm-up-to-end-of-run',
    options: first.options,
    ...figures(runs),
    pointsOf: first.points.of,
    complaints: { total: estimate(runs.map((d) => d.complaints.total)), onTimeRate: estimate(defined(runs.map((d) => d.complaints.onTimeRate))) },
    byAgency: byAgency.map((a) => ({ ...a, rank: 1 + byAgency.findIndex((b) => b.points.mean === a.points.mean) })),
    notComputable: first.notComputable,
  };
}

/** Paired differences (common random numbers) of the indicators; null when either side has none. */
export function compareDecision766(baseline: readonly (Decision766 | undefined)[], variant: readonly (Decision766 | undefined)[]): Decision766Comparison | null {
  const n = Math.min(baseline.length, variant.length);
  if (n === 0 || baseline.some((d) => d === undefined) || variant.some((d) => d === undefined)) return null;
  const paired = (f: (d: Decision766) => number | null | undefined): PairedFigure => {
    const b: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = f(baseline[i]!);
      const y = f(variant[i]!);
      if (x === null || x === undefined || y === null || y === undefined) continue;
      b.push(x);
      v.push(y);
    }
    return { baseline: estimate(b).mean, variant: estimate(v).mean, difference: estimate(v.map((y, i) => y - b[i]!)) };
  };
  const agencies = [...new Set([...baseline, ...variant].flatMap((d) => d!.byAgency.map((a) => a.agency)))].sort();
  const of = (d: Decision766, agency: string) => d.byAgency.find((a) => a.agency === agency);
  return {
    onTimeRate: paired((d) => d.onTimeRate),
    satisfactionRate: paired((d) => d.satisfactionRate),
    points: paired((d) => d.points.total),
    byAgency: agencies.map((agency) => ({
      agency,
      onTimeRate: paired((d) => of(d, agency)?.onTimeRate),
      satisfactionRate: paired((d) => of(d, agency)?.satisfactionRate),
      points: paired((d) => of(d, agency)?.points.total),
    })),
  };
}
