import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '../../procedures/index.ts';
import { type Instant, parseInstant } from '../../src/calendar/instant.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import type { Engine } from '../../src/engine/types.ts';
import type { CaseStore } from '../../src/engine/store.ts';
import { graphvizDiagrams } from '../../src/web/diagram.ts';
import type { WebPrincipal } from '../../src/web/model.ts';
import { readBody, webRequestOf, writeWebResponse } from '../../src/web/node-http.ts';
import { type WebOptions, webPages } from '../../src/web/pages.ts';

/** Tokens of the test: the desk, each agency of the linked birth procedure, and a leader. */
export const TOKENS: Readonly<Record<string, WebPrincipal>> = {
  'desk-token': { kind: 'desk', name: 'desk-1' },
  'justice-token': { kind: 'agency', name: 'justice-1', agency: 'justice' },
  'police-token': { kind: 'agency', name: 'police-1', agency: 'police' },
  'insurance-token': { kind: 'agency', name: 'insurance-1', agency: 'insurance' },
  'leader-token': { kind: 'operator', name: 'leader' },
};

const KEY = 'test-lookup-key-0123456789abcdef0123456789';

/** The lookup secret of a code in these tests. */
export function secretOf(code: string): string {
  return createHmac('sha256', KEY).update(code).digest('base64url').slice(0, 12);
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public t: Instant) {}
  now = (): Instant => this.t;
  /** Moves on by `minutes`. */
  tick(minutes: number): void {
    this.t = (this.t + minutes * 60_000) as Instant;
  }
}

/** A running page server on 127.0.0.1 and a free port, over a fresh SQLite store. */
export interface PageServer {
  readonly url: string;
  readonly engine: Engine;
  readonly store: CaseStore;
  readonly clock: TestClock;
  close(): Promise<void>;
}

/** Starts the pages over node:http with the catalogue, a SQLite file in a temp dir and a hand clock. */
export async function startPages(start = '2025-03-03T08:00', extra: Partial<WebOptions> = {}): Promise<PageServer> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-web-'));
  const store = sqliteStore(join(dir, 'cases.db'));
  const engine = createEngine({ procedures: CATALOGUE, store });
  const clock = new TestClock(parseInstant(start));
  const handle = webPages({
    engine,
    store,
    procedures: CATALOGUE,
    now: clock.now,
    signIn: (token) => TOKENS[token] ?? null,
    lookupSecret: secretOf,
    checkSecret: (code, secret) => secret === secretOf(code),
    diagram: graphvizDiagrams(),
    ...extra,
  });
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const answer = body === null ? null : await handle(webRequestOf(req, body));
      if (answer === null) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      } else writeWebResponse(res, answer);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    engine,
    store,
    clock,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
