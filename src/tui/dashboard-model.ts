import { parseDuration } from '../calendar/duration.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';
import type { ProcedureReport, SimReport } from '../sim/report.ts';

/** One run shown by the dashboard: the baseline or a variant. */
export interface DashboardRun {
  readonly name: string;
  readonly report: SimReport;
  readonly specs: readonly ProcedureSpec[];
}

/** The statutory limit in working days, for drawing it on a histogram (calendar days at 5 per 7). */
export function limitInWorkingDays(spec: ProcedureSpec, hoursPerDay = 8): number {
  const d = parseDuration(spec.limit.duration);
  return d.unit === 'wd' ? d.amount : d.unit === 'wh' ? d.amount / hoursPerDay : (d.amount * 5) / 7;
}

/** A histogram regrouped into `rows` bars from 0 to a little past the limit or the p95. */
export function histogramRows(p: ProcedureReport, limit: number, rows: number): { readonly from: number; readonly to: number; readonly count: number; readonly limitHere: boolean }[] {
  const { width, counts } = p.histogram;
  const top = Math.max(limit * 1.25, p.cycleWorkingDays.p95.mean, width);
  const step = top / rows;
  const out = Array.from({ length: rows }, (_, i) => ({ from: i * step, to: (i + 1) * step, count: 0, limitHere: limit >= i * step && limit < (i + 1) * step }));
  counts.forEach((n, b) => {
    const row = Math.min(rows - 1, Math.floor((b * width) / step));
    out[row]!.count += n;
  });
  return out;
}
