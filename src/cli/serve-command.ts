import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { hashToken, newToken } from '../server/auth.ts';
import { EXIT, type Io } from './io.ts';
import { CATALOGUE_DIR, loadProcedures } from './load.ts';

export const SERVE_USAGE = `motcua serve --db <file.db | postgres://…> [--port 8080] [--host 127.0.0.1] [--auth auth.yaml] [--procedures <dir>] [--webhooks webhooks.yaml]
  The HTTP API: procedures, cases, the public lookup and ratings; OpenAPI 3.1 at /openapi.json, the
  reference at /docs. Tokens of auth.yaml say who acts (see README). --port 0 takes a free port; the
  first line printed is the address. --webhooks: the outbox delivers every effect to these
  endpoints, signed, at least once, across restarts. Stops on SIGINT or SIGTERM.
motcua token [<token>]
  A new random bearer token and the "sha256:…" hash to put in auth.yaml (or the hash of the token given).`;

/** `motcua serve`: runs until the process is told to stop. */
export async function serveCommand(args: readonly string[], io: Io, stopped: Promise<void> = signalled()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, auth: { type: 'string' }, procedures: { type: 'string' }, webhooks: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError('usage', `serve takes no arguments, only options. Usage:\n${SERVE_USAGE}`);
  if (values.db === undefined) throw new UsageError('usage', 'serve needs --db <file.db> (created when missing) or --db postgres://user@host/db.', { path: ['--db'] });
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('usage', `--port must be a port number 0–65535 (0: any free port), not "${values.port}".`, { path: ['--port'] });
  const { procedures, errors } = await loadProcedures([values.procedures ?? CATALOGUE_DIR]);
  if (errors.length > 0) throw errors[0]!;
  const { serve } = await import('../server/serve.ts');
  const { webPlugin } = await import('../web/plugin.ts');
  const served = await serve({
    db: values.db,
    port,
    host: values.host ?? '127.0.0.1',
    procedures: procedures.map((p) => p.spec),
    ...(values.auth === undefined ? {} : { authFile: values.auth }),
    ...(values.webhooks === undefined ? {} : { webhooksFile: values.webhooks }),
    plugins: [webPlugin()],
  });
  io.out(`motcua: serving ${served.url} (cases in ${values.db.replace(/\/\/[^@/]*@/, '//…@')}; API reference at ${served.url}/docs; pages at ${served.url}/lookup)\n`);
  if (values.auth === undefined) io.err('motcua: no --auth file: only the public, procedure and health endpoints answer; case endpoints need tokens (see README, auth.yaml).\n');
  await stopped;
  await served.close();
  return EXIT.ok;
}

/** `motcua token`. */
export function tokenCommand(args: readonly string[], io: Io): number {
  if (args.length > 1) throw new UsageError('usage', `token takes at most one argument, the token to hash. Usage:\n${SERVE_USAGE}`);
  if (args.length === 1) {
    io.out(`${hashToken(args[0]!)}\n`);
    return EXIT.ok;
  }
  const { token, hash } = newToken();
  io.out(`token: ${token}\nhash:  ${hash}\n`);
  return EXIT.ok;
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
