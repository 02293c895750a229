import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT, hostile, runs } from '../support/fuzz.ts';
import { checkProperty } from '../support/property.ts';
import { runCli } from '../support/cli.ts';

/** Issue 19's fuzz suite: `motcua calendar …` arguments, run in-process. */
describe('fuzz: calendar arguments on the command line', () => {
  const date = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc.tuple(fc.integer({ min: 2000, max: 2110 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom('', 'Z', '+07:00', '+99:99', '-14:00', '+14:01')).map(
      ([y, h, m, z]) => `${y}-03-03T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}${z}`,
    ),
    hostile,
    fc.string({ maxLength: 12 }),
  );
  const duration = fc.oneof(fc.tuple(fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e6, noNaN: true })), fc.constantFrom('wd', 'wh', 'd', ' working days', 'x')).map(([n, u]) => `${n}${u}`), hostile);
  const argv = fc.oneof(
    fc.tuple(fc.constantFrom('lunar', 'solar'), date).map(([s, d]) => ['calendar', s, d]),
    fc.tuple(date, duration).map(([d, u]) => ['calendar', 'add', d, u]),
    fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), hostile).map((y) => ['calendar', 'holidays', y]),
  );
  it('answers with exit 0 and no NaN, or exit 2 and one line on stderr', async () => {
    await checkProperty(
      'calendar arguments',
      fc.asyncProperty(argv, fc.boolean(), async (args, asJson) => {
        const { code, out, err } = await runCli(asJson ? [...args, '--json'] : args);
        expect([0, 2]).toContain(code);
        if (code === 2) {
          expect(err.endsWith('\n')).toBe(true);
          expect(err.slice(0, -1)).not.toContain('\n');
          expect(err).toMatch(/^motcua: /);
        } else expect(out).not.toMatch(/\bNaN\b|Invalid Date|undefined/);
      }),
      { numRuns: runs(10_000) },
    );
  }, FUZZ_TIMEOUT);
});
