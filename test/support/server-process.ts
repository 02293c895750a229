import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashToken } from '../../src/server/auth.ts';
import { PG_URL, freshDatabase } from './postgres.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A `motcua serve` process on a free port of 127.0.0.1. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it wrote on stderr so far. */
  readonly stderr: () => string;
  /** SIGTERM and wait for the exit; or SIGKILL with `kill: true`. */
  readonly stop: (options?: { kill?: boolean }) => Promise<number | null>;
}

/** Starts `bin/motcua.js serve --port 0 …` and waits for the address it prints. */
export function startServe(args: readonly string[], env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [`${ROOT}bin/motcua.js`, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`motcua serve did not start in 60 s; stderr: ${err}`));
    }, 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match !== null) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          stderr: () => err,
          stop: async (options = {}) => {
            if (child.exitCode === null) child.kill(options.kill === true ? 'SIGKILL' : 'SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`motcua serve exited with ${code} before serving; stderr: ${err}`));
    });
  });
}

/** JSON over HTTP: the status and the parsed body. */
export async function call(url: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** Tokens for a birth registration through the API: the desk, the civil-status officer and the chairman. */
export interface BirthTokens {
  readonly desk: string;
  readonly officer: string;
  readonly chairman: string;
  /** The receiving unit of the desk token (auth.yaml `unit`). */
  readonly unit?: string;
}

/** Writes `auth.yaml` in `dir` with the three tokens of a birth registration (hashed) and a lookup key; returns its path. */
export function birthAuthFile(dir: string, tokens: BirthTokens, lookupKey = 'e2e-lookup-key-0123456789abcdef0123'): string {
  const file = join(dir, 'auth.yaml');
  writeFileSync(
    file,
    `lookupKey: ${lookupKey}
tokens:
  - { name: desk, hash: "${hashToken(tokens.desk)}", desk: true${tokens.unit === undefined ? '' : `, unit: "${tokens.unit}"`} }
  - { name: civil-status officer, hash: "${hashToken(tokens.officer)}", agency: committee, role: civil-status officer }
  - { name: chairman, hash: "${hashToken(tokens.chairman)}", agency: committee, role: chairman }
`,
  );
  return file;
}

/**
 * The stores `motcua serve` is tested on: a SQLite file, and PostgreSQL when the tests have a
 * server (a fresh schema each, dropped by the `cleanups` the caller runs).
 */
export function serveStores(prefix: string, cleanups: (() => Promise<void>)[]): [string, () => Promise<string>][] {
  return [
    ['SQLite', async () => join(mkdtempSync(join(tmpdir(), prefix)), 'cases.db')],
    ...(PG_URL === undefined
      ? []
      : ([
          [
            'PostgreSQL',
            async () => {
              const db = await freshDatabase();
              cleanups.push(db.drop);
              return db.url;
            },
          ],
        ] as [string, () => Promise<string>][])),
  ];
}
