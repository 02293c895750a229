import { describe, expect, it } from 'vitest';
import { decision766 } from '../../src/indicators/decision766.ts';
import { competentAgency, procedureFacts, recordsFromCases } from '../../src/indicators/from-cases.ts';
import { dashboardFromCases } from '../../src/report/dashboard.ts';
import { complaintsOfWeek, handBuilt, other, tiny, week } from './cases.ts';

const facts = (id: string) => procedureFacts(id === 'other' ? other : tiny);

const cases = handBuilt();

function indicators(options: Partial<Parameters<typeof decision766>[1]> = {}) {
  const complaints = complaintsOfWeek(cases.complained.code);
  const records = recordsFromCases(Object.values(cases), facts, complaints.byDossier);
  return decision766(records, { ...week, complaints: complaints.records, ...options });
}

describe('Decision 766 indicators from hand-built cases', () => {
  it('counts each dossier handled in the week once, as ended on time, pending within the limit or late', () => {
    const d = indicators();
    // handled: early, onTimeUnhappy, lateUnhappy, refused, withdrawn, pendingWithin, pendingPast, twoSupplements, complained, otherPending.
    expect(d.handled).toBe(10);
    // early, onTimeUnhappy, refused, withdrawn, complained.
    expect(d.resolvedOnTime).toBe(5);
    // pendingWithin, otherPending.
    expect(d.withinLimit).toBe(2);
    // lateUnhappy and twoSupplements ended late; pendingPast is open past its due date.
    expect(d.late).toBe(3);
    expect(d.lateDetail).toEqual({ ended: 2, pendingOverdue: 1, tooManySupplements: 1 });
    expect(d.ended).toEqual({ resolved: 5, refused: 1, refusedAtReceipt: 0, stopped: 0, withdrawn: 1 });
    expect(d.onTimeRate).toBe((5 + 2) / 10);
  });

  it('takes late, "not satisfied" and complained-about dossiers off the satisfaction rate once each', () => {
    const d = indicators();
    expect(d.ratings).toEqual({ verySatisfied: 1, satisfied: 0, notSatisfied: 2 });
    expect(d.withComplaint).toBe(1);
    // onTimeUnhappy, lateUnhappy (rated), complained (complaint).
    expect(d.dissatisfied).toBe(3);
    // late: lateUnhappy, twoSupplements, pendingPast; plus onTimeUnhappy and complained: lateUnhappy once.
    expect(d.lateOrDissatisfied).toBe(5);
    expect(d.satisfactionRate).toBe(1 - 5 / 10);
    expect(d.definitions.satisfactionRate).toBe('decision-766-union');
  });

  it('adds the late rate and the dissatisfied rate when asked for the summed formula', () => {
    const d = indicators({ satisfaction: 'sum' });
    expect(d.satisfactionRate).toBeCloseTo(1 - (3 / 10 + 3 / 10), 12);
    expect(d.definitions.satisfactionRate).toBe('decision-766-sum');
  });

  it('counts a dossier refused at the desk only when told to, as ended on time', () => {
    const d = indicators({ refusedAtReceipt: 'include' });
    expect([d.handled, d.resolvedOnTime, d.ended.refusedAtReceipt]).toEqual([11, 6, 1]);
    expect(d.onTimeRate).toBe(8 / 11);
  });

  it('lets two supplement requests pass when the allowance is raised', () => {
    const d = indicators({ maxSupplementRequests: 2 });
    expect([d.resolvedOnTime, d.late, d.lateDetail.tooManySupplements]).toEqual([6, 2, 0]);
  });

  it('rates complaints on time and satisfaction, each complaint held against once', () => {
    const d = indicators();
    expect(d.complaints).toEqual({ total: 3, answeredOnTime: 1, late: 2, notSatisfied: 1, lateOrNotSatisfied: 2, onTimeRate: 1 / 3, satisfactionRate: 1 - 2 / 3 });
    // Only PA-1 is about a dossier (`complained`, of procedure other): it also counts for that
    // procedure and its level; the level's points then hold it like the agency's do.
    expect(d.byProcedure.map((p) => [p.procedure, p.complaints.total, p.complaints.answeredOnTime])).toEqual([
      ['other', 1, 1],
      ['tiny', 0, 0],
    ]);
    expect(d.byLevel.map((l) => [l.level, l.complaints.total])).toEqual([['commune', 1]]);
  });

  it('gives points as rate × maximum and ranks the agencies by them', () => {
    const d = indicators();
    expect(d.points.onTime).toBeCloseTo(0.7 * 20, 12);
    expect(d.points.dossierSatisfaction).toBeCloseTo(0.5 * 6, 12);
    expect(d.points.complaintOnTime).toBeCloseTo(6 / 3, 12);
    expect(d.points.complaintSatisfaction).toBeCloseTo(6 / 3, 12);
    expect(d.points.total).toBeCloseTo(14 + 3 + 2 + 2, 12);
    expect(d.points.of).toBe(38);
    const rows = d.byAgency.map((a) => ({ agency: a.agency, rank: a.rank, handled: a.handled, onTimeRate: a.onTimeRate, satisfactionRate: a.satisfactionRate, points: a.points.total }));
    expect(rows).toEqual([
      // complained, otherPending; complaint PA-1 answered on time: full complaint points.
      { agency: 'justice', rank: 1, handled: 2, onTimeRate: 1, satisfactionRate: 0.5, points: 20 + 3 + 6 + 6 },
      // 5 of 8 on time; late or dissatisfied: lateUnhappy, twoSupplements, pendingPast, onTimeUnhappy; PA-2 late.
      { agency: 'police', rank: 2, handled: 8, onTimeRate: 5 / 8, satisfactionRate: 0.5, points: 12.5 + 3 + 0 + 0 },
    ]);
  });

  it('groups by procedure and level with the same figures', () => {
    const d = indicators();
    expect(d.byProcedure.map((p) => [p.procedure, p.handled, p.onTimeRate])).toEqual([
      ['other', 2, 1],
      ['tiny', 8, 5 / 8],
    ]);
    expect(d.byLevel.map((l) => [l.level, l.handled, l.late])).toEqual([['commune', 10, 3]]);
    expect(d.notComputable.map((g) => g.group)).toEqual(['publicity', 'online', 'digitisation']);
  });

  it("keeps motcua's own early / on-time / late split beside them, equal to the one-stop dashboard's", () => {
    const d = indicators();
    const { total, ...split } = dashboardFromCases(Object.values(cases), week).total.resolved;
    expect(d.oneStop).toEqual({ ...split, resolved: total, onTimeRate: 5 / 6 });
    // early, refused (early), twoSupplements; onTimeUnhappy, complained; lateUnhappy.
    expect(d.oneStop).toMatchObject({ resolved: 6, early: 3, onTime: 2, late: 1 });
    expect(d.definitions.oneStop).toBe('motcua-one-stop');
  });

  it('sees nothing after the end of the period', () => {
    // Seen on Wednesday 12 at noon: lateUnhappy and onTimeUnhappy are still open and within the limit.
    const d = indicators({ now: week.from + 2 * 86_400_000 + 12 * 3_600_000 as typeof week.now });
    expect(d.period.to).toBe('2025-03-12T12:00+07:00');
    expect(d.ratings).toEqual({ verySatisfied: 1, satisfied: 0, notSatisfied: 0 });
    expect(d.withComplaint).toBe(0);
  });

  it('attributes a procedure to the agency of its last step', () => {
    expect([competentAgency(tiny), competentAgency(other)]).toEqual(['police', 'justice']);
  });
});

describe('indicator records of engine cases', () => {
  it('keep the rating with its comment, the supplement requests and the end of handling', () => {
    const [record] = recordsFromCases([cases.onTimeUnhappy], facts);
    expect(record).toMatchObject({ procedure: 'tiny', agency: 'police', level: 'commune', supplementRequests: [], end: { kind: 'resolved', classification: 'on-time' } });
    expect(record!.rating).toMatchObject({ value: 'not-satisfied', comment: 'had to come back twice' });
  });
});
