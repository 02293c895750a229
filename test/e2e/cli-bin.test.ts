import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/motcua.js', import.meta.url));
const motcua = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

describe('the motcua executable, as a user runs it', () => {
  it('prints a due date as JSON and exits 0', () => {
    const r = motcua('calendar', 'add', '2025-01-24', '3wd', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).due).toBe('2025-02-05');
  });

  it('answers bad input with exit code 2 and one line on stderr, never a stack trace', () => {
    const r = motcua('calendar', 'add', '2025-02-30', '3wd');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('motcua: <start>: "2025-02-30" is not a date: 2025-02 has 28 days. Write YYYY-MM-DD.\n');
  });

  it('loads a .ts procedure with --allow-code from a folder with no package.json, run from another folder', () => {
    // A user's project: motcua installed (here a link to this package), a procedure written in TypeScript.
    const project = mkdtempSync(join(tmpdir(), 'motcua-ts-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(fileURLToPath(new URL('../../', import.meta.url)), join(project, 'node_modules', 'motcua'));
    writeFileSync(
      join(project, 'mine.ts'),
      `import { procedure } from 'motcua';
const name = (en: string) => ({ vi: en, en });
export const mine = procedure({ id: 'mine', version: '1', effectiveFrom: '2016-01-01', title: name('Mine'), level: 'commune',
  agencies: { desk: { name: name('Desk'), level: 'commune', desk: true }, justice: { name: name('Officer'), level: 'commune' } } })
  .receipt({ desk: 'desk', channels: ['in-person'] })
  .flow(({ step }) => [step('register', { agency: 'justice', title: name('Register'), share: '1wd' })])
  .limit({ duration: '3wd', mode: 'date', ref: { document: 'Test', confidence: 'mem' } })
  .build();
`,
    );
    const r = spawnSync(process.execPath, [BIN, 'list', join(project, 'mine.ts'), '--allow-code', '--json'], { encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, LANG: 'C' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).procedures.map((p: { id: string; version: string }) => `${p.id}@${p.version}`)).toEqual(['mine@1']);
  });
});
