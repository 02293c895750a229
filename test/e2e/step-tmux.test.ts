import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SESSION = `motcua-e2e-${process.pid}`;
const ELSEWHERE = mkdtempSync(join(tmpdir(), 'motcua-step-'));
const dir = `${ROOT}test-artifacts/tmux`;
mkdirSync(dir, { recursive: true });

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const screen = () => tmux('capture-pane', '-p', '-t', SESSION);
/** Ink reads a multi-key chunk as one string: one key per send-keys, with time to redraw. */
async function keys(...ks: string[]): Promise<string> {
  for (const k of ks) {
    tmux('send-keys', '-t', SESSION, k);
    await settled();
  }
  return screen();
}
/** Waits until the screen has changed and then stayed the same for 400 ms (at most 8 s): a loaded machine redraws late. */
async function settled(): Promise<void> {
  const before = screen();
  let last = before;
  let still = 0;
  for (let waited = 0; waited < 8000; waited += 100) {
    await sleep(100);
    const now = screen();
    still = now === last ? still + 100 : 0;
    last = now;
    if (still >= 400 && (now !== before || waited >= 800)) return;
  }
}
const row = (text: string, label: string) => text.split('\n').find((l) => l.includes(label)) ?? '';

afterAll(() => {
  spawnSync('tmux', ['kill-session', '-t', SESSION]);
});

describe('motcua step in a real terminal (tmux)', () => {
  it('takes a land-use-right dossier through a supplement, the tax payment pause and an apology to a returned result', async () => {
    expect(spawnSync('tmux', ['-V']).status, 'tmux is needed: apt-get install tmux (.ci/run installs it)').toBe(0);
    const saved = `${dir}/case.json`;
    rmSync(saved, { force: true });
    // From a folder outside the clone, as an installed command runs (no tsconfig, no node_modules there).
    // Ink draws only the last frame when it believes it runs in CI (the CI variable): unset it for the app.
    tmux('new-session', '-d', '-s', SESSION, '-x', '100', '-y', '30', `cd ${ELSEWHERE} && env -u CI NO_COLOR=1 node ${ROOT}bin/motcua.js step land-use-right-first --received 2025-03-03T09:00 --save ${saved} --lang en; sleep 30`);
    let s = '';
    for (let i = 0; i < 40 && !s.includes('Possible now'); i++) {
      await sleep(250);
      s = screen();
    }
    expect(s).toContain('First registration and land-use-right certificate');
    s = await keys('1', 'Enter');
    expect(row(s, 'Due')).toContain('end of 31/03/2025');
    s = await keys('1', 'Enter', 'd');
    expect(row(s, 'Now')).toContain('04/03/2025 09:00');
    // The commune asks for papers: the clock pauses and the status is 5.
    s = await keys('2', 'Enter', 'Enter');
    expect(row(s, 'Status')).toContain('5 supplement requested');
    expect(row(s, 'Clock ')).toContain('paused');
    s = await keys('d', 'd', '1', 'Enter');
    // Papers back on Thursday 6 March: Tuesday 4 was used, counting resumes on Friday 7.
    expect(row(s, 'Due')).toContain('end of 02/04/2025');
    s = await keys('1', 'Enter');
    expect(row(s, 'Clock ')).toContain('paused: interval:public-posting');
    // The posting ends by itself at the next deadline, 15 days later.
    s = await keys('n');
    expect(row(s, 'Now')).toContain('21/03/2025 09:00');
    expect(row(s, 'Due')).toContain('end of 18/04/2025');
    s = await keys('1', 'Enter', '1', 'Enter', '1', 'Enter');
    expect(row(s, 'Status')).toContain('6 awaiting financial obligation');
    expect(row(s, 'Due')).toContain('—');
    // The applicant pays two working days later; then the issuer, late, apologises.
    s = await keys('d', 'd', '1', 'Enter');
    expect(row(s, 'Status')).toContain('4 processing');
    expect(row(s, 'Due')).toContain('end of 22/04/2025');
    // The issuer has not signed when the last moment for an apology comes (one working day before the due date).
    s = await keys('n');
    expect(row(s, 'Now')).toContain('22/04/2025 00:00');
    expect(s).toContain('apology-due');
    expect(s).toContain('issues an apology slip');
    const number = /(\d) [^│\d]*issues an apology slip/.exec(s)![1]!;
    s = await keys(number, 'Enter', 'Enter');
    expect(s).toContain('apology-issued');
    s = await keys('d', 'd', '1', 'Enter', '1', 'Enter');
    expect(row(s, 'Status')).toContain('10 result returned');
    expect(row(s, 'So far')).toContain('late');
    // "Why this due date?" names the pauses and the law.
    s = await keys('w');
    expect(s).toContain('Why this due date?');
    expect(s).toContain('Friday 21/03/2025 09:00: excluded from the limit: 15-day p');
    expect(s).toContain('skipped 05/04/2025–07/04/2025: weekly rest; Hùng Kings Commemoration Day');
    s = await keys('w', 's');
    expect(s).toContain(`Saved to ${saved}`);
    expect(existsSync(saved)).toBe(true);
    expect(JSON.parse(readFileSync(saved, 'utf8')).format).toBe('motcua-step/1');
    await keys('q');
  }, 120_000);

  it('without a terminal, exits 2 and names the command to use instead', () => {
    const r = spawnSync(process.execPath, [`${ROOT}bin/motcua.js`, 'step', 'land-use-right-first'], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('motcua: motcua step needs an interactive terminal. Without one, replay events with: motcua explain land-use-right-first --received 2025-03-03T09:00 --events events.json\n');
  });
});
