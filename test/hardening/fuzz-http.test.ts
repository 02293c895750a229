import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { CATALOGUE } from '../../procedures/index.ts';
import type { Instant } from '../../src/calendar/instant.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { createServer } from '../../src/server/app.ts';
import { lookupSecret, parseAuth } from '../../src/server/auth.ts';
import { webPlugin } from '../../src/web/plugin.ts';
import { FUZZ_TIMEOUT, RECEIVED, event, hostile, openRequest, plausible, runs } from '../support/fuzz.ts';
import { checkProperty } from '../support/property.ts';
import { LOOKUP_KEY, TOKENS, authYaml, bearer } from '../server/support.ts';
import { tinySpec } from '../support/specs.ts';

/**
 * Issue 19's fuzz suite: HTTP requests to the API and the web pages, through Fastify's `inject`
 * (no sockets). Every answer is below 500; every API error is RFC 9457 problem details whose
 * status matches the response, with a one-line detail; no answer carries a stack trace.
 */
describe('fuzz: HTTP requests to the server', () => {
  let app: FastifyInstance;
  const codes: string[] = [];
  let session = '';
  const now = (RECEIVED + 5 * 86_400_000) as Instant;

  beforeAll(async () => {
    const store = memoryStore();
    const procedures = [tinySpec(), ...CATALOGUE];
    const engine = createEngine({ procedures, store, now: () => now });
    app = await createServer({ engine, store, procedures, auth: parseAuth(authYaml(), 'auth.yaml'), now: () => now, publicRateLimit: 1e9, plugins: [webPlugin()] });
    for (let i = 0; i < 3; i++) {
      const opened = await app.inject({ method: 'POST', url: '/api/cases', headers: bearer(TOKENS.desk), payload: { procedure: 'tiny', channel: 'in-person' } });
      expect(opened.statusCode).toBe(201);
      codes.push(opened.json<{ code: string }>().code);
    }
    const login = await app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' }, payload: `token=${TOKENS.justice}` });
    session = String(login.headers['set-cookie'] ?? '').split(';')[0]!;
  });
  afterAll(async () => app.close());

  /** Percent-encoding, and for a lone surrogate (which has none) the bytes of one: invalid UTF-8. */
  const enc = (text: string) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return '%ED%A0%80';
    }
  };
  const segment = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('tiny', 'birth-registration', 'x') },
    { weight: 3, arbitrary: fc.nat(2).map((i) => `@code${i}`) },
    { weight: 2, arbitrary: hostile.map(enc) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%00', '..', '%2e%2e', '%E0%A4%A', '~', '') },
  );
  const PATHS = [
    ['GET', '/health'], ['GET', '/ready'], ['GET', '/api/procedures'], ['GET', '/api/procedures/:'], ['GET', '/api/procedures/:/versions'], ['GET', '/api/procedures/:/graph'],
    ['GET', '/api/cases'], ['GET', '/api/cases/:'], ['GET', '/api/cases/:/timeline'], ['GET', '/api/cases/:/due-dates'], ['GET', '/api/cases/:/refusals'], ['GET', '/api/cases/:/history'],
    ['GET', '/api/public/dossiers/:'], ['GET', '/openapi.json'], ['POST', '/api/cases'], ['POST', '/api/cases/:/events'], ['POST', '/api/public/dossiers/:/events'], ['POST', '/api/public/dossiers/:/rating'], ['POST', '/api/tick'],
    ['GET', '/'], ['GET', '/lookup'], ['GET', '/rate'], ['POST', '/rate'], ['GET', '/login'], ['POST', '/login'], ['POST', '/logout'], ['GET', '/queue'], ['GET', '/queue/new'], ['POST', '/queue/new'],
    ['GET', '/queue/:'], ['GET', '/queue/:/slip'], ['POST', '/queue/:/act'], ['GET', '/dashboard'], ['GET', '/catalogue'], ['GET', '/catalogue/:'], ['GET', '/api/nothing'],
    ['PUT', '/api/cases'], ['DELETE', '/api/cases/:'],
  ] as const;
  const queryKey = fc.constantFrom('format', 'lang', 'date', 'agency', 'status', 'dueBefore', 'overdue', 'procedure', 'code', 'secret', 'from', 'to', 'limit', 'after', '__proto__');
  const queryValue = fc.oneof(fc.constantFrom('dot', 'mermaid', 'bpmn', 'svg', 'en', 'vi', '2025-03-03', '1,2', '99', '1e400', '-1'), hostile, fc.string({ maxLength: 6 }));
  const jsonBody = fc.oneof(event, openRequest('tiny'), fc.record({ rating: plausible, secret: plausible, at: plausible }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 3 }));
  const formBody = fc.dictionary(fc.constantFrom('token', 'code', 'secret', 'rating', 'type', 'step', 'consult', 'interval', 'agree', 'missing', 'reasons', 'newDue', 'reason', 'note', 'version', 'confirm', 'procedure', 'channel', 'lang', 'dossier.x'), fc.oneof(fc.string({ maxLength: 8 }), hostile), { maxKeys: 6 });
  const body = fc.oneof(
    jsonBody.map((b) => ({ type: 'application/json', payload: JSON.stringify(b) })),
    formBody.map((f) => ({ type: 'application/x-www-form-urlencoded', payload: new URLSearchParams(f).toString() })),
    fc.oneof(fc.string({ maxLength: 40 }), hostile).map((s) => ({ type: 'application/json', payload: s })),
    fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', '').map((type) => ({ type, payload: 'x=1' })),
  );
  const request = fc.record({
    route: fc.constantFrom(...PATHS),
    segment,
    query: fc.array(fc.tuple(queryKey, queryValue), { maxLength: 3 }),
    auth: fc.constantFrom('none', 'desk', 'justice', 'operator', 'bad', 'hostile', 'session', 'secret'),
    body: fc.option(body, { nil: undefined }),
  });

  it('answers every request below 500: problem details for API errors, one line, no stack trace', async () => {
    const statuses = new Map<number, number>();
    await checkProperty(
      'HTTP requests',
      fc.asyncProperty(request, async (r) => {
        const [method, template] = r.route;
        const seg = r.segment.startsWith('@code') ? codes[Number(r.segment.slice(5))]! : r.segment;
        const query = r.query.length === 0 ? '' : `?${r.query.map(([k, v]) => `${k}=${enc(v)}`).join('&')}`;
        const headers: Record<string, string> = {};
        if (r.auth === 'desk' || r.auth === 'justice' || r.auth === 'operator') Object.assign(headers, bearer(TOKENS[r.auth]));
        if (r.auth === 'bad') headers['authorization'] = 'Bearer nope';
        if (r.auth === 'hostile') headers['authorization'] = 'Basic __proto__';
        if (r.auth === 'session') headers['cookie'] = session;
        if (r.auth === 'secret') headers['lookup-secret'] = lookupSecret(Buffer.from(LOOKUP_KEY, 'utf8'), seg);
        if (method === 'POST') headers['origin'] = 'http://localhost:80';
        const payload = r.body === undefined ? undefined : r.body.payload;
        if (r.body !== undefined && r.body.type !== '') headers['content-type'] = r.body.type;
        const res = await app.inject({ method, url: `${template.replace(':', seg)}${query}`, headers, ...(payload === undefined || method === 'GET' ? {} : { payload }) });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.body).not.toMatch(/\n\s+at \S+ \(|TypeError|ReferenceError|SqliteError/);
        const type = String(res.headers['content-type'] ?? '');
        if (type.startsWith('application/problem+json')) {
          const p = res.json<{ type: string; title: string; status: number; detail: string; code: string }>();
          expect(p.status).toBe(res.statusCode);
          expect(p.type).toBe(`urn:motcua:problem:${p.code}`);
          expect(p.detail).not.toContain('\n');
          expect(p.detail.length).toBeGreaterThan(10);
        } else if (res.statusCode >= 400 && template.startsWith('/api')) throw new Error(`API error ${res.statusCode} without problem details: ${type}`);
      }),
      { numRuns: runs(10_000) },
    );
    console.log(`[fuzz] HTTP statuses: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(', ')}`);
  }, FUZZ_TIMEOUT);
});
