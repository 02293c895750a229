/**
 * Start-up of the built `motcua` executable against `node -e 0` (the floor: starting Node itself),
 * in the same run, as ratios. Each command runs from a temporary folder outside the clone, as an
 * installed command would; the median of the runs counts (the first run of each warms the file cache).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable } from './harness.ts';

const BIN = fileURLToPath(new URL('../bin/motcua.js', import.meta.url));

function medianMs(args: readonly string[], runs: number, cwd: string): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function runStartupBench(runs = 15): { floorMs: number; rows: { command: string; ms: number; ratio: number }[] } {
  const cwd = mkdtempSync(join(tmpdir(), 'motcua-startup-'));
  const commands: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['motcua calendar lunar 2030-02-02', [BIN, 'calendar', 'lunar', '2030-02-02']],
    ['motcua calendar add 2025-01-24 3wd', [BIN, 'calendar', 'add', '2025-01-24', '3wd']],
    ['motcua list', [BIN, 'list']],
    ['motcua --help', [BIN, '--help']],
  ];
  // Interleave the commands run by run, so that a busy moment of the machine falls on all of them.
  const samples = commands.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) commands.forEach(([, args], c) => samples[c]!.push(medianMs(args, 1, cwd)));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const floorMs = median(samples[0]!);
  const rows = commands.map(([command], c) => ({ command, ms: median(samples[c]!), ratio: median(samples[c]!) / floorMs }));
  console.log(`Median of ${runs} runs each, from ${cwd}, interleaved; ratio = command ÷ node -e 0.\n`);
  console.log(formatTable(['command', 'median ms', 'ratio to node -e 0'], rows.map((r) => [r.command, r.ms.toFixed(0), `${r.ratio.toFixed(2)}×`]), ['l', 'r', 'r']));
  return { floorMs, rows };
}
