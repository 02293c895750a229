import { CsvError, parse } from 'csv-parse';
import { LogError } from '../errors.ts';
import { type EventLog, LogBuilder, lifecycleOf } from './log.ts';
import { DEFAULT_MAPPING, type LogMapping } from './mapping.ts';
import { timestampAt } from './timestamp.ts';

/** Text or bytes, in pieces: a file stream at the edge, one string in tests. */
export type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

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
export async function readCsvLog(chunks: Chunks, file: string, mapping: LogMapping = DEFAULT_MAPPING): Promise<EventLog> {
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
        throw new LogError('missing-column', `no column "${name}" (${role}) in the header: ${header!.map((h) => `"${h}"`).join(', ')}. Name the column in a mapping file (--map) under columns: { ${role}: <name> }.`, { file, line, column: 1 });
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
    if (caseId === '') throw new LogError('missing-case', `the case id (column "${cols.case}") is empty.`, { file, line, column: caseCol + 1 });
    const activity = row[activityCol]!;
    if (activity === '') throw new LogError('missing-activity', `the activity (column "${cols.activity}") is empty.`, { file, line, column: activityCol + 1 });
    const time = timestampAt(row[timeCol]!, offset, { file, line, column: timeCol + 1, what: `${cols.timestamp}` });
    const resource = cell(resourceCol);
    const group = cell(groupCol);
    const trace = builder.trace(caseId);
    for (const a of attributeCols) {
      const v = row[a.col]!;
      if (v !== '' && trace.attributes[a.name] === undefined) trace.attributes[a.name] = v;
    }
    builder.add(caseId, {
      activity,
      time,
      lifecycle: lifecycleOf(cell(lifecycleCol)),
      resource: resource === '' ? undefined : resource,
      group: group === '' ? undefined : group,
    });
  };

  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    on_record: (record: string[], context: { lines: number }) => {
      if (failure !== undefined) return undefined;
      try {
        if (header === undefined) onHeader(record, context.lines);
        else onRow(record, context.lines);
      } catch (error) {
        failure = error;
      }
      return undefined;
    },
  });
  parser.on('error', () => {}); // read from `parser.errored` below, where the line is known
  const check = () => {
    if (failure !== undefined) throw failure;
    const error = parser.errored;
    if (error !== null) throw csvError(error, file);
  };
  for await (const chunk of chunks) {
    parser.write(chunk);
    while (parser.read() !== null) {
      // records are handled in on_record; nothing is queued
    }
    check();
  }
  parser.end();
  parser.read();
  check();
  if (header === undefined) throw new LogError('empty-log', `the log is empty: it needs a header line (${cols.case},${cols.activity},${cols.timestamp},…) and one row per event.`, { file, line: 1, column: 1 });
  return builder.build();
}

function csvError(error: Error, file: string): LogError {
  const e = error as CsvError & { lines?: number; index?: number; column?: number | string };
  const line = typeof e.lines === 'number' ? e.lines : undefined;
  const column = typeof e.index === 'number' ? e.index + 1 : undefined;
  const fields = /expect (\d+), got (\d+)/.exec(error.message);
  const message = fields !== null ? `this row has ${fields[2]} fields, the header has ${fields[1]}.` : error.message.replace(/^Invalid Record Length: /, '').replace(/^Invalid Opening Quote: /, '').replace(/\.?$/, '.');
  const hint = e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? ' Every row needs as many fields as the header; quote fields that contain a comma.' : e.code === 'CSV_QUOTE_NOT_CLOSED' ? ' Close the quoted field with a double quote (write "" for a quote inside it).' : '';
  return new LogError('bad-csv', `${message}${hint}`, { file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), cause: error });
}
