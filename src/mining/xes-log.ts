import { SaxesParser, type SaxesTag } from 'saxes';
import { LogError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import type { Chunks } from './csv-log.ts';
import { type EventLog, type Lifecycle, LogBuilder, lifecycleOf } from './log.ts';
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
  // Depth of the open elements: the log is at 1, its traces at 2, a trace's events and attributes
  // at 3, an event's attributes at 4; anything deeper (lists, containers) is skipped.
  let depth = 0;
  /** Whether a trace (at depth 2) and an event of it (at depth 3) are open. */
  let traceOpen = false;
  let eventOpen = false;
  let traceId: string | undefined;
  // Keys come from the log: a record without a prototype, so that "__proto__" is just a key.
  let traceAttributes: Record<string, string> = Object.create(null);
  let pending: { activity: string; time: number; lifecycle: Lifecycle; resource: string | undefined; group: string | undefined }[] = [];
  // The event being read: the standard extensions' values (or the mapping's keys), nothing else.
  let activity: string | undefined;
  let time: string | undefined;
  let lifecycle: string | undefined;
  let resource: string | undefined;
  let group: string | undefined;
  let eventLine = 0;
  let eventColumn = 0;
  let traceAt = { line: 0, column: 0 };

  const fail = (code: string, message: { readonly vi: string; readonly en: string }, at = { line: parser.line, column: parser.column + 1 }): never => {
    throw new LogError(code, message, { file, line: at.line, column: at.column });
  };

  parser.on('opentag', (tag: SaxesTag) => {
    const name = tag.name;
    depth++;
    if (depth === 1) {
      if (name !== 'log') fail('not-xes', label('error.log.not-xes', { name }));
      sawLog = true;
    } else if (depth === 2) {
      if (name === 'trace') {
        traceOpen = true;
        traceId = undefined;
        traceAttributes = Object.create(null) as Record<string, string>;
        pending = [];
        traceAt = { line: parser.line, column: parser.column + 1 };
      }
    } else if (depth === 3) {
      if (!traceOpen) return;
      if (name === 'event') {
        eventOpen = true;
        activity = time = lifecycle = resource = group = undefined;
        eventLine = parser.line;
        eventColumn = parser.column + 1;
      } else if (ATTRIBUTE_TAGS.has(name)) {
        const [key, value] = keyValue(tag);
        if (key === 'concept:name') traceId = value;
        else traceAttributes[key.startsWith('case:') ? key.slice(5) : key] = value;
      }
    } else if (depth === 4 && eventOpen && ATTRIBUTE_TAGS.has(name)) {
      const [key, value] = keyValue(tag);
      // Not else-if: a mapping may read two roles from one key.
      if (key === keys.activity) activity = value;
      if (key === keys.timestamp) time = value;
      if (key === keys.lifecycle) lifecycle = value;
      if (key === keys.resource) resource = value;
      if (key === keys.group) group = value;
    }
  });

  const keyValue = (tag: SaxesTag): [string, string] => {
    const key = tag.attributes['key'];
    const value = tag.attributes['value'];
    if (typeof key !== 'string' || typeof value !== 'string') return fail('bad-attribute', label('error.log.xes-attribute', { tag: tag.name }));
    return [key, value];
  };

  parser.on('closetag', () => {
    depth--;
    if (depth === 2 && eventOpen) {
      eventOpen = false;
      const at = { line: eventLine, column: eventColumn };
      if (activity === undefined) fail('missing-activity', label('error.log.xes-no-activity', { key: keys.activity }), at);
      if (time === undefined) fail('missing-timestamp', label('error.log.xes-no-timestamp', { key: keys.timestamp }), at);
      pending.push({ activity: activity!, time: timestampAt(time!, mapping.offsetMinutes, () => ({ file, ...at, what: keys.timestamp })), lifecycle: lifecycleOf(lifecycle), resource, group });
    } else if (depth === 1 && traceOpen) {
      traceOpen = false;
      if (traceId === undefined) fail('missing-case', label('error.log.xes-no-case'), traceAt);
      const trace = builder.trace(traceId!);
      for (const name in traceAttributes) builder.attribute(trace, name, traceAttributes[name]!);
      for (const e of pending) builder.event(trace, e.activity, e.time, e.lifecycle, e.resource, e.group);
    }
  });

  parser.on('error', (error: Error) => {
    if (failure === undefined) failure = new LogError('bad-xml', xmlMessage(error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '')), { file, line: parser.line, column: parser.column + 1, cause: error });
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
  if (blank) throw new LogError('empty-log', label('error.log.empty-xes'), { file, line: 1, column: 1 });
  try {
    parser.close();
  } catch (error) {
    if (failure === undefined) failure = error;
  }
  if (failure !== undefined) throw failure;
  if (!sawLog) throw new LogError('empty-log', label('error.log.empty-xes'), { file, line: 1, column: 1 });
  return builder.build();
}

/** saxes's own words for the commonest mistakes, from the catalogue; the others in its English. */
function xmlMessage(why: string): { readonly vi: string; readonly en: string } {
  const unclosed = /^unclosed tag: (.+)$/.exec(why);
  if (unclosed !== null) return label('error.log.xml-unclosed', { tag: unclosed[1]! });
  if (why === 'unexpected close tag') return label('error.log.xml-close');
  if (why === 'text data outside of root node') return label('error.log.xml-outside');
  if (why === 'undefined entity') return label('error.log.xml-entity');
  return label('error.log.xml-other', { why });
}
