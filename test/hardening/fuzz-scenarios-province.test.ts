import { describe, it } from 'vitest';
import { FUZZ_TIMEOUT, runs } from '../support/fuzz.ts';
import { fuzzScenarios } from '../support/scenario-fuzz.ts';

/** Issue 19's fuzz suite: the default scenario (311 lines, 16 procedures) with lines edited. */
describe('fuzz: the province scenario mutated', () => {
  it('reads as a scenario with finite numbers and load, or is refused with a one-line project error naming the file', async () => {
    await fuzzScenarios('scenarios (province-2016)', ['province-2016.yaml'], runs(400));
  }, FUZZ_TIMEOUT);
});
