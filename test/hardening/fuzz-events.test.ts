import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../../src/calendar/instant.ts';
import { checkEvent } from '../../src/engine/check-event.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { MotcuaError } from '../../src/errors.ts';
import { event, expectTyped, FUZZ_TIMEOUT, nonFinite, RECEIVED, runs, typed } from '../support/fuzz.ts';
import { checkProperty } from '../support/property.ts';
import { kitchenSinkSpec, tinySpec } from '../support/specs.ts';

/** Issue 19's fuzz suite: events, alone and as lists sent to open cases. */
describe('fuzz: events and event lists', () => {
  it('checks any JSON as an event: a CaseEvent or a one-line CaseError', () => {
    checkProperty(
      'event shapes',
      fc.property(fc.oneof(event, fc.jsonValue()), (value) => {
        const checked = typed(() => checkEvent(value));
        if (checked instanceof MotcuaError) expect(checked.name).toBe('CaseError');
      }),
      { numRuns: runs(10_000) },
    );
  }, FUZZ_TIMEOUT);

  it('answers every event of a random list with a result, never a throw, and the case stays readable without NaN', async () => {
    // One engine for every list (procedures compiled once); each list goes to a case of its own.
    const engine = createEngine({ procedures: [tinySpec(), kitchenSinkSpec()], store: memoryStore(), now: () => (RECEIVED + 40 * 86_400_000) as Instant });
    let sent = 0;
    await checkProperty(
      'event lists',
      fc.asyncProperty(fc.boolean(), fc.array(event, { minLength: 6, maxLength: 25 }), async (sink, events) => {
        const opened = await engine.open({ procedure: sink ? 'kitchen-sink' : 'tiny', channel: 'in-person', receivedAt: RECEIVED, by: { kind: 'agency', agency: 'desk' }, ...(sink ? { dossier: { remote: true } } : {}) });
        for (const e of events) {
          const result = await engine.send(opened.caseId, e as never);
          if (!result.ok) expectTyped(result.error);
          sent++;
        }
        const status = await engine.status(opened.caseId);
        // Numbers, not text: a refusal's reasons may say "NaN" (the hostile strings include it).
        expect(nonFinite(status).filter((p) => p.endsWith('= NaN'))).toEqual([]);
        expect(JSON.stringify(status)).not.toMatch(/null,"now"/);
        expect(Number.isInteger(status.now)).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
    console.log(`[fuzz] event lists: ${sent} events sent`);
    expect(sent).toBeGreaterThanOrEqual(runs(10_000));
  }, FUZZ_TIMEOUT);
});
