import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { type Candidate, type Officers, candidateOf, parseTarget, searchStaffing } from '../../src/mining/staff.ts';
import { staffEvaluator } from '../../src/node/staff-evaluator.ts';
import { packageFile } from '../../src/node/package-root.ts';
import { renderStaffPage } from '../../src/report/staff-html.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { loadScenario } from '../../src/node/scenario-files.ts';

const FILE = fileURLToPath(new URL('./fixtures/judicial-staffing.yaml', import.meta.url));

describe('finding the least staff that meets a target', () => {
  it('reads the target forms and refuses others with the accepted forms', () => {
    expect(parseTarget('onTimeRate>=0.95')).toEqual({ metric: 'onTimeRate', op: '>=', value: 0.95, text: 'onTimeRate>=0.95' });
    expect(parseTarget('meanCycleDays ≤ 2.5').text).toBe('meanCycleDays<=2.5');
    expect(() => parseTarget('onTimeRate<=0.95')).toThrow(UsageError);
    expect(parseTarget('decision766.onTimeRate ≥ 0.95')).toEqual({ metric: 'decision766.onTimeRate', op: '>=', value: 0.95, text: 'decision766.onTimeRate>=0.95' });
    expect(parseTarget('decision766.points>=18').metric).toBe('decision766.points');
    expect(() => parseTarget('decision766.satisfactionRate>=1.5')).toThrow('a rate target is a floor between 0 and 1: decision766.satisfactionRate>=1.');
    expect(() => parseTarget('late<3')).toThrow('target "late<3" is not understood. Write "onTimeRate>=0.95" (resolved early or on time, of all resolved), "meanCycleDays<=5" (receipt to result, working days), or a Decision 766 indicator: "decision766.onTimeRate>=0.95" (on time or within the limit, of all handled), "decision766.satisfactionRate>=0.9", "decision766.points>=18" (its points, as src/indicators scores them).');
  });

  it('takes officers from the over-staffed desk and gives them to the short office; the frontier is monotone within its intervals', async () => {
    const scenario = await loadScenario(FILE);
    // Five replications: with three, the interval of the lower bound (centre 3, justice 11, police 9)
    // straddles the target, and whether the search starts there or from the scenario's staff
    // depended on the stream.
    const config = { ...scenario.baseline, replications: 5 };
    const target = parseTarget('meanCycleDays<=2.5');
    const evaluate = async (batch: readonly Officers[]): Promise<Candidate[]> =>
      batch.map((officers) => {
        const stations = Object.fromEntries(Object.entries(config.stations).map(([id, s]) => [id, { ...s, officers: officers[id]! }]));
        const c = { ...config, stations };
        return candidateOf(officers, Array.from({ length: c.replications }, (_, r) => runReplication(c, r)), target);
      });
    const result = await searchStaffing(config, target, evaluate, { maxEvaluations: 30 });
    expect(result.scenario.meets).toBe(false);
    expect(result.lowerBound).toEqual({ centre: 3, justice: 11, police: 9 });
    expect(result.best).toBeDefined();
    const best = result.best!;
    expect(best.meets).toBe(true);
    expect(best.officers['centre']).toBeLessThan(10);
    expect(best.officers['justice']).toBeGreaterThan(9);
    expect(best.value.mean + best.value.halfWidth).toBeLessThanOrEqual(2.5);
    expect(result.monotone).toBe(true);
    expect(result.frontier.map((p) => p.total)).toEqual([...result.frontier.map((p) => p.total)].sort((a, b) => a - b));
    const page = renderStaffPage(result, 'en');
    expect(page).toContain('data-chart="staff-frontier"');
    expect(page).toContain(`<td>justice</td><td>9</td><td>${best.officers['justice']}</td>`);
  }, 240_000);

  it('gives the same candidates on worker threads as on this thread alone (common random numbers per replication)', async () => {
    const scenario = await loadScenario(FILE);
    const config = { ...scenario.baseline, replications: 3, horizonDays: 20 };
    const target = parseTarget('meanCycleDays<=2.5');
    const batch: Officers[] = [{ centre: 4, justice: 11, police: 9 }, { centre: 4, justice: 12, police: 9 }, { centre: 3, justice: 12, police: 10 }];
    const alone = await staffEvaluator(config, target, { workers: 0 })(batch);
    const threaded = await staffEvaluator(config, target, { workers: 1 })(batch);
    expect(threaded).toEqual(alone);
    expect(alone.map((c) => c.total)).toEqual([24, 25, 25]);
  }, 120_000);

  it('on the default scenario, meets a Decision 766 on-time target with fewer officers than the scenario has', async () => {
    const scenario = await loadScenario(packageFile('simulations/province-2016.yaml'));
    const config = { ...scenario.baseline, replications: 3, horizonDays: 20, warmupDays: 5 };
    const target = parseTarget('decision766.onTimeRate>=0.95');
    const result = await searchStaffing(config, target, staffEvaluator(config, target, { workers: 0 }), { maxEvaluations: 4 });
    expect(result.scenario.meets).toBe(true);
    expect(result.scenario.total).toBe(132);
    expect(result.best?.meets).toBe(true);
    expect(result.best!.total).toBeLessThan(result.scenario.total);
    // Never below the officers that keep each station's utilisation under 1.
    for (const [station, n] of Object.entries(result.best!.officers)) expect(n).toBeGreaterThanOrEqual(result.lowerBound[station]!);
    expect(result.monotone).toBe(true);
  }, 240_000);

  it('on the default scenario, needs more officers than the scenario has for a mean cycle time it misses', async () => {
    const scenario = await loadScenario(packageFile('simulations/province-2016.yaml'));
    const config = { ...scenario.baseline, replications: 3, horizonDays: 20, warmupDays: 5 };
    // Under what the scenario's staff reach (0.86 ± 0.05 days): at 0.88, moving idle land-office
    // officers elsewhere met the target with fewer officers in all, depending on the stream.
    const target = parseTarget('meanCycleDays<=0.84');
    const result = await searchStaffing(config, target, staffEvaluator(config, target, { workers: 0 }), { maxEvaluations: 20 });
    expect(result.scenario.meets).toBe(false);
    expect(result.best?.meets).toBe(true);
    expect(result.best!.total).toBeGreaterThan(result.scenario.total);
    expect(result.best!.value.mean + result.best!.value.halfWidth).toBeLessThanOrEqual(0.84);
    expect(result.monotone).toBe(true);
  }, 240_000);
});
