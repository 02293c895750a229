import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '../../procedures/index.ts';
import { type Instant, parseInstant } from '../../src/calendar/instant.ts';
import type { Engine } from '../../src/engine/types.ts';
import type { CaseStore } from '../../src/engine/store.ts';
import { hashToken, lookupSecret } from '../../src/server/auth.ts';
import { serve } from '../../src/server/serve.ts';
import { webPlugin } from '../../src/web/plugin.ts';
import type { WebPrincipal } from '../../src/web/model.ts';

/** Tokens of the test: the desk, each agency of the linked birth procedure, and a leader. */
export const TOKENS: Readonly<Record<string, WebPrincipal>> = {
  'desk-token': { kind: 'desk', name: 'desk-1' },
  'justice-token': { kind: 'agency', name: 'justice-1', agency: 'justice' },
  'police-token': { kind: 'agency', name: 'police-1', agency: 'police' },
  'insurance-token': { kind: 'agency', name: 'insurance-1', agency: 'insurance' },
  'leader-token': { kind: 'operator', name: 'leader' },
};

const KEY = 'test-lookup-key-0123456789abcdef0123456789';

/** The lookup secret of a code in these tests: the server's own derivation. */
export function secretOf(code: string): string {
  return lookupSecret(Buffer.from(KEY, 'utf8'), code);
}

/** auth.yaml of these tests: the tokens above, hashed, and the lookup key. */
export function authYaml(): string {
  const lines = Object.entries(TOKENS).map(([token, p]) => {
    const who = p.kind === 'desk' ? 'desk: true' : p.kind === 'operator' ? 'operator: true' : `agency: ${p.agency}`;
    return `  - { name: ${p.name}, hash: "${hashToken(token)}", ${who} }`;
  });
  return `lookupKey: ${KEY}\ntokens:\n${lines.join('\n')}\n`;
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

/** `motcua serve` itself (Fastify, auth.yaml, a SQLite file) with the pages mounted, on a free port and a hand clock. */
export async function servePages(start = '2025-03-03T08:00'): Promise<PageServer> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-web-'));
  writeFileSync(join(dir, 'auth.yaml'), authYaml());
  const clock = new TestClock(parseInstant(start));
  const served = await serve({ db: join(dir, 'cases.db'), port: 0, host: '127.0.0.1', authFile: join(dir, 'auth.yaml'), procedures: CATALOGUE, now: clock.now, plugins: [webPlugin()] });
  return { url: served.url, engine: served.app.motcua.engine, store: served.store, clock, close: served.close };
}
