import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { tinySpec } from '../support/specs.ts';
import { xesProblems } from '../support/xes.ts';
import { tempDir } from './support.ts';

let dir: string;
let db: string;
let procedures: string;

beforeEach(() => {
  dir = tempDir();
  db = join(dir, 'cases.db');
  procedures = join(dir, 'procedures');
  mkdirSync(procedures);
  writeFileSync(join(procedures, 'tiny.json'), JSON.stringify(tinySpec()));
});

/** Runs `motcua case …` in-process with the given standard input. */
async function motcua(args: readonly string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), env: {}, now: () => Date.UTC(2025, 2, 10, 1, 0), readStdin: async () => stdin };
  const code = await run(['case', ...args], io);
  return { code, out, err };
}

const caseArgs = (sub: string, ...rest: string[]) => [sub, '--db', db, '--procedures', procedures, ...rest];
const OPEN = '{"procedure":"tiny","receivedAt":"2025-03-03T09:00","channel":"in-person","by":"desk"}';
const CASE = 'MOTCUA-250303-0001';

/** Row counts of every table: "nothing written" means none of them moved. */
function counts(): Record<string, number> {
  const raw = new Sqlite(db, { readonly: true });
  const tables = ['cases', 'events', 'idempotency', 'refused_attempts', 'sequences', 'case_holders'];
  const result = Object.fromEntries(tables.map((t) => [t, (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  raw.close();
  return result;
}

describe('motcua case, for scripts', () => {
  it('opens a case and prints the slip as JSON with local instants', async () => {
    const r = await motcua(caseArgs('open', OPEN));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const opened = JSON.parse(r.out);
    expect(opened).toMatchObject({ caseId: CASE, code: CASE, procedure: { id: 'tiny', version: '1' }, version: 2, status: 2 });
    expect(opened.slip.due).toBe('2025-03-07T00:00+07:00');
    expect(opened.slip.dueText.en).toBe('end of Thursday 06/03/2025');
    expect(opened.effects).toEqual([{ kind: 'appointment-slip', at: '2025-03-03T09:00+07:00', code: CASE, due: '2025-03-07T00:00+07:00' }]);
  });

  it('numbers dossiers at the unit of the request, else of --unit, and refuses a --unit that is no identifier (exit 2)', async () => {
    const withUnit = (unit: string) => OPEN.replace('}', `,"unit":"${unit}"}`);
    const codes = [];
    for (const args of [caseArgs('open', OPEN, '--unit', '000.00.12.H33'), caseArgs('open', withUnit('000.00.35.X01'), '--unit', '000.00.12.H33'), caseArgs('open', OPEN, '--unit', '000.00.12.H33')]) {
      codes.push(JSON.parse((await motcua(args)).out).code);
    }
    expect(codes).toEqual(['000.00.12.H33-250303-0001', '000.00.35.X01-250303-0001', '000.00.12.H33-250303-0002']);
    const bad = await motcua(caseArgs('open', OPEN, '--unit', 'h33'));
    expect([bad.code, bad.err]).toEqual([2, 'motcua: --unit: "h33" is not a receiving unit identifier: give upper-case letters and digits in groups separated by dots, as in 000.00.12.H33 (the unit code under QCVN 102:2016/BTTTT), at most 40 characters.\n']);
  });

  it('writes the stored cases as an event log, CSV or XES by the name given with -o', async () => {
    await motcua(caseArgs('open', OPEN));
    await motcua(caseArgs('send', CASE, '{"type":"TRANSFER","at":"2025-03-03T10:00","by":"desk"}'));
    const csv = join(dir, 'log.csv');
    const xes = join(dir, 'log.xes');
    for (const file of [csv, xes]) expect(await motcua(caseArgs('log', '-o', file))).toEqual({ code: 0, out: '', err: '' });
    const rows: string[][] = parse(readFileSync(csv, 'utf8'));
    expect(rows.slice(1).map((r) => `${r[0]} ${r[1]} ${r[2]} ${r[3]} ${r[8]}`)).toEqual([
      `${CASE} receipt 2025-03-03T09:00:00.000+07:00 start in-progress`,
      `${CASE} receipt 2025-03-03T09:00:00.000+07:00 complete in-progress`,
      `${CASE} transfer 2025-03-03T10:00:00.000+07:00 complete in-progress`,
      `${CASE} register 2025-03-03T10:00:00.000+07:00 start in-progress`,
    ]);
    expect(xesProblems(readFileSync(xes, 'utf8'))).toEqual([]);
    const bad = await motcua(caseArgs('log', '-o', join(dir, 'log.txt')));
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`motcua: -o: "${join(dir, 'log.txt')}": the event log's name must end in .csv (pm4py columns) or .xes (IEEE 1849 XES).\n`);
  });

  it('sends events given as an argument or on stdin, shows, lists and ticks', async () => {
    await motcua(caseArgs('open', OPEN));
    const sent = await motcua(caseArgs('send', CASE, '-', '--expect-version', '2'), '{"type":"TRANSFER","at":"2025-03-03T10:00","by":"desk"}');
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.out)).toEqual({ ok: true, caseId: CASE, version: 3, status: 4, effects: [{ kind: 'notify-agency', at: '2025-03-03T10:00+07:00', agency: 'justice', step: 'register' }] });
    const shown = JSON.parse((await motcua(caseArgs('show', CASE, '--log'))).out);
    expect(shown.status).toMatchObject({ version: 3, status: 4, label: { en: 'processing' }, holders: ['justice'], due: '2025-03-07T00:00+07:00' });
    expect(shown.dueDates.apologyBy).toBe('2025-03-06T00:00+07:00');
    expect(shown.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'transfer', 'handoff']);
    expect(shown.log.map((l: { version: number; entry: { kind: string } }) => `${l.version} ${l.entry.kind}`)).toEqual(['1 open', '2 event', '3 event']);
    const listed = JSON.parse((await motcua(caseArgs('list', '--agency', 'justice', '--status', '4,5'))).out);
    expect(listed.cases.map((c: { caseId: string; due: string }) => [c.caseId, c.due])).toEqual([[CASE, '2025-03-07T00:00+07:00']]);
    expect(JSON.parse((await motcua(caseArgs('list', '--overdue', '2025-03-06T12:00'))).out).cases).toEqual([]);
    const ticked = JSON.parse((await motcua(caseArgs('tick', '--now', '2025-03-07T08:00'))).out);
    expect(ticked.notices.map((n: { effect: { kind: string; at: string } }) => `${n.effect.kind} ${n.effect.at}`)).toEqual(['apology-due 2025-03-06T00:00+07:00', 'overdue 2025-03-07T00:00+07:00']);
    expect(JSON.parse((await motcua(caseArgs('list', '--overdue', '2025-03-07T08:00'))).out).cases).toHaveLength(1);
  });

  it('a refused event exits 1 with the reason, changes nothing and is recorded', async () => {
    await motcua(caseArgs('open', OPEN));
    const before = counts();
    const r = await motcua(caseArgs('send', CASE, '{"type":"RETURN_RESULT","at":"2025-03-03T10:00","by":"justice"}'));
    expect(r.code).toBe(1);
    expect(r.err).toBe('motcua: refused: RETURN_RESULT is not possible now (status 2 received); possible now: TRANSFER, APOLOGIZE, WITHDRAW.\n');
    expect(JSON.parse(r.out)).toEqual({ ok: false, error: { code: 'not-now', message: 'RETURN_RESULT is not possible now (status 2 received); possible now: TRANSFER, APOLOGIZE, WITHDRAW.' } });
    expect(counts()).toEqual({ ...before, refused_attempts: before['refused_attempts']! + 1 });
  });

  it('a retried request with the same --key gets the first answer and writes nothing', async () => {
    await motcua(caseArgs('open', OPEN));
    const args = caseArgs('send', CASE, '{"type":"TRANSFER","at":"2025-03-03T10:00","by":"desk"}', '--key', 'script-run-7');
    const first = await motcua(args);
    const before = counts();
    const again = await motcua(args);
    expect([again.code, again.out]).toEqual([0, first.out]);
    expect(counts()).toEqual(before);
  });

  it('bad input exits 2 with one line naming the input, what is wrong and how to fix it; nothing is written', async () => {
    await motcua(caseArgs('open', OPEN));
    const before = counts();
    const cases: [string[], string, string?][] = [
      [caseArgs('send', CASE, '{"type":"TRANSFER",'), `motcua: <event>: is not JSON (Expected double-quoted property name in JSON at position 19). Write the event as JSON, e.g. {"type":"TRANSFER","at":"2025-01-24T10:00","by":"desk"}.\n`],
      [caseArgs('send', CASE, '{"type":"FLY","at":"2025-03-03T10:00","by":"desk"}'), 'motcua: <event>: type: unknown event type "FLY"; use one of ACCEPT, REQUEST_COMPLETION, REFUSE, TRANSFER, COMPLETE, REQUEST_SUPPLEMENT, SUPPLY, ANSWER, FINISH_INTERVAL, APOLOGIZE, WITHDRAW, RETURN_RESULT, RATE, TIMER. An event looks like {"type":"COMPLETE","at":"2025-03-03T10:00","by":"justice","step":"register"}.\n'],
      [caseArgs('send', CASE, '{"type":"COMPLETE","at":"2025-03-03T10:00","by":"justice"}'), 'motcua: <event>: step: COMPLETE needs "step".\n'],
      [caseArgs('send', 'MOTCUA-990101-0001', '{"type":"TRANSFER","at":"2025-03-03T10:00","by":"desk"}'), `motcua: ${db}: no case "MOTCUA-990101-0001" in the store. Check the id (list the cases to see them).\n`],
      [caseArgs('send', CASE, '-'), 'motcua: <stdin>: the event is 70072 bytes, more than the 65536 allowed. Keep documents out of it: store them elsewhere and refer to them.\n', JSON.stringify({ type: 'WITHDRAW', at: '2025-03-03T10:00', by: 'applicant', reason: 'x'.repeat(70_000) })],
      [caseArgs('send', CASE, '{"type":"TRANSFER","at":"2025-03-03T10:00","by":"desk"}', '--expect-version', 'two'), 'motcua: --expect-version: --expect-version must be a whole number (the version shown by the last answer), not "two".\n'],
      [caseArgs('open', '{"procedure":"tiny","receivedAt":"2025-03-03T09:00","channel":"fax","by":"desk"}'), 'motcua: <request>: channel: Invalid option: expected one of "in-person"|"postal"|"online". A request looks like {"procedure":"birth-registration","receivedAt":"2025-01-24T09:00","channel":"in-person","by":"desk"}.\n'],
      [caseArgs('list', '--status', '11'), 'motcua: --status: --status takes one-stop status codes 1–10 separated by commas (e.g. 4,5), not "11".\n'],
      [['show', CASE], 'motcua: case show needs --db <file.db>, the SQLite file of the cases.\n'],
      [['show', '--db', join(dir, 'none.db'), CASE], `motcua: ${join(dir, 'none.db')}: no such case database. Check the path, or create it with motcua case open --db <file> <request>.\n`],
      [['fly', '--db', db], 'motcua: unknown case subcommand "fly": use open, send, show, list, tick, log, form. Run motcua case --help for the usage.\n'],
    ];
    const answers = [];
    for (const [args, , stdin] of cases) {
      const r = await motcua(args, stdin);
      answers.push({ code: r.code, err: `${r.err.split('\n')[0]}\n`, out: r.out });
    }
    expect(answers).toEqual(cases.map(([, err]) => ({ code: 2, err, out: '' })));
    expect(counts()).toEqual(before);
  });
});
