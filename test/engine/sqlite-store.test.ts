import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyEvent, persistCase, startCase, statusCode } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import type { CaseEvent } from '../../src/compile/types.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { APPLICATION_ID, SCHEMA_VERSION, migrate } from '../../src/engine/migrations.ts';
import { replayCase } from '../../src/engine/replay.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import { tinySpec } from '../support/specs.ts';
import { agency, at, desk, ev, tempDir } from './support.ts';

describe('the SQLite store', () => {
  it('opens in WAL mode, fsyncs every commit by default, and records its schema version', async () => {
    const file = join(tempDir(), 'cases.db');
    const store = sqliteStore(file);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    await store.close();
    const normal = sqliteStore(file, { synchronous: 'normal' });
    expect(normal.db.pragma('synchronous', { simple: true })).toBe(1);
    await normal.close();
  });

  it('migrates a version 1 database on open, backfilling the index from the snapshots', async () => {
    const file = join(tempDir(), 'v1.db');
    // A database as the first schema left it, with one case in it.
    const old = new Sqlite(file);
    migrate(old, 1);
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    const proc = compileProcedure(tinySpec());
    const events: CaseEvent[] = [ev('ACCEPT', '2025-03-03T09:00', desk), ev('TRANSFER', '2025-03-03T10:00', desk)];
    let snapshot = startCase(proc, { receivedAt: at('2025-03-03T09:00'), channel: 'in-person', code: 'old-1' }).snapshot;
    for (const e of events) {
      const r = applyEvent(proc, snapshot, e);
      if (!r.ok) throw r.error;
      snapshot = r.snapshot;
    }
    old.prepare('INSERT INTO cases (case_id, code, procedure_id, procedure_version, version, status, received_at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      'old-1', 'old-1', 'tiny', '1', 3, statusCode(snapshot), at('2025-03-03T09:00'), JSON.stringify(persistCase(snapshot)),
    );
    const log = old.prepare('INSERT INTO events (case_id, version, entry, effects) VALUES (?, ?, ?, ?)');
    log.run('old-1', 1, JSON.stringify({ kind: 'open', receivedAt: at('2025-03-03T09:00'), channel: 'in-person', dossier: {}, code: 'old-1', by: desk }), '[]');
    events.forEach((e, i) => log.run('old-1', i + 2, JSON.stringify({ kind: 'event', event: e }), '[]'));
    old.close();

    const store = sqliteStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const engine = createEngine({ procedures: [tinySpec()], store });
    expect((await engine.list({ agency: 'justice' })).map((c) => [c.caseId, c.version, c.index.holders])).toEqual([['old-1', 3, ['justice']]]);
    expect(await store.dueBy(at('2025-03-06T00:00'))).toEqual(['old-1']);
    const sent = await engine.send('old-1', ev('COMPLETE', '2025-03-03T11:00', agency('police'), { step: 'register' }));
    expect(!sent.ok && sent.error.code).toBe('refused');
    expect(await engine.refusals('old-1')).toHaveLength(1);
    expect((await engine.send('old-1', ev('COMPLETE', '2025-03-03T11:00', agency('justice'), { step: 'register' }), { expectedVersion: 3 })).ok).toBe(true);
    const record = (await store.get('old-1'))!;
    expect(persistCase(replayCase(proc, (await store.log('old-1')).map((l) => l.entry)))).toEqual(record.snapshot);
    await store.close();
  });

  it('refuses a database written by a newer motcua and leaves it untouched', () => {
    const file = join(tempDir(), 'newer.db');
    const db = new Sqlite(file);
    migrate(db);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(file);
    expect(() => sqliteStore(file)).toThrow(`was written by a newer motcua (schema ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}). Upgrade motcua to open it.`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses files that are not case databases, with the file named', () => {
    const dir = tempDir();
    const other = new Sqlite(join(dir, 'other.db'));
    other.exec('CREATE TABLE invoices (id INTEGER)');
    other.close();
    expect(() => sqliteStore(join(dir, 'other.db'))).toThrow('is a SQLite database, but not one of motcua cases. Give a new file name or a database made by motcua.');
    writeFileSync(join(dir, 'notes.txt'), 'not a database at all, just some text that is long enough to have a header');
    expect(() => sqliteStore(join(dir, 'notes.txt'))).toThrow(/^is not a usable case database \(file is not a database\)/);
    try {
      sqliteStore(join(dir, 'missing', 'cases.db'));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'bad-store', file: join(dir, 'missing', 'cases.db') });
    }
  });

  it('keeps the log append-only, with UNIQUE (case_id, version) as the last line of defence', async () => {
    const file = join(tempDir(), 'cases.db');
    const store = sqliteStore(file);
    const engine = createEngine({ procedures: [tinySpec()], store });
    const { caseId } = await engine.open({ procedure: 'tiny', channel: 'in-person', receivedAt: at('2025-03-03T09:00'), by: desk });
    const raw = new Sqlite(file);
    expect(() => raw.prepare("INSERT INTO events (case_id, version, entry, effects) VALUES (?, 2, '{}', '[]')").run(caseId)).toThrow('UNIQUE constraint failed: events.case_id, events.version');
    expect(() => raw.prepare('UPDATE events SET entry = ? WHERE case_id = ?').run('{}', caseId)).toThrow('the case log is append-only');
    expect(() => raw.prepare('DELETE FROM events WHERE case_id = ?').run(caseId)).toThrow('the case log is append-only');
    raw.close();
    await store.close();
  });

  it('two connections writing the same version: the second gets a conflict and writes nothing', async () => {
    const file = join(tempDir(), 'cases.db');
    const a = sqliteStore(file);
    const b = sqliteStore(file);
    const engineA = createEngine({ procedures: [tinySpec()], store: a });
    const { caseId } = await engineA.open({ procedure: 'tiny', channel: 'in-person', receivedAt: at('2025-03-03T09:00'), by: desk });
    const read = (await b.get(caseId))!;
    expect((await engineA.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk))).ok).toBe(true);
    // B decided on version 2, which is gone: its commit must fail inside the transaction.
    const result = await b.commit({ ...read, expectedVersion: 2, entries: [{ entry: { kind: 'event', event: ev('WITHDRAW', '2025-03-03T10:00', { kind: 'applicant' }) }, effects: [] }] });
    expect(result).toEqual({ ok: false, reason: 'conflict', actual: 3 });
    expect((await a.log(caseId)).map((l) => l.version)).toEqual([1, 2, 3]);
    expect((await a.get(caseId))!.index.status).toBe(4);
    await a.close();
    await b.close();
  });
});
