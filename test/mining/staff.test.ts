import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { type Candidate, type Officers, candidateOf, parseTarget, searchStaffing } from '../../src/mining/staff.ts';
import { renderStaffPage } from '../../src/report/staff-html.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { loadScenario } from '../../src/node/scenario-files.ts';

const FILE = fileURLToPath(new URL('./fixtures/judicial-staffing.yaml', import.meta.url));

describe('finding the least staff that meets a target', () => {
  it('reads the target forms and refuses others with the accepted forms', () => {
    expect(parseTarget('onTimeRate>=0.95')).toEqual({ metric: 'onTimeRate', op: '>=', value: 0.95, text: 'onTimeRate>=0.95' });
    expect(parseTarget('meanCycleDays ≤ 2.5').text).toBe('meanCycleDays<=2.5');
    expect(() => parseTarget('onTimeRate<=0.95')).toThrow(UsageError);
    expect(() => parseTarget('late<3')).toThrow('target "late<3" is not understood. Write "onTimeRate>=0.95" (resolved early or on time, of all resolved) or "meanCycleDays<=5" (receipt to result, working days).');
  });

  it('takes officers from the over-staffed desk and gives them to the short office; the frontier is monotone within its intervals', async () => {
    const scenario = await loadScenario(FILE);
    const config = { ...scenario.baseline, replications: 3 };
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
});
