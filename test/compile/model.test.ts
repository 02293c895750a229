import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Instant, MS_PER_MINUTE, formatInstant, parseInstant } from '../../src/calendar/instant.ts';
import { consumedAt, lastMomentBefore } from '../../src/calendar/ledger.ts';
import { type CaseSnapshot, advance, applyEvent, startCase } from '../../src/compile/case.ts';
import { type Affordance, affordances, affordedEvent } from '../../src/compile/affordances.ts';
import { type CompiledProcedure, compileProcedure } from '../../src/compile/compile.ts';
import type { Actor, CaseEvent, CaseEventType } from '../../src/compile/types.ts';
import { checkProperty } from '../support/property.ts';
import { kitchenSinkSpec } from '../support/specs.ts';

/** The system under test: one case and its procedure. */
interface Real {
  readonly proc: CompiledProcedure;
  snapshot: CaseSnapshot;
  log: string[];
}

const PARTIES = ['desk', 'commune', 'land', 'tax', 'fire', 'applicant'] as const;
const actorOf = (p: (typeof PARTIES)[number]): Actor => (p === 'applicant' ? { kind: 'applicant' } : { kind: 'agency', agency: p });

/** The invariants that must hold after every accepted event. */
function checkInvariants(real: Real, before: CaseSnapshot, event: CaseEvent | null): void {
  const { env } = real.proc;
  const after = real.snapshot;
  const ledger = after.context.statutory;
  if (ledger !== null) {
    // The statutory clock never runs while paused.
    if (after.hasTag('supplement' as never) || after.hasTag('interval:payment' as never)) expect(ledger.runningSince).toBeNull();
    if (ledger.runningSince === null) expect(ledger.due).toBeNull();
    // Consumed time never decreases.
    const previous = before.context.statutory;
    if (previous !== null && ledger.restarts.length === previous.restarts.length) {
      expect(consumedAt(env.calendar, ledger, after.context.now)).toBeGreaterThanOrEqual(consumedAt(env.calendar, previous, before.context.now));
    }
  }
  // Every ended case has exactly one outcome and one classification.
  if (after.status === 'done') {
    const outcome = after.output;
    expect(outcome).not.toBeNull();
    expect(['returned', 'refused', 'refused-at-receipt', 'withdrawn']).toContain(outcome!.kind);
    expect(['early', 'on-time', 'late', 'not-counted']).toContain(outcome!.classification);
    // One ending act: a refusal, a return, or a withdrawal, which the slip records as the
    // applicant's request and the desk's close (7, then 8), or as the desk's close alone.
    const timeline = after.context.timeline;
    const withdrawals = timeline.filter((e) => e.action === 'withdraw');
    expect(timeline.filter((e) => e.action === 'refuse' || e.action === 'return').length + (withdrawals.length > 0 ? 1 : 0)).toBe(1);
    expect(withdrawals.length).toBeLessThanOrEqual(2);
  }
  // An apology is never issued twice, nor after its last moment.
  expect(after.context.apologies.length).toBeLessThanOrEqual(1);
  if (event?.type === 'APOLOGIZE') {
    const last = lastMomentBefore(env.calendar, before.context.statutory!, env.apologyNotice);
    expect(last).not.toBeNull();
    expect(event.at).toBeLessThanOrEqual(last!);
  }
  // Only the agency holding a step can complete it.
  if (event?.type === 'COMPLETE') {
    expect(before.context.steps[event.step]?.status).toBe('active');
    expect(event.by).toEqual({ kind: 'agency', agency: env.steps.get(event.step)!.agency });
  }
}

/** One event kind, sent by some party after some minutes, about whichever step `pick` selects. */
class SendCommand implements fc.Command<object, Real> {
  constructor(
    readonly type: CaseEventType,
    readonly party: (typeof PARTIES)[number],
    readonly pick: number,
    readonly minutes: number,
  ) {}

  check(): boolean {
    return true;
  }

  run(_model: object, real: Real): void {
    const before = real.snapshot;
    const ctx = before.context;
    const at = (ctx.now + this.minutes * MS_PER_MINUTE) as Instant;
    const steps = Object.keys(real.proc.env.steps);
    const open = Object.entries(ctx.steps).filter(([, s]) => s.status !== 'done').map(([id]) => id);
    const step = (open.length > 0 ? open : steps)[this.pick % Math.max(1, (open.length > 0 ? open : steps).length)] ?? 'verify';
    const by = actorOf(this.party);
    const due = ctx.statutory?.due ?? at;
    const payloads: Record<CaseEventType, object> = {
      ACCEPT: {},
      REQUEST_COMPLETION: { missing: ['paper'] },
      REFUSE: { step, reasons: ['no'] },
      TRANSFER: {},
      COMPLETE: { step },
      REQUEST_SUPPLEMENT: { step, missing: ['paper'] },
      SUPPLY: {},
      ANSWER: { consult: 'opinions', agree: this.pick % 2 === 0 },
      FINISH_INTERVAL: { interval: 'pay' },
      APOLOGIZE: { newDue: (due + 5 * 86_400_000) as Instant, reason: 'late' },
      WITHDRAW: {},
      RETURN_RESULT: {},
      RATE: { rating: 'satisfied' },
      TIMER: { timer: ctx.timers[0]?.id ?? 'none' },
    };
    const event = { type: this.type, at, by: this.type === 'TIMER' ? { kind: 'system' } : by, ...payloads[this.type] } as CaseEvent;
    // What the case affords at that instant, after the deadlines before it (as applyEvent delivers them).
    const ready = advance(real.proc, before, at, { inclusive: false }).snapshot;
    const afforded = affordances(real.proc, ready, at).some((a) => fits(a, event));
    const result = applyEvent(real.proc, before, event);
    real.log.push(`${this.toString()} → ${result.ok ? 'ok' : `refused: ${result.error.message}`}`);
    // The affordances are exactly what the reducer accepts.
    if (event.type !== 'TIMER') expect(result.ok, `${this.toString()}: afforded ${afforded}`).toBe(afforded);
    if (!result.ok) {
      expect(real.snapshot).toBe(before);
      return;
    }
    real.snapshot = result.snapshot;
    // The event acts on the case as the deadlines before it left it (a step a timer opened, say).
    checkInvariants(real, ready, event);
  }

  toString(): string {
    return `${this.type} by ${this.party} (pick ${this.pick}) +${this.minutes}min`;
  }
}

/** Time passes: every timer due by then fires (deemed consent, apology due, overdue, rating window). */
class AdvanceCommand implements fc.Command<object, Real> {
  constructor(readonly hours: number) {}

  check(): boolean {
    return true;
  }

  run(_model: object, real: Real): void {
    const before = real.snapshot;
    const to = (before.context.now + this.hours * 3_600_000) as Instant;
    real.snapshot = advance(real.proc, before, to).snapshot;
    real.log.push(`${this.toString()} → now ${formatInstant(real.snapshot.context.now)}`);
    checkInvariants(real, before, null);
  }

  toString(): string {
    return `advance ${this.hours}h`;
  }
}

/** What a diligent office and applicant do first, of what the case affords. */
const PROGRESS: readonly CaseEventType[] = ['ACCEPT', 'SUPPLY', 'TRANSFER', 'COMPLETE', 'ANSWER', 'FINISH_INTERVAL', 'RETURN_RESULT', 'RATE'];

/** Whether `event` does what `a` affords: the same type and sender, on the same target when both name one. */
function fits(a: Affordance, event: CaseEvent): boolean {
  if (a.type !== event.type) return false;
  if (JSON.stringify(a.by) !== JSON.stringify(event.by)) return false;
  const target = (key: 'step' | 'consult' | 'interval') => (key in event ? (event as Record<string, unknown>)[key] : undefined);
  return (['step', 'consult', 'interval'] as const).every((key) => a[key] === undefined || target(key) === undefined || a[key] === target(key));
}

/** The event a diligent office would send next, so that random runs also reach the result. */
class ProgressCommand implements fc.Command<object, Real> {
  constructor(readonly minutes: number) {}

  check(): boolean {
    return true;
  }

  run(_model: object, real: Real): void {
    const before = real.snapshot;
    const ctx = before.context;
    const at = (ctx.now + this.minutes * MS_PER_MINUTE) as Instant;
    const now = advance(real.proc, before, at, { inclusive: false }).snapshot;
    const next = affordances(real.proc, now, at)
      .filter((a) => PROGRESS.includes(a.type))
      .sort((a, b) => PROGRESS.indexOf(a.type) - PROGRESS.indexOf(b.type))[0];
    const event = next === undefined ? null : affordedEvent(next, at, now);
    if (event === null) return;
    const result = applyEvent(real.proc, before, event);
    real.log.push(`${this.toString()}: ${event.type} → ${result.ok ? 'ok' : `refused: ${result.error.message}`}`);
    // What the case affords, the reducer accepts.
    expect(result.ok, real.log.join('\n')).toBe(true);
    if (!result.ok) return;
    real.snapshot = result.snapshot;
    checkInvariants(real, now, event);
  }

  toString(): string {
    return `progress +${this.minutes}min`;
  }
}

const EVENT_TYPES: CaseEventType[] = ['ACCEPT', 'REQUEST_COMPLETION', 'REFUSE', 'TRANSFER', 'COMPLETE', 'COMPLETE', 'COMPLETE', 'REQUEST_SUPPLEMENT', 'SUPPLY', 'ANSWER', 'FINISH_INTERVAL', 'APOLOGIZE', 'WITHDRAW', 'RETURN_RESULT', 'RATE', 'TIMER'];

const commands = [
  fc
    .tuple(fc.constantFrom(...EVENT_TYPES), fc.constantFrom(...PARTIES), fc.nat(10), fc.integer({ min: 0, max: 3 * 24 * 60 }))
    .map(([type, party, pick, minutes]) => new SendCommand(type, party, pick, minutes)),
  fc.integer({ min: 1, max: 24 * 10 }).map((h) => new AdvanceCommand(h)),
  fc.integer({ min: 0, max: 2 * 24 * 60 }).map((m) => new ProgressCommand(m)),
  fc.integer({ min: 0, max: 2 * 24 * 60 }).map((m) => new ProgressCommand(m)),
];

describe('model-based: random event sequences on a compiled procedure with every construct', () => {
  for (const policy of ['pause', 'restart'] as const) {
    it(`keeps the invariants of the clock, outcomes, apologies and holders (supplement ${policy})`, () => {
      const proc = compileProcedure(kitchenSinkSpec(policy));
      checkProperty(
        `model-based (${policy})`,
        fc.property(fc.boolean(), fc.constantFrom('in-person', 'online', 'postal'), fc.commands(commands, { maxCommands: 60 }), (remote, channel, cmds) => {
          const receivedAt = parseInstant('2025-03-03T09:00');
          const real: Real = { proc, snapshot: startCase(proc, { receivedAt, channel: channel === 'postal' ? 'in-person' : channel, dossier: { remote } }).snapshot, log: [] };
          try {
            fc.modelRun(() => ({ model: {}, real }), cmds);
          } catch (error) {
            throw new Error(`${(error as Error).message}\nevents:\n  ${real.log.join('\n  ')}`);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('random runs reach every outcome', () => {
    const proc = compileProcedure(kitchenSinkSpec());
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 80 }), (cmds) => {
        const real: Real = { proc, snapshot: startCase(proc, { receivedAt: parseInstant('2025-03-03T09:00'), channel: 'online', dossier: { remote: false } }).snapshot, log: [] };
        fc.modelRun(() => ({ model: {}, real }), cmds);
        if (real.snapshot.context.outcome !== null) seen.add(real.snapshot.context.outcome.kind);
      }),
      { seed: 42, numRuns: 400 },
    );
    expect([...seen].sort()).toEqual(['refused', 'refused-at-receipt', 'returned', 'withdrawn']);
  });
});
