import type { FastifyPluginAsync } from 'fastify';
import { authenticate, checkLookupSecret, lookupSecret } from '../server/auth.ts';
import { graphvizDiagrams } from './diagram.ts';
import type { Decision766Source } from './indicators.ts';
import { MAX_FORM_BYTES, webRequestOf } from './node-http.ts';
import { type ComplaintSink, WEB_ROUTES, webPages } from './pages.ts';

/** What the pages add to the server's context: the indicators and where complaints go (both from the server's store by default). */
export interface WebPluginOptions {
  /** The dashboard's Decision 766 panel: `liveDecision766`, from every stored case and complaint, by default. */
  readonly decision766?: Decision766Source;
  /** Where the rating page's complaints go: complaint records of the server's store (`storeComplaints`) by default. */
  readonly complaints?: ComplaintSink;
  /** Requests per minute per client address on the pages that take a code, a secret or a token; 60 by default. */
  readonly rateLimit?: number;
}

/** The pages where a guess could be tried: the lookup, the rating and the sign-in. */
const LIMITED: ReadonlySet<string> = new Set(['/lookup', '/rate', '/login']);

/**
 * The web pages as a plugin of `motcua serve` (`createServer({ plugins: [webPlugin()] })`): they run
 * on the server's engine, store, clock and `auth.yaml` — an officer signs in with a bearer token of
 * auth.yaml, the applicant with the lookup secret the server derives for each dossier code.
 */
export function webPlugin(options: WebPluginOptions = {}): FastifyPluginAsync {
  return async (app) => {
    const m = app.motcua;
    const handle = webPages({
      engine: m.engine,
      store: m.store,
      procedures: m.procedures,
      now: m.now,
      signIn: (token) => {
        try {
          return authenticate(m.auth, `Bearer ${token}`);
        } catch {
          return null;
        }
      },
      lookupSecret: (code) => (m.auth?.lookupKey == null ? null : lookupSecret(m.auth.lookupKey, code)),
      checkSecret: (code, secret) => {
        try {
          checkLookupSecret(m.auth, code, secret);
          return true;
        } catch {
          return false;
        }
      },
      diagram: graphvizDiagrams(),
      ...(options.decision766 === undefined ? {} : { decision766: options.decision766 }),
      ...(options.complaints === undefined ? {} : { complaints: options.complaints }),
    });
    const limit = { max: options.rateLimit ?? 60, timeWindow: '1 minute' };
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MAX_FORM_BYTES }, (_request, body, done) => done(null, body));
    for (const route of WEB_ROUTES) {
      app.route({
        method: route.method,
        url: route.url,
        ...(LIMITED.has(route.url) ? { config: { rateLimit: limit } } : {}),
        handler: async (request, reply) => {
          const answer = await handle(webRequestOf(request.raw, typeof request.body === 'string' ? request.body : ''));
          if (answer === null) return reply.callNotFound();
          return reply.code(answer.status).headers(answer.headers).send(answer.body);
        },
      });
    }
  };
}
