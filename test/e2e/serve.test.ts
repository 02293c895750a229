import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, describe, expect, it } from 'vitest';
import { birthAuthFile, call, serveStores, startServe } from '../support/server-process.ts';

const TOKENS = { desk: 'e2e-desk-token-aaaaaaaaaaaaaaaa', officer: 'e2e-officer-token-bbbbbbbbbbbbbbbb', chairman: 'e2e-chairman-token-cccccccccccccccc' };

const authFile = (dir: string) => birthAuthFile(dir, TOKENS);

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** The stores `motcua serve` is run on: a SQLite file, and PostgreSQL when the tests have a server. */
const STORES = serveStores('motcua-serve-', cleanups);

describe.each(STORES)('motcua serve on %s', (_name, makeDb) => {
  it('drives a birth registration from receipt to the returned result, refusing the wrong agency', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-serve-'));
    const server = await startServe(['--db', await makeDb(), '--auth', authFile(dir)]);
    try {
      const api = (path: string, init?: Parameters<typeof call>[1]) => call(`${server.url}${path}`, init);
      expect((await api('/ready')).body).toEqual({ ok: true, store: 'ok' });
      const opened = await api('/api/cases', { token: TOKENS.desk, body: { procedure: 'birth-registration', channel: 'in-person', dossier: { needsVerification: false } } });
      expect(opened.status).toBe(201);
      const code: string = opened.body.code;
      expect(code).toMatch(/^MOTCUA-\d{6}-0001$/);
      const send = (token: string, body: object) => api(`/api/cases/${code}/events`, { token, body });
      // Birth registration is a same-day procedure: the civil-status officer takes the dossier at once (no TRANSFER).
      const v: number = opened.body.version;

      // The desk does not hold "register": refused, nothing changes, the attempt is kept.
      const wrong = await send(TOKENS.desk, { type: 'COMPLETE', step: 'register' });
      expect(wrong.status).toBe(403);
      expect(wrong.body).toMatchObject({ code: 'refused', status: 403 });
      expect((await api(`/api/cases/${code}`, { token: TOKENS.officer })).body).toMatchObject({ version: v, status: 4 });
      expect((await api(`/api/cases/${code}/refusals`, { token: TOKENS.officer })).body).toHaveLength(1);

      expect((await send(TOKENS.officer, { type: 'COMPLETE', step: 'register' })).body).toMatchObject({ ok: true, version: v + 1 });
      expect((await send(TOKENS.chairman, { type: 'COMPLETE', step: 'sign' })).body).toMatchObject({ ok: true, version: v + 2, status: 9 });
      expect((await send(TOKENS.desk, { type: 'RETURN_RESULT' })).body).toMatchObject({ ok: true, version: v + 3, status: 10 });

      const lookup = await api(`/api/public/dossiers/${code}`);
      expect(lookup.status).toBe(200);
      expect(lookup.body.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual(['register:done', 'sign:done']);
      expect(JSON.stringify(lookup.body)).not.toContain('needsVerification');
      expect(lookup.body.status).toBe(10);

      const doc = (await api('/openapi.json')).body;
      const validation = await new Validator().validate(doc);
      expect(validation.valid).toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
