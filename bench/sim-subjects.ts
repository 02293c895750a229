/**
 * What the simulator benchmark (`sim.bench.ts`) times, in one module that the benchmark bundles with
 * esbuild, so that ours and the baselines run from the same build. Benchmark of the discrete-event simulator against two baselines on the same queueing model: a
 * six-step sequential procedure (desk + six agencies, 2–3 officers each at about 70 % load, office
 * hours on the Vietnamese calendar, FCFS), one year of Poisson arrivals.
 *
 * - ours: `runReplication(config, 0)` with the arrivals given as a `replay` process;
 * - (a) "the practical limit": a minimal hand-written event loop on the same arrivals, with the same
 *   event heap, random generator and calendar calls, and one integer per case (its station);
 * - (b) "what a user would write": the same loop, but each case lives in an XState actor of the
 *   compiled procedure, receives every case event and tells the loop its next step.
 *
 * The arrival instants are drawn once, by thinning the simulator's Poisson `ArrivalProcess`, and fed
 * to all three, so ours and (a) serve exactly the same cases; (b), being slow, serves the first
 * cases only, and is checked against (a) on that prefix (same draws, same answers).
 */
import { BusinessCalendar } from '../src/calendar/business-calendar.ts';
import { type LocalDate, localDate, weekday } from '../src/calendar/date.ts';
import { type Instant, MS_PER_DAY, MS_PER_HOUR, instantAt, localDateOf, msOfLocalDay } from '../src/calendar/instant.ts';
import { VN_DEFAULT_OFFICE_HOURS } from '../src/calendar/office-hours.ts';
import { vietnamDayCalendar } from '../src/calendar/vietnam.ts';
import { type CompiledProcedure, compileProcedure } from '../src/compile/compile.ts';
import type { Actor } from '../src/compile/types.ts';
import type { ProcedureSpec } from '../src/dsl/spec.ts';
import { validateProcedure } from '../src/dsl/validate.ts';
import type { ArrivalProcess, Distribution, SimConfig } from '../src/sim/config.ts';
import { runReplication } from '../src/sim/engine.ts';

export { compileProcedure, randomStream, runReplication };
import { EventHeap } from '../src/sim/kernel/heap.ts';
import { type Random, randomStream } from '../src/sim/random.ts';
import { createActor } from 'xstate';

// ---- The model --------------------------------------------------------------------------------

export const SEED = 20_261_201;
const START = localDate(2025, 1, 1);
const HORIZON_DAYS = 365;
/** Mean arrivals per working day: about 108,000 in the year. */
export const PER_DAY = 440;
/** Arrivals per working hour (8 office hours a day). */
const PER_HOUR = PER_DAY / 8;
export const LOAD = 0.7;
/** Stations in the order a case visits them: the desk (receipt), then one agency per step. */
export const STATIONS = ['desk', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'] as const;
export const OFFICERS = [3, 3, 2, 3, 2, 3, 2] as const;
/** Mean work per job in working hours, so that each station runs at `LOAD`: ρ = λ·mean / c. */
const MEAN_HOURS = OFFICERS.map((c) => (LOAD * c) / PER_HOUR);
const STEPS = STATIONS.slice(1).map((agency, i) => ({ id: `s${i + 1}`, agency }));

const name = (en: string) => ({ vi: en, en });

/** Desk + six agencies, one step each, online with immediate handover, 60 wd in the date mode. */
export const sixSteps: ProcedureSpec = validateProcedure({
  id: 'bench-six-steps',
  version: '1',
  effectiveFrom: '2000-01-01',
  title: name('Six sequential steps (benchmark)'),
  level: 'province',
  agencies: Object.fromEntries(STATIONS.map((id, i) => [id, { name: name(i === 0 ? 'Desk' : `Agency ${i}`), level: 'province', ...(i === 0 ? { desk: true } : {}) }])),
  receipt: { desk: 'desk', channels: ['online'], handover: 'immediate', maxCompletionRequests: 0 },
  flow: STEPS.map((s) => ({ kind: 'step', id: s.id, agency: s.agency, title: name(`Step ${s.id}`), share: '10wd' })),
  limit: { duration: '60wd', mode: 'date', ref: { document: 'Benchmark', confidence: 'src' } },
});

/** Poisson arrivals on working days, in office hours (08–12 and 13–17), the simulator's shape. */
export const ARRIVALS: Extract<ArrivalProcess, { kind: 'poisson' }> = {
  kind: 'poisson',
  perDay: PER_DAY,
  weekdays: [1, 1, 1, 1, 1, 1, 1],
  hours: Array.from({ length: 24 }, (_, h) => ((h >= 8 && h < 12) || (h >= 13 && h < 17) ? 1 : 0)),
};

const exponential = (mean: number): Distribution => ({ kind: 'exponential', mean });
const fixed = (value: number): Distribution => ({ kind: 'fixed', value });

/** The scenario for our engine; no supplements, refusals, withdrawals or incomplete dossiers. */
export function configFor(arrivals: ArrivalProcess): SimConfig {
  return {
    name: 'bench-six-steps',
    start: START,
    horizonDays: HORIZON_DAYS,
    warmupDays: 0,
    replications: 1,
    seed: SEED,
    calendar: 'vn',
    discipline: 'fcfs',
    stations: Object.fromEntries(STATIONS.map((id, i) => [id, { officers: OFFICERS[i]!, hours: VN_DEFAULT_OFFICE_HOURS }])),
    procedures: [
      {
        spec: sixSteps,
        arrivals,
        channels: [{ value: 'online', p: 1 }],
        dossier: {},
        incomplete: 0,
        withdrawal: 0,
        withdrawAfter: fixed(1),
        receipt: exponential(MEAN_HOURS[0]!),
        steps: Object.fromEntries(STEPS.map((s, i) => [s.id, { duration: exponential(MEAN_HOURS[i + 1]!), supplement: 0, refusal: 0 }])),
        answers: {},
        intervals: {},
        stationOf: {},
      },
    ],
    applicantResponse: fixed(1),
    transfer: { 'in-person': fixed(0), postal: fixed(0), online: fixed(0) },
    apologyExtensionDays: 5,
    drain: true,
  };
}

/**
 * The arrival instants of `process` over the horizon, by the simulator's thinning: candidates at
 * the peak rate, kept with probability rate(t) / peak, none on non-working days.
 */
export function drawArrivals(process: Extract<ArrivalProcess, { kind: 'poisson' }>, rng: Random): number[] {
  const days = vietnamDayCalendar();
  const hourSum = process.hours.reduce((s, h) => s + h, 0);
  const peakWeekday = Math.max(...process.weekdays);
  const peakHour = Math.max(...process.hours);
  const peak = (process.perDay * peakWeekday * peakHour) / hourSum / MS_PER_HOUR;
  const end = instantAt(START, 0) + HORIZON_DAYS * MS_PER_DAY;
  const out: number[] = [];
  for (let t = instantAt(START, 0) as number; ; ) {
    t += -Math.log(1 - rng.next()) / peak;
    if (t >= end) return out;
    const day = localDateOf(t as Instant);
    if (!days.isWorkingDay(day)) continue;
    const rate = (process.weekdays[weekday(day as LocalDate)] ?? 0) * (process.hours[Math.floor(msOfLocalDay(t as Instant) / MS_PER_HOUR)] ?? 0);
    if (rng.next() * peakWeekday * peakHour < rate) out.push(Math.round(t));
  }
}

// ---- The baselines ------------------------------------------------------------------------------

/** What one run gives: how many cases ended, how many events were handled, the mean cycle time. */
export interface Run {
  readonly cases: number;
  readonly events: number;
  /** Mean receipt-to-return time, in calendar days. */
  readonly meanCycleDays: number;
}

/** Service end of job at station `s` that started at `now`: office hours only, exponential work. */
function serviceEnd(cal: BusinessCalendar, now: number, s: number, rng: Random): number {
  const effective = cal.nextWorkingInstant(now as Instant);
  const hours = -MEAN_HOURS[s]! * Math.log(1 - rng.next());
  return cal.addWorkingTime(effective, Math.max(0, Math.round(hours * MS_PER_HOUR)));
}

/**
 * (a) The practical limit: a binary heap of events, a FIFO queue and a free-officer count per
 * station, one integer per case (the station it is at). Event payloads: `~i` for the arrival of
 * case `i`, `i` for the end of its current job.
 */
export function practicalLimit(arrivals: readonly number[]): Run {
  const cal = new BusinessCalendar();
  const rng = randomStream(SEED, 0);
  const n = arrivals.length;
  const last = STATIONS.length - 1;
  const heap = new EventHeap();
  const at = new Int8Array(n);
  const free = Int32Array.from(OFFICERS);
  // Each case joins each queue at most once, so a queue of n slots never wraps.
  const queue = STATIONS.map(() => new Int32Array(n));
  const head = new Int32Array(STATIONS.length);
  const tail = new Int32Array(STATIONS.length);
  let events = 0;
  let ended = 0;
  let cycleSum = 0;
  let now = 0;
  const enter = (c: number, s: number): void => {
    at[c] = s;
    if (free[s]! > 0) {
      free[s]!--;
      heap.push(serviceEnd(cal, now, s, rng), 0, c);
    } else queue[s]![tail[s]!++] = c;
  };
  if (n > 0) heap.push(arrivals[0]!, 0, ~0);
  while (heap.size > 0) {
    now = heap.peekTime();
    const p = heap.pop();
    events++;
    if (p < 0) {
      const c = ~p;
      enter(c, 0);
      if (c + 1 < n) heap.push(arrivals[c + 1]!, 0, ~(c + 1));
      continue;
    }
    const s = at[p]!;
    if (head[s]! < tail[s]!) heap.push(serviceEnd(cal, now, s, rng), 0, queue[s]![head[s]!++]!);
    else free[s]!++;
    if (s === last) {
      ended++;
      cycleSum += now - arrivals[p]!;
    } else enter(p, s + 1);
  }
  return { cases: ended, events, meanCycleDays: cycleSum / ended / MS_PER_DAY };
}

const DESK: Actor = { kind: 'agency', agency: 'desk' };
const BY_AGENCY: Readonly<Record<string, Actor>> = Object.fromEntries(STATIONS.map((a) => [a, { kind: 'agency', agency: a }]));
const STATION_OF: Readonly<Record<string, number>> = Object.fromEntries(STATIONS.map((a, i) => [a, i]));

/**
 * (b) What a user would write: the loop of (a), but each case is an XState actor of the compiled
 * procedure. Every case event goes to the actor with its instant (ACCEPT at the end of the desk's
 * work, COMPLETE at the end of each step, RETURN_RESULT when the result is ready), and the loop
 * reads the actor's snapshot to learn the next step and its agency.
 */
export function xstateActors(proc: CompiledProcedure, arrivals: readonly number[]): Run {
  const cal = new BusinessCalendar();
  const rng = randomStream(SEED, 0);
  const n = arrivals.length;
  const heap = new EventHeap();
  const actors: (ReturnType<typeof createActor<CompiledProcedure['machine']>> | undefined)[] = new Array(n);
  /** The step each case is at (undefined at the desk), read from its snapshot. */
  const stepOf: (string | undefined)[] = new Array(n);
  const free = Int32Array.from(OFFICERS);
  const queue = STATIONS.map(() => new Int32Array(n));
  const head = new Int32Array(STATIONS.length);
  const tail = new Int32Array(STATIONS.length);
  let events = 0;
  let ended = 0;
  let cycleSum = 0;
  let now = 0;
  const enter = (c: number, s: number): void => {
    if (free[s]! > 0) {
      free[s]!--;
      heap.push(serviceEnd(cal, now, s, rng), 0, c);
    } else queue[s]![tail[s]!++] = c;
  };
  if (n > 0) heap.push(arrivals[0]!, 0, ~0);
  while (heap.size > 0) {
    now = heap.peekTime();
    const p = heap.pop();
    events++;
    if (p < 0) {
      const c = ~p;
      actors[c] = createActor(proc.machine, { input: { receivedAt: now as Instant, channel: 'online' } }).start();
      enter(c, 0);
      if (c + 1 < n) heap.push(arrivals[c + 1]!, 0, ~(c + 1));
      continue;
    }
    const actor = actors[p]!;
    const done = stepOf[p];
    const s = done === undefined ? 0 : STATION_OF[proc.env.steps.get(done)!.agency]!;
    if (head[s]! < tail[s]!) heap.push(serviceEnd(cal, now, s, rng), 0, queue[s]![head[s]!++]!);
    else free[s]!++;
    if (done === undefined) actor.send({ type: 'ACCEPT', at: now as Instant, by: DESK });
    else actor.send({ type: 'COMPLETE', at: now as Instant, by: BY_AGENCY[STATIONS[s]!]!, step: done });
    const snapshot = actor.getSnapshot();
    if (snapshot.status !== 'active') throw new Error(`(b): case ${p} is ${snapshot.status} after its event at station ${STATIONS[s]}`);
    if (snapshot.matches('resultReady' as never)) {
      actor.send({ type: 'RETURN_RESULT', at: now as Instant, by: DESK });
      actor.stop();
      actors[p] = undefined;
      ended++;
      cycleSum += now - arrivals[p]!;
      continue;
    }
    let next: string | undefined;
    for (const [id, step] of Object.entries(snapshot.context.steps)) if (step.status === 'active') next = id;
    if (next === undefined || next === done) throw new Error(`(b): the machine did not move case ${p} on from ${done ?? 'the desk'}`);
    stepOf[p] = next;
    enter(p, STATION_OF[snapshot.context.steps[next]!.agency]!);
  }
  return { cases: ended, events, meanCycleDays: cycleSum / ended / MS_PER_DAY };
}

/** A run with its time: the fastest of the rounds, and apart the least CPU time of any round. */
export interface Timed extends Run {
  readonly ms: number;
  /** CPU time (user + system, `process.cpuUsage`), less sensitive to a loaded machine. */
  readonly cpuMs: number;
}

/**
 * Times each implementation: one untimed warm-up run each, then `repeats` rounds in which each runs
 * once, in turn (so a passing disturbance of the machine hits all alike); keeps each one's fastest
 * (and, apart, its least CPU time).
 *
 * No garbage collection is forced between runs (until 2026-12-02 a full one was): a forced full
 * collection shrinks V8's young generation, and the next run then pays for many more scavenges than
 * any real run does. Ours still allocates about 1 KB of short-lived numbers per case (boxed on the
 * job path), so it paid about 1.5× its time for it and (a) almost nothing (BENCHMARKS.md). The garbage of a run dies young and is swept by the scavenges of the next.
 */
export function timeAll(fns: readonly (() => Run)[], repeats: number): Timed[] {
  for (const fn of fns) fn();
  const fastest: (Timed | undefined)[] = fns.map(() => undefined);
  for (let round = 0; round < repeats; round++) {
    fns.forEach((fn, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const run = fn();
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      if (fastest[i] === undefined || ms < fastest[i]!.ms) fastest[i] = { ...run, ms, cpuMs: Math.min(cpuMs, fastest[i]?.cpuMs ?? Infinity) };
      else fastest[i] = { ...fastest[i]!, cpuMs: Math.min(cpuMs, fastest[i]!.cpuMs) };
    });
  }
  return fastest as Timed[];
}

/**
 * What one fresh process measures for the headline ratio: ours (the replay) and (a) on the year's
 * arrivals, timed by {@link timeAll} over `rounds` rounds. Run in several processes by
 * `sim.bench.ts`, because how fast ours runs depends on the optimiser's choices in the process more
 * than on the rounds within it.
 */
export function pairedRounds(rounds: number): { readonly cases: number; readonly oursMs: number; readonly minimalMs: number } {
  const arrivals = drawArrivals(ARRIVALS, randomStream(SEED, 1_000));
  const replay = configFor({ kind: 'replay', instants: arrivals as Instant[] });
  const [o, a] = timeAll([() => ours(replay), () => practicalLimit(arrivals)], rounds);
  return { cases: arrivals.length, oursMs: o!.ms, minimalMs: a!.ms };
}

/** Ours: one replication of `config`, everything it computes included. */
export function ours(config: SimConfig): Run {
  const r = runReplication(config, 0);
  if (r.conservation.inProgress !== 0) throw new Error(`ours: ${r.conservation.inProgress} cases still in progress after draining`);
  return { cases: r.conservation.ended, events: r.events, meanCycleDays: r.little.W };
}
