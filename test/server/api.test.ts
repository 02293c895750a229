import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { lookupSecret, parseAuth } from '../../src/server/auth.ts';
import { tinySpec } from '../support/specs.ts';
import { at } from '../engine/support.ts';
import { LOOKUP_KEY, TOKENS, bearer, testClock, testServer } from './support.ts';

const tiny = tinySpec();

async function setup() {
  const store = memoryStore();
  const clock = testClock('2025-03-03T09:00');
  const app = await testServer(store, [tiny], clock.now);
  return { store, clock, app };
}

describe('the HTTP API', { timeout: 60_000 }, () => {
  it('takes a unit in auth.yaml on desk tokens only, and only an identifier', () => {
    const yaml = (token: string) => `tokens:\n  - ${token}\n`;
    expect(() => parseAuth(yaml('{ name: a, hash: "sha256:' + '0'.repeat(64) + '", agency: justice, unit: H33 }'), 'auth.yaml')).toThrow(
      expect.objectContaining({ code: 'bad-auth', path: ['tokens', 0, 'unit'], message: 'unit is only for desk tokens (the unit receiving their dossiers). See README, "auth.yaml".' }),
    );
    expect(() => parseAuth(yaml('{ name: a, hash: "sha256:' + '0'.repeat(64) + '", desk: true, unit: h33 }'), 'auth.yaml')).toThrow(
      expect.objectContaining({ code: 'bad-auth', path: ['tokens', 0, 'unit'] }),
    );
  });

  it('numbers dossiers per receiving unit: the desk token’s unit in auth.yaml, never one named in the body', async () => {
    const { app } = await setup();
    const open = (token: string, payload: object = { procedure: 'tiny', channel: 'in-person' }) => app.inject({ method: 'POST', url: '/api/cases', headers: bearer(token), payload });
    const codes = [];
    for (const token of [TOKENS.communeDesk, TOKENS.desk, TOKENS.communeDesk]) codes.push((await open(token)).json().code);
    expect(codes).toEqual(['000.00.35.X01-250303-0001', 'MOTCUA-250303-0001', '000.00.35.X01-250303-0002']);
    const named = await open(TOKENS.desk, { procedure: 'tiny', channel: 'in-person', unit: '000.00.35.X01' });
    expect([named.statusCode, named.json().code, named.json().path, named.json().detail]).toEqual([
      400,
      'bad-input',
      ['unit'],
      'leave "unit" out of the body: the receiving unit comes from the desk token (its unit in auth.yaml) or the server (serve --unit).',
    ]);
  });

  it('drives a dossier from receipt to rating with desk, agency and applicant credentials', async () => {
    const { app, clock, store } = await setup();
    const opened = await app.inject({ method: 'POST', url: '/api/cases', headers: bearer(TOKENS.desk), payload: { procedure: 'tiny', channel: 'in-person' } });
    expect(opened.statusCode).toBe(201);
    const o = opened.json();
    expect([o.code, o.version, o.status, o.slip.dueText.en]).toEqual(['MOTCUA-250303-0001', 2, 2, 'end of Thursday 06/03/2025']);
    expect(o.lookupSecret).toBe(lookupSecret(Buffer.from(LOOKUP_KEY), o.code));
    expect(o.lookupSecret).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const send = (token: string, payload: object, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: `/api/cases/${o.caseId}/events`, headers: { ...bearer(token), ...headers }, payload });
    clock.set('2025-03-03T10:00');
    expect((await send(TOKENS.desk, { type: 'TRANSFER' })).json()).toMatchObject({ ok: true, version: 3, status: 4 });

    // The police do not hold "register": 403, the case unchanged, the attempt recorded.
    clock.set('2025-03-03T11:00');
    const wrong = await send(TOKENS.police, { type: 'COMPLETE', step: 'register' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(wrong.json()).toMatchObject({ type: 'urn:motcua:problem:refused', status: 403, code: 'refused', path: [] });
    expect((await store.get(o.caseId))?.version).toBe(3);
    const refusals = (await app.inject({ url: `/api/cases/${o.caseId}/refusals`, headers: bearer(TOKENS.justice) })).json();
    expect(refusals.map((r: { caseVersion: number; code: string; event: { by: unknown } }) => [r.caseVersion, r.code, r.event.by])).toEqual([[3, 'refused', { kind: 'agency', agency: 'police', officer: 'police officer' }]]);

    expect((await send(TOKENS.justice, { type: 'COMPLETE', step: 'register' })).json()).toMatchObject({ ok: true, version: 4 });
    clock.set('2025-03-04T09:00');
    expect((await send(TOKENS.police, { type: 'COMPLETE', step: 'residence' }, { 'expected-version': '4' })).json()).toMatchObject({ ok: true, version: 5, status: 9 });
    clock.set('2025-03-04T14:00');
    expect((await send(TOKENS.desk, { type: 'RETURN_RESULT' })).json()).toMatchObject({ ok: true, version: 6, status: 10 });

    // The public lookup: progress by step, the agencies by name, nothing about the applicant.
    const lookup = await app.inject({ url: `/api/public/dossiers/${o.code}` });
    expect(lookup.statusCode).toBe(200);
    const shown = lookup.json();
    expect(shown.steps.map((s: { step: string; status: string; agency: { en: string }; classification: string }) => [s.step, s.agency.en, s.status, s.classification])).toEqual([
      ['register', 'Justice officer', 'done', 'early'],
      ['residence', 'Commune police', 'done', 'on-time'],
    ]);
    expect(Object.keys(shown).sort()).toEqual(['classification', 'code', 'due', 'dueText', 'ended', 'label', 'procedure', 'receivedAt', 'status', 'steps']);

    // The applicant rates with the code and the secret from the slip; a wrong secret is turned away.
    const rate = (secret: string) => app.inject({ method: 'POST', url: `/api/public/dossiers/${o.code}/rating`, headers: { 'lookup-secret': secret }, payload: { rating: 'satisfied' } });
    expect((await rate('AAAA-BBBB-CCCC')).json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect((await rate(o.lookupSecret.toLowerCase())).json()).toMatchObject({ ok: true, version: 7 });
    const log = await store.log(o.caseId);
    expect(log.map((l) => (l.entry.kind === 'event' ? `${l.entry.event.type}:${JSON.stringify(l.entry.event.by)}` : l.entry.kind))).toEqual([
      'open',
      // Who acted comes from the token: its agency and its holder, the officer (the log's org:resource).
      'ACCEPT:{"kind":"agency","agency":"desk","officer":"desk officer"}',
      'TRANSFER:{"kind":"agency","agency":"desk","officer":"desk officer"}',
      'COMPLETE:{"kind":"agency","agency":"justice","officer":"justice officer"}',
      'COMPLETE:{"kind":"agency","agency":"police","officer":"police officer"}',
      'RETURN_RESULT:{"kind":"agency","agency":"desk","officer":"desk officer"}',
      'RATE:{"kind":"applicant"}',
    ]);
    // Every event carries the host's instant, never one from the body.
    expect(log.at(-1)?.entry.kind === 'event' && log.at(-1)?.entry.kind === 'event' ? (log.at(-1)!.entry as { event: { at: number } }).event.at : 0).toBe(at('2025-03-04T14:00'));
  });

  it('takes the actor from the token only: a body naming "by" or "at" is refused and nothing is written', async () => {
    const { app, store } = await setup();
    const o = (await app.inject({ method: 'POST', url: '/api/cases', headers: bearer(TOKENS.desk), payload: { procedure: 'tiny', channel: 'in-person' } })).json();
    const forged = await app.inject({ method: 'POST', url: `/api/cases/${o.caseId}/events`, headers: bearer(TOKENS.police), payload: { type: 'TRANSFER', by: { kind: 'agency', agency: 'desk' } } });
    expect(forged.json()).toEqual({ type: 'urn:motcua:problem:bad-event', title: 'Bad request', status: 400, code: 'bad-event', detail: 'leave "by" out of the body: the actor comes from the bearer token.', path: ['by'] });
    const dated = await app.inject({ method: 'POST', url: `/api/cases/${o.caseId}/events`, headers: bearer(TOKENS.desk), payload: { type: 'TRANSFER', at: 0 } });
    expect(dated.json()).toMatchObject({ status: 400, path: ['at'] });
    expect((await store.get(o.caseId))?.version).toBe(2);
  });

  it('answers missing, unknown and misplaced credentials with 401 and 403 problems', async () => {
    const { app } = await setup();
    const open = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/cases', headers, payload: { procedure: 'tiny', channel: 'in-person' } });
    expect((await open({})).json()).toMatchObject({ status: 401, code: 'unauthenticated', detail: 'this endpoint needs an "Authorization: Bearer <token>" header with a token listed in auth.yaml.' });
    expect((await open(bearer('not-a-token'))).json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect((await open(bearer(TOKENS.justice))).json()).toMatchObject({ status: 403, code: 'forbidden', detail: 'only desk tokens open cases; "justice officer" is an agency token of justice.' });
    expect((await app.inject({ method: 'POST', url: '/api/tick', headers: bearer(TOKENS.justice) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/tick', headers: bearer(TOKENS.operator) })).json()).toEqual({ now: at('2025-03-03T09:00'), notices: [] });
  });

  it('replays an idempotent request and refuses a stale expected version with a conflict', async () => {
    const { app, store } = await setup();
    const first = await app.inject({ method: 'POST', url: '/api/cases', headers: { ...bearer(TOKENS.desk), 'idempotency-key': 'k1' }, payload: { procedure: 'tiny', channel: 'in-person' } });
    const again = await app.inject({ method: 'POST', url: '/api/cases', headers: { ...bearer(TOKENS.desk), 'idempotency-key': 'k1' }, payload: { procedure: 'tiny', channel: 'in-person' } });
    expect(again.json()).toEqual(first.json());
    expect((await store.list()).length).toBe(1);
    const stale = await app.inject({ method: 'POST', url: `/api/cases/${first.json().caseId}/events`, headers: { ...bearer(TOKENS.desk), 'expected-version': '1' }, payload: { type: 'TRANSFER' } });
    expect(stale.json()).toMatchObject({ status: 409, code: 'conflict' });
    const badHeader = await app.inject({ method: 'POST', url: `/api/cases/${first.json().caseId}/events`, headers: { ...bearer(TOKENS.desk), 'expected-version': 'two' }, payload: { type: 'TRANSFER' } });
    expect(badHeader.json()).toMatchObject({ status: 400, code: 'bad-input', path: ['headers', 'Expected-Version'] });
  });

  it('reports bad input as problem details naming the path: a bad event field, bad JSON, an unknown query parameter', async () => {
    const { app } = await setup();
    const o = (await app.inject({ method: 'POST', url: '/api/cases', headers: bearer(TOKENS.desk), payload: { procedure: 'tiny', channel: 'in-person' } })).json();
    const bad = await app.inject({ method: 'POST', url: `/api/cases/${o.caseId}/events`, headers: bearer(TOKENS.justice), payload: { type: 'COMPLETE', step: 7 } });
    expect(bad.json()).toMatchObject({ status: 400, code: 'bad-event', path: ['step'] });
    const notJson = await app.inject({ method: 'POST', url: `/api/cases/${o.caseId}/events`, headers: { ...bearer(TOKENS.justice), 'content-type': 'application/json' }, payload: '{"type":' });
    expect(notJson.json()).toMatchObject({ status: 400, code: 'bad-json' });
    expect((await app.inject({ url: '/api/cases?colour=red', headers: bearer(TOKENS.desk) })).json()).toMatchObject({ status: 400, code: 'bad-input', path: ['query', 'colour'] });
    expect((await app.inject({ url: '/api/cases/nope', headers: bearer(TOKENS.desk) })).json()).toMatchObject({ status: 404, code: 'unknown-case' });
    expect((await app.inject({ url: '/nowhere' })).json()).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('lists, shows and explains cases, and serves procedures with their graphs', async () => {
    const { app } = await setup();
    const o = (await app.inject({ method: 'POST', url: '/api/cases', headers: bearer(TOKENS.desk), payload: { procedure: 'tiny', channel: 'in-person' } })).json();
    const list = (await app.inject({ url: '/api/cases?status=2&agency=desk', headers: bearer(TOKENS.justice) })).json();
    expect(list.map((c: { caseId: string }) => c.caseId)).toEqual([o.caseId]);
    expect((await app.inject({ url: '/api/cases?status=4', headers: bearer(TOKENS.justice) })).json()).toEqual([]);
    const due = (await app.inject({ url: `/api/cases/${o.caseId}/due-dates`, headers: bearer(TOKENS.desk) })).json();
    expect(due.statutory.due).toBe(at('2025-03-07T00:00'));
    expect(due.explanation.length).toBeGreaterThan(0);
    expect((await app.inject({ url: `/api/cases/${o.caseId}`, headers: bearer(TOKENS.desk) })).json()).toMatchObject({ status: 2, possible: expect.arrayContaining(['TRANSFER']) });
    expect((await app.inject({ url: '/api/procedures' })).json()).toEqual([{ id: 'tiny', version: '1', effectiveFrom: '2024-01-01', title: { vi: 'Tiny', en: 'Tiny' }, level: 'commune' }]);
    expect((await app.inject({ url: '/api/procedures/tiny?on=2023-12-31' })).json()).toMatchObject({ status: 404, code: 'not-in-force', path: ['on'] });
    const mermaid = await app.inject({ url: '/api/procedures/tiny/graph?format=mermaid' });
    expect(mermaid.body.startsWith('stateDiagram-v2')).toBe(true);
    const bpmn = await app.inject({ url: '/api/procedures/tiny/graph?format=bpmn' });
    expect(bpmn.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect((await app.inject({ url: '/api/procedures/tiny/graph?format=png' })).json()).toMatchObject({ status: 400, path: ['query', 'format'] });
  });

  it('publishes an OpenAPI 3.1 document that validates, and a reference page without outside resources', async () => {
    const { app } = await setup();
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toContain('/api/cases/{caseId}/events');
    const page = await app.inject({ url: '/docs' });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('/api/public/dossiers/{code}');
    expect(page.body).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
  });

  it('rate-limits the public endpoints per client', async () => {
    const store = memoryStore();
    const app = await testServer(store, [tiny], testClock('2025-03-03T09:00').now, 3);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await app.inject({ url: '/api/public/dossiers/none' })).statusCode);
    expect(codes).toEqual([404, 404, 404, 429]);
    const limited = await app.inject({ url: '/api/public/dossiers/none' });
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate-limited' });
    expect((await app.inject({ url: '/health' })).json()).toEqual({ ok: true });
  });
});
