import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatLocalDate } from '../calendar/date.ts';
import { type Instant, localDateOf } from '../calendar/instant.ts';
import { buildEnv } from '../compile/env.ts';
import type { CaseEvent } from '../compile/types.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';
import type { CaseStore } from '../engine/store.ts';
import type { Engine, SendResult } from '../engine/types.ts';
import { dueText } from '../engine/slip.ts';
import { versionInForce } from '../dsl/in-force.ts';
import { caseEnded } from '../engine/case-index.ts';
import { CaseError, MotcuaError } from '../errors.ts';
import { type Lang, label, labelBy, t } from '../i18n/translate.ts';
import { zodIssueMessages } from '../i18n/zod-issue.ts';
import { toBpmn, toDot, toMermaid } from '../export/index.ts';
import { type AuthConfig, AuthError, type Principal, actorOf, authenticate, checkLookupSecret, lookupSecret } from './auth.ts';
import { type RouteDoc, openApiDocument } from './openapi.ts';
import { type Detail, langOfAccept, problem, problemOf } from './problem.ts';
import { referencePage } from './reference.ts';
import * as S from './schemas.ts';

/** What the server runs on; plugins mounted with `plugins` (or `app.register`) find it as `app.motcua`. */
export interface MotcuaContext {
  readonly engine: Engine;
  readonly store: CaseStore;
  /** Every version of every procedure the engine runs. */
  readonly procedures: readonly ProcedureSpec[];
  readonly auth: AuthConfig | null;
  /** The host's clock: every event is stamped with it. */
  readonly now: () => Instant;
  /** The principal of a request's bearer token. @throws AuthError `unauthenticated` */
  readonly principal: (request: FastifyRequest) => Principal;
}

declare module 'fastify' {
  interface FastifyInstance {
    motcua: MotcuaContext;
  }
}

/** Options of {@link createServer}. */
export interface ServerOptions {
  readonly engine: Engine;
  readonly store: CaseStore;
  readonly procedures: readonly ProcedureSpec[];
  /** auth.yaml, parsed; null: no tokens, so only public and procedure endpoints answer. */
  readonly auth: AuthConfig | null;
  /** The host's clock (Date.now at the edge; a test clock in tests). */
  readonly now: () => Instant;
  /** Requests per minute per client address on the public endpoints; 60 by default. */
  readonly publicRateLimit?: number;
  /**
   * Extra routes or pages (the web pages of src/web), registered after the API with Fastify's
   * `register`, so they see `app.motcua` and can use `problem`/`problemOf`.
   */
  readonly plugins?: readonly FastifyPluginAsync[];
  readonly version?: string;
  readonly logger?: boolean;
}

type Handler = (ctx: { params: Record<string, string>; query: Record<string, unknown>; body: unknown; request: FastifyRequest; reply: FastifyReply }) => Promise<unknown>;

/**
 * The HTTP API over an engine: procedures, cases, the public lookup, ratings, health, and the
 * OpenAPI 3.1 document (`/openapi.json`, browsable at `/docs`) generated from the same zod schemas
 * that check the requests. Every event is stamped with the host's clock and the actor of its
 * bearer token; errors are RFC 9457 problem details carrying the engine's code and path.
 *
 * @example
 * const app = await createServer({ engine, store, procedures, auth, now: () => Date.now() as Instant });
 * await app.listen({ port: 8080, host: '127.0.0.1' });
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { engine, store, procedures, auth, now } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors before routing (an address that is not valid percent-encoding) are problem details too.
    frameworkErrors: (error, request, reply) => {
      const e = error as { code?: string; statusCode?: number; message: string };
      const lang = langOf(request);
      if (e.code === 'FST_ERR_BAD_URL') return sendProblem(reply, lang, problem('bad-url', label('error.http.bad-url', { reason: e.message }), [], undefined, lang));
      return sendProblem(reply, lang, problem('bad-request', label('error.http.bad-request', { reason: e.message }), [], typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 400, lang));
    },
  });
  const context: MotcuaContext = { engine, store, procedures, auth, now, principal: (request) => authenticate(auth, request.headers.authorization) };
  app.decorate('motcua', context);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, ctx) => ({ ...problem('rate-limited', label('error.http.rate-limited', { max: ctx.max, after: ctx.after }), [], 429, langOf(request)), statusCode: 429 }),
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    const lang = langOf(request);
    const send = (code: string, detail: Detail, status?: number) => sendProblem(reply, lang, problem(code, detail, [], status, lang));
    if (error instanceof MotcuaError) return sendProblem(reply, lang, problemOf(error, lang));
    const e = error as { statusCode?: number; code?: string; message?: string; status?: number; type?: string; detail?: string };
    // The rate limiter throws what errorResponseBuilder built: already said in the request's language.
    if (e.type === 'urn:motcua:problem:rate-limited') return send('rate-limited', String(e.detail ?? e.message ?? 'too many requests'));
    if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (e.statusCode === 400 && e instanceof SyntaxError)) {
      return send('bad-json', label('error.http.bad-json', { reason: String(e.message) }));
    }
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send('too-large', label('error.http.too-large'));
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send('bad-media-type', label('error.http.media-type'), 415);
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return send('bad-request', label('error.http.bad-request', { reason: e.message ?? '' }), e.statusCode);
    app.log.error(error);
    return send('internal', label('error.http.internal'), 500);
  });
  app.setNotFoundHandler((request, reply) => {
    const lang = langOf(request);
    return sendProblem(reply, lang, problem('not-found', label('error.http.no-endpoint', { method: request.method, path: request.url.split('?')[0]! }), [], undefined, lang));
  });

  const routes: RouteDoc[] = [];
  const publicLimit = { max: options.publicRateLimit ?? 60, timeWindow: '1 minute' };
  const add = (doc: RouteDoc, handler: Handler, publicRoute = false) => {
    routes.push(doc);
    app.route({
      method: doc.method,
      url: doc.url,
      ...(publicRoute ? { config: { rateLimit: publicLimit } } : {}),
      handler: async (request, reply) => {
        const params = doc.params === undefined ? {} : (parseInput(doc.params, request.params, 'path') as Record<string, string>);
        const query = doc.query === undefined ? {} : (parseInput(doc.query, request.query ?? {}, 'query') as Record<string, unknown>);
        const result = await handler({ params, query, body: request.body, request, reply });
        if (reply.sent) return reply;
        reply.code(doc.ok.status);
        if (doc.ok.contentType !== undefined) reply.type(doc.ok.contentType);
        return result;
      },
    });
  };

  // Specs by exact version; the version in force on a day.
  const specs = new Map(procedures.map((p) => [`${p.id}@${p.version}`, p]));
  const versionsOf = (id: string) => procedures.filter((p) => p.id === id).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const inForce = (id: string, date: string): ProcedureSpec => {
    const versions = versionsOf(id);
    if (versions.length === 0) throw new CaseError('unknown-procedure', label('error.engine.unknown-procedure.http', { id }), { path: ['id'] });
    // The one rule of which version is in force (its start and its end), as the engine applies it;
    // its not-in-force error becomes problem details like any other.
    return versionInForce(versions, date, ['on']);
  };
  const today = () => formatLocalDate(localDateOf(now()));
  /** The exact version a stored case runs on. */
  const specOfRecord = (record: { readonly caseId: string; readonly procedure: { readonly id: string; readonly version: string } }): ProcedureSpec => {
    const spec = specs.get(`${record.procedure.id}@${record.procedure.version}`);
    if (spec === undefined) throw new CaseError('unknown-procedure-version', label('error.engine.unknown-version.http', { caseId: record.caseId, id: record.procedure.id, version: record.procedure.version }));
    return spec;
  };
  const specOfCase = async (caseId: string): Promise<ProcedureSpec> => {
    const record = await store.get(caseId);
    if (record === null) throw new CaseError('unknown-case', label('error.engine.unknown-dossier', { code: caseId }), { path: ['caseId'] });
    return specOfRecord(record);
  };
  const staff = (request: FastifyRequest) => context.principal(request);
  const envs = new Map<ProcedureSpec, ReturnType<typeof buildEnv>>();
  const envOf = (spec: ProcedureSpec) => {
    let env = envs.get(spec);
    if (env === undefined) envs.set(spec, (env = buildEnv(spec)));
    return env;
  };

  const idempotencyHeader = { name: 'Idempotency-Key', description: 'any string up to 200 characters, new for each request: a retry with the same key gets the first answer and writes nothing', schema: z.string() };
  const versionHeader = { name: 'Expected-Version', description: 'the version the client last read; if the case is at another version nothing is written (409 conflict)', schema: z.string().regex(/^\d+$/) };

  // ---- health ----
  add({ method: 'GET', url: '/health', summary: 'The process is up', tags: ['health'], security: 'none', ok: { status: 200, description: 'up', schema: S.healthSchema }, errors: [] }, async () => ({ ok: true }));
  add(
    { method: 'GET', url: '/ready', summary: 'The store answers', tags: ['health'], security: 'none', ok: { status: 200, description: 'ready', schema: S.readySchema }, errors: [503] },
    async () => {
      try {
        await store.recall('motcua:readiness');
        return { ok: true, store: 'ok' };
      } catch (error) {
        throw new CaseError('not-ready', label('error.http.not-ready', { reason: (error as Error).message }));
      }
    },
  );

  // ---- procedures ----
  add(
    { method: 'GET', url: '/api/procedures', summary: 'Every version of every procedure', tags: ['procedures'], security: 'none', ok: { status: 200, description: 'the procedures', schema: z.array(S.procedureSummarySchema) }, errors: [] },
    async () => procedures.map((p) => ({ id: p.id, version: p.version, effectiveFrom: p.effectiveFrom, title: p.title, level: p.level })),
  );
  add(
    {
      method: 'GET',
      url: '/api/procedures/:id',
      summary: 'The version of a procedure in force on a date (today by default)',
      tags: ['procedures'],
      security: 'none',
      params: S.procedureParams,
      query: S.onQuery,
      ok: { status: 200, description: 'the procedure spec (plain data, dated, cited)', schema: z.looseObject({ id: z.string(), version: z.string(), effectiveFrom: z.string() }) },
      errors: [400, 404],
    },
    async ({ params, query }) => inForce(params['id']!, (query['on'] as string | undefined) ?? today()),
  );
  add(
    {
      method: 'GET',
      url: '/api/procedures/:id/versions',
      summary: 'The versions of a procedure, oldest first',
      tags: ['procedures'],
      security: 'none',
      params: S.procedureParams,
      ok: { status: 200, description: 'the versions', schema: z.array(S.procedureSummarySchema) },
      errors: [404],
    },
    async ({ params }) => {
      const versions = versionsOf(params['id']!);
      if (versions.length === 0) throw new CaseError('unknown-procedure', label('error.engine.unknown-procedure.http', { id: params['id']! }), { path: ['id'] });
      return versions.map((p) => ({ id: p.id, version: p.version, effectiveFrom: p.effectiveFrom, title: p.title, level: p.level }));
    },
  );
  add(
    {
      method: 'GET',
      url: '/api/procedures/:id/graph',
      summary: 'The procedure as a Mermaid diagram, a Graphviz graph or BPMN 2.0 XML',
      tags: ['procedures'],
      security: 'none',
      params: S.procedureParams,
      query: S.graphQuery,
      ok: { status: 200, description: 'the graph, as text', contentType: 'text/plain; charset=utf-8' },
      errors: [400, 404],
    },
    async ({ params, query, reply }) => {
      const spec = inForce(params['id']!, (query['on'] as string | undefined) ?? today());
      const lang = (query['lang'] as 'vi' | 'en' | undefined) ?? 'en';
      const format = query['format'] as 'mermaid' | 'dot' | 'bpmn';
      if (format === 'bpmn') reply.type('application/xml; charset=utf-8');
      else if (format === 'dot') reply.type('text/vnd.graphviz; charset=utf-8');
      else reply.type('text/plain; charset=utf-8');
      const text = format === 'mermaid' ? toMermaid(spec, { lang }) : format === 'dot' ? toDot(spec, { lang }) : await toBpmn(spec, { lang });
      return reply.code(200).send(text);
    },
  );

  // ---- cases ----
  add(
    {
      method: 'POST',
      url: '/api/cases',
      summary: 'Receive a dossier and open its case (desk tokens)',
      description: 'The version of the procedure in force today is used; the receipt is stamped with the server’s clock and the desk of that procedure. Unless "accept" is false the dossier is accepted at once and the appointment slip issued, with the lookup secret to print on it.',
      tags: ['cases'],
      security: 'bearer',
      body: S.openBodySchema,
      headers: [idempotencyHeader],
      ok: { status: 201, description: 'the case opened', schema: S.openedSchema },
      errors: [400, 401, 403, 404, 409, 413, 422],
    },
    async ({ body, request }) => {
      const principal = staff(request);
      if (principal.kind !== 'desk') throw new AuthError('forbidden', principal.kind === 'agency' ? label('error.http.desk-only.agency', { name: principal.name, agency: principal.agency }) : label('error.http.desk-only.operator', { name: principal.name }));
      const fields = objectBody(body, 'request');
      forbidStamps(fields, ['receivedAt', 'by', 'idempotencyKey', 'unit'], 'bad-input');
      const procedureId = typeof fields['procedure'] === 'string' ? fields['procedure'] : '';
      const receivedAt = now();
      const desk = procedureId === '' ? 'desk' : inForce(procedureId, formatLocalDate(localDateOf(receivedAt))).receipt.desk;
      const key = headerOf(request, 'idempotency-key');
      const unit = principal.unit === undefined ? {} : { unit: principal.unit };
      const opened = await engine.open({ ...(fields as object), receivedAt, by: actorOf(principal, desk), ...unit, ...(key === undefined ? {} : { idempotencyKey: key }) } as Parameters<Engine['open']>[0]);
      return { ...opened, lookupSecret: auth?.lookupKey == null ? null : lookupSecret(auth.lookupKey, opened.code) };
    },
  );
  add(
    {
      method: 'GET',
      url: '/api/cases',
      summary: 'Cases, filtered',
      tags: ['cases'],
      security: 'bearer',
      query: S.caseListQuery,
      ok: { status: 200, description: 'the cases, oldest receipt first', schema: z.array(S.caseSummarySchema) },
      errors: [400, 401],
    },
    async ({ query, request }) => {
      staff(request);
      const q = query as z.infer<typeof S.caseListQuery>;
      return engine.list({
        ...(q.agency === undefined ? {} : { agency: q.agency }),
        ...(q.status === undefined ? {} : { status: q.status.split(',').map(Number) as never }),
        ...(q.dueBefore === undefined ? {} : { dueBefore: q.dueBefore as Instant }),
        ...(q.overdue === undefined ? {} : { overdue: q.overdue as Instant }),
        ...(q.procedure === undefined ? {} : { procedure: q.procedure }),
      });
    },
  );
  const caseGet = (url: string, summary: string, schema: z.ZodType, read: (caseId: string, query: Record<string, unknown>) => Promise<unknown>, query?: z.ZodObject) =>
    add(
      { method: 'GET', url, summary, tags: ['cases'], security: 'bearer', params: S.caseParams, ...(query === undefined ? {} : { query }), ok: { status: 200, description: summary, schema }, errors: [400, 401, 404] },
      async ({ params, query: q, request }) => {
        staff(request);
        return read(params['caseId']!, q);
      },
    );
  caseGet('/api/cases/:caseId', 'Where a case stands: status, holders, due instant, what may happen next', S.caseStatusSchema, (id) => engine.status(id));
  caseGet('/api/cases/:caseId/timeline', 'The control slip: who handed what to whom, when, early / on time / late', S.timelineSchema, (id) => engine.timeline(id));
  caseGet('/api/cases/:caseId/due-dates', 'Every due date of the case and why, line by line', S.dueDatesSchema, (id, q) => engine.dueDates(id, { lang: (q['lang'] as 'vi' | 'en' | undefined) ?? 'en' }), S.langQuery);
  caseGet('/api/cases/:caseId/refusals', 'Refused attempts on the case, oldest first', z.array(S.refusalSchema), (id) => engine.refusals(id));
  caseGet('/api/cases/:caseId/history', 'The append-only log of the case', z.array(z.looseObject({ version: z.number().int(), entry: z.looseObject({ kind: z.string() }), effects: z.array(S.effectSchema) })), (id) => engine.history(id));

  const sendAs = async (caseId: string, event: Record<string, unknown>, by: CaseEvent['by'], request: FastifyRequest): Promise<SendResult & { ok: true }> => {
    const key = headerOf(request, 'idempotency-key');
    const expected = headerOf(request, 'expected-version');
    if (expected !== undefined && !/^\d+$/.test(expected)) throw new CaseError('bad-input', label('error.http.expected-version', { text: expected }), { path: ['headers', 'Expected-Version'] });
    const result = await engine.send(caseId, { ...event, at: now(), by } as CaseEvent, {
      ...(key === undefined ? {} : { idempotencyKey: key }),
      ...(expected === undefined ? {} : { expectedVersion: Number(expected) }),
    });
    if (!result.ok) throw result.error;
    return result;
  };

  add(
    {
      method: 'POST',
      url: '/api/cases/:caseId/events',
      summary: 'Send an event to a case, as the token’s desk or agency',
      description: 'The event is stamped with the server’s clock and the actor of the token. An event the machine refuses (say, from an agency that does not hold the step) is answered 403 or 409, changes nothing, and is recorded as a refused attempt.',
      tags: ['cases'],
      security: 'bearer',
      params: S.caseParams,
      body: S.eventBodySchema,
      headers: [idempotencyHeader, versionHeader],
      ok: { status: 200, description: 'the event was applied and stored', schema: S.sentSchema },
      errors: [400, 401, 403, 404, 409, 413, 422],
    },
    async ({ params, body, request }) => {
      const principal = staff(request);
      const caseId = params['caseId']!;
      const event = objectBody(body, 'event');
      forbidStamps(event, ['at', 'by'], 'bad-event');
      const spec = await specOfCase(caseId);
      return sendAs(caseId, event, actorOf(principal, spec.receipt.desk), request);
    },
  );
  add(
    {
      method: 'POST',
      url: '/api/tick',
      summary: 'Fire every deadline passed by now (operator and desk tokens)',
      tags: ['cases'],
      security: 'bearer',
      ok: { status: 200, description: 'the effects of the deadlines fired', schema: z.object({ now: z.number().int(), notices: z.array(S.noticeSchema) }) },
      errors: [401, 403],
    },
    async ({ request }) => {
      const principal = staff(request);
      if (principal.kind === 'agency') throw new AuthError('forbidden', label('error.http.agency-tick', { name: principal.name }));
      const at = now();
      return { now: at, notices: await engine.tick(at) };
    },
  );

  // ---- public: the applicant ----
  add(
    {
      method: 'GET',
      url: '/api/public/dossiers/:code',
      summary: 'Where a dossier stands, by its code: status, due date, progress by step (no personal data)',
      tags: ['public'],
      security: 'none',
      params: S.codeParams,
      ok: { status: 200, description: 'the dossier’s progress', schema: S.publicDossierSchema },
      errors: [404, 429],
    },
    async ({ params }) => {
      const code = params['code']!;
      const found = await store.get(code);
      if (found === null) throw new CaseError('unknown-case', label('error.engine.unknown-dossier', { code }), { path: ['code'] });
      const spec = specOfRecord(found);
      const env = envOf(spec);
      const [status, due] = [await engine.status(code), await engine.dueDates(code)];
      const agencyName = (id: string) => spec.agencies[id]?.name ?? { vi: id, en: id };
      return {
        code: status.code,
        procedure: { id: spec.id, version: spec.version, title: spec.title },
        status: status.status,
        label: status.label,
        receivedAt: status.receivedAt,
        due: status.due,
        dueText: status.due === null ? null : dueText(status.due),
        classification: status.classification,
        ended: caseEnded(status.outcome !== null, status.status),
        steps: due.steps.map((s) => ({
          step: s.step,
          title: env.steps.get(s.step)?.title ?? { vi: s.step, en: s.step },
          agency: agencyName(s.agency),
          status: s.status,
          due: s.due,
          finishedAt: s.finishedAt,
          classification: s.classification,
        })),
      };
    },
    true,
  );
  const applicantAct = async (code: string, event: Record<string, unknown>, request: FastifyRequest) => {
    checkLookupSecret(auth, code, headerOf(request, 'lookup-secret'));
    return sendAs(code, event, { kind: 'applicant' }, request);
  };
  add(
    {
      method: 'POST',
      url: '/api/public/dossiers/:code/events',
      summary: 'The applicant supplies papers (SUPPLY) or withdraws (WITHDRAW), with the code and lookup secret',
      tags: ['public'],
      security: 'lookup',
      params: S.codeParams,
      body: S.applicantEventSchema,
      headers: [idempotencyHeader],
      ok: { status: 200, description: 'the event was applied and stored', schema: S.sentSchema },
      errors: [400, 401, 403, 404, 409, 429],
    },
    async ({ params, body, request }) => {
      const event = objectBody(body, 'event');
      forbidStamps(event, ['at', 'by'], 'bad-event');
      if (!(S.APPLICANT_EVENTS as readonly unknown[]).includes(event['type'])) {
        throw new CaseError('bad-event', label('error.http.applicant-event', { events: S.APPLICANT_EVENTS.join(', '), type: JSON.stringify(event['type']) ?? 'undefined' }), { path: ['type'] });
      }
      return applicantAct(params['code']!, event, request);
    },
    true,
  );
  add(
    {
      method: 'POST',
      url: '/api/public/dossiers/:code/rating',
      summary: 'The applicant rates the service after the return, with the code and lookup secret',
      tags: ['public'],
      security: 'lookup',
      params: S.codeParams,
      body: S.ratingBodySchema,
      headers: [idempotencyHeader],
      ok: { status: 200, description: 'the rating was stored', schema: S.sentSchema },
      errors: [400, 401, 404, 409, 429],
    },
    async ({ params, body, request }) => {
      const fields = objectBody(body, 'rating');
      const parsed = S.ratingBodySchema.safeParse(fields);
      if (!parsed.success) throw new CaseError('bad-input', label('error.http.rating'), { path: ['rating'] });
      return applicantAct(params['code']!, { type: 'RATE', rating: parsed.data.rating }, request);
    },
    true,
  );

  // ---- the document ----
  const document = openApiDocument(routes, { version: options.version ?? '0.1.0' });
  app.get('/openapi.json', async () => document);
  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(referencePage(document)));

  for (const plugin of options.plugins ?? []) await app.register(plugin);
  return app;
}

function sendProblem(reply: FastifyReply, lang: Lang, p: ReturnType<typeof problem>) {
  return reply.code(p.status).type('application/problem+json; charset=utf-8').header('content-language', lang).header('vary', 'Accept-Language').send(p);
}

/** The language of the API's answers to `request`: its `Accept-Language`, English by default. */
function langOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  return langOfAccept(Array.isArray(header) ? header.join(',') : header);
}

function parseInput(schema: z.ZodObject, value: unknown, where: 'path' | 'query'): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const said = zodIssueMessages(issue, value);
  const place = (lang: Lang) => t(lang, where === 'path' ? 'error.http.where.path' : 'error.http.where.query');
  const message =
    issue.code === 'unrecognized_keys'
      ? labelBy('error.http.parameter.unknown', (lang) => ({ where: place(lang), names: issue.keys.map((k) => `"${k}"`).join(', ') }))
      : labelBy('error.http.parameter.bad', (lang) => ({ issue: said[lang], where: place(lang), name: path.length > 0 ? `"${path.join('.')}"` : t(lang, where === 'path' ? 'error.http.the.path' : 'error.http.the.query') }));
  throw new CaseError('bad-input', message, { path: [where, ...(issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : path)] });
}

function objectBody(body: unknown, what: 'event' | 'request' | 'rating'): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CaseError(what === 'event' ? 'bad-event' : 'bad-input', label(what === 'event' ? 'error.http.object.event' : what === 'rating' ? 'error.http.object.rating' : 'error.http.object.request'));
  }
  return body as Record<string, unknown>;
}

/** Time and actor come from the server and the token, never from the body. */
function forbidStamps(body: Record<string, unknown>, fields: readonly string[], code: string): void {
  for (const field of fields) {
    if (field in body) {
      const message = field === 'by' ? label('error.http.stamp.by') : field === 'unit' ? label('error.http.stamp.unit') : field === 'idempotencyKey' ? label('error.http.stamp.idempotency') : label('error.http.stamp.time', { field });
      throw new CaseError(code, message, { path: [field] });
    }
  }
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
