import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FUZZ_TIMEOUT, editLines, lineEdit, runs } from '../support/fuzz.ts';
import { LOGS, charEdit, csvLine, editChars, readsOrRefuses } from '../support/log-fuzz.ts';
import { checkProperty } from '../support/property.ts';

/** Issue 19's fuzz suite: CSV event logs read by the mining reader. */
describe('fuzz: CSV event logs', () => {
  it('a CSV log with lines edited reads with finite timestamps, or is refused with a one-line LogError naming the file', async () => {
    await checkProperty(
      'CSV logs',
      fc.asyncProperty(fc.array(lineEdit(csvLine), { minLength: 1, maxLength: 3 }), fc.array(charEdit, { maxLength: 2 }), fc.constantFrom(0, 0, 0, 13, 256), async (lines, chars, chunked) => {
        await readsOrRefuses(editChars(editLines(LOGS.csv, lines), chars), 'fuzzed.csv', chunked);
      }),
      { numRuns: runs(5_000) },
    );
  }, FUZZ_TIMEOUT);

});
