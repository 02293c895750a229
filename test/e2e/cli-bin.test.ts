import { spawnSync } from 'node:child_process';
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
});
