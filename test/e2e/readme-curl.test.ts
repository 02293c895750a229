import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { birthAuthFile, startServe } from '../support/server-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(`${ROOT}README.md`, 'utf8');

/** The README's curl session: each `$ ` command (with its `\` continuation lines) and the output shown under it. */
function session(): { command: string; expected: string }[] {
  const block = /<!-- curl-session -->\n```sh\n([\s\S]*?)```/.exec(README);
  if (block === null) throw new Error('README has no <!-- curl-session --> block');
  const steps: { command: string; expected: string }[] = [];
  let continuing = false;
  for (const line of block[1]!.trimEnd().split('\n')) {
    if (line.startsWith('$ ')) {
      steps.push({ command: line.slice(2), expected: '' });
    } else if (continuing) {
      steps.at(-1)!.command += `\n${line}`;
    } else {
      const last = steps.at(-1)!;
      last.expected += (last.expected === '' ? '' : '\n') + line;
    }
    continuing = line.endsWith('\\');
  }
  return steps;
}

/** `…` in the README stands for anything; everything else must match exactly. */
const pattern = (shown: string) => new RegExp(`^${shown.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);

describe('the README curl session', () => {
  it('runs as written against motcua serve, each answer as shown', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-curl-'));
    const tokens = { DESK: 'readme-desk-token-0000000000000000', OFFICER: 'readme-officer-token-000000000000', CHAIRMAN: 'readme-chairman-token-00000000000' };
    birthAuthFile(dir, { desk: tokens.DESK, officer: tokens.OFFICER, chairman: tokens.CHAIRMAN, unit: '000.00.12.H33' }, 'readme-lookup-key-0123456789abcdef0123');
    const server = await startServe(['--db', join(dir, 'cases.db'), '--auth', join(dir, 'auth.yaml')]);
    try {
      const steps = session();
      expect(steps.length).toBe(10);
      // One shell runs the whole session, so variables carry from one command to the next; a
      // marker after each command splits what it printed.
      const script = steps.map((s) => `${s.command}\necho; echo '@@end@@'`).join('\n');
      const run = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, API: server.url, ...tokens } });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const outputs = run.stdout.split('@@end@@\n');
      steps.forEach((step, i) => {
        expect({ command: step.command, output: outputs[i]!.trim() }).toEqual({ command: step.command, output: expect.stringMatching(pattern(step.expected)) });
      });
    } finally {
      await server.stop();
    }
  });
});
