import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/calendar/date.ts';
import { parseInstant } from '../../src/calendar/instant.ts';
import type { CaseContext } from '../../src/compile/types.ts';
import { dashboardFromCases, dashboardFromReport } from '../../src/report/dashboard.ts';
import type { SimConfig } from '../../src/sim/config.ts';
import type { ProcedureReport, SimReport } from '../../src/sim/report.ts';
import { Driver, agency, applicant, desk } from '../support/drive.ts';
import { simOf } from '../support/sim.ts';
import { tinySpec } from '../support/specs.ts';

const justice = agency('justice');
const police = agency('police');
const tiny = tinySpec();
const other = tinySpec({ id: 'other', title: { vi: 'Khác', en: 'Other' } });

/** Accepted at once, both steps done, result ready at `ready` (tiny: 3 wd in the date mode). */
const resolvedCase = (spec: typeof tiny, received: string, channel: 'online' | 'in-person', steps: [string, string]) =>
  new Driver(spec, { receivedAt: received, channel })
    .send('ACCEPT', received, desk)
    .send('COMPLETE', steps[0], justice, { step: 'register' })
    .send('COMPLETE', steps[1], police, { step: 'residence' });

/**
 * The week of Monday 10 to Sunday 16 March 2025, seen on Thursday 20 March. Each case is named by
 * what it adds to the week's figures.
 */
function week(): CaseContext[] {
  // Received the Friday before, ready on Monday 10 before its due date (end of Wed 12): carried over, early.
  const carriedEarly = resolvedCase(tiny, '2025-03-07T09:00', 'online', ['2025-03-10T10:00', '2025-03-10T11:00']).send('RETURN_RESULT', '2025-03-11T09:00', desk);
  // In person on Monday 10, due at the end of Thursday 13, ready on Friday 14: new, late.
  const newLate = new Driver(tiny, { receivedAt: '2025-03-10T09:00', channel: 'in-person' })
    .send('ACCEPT', '2025-03-10T09:05', desk)
    .send('TRANSFER', '2025-03-10T10:00', desk)
    .send('COMPLETE', '2025-03-12T10:00', justice, { step: 'register' })
    .send('COMPLETE', '2025-03-14T10:00', police, { step: 'residence' });
  // Refused at the desk: new, refusal at receipt.
  const refusedAtDesk = new Driver(tiny, { receivedAt: '2025-03-11T09:00', channel: 'in-person' }).send('REFUSE', '2025-03-11T09:05', desk, { reasons: ['not this commune'] });
  // Papers requested during processing and brought the next day, still open on Monday 17: new, supplement, pending within the limit.
  const supplemented = new Driver(tiny, { receivedAt: '2025-03-12T09:00', channel: 'online' })
    .send('ACCEPT', '2025-03-12T09:00', desk)
    .send('REQUEST_SUPPLEMENT', '2025-03-12T10:00', justice, { step: 'register', missing: ['witness statement'] })
    .send('SUPPLY', '2025-03-13T10:00', applicant);
  // Due at the end of Thursday 13, an apology slip on Wednesday 12, still open: new, apology, pending overdue.
  const apologised = new Driver(tiny, { receivedAt: '2025-03-10T09:30', channel: 'online' })
    .send('ACCEPT', '2025-03-10T09:30', desk)
    .send('APOLOGIZE', '2025-03-12T10:00', justice, { newDue: parseInstant('2025-03-19T17:00'), reason: 'verification' });
  // Incomplete at the desk, then withdrawn: new, supplement at receipt, withdrawal.
  const withdrawn = new Driver(tiny, { receivedAt: '2025-03-12T14:00', channel: 'in-person' })
    .send('REQUEST_COMPLETION', '2025-03-12T14:05', desk, { missing: ['ID card copy'] })
    .send('WITHDRAW', '2025-03-13T09:00', applicant);
  // Received Wednesday 5 (due end of Monday 10), refused by the agency on Friday 14: carried over, refusal in processing, late.
  const refusedLate = new Driver(tiny, { receivedAt: '2025-03-05T09:00', channel: 'online' })
    .send('ACCEPT', '2025-03-05T09:00', desk)
    .send('REFUSE', '2025-03-14T09:00', justice, { step: 'register', reasons: ['forged papers'] });
  // Received Thursday 6 (due end of Tuesday 11), still open: carried over, pending overdue.
  const carriedOverdue = new Driver(tiny, { receivedAt: '2025-03-06T09:00', channel: 'online' }).send('ACCEPT', '2025-03-06T09:00', desk);
  // Done the week before: not in the week's figures.
  const before = resolvedCase(tiny, '2025-03-03T09:00', 'online', ['2025-03-04T10:00', '2025-03-05T10:00']);
  // Received after the week: not in it either.
  const after = new Driver(tiny, { receivedAt: '2025-03-17T09:00', channel: 'online' }).send('ACCEPT', '2025-03-17T09:00', desk);
  // Another procedure, ready on its due date (Thursday 13): new, on time.
  const otherOnTime = resolvedCase(other, '2025-03-10T09:00', 'online', ['2025-03-12T10:00', '2025-03-13T15:00']);
  return [carriedEarly, newLate, refusedAtDesk, supplemented, apologised, withdrawn, refusedLate, carriedOverdue, before, after, otherOnTime].map((d) => d.ctx);
}

const period = { from: parseInstant('2025-03-10T00:00'), to: parseInstant('2025-03-17T00:00'), now: parseInstant('2025-03-20T12:00') };

describe('dashboard figures counted from case records', () => {
  it('counts a week of dossiers as a one-stop office reports them', () => {
    const d = dashboardFromCases(week(), period);
    expect(d.source).toBe('cases');
    expect(d.period).toEqual({ from: '2025-03-10T00:00+07:00', to: '2025-03-17T00:00+07:00' });
    expect(d.procedures.map((p) => [p.id, p.version])).toEqual([
      ['other', '1'],
      ['tiny', '1'],
    ]);
    expect(d.total).toEqual({
      received: { total: 9, carriedOver: 3, new: 6, byChannel: { 'in-person': 3, postal: 0, online: 3 } },
      resolved: { total: 4, early: 1, onTime: 1, late: 2 },
      pending: { total: 3, withinLimit: 1, overdue: 2 },
      supplements: { atReceipt: 1, duringProcessing: 1 },
      refusals: { atReceipt: 1, duringProcessing: 1 },
      withdrawals: 1,
      apologySlips: 1,
      onTimeRate: 0.5,
    });
    const tinyRow = d.procedures.find((p) => p.id === 'tiny')!;
    expect(tinyRow.resolved).toEqual({ total: 3, early: 1, onTime: 0, late: 2 });
    expect(tinyRow.onTimeRate).toBeCloseTo(1 / 3, 12);
  });

  it('every dossier open at the start or received during the period is done in it or pending at its end', () => {
    for (const p of dashboardFromCases(week(), period).procedures) {
      expect(p.received.total).toBe(p.resolved.total + p.refusals.atReceipt + p.withdrawals + p.pending.total);
    }
  });

  it('an event at the start of the period counts in it, one at its end does not', () => {
    const atStart = resolvedCase(tiny, '2025-03-07T09:00', 'online', ['2025-03-07T10:00', '2025-03-10T00:00']).ctx;
    const atEnd = resolvedCase(tiny, '2025-03-14T09:00', 'online', ['2025-03-14T10:00', '2025-03-17T00:00']).ctx;
    const d = dashboardFromCases([atStart, atEnd], period);
    expect(d.total.received).toEqual({ total: 2, carriedOver: 1, new: 1, byChannel: { 'in-person': 0, postal: 0, online: 1 } });
    expect(d.total.resolved.total).toBe(1);
    expect(d.total.pending).toEqual({ total: 1, withinLimit: 1, overdue: 0 });
  });

  it('a period still running ends now: a dossier due later is within the limit', () => {
    const open = new Driver(tiny, { receivedAt: '2025-03-10T09:30', channel: 'online' }).send('ACCEPT', '2025-03-10T09:30', desk).ctx;
    const d = dashboardFromCases([open], { from: parseInstant('2025-03-01T00:00'), to: parseInstant('2025-04-01T00:00'), now: parseInstant('2025-03-13T12:00') });
    expect(d.period.to).toBe('2025-03-13T12:00+07:00');
    expect(d.total.pending).toEqual({ total: 1, withinLimit: 1, overdue: 0 });
    // Due at the end of Thursday 13 (2025-03-14T00:00): at that instant the limit is used up, not passed.
    const atDue = dashboardFromCases([open], { from: parseInstant('2025-03-01T00:00'), to: parseInstant('2025-04-01T00:00'), now: parseInstant('2025-03-14T00:00') });
    expect(atDue.total.pending).toEqual({ total: 1, withinLimit: 1, overdue: 0 });
    const later = dashboardFromCases([open], { from: parseInstant('2025-03-01T00:00'), to: parseInstant('2025-04-01T00:00'), now: parseInstant('2025-03-14T08:00') });
    expect(later.total.pending).toEqual({ total: 1, withinLimit: 0, overdue: 1 });
  });

  it('with nothing resolved the on-time rate is unknown, not 100%', () => {
    const d = dashboardFromCases([], period);
    expect(d.procedures).toEqual([]);
    expect(d.total.onTimeRate).toBeNull();
    expect(d.total.received).toEqual({ total: 0, carriedOver: 0, new: 0, byChannel: { 'in-person': 0, postal: 0, online: 0 } });
  });
});

const est = (mean: number, halfWidth = 0) => ({ mean, halfWidth, n: 2 });
const cycle = { mean: est(2), p50: est(1.5), p90: est(4), p95: est(5), max: est(9) };

function procedureReport(id: string, figures: Partial<Record<'started' | 'returned' | 'refused' | 'refusedAtReceipt' | 'withdrawn' | 'inProgress' | 'pendingOverdue' | 'early' | 'onTime' | 'late' | 'apologies' | 'supplementRequests' | 'completionRequests', number>>): ProcedureReport {
  const f = (k: keyof typeof figures) => est(figures[k] ?? 0);
  return {
    id,
    version: '1',
    started: f('started'),
    finished: est((figures.returned ?? 0) + (figures.refused ?? 0) + (figures.refusedAtReceipt ?? 0) + (figures.withdrawn ?? 0)),
    returned: f('returned'),
    refused: f('refused'),
    refusedAtReceipt: f('refusedAtReceipt'),
    withdrawn: f('withdrawn'),
    inProgress: f('inProgress'),
    pendingOverdue: f('pendingOverdue'),
    early: f('early'),
    onTime: f('onTime'),
    late: f('late'),
    onTimeRate: est(0),
    apologies: f('apologies'),
    supplementRequests: f('supplementRequests'),
    completionRequests: f('completionRequests'),
    cycleWorkingDays: cycle,
    cycleCalendarDays: cycle,
    histogram: { width: 0.05, counts: [1, 2] },
  };
}

function simReport(procedures: readonly ProcedureReport[]): SimReport {
  return {
    scenario: { name: 'Test', seed: 7, replications: 2, start: '2025-01-01', horizonDays: 365, warmupDays: 30, calendar: 'vn', discipline: 'fcfs' },
    procedures,
    stations: [],
    bottleneck: null,
    checks: { conservation: [], little: [] },
    events: 0,
  };
}

describe('dashboard figures of a simulation', () => {
  const report = simReport([
    procedureReport('tiny', { started: 100.5, returned: 90, refused: 2, refusedAtReceipt: 3, withdrawn: 1.5, inProgress: 4, pendingOverdue: 1, early: 60, onTime: 28, late: 4, apologies: 2.5, supplementRequests: 7, completionRequests: 11 }),
    procedureReport('other', { started: 20, returned: 20, early: 10, onTime: 10 }),
  ]);

  it('gives the means per replication of the dossiers received after the warm-up, over the counting window', () => {
    const d = dashboardFromReport(report);
    expect(d.source).toBe('simulation');
    expect(d.period).toEqual({ from: '2025-01-31', to: '2026-01-01' });
    expect(d.procedures[0]).toEqual({
      id: 'tiny',
      version: '1',
      received: { total: 100.5, carriedOver: null, new: 100.5, byChannel: null },
      resolved: { total: 92, early: 60, onTime: 28, late: 4 },
      pending: { total: 4, withinLimit: 3, overdue: 1 },
      supplements: { atReceipt: 11, duringProcessing: 7 },
      refusals: { atReceipt: 3, duringProcessing: 2 },
      withdrawals: 1.5,
      apologySlips: 2.5,
      onTimeRate: 88 / 92,
    });
    expect(d.total.received).toEqual({ total: 120.5, carriedOver: null, new: 120.5, byChannel: null });
    expect(d.total.resolved).toEqual({ total: 112, early: 70, onTime: 38, late: 4 });
    expect(d.total.onTimeRate).toBe(108 / 112);
  });

  it('splits new dossiers by the scenario’s channel mix when the configuration is given', () => {
    const base = simOf(tiny, { seed: 1, perDay: 1, days: 10, officers: 1, supplement: 0, refusal: 0, incomplete: 0, withdrawal: 0, silence: 0, stepMean: 1 });
    const config: SimConfig = {
      ...base,
      start: localDate(2025, 1, 1),
      procedures: [
        { ...base.procedures[0]!, channels: [{ value: 'online', p: 0.25 }, { value: 'in-person', p: 0.75 }] },
        { ...base.procedures[0]!, spec: other, channels: [{ value: 'postal', p: 1 }] },
      ],
    };
    const d = dashboardFromReport(report, config);
    expect(d.procedures[0]!.received.byChannel).toEqual({ 'in-person': 75.375, postal: 0, online: 25.125 });
    expect(d.total.received.byChannel).toEqual({ 'in-person': 75.375, postal: 20, online: 25.125 });
  });
});
