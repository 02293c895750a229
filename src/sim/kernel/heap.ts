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
    // Locals, not private fields, inside the loops: this is the simulator's hottest code.
    const times = this.#time;
    const orders = this.#order;
    const payloads = this.#payload;
    let i = this.#size++;
    const order = priority * 2 ** 40 + this.#seq++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && orders[parent]! < order)) break;
      times[i] = pt;
      orders[i] = orders[parent]!;
      payloads[i] = payloads[parent]!;
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    payloads[i] = payload;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.#size === 0 ? Infinity : this.#time[0]!;
  }

  /** Removes the earliest event and returns its payload; its time was `peekTime()`. */
  pop(): number {
    const times = this.#time;
    const orders = this.#order;
    const payloads = this.#payload;
    const top = payloads[0]!;
    const last = --this.#size;
    const time = times[last]!;
    const order = orders[last]!;
    const payload = payloads[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      let ct = times[child]!;
      const right = child + 1;
      if (right < last) {
        const rt = times[right]!;
        if (rt < ct || (rt === ct && orders[right]! < orders[child]!)) {
          child = right;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && order < orders[child]!)) break;
      times[i] = ct;
      orders[i] = orders[child]!;
      payloads[i] = payloads[child]!;
      i = child;
    }
    times[i] = time;
    orders[i] = order;
    payloads[i] = payload;
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
