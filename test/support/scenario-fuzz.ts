import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import YAML from 'yaml';
import { expect } from 'vitest';
import { MotcuaError } from '../../src/errors.ts';
import { procedureResolver, replayReader } from '../../src/node/scenario-files.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { parseScenario, stationLoad } from '../../src/sim/scenario/index.ts';
import { editLines, extremeNumber, hostile, lineEdit, mutation, nonFinite, typedAsync } from './fuzz.ts';
import { mutate } from './mutate.ts';
import { checkProperty } from './property.ts';

/**
 * Issue 19's fuzz suite for scenarios: `files` of simulations/ with lines edited (or, `structure`,
 * parsed, mutated at random paths and written back), read with the
 * real resolver and replay reader (paths relative to the scenario, catalogue ids, size limits).
 * Valid results must have finite numbers and a finite load; one in ten is simulated for two days.
 */
export async function fuzzScenarios(name: string, files: readonly string[], numRuns: number, how: 'lines' | 'structure' = 'lines'): Promise<void> {
  const FILE = 'simulations/fuzzed.yaml';
  const resolve = procedureResolver(FILE);
  const read = replayReader(FILE);
  const bases = files.map((f) => readFileSync(`simulations/${f}`, 'utf8'));
  const values = fc.oneof(
    { weight: 2, arbitrary: extremeNumber.map(String) },
    { weight: 2, arbitrary: fc.constantFrom('0', '-1', '1e7', '1.8e308', '.inf', '-.inf', '.nan', '0.5', '1000', '10000', '10001', '3660d', '3661d', '0d', '{ fixed: 1e300 }', '{ fixed: 10000 }', '{ uniform: [5, 1] }', '{ exponential: 1e-300 }') },
    { weight: 1, arbitrary: fc.oneof(hostile.map((h) => JSON.stringify(h)), hostile, fc.constantFrom('yes', '[]', '{}', '', 'replay-example.csv', '../package.json', '/etc/passwd')) },
  );
  // Structural mutations keep the YAML well-formed, so many more results are valid but extreme.
  const scenarioMutation = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.oneof(extremeNumber, fc.constantFrom<unknown>(0, 1, 1000, 1001, 10_000, 10_001, 1e7, '3660d', '3661d', '0d', { fixed: 1e300 }, { exponential: 1e-300 }, { uniform: [0, 10_000] }, [], {})) }) },
    { weight: 1, arbitrary: mutation },
  );
  let valid = 0;
  let simulated = 0;
  await checkProperty(
    name,
    fc.asyncProperty(fc.nat(), fc.array(lineEdit(values), { minLength: 1, maxLength: 3 }), fc.array(scenarioMutation, { minLength: 1, maxLength: 2 }), fc.nat(9), async (which, edits, structural, simulate) => {
      const base = bases[which % bases.length]!;
      const text = how === 'lines' ? editLines(base, edits) : YAML.stringify(structural.reduce<unknown>((r, m) => mutate(r, m), YAML.parse(base)));
      const scenario = await typedAsync(() => parseScenario(text, FILE, resolve, read), FILE, text);
      if (scenario instanceof MotcuaError) return;
      valid++;
      expect(nonFinite(scenario.baseline)).toEqual([]);
      for (const load of stationLoad(scenario.baseline)) expect(Number.isFinite(load.utilisation) || load.capacityHoursPerDay === 0).toBe(true);
      if (simulate === 0) {
        simulated++;
        const result = runReplication({ ...scenario.baseline, horizonDays: Math.min(2, scenario.baseline.horizonDays), warmupDays: 0, drain: false }, 0);
        // A replication's running statistics may hold ±Infinity as the start of a min or max; NaN never.
        expect(nonFinite(result).filter((p) => p.endsWith('= NaN'))).toEqual([]);
      }
    }),
    { numRuns },
  );
  console.log(`[fuzz] ${name}: ${numRuns} cases, ${valid} valid, ${simulated} simulated for two days`);
}

