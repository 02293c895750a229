import { type Instant, MS_PER_HOUR } from '../calendar/instant.ts';
import type { CaseTable } from './case-state.ts';
import type { Sampler } from './distributions.ts';
import type { FutureEvents } from './kernel/future-events.ts';
import type { Random } from './random.ts';
import { JobTable, type Station } from './kernel/stations.ts';

/** What a job at a station is for. */
export const RECEIPT_JOB = 0;
export const STEP_JOB = 1;
export const ANSWER_JOB = 2;

/** The event kind of the end of a job (its `node` field is the job's number). */
export const SERVICE_END = 1;

/**
 * Officers serving jobs at stations: a job starts when an officer is free, in office hours, and
 * ends after its work in working time. One calendar look-up places a job (start and end), and the
 * station statistics of the window [`from`, `to`) come from the positions it gives.
 */
export class Service {
  readonly jobs = new JobTable();
  readonly #placed = new Float64Array(3);
  /**
   * The working-time position of the instant `#knownAt` in calendar `#knownIn`: the end of the job
   * that has just ended, already computed when the job was placed. The case's next job, ready at
   * that instant at a station with the same office hours (the same calendar object), takes its
   * position from here instead of looking the instant up again for its queue-wait statistic.
   */
  #knownAt = Number.NaN;
  #knownIn: Station['calendar'] | undefined;
  #knownPos = 0;

  constructor(
    readonly stations: readonly Station[],
    private readonly events: FutureEvents,
    private readonly cases: CaseTable,
    private readonly rng: Random,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /**
   * A job for case (`slot`, `id`), which is live, at station `s`: started now if an officer is
   * free, else queued; `work` draws its working hours when it starts.
   */
  enqueue(slot: number, id: number, s: number, node: number, purpose: number, aux: number, due: number, work: Sampler): void {
    const now = this.events.now;
    const station = this.stations[s]!;
    const j = this.jobs.add(slot, id, s, node, purpose, aux, now, this.#knownPosition(station.calendar), work);
    // The case asking is live: its job starts at once when an officer is free.
    if (station.free > 0) return this.#place(station, j, station.idle[--station.free]!);
    station.wait(j, due);
    if (now >= this.from && station.queued > station.stats.longestQueue) station.stats.longestQueue = station.queued;
  }

  /**
   * The working-time position of now in `calendar`: the end of the job that has just ended when it
   * ended now in that calendar, else looked up.
   */
  positionNow(calendar: Station['calendar']): number {
    const known = this.#knownPosition(calendar);
    return known === known ? known : calendar.position(this.events.now as Instant);
  }

  /** The position of now in `calendar` when the job that has just ended gave it, else NaN. */
  #knownPosition(calendar: Station['calendar']): number {
    return this.events.now === this.#knownAt && calendar === this.#knownIn ? this.#knownPos : Number.NaN;
  }

  /** The end of job `j`: its officer takes the next job waiting (or becomes idle). Release `j` after reading it. */
  finished(j: number): void {
    const station = this.stations[this.jobs.station[j]!]!;
    const officer = this.jobs.officer[j]!;
    this.#knownAt = this.events.now;
    this.#knownIn = station.calendar;
    this.#knownPos = this.jobs.endPos[j]!;
    for (;;) {
      const next = station.take();
      if (next < 0) {
        station.idle[station.free++] = officer;
        return;
      }
      if (this.#start(station, next, officer)) return;
    }
  }

  /** Serves job `j`, which waited, with `officer`; false (officer still free) when its case has ended meanwhile. */
  #start(station: Station, j: number, officer: number): boolean {
    const jobs = this.jobs;
    if (!this.cases.isLive(jobs.slot[j]!, jobs.caseId[j]!)) {
      jobs.release(j);
      return false;
    }
    this.#place(station, j, officer);
    return true;
  }

  /** Serves job `j` with `officer`: draws its work, places it in office hours, counts it, schedules its end. */
  #place(station: Station, j: number, officer: number): void {
    const jobs = this.jobs;
    const hours = jobs.work[j]!(this.rng);
    const now = this.events.now;
    const placed = this.#placed;
    const ms = Math.max(0, Math.round(hours * MS_PER_HOUR));
    station.calendar.placeWork(now as Instant, ms, placed);
    const position = placed[2]!;
    const start = placed[0]!;
    jobs.start[j] = start;
    jobs.endPos[j] = position + ms;
    jobs.officer[j] = officer;
    const enabled = jobs.enabled[j]!;
    let enabledPos = jobs.enabledPos[j]!;
    // Not known from the end of the case's last job (an arrival, a reply, a station with other hours): looked up.
    if (enabledPos !== enabledPos) jobs.enabledPos[j] = enabledPos = enabled === now ? position : station.calendar.position(enabled as Instant);
    if (start >= this.from && start < this.to) {
      const s = station.stats;
      s.jobs++;
      s.busyHours += hours;
      // Working time waited: from the position of `now`, which is the position of the start.
      const waited = position - enabledPos;
      const waits = station.waits;
      const n = station.waitCount;
      waits[n] = waited / MS_PER_HOUR;
      waits[n + 1] = (start - enabled - waited) / MS_PER_HOUR;
      if ((station.waitCount = n + 2) === waits.length) station.countWaits();
    }
    this.events.scheduleBare(placed[1]!, SERVICE_END, j);
  }
}
