import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readStreamLimited } from '../../src/node/read-limited.ts';
import { loadScenario } from '../../src/node/scenario-files.ts';
import { runCli } from '../support/cli.ts';

const shown = (file: string) => relative(process.cwd(), file) || file;

/** A folder with a `.ts` module that leaves a mark when it runs. */
async function folderWithCode(): Promise<{ dir: string; mark: string; code: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-trust-'));
  const mark = join(dir, 'ran');
  const code = join(dir, 'evil.ts');
  writeFileSync(code, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(mark)}, 'x');\nexport const nothing = 1;\n`);
  return { dir, mark, code };
}

describe('a trust model for code (issue 19)', () => {
  it('motcua list <folder with a .ts file> does not run it, and says how to allow it', async () => {
    const { dir, mark, code } = await folderWithCode();
    const { code: exit, err } = await runCli(['list', dir]);
    expect(exit).toBe(2);
    expect(err).toBe(`motcua: ${shown(code)}: is TypeScript code, and motcua runs procedure code only from its catalogue: importing it would run whatever it contains. Read it, then run again with --allow-code to load it, or give the procedure as .json or .yaml.\n`);
    expect(existsSync(mark)).toBe(false);
  });

  it('runs the module with --allow-code', async () => {
    const { dir, mark } = await folderWithCode();
    const { err } = await runCli(['list', '--allow-code', dir]);
    expect(existsSync(mark)).toBe(true);
    expect(err).toContain('the module exports no procedure');
  });

  it('still runs the catalogue\'s own modules without the flag', async () => {
    const { code, out } = await runCli(['list', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { procedures: unknown[] }).procedures.length).toBeGreaterThanOrEqual(15);
  });
});

describe('bounds on what is read (issue 19 regressions)', () => {
  it('stops reading standard input at the limit instead of reading all of it', async () => {
    let produced = 0;
    const endless = Readable.from((function* () {
      for (;;) {
        produced += 16 * 1024;
        yield Buffer.alloc(16 * 1024, 0x20);
      }
    })());
    await expect(readStreamLimited(endless, 64 * 1024, 'stdin', '<stdin>')).rejects.toThrow('the input on stdin is larger than 65536 bytes, the most motcua reads. Give a smaller file (or split it).');
    expect(produced).toBeLessThanOrEqual(96 * 1024);
  });

  it('refuses a replay path outside the scenario\'s folder, without printing what the file holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-scn-'));
    const secret = join(mkdtempSync(join(tmpdir(), 'motcua-secret-')), 'passwd');
    writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n');
    const scenario = join(dir, 'scenario.yaml');
    const text = [
      'name: leak', 'start: 2025-03-03', 'horizon: 14d', 'replications: 1', 'seed: 1',
      'stations:', '  desk: { officers: 1 }', '  committee: { officers: 1 }',
      'procedures:', '  - procedure: birth-registration', `    arrivals: { replay: ${JSON.stringify(relative(dir, secret))} }`,
      '    channels: { in-person: 1 }', '    dossier:', '      needsVerification: { "true": 0.1, "false": 0.9 }',
      '    receipt: { triangular: [0.1, 0.25, 0.5] }', '    steps:', '      default: { duration: { triangular: [0.1, 0.25, 0.5] } }', '',
    ].join('\n');
    writeFileSync(scenario, text);
    const refused = await loadScenario(scenario).catch((e: unknown) => e as Error);
    expect(refused).toMatchObject({ name: 'ScenarioError' });
    expect((refused as Error).message).toContain('is outside the scenario\'s folder');
    expect((refused as Error).message).toContain('--allow-outside');
    const allowed = await loadScenario(scenario, { allowOutside: true }).catch((e: unknown) => e as Error);
    expect((allowed as Error).message).not.toContain('daemon');
    expect((allowed as Error).message).not.toContain('root:x');
  });
});
