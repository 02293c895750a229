import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/calendar/date.ts';
import { instantAt } from '../../src/calendar/instant.ts';
import { ALWAYS_OPEN } from '../../src/calendar/office-hours.ts';
import { validateProcedure } from '../../src/dsl/validate.ts';
import type { SimConfig } from '../../src/sim/config.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { buildReport } from '../../src/sim/report.ts';
import { simulate } from '../../src/node/simulate.ts';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { simOf } from '../support/sim.ts';

const name = (en: string) => ({ vi: en, en });

/** One clerk step, received online with no desk work: an M/M/c station when the calendar is 24/7. */
const singleStep = validateProcedure({
  id: 'single-step',
  version: '1',
  effectiveFrom: '2000-01-01',
  title: name('Single step'),
  level: 'province',
  agencies: { desk: { name: name('Desk'), level: 'province', desk: true }, clerk: { name: name('Clerk'), level: 'province' } },
  receipt: { desk: 'desk', channels: ['online'], handover: 'immediate' },
  flow: [{ kind: 'step', id: 'work', agency: 'clerk', title: name('Work'), share: '1000wd' }],
  limit: { duration: '1000wd', mode: 'hours', ref: { document: 'Validation', confidence: 'src' } },
});

function mmc(lambdaPerHour: number, meanServiceHours: number, servers: number, replications: number): SimConfig {
  return {
    name: 'M/M/c',
    start: localDate(2025, 1, 1),
    horizonDays: 120,
    warmupDays: 10,
    replications,
    seed: 20250101,
    calendar: '24x7',
    discipline: 'fcfs',
    stations: { desk: { officers: 1000, hours: ALWAYS_OPEN }, clerk: { officers: servers, hours: ALWAYS_OPEN } },
    procedures: [
      {
        spec: singleStep,
        arrivals: { kind: 'poisson', perDay: lambdaPerHour * 24, weekdays: [1, 1, 1, 1, 1, 1, 1], hours: Array(24).fill(1) },
        channels: [{ value: 'online', p: 1 }],
        dossier: {},
        incomplete: 0,
        withdrawal: 0,
        withdrawAfter: { kind: 'fixed', value: 1 },
        receipt: { kind: 'fixed', value: 0 },
        steps: { work: { duration: { kind: 'exponential', mean: meanServiceHours }, supplement: 0, refusal: 0 } },
        answers: {},
        intervals: {},
        stationOf: {},
      },
    ],
    applicantResponse: { kind: 'fixed', value: 1 },
    transfer: { 'in-person': { kind: 'fixed', value: 0 }, postal: { kind: 'fixed', value: 0 }, online: { kind: 'fixed', value: 0 } },
    apologyExtensionDays: 5,
    drain: false,
  };
}

/** Erlang C: the mean wait in queue of an M/M/c station, in the unit of 1/μ. */
function erlangC(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const last = (term * c) / (c - a);
  const waitProbability = last / (sum + last);
  return waitProbability / (c * mu - lambda);
}

describe('agreement with queueing theory', () => {
  it('the mean queue wait of an M/M/3 station at 80% load agrees with Erlang C within the 95% confidence interval', async () => {
    const config = mmc(2.4, 1, 3, 10);
    const report = buildReport(config, await simulate(config, { workers: 0 }));
    const clerk = report.stations.find((s) => s.id === 'clerk')!;
    const theory = erlangC(2.4, 1, 3);
    expect(theory).toBeCloseTo(1.0787, 4);
    expect(Math.abs(clerk.queueWaitMean.mean - theory)).toBeLessThanOrEqual(clerk.queueWaitMean.halfWidth);
    expect(clerk.utilisation.mean).toBeGreaterThan(0.78);
    expect(clerk.utilisation.mean).toBeLessThan(0.82);
  }, 60_000);

  it('Little’s law holds and cases are conserved on every run, drained or not', () => {
    for (const drain of [true, false]) {
      const config = simOf(landUseRightFirst, { seed: 5, perDay: 6, days: 60, officers: 2, supplement: 0.2, refusal: 0.05, incomplete: 0.1, withdrawal: 0.05, silence: 0.3, stepMean: 6 }, { drain });
      // The cases in the system over time, integrated from what the run says of each case.
      const received = new Map<number, number>();
      const endedAt = new Map<number, number>();
      const result = runReplication(config, 0, { started: (id, s) => received.set(id, s.receivedAt), ended: (id, e) => endedAt.set(id, e.at) });
      const { arrived, ended, inProgress } = result.conservation;
      expect(arrived).toBe(ended + inProgress);
      expect([received.size, endedAt.size]).toEqual([arrived, ended]);
      let area = 0;
      for (const [id, t] of received) area += (endedAt.get(id) ?? result.endedAt) - t;
      expect(Math.min(...received.values())).toBeGreaterThanOrEqual(instantAt(config.start, 0));
      const L = area / (result.endedAt - instantAt(config.start, 0));
      expect(L).toBeGreaterThan(0.5);
      expect(Math.abs(result.little.L - L) / L).toBeLessThan(1e-9);
      if (drain) {
        expect(inProgress).toBe(0);
        // Over a run that starts and ends empty, L = λW holds exactly (up to rounding).
        expect(Math.abs(result.little.L - result.little.lambda * result.little.W) / L).toBeLessThan(1e-9);
      }
    }
  });

  it('the same scenario and seed give a byte-identical report; replications use independent streams', async () => {
    const config = { ...simOf(landUseRightFirst, { seed: 11, perDay: 5, days: 40, officers: 2, supplement: 0.1, refusal: 0.02, incomplete: 0.1, withdrawal: 0.02, silence: 0.2, stepMean: 4 }), replications: 3, drain: false };
    const first = await simulate(config, { workers: 0 });
    const a = JSON.stringify(buildReport(config, first));
    const b = JSON.stringify(buildReport(config, await simulate(config, { workers: 0 })));
    expect(b).toBe(a);
    // Different streams: the replications differ from one another.
    expect(new Set(first.map((r) => r.little.W)).size).toBe(3);
    // (Worker threads are compared with a single thread through the real CLI, in test/e2e/simulate.test.ts.)
  }, 60_000);
});
