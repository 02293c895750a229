import fc from 'fast-check';
import { expect } from 'vitest';
import { type LogTrace, type LogWriter, csvLogWriter } from '../../src/export/event-log.ts';
import { xesLogWriter } from '../../src/export/xes-log.ts';
import { MotcuaError } from '../../src/errors.ts';
import { readLog } from '../../src/mining/read-log.ts';
import { caseLogHooks } from '../../src/sim/case-log.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { editLines, extremeNumber, hostile, lineEdit, typedAsync } from './fuzz.ts';
import { hostileSpec } from './hostile.ts';
import { simOf } from './sim.ts';
import { kitchenSinkSpec } from './specs.ts';

/**
 * What the log fuzz suites (fuzz-logs-csv, fuzz-logs-xes) share. Issue 19's fuzz suite: CSV and XES event logs, written by motcua's own writers from a short
 * simulation (plain and hostile ids), then mutated line by line and character by character, read
 * by the mining readers. A log reads with finite timestamps, or is refused with a one-line
 * `LogError` naming the file (and the line, when it is about one).
 */
const write = (w: LogWriter, traces: readonly LogTrace[]) => w.head() + traces.map(w.trace).join('') + w.tail();
const traces: LogTrace[] = [];
for (const spec of [kitchenSinkSpec(), hostileSpec()]) {
  const recorder = caseLogHooks(0, (t) => traces.push(t));
  runReplication(simOf(spec, { seed: 9, perDay: 1, days: 2, officers: 1, supplement: 0.2, refusal: 0.05, incomplete: 0.2, withdrawal: 0.1, silence: 0.5, stepMean: 3 }), 0, recorder.hooks);
  recorder.flush();
}
export const LOGS = { csv: write(csvLogWriter(), traces), xes: write(xesLogWriter('fuzz'), traces) };
console.log(`[fuzz] base logs: ${traces.length} traces, ${LOGS.csv.split("\n").length} CSV lines, ${LOGS.xes.length} XES characters`);

export const cell = fc.oneof(
  hostile,
  extremeNumber.map(String),
  fc.constantFrom('2025-02-30T09:00', '2025-03-03', '24/01/2025', '2025-03-03T09:00:00+99:00', '9999-12-31T23:59:59Z', '0001-01-01T00:00', '1e400', 'start', 'complete', 'suspend', '"', '""', '"a""b"', ',', ';', '\t'),
);
export const csvLine = fc.oneof(cell, fc.array(cell, { minLength: 1, maxLength: 12 }).map((cells) => cells.join(',')));
export const xesFragment = fc.oneof(
  hostile,
  fc.constantFrom('<', '>', '&', '&bogus;', '&#0;', '<event>', '</event>', '</trace>', '<trace>', '<!DOCTYPE x [<!ENTITY a "b">]>', '<![CDATA[x]]>', '<?xml version="1.0"?>', '<date key="time:timestamp" value="2025-02-30T09:00:00"/>', '<string key="concept:name"/>', 'value="x"', '"', '<log>'),
);
export type CharEdit = readonly [at: number, remove: number, insert: string];
export const charEdit: fc.Arbitrary<CharEdit> = fc.tuple(fc.nat(), fc.nat(40), fc.oneof(xesFragment, cell));
export const editChars = (text: string, edits: readonly CharEdit[]) => edits.reduce((t, [at, remove, insert]) => t.slice(0, at % (t.length + 1)) + insert + t.slice((at % (t.length + 1)) + remove), text);

export async function readsOrRefuses(text: string, file: string, chunked: number): Promise<void> {
  // Fed in pieces as a stream would bring them: a piece boundary may cut a row or a tag.
  const chunks = chunked === 0 ? [text] : Array.from({ length: Math.ceil(text.length / chunked) }, (_, i) => text.slice(i * chunked, (i + 1) * chunked));
  const log = await typedAsync(() => readLog(chunks, file), file, text);
  if (log instanceof MotcuaError) {
    expect(log.name).toBe('LogError');
    return;
  }
  let events = 0;
  for (const t of log.traces) {
    for (const e of t.events) {
      expect(Number.isFinite(e.time)).toBe(true);
      events++;
    }
  }
  expect(events).toBe(log.events);
}

