import type { ReplicationResult } from './engine.ts';
import { Histogram, type HistogramData } from './stats/histogram.ts';

/** A replication's result as plain data (histograms flattened), for worker threads. */
export type ReplicationData = ReturnType<typeof toData>;

export function toData(r: ReplicationResult) {
  return {
    ...r,
    procedures: r.procedures.map((p) => ({ ...p, cycleWorkingDays: p.cycleWorkingDays.toData(), cycleCalendarDays: p.cycleCalendarDays.toData() })),
    stations: r.stations.map((s) => ({ ...s, queueWait: s.queueWait.toData(), offHoursWait: s.offHoursWait.toData() })),
  };
}

export function fromData(d: ReplicationData): ReplicationResult {
  const h = (x: HistogramData) => Histogram.fromData(x);
  return {
    ...d,
    procedures: d.procedures.map((p) => ({ ...p, cycleWorkingDays: h(p.cycleWorkingDays), cycleCalendarDays: h(p.cycleCalendarDays) })),
    stations: d.stations.map((s) => ({ ...s, queueWait: h(s.queueWait), offHoursWait: h(s.offHoursWait) })),
  };
}
