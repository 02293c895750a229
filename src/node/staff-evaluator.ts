import { type Candidate, type Evaluate, type Officers, type StaffTarget, candidateOf } from '../mining/staff.ts';
import type { SimConfig } from '../sim/config.ts';
import { type SimulateOptions, simulateAll } from './simulate.ts';

/**
 * The staffing search's `Evaluate` on this machine: a batch of allocations simulated on one pool
 * of worker threads (`simulateAll`), every allocation with the scenario's seed, so that candidates
 * share their random numbers and the answer does not depend on the number of threads.
 *
 * @example
 * const result = await searchStaffing(config, parseTarget('onTimeRate>=0.95'), staffEvaluator(config, target));
 */
export function staffEvaluator(base: SimConfig, target: StaffTarget, options: SimulateOptions = {}): Evaluate {
  return async (batch: readonly Officers[]): Promise<Candidate[]> => {
    const configs = batch.map((officers) => ({ ...base, stations: Object.fromEntries(Object.entries(base.stations).map(([id, s]) => [id, { ...s, officers: officers[id]! }])) }));
    const results = await simulateAll(configs, options);
    return batch.map((officers, i) => candidateOf(officers, results[i]!, target));
  };
}
