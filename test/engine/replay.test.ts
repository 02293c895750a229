import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Instant, MS_PER_HOUR, MS_PER_MINUTE, parseInstant } from '../../src/calendar/instant.ts';
import { type CaseSnapshot, advance, applyEvent, persistCase, startCase } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import type { Actor, CaseEvent, CaseEventType } from '../../src/compile/types.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { replayCase } from '../../src/engine/replay.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import { checkProperty } from '../support/property.ts';
import { kitchenSinkSpec } from '../support/specs.ts';
import { tempDir } from './support.ts';

const PARTIES = ['desk', 'commune', 'land', 'tax', 'fire', 'applicant'] as const;
type PartyName = (typeof PARTIES)[number];
const actorOf = (p: PartyName): Actor => (p === 'applicant' ? { kind: 'applicant' } : { kind: 'agency', agency: p });
const TYPES: CaseEventType[] = ['ACCEPT', 'REQUEST_COMPLETION', 'REFUSE', 'TRANSFER', 'COMPLETE', 'COMPLETE', 'REQUEST_SUPPLEMENT', 'SUPPLY', 'ANSWER', 'FINISH_INTERVAL', 'APOLOGIZE', 'WITHDRAW', 'RETURN_RESULT', 'RATE'];

/** What happens next to the case: any event from anyone (often refused), the diligent next step, or time passing. */
type Step =
  | { readonly kind: 'send'; readonly type: CaseEventType; readonly party: PartyName; readonly pick: number; readonly minutes: number }
  | { readonly kind: 'progress'; readonly minutes: number }
  | { readonly kind: 'tick'; readonly hours: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('send' as const), type: fc.constantFrom(...TYPES), party: fc.constantFrom(...PARTIES), pick: fc.nat(5), minutes: fc.integer({ min: 0, max: 2 * 24 * 60 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('progress' as const), minutes: fc.integer({ min: 0, max: 24 * 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 24 * 8 }) }) },
);

/** The event a step stands for, in the case as it is now. */
function eventOf(step: Exclude<Step, { kind: 'tick' }>, snapshot: CaseSnapshot): CaseEvent | null {
  const ctx = snapshot.context;
  const at = (ctx.now + step.minutes * MS_PER_MINUTE) as Instant;
  const agency = (id: string): Actor => ({ kind: 'agency', agency: id });
  const open = Object.entries(ctx.steps).filter(([, s]) => s.status !== 'done');
  if (step.kind === 'send') {
    const stepId = open[step.pick % Math.max(1, open.length)]?.[0] ?? 'verify';
    const payloads: Partial<Record<CaseEventType, object>> = {
      REQUEST_COMPLETION: { missing: ['paper'] },
      REFUSE: { step: stepId, reasons: ['no'] },
      COMPLETE: { step: stepId },
      REQUEST_SUPPLEMENT: { step: stepId, missing: ['paper'] },
      ANSWER: { consult: 'opinions', agree: step.pick % 2 === 0 },
      FINISH_INTERVAL: { interval: 'pay' },
      APOLOGIZE: { newDue: ((ctx.statutory?.due ?? at) + 5 * 86_400_000) as Instant, reason: 'late' },
      RATE: { rating: 'satisfied' },
    };
    return { type: step.type, at, by: actorOf(step.party), ...payloads[step.type] } as CaseEvent;
  }
  const is = (v: unknown) => snapshot.matches(v as never);
  const active = open.find(([, s]) => s.status === 'active');
  const waiting = open.find(([, s]) => s.status === 'supplement');
  if (is({ active: 'receiving' })) return { type: 'ACCEPT', at, by: agency('desk') };
  if (is({ active: 'awaitingCompletion' })) return { type: 'SUPPLY', at, by: { kind: 'applicant' } };
  if (is({ active: 'transferring' })) return { type: 'TRANSFER', at, by: agency('desk') };
  if (waiting !== undefined) return { type: 'SUPPLY', at, by: { kind: 'applicant' }, step: waiting[0] };
  if (active !== undefined) return { type: 'COMPLETE', at, by: agency(active[1].agency), step: active[0] };
  if (ctx.answers['opinions'] !== undefined && ctx.answers['opinions']['fire'] === undefined) return { type: 'ANSWER', at, by: agency('fire'), consult: 'opinions', agree: true };
  if (snapshot.hasTag('interval:payment' as never)) return { type: 'FINISH_INTERVAL', at, by: { kind: 'applicant' }, interval: 'pay' };
  if (is('resultReady')) return { type: 'RETURN_RESULT', at, by: agency('desk') };
  if (is('returned')) return { type: 'RATE', at, by: { kind: 'applicant' }, rating: 'satisfied' };
  return null;
}

describe('the stored log replays to the stored snapshot', () => {
  it('random event sequences through the engine: reopen, replay, and get the snapshot the pure API computed', async () => {
    const dir = tempDir();
    let run = 0;
    const lengths: number[] = [];
    const outcomes = new Set<string>();
    await checkProperty(
      'replay = snapshot',
      fc.asyncProperty(
        fc.constantFrom('pause' as const, 'restart' as const),
        fc.boolean(),
        fc.boolean(),
        fc.array(stepArb, { maxLength: 40, size: 'max' }),
        async (policy, remote, accept, steps) => {
          const spec = kitchenSinkSpec(policy);
          const proc = compileProcedure(spec);
          const file = join(dir, `run-${run++}.db`);
          const store = sqliteStore(file, { synchronous: 'normal' });
          const engine = createEngine({ procedures: [spec], store });
          const receivedAt = parseInstant('2025-03-03T09:00');
          const desk: Actor = { kind: 'agency', agency: 'desk' };
          const { caseId } = await engine.open({ procedure: spec.id, channel: 'in-person', receivedAt, by: desk, dossier: { remote }, accept });
          // The same story told to the pure API, as the reference.
          let pure = startCase(proc, { receivedAt, channel: 'in-person', dossier: { remote }, code: caseId }).snapshot;
          if (accept) {
            const r = applyEvent(proc, pure, { type: 'ACCEPT', at: receivedAt, by: desk });
            if (!r.ok) throw r.error;
            pure = r.snapshot;
          }
          for (const step of steps) {
            if (step.kind === 'tick') {
              const to = (pure.context.now + step.hours * MS_PER_HOUR) as Instant;
              await engine.tick(to);
              pure = advance(proc, pure, to).snapshot;
              continue;
            }
            const event = eventOf(step, pure);
            if (event === null) continue;
            const expected = applyEvent(proc, pure, event);
            const sent = await engine.send(caseId, event);
            expect(sent.ok).toBe(expected.ok);
            if (expected.ok) pure = expected.snapshot;
          }
          await store.close();

          const reopened = sqliteStore(file);
          const record = (await reopened.get(caseId))!;
          const log = await reopened.log(caseId);
          await reopened.close();
          lengths.push(log.length);
          outcomes.add(pure.context.outcome?.kind ?? 'in progress');
          expect(log.map((l) => l.version)).toEqual(log.map((_, i) => i + 1));
          expect(record.version).toBe(log.length);
          expect(persistCase(replayCase(proc, log.map((l) => l.entry)))).toEqual(record.snapshot);
          expect(record.snapshot).toEqual(JSON.parse(JSON.stringify(persistCase(pure))));
        },
      ),
      { numRuns: 40 },
    );
    // The generator must reach deep into cases, not stop at the desk.
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(12);
    expect(outcomes.has('returned')).toBe(true);
  }, 60_000);
});
