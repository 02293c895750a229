import { createReadStream, existsSync } from 'node:fs';
import { label } from '../i18n/translate.ts';
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../errors.ts';
import { type EventLog, LogBuilder } from '../mining/log.ts';
import { DEFAULT_MAPPING, type LogMapping, parseMapping } from '../mining/mapping.ts';
import { logFormatOf, readLog } from '../mining/read-log.ts';

/** The mapping file named by `--map`, or pm4py's names. */
export async function loadMapping(file: string | undefined): Promise<LogMapping> {
  if (file === undefined) return DEFAULT_MAPPING;
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new UsageError('bad-file', label('error.log.mapping-unreadable', { why: (cause as Error).message }), { file, cause });
  });
  return parseMapping(text, file);
}

/** Streams a CSV or XES log from disk through the pure readers (the file is never read whole). */
export async function loadLog(file: string, mapping: LogMapping): Promise<EventLog> {
  const format = logFormatOf(file);
  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new UsageError('bad-file', label('error.log.no-file'), { file });
  return readLog(createReadStream(file, { highWaterMark: 1 << 20 }), file, mapping, format);
}

/**
 * The cases of an engine's store (`motcua case`'s SQLite file, or a postgres:// URL) as an event
 * log: the traces `motcua case log` writes (`storeTraces`), without the file in between.
 * @throws UsageError `not-found` for a SQLite file that does not exist (a store is never created here)
 */
export async function loadStoreLog(db: string): Promise<EventLog> {
  if (!/^postgres(ql)?:\/\//.test(db) && !existsSync(db)) throw new UsageError('not-found', label('error.report.no-db'), { file: db });
  // Loaded only for --db: reading a log file needs no database driver.
  const [{ openStore }, { storeTraces }] = await Promise.all([import('../server/serve.ts'), import('../engine/case-log.ts')]);
  const store = await openStore(db);
  const builder = new LogBuilder(db);
  try {
    for await (const trace of storeTraces(store)) builder.addTrace(trace);
  } finally {
    await store.close();
  }
  return builder.build();
}

/**
 * The log a command reads: a file (CSV or XES, read with the mapping) or, with `--db`, the cases
 * of an engine's store; exactly one of them.
 */
export async function loadLogOrStore(file: string | undefined, db: string | undefined, mapping: LogMapping, command: string, flag = '<log>'): Promise<EventLog> {
  if (file !== undefined && db !== undefined) throw new UsageError('usage', label('error.log.two-sources', { flag }), { path: ['--db'] });
  if (db !== undefined) return loadStoreLog(db);
  if (file === undefined) throw new UsageError('usage', label('error.log.none', { flag, command }));
  return loadLog(file, mapping);
}
