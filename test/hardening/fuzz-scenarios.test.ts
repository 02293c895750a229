import { describe, it } from 'vitest';
import { FUZZ_TIMEOUT, runs } from '../support/fuzz.ts';
import { fuzzScenarios } from '../support/scenario-fuzz.ts';

/** Issue 19's fuzz suite: the small example scenarios with lines edited (the province one is in fuzz-scenarios-province). */
describe('fuzz: scenarios mutated from the examples', () => {
  it('read as a scenario with finite numbers and load, or are refused with a one-line project error naming the file', async () => {
    await fuzzScenarios('scenarios (replay and M/M/c examples, lines edited)', ['replay-example.yaml', 'replay-example.yaml', 'mmc-validation.yaml'], runs(6_600));
  }, FUZZ_TIMEOUT);

  it('mutated at random paths (extreme numbers, limits ± 1, huge distributions) read as a scenario or are refused the same way', async () => {
    await fuzzScenarios('scenarios (replay and M/M/c examples, structure mutated)', ['replay-example.yaml', 'mmc-validation.yaml'], runs(3_000), 'structure');
  }, FUZZ_TIMEOUT);
});
