import { describe, expect, it } from 'vitest';
import { persistCase, statusCode } from '../../src/compile/case.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { indexCase } from '../../src/engine/case-index.ts';
import { applyEntry } from '../../src/engine/replay.ts';
import type { CaseStore, Commit, LogEntry } from '../../src/engine/store.ts';
import { BusinessCalendar } from '../../src/calendar/business-calendar.ts';
import { fileComplaint } from '../../src/engine/complaints.ts';
import { acknowledgeComplaint, answerComplaint, askComplaintInformation, openComplaint } from '../../src/indicators/complaint.ts';
import { tinySpec } from '../support/specs.ts';
import pg from 'pg';
import { postgresStore } from '../../src/engine/postgres-store.ts';
import { PG_URL, freshDatabase } from '../support/postgres.ts';
import { STORES, at, desk, ev } from './support.ts';

const proc = compileProcedure(tinySpec());
const procedure = { id: 'tiny', version: '1' };
const calendar = new BusinessCalendar();

/** A commit of `entries` onto the case as the log `before` left it. */
function commitOf(caseId: string, before: readonly LogEntry[], entries: readonly LogEntry[], extra: Partial<Commit> = {}): Commit {
  let snapshot = null as ReturnType<typeof applyEntry>['snapshot'] | null;
  for (const e of before) snapshot = applyEntry(proc, snapshot, e).snapshot;
  const lines = entries.map((entry) => {
    const applied = applyEntry(proc, snapshot, entry);
    snapshot = applied.snapshot;
    return { entry, effects: applied.effects };
  });
  const persisted = persistCase(snapshot!);
  return { caseId, code: caseId, procedure, expectedVersion: before.length, entries: lines, snapshot: persisted, index: indexCase(persisted, statusCode(snapshot!)), ...extra };
}

const opening = (code: string, local = '2025-03-03T09:00'): LogEntry => ({ kind: 'open', receivedAt: at(local), channel: 'in-person', dossier: {}, code, by: desk });
const accept = (local = '2025-03-03T09:00'): LogEntry => ({ kind: 'event', event: ev('ACCEPT', local, desk) });
const transfer: LogEntry = { kind: 'event', event: ev('TRANSFER', '2025-03-03T10:00', desk) };

describe.each(Object.entries(STORES))('the store contract on the %s store', { timeout: 60_000 }, (_name, makeStore) => {
  const withStore = async (body: (store: CaseStore) => Promise<void>) => {
    const store = makeStore();
    try {
      await body(store);
    } finally {
      await store.close();
    }
  };

  it('creates a case once, appends at the expected version only, and keeps the log in order', () =>
    withStore(async (store) => {
      expect(await store.commit(commitOf('c1', [], [opening('c1'), accept()]))).toEqual({ ok: true, version: 2 });
      expect(await store.commit(commitOf('c1', [], [opening('c1'), accept()]))).toEqual({ ok: false, reason: 'conflict', actual: 2 });
      const stale = commitOf('c1', [opening('c1'), accept()], [transfer], { expectedVersion: 1 });
      expect(await store.commit(stale)).toEqual({ ok: false, reason: 'conflict', actual: 2 });
      expect(await store.commit(commitOf('c1', [opening('c1'), accept()], [transfer]))).toEqual({ ok: true, version: 3 });
      expect((await store.log('c1')).map((l) => [l.version, l.entry.kind === 'event' ? l.entry.event.type : l.entry.kind])).toEqual([
        [1, 'open'],
        [2, 'ACCEPT'],
        [3, 'TRANSFER'],
      ]);
      const record = await store.get('c1');
      expect([record?.version, record?.index.status, record?.index.holders]).toEqual([3, 4, ['justice']]);
      expect(await store.get('nope')).toBeNull();
      expect(await store.log('nope')).toEqual([]);
    }));

  it('keeps snapshots exactly as written, the order of the keys included', () =>
    withStore(async (store) => {
      const c = commitOf('c1', [], [opening('c1'), accept(), transfer]);
      await store.commit(c);
      const stored = await store.get('c1');
      expect(JSON.stringify(stored?.snapshot)).toBe(JSON.stringify(c.snapshot));
      expect((await store.log('c1'))[2]?.entry).toEqual(transfer);
    }));

  it('answers a used idempotency key with the first answer and writes nothing', () =>
    withStore(async (store) => {
      const idem = { key: 'k1', request: '{"a":1}', result: '{"ok":true}' };
      expect(await store.commit(commitOf('c1', [], [opening('c1'), accept()], { idempotency: idem }))).toEqual({ ok: true, version: 2 });
      expect(await store.commit(commitOf('c1', [opening('c1'), accept()], [transfer], { idempotency: idem }))).toEqual({ ok: false, reason: 'idempotent', stored: { ...idem, caseId: 'c1' } });
      expect((await store.get('c1'))?.version).toBe(2);
      expect(await store.recall('k1')).toEqual({ ...idem, caseId: 'c1' });
      expect(await store.recall('k2')).toBeNull();
    }));

  it('records refused attempts apart from the log, once per idempotency key', () =>
    withStore(async (store) => {
      const event = ev('COMPLETE', '2025-03-03T11:00', desk, { step: 'register' });
      const idem = { key: 'r1', request: 'x', result: 'y' };
      expect(await store.refuse({ caseId: 'c1', caseVersion: 3, event, code: 'refused', reason: 'not the holder' }, idem)).toEqual({ ok: true, version: 3 });
      expect(await store.refuse({ caseId: 'c1', caseVersion: 3, event, code: 'refused', reason: 'not the holder' }, idem)).toEqual({ ok: false, reason: 'idempotent', stored: { ...idem, caseId: 'c1' } });
      await store.refuse({ caseId: null, caseVersion: 0, event, code: 'refused', reason: 'no case' });
      expect((await store.refusals('c1')).map((r) => [r.caseId, r.caseVersion, r.code, r.event])).toEqual([['c1', 3, 'refused', event]]);
      expect((await store.refusals()).map((r) => r.reason)).toEqual(['not the holder', 'no case']);
    }));

  it('gives the next value of a named counter without taking it: the commit that uses a value records it', () =>
    withStore(async (store) => {
      expect([await store.nextSequence('tiny-20250303'), await store.nextSequence('tiny-20250303')]).toEqual([1, 1]);
      await store.commit(commitOf('c1', [], [opening('c1'), accept()], { sequence: { name: 'tiny-20250303', value: 1 } }));
      expect([await store.nextSequence('tiny-20250303'), await store.nextSequence('other')]).toEqual([2, 1]);
      await store.commit(commitOf('c5', [], [opening('c5'), accept()], { sequence: { name: 'tiny-20250303', value: 5 } }));
      await store.commit(commitOf('c3', [], [opening('c3'), accept()], { sequence: { name: 'tiny-20250303', value: 3 } }));
      expect(await store.nextSequence('tiny-20250303')).toBe(6);
      // A commit that writes nothing records nothing.
      await store.commit(commitOf('c1', [], [opening('c1'), accept()], { sequence: { name: 'tiny-20250303', value: 9 } }));
      expect(await store.nextSequence('tiny-20250303')).toBe(6);
    }));

  it('lists by holder, status, procedure and due date, oldest receipt first, and finds the deadlines due', () =>
    withStore(async (store) => {
      await store.commit(commitOf('b', [], [opening('b', '2025-03-03T09:30'), accept('2025-03-03T09:30')]));
      await store.commit(commitOf('a', [], [opening('a'), accept(), transfer]));
      expect((await store.list()).map((c) => c.caseId)).toEqual(['a', 'b']);
      expect((await store.list({ agency: 'justice' })).map((c) => c.caseId)).toEqual(['a']);
      expect((await store.list({ status: [2] })).map((c) => c.caseId)).toEqual(['b']);
      expect((await store.list({ status: 4, agency: 'desk' })).map((c) => c.caseId)).toEqual([]);
      expect((await store.list({ procedure: 'other' })).map((c) => c.caseId)).toEqual([]);
      expect((await store.list({ overdue: at('2025-03-10T00:00') })).map((c) => c.caseId)).toEqual(['a', 'b']);
      expect((await store.list({ dueBefore: at('2025-03-06T00:00') })).map((c) => c.caseId)).toEqual([]);
      const deadlines = (await store.list()).map((c) => c.index.nextDeadline);
      expect(deadlines.every((d) => d !== null)).toBe(true);
      expect(await store.dueBy(at('2025-03-01T00:00'))).toEqual([]);
      expect((await store.dueBy(at('2025-04-01T00:00'))).sort()).toEqual(['a', 'b']);
    }));

  it('many commits at once, several on one version of one case: each version is written by exactly one', () =>
    withStore(async (store) => {
      const cases = ['x1', 'x2', 'x3', 'x4'];
      await Promise.all(cases.map((id) => store.commit(commitOf(id, [], [opening(id), accept()]))));
      const racing = cases.flatMap((id) => [0, 1, 2].map(() => store.commit(commitOf(id, [opening(id), accept()], [transfer]))));
      const results = await Promise.all(racing);
      expect(results.filter((r) => r.ok).length).toBe(4);
      expect(results.filter((r) => !r.ok && r.reason === 'conflict' && r.actual === 3).length).toBe(8);
      for (const id of cases) expect((await store.log(id)).map((l) => l.version)).toEqual([1, 2, 3]);
    }));

  it('keeps every effect of a commit in the outbox, with delivery state per endpoint', () =>
    withStore(async (store) => {
      await store.commit(commitOf('c1', [], [opening('c1'), accept(), transfer]));
      const pending = await store.outbox.pending('hook', at('2025-03-03T12:00'), 10);
      expect(pending.map((p) => [p.caseId, p.version, p.effect.kind, p.attempts])).toEqual([
        ['c1', 2, 'appointment-slip', 0],
        ['c1', 3, 'notify-agency', 0],
      ]);
      const [slip, notify] = pending;
      await store.outbox.record('hook', slip!.id, { state: 'delivered' });
      await store.outbox.record('hook', notify!.id, { state: 'retry', nextAt: at('2025-03-03T13:00'), error: 'HTTP 500' });
      expect(await store.outbox.pending('hook', at('2025-03-03T12:30'), 10)).toEqual([]);
      expect((await store.outbox.pending('hook', at('2025-03-03T13:00'), 10)).map((p) => [p.id, p.attempts])).toEqual([[notify!.id, 1]]);
      // Another endpoint has its own state.
      expect((await store.outbox.pending('other', at('2025-03-03T12:00'), 1)).map((p) => p.id)).toEqual([slip!.id]);
      await store.outbox.record('hook', notify!.id, { state: 'dead', error: 'HTTP 500' });
      expect(await store.outbox.pending('hook', at('2025-03-04T00:00'), 10)).toEqual([]);
      expect(await store.outbox.stats('hook')).toEqual({ delivered: 1, skipped: 0, dead: 1, waiting: 0 });
      expect((await store.outbox.deadLetters('hook')).map((d) => [d.id, d.attempts, d.error])).toEqual([[notify!.id, 2, 'HTTP 500']]);
      // Later effects come after the cursor.
      await store.commit(commitOf('c1', [opening('c1'), accept(), transfer], [{ kind: 'event', event: ev('WITHDRAW', '2025-03-03T14:00', { kind: 'applicant' }) }]));
      expect((await store.outbox.pending('hook', at('2025-03-04T00:00'), 10)).map((p) => [p.version, p.effect.kind])).toEqual([[4, 'withdrawn']]);
    }));

  it('writes nothing to the outbox for a commit that conflicts', () =>
    withStore(async (store) => {
      await store.commit(commitOf('c1', [], [opening('c1'), accept()]));
      await store.commit(commitOf('c1', [], [opening('c1'), accept()]));
      expect(await store.outbox.stats('hook')).toEqual({ delivered: 0, skipped: 0, dead: 0, waiting: 1 });
    }));

  it('eight cases opened at once on one engine take eight consecutive dossier numbers', () =>
    withStore(async (store) => {
      const engine = createEngine({ procedures: [tinySpec()], store });
      const opened = await Promise.all(Array.from({ length: 8 }, () => engine.open({ procedure: 'tiny', channel: 'in-person', receivedAt: at('2025-03-03T09:00'), by: desk })));
      expect(opened.map((o) => o.code).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `MOTCUA-250303-000${i + 1}`));
      expect(await store.nextSequence('MOTCUA-250303')).toBe(9);
    }));

  it('writes complaints whole with a version check and lists them by dossier, agency and status', () =>
    withStore(async (store) => {
      const a = openComplaint({ id: 'PAKN-a', kind: 'feedback', dossier: 'D-1', agency: 'police', text: 'a', at: at('2025-03-14T10:00') }, calendar);
      const b = openComplaint({ id: 'PAKN-b', kind: 'petition', agency: 'justice', text: 'b', at: at('2025-03-13T10:00') }, calendar);
      expect(await store.putComplaint(a)).toEqual({ ok: true });
      expect(await store.putComplaint(b)).toEqual({ ok: true });
      // Creating it again, or writing a stale version, writes nothing.
      expect(await store.putComplaint(a)).toEqual({ ok: false, reason: 'conflict', actual: 1 });
      const answered = answerComplaint(a, { at: at('2025-03-15T10:00'), outcome: 'upheld', text: 'fixed' });
      expect(await store.putComplaint(answered)).toEqual({ ok: true });
      expect(await store.putComplaint({ ...answered, text: 'stale' })).toEqual({ ok: false, reason: 'conflict', actual: 2 });
      expect(await store.complaint('PAKN-a')).toEqual(answered);
      expect(await store.complaint('nope')).toBeNull();
      expect((await store.complaints()).map((c) => c.id)).toEqual(['PAKN-b', 'PAKN-a']);
      expect((await store.complaints({ dossier: 'D-1' })).map((c) => c.id)).toEqual(['PAKN-a']);
      expect((await store.complaints({ agency: 'justice', status: 'open' })).map((c) => c.id)).toEqual(['PAKN-b']);
      expect(await store.complaints({ status: 'refused' })).toEqual([]);
      // Acknowledged, then asked about: each a new version, listed by its new status.
      const acknowledged = acknowledgeComplaint(b, at('2025-03-14T09:00'));
      expect(await store.putComplaint(acknowledged)).toEqual({ ok: true });
      const asked = askComplaintInformation(acknowledged, { at: at('2025-03-14T10:00'), text: 'which desk?' });
      expect(await store.putComplaint(asked)).toEqual({ ok: true });
      expect(await store.complaint('PAKN-b')).toEqual(asked);
      expect((await store.complaints({ status: 'awaiting-information' })).map((c) => [c.id, c.version, c.informationRequest?.text])).toEqual([['PAKN-b', 3, 'which desk?']]);
      expect(await store.complaints({ status: 'acknowledged' })).toEqual([]);
    }));

  it('reads complaints written before acknowledgements existed with neither set', () =>
    withStore(async (store) => {
      const { acknowledgedAt: _a, informationRequest: _i, ...old } = openComplaint({ id: 'PAKN-old', kind: 'feedback', text: 'old', at: at('2025-01-06T10:00') }, calendar);
      expect(await store.putComplaint(old as never)).toEqual({ ok: true });
      expect(await store.complaint('PAKN-old')).toMatchObject({ status: 'open', acknowledgedAt: null, informationRequest: null });
      expect((await store.complaints())[0]).toMatchObject({ acknowledgedAt: null, informationRequest: null });
    }));

  it('numbers filed complaints per day of filing, each taking the next free number', () =>
    withStore(async (store) => {
      const file = (local: string) => fileComplaint(store, { kind: 'feedback', agency: 'police', text: 'queue too long', at: at(local) }, calendar);
      expect([(await file('2025-03-14T10:00')).id, (await file('2025-03-14T23:59')).id, (await file('2025-03-15T00:00')).id]).toEqual(['PAKN-20250314-0001', 'PAKN-20250314-0002', 'PAKN-20250315-0001']);
      // A number another writer took in between is skipped, not overwritten.
      await store.putComplaint(openComplaint({ id: 'PAKN-20250315-0003', kind: 'petition', text: 'taken', at: at('2025-03-15T08:00') }, calendar));
      expect((await file('2025-03-15T09:00')).id).toBe('PAKN-20250315-0004');
      expect((await store.complaint('PAKN-20250315-0003'))?.text).toBe('taken');
    }));
});

describe.runIf(PG_URL !== undefined)('the PostgreSQL outbox cursor', { timeout: 60_000 }, () => {
  it('still delivers an effect whose transaction commits after later effects were delivered, and reads only above its cursor', async () => {
    const db = await freshDatabase();
    const store = await postgresStore(db.url);
    const slow = new pg.Client({ connectionString: db.url });
    await slow.connect();
    try {
      // A writer takes an outbox id and stays open while another commits and is delivered.
      await slow.query('BEGIN');
      const { rows } = await slow.query<{ id: string }>(`INSERT INTO outbox (case_id, version, effect) VALUES ('slow', 1, '{"kind":"case-closed","at":0}') RETURNING id`);
      const slowId = Number(rows[0]!.id);
      await store.commit(commitOf('c1', [], [opening('c1'), accept(), transfer]));
      const first = await store.outbox.pending('hook', at('2025-03-03T12:00'), 10);
      expect(first.map((p) => [p.caseId, p.effect.kind])).toEqual([
        ['c1', 'appointment-slip'],
        ['c1', 'notify-agency'],
      ]);
      expect(first.every((p) => p.id > slowId)).toBe(true);
      for (const p of first) await store.outbox.record('hook', p.id, { state: 'delivered' });
      await slow.query('COMMIT');
      // The lower id became visible after the higher ones were settled: it is still pending.
      expect((await store.outbox.pending('hook', at('2025-03-03T12:00'), 10)).map((p) => [p.id, p.caseId])).toEqual([[slowId, 'slow']]);
      await store.outbox.record('hook', slowId, { state: 'delivered' });
      expect(await store.outbox.pending('hook', at('2025-03-03T12:00'), 10)).toEqual([]);
      // Once everything is settled the cursor is above every transaction that wrote an effect.
      const cursor = await slow.query<{ above: boolean }>(`SELECT (SELECT from_txid FROM outbox_cursors WHERE endpoint = 'hook') > (SELECT max(txid) FROM outbox) AS above`);
      expect(cursor.rows[0]!.above).toBe(true);
      expect(await store.outbox.stats('hook')).toEqual({ delivered: 3, skipped: 0, dead: 0, waiting: 0 });
    } finally {
      await slow.end();
      await store.close();
      await db.drop();
    }
  });
});
