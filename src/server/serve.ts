import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Instant } from '../calendar/instant.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';
import { createEngine } from '../engine/engine.ts';
import { sqliteStore } from '../engine/sqlite-store.ts';
import type { CaseStore } from '../engine/store.ts';
import { type AuthConfig, AuthError, parseAuth } from './auth.ts';
import { label } from '../i18n/translate.ts';
import { createServer } from './app.ts';
import { readWebhooks } from './webhooks.ts';
import { createDispatcher } from '../engine/dispatcher.ts';

/** Options of {@link serve}. */
export interface ServeOptions {
  /** A SQLite file, or a `postgres://` URL. */
  readonly db: string;
  readonly port?: number;
  readonly host?: string;
  /** Path of auth.yaml. */
  readonly authFile?: string;
  readonly procedures: readonly ProcedureSpec[];
  readonly now?: () => Instant;
  readonly publicRateLimit?: number;
  readonly plugins?: readonly FastifyPluginAsync[];
  /** The receiving unit's identifier for dossier codes when the desk token names none (see `EngineOptions.receivingUnit`). */
  readonly receivingUnit?: string;
  /** Path of webhooks.yaml: where the outbox delivers effects. */
  readonly webhooksFile?: string;
  /** How often the dispatcher looks at the outbox, in ms; 500 by default. */
  readonly dispatchIntervalMs?: number;
}

/** A running server. */
export interface Served {
  readonly app: FastifyInstance;
  readonly store: CaseStore;
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * Opens the store named by `db` (a `postgres://` or `postgresql://` URL, else a SQLite file).
 * @throws CaseError `bad-store` when it cannot be opened
 */
export async function openStore(db: string): Promise<CaseStore> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    const { postgresStore } = await import('../engine/postgres-store.ts');
    return postgresStore(db);
  }
  return sqliteStore(db);
}

export async function readAuth(file: string): Promise<AuthConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AuthError('not-found', label('error.auth.file', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }), { file, cause: error });
  }
  return parseAuth(text, file);
}

/** Starts `motcua serve`: the store, the engine over it, the HTTP API on host:port (127.0.0.1:8080 by default). */
export async function serve(options: ServeOptions): Promise<Served> {
  const auth = options.authFile === undefined ? null : await readAuth(options.authFile);
  const hooks = options.webhooksFile === undefined ? null : await readWebhooks(options.webhooksFile);
  const store = await openStore(options.db);
  try {
    const now = options.now ?? (() => Date.now() as Instant);
    const engine = createEngine({ procedures: options.procedures, store, now, ...(options.receivingUnit === undefined ? {} : { receivingUnit: options.receivingUnit }) });
    const app = await createServer({
      engine,
      store,
      procedures: options.procedures,
      auth,
      now,
      ...(options.publicRateLimit === undefined ? {} : { publicRateLimit: options.publicRateLimit }),
      ...(options.plugins === undefined ? {} : { plugins: options.plugins }),
    });
    const dispatcher = hooks === null ? null : createDispatcher({ store, webhooks: hooks.webhooks, now, ...(hooks.maxAttempts === undefined ? {} : { maxAttempts: hooks.maxAttempts }) });
    // Effects wait in the outbox (written with their events); the dispatcher also looks right
    // after each write, so delivery does not wait for the next poll.
    if (dispatcher !== null) {
      dispatcher.start(options.dispatchIntervalMs ?? 500);
      engine.subscribe(() => dispatcher.poke());
    }
    const address = await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
    return {
      app,
      store,
      url: address,
      close: async () => {
        await app.close();
        await dispatcher?.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
