import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeProcedure } from '../../src/dsl/io.ts';
import { proceduresFor } from '../../src/node/load-procedures.ts';
import { tinySpec } from '../support/specs.ts';
import { runCli } from '../support/cli.ts';

/** A folder with one procedure of its own, an event list and a scenario beside it. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-procs-'));
  writeFileSync(join(dir, 'tiny.yaml'), writeProcedure(tinySpec(), 'yaml'));
  writeFileSync(join(dir, 'events.json'), JSON.stringify([{ type: 'ACCEPT', at: '2025-03-03T09:10', by: 'desk' }]));
  writeFileSync(join(dir, 'scenario.yaml'), 'name: not a procedure\nstart: 2025-01-01\n');
  return dir;
}

describe('--procedures adds to the catalogue; --only replaces it', () => {
  it('adds the folder’s procedures to the catalogue and passes over files that are not procedures', async () => {
    const dir = folder();
    const catalogue = await proceduresFor(undefined);
    const withMine = await proceduresFor([dir]);
    expect(withMine.length).toBe(catalogue.length + 1);
    expect(withMine.filter((p) => p.spec.id === 'tiny').map((p) => p.file)).toEqual([expect.stringMatching(/tiny\.yaml$/)]);
    expect(withMine.some((p) => p.spec.id === 'birth-registration')).toBe(true);
    expect((await proceduresFor([dir], { only: true })).map((p) => p.spec.id)).toEqual(['tiny']);
  });

  it('a procedure with the id and version of a catalogue one replaces it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-procs-'));
    const [birth] = (await proceduresFor(undefined)).filter((p) => p.spec.id === 'birth-registration');
    writeFileSync(join(dir, 'birth.json'), writeProcedure({ ...birth!.spec, title: { vi: 'Khai sinh (bản địa phương)', en: 'Birth (local copy)' } }, 'json'));
    const births = (await proceduresFor([dir])).filter((p) => p.spec.id === 'birth-registration' && p.spec.version === birth!.spec.version);
    expect(births.map((p) => p.spec.title.en)).toEqual(['Birth (local copy)']);
  });

  it('motcua case opens a case of a catalogue procedure and of the added one in the same store', async () => {
    const dir = folder();
    const db = join(mkdtempSync(join(tmpdir(), 'motcua-procs-')), 'cases.db');
    const request = (procedure: string, dossier: object = {}) => JSON.stringify({ procedure, receivedAt: '2025-03-03T09:00', channel: 'in-person', by: 'desk', dossier });
    const mine = await runCli(['case', 'open', '--db', db, '--procedures', dir, request('tiny')]);
    expect(mine.err).toBe('');
    expect(JSON.parse(mine.out)).toMatchObject({ caseId: 'MOTCUA-250303-0001' });
    const catalogue = await runCli(['case', 'open', '--db', db, '--procedures', dir, request('marriage-registration', { needsVerification: false })]);
    expect(catalogue.err).toBe('');
    // One unit (the placeholder) received both: the second dossier of its day.
    expect(JSON.parse(catalogue.out)).toMatchObject({ caseId: 'MOTCUA-250303-0002' });
    const only = await runCli(['case', 'open', '--db', db, '--procedures', dir, '--only', request('marriage-registration')]);
    expect(only.code).toBe(2);
    expect(only.err).toMatch(/^motcua: .*marriage-registration.*\n$/);
  });

  it('--only without --procedures is a usage error naming what it needs', async () => {
    const r = await runCli(['case', 'open', '--db', join(mkdtempSync(join(tmpdir(), 'motcua-procs-')), 'c.db'), '--only', '{"procedure":"tiny"}']);
    expect([r.code, r.err]).toEqual([2, 'motcua: --only: --only needs --procedures <dir|file>: the procedures to use instead of the catalogue.\n']);
  });
});

describe('commands that read procedure files also take a catalogue id', () => {
  it('check and list take an id (every version) or id@version, and name what they cannot find', async () => {
    const listed = JSON.parse((await runCli(['list', 'household-business-registration', '--json'])).out) as { procedures: { id: string; version: string }[] };
    expect(listed.procedures.map((p) => `${p.id}@${p.version}`)).toEqual(['household-business-registration@2021.1', 'household-business-registration@2025.1']);
    const one = JSON.parse((await runCli(['list', 'household-business-registration@2025.1', '--json'])).out) as { procedures: { version: string }[] };
    expect(one.procedures.map((p) => p.version)).toEqual(['2025.1']);
    const checked = await runCli(['check', 'birth-registration', '--seed', '1', '--runs', '3']);
    expect(checked.code).toBe(0);
    // Every version of the id, in file order: the post-reform one, then the 2016 one.
    expect(checked.out.split('\n').filter((l) => l.startsWith('✓'))).toEqual(['✓ pass: birth-registration 2025.1 (procedures/birth-registration-2025.ts)', '✓ pass: birth-registration 2016.1 (procedures/birth-registration.ts)']);
    const missing = await runCli(['check', 'no-such-procedure']);
    expect(missing.err).toBe('motcua: no-such-procedure: no such file or folder, nor a procedure id of the catalogue. Give a procedure file (.ts, .json, .yaml), a folder of them, or an id that motcua list shows.\n');
  }, 120_000);
});
