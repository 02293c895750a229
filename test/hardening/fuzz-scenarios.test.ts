import { describe, it } from 'vitest';
import { FUZZ_TIMEOUT, runs } from '../support/fuzz.ts';
import { fuzzScenarios } from '../support/scenario-fuzz.ts';

/** Issue 19's fuzz suite: the small example scenarios with lines edited (the province one is in fuzz-scenarios-province). */
describe('fuzz: scenarios mutated from the examples', () => {
  it('read as a scenario with finite numbers and load, or are refused with a one-line project error naming the file', async () => {
    await fuzzScenarios('scenarios (replay and M/M/c examples)', ['replay-example.yaml', 'replay-example.yaml', 'mmc-validation.yaml'], runs(9_600));
  }, FUZZ_TIMEOUT);
});
