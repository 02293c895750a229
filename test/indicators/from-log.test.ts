import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../src/calendar/instant.ts';
import type { CaseContext } from '../../src/compile/types.ts';
import { type LogTrace, type LogWriter, csvLogWriter, slipEvents } from '../../src/export/event-log.ts';
import { xesLogWriter } from '../../src/export/xes-log.ts';
import { decision766 } from '../../src/indicators/decision766.ts';
import { procedureFacts, recordsFromCases } from '../../src/indicators/from-cases.ts';
import { recordsFromLog } from '../../src/indicators/from-log.ts';
import { readLog } from '../../src/mining/read-log.ts';
import { tempDir } from '../engine/support.ts';
import { runCli } from '../support/cli.ts';
import { MS_PER_DAY, instantAt } from '../../src/calendar/instant.ts';
import type { LocalDate } from '../../src/calendar/date.ts';
import { caseLogHooks } from '../../src/sim/case-log.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { simOf } from '../support/sim.ts';
import { complaintsOfWeek, handBuilt, other, tiny, week } from './cases.ts';

const cases = handBuilt();
// The pure API numbers every case alike: the traces are named by their script instead.
const complaints = complaintsOfWeek('complained');

/** A case as the engine's log export writes it (`caseTrace`). */
const traceOf = (id: string, c: CaseContext): LogTrace => ({ id, procedure: c.procedure.id, channel: c.channel, outcome: c.outcome?.kind ?? 'in-progress', ...(c.rating === null ? {} : { rating: c.rating }), events: slipEvents(c.timeline) });

/** The hand-built cases written as a log by the project's writer, then read back by the mining reader. */
async function logOf(writer: LogWriter, file: string) {
  const text = [writer.head(), ...Object.entries(cases).map(([id, c]) => writer.trace(traceOf(id, c))), writer.tail()].join('');
  return readLog([text], file);
}

describe('Decision 766 indicators from an imported event log', () => {
  it('give the hand-built week exactly, from the CSV the project writes', async () => {
    const { records, skipped } = recordsFromLog(await logOf(csvLogWriter(), 'week.csv'), { procedures: [tiny, other], complaints: complaints.byDossier });
    expect(skipped).toEqual([]);
    const d = decision766(records, { ...week, complaints: complaints.records });
    // The same figures as from the cases themselves (decision766.test.ts): 10 handled, 5 ended on
    // time, 2 pending within the limit, 3 late (lateUnhappy, twoSupplements, pendingPast).
    expect([d.handled, d.resolvedOnTime, d.withinLimit, d.late]).toEqual([10, 5, 2, 3]);
    expect(d.lateDetail).toEqual({ ended: 2, pendingOverdue: 1, tooManySupplements: 1 });
    expect(d.ended).toEqual({ resolved: 5, refused: 1, refusedAtReceipt: 0, stopped: 0, withdrawn: 1 });
    expect(d.onTimeRate).toBe(7 / 10);
    // Late or dissatisfied: lateUnhappy, twoSupplements, pendingPast, onTimeUnhappy, complained: 5 of 10.
    expect(d.ratings).toEqual({ verySatisfied: 1, satisfied: 0, notSatisfied: 2 });
    expect(d.satisfactionRate).toBe(0.5);
    expect(d.oneStop).toMatchObject({ resolved: 6, early: 3, onTime: 2, late: 1 });
    expect(d.byAgency.map((a) => [a.agency, a.rank, a.handled, a.onTimeRate, a.satisfactionRate])).toEqual([
      ['justice', 1, 2, 1, 0.5],
      ['police', 2, 8, 5 / 8, 0.5],
    ]);
  });

  it('replay each trace on the statutory clock to the due instant the engine computed', async () => {
    const { records } = recordsFromLog(await logOf(csvLogWriter(), 'week.csv'), { procedures: [tiny, other], complaints: complaints.byDossier });
    const named = Object.entries(cases).map(([id, c]) => ({ ...c, code: id }));
    const fromCases = recordsFromCases(named, (id) => procedureFacts(id === 'other' ? other : tiny), complaints.byDossier);
    // Every field but the rating's comment (a log has none) and the rating's instant where the case kept its own.
    const strip = (r: (typeof records)[number]) => ({ ...r, rating: r.rating === null ? null : r.rating.value });
    expect(records.map(strip)).toEqual(fromCases.map(strip));
    // twoSupplements: accepted Monday 10 at 09:00, due at the end of Thursday 13. Each pause
    // (10:00–14:00 on the 10th, on the 11th) opens and closes within a day, which in the date mode
    // counts as used: the due date stays, and the dossier is late only for its second request.
    const two = records.find((r) => r.id === 'twoSupplements')!;
    expect([formatInstant(two.due!), two.supplementRequests.map(formatInstant)]).toEqual(['2025-03-14T00:00+07:00', ['2025-03-10T10:00+07:00', '2025-03-11T10:00+07:00']]);
    expect(records.find((r) => r.id === 'refusedAtDesk')!.end).toEqual({ kind: 'refused-at-receipt', at: parseInstant('2025-03-11T09:05'), classification: null });
  });

  it('read the same records from the XES the project writes', async () => {
    const csv = recordsFromLog(await logOf(csvLogWriter(), 'week.csv'), { procedures: [tiny, other] });
    const xes = recordsFromLog(await logOf(xesLogWriter('week'), 'week.xes'), { procedures: [tiny, other] });
    expect(xes).toEqual(csv);
  });

  it('skip traces of procedures not given, and take the procedure of a log that names none', async () => {
    const log = await readLog(
      [
        'case:concept:name,concept:name,time:timestamp,lifecycle:transition,case:rating\n',
        'A,receipt,2025-03-10T09:00:00+07:00,complete,not-satisfied\n',
        'A,result ready,2025-03-14T10:00:00+07:00,complete,not-satisfied\n',
        'A,rating,2025-03-14T11:00:00+07:00,complete,not-satisfied\n',
        'B,Tiếp nhận,2025-03-14T09:00:00+07:00,complete,\n',
        'B,complaint,2025-03-14T10:00:00+07:00,complete,\n',
      ],
      'plain.csv',
    );
    expect(recordsFromLog(log, { procedures: [other] }).skipped).toEqual([
      { trace: 'A', reason: 'no case:procedure attribute (give the procedure of the log)' },
      { trace: 'B', reason: 'no case:procedure attribute (give the procedure of the log)' },
    ]);
    expect(recordsFromLog(log, { procedures: [other], procedure: 'tiny' }).skipped.map((s) => s.reason)).toEqual(['procedure "tiny" is not among the procedures given', 'procedure "tiny" is not among the procedures given']);
    // A: ready Friday 14, after its due date (end of Thursday 13), rated not satisfied. B: received
    // under a Vietnamese name the mapping renames, complained about, still open and within its limit.
    const { records } = recordsFromLog(log, { procedures: [tiny], procedure: 'tiny', activities: { 'Tiếp nhận': 'receipt' } });
    const d = decision766(records, week);
    expect([d.handled, d.resolvedOnTime, d.withinLimit, d.late, d.withComplaint, d.ratings.notSatisfied, d.satisfactionRate]).toEqual([2, 0, 1, 1, 1, 1, 0]);
    expect(records.map((r) => [r.id, r.end?.classification ?? null, r.rating?.at === undefined ? null : formatInstant(r.rating.at)])).toEqual([
      ['A', 'late', '2025-03-14T11:00+07:00'],
      ['B', null, null],
    ]);
  });

  it("leave the applicant's supplement time out of the limit: a pause over days moves the due date", async () => {
    const log = await readLog(
      [
        'case:concept:name,concept:name,time:timestamp,case:procedure\n',
        'C,receipt,2025-03-10T09:00:00+07:00,tiny\n',
        'C,supplement requested,2025-03-11T10:00:00+07:00,tiny\n',
        'C,supplement papers received,2025-03-17T09:00:00+07:00,tiny\n',
        'C,result ready,2025-03-18T10:00:00+07:00,tiny\n',
      ],
      'paused.csv',
    );
    const [c] = recordsFromLog(log, { procedures: [tiny] }).records;
    // 3 working days from Monday 10 (not counted): Tuesday 11 is used when the papers are asked
    // for; counting resumes the day after they arrive (Monday 17): Tuesday 18 and Wednesday 19.
    expect(formatInstant(c!.due!)).toBe('2025-03-20T00:00+07:00');
    expect(c!.end).toEqual({ kind: 'resolved', at: parseInstant('2025-03-18T10:00'), classification: 'early' });
    const d = decision766([c!], { from: week.from, to: parseInstant('2025-03-24T00:00'), now: parseInstant('2025-03-24T00:00') });
    expect([d.handled, d.resolvedOnTime, d.late, d.onTimeRate]).toEqual([1, 1, 0, 1]);
  });
});

describe("a simulation's event log", () => {
  it('gives the indicators the simulation gave itself, ratings and complaints included', async () => {
    const feedback = {
      rating: { 'on-time': { 'very-satisfied': 0.3, satisfied: 0.3, 'not-satisfied': 0.1 }, late: { 'very-satisfied': 0, satisfied: 0.2, 'not-satisfied': 0.6 }, refused: { 'very-satisfied': 0, satisfied: 0, 'not-satisfied': 0.5 }, withdrawn: { 'very-satisfied': 0, satisfied: 0, 'not-satisfied': 0 } },
      complaint: { 'on-time': 0.02, late: 0.2, refused: 0.3, withdrawn: 0 },
    };
    const config = { ...simOf(tiny, { seed: 5, perDay: 4, days: 30, officers: 3, supplement: 0.3, refusal: 0.05, incomplete: 0.1, withdrawal: 0.05, silence: 0, stepMean: 3 }), warmupDays: 0, feedback };
    const traces: LogTrace[] = [];
    const log = caseLogHooks(0, (t) => traces.push(t));
    const run = runReplication(config, 0, log.hooks);
    log.flush();
    const w = csvLogWriter();
    const { records, skipped } = recordsFromLog(await readLog([w.head(), ...traces.map(w.trace), w.tail()], 'sim.csv'), { procedures: [tiny] });
    expect(skipped).toEqual([]);
    const own = run.indicators!;
    const from = instantAt(config.start as LocalDate);
    const to = Math.max(...traces.flatMap((t) => t.events.map((e) => e.at))) + 1;
    const d = decision766(records, { from, to: Math.max(to, from + MS_PER_DAY) as typeof from, now: Math.max(to, from + MS_PER_DAY) as typeof from });
    const pick = (x: typeof d) => ({ handled: x.handled, resolvedOnTime: x.resolvedOnTime, withinLimit: x.withinLimit, late: x.late, ended: x.ended, ratings: x.ratings, withComplaint: x.withComplaint, satisfactionRate: x.satisfactionRate, oneStop: x.oneStop });
    expect(pick(d)).toEqual(pick(own));
    // Not a vacuous agreement: the run has ratings, complaints and late dossiers.
    expect([own.ratings.notSatisfied > 0, own.withComplaint > 0, own.late > 0]).toEqual([true, true, true]);
  });
});

describe('motcua report --log', () => {
  it('prints the indicators of a log the project wrote, warns of the traces it leaves out, and draws the ranking', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'procedures'));
    writeFileSync(join(dir, 'procedures', 'tiny.json'), JSON.stringify(tiny));
    writeFileSync(join(dir, 'procedures', 'other.json'), JSON.stringify(other));
    const w = csvLogWriter();
    const stray: LogTrace = { id: 'stray', procedure: 'passport', channel: 'online', outcome: 'in-progress', events: [{ activity: 'receipt', at: parseInstant('2025-03-12T09:00'), lifecycle: 'complete' }] };
    const file = join(dir, 'week.csv');
    writeFileSync(file, [w.head(), ...Object.entries(cases).map(([id, c]) => w.trace(traceOf(id, c))), w.trace(stray), w.tail()].join(''));
    const r = await runCli(['report', '--log', file, '--procedures', join(dir, 'procedures'), '--only', '--from', '2025-03-10', '--to', '2025-03-16', '--now', '2025-03-20T12:00', '--json']);
    expect(r.err).toBe(`motcua: warning: 1 trace of ${file} left out: procedure "passport" is not among the procedures given (stray)\n`);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect([out.cases, out.skipped]).toEqual([13, [{ trace: 'stray', reason: 'procedure "passport" is not among the procedures given' }]]);
    const d = out.indicators.decision766;
    // No complaint records beside the log: late or rated "not satisfied" are lateUnhappy,
    // twoSupplements, pendingPast and onTimeUnhappy, so satisfaction is (10 − 4) / 10.
    expect([d.handled, d.resolvedOnTime, d.withinLimit, d.late, d.onTimeRate, d.satisfactionRate]).toEqual([10, 5, 2, 3, 0.7, 0.6]);
    expect(d.byAgency.map((a: { agency: string; rank: number }) => [a.agency, a.rank])).toEqual([
      ['justice', 1],
      ['police', 2],
    ]);
    expect(d.period).toEqual({ from: '2025-03-10T00:00+07:00', to: '2025-03-17T00:00+07:00' });
    const html = join(dir, 'week.html');
    const page = await runCli(['report', '--log', file, '--procedures', join(dir, 'procedures'), '--only', '--from', '2025-03-10', '--to', '2025-03-16', '--now', '2025-03-20T12:00', '-o', html, '--lang', 'en']);
    expect(page.code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<h1>Decision 766/QĐ-TTg indicators</h1>');
    expect(text).toContain(`From the event log ${file}: 13 cases (1 left out).`);
    expect(text).toContain('data-chart="ranking"');
  });

  it('refuses a log none of whose traces it can read, and --map without --log', async () => {
    const dir = tempDir();
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'case:concept:name,concept:name,time:timestamp\nA,receipt,2025-03-10T09:00:00+07:00\n');
    expect(await runCli(['report', '--log', file, '--json'])).toMatchObject({ code: 2, err: `motcua: ${file}: no trace of the log is a case of a procedure given (A: no case:procedure attribute (give the procedure of the log)). Name the procedure with --procedure, or the folder of its file with --procedures.\n` });
    expect(await runCli(['report', '--log', file, '--procedure', 'nope', '--json'])).toMatchObject({ code: 2, err: 'motcua: --procedure: --procedure "nope" is not a procedure of the catalogue; motcua list shows their ids.\n' });
    expect(await runCli(['report', '--map', 'm.yaml', '--json'])).toMatchObject({ code: 2, err: 'motcua: --map: --map applies to --log, the indicators of an event log.\n' });
    const ok = await runCli(['report', '--log', file, '--procedure', 'birth-registration', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).indicators.decision766).toMatchObject({ handled: 1, withinLimit: 1, period: { from: '2025-03-10T00:00+07:00', to: '2025-03-10T09:00+07:00' } });
  });
});
