import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import type { Actor, CaseEvent } from '../../src/compile/types.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import { runCli } from '../support/cli.ts';
import { tinySpec } from '../support/specs.ts';

const dir = mkdtempSync(join(tmpdir(), 'motcua-report-'));
const db = join(dir, 'cases.db');
const desk: Actor = { kind: 'agency', agency: 'desk' };
const justice: Actor = { kind: 'agency', agency: 'justice' };
const police: Actor = { kind: 'agency', agency: 'police' };

/** Three cases of the tiny procedure (3 wd), kept by the engine in a SQLite file. */
beforeAll(async () => {
  const store = sqliteStore(db);
  const engine = createEngine({ procedures: [tinySpec()], store });
  const send = async (caseId: string, event: CaseEvent) => {
    const r = await engine.send(caseId, event);
    if (!r.ok) throw r.error;
  };
  // Received in the week, ready on Tuesday 11 before its due date (end of Thursday 13): early.
  const early = await engine.open({ procedure: 'tiny', channel: 'online', receivedAt: parseInstant('2025-03-10T09:00'), by: desk });
  await send(early.caseId, { type: 'COMPLETE', step: 'register', at: parseInstant('2025-03-10T10:00'), by: justice });
  await send(early.caseId, { type: 'COMPLETE', step: 'residence', at: parseInstant('2025-03-11T10:00'), by: police });
  // Received the week before (due end of Tuesday 11), still open: carried over, overdue.
  await engine.open({ procedure: 'tiny', channel: 'online', receivedAt: parseInstant('2025-03-06T09:00'), by: desk });
  // In person on Wednesday 12, refused at the desk.
  const refused = await engine.open({ procedure: 'tiny', channel: 'in-person', receivedAt: parseInstant('2025-03-12T09:00'), by: desk, accept: false });
  await send(refused.caseId, { type: 'REFUSE', at: parseInstant('2025-03-12T09:10'), by: desk, reasons: ['not this commune'] });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('motcua report --db: the dashboard of an engine’s case store', () => {
  it('counts the cases of the period as of the given instant', async () => {
    const r = await runCli(['report', '--db', db, '--from', '2025-03-10', '--to', '2025-03-16', '--now', '2025-03-20T12:00', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.period).toEqual({ from: '2025-03-10T00:00+07:00', to: '2025-03-17T00:00+07:00' });
    expect(d.total).toEqual({
      received: { total: 3, carriedOver: 1, new: 2, byChannel: { 'in-person': 1, postal: 0, online: 1 } },
      resolved: { total: 1, early: 1, onTime: 0, late: 0 },
      pending: { total: 1, withinLimit: 0, overdue: 1 },
      supplements: { atReceipt: 0, duringProcessing: 0 },
      refusals: { atReceipt: 1, duringProcessing: 0 },
      withdrawals: 0,
      apologySlips: 0,
      onTimeRate: 1,
    });
  });

  it('writes the dashboard page, by default for this month up to now', async () => {
    const out = join(dir, 'dashboard.html');
    const r = await runCli(['report', '--db', db, '--now', '2025-03-20T12:00', '-o', out, '--lang', 'vi']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Báo cáo HTML: ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Kỳ báo cáo: từ 2025-03-01T00:00+07:00 đến trước 2025-03-20T12:00+07:00');
    expect(html).toContain('<td class="name">tiny (1)</td>');
  });

  it('names a missing store, and flags that belong to scenarios or stores only', async () => {
    expect(await runCli(['report', '--db', join(dir, 'none.db')])).toMatchObject({ code: 2, err: `motcua: ${join(dir, 'none.db')}: no such case database. Give the SQLite file of motcua case (--db), or a postgres:// URL.\n` });
    expect((await runCli(['report', 'simulations/mmc-validation.yaml', '--db', db])).err).toBe('motcua: --db reports on the cases of a store; give it no scenario or JSON report ("simulations/mmc-validation.yaml").\n');
    expect((await runCli(['report', '--from', '2025-03-01'])).err).toBe('motcua: --from: --from applies to --db (the dashboard of a case store) and --log (the indicators of an event log).\n');
    expect((await runCli(['report', '--db', db, '--from', '2025-03-10', '--to', '2025-03-01'])).err).toBe(
      'motcua: --to: --to 2025-03-01 is before --from 2025-03-10; the period runs from --from to --to, both included.\n',
    );
  });
});

describe('motcua report, bad input', () => {
  it('answers with exit code 2 and what to do', async () => {
    const missing = await runCli(['report', join(dir, 'nothing.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`motcua: ${join(dir, 'nothing.yaml')}: no such file. Give a scenario .yaml (e.g. simulations/province-2016.yaml) or a JSON report.\n`);
    expect((await runCli(['report', join(dir, 'r.json'), '--compare'])).err).toBe(
      'motcua: --compare: --compare applies to a scenario; a JSON report holds the runs it was made from. Give the scenario .yaml to simulate again.\n',
    );
    expect((await runCli(['report', join(dir, 'r.json')])).err).toBe(
      `motcua: ${join(dir, 'r.json')}: cannot read this file. Give a scenario .yaml or the JSON printed by motcua simulate --json or motcua report --json.\n`,
    );
    expect(await runCli(['report', '--lang', 'fr'])).toMatchObject({ code: 2, err: 'motcua: --lang: "fr" is not a language of motcua. Use --lang vi or --lang en.\n' });
    expect((await runCli(['report', 'a.yaml', 'b.yaml'])).err).toBe('motcua: report takes one scenario or JSON report. Run motcua report --help for the usage.\n');
  });
});
