import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../errors.ts';
import type { EventLog } from '../mining/log.ts';
import { DEFAULT_MAPPING, type LogMapping, parseMapping } from '../mining/mapping.ts';
import { logFormatOf, readLog } from '../mining/read-log.ts';

/** The mapping file named by `--map`, or pm4py's names. */
export async function loadMapping(file: string | undefined): Promise<LogMapping> {
  if (file === undefined) return DEFAULT_MAPPING;
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new UsageError('bad-file', `cannot read the mapping file: ${(cause as Error).message}`, { file, cause });
  });
  return parseMapping(text, file);
}

/** Streams a CSV or XES log from disk through the pure readers (the file is never read whole). */
export async function loadLog(file: string, mapping: LogMapping): Promise<EventLog> {
  const format = logFormatOf(file);
  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new UsageError('bad-file', 'no such log file. Give a CSV (*.csv) or XES (*.xes) event log.', { file });
  return readLog(createReadStream(file, { highWaterMark: 1 << 20 }), file, mapping, format);
}
