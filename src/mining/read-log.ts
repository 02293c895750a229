import { LogError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import { type LogFormat, logFormatOfName } from '../export/event-log.ts';
import { type Chunks, readCsvLog } from './csv-log.ts';
import type { EventLog } from './log.ts';
import { DEFAULT_MAPPING, type LogMapping } from './mapping.ts';
import { readXesLog } from './xes-log.ts';

export type { LogFormat } from '../export/event-log.ts';

/** The format a file name says: `.csv` or `.xes`. */
export function logFormatOf(file: string): LogFormat {
  const format = logFormatOfName(file);
  if (format !== undefined) return format;
  throw new LogError('unknown-format', label('error.log.unknown-format', { file }), { file });
}

/**
 * Reads a log in either format from its chunks.
 * @example const log = await readLog(chunksOf(text), 'cases.xes');
 */
export function readLog(chunks: Chunks, file: string, mapping: LogMapping = DEFAULT_MAPPING, format: LogFormat = logFormatOf(file)): Promise<EventLog> {
  return format === 'csv' ? readCsvLog(chunks, file, mapping) : readXesLog(chunks, file, mapping);
}
