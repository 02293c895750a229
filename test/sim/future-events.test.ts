import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../src/calendar/instant.ts';
import { DEADLINES, FutureEvents, PEOPLE } from '../../src/sim/kernel/future-events.ts';
import { checkProperty } from '../support/property.ts';

const BARE = 1;
const BARE2 = 0;
const START = 20_000 * MS_PER_DAY;

/** What the test does to the list: schedule (people or deadline priority), a deadline, a job end, a cancel, or handle the next event. */
type Op =
  | { readonly op: 'schedule'; readonly after: number; readonly priority: number }
  | { readonly op: 'deadline'; readonly after: number }
  | { readonly op: 'bare'; readonly after: number; readonly second: boolean }
  | { readonly op: 'cancel'; readonly which: number }
  | { readonly op: 'next' };

/** An event the reference knows: its time, where the list put it, and the order among equals. */
interface Pending {
  readonly tag: number;
  readonly kind: number;
  readonly at: number;
  readonly lane: boolean;
  readonly priority: number;
  readonly seq: number;
  handle: number;
  cancelled: boolean;
}

/**
 * Runs `ops` on a FutureEvents and on a plain sorted list, and returns both orders of the events
 * handled (by tag). The reference: the earliest time first; at one instant the heap's events before
 * the lane's, then people before deadlines, then first scheduled first. Delays are drawn so that no
 * two events far apart in scheduling (more than two days ahead, so through the day buckets) share an
 * instant, since a bucket's events join the heap's order when they leave their bucket.
 */
function run(ops: readonly Op[]): { readonly got: number[]; readonly want: number[] } {
  const fel = new FutureEvents(START, BARE, BARE2);
  const pending: Pending[] = [];
  const got: number[] = [];
  const want: number[] = [];
  let seq = 0;
  let laneLast = -Infinity;
  let laneLive = 0;
  const before = (a: Pending, b: Pending) => a.at - b.at || Number(a.lane) - Number(b.lane) || a.priority - b.priority || a.seq - b.seq;
  const take = () => {
    const first = pending.filter((p) => !p.cancelled).sort(before)[0];
    expect(fel.next(Infinity)).toBe(first !== undefined);
    // The cancelled events before `first` are dropped on the way to it.
    for (let k = pending.length - 1; k >= 0; k--) {
      const p = pending[k]!;
      if (p === first || (p.cancelled && (first === undefined || before(p, first) < 0))) pending.splice(k, 1);
    }
    if (first === undefined) return;
    want.push(first.tag);
    // A bare event is known by its kind and node alone; any other by its record.
    got.push(fel.kind === BARE || fel.kind === BARE2 ? fel.node : fel.aux);
    expect(fel.kind).toBe(first.kind);
    expect(fel.now).toBe(first.at);
  };
  for (const o of ops) {
    const now = fel.now;
    const tag = seq;
    switch (o.op) {
      case 'schedule':
        pending.push({ tag, kind: 7, at: now + o.after, lane: false, priority: o.priority, seq: seq++, handle: fel.schedule(now + o.after, o.priority, 7, tag, tag, 0, tag), cancelled: false });
        break;
      case 'bare':
        fel.scheduleBare(now + o.after, o.second ? BARE2 : BARE, tag);
        pending.push({ tag, kind: o.second ? BARE2 : BARE, at: now + o.after, lane: false, priority: PEOPLE, seq: seq++, handle: -1, cancelled: false });
        break;
      case 'deadline': {
        const at = now + o.after;
        const lane = laneLive === 0 || at >= laneLast;
        if (lane) {
          laneLast = at;
          laneLive++;
        }
        pending.push({ tag, kind: 7, at, lane, priority: DEADLINES, seq: seq++, handle: fel.deadline(at, 7, tag, tag, 0, tag), cancelled: false });
        break;
      }
      case 'cancel': {
        const live = pending.filter((p) => !p.cancelled && p.handle !== -1);
        const p = live[o.which % Math.max(1, live.length)];
        if (p === undefined) break;
        fel.cancel(p.handle, 7, p.tag, p.tag);
        p.cancelled = true;
        break;
      }
      case 'next':
        take();
        break;
    }
    // The lane counts what it still holds, cancelled or not: a cancelled event leaves it when reached.
    laneLive = pending.filter((p) => p.lane).length;
  }
  while (pending.some((p) => !p.cancelled)) take();
  expect(fel.next(Infinity)).toBe(false);
  return { got, want };
}

/** Delays on a grid of whole minutes: near ones collide often, far ones (beyond two days) never do. */
const near = fc.integer({ min: 0, max: 60 }).map((m) => m * 60_000);
const far = fc.integer({ min: 2 * 24 * 60 + 1, max: 30 * 24 * 60 }).map((m) => m * 60_000 + 1);
const ops = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('schedule' as const), after: near, priority: fc.constantFrom(PEOPLE, DEADLINES) }),
    fc.record({ op: fc.constant('bare' as const), after: near, second: fc.boolean() }),
    fc.record({ op: fc.constant('deadline' as const), after: fc.oneof(near, fc.integer({ min: 0, max: 40 * 24 * 60 }).map((m) => m * 60_000)) }),
    fc.record({ op: fc.constant('cancel' as const), which: fc.nat(50) }),
    fc.constant({ op: 'next' as const }),
    fc.constant({ op: 'next' as const }),
  ),
  { maxLength: 120 },
);

describe('the future-event list', () => {
  it('hands out events in time order, the heap before the lane at one instant, people before deadlines, then first in first out, and never a cancelled one (property)', () => {
    checkProperty(
      'FutureEvents order',
      fc.property(ops, (list) => {
        const { got, want } = run(list);
        expect(got).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it('hands out far events through the day buckets in time order (property)', () => {
    checkProperty(
      'FutureEvents buckets',
      fc.property(fc.array(far, { minLength: 1, maxLength: 80 }), (delays) => {
        const { got, want } = run([...delays.map((after, k) => ({ op: 'schedule' as const, after: after + k, priority: PEOPLE })), { op: 'next' }]);
        expect(got).toEqual(want);
        expect(got).toHaveLength(delays.length);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps lane handles valid while the lane grows, and a stale handle cancels nothing', () => {
    const fel = new FutureEvents(START, BARE);
    expect(() => fel.scheduleBare(START, 7, 0)).toThrow('not a bare kind');
    expect(() => fel.scheduleBare(START, BARE, 2 ** 29)).toThrow('out of range');
    const handles = Array.from({ length: 5000 }, (_, k) => fel.deadline(START + k * 1000, 7, k, k, 0, k));
    // Cancel every odd deadline after the ring has doubled several times (1024 → 8192 slots).
    for (let k = 1; k < 5000; k += 2) fel.cancel(handles[k]!, 7, k, k);
    // A handle with the wrong case, and one already handled, change nothing.
    fel.cancel(handles[0]!, 7, 1, 1);
    const seen: number[] = [];
    while (fel.next(Infinity)) {
      seen.push(fel.aux);
      fel.cancel(handles[fel.aux]!, 7, fel.aux, fel.aux);
    }
    expect(seen).toHaveLength(2500);
    expect(seen.slice(0, 4)).toEqual([0, 2, 4, 6]);
    expect(seen.at(-1)).toBe(4998);
  });
});
