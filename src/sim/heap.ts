/**
 * The future-event list: a binary min-heap of (time, priority, sequence) keys with an integer
 * payload, kept in typed arrays so the simulator's inner loop allocates nothing. Ties in time go
 * by priority (people act before deadlines fire at the same instant) and then first in, first out.
 */
export class EventHeap {
  #time = new Float64Array(1024);
  #order = new Float64Array(1024);
  #payload = new Int32Array(1024);
  #size = 0;
  #seq = 0;

  get size(): number {
    return this.#size;
  }

  push(time: number, priority: number, payload: number): void {
    if (this.#size === this.#time.length) this.#grow();
    let i = this.#size++;
    const order = priority * 2 ** 40 + this.#seq++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#time[parent]! < time || (this.#time[parent] === time && this.#order[parent]! < order)) break;
      this.#time[i] = this.#time[parent]!;
      this.#order[i] = this.#order[parent]!;
      this.#payload[i] = this.#payload[parent]!;
      i = parent;
    }
    this.#time[i] = time;
    this.#order[i] = order;
    this.#payload[i] = payload;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.#size === 0 ? Infinity : this.#time[0]!;
  }

  /** Removes the earliest event and returns its payload; its time was `peekTime()`. */
  pop(): number {
    const top = this.#payload[0]!;
    const last = --this.#size;
    const time = this.#time[last]!;
    const order = this.#order[last]!;
    const payload = this.#payload[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && (this.#time[right]! < this.#time[child]! || (this.#time[right] === this.#time[child] && this.#order[right]! < this.#order[child]!))) child = right;
      if (time < this.#time[child]! || (time === this.#time[child] && order < this.#order[child]!)) break;
      this.#time[i] = this.#time[child]!;
      this.#order[i] = this.#order[child]!;
      this.#payload[i] = this.#payload[child]!;
      i = child;
    }
    this.#time[i] = time;
    this.#order[i] = order;
    this.#payload[i] = payload;
    return top;
  }

  #grow(): void {
    const n = this.#time.length * 2;
    const time = new Float64Array(n);
    const order = new Float64Array(n);
    const payload = new Int32Array(n);
    time.set(this.#time);
    order.set(this.#order);
    payload.set(this.#payload);
    this.#time = time;
    this.#order = order;
    this.#payload = payload;
  }
}
