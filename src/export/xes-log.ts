import { createCB } from 'xmlbuilder2';
import { type LogFormat, type LogWriter, csvLogWriter, logTimestamp } from './event-log.ts';

// The IEEE 1849 XES writer, apart from the rest of the event log: xmlbuilder2 needs Node's built-in
// modules, so this file is not in the browser-safe core entry (`motcua`) but in `motcua/node`.

const XES_EXTENSIONS = [
  { name: 'Concept', prefix: 'concept', uri: 'http://www.xes-standard.org/concept.xesext' },
  { name: 'Time', prefix: 'time', uri: 'http://www.xes-standard.org/time.xesext' },
  { name: 'Lifecycle', prefix: 'lifecycle', uri: 'http://www.xes-standard.org/lifecycle.xesext' },
  { name: 'Organizational', prefix: 'org', uri: 'http://www.xes-standard.org/org.xesext' },
] as const;

/**
 * Text as an XML 1.0 attribute value can carry it. A parser turns a raw tab, line break or
 * carriage return in an attribute into a space, so these are written as character references
 * (`&#9;`, `&#10;`, `&#13;`): they stand in the value as \u0001–\u0003 (which XML cannot carry
 * anyway) until the writer's output replaces them. The characters XML 1.0 forbids (other C0
 * controls, U+FFFE, U+FFFF, lone surrogates) become U+FFFD: no XES reader could open the log
 * otherwise.
 */
function xmlAttributeText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').replace(/[\t\n\r]/g, (c) => (c === '\t' ? '\u0001' : c === '\n' ? '\u0002' : '\u0003'));
}
const PLACEHOLDER_REF: Readonly<Record<string, string>> = { '\u0001': '&#9;', '\u0002': '&#10;', '\u0003': '&#13;' };

/**
 * IEEE 1849-2016 XES: the four standard extensions declared, globals for the attributes every
 * trace and event carries, classifiers by activity and by activity and transition, typed
 * attributes (`string`, `date`, `int`). Written with xmlbuilder2's streaming builder.
 */
export function xesLogWriter(name = 'motcua'): LogWriter {
  let buffer = '';
  const xml = createCB({ data: (chunk: string) => void (buffer += chunk.replace(/[\u0001-\u0003]/g, (c) => PLACEHOLDER_REF[c]!)), prettyPrint: true });
  const take = () => {
    const out = buffer;
    buffer = '';
    return out;
  };
  const attr = (key: string, value: string, type: 'string' | 'date' | 'int' = 'string') => xml.ele(type, { key, value: xmlAttributeText(value) }).up();
  return {
    head: () => {
      xml.dec({ version: '1.0', encoding: 'UTF-8' });
      xml.ele('log', { 'xes.version': '1849-2016', 'xes.features': '', xmlns: 'http://www.xes-standard.org/' });
      for (const e of XES_EXTENSIONS) xml.ele('extension', e).up();
      xml.ele('global', { scope: 'trace' });
      attr('concept:name', '__INVALID__');
      xml.up();
      xml.ele('global', { scope: 'event' });
      attr('concept:name', '__INVALID__');
      attr('time:timestamp', '1970-01-01T00:00:00.000+00:00', 'date');
      attr('lifecycle:transition', 'complete');
      xml.up();
      xml.ele('classifier', { name: 'Activity', keys: 'concept:name' }).up();
      xml.ele('classifier', { name: 'Activity and transition', keys: 'concept:name lifecycle:transition' }).up();
      attr('concept:name', name);
      return take();
    },
    trace: (t) => {
      xml.ele('trace');
      attr('concept:name', t.id);
      attr('procedure', t.procedure);
      attr('channel', t.channel);
      attr('outcome', t.outcome);
      if (t.replication !== undefined) attr('replication', String(t.replication), 'int');
      if (t.rating !== undefined) attr('rating', t.rating);
      for (const e of t.events) {
        xml.ele('event');
        attr('concept:name', e.activity);
        attr('time:timestamp', logTimestamp(e.at), 'date');
        attr('lifecycle:transition', e.lifecycle);
        if (e.resource !== undefined) attr('org:resource', e.resource);
        if (e.group !== undefined) attr('org:group', e.group);
        xml.up();
      }
      xml.up();
      return take();
    },
    tail: () => {
      xml.up();
      xml.end();
      return take();
    },
  };
}

export function logWriter(format: LogFormat, name?: string): LogWriter {
  return format === 'csv' ? csvLogWriter() : xesLogWriter(name);
}
