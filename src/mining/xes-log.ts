import { SaxesParser, type SaxesTag } from 'saxes';
import { LogError } from '../errors.ts';
import type { Chunks } from './csv-log.ts';
import { type EventLog, LogBuilder, type LogEvent, lifecycleOf } from './log.ts';
import { DEFAULT_MAPPING, type LogMapping } from './mapping.ts';
import { timestampAt } from './timestamp.ts';

const ATTRIBUTE_TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);

/**
 * Reads an IEEE 1849 XES log as it streams in (saxes, a streaming XML parser: the file is never
 * held whole). Trace attributes other than `concept:name` become per-case attributes; of each event
 * it reads `concept:name`, `time:timestamp`, `lifecycle:transition`, `org:resource` and `org:group`
 * (the standard extensions' keys, or those the mapping's `columns` name). Nested attributes (lists,
 * containers) are skipped.
 *
 * @throws LogError naming the file, line and column of the first problem (bad XML, an event without a
 *   timestamp, a trace without a name)
 */
export async function readXesLog(chunks: Chunks, file: string, mapping: LogMapping = DEFAULT_MAPPING): Promise<EventLog> {
  const builder = new LogBuilder(file);
  const keys = mapping.columns;
  const parser = new SaxesParser({ position: true });
  let failure: unknown;
  let sawLog = false;
  /** Open elements, innermost last; attributes count only as direct children of a trace or an event. */
  const stack: string[] = [];
  let traceId: string | undefined;
  // Keys come from the log: records without a prototype, so that "__proto__" is just a key.
  const record = () => Object.create(null) as Record<string, string>;
  let traceAttributes = record();
  let pending: LogEvent[] = [];
  let event: Record<string, string> | undefined;
  let eventAt = { line: 0, column: 0 };
  let traceAt = { line: 0, column: 0 };

  const fail = (code: string, message: string, at = { line: parser.line, column: parser.column + 1 }) => {
    throw new LogError(code, message, { file, line: at.line, column: at.column });
  };

  parser.on('opentag', (tag: SaxesTag) => {
    const parent = stack[stack.length - 1];
    stack.push(tag.name);
    if (tag.name === 'log' && stack.length === 1) sawLog = true;
    else if (stack.length === 1) fail('not-xes', `the root element is <${tag.name}>; an XES log starts with <log>.`);
    if (tag.name === 'trace' && parent === 'log') {
      traceId = undefined;
      traceAttributes = record();
      pending = [];
      traceAt = { line: parser.line, column: parser.column + 1 };
    } else if (tag.name === 'event' && parent === 'trace') {
      event = record();
      eventAt = { line: parser.line, column: parser.column + 1 };
    } else if (ATTRIBUTE_TAGS.has(tag.name) && (parent === 'trace' || parent === 'event')) {
      const key = tag.attributes['key'];
      const value = tag.attributes['value'];
      if (typeof key !== 'string' || typeof value !== 'string') fail('bad-attribute', `<${tag.name}> needs key="…" and value="…".`);
      // An event nested in an event (`event` is then closed) is not XES: its attributes are skipped.
      if (parent === 'event') {
        if (event !== undefined) event[key as string] = value as string;
      } else if (key === 'concept:name') traceId = value as string;
      else traceAttributes[(key as string).replace(/^case:/, '')] = value as string;
    }
  });

  parser.on('closetag', (tag: SaxesTag) => {
    stack.pop();
    const parent = stack[stack.length - 1];
    if (tag.name === 'event' && parent === 'trace' && event !== undefined) {
      const e = event;
      const at = eventAt;
      event = undefined;
      const activity = e[keys.activity];
      if (activity === undefined) fail('missing-activity', `this event has no ${keys.activity} (<string key="${keys.activity}" value="…"/>).`, eventAt);
      const time = e[keys.timestamp];
      if (time === undefined) fail('missing-timestamp', `this event has no ${keys.timestamp} (<date key="${keys.timestamp}" value="2025-01-24T09:00:00+07:00"/>).`, eventAt);
      pending.push({
        activity: activity!,
        time: timestampAt(time!, mapping.offsetMinutes, () => ({ file, ...at, what: keys.timestamp })),
        lifecycle: lifecycleOf(e[keys.lifecycle]),
        resource: e[keys.resource],
        group: e[keys.group],
      });
    } else if (tag.name === 'trace' && parent === 'log') {
      if (traceId === undefined) fail('missing-case', 'this trace has no concept:name (<string key="concept:name" value="case id"/>).', traceAt);
      const trace = builder.trace(traceId!);
      Object.assign(trace.attributes, traceAttributes);
      for (const e of pending) builder.add(traceId!, e);
    }
  });

  parser.on('error', (error: Error) => {
    if (failure === undefined) failure = new LogError('bad-xml', `${error.message.replace(/^[^:]*:\d+:\d+: /, '')}.`.replace(/\.\.$/, '.'), { file, line: parser.line, column: parser.column + 1, cause: error });
  });

  const decoder = new TextDecoder();
  let blank = true;
  const write = (text: string) => {
    if (blank && /\S/.test(text)) blank = false;
    if (blank) return;
    try {
      parser.write(text);
    } catch (error) {
      if (failure === undefined) failure = error;
    }
    if (failure !== undefined) throw failure;
  };
  for await (const chunk of chunks) write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  write(decoder.decode());
  if (blank) throw new LogError('empty-log', 'the log is empty: an XES log is <log> with <trace> elements holding <event> elements.', { file, line: 1, column: 1 });
  try {
    parser.close();
  } catch (error) {
    if (failure === undefined) failure = error;
  }
  if (failure !== undefined) throw failure;
  if (!sawLog) throw new LogError('empty-log', 'the log is empty: an XES log is <log> with <trace> elements holding <event> elements.', { file, line: 1, column: 1 });
  return builder.build();
}
