import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Instant, parseInstant } from '../../src/calendar/instant.ts';
import type { Actor, CaseEvent } from '../../src/compile/types.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import type { CaseStore } from '../../src/engine/store.ts';

/** A fresh folder for database files, outside the project. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'motcua-engine-'));
}

/** Both stores, by name: the engine's behaviour must not depend on which one it runs on. */
export const STORES: Readonly<Record<'memory' | 'sqlite', () => CaseStore>> = {
  memory: () => memoryStore(),
  sqlite: () => sqliteStore(join(tempDir(), 'cases.db')),
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
