import { parseArgs } from 'node:util';
import { label } from '../i18n/translate.ts';
import { UsageError } from '../errors.ts';
import { hashToken, newToken } from '../server/auth.ts';
import { EXIT, type Io } from './io.ts';
import { proceduresFor } from '../node/load-procedures.ts';


/** `motcua serve`: runs until the process is told to stop. */
export async function serveCommand(args: readonly string[], io: Io, stopped: Promise<void> = signalled()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, auth: { type: 'string' }, procedures: { type: 'string' }, only: { type: 'boolean', default: false }, webhooks: { type: 'string' }, unit: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError('usage', label('error.serve.no-arguments', { command: 'serve' }));
  if (values.db === undefined) throw new UsageError('usage', label('error.serve.db'), { path: ['--db'] });
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('usage', label('error.serve.port', { port: String(values.port) }), { path: ['--port'] });
  const procedures = await proceduresFor(values.procedures === undefined ? undefined : [values.procedures], { only: values.only });
  const { serve } = await import('../server/serve.ts');
  const { webPlugin } = await import('../web/plugin.ts');
  const served = await serve({
    db: values.db,
    port,
    host: values.host ?? '127.0.0.1',
    procedures: procedures.map((p) => p.spec),
    ...(values.auth === undefined ? {} : { authFile: values.auth }),
    ...(values.webhooks === undefined ? {} : { webhooksFile: values.webhooks }),
    ...(values.unit === undefined ? {} : { receivingUnit: values.unit }),
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
  if (args.length > 1) throw new UsageError('usage', label('error.token.args'));
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
