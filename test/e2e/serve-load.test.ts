import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Instant } from '../../src/calendar/instant.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { postgresStore } from '../../src/engine/postgres-store.ts';
import { createServer as createApi } from '../../src/server/app.ts';
import { hashToken, parseAuth } from '../../src/server/auth.ts';
import { PG_URL, freshDatabase } from '../support/postgres.ts';
import { birthAuthFile, call, serveStores, startServe } from '../support/server-process.ts';
import { tinySpec } from '../support/specs.ts';

const T = { desk: 'load-desk-token-aaaaaaaaaaaaaaaaaaaa', officer: 'load-officer-token-bbbbbbbbbbbbbbbb', chairman: 'load-chairman-token-cccccccccccccccc' };
const SECRET = 'load-webhook-secret-0123456789abcdef0123';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** A webhook receiver that answers 200 and keeps (case, version, effect kind) of each delivery, once per idempotency key. */
async function receiver() {
  const seen = new Map<string, string>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const d = JSON.parse(body) as { caseId: string; version: number; effect: { kind: string } };
      seen.set(String(req.headers['idempotency-key']), `${d.caseId}@${d.version}:${d.effect.kind}`);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, delivered: () => new Set(seen.values()) };
}

const STORES = serveStores('motcua-load-', cleanups);

/** The steps of a birth registration after its opening, with the token that takes each. */
const STEPS: [string, object][] = [
  // Same-day birth registration: the officer takes the dossier at once, no TRANSFER.
  [T.officer, { type: 'COMPLETE', step: 'register' }],
  [T.chairman, { type: 'COMPLETE', step: 'sign' }],
  [T.desk, { type: 'RETURN_RESULT' }],
];

describe.each(STORES)('motcua serve on %s, killed in the middle of a load', (_name, makeDb) => {
  it('loses no acknowledged event, and the outbox delivers every effect of them after the restart', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-load-'));
    const hook = await receiver();
    birthAuthFile(dir, T, 'load-lookup-key-0123456789abcdef01234');
    writeFileSync(join(dir, 'webhooks.yaml'), `webhooks:\n  - { name: receiver, url: "${hook.url}", secret: ${SECRET} }\n`);
    const db = await makeDb();
    const args = ['--db', db, '--auth', join(dir, 'auth.yaml'), '--webhooks', join(dir, 'webhooks.yaml')];
    let server = await startServe(args);
    const acked: { caseId: string; version: number; effects: string[] }[] = [];
    let killed = false;
    const client = async () => {
      while (!killed) {
        try {
          const opened = await call(`${server.url}/api/cases`, { token: T.desk, body: { procedure: 'birth-registration', channel: 'in-person', dossier: { needsVerification: false } } });
          if (opened.status !== 201) throw new Error(`open answered ${opened.status}: ${JSON.stringify(opened.body)}`);
          acked.push({ caseId: opened.body.caseId, version: opened.body.version, effects: opened.body.effects.map((e: { kind: string }) => e.kind) });
          for (const [token, event] of STEPS) {
            const sent = await call(`${server.url}/api/cases/${opened.body.caseId}/events`, { token, body: event });
            if (sent.status !== 200) throw new Error(`${JSON.stringify(event)} answered ${sent.status}: ${JSON.stringify(sent.body)}`);
            acked.push({ caseId: sent.body.caseId, version: sent.body.version, effects: sent.body.effects.map((e: { kind: string }) => e.kind) });
          }
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);
    // Bounded: kill after 120 acknowledged writes or 60 s, whichever comes first.
    const started = Date.now();
    while (acked.length < 120 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    await server.stop({ kill: true });
    await Promise.all(clients);
    expect(acked.length).toBeGreaterThan(0);

    server = await startServe(args);
    try {
      for (const a of acked) {
        const shown = await call(`${server.url}/api/cases/${a.caseId}`, { token: T.desk });
        expect(shown.status).toBe(200);
        expect(shown.body.version).toBeGreaterThanOrEqual(a.version);
      }
      // Every effect of every acknowledged write arrives, each once per key.
      const expected = acked.flatMap((a) => a.effects.map((kind) => `${a.caseId}@${a.version}:${kind}`));
      const deadline = Date.now() + 90_000;
      while (expected.some((e) => !hook.delivered().has(e)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(expected.filter((e) => !hook.delivered().has(e))).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe.each(PG_URL === undefined ? [] : [['PostgreSQL']])('8 writers through the HTTP API on %s', () => {
  it('race on the same cases: every version is written once, none lost, each acknowledged write in the log', { timeout: 120_000 }, async () => {
    const db = await freshDatabase();
    cleanups.push(db.drop);
    const store = await postgresStore(db.url);
    const spec = tinySpec();
    const now = () => Date.now() as Instant;
    const tokens = { desk: 'w-desk-token-000000000000000000', justice: 'w-justice-token-00000000000000000', police: 'w-police-token-000000000000000000' };
    const auth = parseAuth(
      `tokens:\n  - { name: d, hash: "${hashToken(tokens.desk)}", desk: true }\n  - { name: j, hash: "${hashToken(tokens.justice)}", agency: justice }\n  - { name: p, hash: "${hashToken(tokens.police)}", agency: police }\n`,
      'auth.yaml',
    );
    const app = await createApi({ engine: createEngine({ procedures: [spec], store, now }), store, procedures: [spec], auth, now });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const cases: string[] = [];
      for (let i = 0; i < 4; i++) cases.push((await call(`${base}/api/cases`, { token: tokens.desk, body: { procedure: 'tiny', channel: 'in-person' } })).body.caseId);
      const steps: [string, object][] = [
        [tokens.desk, { type: 'TRANSFER' }],
        [tokens.justice, { type: 'COMPLETE', step: 'register' }],
        [tokens.police, { type: 'COMPLETE', step: 'residence' }],
        [tokens.desk, { type: 'RETURN_RESULT' }],
      ];
      const acks: string[] = [];
      const answers = new Map<number, number>();
      // 8 writers, each trying every step of every case in order: only one can take each step.
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (const caseId of cases) {
            for (const [token, event] of steps) {
              const r = await call(`${base}/api/cases/${caseId}/events`, { token, body: event });
              answers.set(r.status, (answers.get(r.status) ?? 0) + 1);
              if (r.status === 200) acks.push(`${caseId}@${r.body.version}`);
            }
          }
        }),
      );
      expect([...answers.keys()].sort()).toEqual([200, 409]);
      expect(acks.length).toBe(16);
      expect(new Set(acks).size).toBe(16);
      for (const caseId of cases) {
        const log = await store.log(caseId);
        expect(log.map((l) => l.version)).toEqual([1, 2, 3, 4, 5, 6]);
        for (const l of log.slice(2)) expect(acks).toContain(`${caseId}@${l.version}`);
      }
    } finally {
      await app.close();
      await store.close();
    }
  });
});
