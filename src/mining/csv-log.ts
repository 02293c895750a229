import { CsvError, parse } from 'csv-parse';
import { LogError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import { type EventLog, LogBuilder, lifecycleOf } from './log.ts';
import { DEFAULT_MAPPING, type LogMapping } from './mapping.ts';
import { timestampAt } from './timestamp.ts';

/** Text or bytes, in pieces: a file stream at the edge, one string in tests. */
export type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export interface CsvLogConstraints {
  /** Split rows without quotes by hand (the default); false hands every row to csv-parse (for differential tests). */
  readonly plainRows?: boolean;
}

/**
 * Reads a CSV event log as it streams in, one chunk at a time (csv-parse does the quoting,
 * separators and line endings). Columns are pm4py's (`case:concept:name`, `concept:name`,
 * `time:timestamp`, `lifecycle:transition`, `org:resource`, `org:group`) unless the mapping names
 * others; every `case:*` column is a per-case attribute. Without a lifecycle column every event is
 * a completion.
 *
 * @throws LogError naming the file, line and column of the first malformed row
 * @example const log = await readCsvLog(['case:concept:name,concept:name,time:timestamp\nc1,receipt,2025-01-24T09:00\n'], 'log.csv');
 */
export async function readCsvLog(chunks: Chunks, file: string, mapping: LogMapping = DEFAULT_MAPPING, options: CsvLogConstraints = {}): Promise<EventLog> {
  const builder = new LogBuilder(file);
  let failure: unknown;
  let header: string[] | undefined;
  let caseCol = -1;
  let activityCol = -1;
  let timeCol = -1;
  let lifecycleCol = -1;
  let resourceCol = -1;
  let groupCol = -1;
  let attributeCols: { readonly name: string; readonly col: number }[] = [];
  const cols = mapping.columns;
  const offset = mapping.offsetMinutes;

  const onHeader = (names: string[], line: number) => {
    header = names.map((n) => n.trim());
    const find = (name: string, required: boolean, role: string) => {
      const i = header!.indexOf(name);
      if (i < 0 && required) {
        throw new LogError('missing-column', label('error.log.missing-column', { name, role, header: header!.map((h) => `"${h}"`).join(', ') }), { file, line, column: 1 });
      }
      return i;
    };
    caseCol = find(cols.case, true, 'case');
    activityCol = find(cols.activity, true, 'activity');
    timeCol = find(cols.timestamp, true, 'timestamp');
    lifecycleCol = find(cols.lifecycle, false, 'lifecycle');
    resourceCol = find(cols.resource, false, 'resource');
    groupCol = find(cols.group, false, 'group');
    const named = new Map<string, number>();
    header.forEach((h, i) => {
      if (h.startsWith('case:') && i !== caseCol) named.set(h.slice(5), i);
    });
    for (const [name, column] of Object.entries(mapping.attributes)) named.set(name, find(column, true, `attributes.${name}`));
    attributeCols = [...named].map(([name, col]) => ({ name, col }));
  };

  const onRow = (row: string[], line: number) => {
    const cell = (i: number) => (i < 0 ? undefined : row[i]);
    const caseId = row[caseCol]!;
    if (caseId === '') throw new LogError('missing-case', label('error.log.empty-case', { column: cols.case }), { file, line, column: caseCol + 1 });
    const activity = row[activityCol]!;
    if (activity === '') throw new LogError('missing-activity', label('error.log.empty-activity', { column: cols.activity }), { file, line, column: activityCol + 1 });
    const time = timestampAt(row[timeCol]!, offset, () => ({ file, line, column: timeCol + 1, what: cols.timestamp }));
    const resource = cell(resourceCol);
    const group = cell(groupCol);
    const trace = builder.trace(caseId);
    for (const a of attributeCols) {
      const v = row[a.col]!;
      if (v !== '') builder.attribute(trace, a.name, v, true);
    }
    builder.event(trace, activity, time, lifecycleOf(cell(lifecycleCol)), resource === '' ? undefined : resource, group === '' ? undefined : group);
  };

  const handle = (record: string[], line: number) => {
    if (failure !== undefined) return;
    try {
      if (header === undefined) onHeader(record, line);
      else if (record.length !== header.length) throw new LogError('bad-csv', label('error.log.fields', { n: record.length, header: header.length }), { file, line });
      else onRow(record, line);
    } catch (error) {
      failure = error;
    }
  };

  // Rows without a quote are split on commas here, several times faster than a general parser;
  // from the first line with a quote (a field may then hold a comma or a line break) or a stray
  // carriage return on, csv-parse reads the rest, told the line ending seen so far.
  let fast = true;
  let pending = '';
  let lines = 0;
  let ending: '\n' | '\r\n' | undefined;
  let parser: ReturnType<typeof parse> | undefined;
  const toParser = (text: string) => {
    fast = false;
    const offset = lines;
    parser = parse({
      bom: lines === 0,
      skip_empty_lines: true,
      relax_column_count: true,
      ...(ending === undefined ? {} : { record_delimiter: ending }),
      on_record: (record: string[], context: { lines: number }) => {
        handle(record, offset + context.lines);
        return undefined;
      },
    });
    parser.on('error', () => {}); // read from `parser.errored` below, where the line is known
    write(text);
  };
  const write = (text: string) => {
    parser!.write(text);
    while (parser!.read() !== null) {
      // records are handled in on_record; nothing is queued
    }
  };
  const plain = (text: string, last: boolean) => {
    let at = 0;
    if (lines === 0 && text.charCodeAt(0) === 0xfeff) at = 1;
    for (;;) {
      const nl = text.indexOf('\n', at);
      if (nl < 0) break;
      const crlf = nl > at && text.charCodeAt(nl - 1) === 13;
      ending ??= crlf ? '\r\n' : '\n';
      const row = text.slice(at, crlf ? nl - 1 : nl);
      if ((ending === '\r\n') !== crlf || row.includes('"') || row.includes('\r')) return toParser(text.slice(at));
      lines++;
      if (row !== '') handle(row.split(','), lines);
      if (failure !== undefined) return;
      at = nl + 1;
    }
    const rest = text.slice(at);
    // A carriage return at the very end may be the first half of a CRLF split between chunks.
    const cr = rest.indexOf('\r');
    if (rest.includes('"') || (cr >= 0 && (last || cr !== rest.length - 1))) return toParser(rest);
    if (!last) pending = rest;
    else if (rest !== '') {
      lines++;
      handle(rest.split(','), lines);
    }
  };
  const check = () => {
    if (failure !== undefined) throw failure;
    const error = parser?.errored ?? null;
    if (error !== null) throw csvError(error, file, lines);
  };
  if (options.plainRows === false) toParser('');
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    // csv-parse turns each string chunk into UTF-8 bytes, a lone surrogate into U+FFFD: so do we.
    const text = typeof chunk === 'string' ? wellFormed(chunk) : decoder.decode(chunk, { stream: true });
    if (fast) {
      const all = pending + text;
      pending = '';
      plain(all, false);
    } else write(text);
    check();
  }
  const tail = decoder.decode();
  if (fast) plain(pending + tail, true);
  else {
    if (tail !== '') write(tail);
    parser!.end();
    parser!.read();
  }
  check();
  if (header === undefined) throw new LogError('empty-log', label('error.log.empty-csv', { case: cols.case, activity: cols.activity, timestamp: cols.timestamp }), { file, line: 1, column: 1 });
  return builder.build();
}

/** The string with every lone surrogate replaced by U+FFFD, as encoding it to UTF-8 does. */
function wellFormed(text: string): string {
  const s = text as string & { isWellFormed(): boolean; toWellFormed(): string };
  return s.isWellFormed() ? text : s.toWellFormed();
}

function csvError(error: Error, file: string, offset: number): LogError {
  const e = error as CsvError & { lines?: number; index?: number; column?: number | string };
  const line = typeof e.lines === 'number' ? offset + e.lines : undefined;
  const column = typeof e.index === 'number' ? e.index + 1 : undefined;
  const fields = /expect (\d+), got (\d+)/.exec(error.message);
  // csv-parse says "at line N" counting from where it started reading: the prefix names the line.
  const message =
    fields !== null
      ? label('error.log.fields', { n: fields[2]!, header: fields[1]! })
      : e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? label('error.log.quote-not-closed')
        : e.code === 'CSV_INVALID_CLOSING_QUOTE' || e.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE'
          ? label('error.log.closing-quote')
          : e.code === 'INVALID_OPENING_QUOTE'
            ? label('error.log.opening-quote')
            : label('error.log.csv-other', { why: error.message.replace(/ at line \d+/, '').replace(/\.$/, '') });
  return new LogError('bad-csv', message, { file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), cause: error });
}
