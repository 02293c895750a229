import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { loadLog, loadStoreLog } from '../../src/cli/log-input.ts';
import type { CaseEvent } from '../../src/compile/types.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import { DEFAULT_MAPPING } from '../../src/mining/mapping.ts';
import type { EventLog } from '../../src/mining/log.ts';
import { tempDir } from '../engine/support.ts';
import { runCli } from '../support/cli.ts';
import { tinySpec } from '../support/specs.ts';

const dir = tempDir();
const db = join(dir, 'cases.db');
const procedure = join(dir, 'tiny.json');
const tiny = tinySpec();
const desk = { kind: 'agency', agency: 'desk' } as const;
const by = (agency: string) => ({ kind: 'agency', agency }) as const;
const at = (day: number, hour: number, minute = 0) => parseInstant(`2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);

beforeAll(async () => {
  writeFileSync(procedure, JSON.stringify(tiny));
  const store = sqliteStore(db);
  const engine = createEngine({ procedures: [tiny], store });
  // A week of 24 online dossiers, Monday 10 to Friday 14 March 2025; every sixth refused by the justice officer.
  for (let c = 0; c < 24; c++) {
    const day = 10 + (c % 5);
    const minute = 5 * Math.floor(c / 5);
    const { caseId } = await engine.open({ procedure: 'tiny', receivedAt: at(day, 8, minute), channel: 'online', by: desk, accept: false });
    const events: Omit<CaseEvent, 'at'>[] = [{ type: 'ACCEPT', by: desk } as never];
    if (c % 6 === 5) events.push({ type: 'REFUSE', by: by('justice'), step: 'register', reasons: ['not competent'] } as never);
    else events.push({ type: 'COMPLETE', by: by('justice'), step: 'register' } as never, { type: 'COMPLETE', by: by('police'), step: 'residence' } as never, { type: 'RETURN_RESULT', by: desk } as never);
    for (const [i, e] of events.entries()) {
      const sent = await engine.send(caseId, { ...e, at: at(day, 9 + 2 * i, minute) } as CaseEvent);
      if (!sent.ok) throw new Error(`${e.type} refused: ${sent.error.message}`);
    }
  }
  await store.close();
}, 60_000);

const flat = (log: EventLog) => log.traces.map((t) => [t.id, t.attributes['outcome'], ...t.events.map((e) => `${e.activity} ${e.lifecycle} ${e.time} ${e.group}`)]);

describe('reading the cases of an engine store as an event log (--db)', () => {
  it('gives the traces motcua case log writes, without the file', async () => {
    const csv = join(dir, 'cases.csv');
    expect((await runCli(['case', 'log', '--db', db, '--procedures', procedure, '--only', '-o', csv])).code).toBe(0);
    const fromStore = await loadStoreLog(db);
    expect(fromStore.traces).toHaveLength(24);
    expect(flat(fromStore)).toEqual(flat(await loadLog(csv, DEFAULT_MAPPING)));
  });

  it('discovers the procedure of the store: register at the justice officer, then residence at the police', async () => {
    const out = join(dir, 'draft');
    const run = await runCli(['discover', '--db', db, '-o', out, '--json']);
    expect(run.code).toBe(0);
    const d = JSON.parse(run.out);
    expect(d.spec.flow.map((n: { id: string; agency: string }) => `${n.id}@${n.agency}`)).toEqual(['register@justice', 'residence@police']);
    expect(d.spec.receipt.desk).toBe('desk');
    expect(d.cases).toEqual({ inLog: 24, ofProcedure: 24, used: 20, endedEarly: 4, notFitting: 0 });
  });

  it('calibrates a known procedure from the store and validates a scenario against it', async () => {
    const scenario = join(dir, 'tiny.yaml');
    const cal = await runCli(['calibrate', '--db', db, '--procedure', procedure, '-o', scenario, '--json']);
    expect(cal.code).toBe(0);
    const figures = JSON.parse(cal.out);
    expect(figures.cases).toBe(24);
    expect(figures.steps.register.refusal).toEqual({ p: 4 / 24, of: 24 });
    const v = await runCli(['validate', scenario, '--db', db, '--replications', '1', '--json']);
    expect(JSON.parse(v.out).cases.log).toBe(24);
  });

  it('refuses a log file and --db together, and a store that does not exist, in one line each', async () => {
    const both = await runCli(['discover', join(dir, 'cases.csv'), '--db', db, '-o', join(dir, 'x')]);
    expect(both).toMatchObject({ code: 2, err: 'motcua: --db: <log> and --db are two sources of cases: give one of them.\n' });
    const missing = await runCli(['calibrate', '--db', join(dir, 'none.db'), '--procedure', procedure]);
    expect(missing).toMatchObject({ code: 2, err: `motcua: ${join(dir, 'none.db')}: no such case database. Give the SQLite file of motcua case (--db), or a postgres:// URL.\n` });
  });
});
