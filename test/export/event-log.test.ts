import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { storeTraces } from '../../src/engine/case-log.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { CSV_COLUMNS, type LogTrace, csvLogWriter, logFormatOf, logTimestamp, neutralise } from '../../src/export/event-log.ts';
import { xesLogWriter } from '../../src/export/xes-log.ts';
import { tinySpec } from '../support/specs.ts';
import { parseXes, xesAttributes, xesProblems } from '../support/xes.ts';
import { agency, applicant, desk, ev } from '../engine/support.ts';

const t = (local: string) => parseInstant(local);

const TRACE: LogTrace = {
  id: 'tiny-r1-7',
  procedure: 'tiny',
  channel: 'in-person',
  outcome: 'returned',
  replication: 1,
  rating: 'satisfied',
  events: [
    { activity: 'receipt', at: t('2025-03-03T08:00'), lifecycle: 'start', resource: 'desk#1', group: 'desk' },
    { activity: 'receipt', at: t('2025-03-03T08:20'), lifecycle: 'complete', resource: 'desk#1', group: 'desk' },
    { activity: 'check, then "sign"', at: t('2025-03-03T09:00'), lifecycle: 'complete', group: '=HYPERLINK("x")' },
  ],
};

const write = (w: ReturnType<typeof csvLogWriter>, traces: readonly LogTrace[]) => w.head() + traces.map(w.trace).join('') + w.tail();

describe('the CSV event log', () => {
  it('has pm4py column names and reads back cell for cell with an independent parser, commas and quotes included', () => {
    const rows: string[][] = parse(write(csvLogWriter(), [TRACE]));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      ['tiny-r1-7', 'receipt', '2025-03-03T08:00:00.000+07:00', 'start', 'desk#1', 'desk', 'tiny', 'in-person', 'returned', '1', 'satisfied'],
      ['tiny-r1-7', 'receipt', '2025-03-03T08:20:00.000+07:00', 'complete', 'desk#1', 'desk', 'tiny', 'in-person', 'returned', '1', 'satisfied'],
      ['tiny-r1-7', 'check, then "sign"', '2025-03-03T09:00:00.000+07:00', 'complete', '', `'=HYPERLINK("x")`, 'tiny', 'in-person', 'returned', '1', 'satisfied'],
    ]);
  });

  it('neutralises every cell a spreadsheet would run as a formula, and only those', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(neutralise)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(['receipt', 'a=b', '1-2', ''].map(neutralise)).toEqual(['receipt', 'a=b', '1-2', '']);
  });

  it('writes instants as xs:dateTime in Vietnamese local time', () => {
    expect(logTimestamp(t('2025-12-31T23:59:30'))).toBe('2025-12-31T23:59:30.000+07:00');
  });

  it('takes its format from the file name and names the fix for any other', () => {
    expect([logFormatOf('a/log.csv'), logFormatOf('LOG.XES')]).toEqual(['csv', 'xes']);
    expect(() => logFormatOf('log.json')).toThrow('"log.json": the event log\'s name must end in .csv (pm4py columns) or .xes (IEEE 1849 XES).');
  });
});

describe('the XES event log', () => {
  const xml = write(xesLogWriter('test log'), [TRACE, { ...TRACE, id: 'tiny-r1-8', outcome: 'withdrawn', events: [] }]);

  it('declares the concept, time, lifecycle and org extensions, globals and classifiers', () => {
    const log = parseXes(xml).log[0]!;
    expect(log.extension).toEqual([
      { name: 'Concept', prefix: 'concept', uri: 'http://www.xes-standard.org/concept.xesext' },
      { name: 'Time', prefix: 'time', uri: 'http://www.xes-standard.org/time.xesext' },
      { name: 'Lifecycle', prefix: 'lifecycle', uri: 'http://www.xes-standard.org/lifecycle.xesext' },
      { name: 'Organizational', prefix: 'org', uri: 'http://www.xes-standard.org/org.xesext' },
    ]);
    expect(log.global.map((g) => [g.scope, Object.keys(xesAttributes(g))])).toEqual([
      ['trace', ['concept:name']],
      ['event', ['concept:name', 'lifecycle:transition', 'time:timestamp']],
    ]);
    expect(log.classifier.map((c) => c.keys)).toEqual(['concept:name', 'concept:name lifecycle:transition']);
    expect(xesAttributes(log)).toEqual({ 'concept:name': 'string:test log' });
    expect(xesProblems(xml)).toEqual([]);
  });

  it('has one trace per case with typed case attributes, and events with typed, escaped attributes', () => {
    const [first, second] = parseXes(xml).log[0]!.trace!;
    expect(xesAttributes(first!)).toEqual({ 'concept:name': 'string:tiny-r1-7', procedure: 'string:tiny', channel: 'string:in-person', outcome: 'string:returned', replication: 'int:1', rating: 'string:satisfied' });
    expect(first!.event!.map(xesAttributes)).toEqual([
      { 'concept:name': 'string:receipt', 'time:timestamp': 'date:2025-03-03T08:00:00.000+07:00', 'lifecycle:transition': 'string:start', 'org:resource': 'string:desk#1', 'org:group': 'string:desk' },
      { 'concept:name': 'string:receipt', 'time:timestamp': 'date:2025-03-03T08:20:00.000+07:00', 'lifecycle:transition': 'string:complete', 'org:resource': 'string:desk#1', 'org:group': 'string:desk' },
      { 'concept:name': 'string:check, then "sign"', 'time:timestamp': 'date:2025-03-03T09:00:00.000+07:00', 'lifecycle:transition': 'string:complete', 'org:group': 'string:=HYPERLINK("x")' },
    ]);
    expect(second!.event).toBeUndefined();
  });
});

describe("the engine store's event log", () => {
  it('gives each stored case its control slip as activities, in the same terms as the simulator', async () => {
    const store = memoryStore();
    const engine = createEngine({ procedures: [tinySpec()], store });
    const { caseId } = await engine.open({ procedure: 'tiny', channel: 'in-person', receivedAt: t('2025-03-03T09:00'), by: desk });
    for (const e of [
      ev('TRANSFER', '2025-03-03T10:00', desk),
      ev('COMPLETE', '2025-03-03T11:00', agency('justice'), { step: 'register' }),
      ev('REQUEST_SUPPLEMENT', '2025-03-03T14:00', agency('police'), { step: 'residence', missing: ['photo'] }),
      ev('SUPPLY', '2025-03-04T09:00', applicant, { step: 'residence' }),
      ev('COMPLETE', '2025-03-04T10:00', agency('police'), { step: 'residence' }),
      ev('RETURN_RESULT', '2025-03-04T15:00', desk),
      ev('RATE', '2025-03-04T16:00', applicant, { rating: 'satisfied' }),
    ]) {
      const sent = await engine.send(caseId, e);
      expect(sent.ok).toBe(true);
    }
    const traces: LogTrace[] = [];
    for await (const trace of storeTraces(store)) traces.push(trace);
    expect(traces.map((tr) => [tr.id, tr.procedure, tr.channel, tr.outcome])).toEqual([[caseId, 'tiny', 'in-person', 'returned']]);
    expect(traces[0]!.events.map((e) => `${logTimestamp(e.at).slice(5, 16)} ${e.activity} ${e.lifecycle} ${e.group}`)).toEqual([
      '03-03T09:00 receipt start desk',
      '03-03T09:00 receipt complete desk',
      '03-03T10:00 transfer complete desk',
      '03-03T10:00 register start justice',
      '03-03T11:00 register complete justice',
      '03-03T11:00 residence start police',
      '03-03T14:00 supplement requested complete police',
      '03-04T09:00 supplement papers received complete police',
      '03-04T10:00 residence complete police',
      '03-04T10:00 result ready complete desk',
      '03-04T15:00 result returned complete desk',
      '03-04T16:00 rating complete applicant',
    ]);
    await store.close();
  });
});
