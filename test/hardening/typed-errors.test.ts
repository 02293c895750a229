import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { sqliteStore, storeFault } from '../../src/engine/sqlite-store.ts';
import { CaseError, StoreError } from '../../src/errors.ts';
import { runCli } from '../support/cli.ts';
import { tinySpec } from '../support/specs.ts';
import { agency, at, desk, ev } from '../engine/support.ts';

const openTiny = (receivedAt = '2025-03-03T09:00') => ({ procedure: 'tiny', channel: 'in-person' as const, receivedAt: at(receivedAt), by: desk });

describe('typed errors at the engine boundary (issue 19 regressions)', () => {
  it('refuses an event whose actor is "__proto__" with a reason instead of throwing inside a guard', async () => {
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore() });
    const { caseId } = await engine.open(openTiny());
    const result = await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', agency('__proto__')));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(CaseError);
    expect(!result.ok && result.error.message).toBe('only the one-stop desk, One-stop desk (desk), can transfer the dossier; unknown agency "__proto__" cannot.');
  });

  it('refuses a completion by "constructor" and "toString" as unknown agencies', async () => {
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore() });
    const { caseId } = await engine.open(openTiny());
    await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk));
    for (const name of ['constructor', 'toString']) {
      const result = await engine.send(caseId, ev('COMPLETE', '2025-03-03T11:00', agency(name), { step: 'register' }));
      expect(!result.ok && result.error.code).toBe('refused');
      expect(!result.ok && result.error.message).toContain(`unknown agency "${name}" cannot`);
    }
  });

  it('refuses undeclared dossier keys such as "constructor" and "toString"', async () => {
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore() });
    for (const key of ['constructor', 'toString', '__proto__']) {
      const dossier = JSON.parse(`{"${key}": 1}`) as Record<string, number>;
      await expect(engine.open({ ...openTiny(), dossier })).rejects.toMatchObject({ name: 'CaseError', code: 'bad-input', path: ['dossier', key] });
    }
  });

  it('opens no case received after 2100 and says so with a CaseError whose cause is the CalendarError', async () => {
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore() });
    const error = await engine.open({ ...openTiny(), receivedAt: parseInstant('2101-06-01T09:00') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseError);
    expect((error as CaseError).code).toBe('out-of-range');
    expect((error as CaseError).cause).toMatchObject({ name: 'CalendarError', code: 'out-of-range' });
  });

  it('answers an event dated after 2100 with a refusal, and the case goes on', async () => {
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore() });
    const { caseId } = await engine.open(openTiny());
    const late = await engine.send(caseId, ev('TRANSFER', '2150-01-01T10:00', desk));
    expect(!late.ok && late.error.code).toBe('out-of-range');
    const next = await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk));
    expect(next.ok).toBe(true);
  });
});

describe('storage faults are StoreErrors that say what to do (issue 19 regressions)', () => {
  it('turns a full disk into a one-line StoreError that says nothing was written', () => {
    const fault = storeFault(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), 'cases.db');
    expect(fault).toBeInstanceOf(StoreError);
    expect((fault as StoreError).describe()).toBe('cases.db: the disk holding the case database is full. Free some space and try again. Nothing was written.');
  });

  it('turns a lock held too long into a StoreError naming the wait', () => {
    const fault = storeFault(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), 'cases.db', 250);
    expect((fault as StoreError).code).toBe('locked');
    expect((fault as StoreError).message).toBe('the case database stayed locked by another writer for more than 250 ms. Try again, or stop the other process. Nothing was written.');
  });

  it('refuses to write a case into a read-only SQLite database with a StoreError, and uses up no dossier number', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'motcua-ro-')), 'cases.db');
    const store = sqliteStore(file);
    const engine = createEngine({ procedures: [tinySpec()], store });
    expect((await engine.open(openTiny())).code).toBe('MOTCUA-250303-0001');
    // As root a chmod does not stop writes; SQLite's query_only refuses them with SQLITE_READONLY like a read-only file.
    store.db.pragma('query_only = ON');
    const error = await engine.open(openTiny()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).describe()).toBe(`${file}: the case database cannot be written (the file or its folder is read-only). Give motcua write permission on both, or use another file. Nothing was written.`);
    store.db.pragma('query_only = OFF');
    expect((await engine.open(openTiny())).code).toBe('MOTCUA-250303-0002');
    await store.close();
  });

  it('uses up no dossier number when the commit fails', async () => {
    const store = memoryStore();
    let fail = true;
    const flaky = { ...store, commit: async (c: Parameters<typeof store.commit>[0]) => {
      if (fail) throw new StoreError('disk-full', 'the disk is full. Nothing was written.');
      return store.commit(c);
    } };
    const engine = createEngine({ procedures: [tinySpec()], store: flaky });
    await expect(engine.open(openTiny())).rejects.toBeInstanceOf(StoreError);
    fail = false;
    expect((await engine.open(openTiny())).code).toBe('MOTCUA-250303-0001');
  });
});

describe('the CLI prints one line for bad input (issue 19 regressions)', () => {
  it('reads year 0050 as 0050, not 1950, and refuses it as outside the lunar calendar', async () => {
    const { code, err } = await runCli(['calendar', 'lunar', '0050-06-15']);
    expect(code).toBe(2);
    expect(err).toBe('motcua: 0050-06-15 is outside the dates the lunar calendar supports, 1899-02-10 to 2101-01-28 (lunar years 1899–2100); use a date in that range.\n');
  });

  it('refuses a time offset of +99:99', () => {
    expect(() => parseInstant('2025-03-03T09:00+99:99')).toThrow('"2025-03-03T09:00+99:99" is not a local date-time: the offset +99:99 does not exist (offsets run from -14:00 to +14:00).');
  });

  it('answers an unknown case subcommand in one line, without the usage text', async () => {
    const { code, err } = await runCli(['case', 'frobnicate', '--db', 'x.db']);
    expect(code).toBe(2);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints a command\'s usage with --help, and only then', async () => {
    const { code, out } = await runCli(['case', '--help']);
    expect(code).toBe(0);
    expect(out.startsWith('motcua case open|send|show|list|tick|log --db <file.db>')).toBe(true);
  });

  it('refuses simulate --replications 0 in one line naming the flag', async () => {
    const { code, err } = await runCli(['simulate', 'simulations/mmc-validation.yaml', '--replications', '0']);
    expect(code).toBe(2);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toContain('--replications');
  });
});
