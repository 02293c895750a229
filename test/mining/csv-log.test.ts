import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogError } from '../../src/errors.ts';
import { readCsvLog } from '../../src/mining/csv-log.ts';
import { DEFAULT_MAPPING, parseMapping } from '../../src/mining/mapping.ts';
import { editLines, lineEdit, runs } from '../support/fuzz.ts';
import { LOGS, charEdit, csvLine, editChars } from '../support/log-fuzz.ts';
import { checkProperty } from '../support/property.ts';

const HEADER = 'case:concept:name,concept:name,time:timestamp,lifecycle:transition,org:resource,org:group,case:channel\n';
const at = (iso: string) => Date.parse(iso);

async function failure(text: string | string[]): Promise<LogError> {
  try {
    await readCsvLog(Array.isArray(text) ? text : [text], 'log.csv');
  } catch (e) {
    if (e instanceof LogError) return e;
    throw e;
  }
  throw new Error('expected a LogError');
}

describe('reading a CSV event log', () => {
  it('reads pm4py columns into traces with their case attributes, in time order', async () => {
    const log = await readCsvLog(
      [
        HEADER,
        'c1,check,2025-01-24T10:00:00+07:00,complete,an,land,online\n',
        'c1,check,2025-01-24T09:30:00+07:00,start,an,land,online\n',
        'c2,"receipt, desk",2025-01-24 02:00:00Z,complete,,desk,in-person\n',
      ],
      'log.csv',
    );
    expect(log.events).toBe(3);
    expect(log.traces.map((t) => t.id)).toEqual(['c1', 'c2']);
    expect(log.traces[0]!.attributes).toEqual({ channel: 'online' });
    expect(log.traces[0]!.events).toEqual([
      { activity: 'check', time: at('2025-01-24T02:30:00Z'), lifecycle: 'start', resource: 'an', group: 'land' },
      { activity: 'check', time: at('2025-01-24T03:00:00Z'), lifecycle: 'complete', resource: 'an', group: 'land' },
    ]);
    expect(log.traces[1]!.events[0]).toEqual({ activity: 'receipt, desk', time: at('2025-01-24T02:00:00Z'), lifecycle: 'complete', resource: undefined, group: 'desk' });
  });

  it('reads a row split across chunks, in bytes, with a byte-order mark', async () => {
    const bytes = new TextEncoder().encode(`\ufeff${HEADER}c1,check,2025-01-24T09:00,start,an,land,online\n`);
    const log = await readCsvLog([bytes.slice(0, 70), bytes.slice(70, 101), bytes.slice(101)], 'log.csv');
    expect(log.traces[0]!.events[0]!.time).toBe(at('2025-01-24T02:00:00Z'));
  });

  it('treats a log without a lifecycle column as complete-only, in the mapping\'s time zone', async () => {
    const mapping = parseMapping('columns: { case: MaHoSo, activity: HoatDong, timestamp: ThoiGian }\nattributes: { channel: Kenh }\ntimezone: "Z"\n', 'map.yaml');
    const log = await readCsvLog(['MaHoSo,HoatDong,ThoiGian,Kenh\n"H-1",Tiếp nhận,2025-01-24T09:00,online\n'], 'log.csv', mapping);
    expect(log.traces[0]).toEqual({ id: 'H-1', attributes: { channel: 'online' }, events: [{ activity: 'Tiếp nhận', time: at('2025-01-24T09:00:00Z'), lifecycle: 'complete', resource: undefined, group: undefined }] });
  });

  it('names the line and column of a bad timestamp', async () => {
    const e = await failure(`${HEADER}c1,check,2025-01-24T09:00,start,an,land,online\nc1,check,2025-02-30T09:00,complete,an,land,online\n`);
    expect(e.code).toBe('bad-timestamp');
    expect(e.describe()).toBe('log.csv:3:3: time:timestamp "2025-02-30T09:00" is not a timestamp. Write 2025-01-24T09:00:00+07:00, 2025-01-24 09:00:00Z, or 2025-01-24T09:00 (in the log\'s time zone).');
  });

  it('names the line of a row with too few fields and of an unclosed quote', async () => {
    const short = await failure(`${HEADER}c1,check\n`);
    expect([short.code, short.line]).toEqual(['bad-csv', 2]);
    expect(short.message).toBe('this row has 2 fields, the header has 7. Every row needs as many fields as the header; quote fields that contain a comma.');
    const quote = await failure(`${HEADER}c1,"check,2025-01-24T09:00,start,an,land,online\n`);
    expect([quote.code, quote.line]).toEqual(['bad-csv', 2]);
  });

  it('says which column is missing and how to map it', async () => {
    const e = await failure('case,activity,time\nc1,a,2025-01-24\n');
    expect(e.describe()).toBe('log.csv:1:1: no column "case:concept:name" (case) in the header: "case", "activity", "time". Name the column in a mapping file (--map) under columns: { case: <name> }.');
  });

  it('refuses an empty case id and an empty log', async () => {
    expect((await failure(`${HEADER},check,2025-01-24T09:00,start,an,land,online\n`)).describe()).toBe('log.csv:2:1: the case id (column "case:concept:name") is empty.');
    expect((await failure('')).code).toBe('empty-log');
  });

  it('refuses a mapping with an unknown field or time zone', () => {
    expect(() => parseMapping('colums: {}\n', 'map.yaml')).toThrow(LogError);
    expect(() => parseMapping('timezone: Asia/Hanoi\n', 'map.yaml')).toThrow('timezone "Asia/Hanoi" is not an offset. Write it like "+07:00" or "Z".');
  });
});

describe('the plain-row fast path of the CSV reader', () => {
  const outcome = async (text: string, chunk: number, plainRows: boolean) => {
    const chunks = chunk === 0 ? [text] : Array.from({ length: Math.ceil(text.length / chunk) }, (_, i) => text.slice(i * chunk, (i + 1) * chunk));
    try {
      const log = await readCsvLog(chunks, 'fuzzed.csv', DEFAULT_MAPPING, { plainRows });
      return JSON.stringify(log.traces);
    } catch (error) {
      if (!(error instanceof LogError)) throw error;
      return `${error.code} ${error.describe()}`;
    }
  };

  it('reads every log, edited line by line and character by character and cut into pieces, as csv-parse alone reads it', async () => {
    await checkProperty(
      'CSV fast path against csv-parse',
      fc.asyncProperty(fc.array(lineEdit(csvLine), { maxLength: 3 }), fc.array(charEdit, { maxLength: 2 }), fc.constantFrom(0, 1, 13, 256), fc.boolean(), async (lines, chars, chunk, crlf) => {
        const base = crlf ? LOGS.csv.replace(/\n/g, '\r\n') : LOGS.csv;
        const text = editChars(editLines(base, lines), chars);
        expect(await outcome(text, chunk, true)).toBe(await outcome(text, chunk, false));
      }),
      { numRuns: runs(200) },
    );
  }, 120_000);

  it('hands the rest of the log to csv-parse from the first quoted field, with the right line numbers', async () => {
    const log = await readCsvLog([`${HEADER}c1,check,2025-01-24T09:00,start,an,land,online\nc1,"check, again",2025-01-24T10:00,complete,an,land,online\nc2,check,yesterday,start,an,land,online\n`], 'log.csv').catch((e: LogError) => e);
    expect((log as LogError).describe()).toBe('log.csv:4:3: time:timestamp "yesterday" is not a timestamp. Write 2025-01-24T09:00:00+07:00, 2025-01-24 09:00:00Z, or 2025-01-24T09:00 (in the log\'s time zone).');
  });
});
