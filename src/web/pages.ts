import { randomBytes } from 'node:crypto';
import type { Label } from '../legal.ts';
import { BusinessCalendar } from '../calendar/business-calendar.ts';
import { formatLocalDate, parseLocalDate } from '../calendar/date.ts';
import { type Instant, instantAt, localDateOf } from '../calendar/instant.ts';
import type { CaseEvent, CaseEventType, DossierData } from '../compile/types.ts';
import { CHANNELS, type Channel, type ProcedureSpec } from '../dsl/spec.ts';
import { type CompiledProcedure, compileProcedure } from '../compile/compile.ts';
import { appointmentSlip } from '../engine/slip.ts';
import type { CaseStore } from '../engine/store.ts';
import type { Engine } from '../engine/types.ts';
import { MotcuaError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import type { Lang } from '../report/labels.ts';
import { proceduresInForce, renderCataloguePage, renderProcedurePage } from './catalogue-page.ts';
import { renderDashboardPage } from './dashboard-page.ts';
import { type Decision766Source, storeComplaints } from './indicators.ts';
import { CONFIRMED_EVENTS, renderConfirmPage, renderDossierPage } from './dossier-page.ts';
import { WEB_LABELS } from './labels.ts';
import { CONTENT_SECURITY_POLICY, STYLESHEET_PATH, link, notice, webPage } from './layout.ts';
import { renderLookupPage } from './lookup-page.ts';
import { type WebPrincipal, agencyOf, dashboardPeriod, dashboardView, deskProcedures, dossierView, lookupView, principalLabel, queueView, specOf } from './model.ts';
import { qrSvg } from './qr.ts';
import { renderNewDossierPage, renderLoginPage, renderQueuePage } from './queue-page.ts';
import { MAX_COMPLAINT_CHARS, renderRatePage } from './rate-page.ts';
import { renderSlipPage } from './slip-page.ts';
import { WEB_STYLE } from './style.ts';

/** A request as the pages see it, whatever HTTP server carries it. */
export interface WebRequest {
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The `application/x-www-form-urlencoded` body of a POST. */
  readonly form: URLSearchParams;
  readonly cookies: Readonly<Record<string, string>>;
  /** `http://host:port` of this server as the browser reached it: for the QR code and the same-origin check. */
  readonly origin: string;
  /** The `Origin` header of a POST, if the browser sent one. */
  readonly originHeader?: string;
}

export interface WebResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Where a complaint left with a rating is recorded (the complaints of `src/indicators`; `storeComplaints` by default). */
export interface ComplaintSink {
  /** Records a complaint about a dossier and returns its number. */
  open(complaint: { readonly caseId: string; readonly text: string; readonly at: Instant }): Promise<string>;
}

/** What the pages run on: the server's engine and store, its clock, and its credentials. */
export interface WebOptions {
  readonly engine: Engine;
  readonly store: CaseStore;
  readonly procedures: readonly ProcedureSpec[];
  readonly now: () => Instant;
  /** The principal of an `auth.yaml` token, or null when the token is unknown. */
  readonly signIn: (token: string) => WebPrincipal | null;
  /** The lookup secret of a dossier code, printed on the slip; null when the server has no lookup key. */
  readonly lookupSecret: (code: string) => string | null;
  readonly checkSecret: (code: string, secret: string) => boolean;
  /** A procedure's diagram as inline SVG (Graphviz), or null when it cannot be drawn. */
  readonly diagram?: (spec: ProcedureSpec, lang: Lang) => string | null;
  /** The Decision 766 panel of the dashboard: `liveDecision766` (every stored case and complaint) by default. */
  readonly decision766?: Decision766Source;
  /** Where the rating page's complaints go: `storeComplaints` (complaint records of the store) by default. */
  readonly complaints?: ComplaintSink;
  /** The engine's business calendar, when it is not Vietnam's default: the slip explains due dates with it. */
  readonly calendar?: BusinessCalendar;
}

/** The routes of the pages, for the server to register. */
export const WEB_ROUTES: readonly { readonly method: 'GET' | 'POST'; readonly url: string }[] = [
  { method: 'GET', url: '/' },
  { method: 'GET', url: STYLESHEET_PATH },
  { method: 'GET', url: '/lookup' },
  { method: 'GET', url: '/rate' },
  { method: 'POST', url: '/rate' },
  { method: 'GET', url: '/login' },
  { method: 'POST', url: '/login' },
  { method: 'POST', url: '/logout' },
  { method: 'GET', url: '/queue' },
  { method: 'GET', url: '/queue/new' },
  { method: 'POST', url: '/queue/new' },
  { method: 'GET', url: '/queue/:code' },
  { method: 'GET', url: '/queue/:code/slip' },
  { method: 'POST', url: '/queue/:code/act' },
  { method: 'GET', url: '/dashboard' },
  { method: 'GET', url: '/catalogue' },
  { method: 'GET', url: '/catalogue/:id' },
];

const SESSION_COOKIE = 'motcua_session';

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // Lookup addresses carry the secret: never send them to another site (same-origin posts keep their Origin header).
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
} as const;

const html = (status: number, body: string, extra: Record<string, string> = {}): WebResponse => ({ status, headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...extra }, body });
const redirect = (to: string, extra: Record<string, string> = {}): WebResponse => ({ status: 303, headers: { location: to, ...SECURITY_HEADERS, ...extra }, body: '' });

/** The page's language: `lang=en` in the query or the form, else Vietnamese. */
export function langOf(req: Pick<WebRequest, 'query' | 'form'>): Lang {
  return (req.query.get('lang') ?? req.form.get('lang')) === 'en' ? 'en' : 'vi';
}

/** Lines of a textarea, trimmed, without empty ones. */
const lines = (text: string | null) => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');

/**
 * The web pages as one request handler, independent of the HTTP framework: the citizen's lookup and
 * rating, the officers' sign-in, queue, dossier, actions and appointment slip, the dashboard and
 * the catalogue. Answers null for a path that is not a page. Officers sign in with an `auth.yaml`
 * token once; the session cookie (HttpOnly, SameSite=Strict) then stands for it, and every event
 * takes its actor from that session, never from the form.
 */
export function webPages(options: WebOptions): (req: WebRequest) => Promise<WebResponse | null> {
  const { engine, store, procedures } = options;
  const complaints = options.complaints ?? storeComplaints(store, procedures, options.calendar ?? new BusinessCalendar());
  const sessions = new Map<string, WebPrincipal>();
  const compiled = new Map<string, CompiledProcedure>();
  const compile = (spec: ProcedureSpec) => {
    const key = `${spec.id}@${spec.version}`;
    let proc = compiled.get(key);
    if (proc === undefined) compiled.set(key, (proc = compileProcedure(spec, options.calendar === undefined ? {} : { calendar: options.calendar })));
    return proc;
  };

  const principalOf = (req: WebRequest): WebPrincipal | null => {
    const id = req.cookies[SESSION_COOKIE];
    return id === undefined ? null : (sessions.get(id) ?? null);
  };
  const here = (req: WebRequest) => `${req.path}${req.query.size === 0 ? '' : `?${req.query.toString()}`}`;

  const errorPage = (lang: Lang, status: number, text: string, req: WebRequest) => {
    const L = WEB_LABELS[lang].error;
    return html(status, webPage({ lang, title: L.title, here: here(req) }, `${notice('error', text)}<p><a href="${link('/lookup', lang)}">${L.back}</a></p>`));
  };

  const needOfficer = (req: WebRequest, lang: Lang): WebPrincipal | WebResponse => {
    const p = principalOf(req);
    if (p !== null) return p;
    const next = here(req);
    return redirect(link(`/login?${new URLSearchParams({ next }).toString()}`, lang));
  };

  const sameOrigin = (req: WebRequest) => req.originHeader === undefined || req.originHeader === req.origin;

  const lookup = async (req: WebRequest, lang: Lang, officer?: string): Promise<WebResponse> => {
    const code = (req.query.get('code') ?? '').trim();
    const secret = (req.query.get('secret') ?? '').trim();
    if (code === '') return html(200, renderLookupPage(lang, here(req), { code, secret }, { kind: 'none' }, officer));
    const record = await store.get(code);
    if (record === null) return html(404, renderLookupPage(lang, here(req), { code, secret }, { kind: 'not-found', code }, officer));
    const ok = secret !== '' && options.checkSecret(record.code, secret);
    const canRate = ok && (await engine.status(record.caseId)).possible.includes('RATE');
    const view = lookupView(specOf(procedures, record.procedure), record, ok, canRate);
    return html(200, renderLookupPage(lang, here(req), { code, secret }, { kind: 'found', view, wrongSecret: secret !== '' && !ok }, officer));
  };

  const rate = async (req: WebRequest, lang: Lang): Promise<WebResponse> => {
    const src = req.method === 'POST' ? req.form : req.query;
    const code = (src.get('code') ?? '').trim();
    const secret = (src.get('secret') ?? '').trim();
    const record = code === '' ? null : await store.get(code);
    if (record === null || !options.checkSecret(record.code, secret)) return errorPage(lang, 403, WEB_LABELS[lang].lookup.wrongSecret, req);
    if (req.method === 'GET') {
      const can = (await engine.status(record.caseId)).possible.includes('RATE');
      return html(200, renderRatePage(lang, here(req), code, secret, { kind: can ? 'form' : 'not-yet' }, true));
    }
    const rating = req.form.get('rating');
    if (rating !== 'very-satisfied' && rating !== 'satisfied' && rating !== 'not-satisfied') {
      return html(400, renderRatePage(lang, here(req), code, secret, { kind: 'error', message: WEB_LABELS[lang].rate.legend }, true));
    }
    const text = (req.form.get('complaint') ?? '').trim();
    // The form says so too (maxlength): nothing is recorded, not even the rating, from a form that is refused.
    if (text.length > MAX_COMPLAINT_CHARS) return html(400, renderRatePage(lang, here(req), code, secret, { kind: 'error', message: WEB_LABELS[lang].rate.complaintTooLong(MAX_COMPLAINT_CHARS) }, true));
    const at = options.now();
    const sent = await engine.send(record.caseId, { type: 'RATE', rating, at, by: { kind: 'applicant' } });
    if (!sent.ok) return html(409, renderRatePage(lang, here(req), code, secret, { kind: 'error', message: sent.error.messageIn(lang) }, true));
    const complaint = text === '' ? null : await complaints.open({ caseId: record.caseId, text, at });
    return html(200, renderRatePage(lang, here(req), code, secret, { kind: 'done', complaint }, true));
  };

  const login = (req: WebRequest, lang: Lang): WebResponse => {
    const next = req.form.get('next') ?? req.query.get('next') ?? link('/queue', lang);
    const safeNext = next.startsWith('/') && !next.startsWith('//') ? next : '/queue';
    if (req.method === 'GET') return html(200, renderLoginPage(lang, here(req), false, safeNext));
    const principal = options.signIn((req.form.get('token') ?? '').trim());
    if (principal === null) return html(401, renderLoginPage(lang, here(req), true, safeNext));
    const id = randomBytes(24).toString('base64url');
    sessions.set(id, principal);
    return redirect(safeNext, { 'set-cookie': `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict` });
  };

  const act = async (req: WebRequest, lang: Lang, p: WebPrincipal, code: string): Promise<WebResponse> => {
    const record = await store.get(code);
    if (record === null) return errorPage(lang, 404, WEB_LABELS[lang].lookup.notFound(code), req);
    const spec = specOf(procedures, record.procedure);
    const agency = spec === undefined ? null : agencyOf(p, spec);
    if (spec === undefined || agency === null) return errorPage(lang, 403, WEB_LABELS[lang].dossier.notHeld, req);
    const f = req.form;
    const type = f.get('type') as CaseEventType | null;
    if (type !== null && CONFIRMED_EVENTS.includes(type) && f.get('confirm') !== 'yes') {
      return html(200, renderConfirmPage(lang, here(req), principalLabel(p, procedures), code, type, [...f.entries()]));
    }
    // The signed-in officer (the token's name in auth.yaml) is recorded as who acted: the log's org:resource.
    const built = eventFrom(f, options.now(), p.kind === 'agency' && p.role !== undefined ? { kind: 'agency', agency, role: p.role, officer: p.name } : { kind: 'agency', agency, officer: p.name });
    const L = WEB_LABELS[lang].dossier;
    const show = async (status: number, message: { kind: 'ok' | 'error'; text: string }) => {
      const view = await dossierView(engine, store, procedures, p, code, options.now());
      return html(status, renderDossierPage(lang, here(req), principalLabel(p, procedures), view!, message));
    };
    if (!('type' in built)) return show(400, { kind: 'error', text: `${L.refused}: ${built[lang]}` });
    const version = Number(f.get('version'));
    const sent = await engine.send(record.caseId, built, Number.isInteger(version) && version > 0 ? { expectedVersion: version } : {});
    if (!sent.ok) return show(sent.error.code === 'conflict' ? 409 : 403, { kind: 'error', text: `${L.refused}: ${sent.error.messageIn(lang)}` });
    return redirect(link(`/queue/${encodeURIComponent(code)}?${new URLSearchParams({ done: built.type }).toString()}`, lang));
  };

  const openNew = async (req: WebRequest, lang: Lang, p: WebPrincipal): Promise<WebResponse> => {
    const today = formatLocalDate(localDateOf(options.now()));
    const id = (req.method === 'POST' ? req.form : req.query).get('procedure') ?? '';
    const desk = p.kind === 'desk' ? deskProcedures(procedures, today).find((d) => d.id === id) : undefined;
    const agency = principalLabel(p, procedures);
    if (desk === undefined) return errorPage(lang, p.kind === 'desk' ? 404 : 403, p.kind === 'desk' ? WEB_LABELS[lang].catalogue.notFound(id) : WEB_LABELS[lang].queue.noDesk, req);
    if (req.method === 'GET') return html(200, renderNewDossierPage(lang, here(req), agency, desk));
    const channel = req.form.get('channel') as Channel;
    const dossier: Record<string, string | number | boolean> = {};
    for (const { key, field } of desk.dossier) {
      const raw = req.form.get(`dossier.${key}`);
      if (raw === null || raw === '') continue;
      dossier[key] = field.type === 'boolean' ? raw === 'true' : field.type === 'number' ? Number(raw) : raw;
    }
    const spec = procedures.find((s) => s.id === id)!;
    try {
      const opened = await engine.open({
        procedure: id,
        channel: CHANNELS.includes(channel) ? channel : desk.channels[0]!,
        dossier: dossier as DossierData,
        receivedAt: options.now(),
        by: { kind: 'agency', agency: spec.receipt.desk, officer: p.name },
        ...(p.kind === 'desk' && p.unit !== undefined ? { unit: p.unit } : {}),
        accept: req.form.get('accept') !== 'false',
      });
      return redirect(link(`/queue/${encodeURIComponent(opened.code)}/slip`, lang));
    } catch (error) {
      if (error instanceof MotcuaError) return html(400, renderNewDossierPage(lang, here(req), agency, desk, error.messageIn(lang)));
      throw error;
    }
  };

  const slip = async (req: WebRequest, lang: Lang, p: WebPrincipal, code: string): Promise<WebResponse> => {
    const record = await store.get(code);
    const spec = record === null ? undefined : specOf(procedures, record.procedure);
    if (record === null || spec === undefined) return errorPage(lang, 404, WEB_LABELS[lang].lookup.notFound(code), req);
    if (agencyOf(p, spec) !== spec.receipt.desk) return errorPage(lang, 403, WEB_LABELS[lang].dossier.notHeld, req);
    const secret = options.lookupSecret(record.code) ?? '';
    const url = `${req.origin}/lookup?${new URLSearchParams({ code: record.code, ...(secret === '' ? {} : { secret }) }).toString()}`;
    const ctx = record.snapshot.context;
    // The slip's own explanation (the limit and its law, the days skipped), in the page's language.
    const printed = ctx.statutory === null ? null : appointmentSlip(compile(spec), record.code, ctx.statutory);
    return html(
      200,
      renderSlipPage(lang, here(req), principalLabel(p, procedures), {
        code: record.code,
        procedure: spec.title,
        receivedAt: ctx.receivedAt,
        due: ctx.statutory?.due ?? null,
        explanation: printed?.explanation.map((l) => l.text[lang]) ?? [],
        secret,
        qr: await qrSvg(url, WEB_LABELS[lang].appointment.qrLabel(record.code)),
        lookupUrl: url,
      }),
    );
  };

  const dashboard = async (req: WebRequest, lang: Lang, p: WebPrincipal): Promise<WebResponse> => {
    const now = options.now();
    let period;
    try {
      const want = dashboardPeriod(req.query.get('from'), req.query.get('to'), now);
      period = { from: parseLocalDate(want.from, ['from']), to: parseLocalDate(want.to, ['to']) };
    } catch (error) {
      if (error instanceof MotcuaError) return errorPage(lang, 400, error.messageIn(lang), req);
      throw error;
    }
    const records = [];
    for (const s of await engine.list({})) {
      const r = await store.get(s.caseId);
      if (r !== null) records.push(r);
    }
    const view = dashboardView(records, procedures, period, now, { ...(options.decision766 === undefined ? {} : { decision766: options.decision766 }), complaints: await store.complaints() });
    return html(200, renderDashboardPage(lang, here(req), principalLabel(p, procedures), view));
  };

  const catalogue = (req: WebRequest, lang: Lang, id: string | null, officer?: string): WebResponse => {
    const date = req.query.get('date') ?? formatLocalDate(localDateOf(options.now()));
    try {
      parseLocalDate(date, ['date']);
    } catch (error) {
      if (error instanceof MotcuaError) return errorPage(lang, 400, error.messageIn(lang), req);
      throw error;
    }
    const specs = proceduresInForce(procedures, date);
    if (id === null) return html(200, renderCataloguePage(lang, here(req), date, specs, officer));
    const spec = specs.find((s) => s.id === id);
    if (spec === undefined) return errorPage(lang, 404, WEB_LABELS[lang].catalogue.notFound(id), req);
    return html(200, renderProcedurePage(lang, here(req), date, spec, options.diagram?.(spec, lang) ?? null, officer));
  };

  return async (req) => {
    const lang = langOf(req);
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    const officerName = (() => {
      const p = principalOf(req);
      return p === null ? undefined : principalLabel(p, procedures)[lang];
    })();
    if (req.method === 'POST' && !sameOrigin(req)) return errorPage(lang, 403, WEB_LABELS[lang].error.badRequest, req);
    if (req.method === 'GET') {
      if (path === STYLESHEET_PATH) return { status: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'max-age=3600' }, body: WEB_STYLE };
      if (path === '/') return redirect(link('/lookup', lang));
      if (path === '/lookup') return lookup(req, lang, officerName);
      if (path === '/rate') return rate(req, lang);
      if (path === '/login') return login(req, lang);
      if (path === '/catalogue') return catalogue(req, lang, null, officerName);
      const cat = /^\/catalogue\/([^/]+)$/.exec(path);
      if (cat !== null) return catalogue(req, lang, decodeURIComponent(cat[1]!), officerName);
    }
    if (req.method === 'POST') {
      if (path === '/rate') return rate(req, lang);
      if (path === '/login') return login(req, lang);
      if (path === '/logout') {
        const id = req.cookies[SESSION_COOKIE];
        if (id !== undefined) sessions.delete(id);
        return redirect(link('/lookup', lang), { 'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0` });
      }
    }
    const officerPaths = /^\/(queue|dashboard)(\/|$)/.test(path);
    if (!officerPaths) return null;
    const p = needOfficer(req, lang);
    if ('status' in p) return p;
    if (path === '/dashboard' && req.method === 'GET') return dashboard(req, lang, p);
    if (path === '/queue' && req.method === 'GET') {
      const done = req.query.get('done') as CaseEventType | null;
      const view = await queueView(engine, store, procedures, p, options.now());
      return html(200, renderQueuePage(lang, here(req), view, done === null ? undefined : { kind: 'ok', text: WEB_LABELS[lang].dossier.done(WEB_LABELS[lang].event[done] ?? done) }));
    }
    if (path === '/queue/new') return openNew(req, lang, p);
    const m = /^\/queue\/([^/]+)(\/slip|\/act)?$/.exec(path);
    if (m === null) return null;
    const code = decodeURIComponent(m[1]!);
    if (m[2] === '/act' && req.method === 'POST') return act(req, lang, p, code);
    if (m[2] === '/slip' && req.method === 'GET') return slip(req, lang, p, code);
    if (m[2] === undefined && req.method === 'GET') {
      const view = await dossierView(engine, store, procedures, p, code, options.now());
      if (view === null) return errorPage(lang, 404, WEB_LABELS[lang].lookup.notFound(code), req);
      const done = req.query.get('done') as CaseEventType | null;
      return html(200, renderDossierPage(lang, here(req), principalLabel(p, procedures), view, done === null ? undefined : { kind: 'ok', text: WEB_LABELS[lang].dossier.done(WEB_LABELS[lang].event[done] ?? done) }));
    }
    return null;
  };
}

/**
 * The event an action form describes, stamped with `at` and the session's actor; or what is wrong
 * with the form. Only officers' events (WITHDRAW: the desk closing a withdrawal request): the
 * applicant's (supply, withdraw, rate) have their own pages.
 */
export function eventFrom(f: URLSearchParams, at: Instant, by: Extract<CaseEvent['by'], { kind: 'agency' }>): CaseEvent | Label {
  const type = f.get('type');
  const step = f.get('step') ?? undefined;
  const note = (f.get('note') ?? '').trim();
  switch (type) {
    case 'ACCEPT':
    case 'TRANSFER':
    case 'RETURN_RESULT':
    case 'WITHDRAW':
      return { type, at, by };
    case 'REQUEST_COMPLETION': {
      const missing = lines(f.get('missing'));
      return missing.length === 0 ? label('web.form.missing') : { type, at, by, missing };
    }
    case 'REQUEST_SUPPLEMENT': {
      const missing = lines(f.get('missing'));
      if (step === undefined) return label('web.form.step');
      return missing.length === 0 ? label('web.form.missing') : { type, at, by, step, missing };
    }
    case 'REFUSE': {
      const reasons = lines(f.get('reasons'));
      if (reasons.length === 0) return label('web.form.reasons');
      return step === undefined ? { type, at, by, reasons } : { type, at, by, step, reasons };
    }
    case 'COMPLETE':
      if (step === undefined) return label('web.form.step');
      return note === '' ? { type, at, by, step } : { type, at, by, step, note };
    case 'ANSWER': {
      const consult = f.get('consult');
      const agree = f.get('agree');
      if (consult === null || (agree !== 'true' && agree !== 'false')) return label('web.form.agree');
      return note === '' ? { type, at, by, consult, agree: agree === 'true' } : { type, at, by, consult, agree: agree === 'true', note };
    }
    case 'FINISH_INTERVAL': {
      const interval = f.get('interval');
      return interval === null ? label('web.form.interval') : { type, at, by, interval };
    }
    case 'APOLOGIZE': {
      const reason = (f.get('reason') ?? '').trim();
      let date;
      try {
        date = parseLocalDate(f.get('newDue') ?? '', ['newDue']);
      } catch {
        return label('web.form.newDue');
      }
      if (reason === '') return label('web.form.reason');
      // The new date is due at its end: midnight of the next day, as the machine's due instants are.
      return { type, at, by, newDue: instantAt((date + 1) as typeof date), reason };
    }
    default:
      return label('web.form.type', { type: type ?? '' });
  }
}
