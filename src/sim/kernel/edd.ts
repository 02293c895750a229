/** A job waiting at a station under the earliest-due-first discipline: due key, arrival order, job. */
export interface EddEntry {
  readonly key: number;
  readonly seq: number;
  readonly job: number;
}

/** Restores the heap after a push at the end. */
export function siftUp(heap: EddEntry[]): void {
  let i = heap.length - 1;
  const item = heap[i]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (p.key < item.key || (p.key === item.key && p.seq < item.seq)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = item;
}

/** Removes and returns the entry with the earliest due key (then the earliest arrival). */
export function popMin(heap: EddEntry[]): EddEntry {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length === 0) return top;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= heap.length) break;
    const right = child + 1;
    if (right < heap.length && (heap[right]!.key < heap[child]!.key || (heap[right]!.key === heap[child]!.key && heap[right]!.seq < heap[child]!.seq))) child = right;
    const c = heap[child]!;
    if (last.key < c.key || (last.key === c.key && last.seq < c.seq)) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = last;
  return top;
}
