import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FUZZ_TIMEOUT, editLines, lineEdit, runs } from '../support/fuzz.ts';
import { LOGS, charEdit, editChars, readsOrRefuses, xesFragment } from '../support/log-fuzz.ts';
import { checkProperty } from '../support/property.ts';

/** Issue 19's fuzz suite: XES event logs read by the mining reader. */
describe('fuzz: XES event logs', () => {
  it('an XES log with characters and lines edited reads with finite timestamps, or is refused with a one-line LogError naming the file', async () => {
    await checkProperty(
      'XES logs',
      fc.asyncProperty(fc.array(charEdit, { minLength: 1, maxLength: 3 }), fc.array(lineEdit(xesFragment), { maxLength: 2 }), fc.constantFrom(0, 0, 0, 13, 256), async (chars, lines, chunked) => {
        await readsOrRefuses(editLines(editChars(LOGS.xes, chars), lines), 'fuzzed.xes', chunked);
      }),
      { numRuns: runs(5_000) },
    );
  }, FUZZ_TIMEOUT);
});
