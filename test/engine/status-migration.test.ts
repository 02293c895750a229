import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../../src/compile/case.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { postgresStore } from '../../src/engine/postgres-store.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import type { CaseStore } from '../../src/engine/store.ts';
import { PG_URL, freshDatabase } from '../support/postgres.ts';
import { tinySpec } from '../support/specs.ts';
import { STORES, applicant, at, desk, ev, tempDir } from './support.ts';

const receipt = (local: string) => ({ procedure: 'tiny', channel: 'online' as const, receivedAt: at(local), by: applicant, accept: false });

/** Two dossiers left at receipt: one the desk asks papers for, one it refuses. */
async function askAndRefuse(store: CaseStore): Promise<{ asked: string; refused: string }> {
  const engine = createEngine({ procedures: [tinySpec()], store });
  const asked = (await engine.open(receipt('2025-03-03T09:00'))).caseId;
  const refused = (await engine.open(receipt('2025-03-03T09:30'))).caseId;
  await engine.send(asked, ev('REQUEST_COMPLETION', '2025-03-03T10:00', desk, { missing: ['birth certificate'] }));
  await engine.send(refused, ev('REFUSE', '2025-03-03T10:05', desk, { reasons: ['not competent'] }));
  return { asked, refused };
}

describe.each(Object.entries(STORES))('status codes on the %s store', { timeout: 60_000 }, (_name, makeStore) => {
  it('a completion request at receipt is status 5 (Yêu cầu bổ sung giấy tờ), and 3 is a refusal at receipt only', async () => {
    const store = makeStore();
    const { asked, refused } = await askAndRefuse(store);
    const engine = createEngine({ procedures: [tinySpec()], store });
    const [a, r] = [await engine.status(asked), await engine.status(refused)];
    // Online is channel 2 of the portal (3 is the public postal service).
    expect(a.channel).toEqual({ kind: 'online', code: 2, label: { vi: 'Trực tuyến', en: 'online' } });
    expect([a.status, a.label.vi, r.status, r.label.vi]).toEqual([5, 'Yêu cầu bổ sung giấy tờ', 3, 'Không được tiếp nhận']);
    expect((await engine.list({ status: 5 })).map((c) => c.caseId)).toEqual([asked]);
    expect((await engine.list({ status: 3 })).map((c) => c.caseId)).toEqual([refused]);
    await store.close();
  });
});

describe.each(Object.entries(STORES))('a withdrawal on the %s store', { timeout: 60_000 }, (_name, makeStore) => {
  it('is the applicant’s request (7), in the desk’s queue, until an officer of the desk closes it (8)', async () => {
    const store = makeStore();
    const engine = createEngine({ procedures: [tinySpec()], store });
    const { caseId } = await engine.open({ procedure: 'tiny', channel: 'in-person', receivedAt: at('2025-03-03T09:00'), by: desk });
    expect(await engine.send(caseId, ev('WITHDRAW', '2025-03-03T10:00', applicant, { reason: 'moved away' }))).toMatchObject({ ok: true, status: 7, effects: [{ kind: 'withdrawn' }] });
    // Held by the desk, so not ended yet (its outcome, withdrawn, is decided).
    expect((await engine.list({ agency: 'desk' })).map((c) => [c.caseId, c.index.status, c.index.ended, c.index.holders])).toEqual([[caseId, 7, false, ['desk']]]);
    const asked = await engine.status(caseId);
    expect([asked.label.vi, asked.channel]).toEqual(['Công dân yêu cầu rút hồ sơ', { kind: 'in-person', code: 1, label: { vi: 'Trực tiếp', en: 'in person' } }]);
    expect(await engine.send(caseId, ev('WITHDRAW', '2025-03-03T11:00', desk))).toMatchObject({ ok: true, status: 8, effects: [{ kind: 'case-closed' }] });
    expect(await engine.list({ agency: 'desk' })).toEqual([]);
    const closed = await engine.status(caseId);
    expect([closed.status, closed.label.vi, closed.outcome?.kind]).toEqual([8, 'Dừng xử lý', 'withdrawn']);
    expect((await engine.list({ status: 8 })).map((c) => [c.index.ended, c.index.holders])).toEqual([[true, []]]);
    expect(await engine.send(caseId, ev('WITHDRAW', '2025-03-03T12:00', desk))).toMatchObject({ ok: false, error: { code: 'case-ended' } });
    await store.close();
  });
});

describe('the official status labels', () => {
  it('are those the one-stop systems synchronise with the national portal', () => {
    expect(Object.values(STATUS_LABELS).map((l) => l.vi)).toEqual([
      'Mới đăng ký',
      'Được tiếp nhận',
      'Không được tiếp nhận',
      'Đang xử lý',
      'Yêu cầu bổ sung giấy tờ',
      'Yêu cầu thực hiện nghĩa vụ tài chính',
      'Công dân yêu cầu rút hồ sơ',
      'Dừng xử lý',
      'Đã xử lý xong',
      'Đã trả kết quả',
    ]);
  });
});

describe('a store written when a completion request was status 3', { timeout: 60_000 }, () => {
  it('SQLite: opening it moves the waiting dossier to 5 and leaves the refusal at 3, snapshots and logs untouched', async () => {
    const file = join(tempDir(), 'cases.db');
    const first = sqliteStore(file);
    const { asked, refused } = await askAndRefuse(first);
    await first.close();
    // Put the database back as schema 5 left it: the old status, the old version.
    const raw = new Sqlite(file);
    raw.prepare('UPDATE cases SET status = 3 WHERE case_id = ?').run(asked);
    raw.pragma('user_version = 5');
    const migrated = 7;
    const before = raw.prepare('SELECT snapshot FROM cases ORDER BY case_id').all();
    const events = raw.prepare('SELECT count(*) AS n FROM events').get();
    raw.close();
    const store = sqliteStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrated);
    expect((await store.list()).map((c) => [c.caseId, c.index.status])).toEqual([[asked, 5], [refused, 3]]);
    const after = new Sqlite(file, { readonly: true });
    expect([after.prepare('SELECT snapshot FROM cases ORDER BY case_id').all(), after.prepare('SELECT count(*) AS n FROM events').get()]).toEqual([before, events]);
    after.close();
    // The dossier goes on as before: the applicant brings the papers.
    const engine = createEngine({ procedures: [tinySpec()], store });
    expect(await engine.send(asked, ev('SUPPLY', '2025-03-04T09:00', applicant))).toMatchObject({ ok: true, status: 1 });
    await store.close();
  });

  it('SQLite: a case withdrawn before stays at 7 and goes to the desk’s queue, to be closed', async () => {
    const file = join(tempDir(), 'cases.db');
    const first = sqliteStore(file);
    const engine = createEngine({ procedures: [tinySpec()], store: first });
    const { caseId } = await engine.open({ procedure: 'tiny', channel: 'in-person', receivedAt: at('2025-03-03T09:00'), by: desk });
    await engine.send(caseId, ev('WITHDRAW', '2025-03-03T10:00', applicant));
    await first.close();
    // As schema 6 left it: a withdrawn case held by nobody.
    const raw = new Sqlite(file);
    raw.prepare("UPDATE cases SET holders = '[]'").run();
    raw.prepare('DELETE FROM case_holders').run();
    raw.pragma('user_version = 6');
    raw.close();
    const store = sqliteStore(file);
    expect((await store.list({ agency: 'desk' })).map((c) => [c.caseId, c.index.status, c.index.holders])).toEqual([[caseId, 7, ['desk']]]);
    expect(await createEngine({ procedures: [tinySpec()], store }).send(caseId, ev('WITHDRAW', '2025-03-04T09:00', desk))).toMatchObject({ ok: true, status: 8 });
    await store.close();
  });

  it.runIf(PG_URL !== undefined)('PostgreSQL: a case withdrawn before stays at 7 and goes to the desk’s queue', async () => {
    const db = await freshDatabase();
    try {
      const first = await postgresStore(db.url);
      const engine = createEngine({ procedures: [tinySpec()], store: first });
      const { caseId } = await engine.open({ procedure: 'tiny', channel: 'in-person', receivedAt: at('2025-03-03T09:00'), by: desk });
      await engine.send(caseId, ev('WITHDRAW', '2025-03-03T10:00', applicant));
      await first.close();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query("UPDATE cases SET holders = '{}'");
      await client.query('DELETE FROM motcua_migrations WHERE version = 6');
      await client.end();
      const store = await postgresStore(db.url);
      expect((await store.list({ agency: 'desk' })).map((c) => [c.caseId, c.index.status])).toEqual([[caseId, 7]]);
      await store.close();
    } finally {
      await db.drop();
    }
  });

  it.runIf(PG_URL !== undefined)('PostgreSQL: migrating moves the waiting dossier to 5 and leaves the refusal at 3', async () => {
    const db = await freshDatabase();
    try {
      const first = await postgresStore(db.url);
      const { asked, refused } = await askAndRefuse(first);
      await first.close();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query('UPDATE cases SET status = 3 WHERE case_id = $1', [asked]);
      await client.query('DELETE FROM motcua_migrations WHERE version >= 5');
      await client.end();
      const store = await postgresStore(db.url);
      expect((await store.list()).map((c) => [c.caseId, c.index.status])).toEqual([[asked, 5], [refused, 3]]);
      await store.close();
    } finally {
      await db.drop();
    }
  });
});
