/**
 * Load test of `motcua serve`'s API: k concurrent clients on loopback open cases and send their
 * events through HTTP (desk and agency tokens), against the SQLite store (synchronous FULL) and,
 * when `MOTCUA_BENCH_PG` or `MOTCUA_TEST_PG` names a server, PostgreSQL. Bounded in count (cases
 * per run) and time (30 s per run). Prints writes/s and p50/p99 latency, then checks that every
 * acknowledged write is in the store; and, in the same run, the store's bare insert loop (one
 * durable transaction per row, one row per write) as the baseline.
 *
 * Runs in a child process (`runServeBench`): `bench/run.ts` calls benchmarks synchronously.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import type { Instant } from '../src/calendar/instant.ts';
import type { ProcedureSpec } from '../src/dsl/spec.ts';
import { createEngine } from '../src/engine/engine.ts';
import { postgresStore } from '../src/engine/postgres-store.ts';
import { sqliteStore } from '../src/engine/sqlite-store.ts';
import type { CaseStore } from '../src/engine/store.ts';
import { createServer } from '../src/server/app.ts';
import { hashToken, parseAuth } from '../src/server/auth.ts';
import { formatCount, formatFixed, formatTable } from './harness.ts';

const name = (en: string) => ({ vi: en, en });
const spec: ProcedureSpec = {
  id: 'bench',
  version: '1',
  effectiveFrom: '2000-01-01',
  title: name('Two steps (serve benchmark)'),
  level: 'commune',
  legal: [{ document: 'Benchmark', confidence: 'mem' }],
  dossier: {},
  clock: { supplement: 'pause', maxSupplementsPerAgency: 1 },
  lateness: { apology: { noticeBefore: '1wd', max: 1 }, early: 'before-due-date', apologyCountsAsLate: true },
  result: { ratingWindow: '10d' },
  agencies: { desk: { name: name('Desk'), level: 'commune', desk: true }, a1: { name: name('A1'), level: 'commune' }, a2: { name: name('A2'), level: 'commune' } },
  receipt: { desk: 'desk', channels: ['in-person'], handover: 'transfer', transferCutoff: '15:00', maxCompletionRequests: 1 },
  flow: [
    { kind: 'step', id: 's1', agency: 'a1', title: name('S1'), share: '5wd' },
    { kind: 'step', id: 's2', agency: 'a2', title: name('S2'), share: '5wd' },
  ],
  limit: { duration: '30wd', mode: 'date', ref: { document: 'Benchmark', confidence: 'mem' } },
} as unknown as ProcedureSpec;

const TOKENS = { desk: 'bench-desk-token-0000000000000000', a1: 'bench-a1-token-00000000000000000', a2: 'bench-a2-token-00000000000000000' };
const STEPS: [keyof typeof TOKENS, object][] = [
  ['desk', { type: 'TRANSFER' }],
  ['a1', { type: 'COMPLETE', step: 's1' }],
  ['a2', { type: 'COMPLETE', step: 's2' }],
  ['desk', { type: 'RETURN_RESULT' }],
];
const CLIENTS = 8;
const TIME_LIMIT_MS = 30_000;

interface LoadResult {
  readonly writes: number;
  readonly ms: number;
  readonly p50: number;
  readonly p99: number;
  readonly missing: number;
}

async function load(store: CaseStore, cases: number): Promise<LoadResult> {
  const now = () => Date.now() as Instant;
  const auth = parseAuth(
    `tokens:\n${Object.entries(TOKENS)
      .map(([who, t]) => `  - { name: ${who}, hash: "${hashToken(t)}", ${who === 'desk' ? 'desk: true' : `agency: ${who}`} }`)
      .join('\n')}\n`,
    'auth.yaml',
  );
  const app = await createServer({ engine: createEngine({ procedures: [spec], store, now }), store, procedures: [spec], auth, now });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const latencies: number[] = [];
  const acked: { caseId: string; version: number }[] = [];
  const post = async (path: string, token: string, body: object) => {
    const t0 = performance.now();
    const r = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const json = (await r.json()) as { caseId: string; version: number };
    latencies.push(performance.now() - t0);
    if (!r.ok) throw new Error(`${path} answered ${r.status}: ${JSON.stringify(json)}`);
    acked.push({ caseId: json.caseId, version: json.version });
    return json;
  };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < cases && performance.now() - started < TIME_LIMIT_MS) {
        next++;
        const opened = await post('/api/cases', TOKENS.desk, { procedure: 'bench', channel: 'in-person' });
        for (const [who, event] of STEPS) await post(`/api/cases/${opened.caseId}/events`, TOKENS[who], event);
      }
    }),
  );
  const ms = performance.now() - started;
  await app.close();
  let missing = 0;
  for (const a of acked) if (((await store.get(a.caseId))?.version ?? 0) < a.version) missing++;
  await store.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { writes: acked.length, ms, p50: q(0.5), p99: q(0.99), missing };
}

function bareSqlite(file: string, writes: number): { writes: number; ms: number } {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, case_id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, UNIQUE (case_id, version))');
  const insert = db.prepare('INSERT INTO events (case_id, version, body) VALUES (?, ?, ?)');
  const append = db.transaction((i: number) => insert.run(`c${Math.floor(i / 5)}`, (i % 5) + 1, JSON.stringify({ type: 'TRANSFER', at: i })));
  const t0 = performance.now();
  for (let i = 0; i < writes; i++) append.immediate(i);
  const ms = performance.now() - t0;
  db.close();
  return { writes, ms };
}

async function barePg(url: string, writes: number): Promise<{ writes: number; ms: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE bare_events (seq bigserial PRIMARY KEY, case_id text NOT NULL, version integer NOT NULL, body json NOT NULL, UNIQUE (case_id, version))');
  const t0 = performance.now();
  // One statement per row, each its own transaction (autocommit), as the store's one write per event would be.
  for (let i = 0; i < writes; i++) await client.query('INSERT INTO bare_events (case_id, version, body) VALUES ($1, $2, $3)', [`c${Math.floor(i / 5)}`, (i % 5) + 1, JSON.stringify({ type: 'TRANSFER', at: i })]);
  const ms = performance.now() - t0;
  await client.end();
  return { writes, ms };
}

async function main(): Promise<void> {
  const cases = Number(process.env['BENCH_CASES'] ?? 200);
  const dir = mkdtempSync(join(tmpdir(), 'motcua-serve-bench-'));
  const rows: string[][] = [];
  const rate = (r: { writes: number; ms: number }) => (r.writes / r.ms) * 1000;
  const add = (label: string, r: LoadResult, bare: { writes: number; ms: number }) => {
    rows.push([label, formatCount(r.writes), formatFixed(r.ms, 0), formatCount(rate(r)), formatFixed(r.p50, 1), formatFixed(r.p99, 1), String(r.missing), `${formatFixed(rate(r) / rate(bare), 2)}×`]);
    rows.push([`bare insert loop, same store (${bare.writes} rows)`, formatCount(bare.writes), formatFixed(bare.ms, 0), formatCount(rate(bare)), '', '', '', '']);
  };
  await load(sqliteStore(join(dir, 'warm.db')), 20); // warm-up: JIT, calendar indexes
  const sqlite = await load(sqliteStore(join(dir, 'cases.db')), cases);
  add(`HTTP, ${CLIENTS} clients, SQLite (synchronous FULL)`, sqlite, bareSqlite(join(dir, 'bare.db'), sqlite.writes));
  const pgUrl = process.env['MOTCUA_BENCH_PG'] ?? process.env['MOTCUA_TEST_PG'];
  if (pgUrl !== undefined) {
    const schema = `motcua_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(pgUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    try {
      const result = await load(await postgresStore(url.toString()), cases);
      add(`HTTP, ${CLIENTS} clients, PostgreSQL`, result, await barePg(url.toString(), result.writes));
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } else {
    console.log('(no MOTCUA_BENCH_PG or MOTCUA_TEST_PG: PostgreSQL left out)\n');
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`Writes per second through the HTTP API (each open and each event one acknowledged request), ${CLIENTS} concurrent clients on loopback, at most ${cases} cases or ${TIME_LIMIT_MS / 1000} s per run; then every acknowledged write looked up in the store.\n`);
  console.log(formatTable(['run', 'writes', 'ms', 'writes/s', 'p50 ms', 'p99 ms', 'lost', 'ours ÷ bare'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  console.log('\nEach case: 1 open (opening + acceptance) and 4 events (transfer, 2 completions, return). Clients and server share this process.');
}

/** Runs the load test in a child process and waits for it. */
export function runServeBench(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) throw new Error(`the serve benchmark failed (exit ${result.status ?? result.signal})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
