import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.ts';
import { procedureResolver } from '../../src/node/scenario-files.ts';
import { parseScenario } from '../../src/sim/scenario/index.ts';
import { SCENARIO_LIMITS } from '../../src/sim/scenario/values.ts';
import { runCli } from '../support/cli.ts';
import { SMALL_SCENARIO, editScenario } from '../support/sim.ts';

/** Issue 19: scenario numbers have upper bounds, and the error names the limit and where it was hit. */

const FILE = 'simulations/limits.yaml';
const resolver = procedureResolver(FILE);
const BASE = SMALL_SCENARIO;
const edit = (from: string, to: string) => editScenario(from, to);

async function problemOf(text: string): Promise<string> {
  try {
    await parseScenario(text, FILE, resolver);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.describe();
  }
  throw new Error('expected a ScenarioError');
}

describe('upper bounds on scenario numbers', () => {
  it('refuses 10,000,000 arrivals a day (10⁷ used to grow to 4 GB) and names the limit', async () => {
    expect(await problemOf(edit('perDay: 10', 'perDay: 1e7'))).toBe(
      'simulations/limits.yaml: procedures.0.arrivals.poisson.perDay: 10000000 is above the limit of 10000 for the mean number of arrivals per working day. Write a number from 0 to 10000.',
    );
  });

  it('refuses 1.8e308 (Infinity once read, which gave NaN utilisation) as a number', async () => {
    expect(await problemOf(edit('perDay: 10', 'perDay: 1.8e308'))).toMatch(/^simulations\/limits\.yaml: procedures\.0\.arrivals\.poisson\.perDay: /);
  });

  it('refuses a busiest weekday above the daily limit, though perDay itself is within it', async () => {
    expect(await problemOf(edit('perDay: 10 }', 'perDay: 5000, weekdays: { mon: 3 } }'))).toBe(
      "simulations/limits.yaml: procedures.0.arrivals.poisson.weekdays: perDay 5000 × the busiest weekday's rate 3 is 15000 arrivals a day, above the limit of 10000. Lower perDay or the weekday rates.",
    );
  });

  it('refuses 1,001 officers at a station, 1,001 replications, a horizon over ten years and a 10,001-hour step', async () => {
    expect(await problemOf(edit('officers: 2', 'officers: 1001'))).toBe(
      'simulations/limits.yaml: stations.committee.officers: 1001 officers is above the limit of 1000 for a station. Write a whole number from 1 to 1000.',
    );
    expect(await problemOf(edit('seed: 1', 'seed: 1\nreplications: 1001'))).toBe(
      'simulations/limits.yaml: replications: 1001 replications is above the limit of 1000. Write a whole number from 1 to 1000.',
    );
    expect(await problemOf(edit('horizon: 28d', 'horizon: 3661d'))).toBe('simulations/limits.yaml: horizon: the horizon 3661d is above the limit of 3660d (ten years). Write at most 3660d.');
    expect(await problemOf(edit('fixed: 1', 'fixed: 10001'))).toBe(
      'simulations/limits.yaml: procedures.0.steps.default.duration.fixed: 10001 is above the limit of 10000 for a duration (working hours or calendar days). Write a value from 0 to 10000.',
    );
  });

  it('accepts every number at its limit', async () => {
    const atLimits = edit('perDay: 10', `perDay: ${SCENARIO_LIMITS.perDay}`)
      .replace('officers: 2', `officers: ${SCENARIO_LIMITS.officers}`)
      .replace('seed: 1', `seed: 1\nreplications: ${SCENARIO_LIMITS.replications}\napologyExtensionDays: ${SCENARIO_LIMITS.apologyExtensionDays}`)
      .replace('horizon: 28d', 'horizon: 3660d')
      .replace('fixed: 1', `fixed: ${SCENARIO_LIMITS.duration}`);
    const { baseline } = await parseScenario(atLimits, FILE, resolver);
    expect([baseline.replications, baseline.horizonDays, baseline.stations['committee']!.officers]).toEqual([1000, 3660, 1000]);
  });

  it('refuses --replications 0 and above the limit, and --workers above 64, on one line', async () => {
    for (const [flag, value, range] of [
      ['--replications', '0', 'from 1 to 1000'],
      ['--replications', '1001', 'from 1 to 1000'],
      ['--workers', '65', 'from 0 to 64'],
    ] as const) {
      const { code, err } = await runCli(['simulate', 'simulations/replay-example.yaml', flag, value]);
      expect(code).toBe(2);
      expect(err).toBe(`motcua: ${flag}: ${flag} "${value}" must be a whole number ${range}.\n`);
    }
  });
});
