import { MS_PER_DAY } from '../../calendar/instant.ts';
import { EventHeap } from './heap.ts';

/** At the same instant people act first, then deadlines fire. */
export const PEOPLE = 0;
export const DEADLINES = 1;
/** The kind of a cancelled event's record. */
const CANCELLED = -1;

/**
 * The future-event list of a replication: records of small integers in typed arrays, a binary
 * heap of the events due in the next two days, day buckets for those further ahead (they join the
 * heap the day before they are due, so the heap stays small), and a lane for deadlines scheduled
 * in the order they fall due (the apology checks: one per dossier, weeks ahead, each later than
 * the one before), which need neither heap nor bucket, nor even a record: the lane keeps its
 * events in columns of its own, numbered in the order they were scheduled.
 *
 * An event is a kind and four integers the host gives meaning to (a case's slot and id, a node,
 * an extra); `next` reads the earliest into `kind`, `slot`, `id`, `node`, `aux` and `now`, so the
 * loop allocates nothing.
 *
 * @example
 * const fel = new FutureEvents(start, SERVICE_END, ARRIVAL);
 * fel.scheduleBare(start + 60_000, ARRIVAL, 0);
 * fel.deadline(start + 30 * MS_PER_DAY, APOLOGY_CHECK, slot, id, -1, version);
 * while (fel.next(Infinity)) handle(fel.kind, fel.slot, fel.id, fel.node, fel.aux, fel.now);
 */
export class FutureEvents {
  now: number;
  kind = 0;
  slot = 0;
  id = 0;
  node = 0;
  aux = 0;

  #kind = new Int32Array(1024);
  #slot = new Int32Array(1024);
  #id = new Float64Array(1024);
  #node = new Int32Array(1024);
  #aux = new Int32Array(1024);
  #time = new Float64Array(1024);
  #priority = new Int8Array(1024);
  #used = 0;
  #free: number[] = [];
  readonly #heap = new EventHeap();
  readonly #buckets = new Map<number, number[]>();
  readonly #bucketDays: number[] = [];
  /**
   * The deadline lane: events in non-decreasing time, in a ring of columns of its own. Event `n` of
   * the lane (counted from 0 as scheduled) sits at `n & #laneMask`; `#laneHead` is the number of the
   * first still in it and `#laneTail` the number the next will get. Their number is their handle
   * for {@link cancel}: written `-2 - n`, apart from record numbers (0 up) and -1 (no event).
   */
  #laneTime = new Float64Array(1024);
  #laneKind = new Int32Array(1024);
  #laneSlot = new Int32Array(1024);
  #laneId = new Float64Array(1024);
  #laneNode = new Int32Array(1024);
  #laneAux = new Int32Array(1024);
  #laneMask = 1023;
  #laneHead = 0;
  #laneTail = 0;
  #laneLast = -Infinity;
  /**
   * The time of the lane's first deadline, and the instant from which the first day bucket must
   * join the heap (both Infinity when empty), kept as they change so that `next` reads two fields.
   */
  #laneAt = Infinity;
  #flushAt = Infinity;

  /**
   * The kinds of the events that may be scheduled with {@link scheduleBare}, at most four: the heap
   * payload of such an event is `~(node * 4 + k)` for the kind `#bareKinds[k]`.
   */
  readonly #bareKinds: Int32Array;
  /** The `k` of each kind (by kind number, -1 for a kind that is not bare). */
  readonly #bareIndex = new Int8Array(64).fill(-1);

  constructor(start: number, ...bareKinds: readonly number[]) {
    if (bareKinds.length > 4 || bareKinds.some((k) => !(k >= 0 && k < 64))) throw new Error(`internal: at most four bare kinds, each in 0–63, not ${bareKinds.join(', ')}`);
    this.now = start;
    this.#bareKinds = Int32Array.from(bareKinds);
    bareKinds.forEach((kind, k) => (this.#bareIndex[kind] = k));
  }

  #record(at: number, priority: number, kind: number, slot: number, id: number, node: number, aux: number): number {
    let i: number;
    if (this.#free.length > 0) i = this.#free.pop()!;
    else {
      if (this.#used === this.#kind.length) this.#grow();
      i = this.#used++;
    }
    this.#kind[i] = kind;
    this.#slot[i] = slot;
    this.#id[i] = id;
    this.#node[i] = node;
    this.#aux[i] = aux;
    this.#time[i] = at;
    this.#priority[i] = priority;
    return i;
  }

  /** Schedules an event at `at` (not before `now`); returns its number, for {@link cancel}. */
  schedule(at: number, priority: number, kind: number, slot: number, id: number, node: number, aux: number): number {
    const i = this.#record(at, priority, kind, slot, id, node, aux);
    if (at - this.now <= 2 * MS_PER_DAY) {
      this.#heap.push(at, priority, i);
      return i;
    }
    const day = Math.floor(at / MS_PER_DAY);
    const bucket = this.#buckets.get(day);
    if (bucket !== undefined) bucket.push(i);
    else {
      this.#buckets.set(day, [i]);
      const days = this.#bucketDays;
      let k = days.length;
      while (k > 0 && days[k - 1]! > day) k--;
      days.splice(k, 0, day);
      this.#flushAt = (days[0]! - 1) * MS_PER_DAY;
    }
    return i;
  }

  /**
   * Schedules an event that needs no record, only a kind given to the constructor and a small
   * integer `node` (0 to 2^29 − 1: the end of a job, whose number says the rest; an arrival of a
   * procedure): most events of a run, so they skip the record table. Returns nothing: such events
   * cannot be cancelled.
   */
  scheduleBare(at: number, kind: number, node: number): void {
    const k = this.#bareIndex[kind] ?? -1;
    if (k < 0 || !(node >= 0 && node < 2 ** 29)) throw new Error(`internal: a bare event of kind ${kind} for ${node}: not a bare kind, or out of range`);
    if (at - this.now <= 2 * MS_PER_DAY) this.#heap.push(at, PEOPLE, ~(node * 4 + k));
    else this.schedule(at, PEOPLE, kind, -1, -1, node, 0);
  }

  /**
   * Drops event `i` if it is still the event of `kind` for (`slot`, `id`) (numbers are reused once
   * an event is handled, so a stale number is checked, not trusted): it is then never handled.
   */
  cancel(i: number, kind: number, slot: number, id: number): void {
    if (i >= 0) {
      if (this.#kind[i] === kind && this.#slot[i] === slot && this.#id[i] === id) this.#kind[i] = CANCELLED;
      return;
    }
    const n = -2 - i;
    if (n < this.#laneHead || n >= this.#laneTail) return;
    const k = n & this.#laneMask;
    if (this.#laneKind[k] === kind && this.#laneSlot[k] === slot && this.#laneId[k] === id) this.#laneKind[k] = CANCELLED;
  }

  /**
   * Schedules a deadline: in the lane when it falls due no earlier than the last one there (the
   * common case), else as any event. At the same instant, events of the heap go first.
   */
  deadline(at: number, kind: number, slot: number, id: number, node: number, aux: number): number {
    if (this.#laneTail > this.#laneHead && at < this.#laneLast) return this.schedule(at, DEADLINES, kind, slot, id, node, aux);
    if (this.#laneTail - this.#laneHead > this.#laneMask) this.#growLane();
    const n = this.#laneTail++;
    // Lane numbers are used as 32-bit integers (`n & mask`): far more deadlines than one run makes.
    if (n >= 0x7fffffff) throw new Error('internal: more than 2^31 deadlines in one run');
    const k = n & this.#laneMask;
    this.#laneTime[k] = at;
    this.#laneKind[k] = kind;
    this.#laneSlot[k] = slot;
    this.#laneId[k] = id;
    this.#laneNode[k] = node;
    this.#laneAux[k] = aux;
    this.#laneLast = at;
    if (n === this.#laneHead) this.#laneAt = at;
    return -2 - n;
  }

  /**
   * Reads the earliest event due by `stopAt` into the fields; false when there is none. Of an event
   * scheduled with {@link scheduleBare} only `now`, `kind` and `node` are read; the other fields
   * keep what they were.
   */
  next(stopAt: number): boolean {
    const heap = this.#heap;
    // Most events: the heap's first, before the lane's first deadline and before a day bucket is due.
    const heapAt = heap.peekTime();
    if (heapAt < this.#laneAt && heapAt < this.#flushAt && heapAt <= stopAt) {
      const i = heap.pop();
      if (i < 0) {
        this.now = heapAt;
        this.kind = this.#bareKinds[~i & 3]!;
        this.node = ~i >> 2;
        return true;
      }
      if (this.#take(i, heapAt)) return true;
    }
    return this.#nextInTurn(stopAt);
  }

  /** {@link next} for any event: the heap, the lane and the day buckets in turn. */
  #nextInTurn(stopAt: number): boolean {
    const heap = this.#heap;
    for (;;) {
      const heapAt = heap.peekTime();
      const laneAt = this.#laneAt;
      const at = heapAt <= laneAt ? heapAt : laneAt;
      if (at >= this.#flushAt && this.#bucketDays.length > 0) {
        this.#flush(at === Infinity ? this.#bucketDays[0]! * MS_PER_DAY : at);
        continue;
      }
      if (at === Infinity || at > stopAt) return false;
      let i: number;
      if (heapAt <= laneAt) {
        i = heap.pop();
        if (i < 0) {
          this.now = at;
          this.kind = this.#bareKinds[~i & 3]!;
          this.node = ~i >> 2;
          return true;
        }
        if (this.#take(i, at)) return true;
      } else if (this.#takeDeadline(at)) return true;
    }
  }

  /** Reads record `i`, due at `at`, into the fields and frees it; false (freed too) when it was cancelled. */
  #take(i: number, at: number): boolean {
    const kind = this.#kind[i]!;
    this.#free.push(i);
    if (kind === CANCELLED) {
      this.#kind[i] = 0;
      return false;
    }
    this.now = at;
    this.kind = kind;
    this.slot = this.#slot[i]!;
    this.id = this.#id[i]!;
    this.node = this.#node[i]!;
    this.aux = this.#aux[i]!;
    return true;
  }

  /** Reads the lane's first event, due at `at`, into the fields and drops it; false when it was cancelled. */
  #takeDeadline(at: number): boolean {
    const k = this.#laneHead++ & this.#laneMask;
    this.#laneAt = this.#laneHead < this.#laneTail ? this.#laneTime[this.#laneHead & this.#laneMask]! : Infinity;
    const kind = this.#laneKind[k]!;
    if (kind === CANCELLED) return false;
    this.now = at;
    this.kind = kind;
    this.slot = this.#laneSlot[k]!;
    this.id = this.#laneId[k]!;
    this.node = this.#laneNode[k]!;
    this.aux = this.#laneAux[k]!;
    return true;
  }

  /** Moves the buckets due by the day after `t` into the heap. */
  #flush(t: number): void {
    const limit = Math.floor(t / MS_PER_DAY) + 1;
    const days = this.#bucketDays;
    while (days.length > 0 && days[0]! <= limit) {
      const day = days.shift()!;
      for (const i of this.#buckets.get(day)!) this.#heap.push(this.#time[i]!, this.#priority[i]!, i);
      this.#buckets.delete(day);
    }
    this.#flushAt = days.length > 0 ? (days[0]! - 1) * MS_PER_DAY : Infinity;
  }

  #grow(): void {
    const n = this.#kind.length * 2;
    const grow = <T extends Int32Array | Float64Array | Int8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.#kind = grow(this.#kind, (k) => new Int32Array(k));
    this.#slot = grow(this.#slot, (k) => new Int32Array(k));
    this.#id = grow(this.#id, (k) => new Float64Array(k));
    this.#node = grow(this.#node, (k) => new Int32Array(k));
    this.#aux = grow(this.#aux, (k) => new Int32Array(k));
    this.#time = grow(this.#time, (k) => new Float64Array(k));
    this.#priority = grow(this.#priority, (k) => new Int8Array(k));
  }

  /** Doubles the lane's ring; each event keeps its number, so handles stay valid. */
  #growLane(): void {
    const mask = this.#laneMask * 2 + 1;
    const move = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(mask + 1);
      for (let n = this.#laneHead; n < this.#laneTail; n++) b[n & mask] = a[n & this.#laneMask]!;
      return b;
    };
    this.#laneTime = move(this.#laneTime, (k) => new Float64Array(k));
    this.#laneKind = move(this.#laneKind, (k) => new Int32Array(k));
    this.#laneSlot = move(this.#laneSlot, (k) => new Int32Array(k));
    this.#laneId = move(this.#laneId, (k) => new Float64Array(k));
    this.#laneNode = move(this.#laneNode, (k) => new Int32Array(k));
    this.#laneAux = move(this.#laneAux, (k) => new Int32Array(k));
    this.#laneMask = mask;
  }
}
