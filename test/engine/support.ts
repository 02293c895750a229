import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Instant, parseInstant } from '../../src/calendar/instant.ts';
import type { Actor, CaseEvent } from '../../src/compile/types.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import type { CaseStore } from '../../src/engine/store.ts';
import { postgresStore } from '../../src/engine/postgres-store.ts';
import { PG_URL, freshDatabase } from '../support/postgres.ts';

/** A fresh folder for database files, outside the project. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'motcua-engine-'));
}

/**
 * A store that is still being opened, usable at once: each call waits for it. Closing it also
 * runs `after` (dropping a test database).
 */
export function lazyStore(opening: Promise<CaseStore>, after: () => Promise<void> = async () => {}): CaseStore {
  const call =
    <K extends Exclude<keyof CaseStore, 'outbox'>>(name: K) =>
    async (...args: Parameters<CaseStore[K]>) =>
      ((await opening)[name] as (...a: unknown[]) => unknown)(...args);
  const box =
    <K extends keyof CaseStore['outbox']>(name: K) =>
    async (...args: Parameters<CaseStore['outbox'][K]>) =>
      ((await opening).outbox[name] as (...a: unknown[]) => unknown)(...args);
  return {
    outbox: {
      pending: box('pending') as CaseStore['outbox']['pending'],
      record: box('record') as CaseStore['outbox']['record'],
      stats: box('stats') as CaseStore['outbox']['stats'],
      deadLetters: box('deadLetters') as CaseStore['outbox']['deadLetters'],
    },
    nextSequence: call('nextSequence') as CaseStore['nextSequence'],
    commit: call('commit') as CaseStore['commit'],
    get: call('get') as CaseStore['get'],
    log: call('log') as CaseStore['log'],
    recall: call('recall') as CaseStore['recall'],
    refuse: call('refuse') as CaseStore['refuse'],
    refusals: call('refusals') as CaseStore['refusals'],
    list: call('list') as CaseStore['list'],
    dueBy: call('dueBy') as CaseStore['dueBy'],
    putComplaint: call('putComplaint') as CaseStore['putComplaint'],
    complaint: call('complaint') as CaseStore['complaint'],
    complaints: call('complaints') as CaseStore['complaints'],
    close: async () => {
      await (await opening).close();
      await after();
    },
  };
}

/** A PostgreSQL store on a fresh database of the test server (MOTCUA_TEST_PG). */
export function pgTestStore(): CaseStore {
  const db = freshDatabase();
  return lazyStore(
    db.then((d) => postgresStore(d.url)),
    async () => (await db).drop(),
  );
}

/**
 * Every store, by name: the engine's behaviour must not depend on which one it runs on.
 * PostgreSQL joins when the tests have a server (MOTCUA_TEST_PG; required in CI).
 */
export const STORES: Readonly<Record<'memory' | 'sqlite', () => CaseStore> & Partial<Record<'postgres', () => CaseStore>>> = {
  memory: () => memoryStore(),
  sqlite: () => sqliteStore(join(tempDir(), 'cases.db')),
  ...(PG_URL === undefined ? {} : { postgres: pgTestStore }),
};

export const desk: Actor = { kind: 'agency', agency: 'desk' };
export const applicant: Actor = { kind: 'applicant' };
export const agency = (id: string): Actor => ({ kind: 'agency', agency: id });
export const at = (local: string): Instant => parseInstant(local);

type Payload<T extends CaseEvent['type']> = Omit<Extract<CaseEvent, { type: T }>, 'type' | 'at' | 'by'>;

/** An event with a readable local time: `ev('COMPLETE', '2025-03-03T10:00', agency('justice'), { step: 'register' })`. */
export function ev<T extends CaseEvent['type']>(type: T, local: string, by: Actor, payload?: Payload<T>): CaseEvent {
  return { type, at: at(local), by, ...payload } as CaseEvent;
}
