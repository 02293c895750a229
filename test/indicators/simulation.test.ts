import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/calendar/date.ts';
import { doneAt } from '../../src/indicators/from-cases.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { IndicatorCollector, NO_FEEDBACK } from '../../src/sim/indicators.ts';
import { buildReport, compare } from '../../src/sim/report.ts';
import { parseScenario } from '../../src/sim/scenario/index.ts';
import { simOf } from '../support/sim.ts';
import { handBuilt, other, tiny, week } from './cases.ts';

const cases = handBuilt();

/**
 * The hand-built cases as the simulator hands them to its collector (a run that started on Monday
 * 10 March, no warm-up, and ended with the week): a dossier received after the run ended is never
 * handed over, and one that ended after it is handed over as open.
 */
function collect(feedback = NO_FEEDBACK) {
  const config = { ...simOf(tiny, { seed: 1, perDay: 1, days: 7, officers: 1, supplement: 0, refusal: 0, incomplete: 0, withdrawal: 0, silence: 0, stepMean: 1 }), start: localDate(2025, 3, 10), warmupDays: 0, feedback };
  const withOther = { ...config, procedures: [config.procedures[0]!, { ...config.procedures[0]!, spec: other }] };
  const collector = new IndicatorCollector(withOther, 0);
  Object.values(cases).forEach((c) => {
    const p = c.procedure.id === 'other' ? 1 : 0;
    const supplements = c.timeline.filter((e) => e.action === 'request-supplement').length;
    const due = c.statutory?.due ?? null;
    const at = doneAt(c);
    if (c.receivedAt >= week.to) return;
    if (at === null || at >= week.to) collector.open(p, c.receivedAt, due, supplements);
    else collector.ended(p, c.receivedAt, due, c.outcome?.kind ?? 'returned', at, c.classification, supplements);
  });
  return collector;
}

describe('Decision 766 indicators of a simulation', () => {
  it("give the hand-built values from the simulator's view of the same cases", () => {
    // The run ends with the week; the dossier done the week before falls outside the period, the one received after it too.
    const d = collect().result(week.to);
    expect([d.handled, d.resolvedOnTime, d.withinLimit, d.late, d.onTimeRate]).toEqual([10, 5, 2, 3, 0.7]);
    // Nobody rates or complains without feedback: satisfaction is 1 − the late rate.
    expect(d.satisfactionRate).toBe(0.7);
    expect(d.byAgency.map((a) => [a.agency, a.rank, a.onTimeRate])).toEqual([
      ['justice', 1, 1],
      ['police', 2, 5 / 8],
    ]);
  });

  it('draw ratings and complaints per outcome', () => {
    const certain = { ...NO_FEEDBACK, rating: { ...NO_FEEDBACK.rating, late: { 'very-satisfied': 0, satisfied: 0, 'not-satisfied': 1 } }, complaint: { ...NO_FEEDBACK.complaint, refused: 1 } };
    const d = collect(certain).result(week.to);
    // "late" is Decision 766's: lateUnhappy (classified late) and twoSupplements (early by motcua's
    // split, late for its second supplement request) are rated "not satisfied"; the refusal is
    // complained about. Both were late already, so the satisfaction rate stays (10 − 4) / 10.
    expect([d.ratings.notSatisfied, d.withComplaint, d.lateOrDissatisfied, d.satisfactionRate]).toEqual([2, 1, 4, 0.6]);
  });

  it("are counted from the same dossiers as the replication's own figures", () => {
    const config = { ...simOf(tiny, { seed: 7, perDay: 6, days: 40, officers: 1, supplement: 0.2, refusal: 0.05, incomplete: 0.1, withdrawal: 0.05, silence: 0, stepMean: 3 }), warmupDays: 5 };
    const r = runReplication(config, 0);
    const p = r.procedures[0]!;
    const d = r.indicators!;
    expect(d.handled).toBe(p.started - p.refusedAtReceipt);
    expect(d.oneStop).toMatchObject({ early: p.early, onTime: p.onTime, late: p.late });
    expect(d.ended).toMatchObject({ refused: p.refused, withdrawn: p.withdrawn });
    expect(d.resolvedOnTime + d.lateDetail.ended).toBe(p.returned + p.refused + p.withdrawn);
    expect(d.withinLimit + d.lateDetail.pendingOverdue).toBe(p.inProgress);
  });

  it('carry the block with intervals into the report, and paired differences into a comparison', async () => {
    const yaml = `
name: two agencies
start: 2025-03-03
horizon: 60d
warmup: 5d
replications: 4
seed: 11
stations: { desk: { officers: 1 }, justice: { officers: 1 }, police: { officers: 1 } }
feedback:
  rating: { late: { not-satisfied: 0.5 }, on-time: { satisfied: 0.5 } }
  complaint: { late: 0.1 }
procedures:
  - procedure: tiny.json
    arrivals: { poisson: { perDay: 5 } }
    receipt: { fixed: 0.1 }
    steps: { register: { duration: { exponential: 2 } }, residence: { duration: { exponential: 3 } } }
variants:
  - name: more police
    stations: { police: { officers: 2 } }
`;
    const scenario = await parseScenario(yaml, 'two.yaml', async () => tiny);
    const base = [0, 1, 2, 3].map((i) => runReplication(scenario.baseline, i));
    const variant = [0, 1, 2, 3].map((i) => runReplication(scenario.variants[0]!.config, i));
    const block = buildReport(scenario.baseline, base).indicators!.decision766;
    expect(block.onTimeRate.n).toBe(4);
    expect(block.onTimeRate.mean).toBeCloseTo(base.reduce((s, r) => s + r.indicators!.onTimeRate!, 0) / 4, 6);
    expect(block.byAgency.map((a) => [a.agency, a.rank])).toEqual([['police', 1]]);
    expect(block.satisfactionRate.halfWidth).toBeGreaterThan(0);
    const c = compare('more police', base, variant).indicators!.decision766;
    expect(c.onTimeRate.difference.n).toBe(4);
    expect(c.onTimeRate.difference.mean).toBeCloseTo(c.onTimeRate.variant - c.onTimeRate.baseline, 5);
    expect(c.byAgency.map((a) => a.agency)).toEqual(['police']);
  });
});
