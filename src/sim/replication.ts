import { type Instant, MS_PER_DAY, MS_PER_HOUR, instantAt } from '../calendar/instant.ts';
import { ALWAYS_OPEN, VN_DEFAULT_OFFICE_HOURS } from '../calendar/office-hours.ts';
import { vietnamDayCalendar } from '../calendar/vietnam.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import type { Decision766 } from '../indicators/decision766.ts';
import { poissonArrivals } from './arrivals.ts';
import { allDaysWorking, calendarFor, compiledFor } from './calendars.ts';
import { ARRIVAL, CaseFlow } from './case-flow.ts';
import { CaseTable } from './case-state.ts';
import type { SimConfig } from './config.ts';
import { samplerOf } from './distributions.ts';
import type { RunHooks } from './hooks.ts';
import { IndicatorCollector } from './indicators.ts';
import { FutureEvents } from './kernel/future-events.ts';
import { Station } from './kernel/stations.ts';
import { type ProcedurePlan, planOf } from './plan.ts';
import { randomStream } from './random.ts';
import { SERVICE_END, Service } from './service.ts';
import { type ProcedureStats, type StationStats, procedureStats } from './stats/tallies.ts';
import { packedMap } from './kernel/packed.ts';

export interface ReplicationResult {
  readonly replication: number;
  readonly procedures: readonly ProcedureStats[];
  readonly stations: readonly StationStats[];
  /** All cases of the run, warm-up included: arrived = ended + in progress. */
  readonly conservation: { readonly arrived: number; readonly ended: number; readonly inProgress: number };
  /** Little's law over the whole run: time-average cases in the system, arrival rate per day, mean days in the system. */
  readonly little: { readonly L: number; readonly lambda: number; readonly W: number };
  readonly events: number;
  readonly endedAt: Instant;
  /** The Decision 766 indicators of the counted dossiers (src/sim/indicators.ts). */
  readonly indicators?: Decision766;
}

/**
 * Runs one replication of a scenario: a discrete-event simulation of dossiers arriving, waiting for
 * officers who work only in office hours, and moving through their procedure as the compiled
 * machine would move them (`CaseFlow`). Pure: time starts at the scenario's start date and
 * randomness comes from the scenario's seed (replication `r` uses independent stream `r`).
 *
 * @example
 * const r = runReplication(config, 0);
 * r.conservation // { arrived: 1200, ended: 1187, inProgress: 13 }
 */
export function runReplication(config: SimConfig, replication: number, hooks: RunHooks = {}, compiled?: readonly CompiledProcedure[]): ReplicationResult {
  const rng = randomStream(config.seed, replication);
  const indicators = new IndicatorCollector(config, replication);
  const days = vietnamDayCalendar();
  const dayCalendar = config.calendar === '24x7' ? allDaysWorking(days) : days;
  const deskCalendar = calendarFor(dayCalendar, config.calendar === '24x7' ? ALWAYS_OPEN : VN_DEFAULT_OFFICE_HOURS);
  const procs = compiled ?? config.procedures.map((p) => compiledFor(p.spec, deskCalendar));

  const stationIds = Object.keys(config.stations).sort();
  const stations = packedMap(stationIds, (id) => new Station(id, config.stations[id]!.officers, calendarFor(dayCalendar, config.stations[id]!.hours), config.discipline));
  const stationIndex = new Map(stationIds.map((id, i) => [id, i]));
  const plans: ProcedurePlan[] = packedMap(config.procedures, (sp, p) =>
    planOf(sp, procs[p]!, (agency) => {
      const name = sp.stationOf[agency] ?? agency;
      const s = stationIndex.get(name);
      if (s === undefined) throw new Error(`internal: no station "${name}" for agency ${agency} (the scenario loader checks this)`);
      return s;
    }),
  );

  const start = instantAt(config.start, 0);
  const warmupEnd = (start + config.warmupDays * MS_PER_DAY) as Instant;
  const horizonEnd = (start + config.horizonDays * MS_PER_DAY) as Instant;
  for (const s of stations) s.stats.availableHours = (s.stats.officers * Math.max(0, s.calendar.workingTimeBetween(warmupEnd, horizonEnd))) / MS_PER_HOUR;
  const stats = packedMap(config.procedures, (p) => procedureStats(p.spec.id, p.spec.version));

  const events = new FutureEvents(start, SERVICE_END, ARRIVAL);
  const cases = new CaseTable();
  const service = new Service(stations, events, cases, rng, warmupEnd, horizonEnd);
  const flow = new CaseFlow({
    config,
    plans,
    cases,
    events,
    service,
    rng,
    hooks,
    stats,
    indicators,
    transferHours: { 'in-person': samplerOf(config.transfer['in-person']), postal: samplerOf(config.transfer.postal), online: samplerOf(config.transfer.online) },
    applicantDays: samplerOf(config.applicantResponse),
    warmupEnd,
  });

  // ---- arrivals ---------------------------------------------------------------------------------
  const replayed = new Int32Array(config.procedures.length);
  const poisson = packedMap(config.procedures, (sp) => (sp.arrivals.kind === 'poisson' ? poissonArrivals(sp.arrivals, dayCalendar, config.calendar === '24x7') : undefined));
  const nextArrival = (p: number, from: number): number => {
    const a = config.procedures[p]!.arrivals;
    if (a.kind === 'replay') {
      let k = replayed[p]!;
      while (k < a.instants.length && a.instants[k]! < from) k++;
      replayed[p] = k < a.instants.length ? k + 1 : k;
      return k < a.instants.length ? a.instants[k]! : Infinity;
    }
    return poisson[p]!(from, rng);
  };
  for (let p = 0; p < config.procedures.length; p++) {
    const first = nextArrival(p, start);
    if (first < horizonEnd) events.scheduleBare(first, ARRIVAL, p);
  }

  // ---- the loop -----------------------------------------------------------------------------------
  const stopAt = config.drain ? Infinity : horizonEnd;
  const progress = hooks.progress;
  let count = 0;
  while (events.next(stopAt)) {
    const now = events.now;
    if (++count % 8192 === 0) progress?.(now as Instant);
    const kind = events.kind;
    if (kind === SERVICE_END) flow.serviceEnd(events.node);
    else if (kind === ARRIVAL) {
      const p = events.node;
      flow.arrive(p);
      const next = nextArrival(p, now);
      if (next < horizonEnd) events.scheduleBare(next, ARRIVAL, p);
    } else flow.caseEvent(kind, events.slot, events.id, events.node, events.aux);
  }

  const now = events.now as Instant;
  for (const s of stations) s.countWaits();
  // Cases still open at the end: within the limit or overdue.
  for (const c of cases.live()) {
    if (c.outcome !== null || !c.counted) continue;
    const s = stats[c.p]!;
    s.inProgress++;
    const due = c.statutory?.due;
    if (due != null && now > due) s.pendingOverdue++;
    else s.pendingWithinLimit++;
    indicators.open(c.p, c.arrival, due ?? null, c.supplementCount());
  }
  const elapsedDays = Math.max(1e-9, (now - start) / MS_PER_DAY);
  return {
    replication,
    procedures: stats,
    stations: stations.map((s) => s.stats),
    conservation: { arrived: flow.arrived, ended: flow.ended, inProgress: flow.live },
    little: { L: flow.areaAt(now) / (now - start || 1), lambda: flow.arrived / elapsedDays, W: flow.ended === 0 ? 0 : flow.sojourn / flow.ended / MS_PER_DAY },
    events: count,
    endedAt: now,
    indicators: indicators.result(now),
  };
}
