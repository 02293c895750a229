import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import type { CaseEvent } from '../../src/compile/types.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import { tempDir } from '../engine/support.ts';
import { runCli } from '../support/cli.ts';
import { SCRIPTS, other, tiny } from './cases.ts';

const dir = tempDir();
const db = join(dir, 'cases.db');
const procedures = join(dir, 'procedures');
const codes: Record<string, string> = {};

beforeAll(async () => {
  mkdirSync(procedures);
  writeFileSync(join(procedures, 'tiny.json'), JSON.stringify(tiny));
  writeFileSync(join(procedures, 'other.json'), JSON.stringify(other));
  const store = sqliteStore(db);
  const engine = createEngine({ procedures: [tiny, other], store });
  for (const [name, s] of Object.entries(SCRIPTS)) {
    const opened = await engine.open({ procedure: s.spec.id, receivedAt: parseInstant(s.receivedAt), channel: s.channel, by: { kind: 'agency', agency: 'desk' }, accept: false });
    codes[name] = opened.code;
    for (const [type, at, by, payload] of s.events) {
      const sent = await engine.send(opened.caseId, { type, at: parseInstant(at), by, ...payload } as CaseEvent);
      if (!sent.ok) throw new Error(`${name}: ${type} refused: ${sent.error.message}`);
    }
  }
  await store.close();
  const cli = async (...args: string[]) => {
    const r = await runCli(['complaint', ...args, '--db', db, '--procedures', procedures]);
    if (r.code !== 0) throw new Error(r.err);
    return JSON.parse(r.out) as { id: string; agency: string | null };
  };
  // About the dossier `complained`: counts for its agency (justice), answered the same day.
  const a = await cli('open', '--kind', 'feedback', '--dossier', codes.complained!, '--text', 'Asked for a paper twice', '--at', '2025-03-14T09:00');
  expect(a.agency).toBe('justice');
  await cli('answer', a.id, '--outcome', 'upheld', '--text', 'Apologised', '--feedback', 'satisfied', '--at', '2025-03-14T15:00');
  // About the police, filed in February, still open past its 15 working days.
  await cli('open', '--kind', 'petition', '--agency', 'police', '--text', 'Open on Saturdays', '--at', '2025-02-10T09:00');
  // About neither, answered after its deadline, the filer not satisfied.
  const c = await cli('open', '--kind', 'feedback', '--text', 'Car park too small', '--at', '2025-02-12T09:00');
  await cli('answer', c.id, '--outcome', 'dismissed', '--text', 'No land', '--feedback', 'not-satisfied', '--at', '2025-03-11T09:00');
}, 120_000);

describe('motcua report --db --json on a real SQLite store', () => {
  it('gives the Decision 766 indicators of the hand-built cases, ratings and complaints', async () => {
    const r = await runCli(['report', '--db', db, '--procedures', procedures, '--from', '2025-03-10', '--to', '2025-03-16', '--now', '2025-03-20T12:00', '--json']);
    expect(r.err).toBe('');
    const d = JSON.parse(r.out).indicators.decision766;
    expect({ handled: d.handled, resolvedOnTime: d.resolvedOnTime, withinLimit: d.withinLimit, late: d.late }).toEqual({ handled: 10, resolvedOnTime: 5, withinLimit: 2, late: 3 });
    expect(d.onTimeRate).toBe(7 / 10);
    // Late (3) or dissatisfied (onTimeUnhappy, lateUnhappy, complained), lateUnhappy once: 5 of 10.
    expect(d.satisfactionRate).toBe(0.5);
    expect(d.complaints).toMatchObject({ total: 3, answeredOnTime: 1, late: 2, onTimeRate: 1 / 3 });
    expect(d.byAgency.map((a: { agency: string; rank: number; onTimeRate: number; satisfactionRate: number }) => [a.agency, a.rank, a.onTimeRate, a.satisfactionRate])).toEqual([
      ['justice', 1, 1, 0.5],
      ['police', 2, 5 / 8, 0.5],
    ]);
    expect(d.definitions).toEqual({ onTimeRate: 'decision-766', satisfactionRate: 'decision-766-union', points: 'decision-766-linear-unverified', oneStop: 'motcua-one-stop' });
    expect(d.oneStop).toMatchObject({ resolved: 6, early: 3, onTime: 2, late: 1 });
  });

  it('lists and refuses complaints in the CLI, and draws the ranking on the dashboard page', async () => {
    const listed = await runCli(['complaint', 'list', '--db', db, '--status', 'open']);
    expect(JSON.parse(listed.out).map((c: { agency: string }) => c.agency)).toEqual(['police']);
    const bad = await runCli(['complaint', 'answer', 'PAKN-none', '--outcome', 'upheld', '--text', 'x', '--db', db]);
    expect(bad).toMatchObject({ code: 2, err: `motcua: ${db}: no complaint PAKN-none in this database; motcua complaint list --db shows them.\n` });
    // Filed Tuesday 1 April (after the period): 2, 5 and 15 working days, Hùng Kings' day (Monday 7 April) not counted.
    // Acknowledged in time, then the filer asked for information an hour after its deadline.
    const filed = JSON.parse((await runCli(['complaint', 'open', '--kind', 'feedback', '--agency', 'police', '--text', 'Rude at the desk', '--at', '2025-04-01T09:00', '--db', db])).out);
    expect([filed.id, filed.status, filed.deadlines]).toEqual(['PAKN-20250401-0001', 'open', { acknowledge: '2025-04-03T09:00+07:00', askInformation: '2025-04-09T09:00+07:00', answer: '2025-04-23T09:00+07:00' }]);
    const acknowledged = JSON.parse((await runCli(['complaint', 'acknowledge', filed.id, '--at', '2025-04-02T10:00', '--db', db])).out);
    expect([acknowledged.status, acknowledged.acknowledgedAt, acknowledged.version]).toEqual(['acknowledged', '2025-04-02T10:00+07:00', 2]);
    const asked = JSON.parse((await runCli(['complaint', 'ask', filed.id, '--text', 'Which day?', '--at', '2025-04-09T10:00', '--db', db])).out);
    expect([asked.status, asked.informationRequest, asked.deadlinesKept]).toEqual(['awaiting-information', { at: '2025-04-09T10:00+07:00', text: 'Which day?' }, { acknowledge: 'kept', askInformation: 'missed', answer: 'pending' }]);
    const again = await runCli(['complaint', 'acknowledge', filed.id, '--db', db]);
    expect(again).toMatchObject({ code: 2, err: `motcua: ${filed.id}: complaint ${filed.id} was acknowledged already; answer it (or ask the filer for information).\n` });
    const waiting = await runCli(['complaint', 'list', '--db', db, '--status', 'awaiting-information', '--at', '2025-04-23T09:01']);
    expect(JSON.parse(waiting.out).map((c: { id: string; deadlinesKept: unknown }) => [c.id, c.deadlinesKept])).toEqual([[filed.id, { acknowledge: 'kept', askInformation: 'missed', answer: 'overdue' }]]);
    const kind = await runCli(['complaint', 'open', '--kind', 'rumour', '--text', 'x', '--db', db]);
    expect(kind).toMatchObject({ code: 2, err: 'motcua: --kind: --kind "rumour" is not one of feedback, petition.\n' });
    const out = join(dir, 'page.html');
    expect((await runCli(['report', '--db', db, '--procedures', procedures, '--from', '2025-03-10', '--to', '2025-03-16', '--now', '2025-03-20T12:00', '-o', out, '--lang', 'en'])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<section id="decision766">');
    expect(html).toContain('data-chart="ranking"');
    expect(html).toContain('(ended on time + pending within the limit) / all dossiers handled in the period');
  });
});
