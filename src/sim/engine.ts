import { BusinessCalendar } from '../calendar/business-calendar.ts';
import { workingDays } from '../calendar/duration.ts';
import { type Instant, MS_PER_DAY, MS_PER_HOUR, instantAt } from '../calendar/instant.ts';
import type { Classification, Ledger } from '../calendar/ledger.ts';
import { ALWAYS_OPEN, VN_DEFAULT_OFFICE_HOURS } from '../calendar/office-hours.ts';
import { vietnamDayCalendar } from '../calendar/vietnam.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import {
  apologyDecisionAt,
  clockAfterSupplement,
  extensionsFor,
  handoverIsImmediate,
  maySupplement,
  pauseClock,
  pauseReason,
  resumeClock,
  statutoryClassification,
  statutoryOpener,
} from '../compile/policies.ts';
import { actorOfStep } from '../compile/rules.ts';
import type { Actor, CaseEvent, OutcomeKind, Rating } from '../compile/types.ts';
import type { Decision766 } from '../indicators/decision766.ts';
import type { Channel } from '../dsl/spec.ts';
import { ACTIVITY } from '../export/event-log.ts';
import { nextPoisson } from './arrivals.ts';
import { allDaysWorking, calendarFor, compiledFor } from './calendars.ts';
import type { SimConfig, SimProcedure } from './config.ts';
import { choose, samplerOf } from './distributions.ts';
import { type EddEntry, popMin, siftUp } from './edd.ts';
import { EventHeap } from './heap.ts';
import { Histogram } from './histogram.ts';
import { IndicatorCollector } from './indicators.ts';
import { type SimModel, type SimNode, buildModel } from './model.ts';
import { type Random, randomStream } from './random.ts';

/** One activity of one case at a station, as process-mining tools read it. */
export interface ActivityRecord {
  /** The case's number in its replication, as the other hooks name it. */
  readonly case: number;
  readonly caseId: string;
  readonly procedure: string;
  readonly activity: string;
  readonly agency: string;
  readonly station: string;
  /** Which officer of the station served it (0-based). */
  readonly officer: number;
  readonly enabled: Instant;
  readonly start: Instant;
  readonly end: Instant;
  readonly outcome: string;
}

export interface RunHooks {
  /** Called when a case arrives, with what opening it in the machine needs. */
  readonly started?: (
    caseId: number,
    input: { readonly procedure: string; readonly desk: string; readonly receivedAt: Instant; readonly channel: Channel; readonly dossier: Readonly<Record<string, string | number | boolean>> },
  ) => void;
  /** Receives every event the machine would receive, in order: the differential test replays them. */
  readonly trace?: (caseId: number, event: CaseEvent) => void;
  readonly activity?: (record: ActivityRecord) => void;
  /** Called when a case enters a consultation (`to`: the agencies consulted) or an excluded interval (`to`: its party). */
  readonly entered?: (caseId: number, node: { readonly kind: 'consult' | 'interval'; readonly id: string; readonly to: readonly string[]; readonly at: Instant }) => void;
  /**
   * Called when a case ends (returned, refused, withdrawn), with what the simulator concluded and
   * what the applicant said (the scenario's `feedback`, drawn for the cases counted after the warm-up).
   */
  readonly ended?: (
    caseId: number,
    result: { readonly outcome: OutcomeKind; readonly at: Instant; readonly classification: Classification | null; readonly due: Instant | null; readonly apologies: number; readonly rating: Rating | null; readonly complained: boolean },
  ) => void;
  /** Called every few thousand events with the simulated instant, for progress bars. */
  readonly progress?: (at: Instant) => void;
}

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

// Event kinds on the future-event list.
const ARRIVAL = 0;
const SERVICE_END = 1;
const APPLICANT_BACK = 2;
const TRANSFER = 3;
const INTERVAL_END = 4;
const DEEMED = 5;
const APOLOGY_CHECK = 6;
const WITHDRAW = 7;

// What a job at a station is for.
const RECEIPT_JOB = 0;
const STEP_JOB = 1;
const ANSWER_JOB = 2;

const PEOPLE = 0;
const DEADLINES = 1;

/** A job at a station; records are reused (see `enqueue`), so their fields are mutable. */
interface Job {
  caseIndex: number;
  caseId: number;
  station: StationState;
  node: number;
  purpose: number;
  /** For answers: which consulted agency. */
  aux: number;
  enabled: Instant;
  start: Instant;
  officer: number;
  /** Queue key for the earliest-due-first discipline. */
  due: number;
}

class SimCase {
  readonly id: number;
  /** Index in the slot array; slots are reused, so events also carry `id` to recognise their case. */
  slot = -1;
  readonly p: number;
  readonly arrival: Instant;
  readonly channel: Channel;
  readonly dossier: Record<string, string | number | boolean>;
  readonly counted: boolean;
  statutory: Ledger | null = null;
  version = 0;
  apologyNewDue: Instant | undefined = undefined;
  apologies = 0;
  completionRequested = false;
  readyAt: Instant | null = null;
  outcome: OutcomeKind | null = null;
  classification: Classification | null = null;
  /** Branches still to finish per join node; allocated at the first fork. */
  joins: Int16Array | null = null;
  /** Per consultation node: bit k set when consulted agency k has answered or been deemed to. */
  consulted: Map<number, number> | null = null;
  supplements: Map<string, number> | null = null;
  /** Shares still ahead of the dossier, from the last node it entered (see `SimModel.shareToEnd`). */
  remaining = 0;

  constructor(id: number, p: number, arrival: Instant, channel: Channel, dossier: Record<string, string | number | boolean>, counted: boolean) {
    this.id = id;
    this.p = p;
    this.arrival = arrival;
    this.channel = channel;
    this.dossier = dossier;
    this.counted = counted;
  }
}

class StationState {
  readonly stats: StationStats;
  readonly calendar: BusinessCalendar;
  free: number;
  /** Officers free now: `idle[0 .. free-1]`, so that each job knows who served it. */
  readonly idle: Int32Array;
  readonly fifo: number[] = [];
  fifoHead = 0;
  readonly edd: EddEntry[] = [];
  eddSeq = 0;

  constructor(id: string, officers: number, calendar: BusinessCalendar) {
    this.stats = {
      id,
      officers,
      jobs: 0,
      busyHours: 0,
      availableHours: 0,
      queueWait: new Histogram(0.25, 4000),
      offHoursWait: new Histogram(0.25, 4000),
      longestQueue: 0,
    };
    this.calendar = calendar;
    this.free = officers;
    this.idle = Int32Array.from({ length: officers }, (_, k) => officers - 1 - k);
  }

  get queued(): number {
    return this.fifo.length - this.fifoHead + this.edd.length;
  }
}

/**
 * Runs one replication of a scenario: a discrete-event simulation of dossiers arriving, waiting for
 * officers who work only in office hours, and moving through their procedure as the compiled
 * machine would move them. Pure: time starts at the scenario's start date and randomness comes
 * from the scenario's seed (replication `r` uses independent stream `r`).
 */
export function runReplication(config: SimConfig, replication: number, hooks: RunHooks = {}, compiled?: readonly CompiledProcedure[]): ReplicationResult {
  const rng = randomStream(config.seed, replication);
  const indicators = new IndicatorCollector(config, replication);
  const days = vietnamDayCalendar();
  const dayCalendar = config.calendar === '24x7' ? allDaysWorking(days) : days;
  const deskCalendar = calendarFor(dayCalendar, config.calendar === '24x7' ? ALWAYS_OPEN : VN_DEFAULT_OFFICE_HOURS);
  const procs = compiled ?? config.procedures.map((p) => compiledFor(p.spec, deskCalendar));
  const models = procs.map(buildModel);

  const stationIds = Object.keys(config.stations).sort();
  const stations = new Map<string, StationState>();
  for (const id of stationIds) {
    const s = config.stations[id]!;
    stations.set(id, new StationState(id, s.officers, calendarFor(dayCalendar, s.hours)));
  }
  const stationOf = (p: number, agency: string): StationState => {
    const name = config.procedures[p]!.stationOf[agency] ?? agency;
    const s = stations.get(name);
    if (s === undefined) throw new Error(`internal: no station "${name}" for agency ${agency} (the scenario loader checks this)`);
    return s;
  };
  // Look-ups done once per procedure rather than once per job.
  const deskStation = models.map((_, p) => stationOf(p, procs[p]!.env.desk));
  const nodeStation = models.map((m, p) => m.nodes.map((n) => (n.kind === 'step' ? stationOf(p, n.agency) : undefined)));
  // Samplers compiled once per run: work at each node, receipt, transfers, intervals, the applicant.
  const nodeWork = models.map((m, p) =>
    m.nodes.map((n) =>
      n.kind === 'step' ? samplerOf(config.procedures[p]!.steps[n.id]!.duration) : n.kind === 'consult' ? samplerOf(config.procedures[p]!.answers[n.id]!.duration) : undefined,
    ),
  );
  const receiptWork = config.procedures.map((sp) => samplerOf(sp.receipt));
  const withdrawAfter = config.procedures.map((sp) => samplerOf(sp.withdrawAfter));
  const intervalDays = models.map((m, p) => m.nodes.map((n) => (n.kind === 'interval' && n.lasts === null ? samplerOf(config.procedures[p]!.intervals[n.id]!) : undefined)));
  const transferHours = { 'in-person': samplerOf(config.transfer['in-person']), postal: samplerOf(config.transfer.postal), online: samplerOf(config.transfer.online) };
  const applicantDays = samplerOf(config.applicantResponse);
  // Whether entering a node updates the shares still ahead (steps, consultations, intervals).
  const tracked = models.map((m) => Uint8Array.from(m.nodes, (n) => (n.kind === 'step' || n.kind === 'consult' || n.kind === 'interval' ? 1 : 0)));
  const nodeBehaviour = models.map((m, p) => m.nodes.map((n) => (n.kind === 'step' ? config.procedures[p]!.steps[n.id]! : undefined)));
  const dossierFields = config.procedures.map((sp) => Object.entries(sp.dossier));
  const openers = procs.map((proc) => statutoryOpener(proc.env));
  const extensionCache = models.map(() => new Map<string, ReturnType<typeof extensionsFor>>());

  const start = instantAt(config.start, 0);
  const warmupEnd = (start + config.warmupDays * MS_PER_DAY) as Instant;
  const horizonEnd = (start + config.horizonDays * MS_PER_DAY) as Instant;
  for (const s of stations.values()) {
    s.stats.availableHours = (s.stats.officers * Math.max(0, s.calendar.workingTimeBetween(warmupEnd, horizonEnd))) / MS_PER_HOUR;
  }

  const procStats: ProcedureStats[] = config.procedures.map((p) => ({
    id: p.spec.id,
    version: p.spec.version,
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
  }));

  // The future-event list and its records.
  const heap = new EventHeap();
  const evKind: number[] = [];
  const evCase: number[] = [];
  const evNode: number[] = [];
  const evAux: number[] = [];
  const evId: number[] = [];
  const evTime: number[] = [];
  const evPriority: number[] = [];
  const freeEvents: number[] = [];
  // Events more than two days ahead wait in day buckets and join the heap the day before they are
  // due: the heap stays small (apology checks are scheduled weeks ahead for every case).
  const buckets = new Map<number, number[]>();
  const bucketDays: number[] = [];
  const record = (at: number, priority: number, kind: number, c: SimCase | null, node: number, aux: number): number => {
    const i = freeEvents.length > 0 ? freeEvents.pop()! : evKind.length;
    evKind[i] = kind;
    evCase[i] = c === null ? -1 : c.slot;
    evId[i] = c === null ? -1 : c.id;
    evNode[i] = node;
    evAux[i] = aux;
    evTime[i] = at;
    evPriority[i] = priority;
    return i;
  };
  const schedule = (at: number, priority: number, kind: number, c: SimCase | null, node: number, aux: number) => {
    const i = record(at, priority, kind, c, node, aux);
    if (at - now <= 2 * MS_PER_DAY) {
      heap.push(at, priority, i);
      return;
    }
    const day = Math.floor(at / MS_PER_DAY);
    const bucket = buckets.get(day);
    if (bucket !== undefined) bucket.push(i);
    else {
      buckets.set(day, [i]);
      let k = bucketDays.length;
      while (k > 0 && bucketDays[k - 1]! > day) k--;
      bucketDays.splice(k, 0, day);
    }
  };
  /** Moves the buckets due by the day after `t` into the heap. */
  const flushBuckets = (t: number) => {
    const limit = Math.floor(t / MS_PER_DAY) + 1;
    while (bucketDays.length > 0 && bucketDays[0]! <= limit) {
      const day = bucketDays.shift()!;
      for (const i of buckets.get(day)!) heap.push(evTime[i]!, evPriority[i]!, i);
      buckets.delete(day);
    }
  };
  /** The earliest instant at which some bucket must join the heap (checked before every event). */
  const flushFrom = () => (bucketDays.length > 0 ? (bucketDays[0]! - 1) * MS_PER_DAY : Infinity);

  // Live cases only: a case's slot is freed when it ends, so memory follows the cases in progress.
  const slots: (SimCase | undefined)[] = [];
  const freeSlots: number[] = [];
  const caseOf = (slot: number, id: number): SimCase | undefined => {
    const c = slot < 0 ? undefined : slots[slot];
    return c !== undefined && c.id === id ? c : undefined;
  };
  const jobs: (Job | undefined)[] = [];
  const spareJobs: Job[] = [];
  const freeJobs: number[] = [];
  let nextCaseId = 0;
  let arrived = 0;
  let endedCount = 0;
  let live = 0;
  let area = 0;
  let sojourn = 0;
  let lastT = start as number;
  let now = start as Instant;
  let events = 0;

  const trace = hooks.trace;
  const emit = trace === undefined ? undefined : (c: SimCase, event: CaseEvent) => trace(c.id, event);
  const desk = (p: number): Actor => ({ kind: 'agency', agency: procs[p]!.env.desk });
  const agencyActor = (agency: string): Actor => ({ kind: 'agency', agency });
  const applicant: Actor = { kind: 'applicant' };

  // ---- arrivals ---------------------------------------------------------------------------------
  const arrivalState = config.procedures.map((p) => (p.arrivals.kind === 'replay' ? { index: 0 } : { index: 0 }));
  const nextArrival = (p: number, from: number): number => {
    const a = config.procedures[p]!.arrivals;
    if (a.kind === 'replay') {
      const st = arrivalState[p]!;
      while (st.index < a.instants.length && a.instants[st.index]! < from) st.index++;
      return st.index < a.instants.length ? a.instants[st.index++]! : Infinity;
    }
    return nextPoisson(a, from, rng, dayCalendar, config.calendar === '24x7');
  };
  for (let p = 0; p < config.procedures.length; p++) {
    const first = nextArrival(p, start);
    if (first < horizonEnd) schedule(first, PEOPLE, ARRIVAL, null, p, 0);
  }

  // ---- the statutory clock, through the same ledger functions as the machine -------------------
  const env = (c: SimCase) => procs[c.p]!.env;
  const armApology = (c: SimCase) => {
    c.version++;
    if (c.readyAt !== null) return;
    const at = apologyDecisionAt(env(c), c.statutory, c.apologies, now);
    if (at !== null) schedule(at, DEADLINES, APOLOGY_CHECK, c, -1, c.version);
  };
  const pause = (c: SimCase, reason: string) => {
    c.statutory = pauseClock(env(c).calendar, c.statutory, now, reason);
    c.version++;
  };
  const resume = (c: SimCase, reason: string, supplement: boolean) => {
    const e = env(c);
    c.statutory = supplement ? clockAfterSupplement(e, e.calendar, c.statutory, now, reason) : resumeClock(e.calendar, c.statutory, now, reason);
    armApology(c);
  };

  // ---- stations ---------------------------------------------------------------------------------
  const enqueue = (c: SimCase, station: StationState, node: number, purpose: number, aux: number) => {
    const j = freeJobs.length > 0 ? freeJobs.pop()! : jobs.length;
    const due = c.statutory?.due ?? Number.MAX_VALUE;
    const reuse = spareJobs.pop();
    if (reuse === undefined) jobs[j] = { caseIndex: c.slot, caseId: c.id, station, node, purpose, aux, enabled: now, start: now, officer: -1, due };
    else {
      reuse.caseIndex = c.slot;
      reuse.caseId = c.id;
      reuse.station = station;
      reuse.node = node;
      reuse.purpose = purpose;
      reuse.aux = aux;
      reuse.enabled = now;
      reuse.start = now;
      reuse.due = due;
      jobs[j] = reuse;
    }
    if (station.free > 0) {
      if (!startJob(station, j, station.idle[--station.free]!)) station.free++;
    } else {
      if (config.discipline === 'edd') {
        const due = jobs[j]!.due;
        station.edd.push({ key: due, seq: station.eddSeq++, job: j });
        siftUp(station.edd);
      } else {
        station.fifo.push(j);
      }
      if (now >= warmupEnd && station.queued > station.stats.longestQueue) station.stats.longestQueue = station.queued;
    }
  };
  /** Serves job `j` with an officer of `station`; returns false (officer still free) for a case that has ended. */
  const startJob = (station: StationState, j: number, officer: number): boolean => {
    const job = jobs[j]!;
    const c = caseOf(job.caseIndex, job.caseId);
    if (c === undefined || c.outcome !== null) {
      spareJobs.push(job);
      jobs[j] = undefined;
      freeJobs.push(j);
      return false;
    }
    const effective = station.calendar.nextWorkingInstant(now);
    job.start = effective;
    job.officer = officer;
    const hours = (job.purpose === RECEIPT_JOB ? receiptWork[c.p]! : nodeWork[c.p]![job.node]!)(rng);
    const end = station.calendar.addWorkingTime(effective, Math.max(0, Math.round(hours * MS_PER_HOUR)));
    if (effective >= warmupEnd && effective < horizonEnd) {
      const s = station.stats;
      s.jobs++;
      s.busyHours += hours;
      // Most jobs start the moment they arrive: no calendar arithmetic needed to split a zero wait.
      const waited = effective === job.enabled ? 0 : station.calendar.workingTimeBetween(job.enabled, effective);
      s.queueWait.add(waited / MS_PER_HOUR);
      s.offHoursWait.add((effective - job.enabled - waited) / MS_PER_HOUR);
    }
    schedule(end, PEOPLE, SERVICE_END, c, j, 0);
    return true;
  };
  const freeOfficer = (station: StationState, officer: number) => {
    for (;;) {
      let next = -1;
      if (config.discipline === 'edd') {
        if (station.edd.length > 0) next = popMin(station.edd).job;
      } else if (station.fifoHead < station.fifo.length) {
        next = station.fifo[station.fifoHead++]!;
        if (station.fifoHead > 1024 && station.fifoHead * 2 > station.fifo.length) {
          station.fifo.splice(0, station.fifoHead);
          station.fifoHead = 0;
        }
      }
      if (next < 0) {
        station.idle[station.free++] = officer;
        return;
      }
      if (startJob(station, next, officer)) return;
    }
  };

  // ---- the flow -----------------------------------------------------------------------------------
  const enter = (c: SimCase, index: number) => {
    if (c.outcome !== null) return;
    const model = models[c.p]!;
    const node = model.nodes[index]!;
    if (tracked[c.p]![index] === 1) c.remaining = model.shareToEnd[index]!;
    switch (node.kind) {
      case 'end':
        return ready(c);
      case 'step':
        return enqueue(c, nodeStation[c.p]![index]!, index, STEP_JOB, 0);
      case 'fork':
        (c.joins ??= new Int16Array(model.nodes.length))[node.join] = (model.nodes[node.join] as { count: number }).count;
        for (const s of node.starts) enter(c, s);
        return;
      case 'join':
        if (--c.joins![index]! === 0) enter(c, node.next);
        return;
      case 'branch': {
        const taken = node.cases.find((k) => c.dossier[node.field] === k.value);
        return enter(c, taken === undefined ? node.otherwise : taken.start);
      }
      case 'consult': {
        (c.consulted ??= new Map()).set(index, 0);
        const lead = env(c).calendarOf(node.lead);
        const deadline = lead.addToInstant(now, node.answerWithin);
        const behaviour = config.procedures[c.p]!.answers[node.id]!;
        hooks.entered?.(c.id, { kind: 'consult', id: node.id, to: node.consulted, at: now });
        node.consulted.forEach((agency, k) => {
          if (node.deemedConsent) schedule(deadline, DEADLINES, DEEMED, c, index, k);
          if (node.deemedConsent && rng.next() < behaviour.silence) return;
          enqueue(c, stationOf(c.p, agency), index, ANSWER_JOB, k);
        });
        return;
      }
      case 'interval': {
        pause(c, pauseReason.interval(node.id));
        hooks.entered?.(c.id, { kind: 'interval', id: node.id, to: [node.party], at: now });
        if (node.lasts !== null) {
          const cal = node.party === 'applicant' ? env(c).calendar : env(c).calendarOf(node.party);
          schedule(cal.addToInstant(now, node.lasts), DEADLINES, INTERVAL_END, c, index, 0);
        } else {
          const days = intervalDays[c.p]![index]!(rng);
          schedule(now + Math.round(days * MS_PER_DAY), PEOPLE, INTERVAL_END, c, index, 0);
        }
        return;
      }
    }
  };

  const ready = (c: SimCase) => {
    const e = env(c);
    c.readyAt = now;
    c.classification = statutoryClassification(e, c.statutory, c.apologyNewDue, now);
    c.version++;
    emit?.(c, { type: 'RETURN_RESULT', at: now, by: desk(c.p) });
    finish(c, 'returned');
  };

  const finish = (c: SimCase, outcome: OutcomeKind) => {
    c.outcome = outcome;
    const feedback = c.counted ? indicators.ended(c.p, c.id, { arrival: c.arrival, due: c.statutory?.due ?? null, outcome, at: now, classification: c.classification, supplements: supplementsOf(c) }) : null;
    hooks.ended?.(c.id, { outcome, at: now, classification: c.classification, due: c.statutory?.due ?? null, apologies: c.apologies, rating: feedback?.rating ?? null, complained: feedback?.complained ?? false });
    c.version++;
    endedCount++;
    live--;
    sojourn += now - c.arrival;
    if (c.counted) {
      const s = procStats[c.p]!;
      if (outcome === 'returned') s.returned++;
      else if (outcome === 'refused') s.refused++;
      else if (outcome === 'refused-at-receipt') s.refusedAtReceipt++;
      else s.withdrawn++;
      if (outcome === 'returned' || outcome === 'refused') {
        const cls = c.classification!;
        if (cls === 'early') s.early++;
        else if (cls === 'on-time') s.onTime++;
        else s.late++;
        s.cycleWorkingDays.add(env(c).calendar.workingTimeBetween(c.arrival, now) / (env(c).calendar.hoursPerWorkingDay * MS_PER_HOUR));
        s.cycleCalendarDays.add((now - c.arrival) / MS_PER_DAY);
      }
    }
    slots[c.slot] = undefined;
    freeSlots.push(c.slot);
  };

  const accept = (c: SimCase) => {
    const e = env(c);
    const key = dossierFields[c.p]!.length === 0 ? '' : JSON.stringify(c.dossier);
    const cache = extensionCache[c.p]!;
    const extensions = cache.get(key) ?? cache.set(key, extensionsFor(e, c.dossier)).get(key)!;
    c.statutory = openers[c.p]!(now, extensions, key);
    emit?.(c, { type: 'ACCEPT', at: now, by: desk(c.p) });
    armApology(c);
    if (handoverIsImmediate(e, c.channel)) {
      enter(c, models[c.p]!.start);
    } else {
      const hours = transferHours[c.channel](rng);
      schedule(deskCalendar.addWorkingTime(now, Math.max(0, Math.round(hours * MS_PER_HOUR))), PEOPLE, TRANSFER, c, -1, 0);
    }
  };

  // ---- the loop -----------------------------------------------------------------------------------
  const stopAt = config.drain ? Infinity : horizonEnd;
  for (;;) {
    const next = heap.peekTime();
    if (next >= flushFrom()) flushBuckets(heap.size > 0 ? next : bucketDays[0]! * MS_PER_DAY);
    if (heap.size === 0 || heap.peekTime() > stopAt) break;
    now = heap.peekTime() as Instant;
    const ev = heap.pop();
    const kind = evKind[ev]!;
    const ci = evCase[ev]!;
    const node = evNode[ev]!;
    const aux = evAux[ev]!;
    const caseId = evId[ev]!;
    // Read every field first: the record is reused as soon as it is freed.
    freeEvents.push(ev);
    area += live * (now - lastT);
    lastT = now;
    if (++events % 8192 === 0) hooks.progress?.(now);

    if (kind === ARRIVAL) {
      const p = node;
      const sp = config.procedures[p]!;
      const id = nextCaseId++;
      const c = new SimCase(id, p, now, choose(sp.channels, rng), chooseDossier(dossierFields[p]!, rng), now >= warmupEnd);
      c.slot = freeSlots.length > 0 ? freeSlots.pop()! : slots.length;
      slots[c.slot] = c;
      arrived++;
      live++;
      if (c.counted) procStats[p]!.started++;
      hooks.started?.(id, { procedure: sp.spec.id, desk: procs[p]!.env.desk, receivedAt: now, channel: c.channel, dossier: c.dossier });
      if (rng.next() < sp.withdrawal) schedule(now + Math.round(withdrawAfter[p]!(rng) * MS_PER_DAY), PEOPLE, WITHDRAW, c, -1, 0);
      enqueue(c, deskStation[p]!, -1, RECEIPT_JOB, 0);
      const next = nextArrival(p, now);
      if (next < horizonEnd) schedule(next, PEOPLE, ARRIVAL, null, p, 0);
      continue;
    }

    if (kind === SERVICE_END) {
      const job = jobs[node]!;
      jobs[node] = undefined;
      freeJobs.push(node);
      freeOfficer(job.station, job.officer);
      const c = caseOf(ci, caseId);
      const purpose = job.purpose;
      const jobNode = job.node;
      const jobAux = job.aux;
      if (c !== undefined) hooks.activity?.(activityOf(c, job, job.station.stats.id, models[c.p]!, now));
      spareJobs.push(job);
      if (c === undefined) continue;
      const model = models[c.p]!;
      if (c.outcome !== null) continue;
      if (purpose === RECEIPT_JOB) {
        const sp = config.procedures[c.p]!;
        const e = env(c);
        if (!c.completionRequested && e.spec.receipt.maxCompletionRequests > 0 && rng.next() < sp.incomplete) {
          c.completionRequested = true;
          if (c.counted) procStats[c.p]!.completionRequests++;
          emit?.(c, { type: 'REQUEST_COMPLETION', at: now, by: desk(c.p), missing: ['papers'] });
          schedule(now + Math.round(applicantDays(rng) * MS_PER_DAY), PEOPLE, APPLICANT_BACK, c, -1, 0);
        } else {
          accept(c);
        }
      } else if (purpose === STEP_JOB) {
        completeStep(c, jobNode);
      } else {
        const consult = model.nodes[jobNode] as Extract<SimNode, { kind: 'consult' }>;
        answer(c, jobNode, consult, jobAux, false);
      }
      continue;
    }
    const c = caseOf(ci, caseId);
    if (c === undefined || c.outcome !== null) continue;
    if (kind === APPLICANT_BACK) {
      if (node < 0) {
        emit?.(c, { type: 'SUPPLY', at: now, by: applicant });
        enqueue(c, deskStation[c.p]!, -1, RECEIPT_JOB, 0);
      } else {
        const step = models[c.p]!.nodes[node] as Extract<SimNode, { kind: 'step' }>;
        emit?.(c, { type: 'SUPPLY', at: now, by: applicant, step: step.id });
        resume(c, pauseReason.supplement(step.id), true);
        enqueue(c, nodeStation[c.p]![node]!, node, STEP_JOB, 0);
      }
    } else if (kind === TRANSFER) {
      emit?.(c, { type: 'TRANSFER', at: now, by: desk(c.p) });
      enter(c, models[c.p]!.start);
    } else if (kind === INTERVAL_END) {
      const interval = models[c.p]!.nodes[node] as Extract<SimNode, { kind: 'interval' }>;
      if (interval.lasts !== null) emit?.(c, { type: 'TIMER', at: now, by: { kind: 'system' }, timer: interval.id });
      else emit?.(c, { type: 'FINISH_INTERVAL', at: now, by: interval.party === 'applicant' ? applicant : agencyActor(interval.party), interval: interval.id });
      resume(c, pauseReason.interval(interval.id), false);
      enter(c, interval.next);
    } else if (kind === DEEMED) {
      const consult = models[c.p]!.nodes[node] as Extract<SimNode, { kind: 'consult' }>;
      answer(c, node, consult, aux, true);
    } else if (kind === APOLOGY_CHECK) {
      if (c.readyAt !== null || aux !== c.version || c.statutory?.due == null) continue;
      const e = env(c);
      // The agency apologises only when the shares still ahead do not fit in the time left.
      if (c.remaining <= e.calendar.workingTimeBetween(now, c.statutory.due)) continue;
      c.apologies++;
      c.apologyNewDue = e.calendar.addToInstant(c.statutory.due, workingDays(config.apologyExtensionDays));
      if (c.counted) procStats[c.p]!.apologies++;
      emit?.(c, { type: 'APOLOGIZE', at: now, by: desk(c.p), newDue: c.apologyNewDue, reason: 'the dossier will be late' });
    } else if (kind === WITHDRAW) {
      if (c.readyAt !== null) continue;
      emit?.(c, { type: 'WITHDRAW', at: now, by: applicant });
      finish(c, 'withdrawn');
    }
  }

  function completeStep(c: SimCase, index: number): void {
    const step = models[c.p]!.nodes[index] as Extract<SimNode, { kind: 'step' }>;
    const behaviour = nodeBehaviour[c.p]![index]!;
    const e = env(c);
    const u = rng.next();
    if (u < behaviour.refusal) {
      c.classification = statutoryClassification(e, c.statutory, c.apologyNewDue, now);
      emit?.(c, { type: 'REFUSE', at: now, by: actorOfStep(procs[c.p]!.env, step.id), step: step.id, reasons: ['not eligible'] });
      finish(c, 'refused');
      return;
    }
    const used = c.supplements?.get(step.agency) ?? 0;
    if (u < behaviour.refusal + behaviour.supplement && maySupplement(e, used)) {
      (c.supplements ??= new Map()).set(step.agency, used + 1);
      if (c.counted) procStats[c.p]!.supplementRequests++;
      emit?.(c, { type: 'REQUEST_SUPPLEMENT', at: now, by: actorOfStep(procs[c.p]!.env, step.id), step: step.id, missing: ['papers'] });
      pause(c, pauseReason.supplement(step.id));
      schedule(now + Math.round(applicantDays(rng) * MS_PER_DAY), PEOPLE, APPLICANT_BACK, c, index, 0);
      return;
    }
    emit?.(c, { type: 'COMPLETE', at: now, by: actorOfStep(procs[c.p]!.env, step.id), step: step.id });
    enter(c, step.next);
  }

  function answer(c: SimCase, index: number, consult: Extract<SimNode, { kind: 'consult' }>, k: number, deemed: boolean): void {
    const done = c.consulted?.get(index) ?? 0;
    if ((done & (1 << k)) !== 0) return;
    c.consulted!.set(index, done | (1 << k));
    const agency = consult.consulted[k]!;
    if (deemed) emit?.(c, { type: 'TIMER', at: now, by: { kind: 'system' }, timer: `${consult.id}:${agency}` });
    else emit?.(c, { type: 'ANSWER', at: now, by: agencyActor(agency), consult: consult.id, agree: true });
    if ((done | (1 << k)) === (1 << consult.consulted.length) - 1) enter(c, consult.next);
  }

  area += live * (now - lastT);
  // Cases still open at the end: within the limit or overdue.
  for (const c of slots) {
    if (c === undefined || c.outcome !== null || !c.counted) continue;
    const s = procStats[c.p]!;
    s.inProgress++;
    const due = c.statutory?.due;
    if (due != null && now > due) s.pendingOverdue++;
    else s.pendingWithinLimit++;
    indicators.open(c.p, c.id, { arrival: c.arrival, due: due ?? null, supplements: supplementsOf(c) });
  }
  const elapsedDays = Math.max(1e-9, (now - start) / MS_PER_DAY);
  return {
    replication,
    procedures: procStats,
    stations: [...stations.values()].map((s) => s.stats),
    conservation: { arrived, ended: endedCount, inProgress: live },
    little: { L: area / (now - start || 1), lambda: arrived / elapsedDays, W: endedCount === 0 ? 0 : sojourn / endedCount / MS_PER_DAY },
    events,
    endedAt: now,
    indicators: indicators.result(now),
  };
}

function supplementsOf(c: SimCase): number {
  let n = 0;
  for (const k of c.supplements?.values() ?? []) n += k;
  return n;
}

function chooseDossier(fields: readonly (readonly [string, SimProcedure['dossier'][string]])[], rng: Random): Record<string, string | number | boolean> {
  const dossier: Record<string, string | number | boolean> = {};
  for (const [field, choice] of fields) dossier[field] = choose(choice, rng);
  return dossier;
}

function activityOf(c: SimCase, job: Job, station: string, model: SimModel, end: Instant): ActivityRecord {
  const node = job.node < 0 ? undefined : model.nodes[job.node];
  const agency =
    job.purpose === RECEIPT_JOB ? model.proc.env.desk : node?.kind === 'step' ? node.agency : node?.kind === 'consult' ? (node.consulted[job.aux] ?? '') : '';
  return {
    case: c.id,
    caseId: `${model.proc.spec.id}-${c.id}`,
    procedure: model.proc.spec.id,
    activity: job.purpose === RECEIPT_JOB ? ACTIVITY.receipt : job.purpose === STEP_JOB ? (node?.id ?? '') : ACTIVITY.answer(node?.id ?? ''),
    agency,
    station,
    officer: job.officer,
    enabled: job.enabled,
    start: job.start,
    end,
    outcome: c.outcome ?? (c.readyAt !== null ? 'returned' : 'open'),
  };
}
