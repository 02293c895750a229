import { XMLParser } from 'fast-xml-parser';

/** Parses XES keeping every element a list, so that one trace or one event reads like many. */
export function parseXes(xml: string) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute });
  return parser.parse(xml) as { log: XesLog[] };
}
type XesAttr = { key: string; value: string };
interface XesElement {
  string?: XesAttr[];
  date?: XesAttr[];
  int?: XesAttr[];
}
interface XesLog extends XesElement {
  'xes.version': string;
  xmlns: string;
  extension: { name: string; prefix: string; uri: string }[];
  global: ({ scope: string } & XesElement)[];
  classifier: { name: string; keys: string }[];
  trace?: (XesElement & { event?: XesElement[] })[];
}

/** The typed attributes of a trace or event, as `key → type:value`. */
export function xesAttributes(e: XesElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const type of ['string', 'date', 'int'] as const) for (const a of e[type] ?? []) out[a.key] = `${type}:${a.value}`;
  return out;
}

/** What the standard requires of the log's structure; returns what is wrong. */
export function xesProblems(xml: string): string[] {
  const problems: string[] = [];
  const doc = parseXes(xml);
  if (doc.log?.length !== 1) return ['the document root is not one <log>'];
  const log = doc.log[0]!;
  if (log['xes.version'] !== '1849-2016' || log.xmlns !== 'http://www.xes-standard.org/') problems.push('log lacks xes.version 1849-2016 or the XES namespace');
  const prefixes = new Set(log.extension.map((e) => e.prefix));
  for (const trace of log.trace ?? []) {
    const ta = xesAttributes(trace);
    if (!ta['concept:name']?.startsWith('string:')) problems.push('a trace without a string concept:name');
    for (const event of trace.event ?? []) {
      const a = xesAttributes(event);
      if (!a['concept:name']?.startsWith('string:')) problems.push('an event without a string concept:name');
      if (!/^date:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/.test(a['time:timestamp'] ?? '')) problems.push(`an event whose time:timestamp is not a date: ${a['time:timestamp']}`);
      if (!['string:start', 'string:complete'].includes(a['lifecycle:transition'] ?? '')) problems.push('an event without a standard lifecycle:transition');
      for (const key of Object.keys(a)) if (key.includes(':') && !prefixes.has(key.split(':')[0]!)) problems.push(`attribute ${key} of an undeclared extension`);
    }
  }
  return problems;
}
