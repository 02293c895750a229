import type { BusinessCalendar } from '../../calendar/business-calendar.ts';
import type { Sampler } from '../distributions.ts';
import { type StationStats, stationStats } from '../stats/tallies.ts';
import { type EddEntry, popMin, siftUp } from './edd.ts';
import { packedMap } from './packed.ts';

/** The sampler of a row no job has used yet: never called. */
const NO_WORK: Sampler = () => {
  throw new Error('internal: a job row drew its work before a job was added to it');
};

/**
 * A station: officers who work in its office hours, and the jobs waiting for one, first come first
 * served or earliest due first. It knows jobs by number only (see {@link JobTable}).
 */
export class Station {
  readonly stats: StationStats;
  readonly calendar: BusinessCalendar;
  /** Officers free now: `idle[0 .. free-1]`, so that each job knows who served it. */
  free: number;
  readonly idle: Int32Array;
  readonly #edd: boolean;
  #fifo = new Int32Array(64);
  #head = 0;
  #size = 0;
  readonly #eddQueue: EddEntry[] = [];
  #eddSeq = 0;
  /**
   * The waits of jobs started in the statistics window and not counted yet, in pairs (working
   * hours queued, hours the office was closed): the service writes them here as jobs start, with
   * no call, and they join `stats` a few hundred at a time ({@link countWaits}), in the order
   * they came. Passing each to a histogram's `add` cost ours about 5 % of its time on the bench
   * model (BENCHMARKS.md).
   */
  readonly waits = new Float64Array(512);
  waitCount = 0;

  constructor(id: string, officers: number, calendar: BusinessCalendar, discipline: 'fcfs' | 'edd') {
    this.stats = stationStats(id, officers);
    this.calendar = calendar;
    this.free = officers;
    this.idle = Int32Array.from({ length: officers }, (_, k) => officers - 1 - k);
    this.#edd = discipline === 'edd';
  }

  /** Counts the waits written to {@link waits} into `stats`: when the buffer is full, and before the statistics are read. */
  countWaits(): void {
    const pairs = this.waitCount / 2;
    this.stats.queueWait.addEvery(this.waits, 0, 2, pairs);
    this.stats.offHoursWait.addEvery(this.waits, 1, 2, pairs);
    this.waitCount = 0;
  }

  /** Jobs waiting. */
  get queued(): number {
    return this.#size + this.#eddQueue.length;
  }

  /** Puts job `j` in the queue; `due` orders it under the earliest-due-first discipline. */
  wait(j: number, due: number): void {
    if (this.#edd) {
      this.#eddQueue.push({ key: due, seq: this.#eddSeq++, job: j });
      siftUp(this.#eddQueue);
      return;
    }
    if (this.#size === this.#fifo.length) {
      const grown = new Int32Array(this.#fifo.length * 2);
      for (let k = 0; k < this.#size; k++) grown[k] = this.#fifo[(this.#head + k) & (this.#fifo.length - 1)]!;
      this.#fifo = grown;
      this.#head = 0;
    }
    // The ring's length is a power of two: a mask, not a division.
    this.#fifo[(this.#head + this.#size++) & (this.#fifo.length - 1)] = j;
  }

  /** The next job to serve, taken out of the queue; -1 when none waits. */
  take(): number {
    if (this.#edd) return this.#eddQueue.length > 0 ? popMin(this.#eddQueue).job : -1;
    if (this.#size === 0) return -1;
    const j = this.#fifo[this.#head]!;
    this.#head = (this.#head + 1) & (this.#fifo.length - 1);
    this.#size--;
    return j;
  }
}

/**
 * The jobs at stations, as numbered rows of typed arrays (rows are reused once a job is done):
 * which case (slot and id), what for (`purpose`, `node`, `aux`), where, when it was ready and
 * started, who served it.
 */
export class JobTable {
  slot = new Int32Array(256);
  caseId = new Float64Array(256);
  station = new Int32Array(256);
  node = new Int32Array(256);
  purpose = new Int8Array(256);
  aux = new Int32Array(256);
  enabled = new Float64Array(256);
  start = new Float64Array(256);
  officer = new Int32Array(256);
  /** Working-time position (in its station's calendar) at which the job was ready, NaN when not known yet; and at which its work ends. */
  enabledPos = new Float64Array(256);
  endPos = new Float64Array(256);
  /**
   * What draws the job's working hours when it starts. Made with one entry per row, so that its
   * elements are of one kind (functions) from the start, in every replication (see `packedMap`).
   */
  readonly work: Sampler[] = packedMap(Array.from({ length: 256 }), () => NO_WORK);
  #used = 0;
  /** Rows released, to reuse: `#free[0 .. #freeCount-1]`. */
  #free = new Int32Array(256);
  #freeCount = 0;

  /**
   * A row for a job ready at `enabled`, at working-time position `enabledPos` (NaN when not known
   * yet); its `start`, `officer` and `endPos` are written when it starts.
   */
  add(slot: number, caseId: number, station: number, node: number, purpose: number, aux: number, enabled: number, enabledPos: number, work: Sampler): number {
    let j: number;
    if (this.#freeCount > 0) j = this.#free[--this.#freeCount]!;
    else {
      if (this.#used === this.slot.length) this.#grow();
      j = this.#used++;
    }
    this.slot[j] = slot;
    this.caseId[j] = caseId;
    this.station[j] = station;
    this.node[j] = node;
    this.purpose[j] = purpose;
    this.aux[j] = aux;
    this.enabled[j] = enabled;
    this.enabledPos[j] = enabledPos;
    this.work[j] = work;
    return j;
  }

  release(j: number): void {
    // Every row released was added: the free list is never longer than the table.
    this.#free[this.#freeCount++] = j;
  }

  #grow(): void {
    const n = this.slot.length * 2;
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const purpose = new Int8Array(n);
    purpose.set(this.purpose);
    this.slot = i32(this.slot);
    this.caseId = f64(this.caseId);
    this.station = i32(this.station);
    this.node = i32(this.node);
    this.purpose = purpose;
    this.aux = i32(this.aux);
    this.enabled = f64(this.enabled);
    this.start = f64(this.start);
    this.officer = i32(this.officer);
    this.enabledPos = f64(this.enabledPos);
    this.endPos = f64(this.endPos);
    this.#free = i32(this.#free);
  }
}
