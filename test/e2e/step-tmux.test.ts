import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SESSION = `motcua-e2e-${process.pid}`;
let session = SESSION;
const ELSEWHERE = mkdtempSync(join(tmpdir(), 'motcua-step-'));
const dir = `${ROOT}test-artifacts/tmux`;
mkdirSync(dir, { recursive: true });

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const screen = () => tmux('capture-pane', '-p', '-t', session);
/** Ink reads a multi-key chunk as one string: one key per send-keys, with time to redraw. */
async function keys(...ks: string[]): Promise<string> {
  for (const k of ks) {
    tmux('send-keys', '-t', session, k);
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

const started: string[] = [];
afterAll(() => {
  for (const name of started) spawnSync('tmux', ['kill-session', '-t', name]);
});

/** Starts `motcua step …` in a detached tmux session of `columns`×`rows` and waits for the first screen. */
async function start(columns: number, rows: number, args: string): Promise<string> {
  session = `${SESSION}-${columns}x${rows}`;
  started.push(session);
  spawnSync('tmux', ['kill-session', '-t', session]);
  tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), `cd ${ELSEWHERE} && env -u CI NO_COLOR=1 node ${ROOT}bin/motcua.js step ${args}; sleep 30`);
  let s = '';
  for (let i = 0; i < 40 && !s.includes('Possible now') && !s.includes('Có thể làm'); i++) {
    await sleep(250);
    s = screen();
  }
  await settled();
  return screen();
}

/** Keeps a screen under test-artifacts/tmux/ to look at after the run. */
function keep(s: string, name: string): string {
  writeFileSync(`${dir}/${name}.txt`, s);
  return s;
}

const BOX = new Set([...'│╭╮╰╯']);
/**
 * Whether every row of the panels has its borders in the columns given (`edges`, counted in
 * characters): a line that ran into its neighbour or past its panel moves a border.
 */
function framed(s: string, from: number, to: number, edges: readonly number[]): string[] {
  const wrong: string[] = [];
  s.split('\n').slice(from, to).forEach((line, i) => {
    const chars = [...line];
    for (const e of edges) if (!BOX.has(chars[e] ?? '')) wrong.push(`row ${from + i}, column ${e}: ${line}`);
  });
  return wrong;
}
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
/** A panel row as it must appear: `│ text…padding │`. */
const inPanel = (text: string, width: number) => `│ ${pad(text, width - 4)} │`;

describe('motcua step in a real terminal (tmux)', () => {
  it('takes a land-use-right dossier through a supplement, the tax payment pause and an apology to a returned result', async () => {
    expect(spawnSync('tmux', ['-V']).status, 'tmux is needed: apt-get install tmux (.ci/run installs it)').toBe(0);
    const saved = `${dir}/case.json`;
    rmSync(saved, { force: true });
    // From a folder outside the clone, as an installed command runs (no tsconfig, no node_modules there).
    // Ink draws only the last frame when it believes it runs in CI (the CI variable): unset it for the app.
    let s = await start(100, 30, `land-use-right-first --received 2025-03-03T09:00 --save ${saved} --lang en`);
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
    s = keep(await keys('w'), 'step-100x30-why');
    expect(s).toContain('Why this due date?');
    // Wrapped at word boundaries: the long lines keep their ends (the law cited at the end).
    expect(s).toContain('│   paused Thursday 06/03/2025 09:00 – Friday 21/03/2025 09:00: excluded from the limit: 15-day    │');
    expect(s).toContain('│     public posting (public posting)   ');
    expect(s).toContain('│       (45/2019/QH14) Art. 112   ');
    expect(s).toContain('skipped 05/04/2025–07/04/2025: weekly rest; Hùng Kings Commemoration Day');
    s = await keys('w', 's');
    expect(s).toContain(`Saved to ${saved}`);
    expect(existsSync(saved)).toBe(true);
    expect(JSON.parse(readFileSync(saved, 'utf8')).format).toBe('motcua-step/1');
    await keys('q');
  }, 120_000);

  it('at 80×24 keeps every panel framed and titled, the actions whole, and Used and Clock as the ledger charges them, to a returned result', async () => {
    let s = keep(await start(80, 24, 'land-use-right-first --received 2025-03-03T09:00 --lang en'), 'step-80x24-1-receipt');
    const rows = s.split('\n');
    expect(rows[0]).toBe('First registration and land-use-right certificate [land-use-right-first@2024.1,…');
    expect(rows[3]).toBe(`${inPanel('Flow', 35)}${inPanel('Clocks — h/d/n: +1h/+1wd/next deadline', 45)}`);
    expect(rows[15]).toBe(inPanel('Possible now', 80));
    expect(rows[16]).toBe(inPanel('❯ 1 Desk accepts the complete dossier (receipt slip)', 80));
    expect(rows[19]).toBe(inPanel('  4 Applicant withdraws the dossier', 80));
    expect(rows[23]).toBe('↑↓/1-9 select · Enter act · u undo · r redo · w why · s save · q quit');
    // Nine flow lines in nine rows: the parallel split and its steps each on their own row.
    expect(rows[8]).toBe(`${inPanel('= tax-and-draft (in parallel)', 35)}${inPanel('Clock    —', 45)}`);
    expect(rows[9]).toBe(`${inPanel('  · tax-notice · tax 3wd', 35)}${inPanel('Used     —', 45)}`);
    expect(framed(s, 2, 14, [0, 34, 35, 79])).toEqual([]);
    expect(framed(s, 14, 22, [0, 79])).toEqual([]);

    s = keep(await keys('1', 'Enter', '1', 'Enter', 'd'), 'step-80x24-2-commune');
    expect(row(s, 'Now')).toContain('04/03/2025 09:00');
    // Tuesday 4 March is being used: the date mode charges the whole day, as a pause now would.
    expect(row(s, 'Used')).toContain('│ Used     1 / 20 wd, left 19 ');
    expect(row(s, 'Clock ')).toContain('│ Clock    running ');
    expect(s.split('\n')[16]).toBe(inPanel('❯ 1 Commune People’s Committee completes verify-origin', 80));
    expect(s.split('\n')[17]).toBe(inPanel('  2 Commune People’s Committee requests a supplement (verify-origin)', 80));
    s = keep(await keys('2', 'Enter', 'Enter'), 'step-80x24-3-supplement');
    expect(row(s, 'Status')).toContain('5 supplement requested');
    expect(row(s, 'Used')).toContain('│ Used     1 / 20 wd, left 19 ');
    expect(row(s, 'Clock ')).toContain('│ Clock    paused: supplement:verify-origin │');
    s = await keys('d', 'd', '1', 'Enter');
    expect(row(s, 'Due')).toContain('end of 02/04/2025');
    expect(row(s, 'Used')).toContain('│ Used     1 / 20 wd, left 19 ');
    s = await keys('1', 'Enter', 'n');
    expect(row(s, 'Now')).toContain('21/03/2025 09:00');
    s = await keys('1', 'Enter', '1', 'Enter', '1', 'Enter');
    expect(row(s, 'Status')).toContain('6 awaiting financial obligation');
    s = await keys('d', 'd', '1', 'Enter', 'n');
    s = keep(s, 'step-80x24-4-apology-due');
    expect(row(s, 'Now')).toContain('22/04/2025 00:00');
    // The last day, 22 April, is the one being used: all of the budget is charged, none overdue.
    expect(row(s, 'Used')).toContain('│ Used     20 / 20 wd, left 0 ');
    expect(row(s, 'So far')).toContain('within limit');
    expect(framed(s, 2, 14, [0, 34, 35, 79])).toEqual([]);
    const number = /(\d) Certificate issuer issues an apology slip/.exec(s)![1]!;
    s = await keys(number, 'Enter');
    expect(s.split('\n')[22]).toBe('Working days after the due date: 5▏ (Enter to send, Esc to cancel)');
    s = await keys('Enter', 'd', 'd', '1', 'Enter', '1', 'Enter');
    s = keep(s, 'step-80x24-5-returned');
    expect(row(s, 'Status')).toContain('10 result returned');
    expect(row(s, 'Clock ')).toContain('│ Clock    stopped at 23/04 17:00 ');
    expect(row(s, 'Used')).toContain('│ Used     21 / 20 wd, left -1 ');
    // Time goes on; the stopped clock does not.
    s = await keys('d');
    expect(row(s, 'Now')).toContain('24/04/2025 17:00');
    expect(row(s, 'Clock ')).toContain('│ Clock    stopped at 23/04 17:00 ');
    expect(row(s, 'Used')).toContain('│ Used     21 / 20 wd, left -1 ');
    expect(framed(s, 2, 14, [0, 34, 35, 79])).toEqual([]);
    await keys('q');
  }, 120_000);

  it('at 80×24 in Vietnamese keeps the panel titles and the keys line', async () => {
    const s = keep(await start(80, 24, 'land-use-right-first --received 2025-03-03T09:00 --lang vi'), 'step-80x24-vi');
    const rows = s.split('\n');
    expect(rows[3]).toBe(`${inPanel('Quy trình', 35)}${inPanel('Thời hạn — h/d/n: +1 giờ/+1 ngày/mốc tới', 45)}`);
    expect(rows[15]).toBe(inPanel('Có thể làm', 80));
    expect(rows[16]).toBe(inPanel('❯ 1 Một cửa tiếp nhận hồ sơ đầy đủ (giấy hẹn)', 80));
    expect(rows[23]).toBe('1-9 chọn · Enter thực hiện · u/r hoàn tác/làm lại · w vì sao · s lưu · q thoát');
    expect(framed(s, 2, 14, [0, 34, 35, 79])).toEqual([]);
    await keys('q');
  }, 60_000);

  it('at 120×40 has two columns with the control slip, and names agencies by id where their names do not fit', async () => {
    let s = keep(await start(120, 40, 'construction-permit-house --received 2025-03-03T09:00 --lang en'), 'step-120x40-1-receipt');
    let rows = s.split('\n');
    expect(rows[0]).toBe('Construction permit for a detached house [construction-permit-house@2021.1, district]');
    expect(rows[3]).toBe(`${inPanel('Flow', 60)}${inPanel('Clocks — h/d/n: +1h/+1wd/next deadline', 60)}`);
    expect(rows[15]).toBe(`${inPanel('', 60)}${inPanel('Possible now', 60)}`);
    expect(rows[21]).toBe(`${inPanel('Control slip', 60)}${inPanel('', 60)}`);
    s = keep(await keys('1', 'Enter', '1', 'Enter', '1', 'Enter'), 'step-120x40-2-opinions');
    rows = s.split('\n');
    expect(row(s, 'Used')).toContain('│ Used     0 / 15 d, left 15 ');
    expect(row(s, 'Clock ')).toContain('│ Clock    running ');
    // "District Natural Resources and Environment Division agrees (opinions)" is 70 columns; the panel has 52.
    expect(s).toContain(inPanel('❯ 1 landDivision agrees (opinions)', 60));
    expect(s).toContain(inPanel('  2 landDivision disagrees (opinions)', 60));
    expect(s).toContain(inPanel('03/03 09:00 handoff desk→permitting appraise', 60));
    expect(framed(s, 2, 38, [0, 59, 60, 119])).toEqual([]);
    // Made smaller while it runs: laid out again for 80×24, nothing left over from the wide screen.
    tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
    await settled();
    s = keep(screen(), 'step-120x40-3-resized-to-80x24');
    rows = s.split('\n');
    expect(rows[23]).toBe('↑↓/1-9 select · Enter act · u undo · r redo · w why · s save · q quit');
    expect(rows[3]).toBe(`${inPanel('Flow', 35)}${inPanel('Clocks — h/d/n: +1h/+1wd/next deadline', 45)}`);
    // Across the whole width the agency's name fits again.
    expect(rows[16]).toBe(inPanel('❯ 1 District Natural Resources and Environment Division agrees (opinions)', 80));
    expect(rows[22]).toBe('permitting completes appraise → notify-agency, notify-agency');
    expect(framed(s, 2, 14, [0, 34, 35, 79])).toEqual([]);
    expect(framed(s, 14, 22, [0, 79])).toEqual([]);
    await keys('q');
  }, 60_000);

  it('without a terminal, exits 2 and names the command to use instead', () => {
    const r = spawnSync(process.execPath, [`${ROOT}bin/motcua.js`, 'step', 'land-use-right-first'], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('motcua: motcua step needs an interactive terminal. Without one, replay events with: motcua explain land-use-right-first --received 2025-03-03T09:00 --events events.json\n');
  });
});
