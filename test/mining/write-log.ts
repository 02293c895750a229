/**
 * A test-only writer of pm4py CSV and XES logs from an EventLog, standing in for the simulator's
 * own writer (issue 16) until it lands: the round trip goes through text and the real readers.
 */
import type { EventLog } from '../../src/mining/log.ts';

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const xml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const iso = (t: number) => new Date(t).toISOString();
const life = (l: string) => (l === 'other' ? 'schedule' : l);

export function toCsv(log: EventLog): string {
  const keys = [...new Set(log.traces.flatMap((t) => Object.keys(t.attributes)))].sort();
  const rows = [['case:concept:name', 'concept:name', 'time:timestamp', 'lifecycle:transition', 'org:resource', 'org:group', ...keys.map((k) => `case:${k}`)].join(',')];
  for (const t of log.traces) {
    for (const e of t.events) rows.push([t.id, e.activity, iso(e.time), life(e.lifecycle), e.resource ?? '', e.group ?? '', ...keys.map((k) => t.attributes[k] ?? '')].map(csvCell).join(','));
  }
  return `${rows.join('\n')}\n`;
}

export function toXes(log: EventLog): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">'];
  for (const ext of ['Concept:concept', 'Time:time', 'Lifecycle:lifecycle', 'Organizational:org']) {
    const [name, prefix] = ext.split(':');
    out.push(`<extension name="${name}" prefix="${prefix}" uri="http://www.xes-standard.org/${prefix}.xesext"/>`);
  }
  for (const t of log.traces) {
    out.push(`<trace><string key="concept:name" value="${xml(t.id)}"/>`);
    for (const [k, v] of Object.entries(t.attributes)) out.push(`<string key="${xml(k)}" value="${xml(v)}"/>`);
    for (const e of t.events) {
      const org = `${e.resource === undefined ? '' : `<string key="org:resource" value="${xml(e.resource)}"/>`}${e.group === undefined ? '' : `<string key="org:group" value="${xml(e.group)}"/>`}`;
      out.push(`<event><string key="concept:name" value="${xml(e.activity)}"/><date key="time:timestamp" value="${iso(e.time)}"/><string key="lifecycle:transition" value="${life(e.lifecycle)}"/>${org}</event>`);
    }
    out.push('</trace>');
  }
  out.push('</log>');
  return `${out.join('\n')}\n`;
}
