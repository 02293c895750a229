import { Histogram } from './histogram.ts';

/** Statistics of one procedure in one replication (cases received after the warm-up). */
export interface ProcedureStats {
  readonly id: string;
  readonly version: string;
  started: number;
  returned: number;
  refused: number;
  refusedAtReceipt: number;
  withdrawn: number;
  inProgress: number;
  pendingWithinLimit: number;
  pendingOverdue: number;
  early: number;
  onTime: number;
  late: number;
  apologies: number;
  supplementRequests: number;
  completionRequests: number;
  /** Receipt to result (ready or refused), in working days and in calendar days. */
  readonly cycleWorkingDays: Histogram;
  readonly cycleCalendarDays: Histogram;
}

export interface StationStats {
  readonly id: string;
  readonly officers: number;
  jobs: number;
  /** Working hours of service given, and working hours the officers were available, in the window. */
  busyHours: number;
  availableHours: number;
  /** Working hours a job waited for a free officer. */
  readonly queueWait: Histogram;
  /** Hours a job waited because the office was closed. */
  readonly offHoursWait: Histogram;
  longestQueue: number;
}

/** Empty statistics of a procedure. */
export function procedureStats(id: string, version: string): ProcedureStats {
  return {
    id,
    version,
    started: 0,
    returned: 0,
    refused: 0,
    refusedAtReceipt: 0,
    withdrawn: 0,
    inProgress: 0,
    pendingWithinLimit: 0,
    pendingOverdue: 0,
    early: 0,
    onTime: 0,
    late: 0,
    apologies: 0,
    supplementRequests: 0,
    completionRequests: 0,
    cycleWorkingDays: new Histogram(0.05, 4000),
    cycleCalendarDays: new Histogram(0.1, 4000),
  };
}

/** Empty statistics of a station. */
export function stationStats(id: string, officers: number): StationStats {
  return { id, officers, jobs: 0, busyHours: 0, availableHours: 0, queueWait: new Histogram(0.25, 4000), offHoursWait: new Histogram(0.25, 4000), longestQueue: 0 };
}
