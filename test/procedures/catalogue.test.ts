import { describe, expect, it } from 'vitest';
import { type LocalDate, parseLocalDate } from '../../src/calendar/date.ts';
import { type Instant, MS_PER_DAY, MS_PER_MINUTE, formatInstant, instantAt } from '../../src/calendar/instant.ts';
import { actorOfStep } from '../../src/compile/rules.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import type { Actor, DossierData } from '../../src/compile/types.ts';
import type { Procedure } from '../../src/dsl/builder.ts';
import type { FlowNode, Level, StepNode } from '../../src/dsl/spec.ts';
import { birthRegistration } from '../../procedures/birth-registration.ts';
import { enterpriseRegistration } from '../../procedures/enterprise-registration.ts';
import { householdBusiness2021 } from '../../procedures/household-business-2021.ts';
import { householdBusiness2025 } from '../../procedures/household-business-2025.ts';
import { CATALOGUE } from '../../procedures/index.ts';
import { judicialRecord } from '../../procedures/judicial-record.ts';
import { judicialRecord2025 } from '../../procedures/judicial-record-2025.ts';
import { passport } from '../../procedures/passport.ts';
import { Driver, agency, applicant } from '../support/drive.ts';

const at = (t: number): string => formatInstant(t as Instant);
const key = (p: Procedure): string => `${p.id}@${p.version}`;

/** Every node of a flow, depth first. */
function nodesOf(flow: readonly FlowNode[]): FlowNode[] {
  return flow.flatMap((n): FlowNode[] => {
    switch (n.kind) {
      case 'parallel':
        return [n, ...n.branches.flatMap(nodesOf)];
      case 'branch':
        return [n, ...n.cases.flatMap((c) => nodesOf(c.flow)), ...nodesOf(n.otherwise?.flow ?? [])];
      default:
        return [n];
    }
  });
}

/** Agencies other than the desk that work on, or are consulted about, a dossier. */
function workingAgencies(p: Procedure): string[] {
  const ids = nodesOf(p.flow).flatMap((n) => {
    switch (n.kind) {
      case 'step':
        return [n.agency];
      case 'consult':
        return [n.lead, ...n.consulted];
      case 'excluded':
        return n.party === 'applicant' ? [] : [n.party];
      default:
        return [];
    }
  });
  return [...new Set(ids)].filter((id) => id !== p.receipt.desk);
}

const isLinked = (p: Procedure): boolean => workingAgencies(p).length > 1;

/** The plainest dossier: every boolean false, every enum its first value. */
function plainDossier(p: Procedure): DossierData {
  return Object.fromEntries(
    Object.entries(p.dossier).map(([name, f]) => [name, f.type === 'boolean' ? false : f.type === 'enum' ? f.values[0]! : f.type === 'number' ? 0 : '']),
  );
}

/** The version of a procedure in force on a date: the latest `effectiveFrom` on or before it. */
function inForce(id: string, date: string): Procedure | undefined {
  return CATALOGUE.filter((p) => p.id === id && p.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/**
 * Receives a plain dossier at 08:30 on the first working day from 3 March 2025 (or from the day
 * the procedure takes effect), then lets every party use its whole share: each step is completed
 * one minute before its own due instant, consulted agencies answer one minute before theirs,
 * fixed-length intervals run out, the applicant pays a day later, and the desk returns the result
 * the moment it is ready.
 */
function runOnShares(p: Procedure): Driver {
  const proc = compileProcedure(p);
  const cal = proc.env.calendar;
  // A version that ended before 3 March 2025 (judicial records moved to the police on 1 March)
  // is run from Monday 3 February 2025, the first working day after Tết.
  const from = p.effectiveTo !== undefined && p.effectiveTo < '2025-03-03' ? '2025-02-03' : '2025-03-03';
  let day = Math.max(parseLocalDate(p.effectiveFrom), parseLocalDate(from)) as LocalDate;
  while (!cal.isWorkingDay(day)) day = (day + 1) as LocalDate;
  const received = instantAt(day, 8.5 * 60 * MS_PER_MINUTE);
  const channel = p.receipt.channels[0]!;
  const desk = agency(p.receipt.desk);
  const c = new Driver(proc, { receivedAt: at(received), channel, dossier: plainDossier(p) });
  c.send('ACCEPT', at(received + 10 * MS_PER_MINUTE), desk);
  if (channel !== 'online' && p.receipt.handover === 'transfer') c.send('TRANSFER', at(received + 20 * MS_PER_MINUTE), desk);

  for (let guard = 0; c.status !== 9; guard++) {
    if (guard > 100) throw new Error(`${key(p)} did not finish: status ${c.status}\n${c.slip().join('\n')}`);
    const ctx = c.ctx;
    const moves: { at: number; go: (t: string) => void }[] = [];
    for (const [step, record] of Object.entries(ctx.steps)) {
      if (record.status !== 'active') continue;
      moves.push({ at: record.ledger.due! - MS_PER_MINUTE, go: (t) => c.send('COMPLETE', t, actorOfStep(c.proc.env, step), { step }) });
    }
    for (const [consult, answers] of Object.entries(ctx.answers)) {
      const node = proc.env.nodes.get(consult);
      if (node?.kind !== 'consult') continue;
      for (const a of node.consulted.filter((a) => answers[a] === undefined)) {
        const asked = ctx.timeline.find((e) => e.action === 'consult' && e.step === consult && e.to === a)!;
        moves.push({ at: asked.due! - MS_PER_MINUTE, go: (t) => c.send('ANSWER', t, agency(a), { consult, agree: true }) });
      }
    }
    const count = (action: string, id: string) => ctx.timeline.filter((e) => e.action === action && e.step === id).length;
    for (const node of proc.env.nodes.values()) {
      if (node.kind !== 'excluded' || count('interval-start', node.id) <= count('interval-end', node.id)) continue;
      if (node.lasts !== undefined) {
        const timer = ctx.timers.find((t) => t.id === node.id)!;
        moves.push({ at: timer.at, go: (t) => c.advanceTo(t) });
      } else {
        const party: Actor = node.party === 'applicant' ? applicant : agency(node.party);
        moves.push({ at: ctx.now + MS_PER_DAY, go: (t) => c.send('FINISH_INTERVAL', t, party, { interval: node.id }) });
      }
    }
    const next = moves.sort((a, b) => a.at - b.at)[0];
    if (next === undefined) throw new Error(`${key(p)} is stuck: status ${c.status}\n${c.slip().join('\n')}`);
    next.go(at(Math.max(next.at, ctx.now)));
  }
  return c.send('RETURN_RESULT', at(c.ctx.readyAt!), desk);
}

describe('the catalogue', () => {
  it('has at least 14 procedures, each in its three-level version and its post-reform version, each id and version once', () => {
    expect(new Set(CATALOGUE.map((p) => p.id)).size).toBeGreaterThanOrEqual(14);
    expect(CATALOGUE.map(key)).toEqual([
      'birth-registration@2016.1',
      'birth-registration@2025.1',
      'marriage-registration@2016.1',
      'marriage-registration@2025.1',
      'death-registration@2016.1',
      'death-registration@2025.1',
      'permanent-residence@2021.1',
      'permanent-residence@2025.1',
      'temporary-residence@2021.1',
      'temporary-residence@2025.1',
      'birth-residence-insurance@2024.1',
      'birth-residence-insurance@2025.1',
      'death-residence-funeral@2024.1',
      'death-residence-funeral@2025.1',
      'household-business-registration@2021.1',
      'household-business-registration@2025.1',
      'construction-permit-house@2021.1',
      'construction-permit-house@2025.1',
      'land-use-right-first@2024.1',
      'land-use-right-first@2025.1',
      'enterprise-registration@2021.1',
      'enterprise-registration@2025.1',
      'investment-registration@2021.1',
      'investment-registration@2025.1',
      'judicial-record@2010.1',
      'judicial-record@2025.1',
      'passport@2020.1',
      'passport@2025.1',
    ]);
    expect(new Set(CATALOGUE.map(key)).size).toBe(CATALOGUE.length);
  });

  it('covers the commune, district and province levels, with district procedures ending on 30 June 2025 and none after', () => {
    const byLevel = (level: Level) => CATALOGUE.filter((p) => p.level === level).map(key);
    expect(byLevel('commune')).toHaveLength(17);
    expect(byLevel('district')).toEqual(['household-business-registration@2021.1', 'construction-permit-house@2021.1', 'land-use-right-first@2024.1']);
    expect(byLevel('province')).toEqual([
      'enterprise-registration@2021.1',
      'enterprise-registration@2025.1',
      'investment-registration@2021.1',
      'investment-registration@2025.1',
      'judicial-record@2010.1',
      'judicial-record@2025.1',
      'passport@2020.1',
      'passport@2025.1',
    ]);
    for (const p of CATALOGUE.filter((p) => p.level === 'district')) expect(p.effectiveTo, key(p)).toBe('2025-06-30');
    // No version open after the reform routes a dossier to a district agency.
    for (const p of CATALOGUE.filter((p) => p.effectiveTo === undefined)) {
      expect(Object.values(p.agencies).map((a) => a.level), key(p)).not.toContain('district');
    }
  });

  it('has at least four liên thông procedures, where more than one agency besides the desk works', () => {
    const linked = CATALOGUE.filter(isLinked);
    expect(linked.length).toBeGreaterThanOrEqual(4);
    expect(linked.map(key)).toEqual([
      'birth-residence-insurance@2024.1',
      'birth-residence-insurance@2025.1',
      'death-residence-funeral@2024.1',
      'death-residence-funeral@2025.1',
      'construction-permit-house@2021.1',
      'construction-permit-house@2025.1',
      'land-use-right-first@2024.1',
      'land-use-right-first@2025.1',
      'enterprise-registration@2021.1',
      'enterprise-registration@2025.1',
      'investment-registration@2021.1',
      'investment-registration@2025.1',
      'judicial-record@2010.1',
    ]);
    expect(workingAgencies(CATALOGUE.find((p) => p.id === 'death-residence-funeral')!)).toEqual(['justice', 'police', 'insurance']);
    expect(workingAgencies(judicialRecord)).toEqual(['justice', 'police']);
    // Since the police took judicial records over, one agency does the whole work.
    expect(workingAgencies(judicialRecord2025)).toEqual(['police']);
  });

  it('gives every procedure a Vietnamese and an English title and at least one legal reference', () => {
    for (const p of CATALOGUE) {
      expect(p.title.vi.length, key(p)).toBeGreaterThan(0);
      expect(p.title.en.length, key(p)).toBeGreaterThan(0);
      expect(p.legal.length, key(p)).toBeGreaterThan(0);
    }
  });

  it.each(CATALOGUE.map((p) => [key(p), p] as const))('compiles %s', (_, p) => {
    expect(compileProcedure(p).machine).toBeDefined();
  });

  // Received at 08:30 on Monday 3 March 2025 (the household business version of 2025 on Tuesday
  // 1 July 2025, its first day), every party using its whole share. Due and ready instants worked
  // out by hand: the date mode counts from Tuesday 4 March; shares run in working hours from the
  // transfer at 08:50 (office hours 08:00–12:00, 13:00–17:00). Monday 7 April is Hùng Kings day.
  const onShares: Record<string, { due: string; ready: string; classification: 'early' | 'on-time' }> = {
    // Same day: the close of office hours on Monday 3 March; the officer takes 1 hour, the chairman
    // 1 hour; finished on the due date itself, so on time, not early.
    // The civil-status officer takes the dossier at once (handover immediate): from 08:40.
    'birth-registration@2016.1': { due: '2025-03-03T17:00+07:00', ready: '2025-03-03T10:38+07:00', classification: 'on-time' },
    'birth-registration@2025.1': { due: '2025-07-01T17:00+07:00', ready: '2025-07-01T10:38+07:00', classification: 'on-time' },
    'marriage-registration@2016.1': { due: '2025-03-03T17:00+07:00', ready: '2025-03-03T10:38+07:00', classification: 'on-time' },
    'marriage-registration@2025.1': { due: '2025-07-01T17:00+07:00', ready: '2025-07-01T10:38+07:00', classification: 'on-time' },
    'death-registration@2016.1': { due: '2025-03-03T17:00+07:00', ready: '2025-03-03T10:38+07:00', classification: 'on-time' },
    'death-registration@2025.1': { due: '2025-07-01T17:00+07:00', ready: '2025-07-01T10:38+07:00', classification: 'on-time' },
    // 7 wd: the end of Wednesday 12 March; 4 wd + 2 wd of shares end on Tuesday 11 March.
    'permanent-residence@2021.1': { due: '2025-03-13T00:00+07:00', ready: '2025-03-11T08:48+07:00', classification: 'early' },
    'permanent-residence@2025.1': { due: '2025-07-11T00:00+07:00', ready: '2025-07-09T08:48+07:00', classification: 'early' },
    // 3 wd: the end of Thursday 6 March; 2 wd + 4 hours end on Wednesday 5 March after lunch.
    'temporary-residence@2021.1': { due: '2025-03-07T00:00+07:00', ready: '2025-03-05T13:48+07:00', classification: 'early' },
    'temporary-residence@2025.1': { due: '2025-07-05T00:00+07:00', ready: '2025-07-03T13:48+07:00', classification: 'early' },
    // 5 wd; 1 wd, then police and social insurance 2 wd in parallel.
    'birth-residence-insurance@2024.1': { due: '2025-03-11T00:00+07:00', ready: '2025-03-06T08:48+07:00', classification: 'early' },
    // Online only, from Tuesday 1 July 2025: 3 wd end on Friday 4 July; the birth 1 wd from the
    // acceptance at 08:40, then 2 wd in parallel: finished that Friday morning, the due date itself.
    'birth-residence-insurance@2025.1': { due: '2025-07-05T00:00+07:00', ready: '2025-07-04T08:38+07:00', classification: 'on-time' },
    // 7 wd; 1 wd, then the longest parallel branch, social insurance, 5 wd.
    'death-residence-funeral@2024.1': { due: '2025-03-13T00:00+07:00', ready: '2025-03-11T08:48+07:00', classification: 'early' },
    'death-residence-funeral@2025.1': { due: '2025-07-11T00:00+07:00', ready: '2025-07-09T08:48+07:00', classification: 'early' },
    'household-business-registration@2021.1': { due: '2025-03-07T00:00+07:00', ready: '2025-03-05T13:47+07:00', classification: 'early' },
    // Tuesday 1 July 2025: 3 wd end on Friday 4 July; 4 hours + 2 hours of shares end that afternoon.
    'household-business-registration@2025.1': { due: '2025-07-05T00:00+07:00', ready: '2025-07-01T15:48+07:00', classification: 'early' },
    // 15 days: Tuesday 18 March. Appraisal 2 wd to Wednesday 5, opinions 8 days to Thursday 13, signature 2 wd to Monday 17.
    'construction-permit-house@2021.1': { due: '2025-03-19T00:00+07:00', ready: '2025-03-17T08:47+07:00', classification: 'early' },
    // From Tuesday 1 July: 15 days end on Wednesday 16 July; the same shares as before.
    'construction-permit-house@2025.1': { due: '2025-07-17T00:00+07:00', ready: '2025-07-15T08:47+07:00', classification: 'early' },
    // 5 wd verification to Monday 10 March; 15 days' posting excluded to Tuesday 25 March; check 7 wd
    // to Thursday 3 April; tax 3 wd (skipping 7 April) to Wednesday 9; payment excluded until
    // Thursday 10; signature 3 wd to Tuesday 15. Used 5 + 10 wd, the last 5 from Friday 11 April.
    'land-use-right-first@2024.1': { due: '2025-04-18T00:00+07:00', ready: '2025-04-15T08:46+07:00', classification: 'early' },
    'land-use-right-first@2025.1': { due: '2025-08-15T00:00+07:00', ready: '2025-08-12T08:46+07:00', classification: 'early' },
    // 3 wd; 1 wd + 0.5 wd + 1 wd end on Wednesday 5 March after lunch.
    'enterprise-registration@2021.1': { due: '2025-03-07T00:00+07:00', ready: '2025-03-05T13:47+07:00', classification: 'early' },
    'enterprise-registration@2025.1': { due: '2025-07-05T00:00+07:00', ready: '2025-07-03T13:47+07:00', classification: 'early' },
    // 15 days: Tuesday 18 March. Examination 2 wd, opinions 7 days, issue 2 wd.
    'investment-registration@2021.1': { due: '2025-03-19T00:00+07:00', ready: '2025-03-14T08:47+07:00', classification: 'early' },
    'investment-registration@2025.1': { due: '2025-07-17T00:00+07:00', ready: '2025-07-14T08:47+07:00', classification: 'early' },
    // The Department of Justice, until 28 February: from Monday 3 February, 10 days to Thursday 13
    // February; 1 + 3 + 1 wd end on Monday 10 February.
    'judicial-record@2010.1': { due: '2025-02-14T00:00+07:00', ready: '2025-02-10T08:47+07:00', classification: 'early' },
    // The police from Monday 3 March: 10 days to Thursday 13 March; 3 + 1 wd end on Friday 7 March.
    'judicial-record@2025.1': { due: '2025-03-14T00:00+07:00', ready: '2025-03-07T08:48+07:00', classification: 'early' },
    // 8 wd: Thursday 13 March. 2 + 2 + 3 wd.
    'passport@2020.1': { due: '2025-03-14T00:00+07:00', ready: '2025-03-12T08:47+07:00', classification: 'early' },
    // From Tuesday 1 July: 8 wd end on Friday 11 July; 2 + 2 + 3 wd end on Thursday 10 July.
    'passport@2025.1': { due: '2025-07-12T00:00+07:00', ready: '2025-07-10T08:47+07:00', classification: 'early' },
  };

  it.each(CATALOGUE.map((p) => [key(p), p] as const))('returns %s in time when every party uses its whole share', (k, p) => {
    const c = runOnShares(p);
    const outcome = c.snapshot.context.outcome!;
    const expected = onShares[k]!;
    if (process.env.PRINT_SHARES) console.log(`'${k}': { due: '${formatInstant(outcome.timings.due!)}', ready: '${formatInstant(outcome.timings.readyAt!)}', classification: '${outcome.classification}' },`);
    expect(outcome.kind).toBe('returned');
    expect(formatInstant(outcome.timings.due!)).toBe(expected.due);
    expect(formatInstant(outcome.timings.readyAt!)).toBe(expected.ready);
    expect(outcome.classification).toBe(expected.classification);
  });
});

describe('household business registration before and after the 2025 reform', () => {
  const shares = (p: Procedure) => nodesOf(p.flow).filter((n): n is StepNode => n.kind === 'step').map((s) => [s.id, s.share]);

  it('is one procedure in two versions, each from its own date', () => {
    expect([householdBusiness2021.id, householdBusiness2021.version, householdBusiness2021.effectiveFrom]).toEqual(['household-business-registration', '2021.1', '2021-01-04']);
    expect([householdBusiness2025.id, householdBusiness2025.version, householdBusiness2025.effectiveFrom]).toEqual(['household-business-registration', '2025.1', '2025-07-01']);
    expect(inForce('household-business-registration', '2025-06-30')?.version).toBe('2021.1');
    expect(inForce('household-business-registration', '2025-07-01')?.version).toBe('2025.1');
    expect(inForce('household-business-registration', '2020-12-31')).toBeUndefined();
  });

  it('moves from the district to the commune, drops the review, shortens the shares and opens the online channel', () => {
    expect([householdBusiness2021.level, householdBusiness2025.level]).toEqual(['district', 'commune']);
    expect(Object.values(householdBusiness2025.agencies).map((a) => a.level)).toEqual(['commune', 'commune']);
    expect(shares(householdBusiness2021)).toEqual([
      ['examine', '1wd'],
      ['review', '1wd'],
      ['issue', '0.5wd'],
    ]);
    expect(shares(householdBusiness2025)).toEqual([
      ['examine', '0.5wd'],
      ['issue', '0.25wd'],
    ]);
    expect(householdBusiness2021.receipt.channels).toEqual(['in-person']);
    expect(householdBusiness2025.receipt.channels).toEqual(['in-person', 'online']);
    // The statutory limit itself is unchanged.
    expect([householdBusiness2021.limit.duration, householdBusiness2025.limit.duration]).toEqual(['3wd', '3wd']);
  });

  it('refuses an online dossier under the 2021 version and accepts it under the 2025 one', () => {
    expect(() => new Driver(householdBusiness2021, { receivedAt: '2025-06-30T09:00', channel: 'online' })).toThrow('channel "online" is not offered');
    const c = new Driver(householdBusiness2025, { receivedAt: '2025-07-01T09:00', channel: 'online' }).send('ACCEPT', '2025-07-01T09:05', agency('desk'));
    expect(c.due).toBe('2025-07-05T00:00+07:00');
  });
});

describe('worked examples', () => {
  const desk = agency('desk');

  it('A passport application received on Friday 24 January 2025 is due at the end of Wednesday 12 February, because of Tết', () => {
    // Offices close from Saturday 25 January to Sunday 2 February. The 8 working days are
    // 3, 4, 5, 6, 7, 10, 11 and 12 February.
    const c = new Driver(passport, { receivedAt: '2025-01-24T09:00', channel: 'in-person' }).send('ACCEPT', '2025-01-24T09:10', desk);
    expect(c.due).toBe('2025-02-13T00:00+07:00');
  });

  it('A birth registered on Friday 24 January 2025 at 10:00 is due that day; received at 15:30, after the cut-off, it is due on Monday 3 February because of Tết', () => {
    const morning = new Driver(birthRegistration, { receivedAt: '2025-01-24T10:00', channel: 'online', dossier: { needsVerification: false } }).send('ACCEPT', '2025-01-24T10:00', desk);
    expect(morning.due).toBe('2025-01-24T17:00+07:00');
    const late = new Driver(birthRegistration, { receivedAt: '2025-01-24T15:30', channel: 'online', dossier: { needsVerification: false } }).send('ACCEPT', '2025-01-24T15:30', desk);
    expect(late.due).toBe('2025-02-03T17:00+07:00');
  });

  it('A judicial record certificate requested on Monday 21 April 2025 is due on Monday 5 May; a complex one only a day later, on Tuesday 6 May', () => {
    // 10 days end on Thursday 1 May, Labour Day; 2 May is swapped for Saturday 26 April, then
    // comes a weekend, so the period ends with Monday 5 May (Civil Code Art. 148). 15 days end on
    // Tuesday 6 May, a working day.
    // Since 1 March 2025 the police issue it: version 2025.1.
    const simple = new Driver(judicialRecord2025, { receivedAt: '2025-04-21T09:00', channel: 'online', dossier: { complex: false } }).send('ACCEPT', '2025-04-21T09:00', desk);
    expect(simple.due).toBe('2025-05-06T00:00+07:00');
    const complex = new Driver(judicialRecord2025, { receivedAt: '2025-04-21T09:00', channel: 'online', dossier: { complex: true } }).send('ACCEPT', '2025-04-21T09:00', desk);
    expect(complex.due).toBe('2025-05-07T00:00+07:00');
  });

  it('An enterprise registration sent back for amendment on Tuesday 4 March 2025 and resubmitted on Monday 10 March gets 3 full working days again, to Thursday 13 March', () => {
    const c = new Driver(enterpriseRegistration, { receivedAt: '2025-03-03T09:00', channel: 'online' }).send('ACCEPT', '2025-03-03T09:00', desk);
    expect(c.due).toBe('2025-03-07T00:00+07:00');
    c.send('REQUEST_SUPPLEMENT', '2025-03-04T10:00', agency('registration'), { step: 'examine', missing: ['charter signed by every founding member'] });
    expect(c.due).toBeNull();
    // Restart, not pause: a pause would have kept the day already used and ended on Wednesday 12 March.
    c.send('SUPPLY', '2025-03-10T09:00', applicant);
    expect(c.due).toBe('2025-03-14T00:00+07:00');
  });
});
