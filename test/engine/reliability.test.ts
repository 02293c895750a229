import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { persistCase } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { replayCase } from '../../src/engine/replay.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import { tinySpec } from '../support/specs.ts';
import { at, desk, tempDir } from './support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const BIN = join(ROOT, 'bin/motcua.js');

/** A TypeScript script in its own Node process (tsx as a loader, so a kill reaches the process that writes). */
function script(name: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(FIXTURES, name), ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Calls `onLine` for each line the child prints; resolves with the exit code and signal, and everything it wrote on stderr. */
function watch(child: ChildProcess, onLine: (line: string) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', onLine);
  return once(child, 'close').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null, stderr }));
}

/** Checks a store file as a fresh process would find it: integrity, contiguous logs, every log replaying to its snapshot. */
async function audit(file: string): Promise<Map<string, number>> {
  const raw = new Sqlite(file, { readonly: true });
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  raw.close();
  const store = sqliteStore(file);
  const proc = compileProcedure(tinySpec());
  const versions = new Map<string, number>();
  for (const summary of await store.list()) {
    const log = await store.log(summary.caseId);
    expect(log.map((l) => l.version)).toEqual(log.map((_, i) => i + 1));
    expect(summary.version).toBe(log.length);
    const record = (await store.get(summary.caseId))!;
    expect(persistCase(replayCase(proc, log.map((l) => l.entry)))).toEqual(record.snapshot);
    versions.set(summary.caseId, summary.version);
  }
  await store.close();
  return versions;
}

describe('reliability of the SQLite store across processes', () => {
  it('a writer killed with SIGKILL mid-stream loses no acknowledged event and leaves a sound database', async () => {
    const file = join(tempDir(), 'killed.db');
    const acked: [string, number][] = [];
    for (const round of [1, 2]) {
      const child = script('appender.ts', [file]);
      const target = acked.length + 300;
      const done = watch(child, (line) => {
        const [, caseId, version] = line.split(' ');
        acked.push([caseId!, Number(version)]);
        if (acked.length === target) child.kill('SIGKILL');
      });
      const { signal, stderr } = await done;
      expect({ round, signal, stderr }).toEqual({ round, signal: 'SIGKILL', stderr: '' });
    }
    const versions = await audit(file);
    for (const [caseId, version] of acked) expect(versions.get(caseId) ?? 0).toBeGreaterThanOrEqual(version);
  }, 180_000);

  it('two processes racing on the same cases: each append is won by one, the other gets a conflict, no event is lost', async () => {
    const file = join(tempDir(), 'race.db');
    const store = sqliteStore(file);
    const engine = createEngine({ procedures: [tinySpec()], store });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await engine.open({ procedure: 'tiny', channel: 'in-person', receivedAt: at(`2025-03-03T0${i + 1}:30`), by: desk })).caseId);
    await store.close();

    const acks: string[] = [];
    let conflicts = 0;
    const racers = [script('racer.ts', [file, ...ids]), script('racer.ts', [file, ...ids])];
    let ready = 0;
    const finished = racers.map((child) =>
      watch(child, (line) => {
        if (line === 'ready' && ++ready === racers.length) for (const r of racers) r.stdin!.write('go\n');
        else if (line.startsWith('ack ')) acks.push(line.slice(4));
        else if (line.startsWith('conflict ')) conflicts++;
      }),
    );
    for (const result of await Promise.all(finished)) expect(result).toEqual({ code: 0, signal: null, stderr: '' });

    const versions = await audit(file);
    // Every version after the opening (1: open, 2: accept) was acknowledged by exactly one racer.
    expect(new Set(acks).size).toBe(acks.length);
    expect([...acks].sort()).toEqual(ids.flatMap((id) => Array.from({ length: versions.get(id)! - 2 }, (_, i) => `${id} ${i + 3}`)).sort());
    expect(ids.map((id) => versions.get(id))).toEqual(ids.map(() => 7)); // transfer, 2 steps, return, rating
    expect(conflicts).toBeGreaterThan(0);
  }, 180_000);

  it('two motcua case send processes with the same expected version: one exits 0, the other 1 with the conflict; an oversized event on stdin exits 2', async () => {
    const file = join(tempDir(), 'cli-race.db');
    const store = sqliteStore(file);
    const opened = await createEngine({ procedures: [tinySpec()], store }).open({ procedure: 'tiny', channel: 'in-person', receivedAt: at('2025-03-03T09:00'), by: desk });
    await store.close();
    const procedures = join(tempDir(), 'procedures');
    await import('node:fs').then((fs) => {
      fs.mkdirSync(procedures);
      fs.writeFileSync(join(procedures, 'tiny.json'), JSON.stringify(tinySpec()));
    });
    const send = (event: string) => {
      const child = spawn(process.execPath, [BIN, 'case', 'send', '--db', file, '--procedures', procedures, opened.caseId, event, '--expect-version', '2'], { cwd: ROOT });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      return watch(child, () => {}).then((r) => ({ ...r, stdout }));
    };
    const results = await Promise.all([send('{"type":"TRANSFER","at":"2025-03-03T10:00","by":"desk"}'), send('{"type":"WITHDRAW","at":"2025-03-03T10:00","by":"applicant"}')]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    const loser = results.find((r) => r.code === 1)!;
    expect(loser.stderr).toBe(`motcua: conflict: case ${opened.caseId} is at version 3, not 2: someone else changed it first. Read it again and decide again; nothing was written.\n`);
    expect(JSON.parse(loser.stdout)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const versions = await audit(file);
    expect(versions.get(opened.caseId)).toBe(3);

    // The real standard input: a script piping an oversized event gets exit 2 and nothing is written.
    const child = spawn(process.execPath, [BIN, 'case', 'send', '--db', file, '--procedures', procedures, opened.caseId, '-'], { cwd: ROOT });
    child.stdin.end(JSON.stringify({ type: 'RATE', at: '2025-03-03T11:00', by: 'applicant', rating: 'x'.repeat(100_000) }));
    const oversized = await watch(child, () => {});
    expect(oversized).toEqual({ code: 2, signal: null, stderr: 'motcua: <stdin>: the input on stdin is larger than 65536 bytes, the most motcua reads. Give a smaller file (or split it).\n' });
    expect(await audit(file)).toEqual(versions);
  }, 180_000);
});
