import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../../src/calendar/instant.ts';
import { checkOpenRequest } from '../../src/engine/check-event.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { MotcuaError } from '../../src/errors.ts';
import { FUZZ_TIMEOUT, RECEIVED, openRequest, runs, typed, typedAsync } from '../support/fuzz.ts';
import { checkProperty } from '../support/property.ts';
import { tinySpec } from '../support/specs.ts';

/** Issue 19's fuzz suite: requests to open a case. */
describe('fuzz: case requests', () => {
  const request = openRequest('tiny');

  it('checks any JSON as an opening request: a request or a one-line CaseError', () => {
    checkProperty(
      'request shapes',
      fc.property(fc.oneof(request, fc.jsonValue()), (value) => {
        const checked = typed(() => checkOpenRequest(value));
        if (checked instanceof MotcuaError) expect(checked.name).toBe('CaseError');
      }),
      { numRuns: runs(5_000) },
    );
  }, FUZZ_TIMEOUT);

  it('opens a case or refuses the request with a CaseError, and never uses up a dossier number on a refusal', async () => {
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore(), now: () => (RECEIVED + 86_400_000) as Instant });
    const numbered = new Map<string, number[]>();
    await checkProperty(
      'case requests',
      fc.asyncProperty(request, async (value) => {
        const opened = await typedAsync(() => engine.open(value as never));
        if (opened instanceof MotcuaError) expect(opened.name).toBe('CaseError');
        else if ((value as { code?: unknown }).code === undefined) {
          const [, day, n] = /^MOTCUA-(\d{6})-(\d{4})$/.exec(opened.code)!;
          numbered.set(day!, [...(numbered.get(day!) ?? []), Number(n)]);
        }
      }),
      { numRuns: runs(10_000) },
    );
    // Generated numbers run 1, 2, 3… per day with no gap: no refusal used one up.
    for (const numbers of numbered.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  }, FUZZ_TIMEOUT);
});
