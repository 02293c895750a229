import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { englishIn } from '../support/english-words.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = `${ROOT}test-artifacts/i18n-logs`;
mkdirSync(DIR, { recursive: true });
const FIXTURES = `${ROOT}test/mining/fixtures`;
copyFileSync(`${FIXTURES}/judicial-record-two-agency.json`, `${DIR}/judicial-record-two-agency.json`);
copyFileSync(`${FIXTURES}/judicial-truth.yaml`, `${DIR}/judicial-truth.yaml`);
const PROCEDURE = `${DIR}/judicial-record-two-agency.json`;
const SCENARIO = `${DIR}/judicial-truth.yaml`;

const CSV = 'case:concept:name,concept:name,time:timestamp\n';
const XES = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">\n${inner}</log>\n`;
const EVENT = '<event><string key="concept:name" value="check"/><date key="time:timestamp" value="2025-03-03T09:00:00+07:00"/></event>';

/** A command that reads a log, with the log file last. */
const COMMANDS = {
  calibrate: (log: string) => ['calibrate', log, '--procedure', PROCEDURE],
  discover: (log: string) => ['discover', log, '-o', `${DIR}/draft`],
  validate: (log: string) => ['validate', SCENARIO, '--log', log, '--replications', '1'],
} as const;

/**
 * Malformed logs: the file's name and text, the command, and the message after `motcua: ` in
 * Vietnamese (with the file, line and column before it) and in English.
 */
const LOGS: readonly [name: string, text: string, command: keyof typeof COMMANDS, vi: string, en: string][] = [
  [
    'bad-timestamp.csv',
    `${CSV}c1,receipt,2025-03-03T09:00\nc1,check,yesterday\n`,
    'calibrate',
    ':3:3: giá trị "yesterday" của "time:timestamp" không phải một thời điểm. Viết 2025-01-24T09:00:00+07:00, 2025-01-24 09:00:00Z hoặc 2025-01-24T09:00 (theo múi giờ của nhật ký).',
    ':3:3: time:timestamp "yesterday" is not a timestamp. Write 2025-01-24T09:00:00+07:00, 2025-01-24 09:00:00Z, or 2025-01-24T09:00 (in the log\'s time zone).',
  ],
  [
    'short-row.csv',
    `${CSV}c1,receipt,2025-03-03T09:00\nc1,check\n`,
    'discover',
    ':3: dòng này có 2 trường, dòng tiêu đề có 3. Mỗi dòng cần đủ số trường như dòng tiêu đề; trường nào chứa dấu phẩy thì đặt trong dấu ngoặc kép.',
    ':3: this row has 2 fields, the header has 3. Every row needs as many fields as the header; quote fields that contain a comma.',
  ],
  [
    'open-quote.csv',
    `${CSV}c1,receipt,2025-03-03T09:00\nc1,"check,2025-03-03T10:00\n`,
    'validate',
    ':3:2: một trường mở dấu ngoặc kép mà không đóng. Đóng trường bằng dấu ngoặc kép (viết "" cho dấu ngoặc kép bên trong).',
    ':3:2: a quoted field is not closed. Close the quoted field with a double quote (write "" for a quote inside it).',
  ],
  [
    'no-column.csv',
    'case,activity,time\nc1,receipt,2025-03-03T09:00\n',
    'discover',
    ':1:1: không có cột "case:concept:name" (vai trò "case") trong dòng tiêu đề: "case", "activity", "time". Khai báo tên cột trong tệp ánh xạ (--map), mục "columns": { case: <tên> }.',
    ':1:1: no column "case:concept:name" (case) in the header: "case", "activity", "time". Name the column in a mapping file (--map) under columns: { case: <name> }.',
  ],
  [
    'empty-case.csv',
    `${CSV},receipt,2025-03-03T09:00\n`,
    'calibrate',
    ':2:1: mã hồ sơ (cột "case:concept:name") bị bỏ trống.',
    ':2:1: the case id (column "case:concept:name") is empty.',
  ],
  [
    'unclosed.xes',
    XES(`<trace><string key="concept:name" value="c1"/>\n${EVENT}\n`).replace('</log>\n', ''),
    'discover',
    ':5:1: thẻ <trace> chưa được đóng.',
    ':5:1: unclosed tag: trace.',
  ],
  [
    'no-timestamp.xes',
    XES('<trace><string key="concept:name" value="c1"/>\n  <event><string key="concept:name" value="check"/></event>\n</trace>\n'),
    'calibrate',
    ':4:10: sự kiện này không có "time:timestamp" (<date key="time:timestamp" value="2025-01-24T09:00:00+07:00"/>).',
    ':4:10: this event has no time:timestamp (<date key="time:timestamp" value="2025-01-24T09:00:00+07:00"/>).',
  ],
  [
    'no-case.xes',
    XES(`<trace>${EVENT}</trace>\n`),
    'validate',
    ':3:8: hồ sơ (<trace>) này không có mã "concept:name" (<string key="concept:name" value="mã hồ sơ"/>).',
    ':3:8: this trace has no concept:name (<string key="concept:name" value="case id"/>).',
  ],
  ['not-a-log.xes', '<html></html>\n', 'discover', ':1:7: phần tử gốc là <html>; nhật ký XES bắt đầu bằng <log>.', ':1:7: the root element is <html>; an XES log starts with <log>.'],
  [
    'empty.csv',
    '',
    'validate',
    ':1:1: nhật ký trống: cần một dòng tiêu đề ("case:concept:name", "concept:name", "time:timestamp", …) và mỗi sự kiện một dòng.',
    ':1:1: the log is empty: it needs a header line (case:concept:name,concept:name,time:timestamp,…) and one row per event.',
  ],
  [
    'refused.csv',
    `${CSV}c1,receipt,2025-03-03T09:00\nc1,refusal,2025-03-03T10:00\n`,
    'discover',
    ': không hồ sơ nào trong nhật ký được giải quyết đến cùng (mọi hồ sơ đều bị từ chối, bị rút hoặc đang xử lý): không thể phát hiện quy trình.',
    ': no case of the log ran to its end (every one was refused, withdrawn or is in progress): the flow cannot be discovered.',
  ],
  ['cases.txt', 'x\n', 'discover', ': không xác định được định dạng của "{file}": đặt tên nhật ký CSV là *.csv, nhật ký XES là *.xes.', ': cannot tell the format of "{file}": name a CSV log *.csv or an XES log *.xes.'],
];

const fileOf = (name: string, text: string) => {
  const file = `${DIR}/${name}`;
  writeFileSync(file, text);
  return file;
};

describe('calibrate, discover and validate --lang vi tell a malformed log in Vietnamese, on one line, with exit code 2', () => {
  it('looks for the words of the log messages', () => {
    expect(englishIn('motcua: log.csv:3: this row has 2 fields, the header has 3. Every row needs as many fields as the header.')).toEqual(expect.arrayContaining(['fields', 'header', 'every', 'needs']));
  });

  it.each(LOGS)('%s (%s)', async (name, text, command, vi) => {
    const file = fileOf(name, text);
    const { code, out, err } = await runCli([...COMMANDS[command](file), '--lang', 'vi']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`motcua: ${file}${vi.replace('{file}', file)}\n`);
    // The file's own words (column and key names, activities, element names) aside.
    expect(englishIn(err.replace(/"[^"]*"|<[^<>]*>/g, ' '))).toEqual([]);
  });
});

describe('the same logs keep their English', () => {
  it.each(LOGS)('%s (%s)', async (name, text, command, _vi, en) => {
    const file = fileOf(name, text);
    const { code, err } = await runCli(COMMANDS[command](file));
    expect(code).toBe(2);
    expect(err).toBe(`motcua: ${file}${en.replace('{file}', file)}\n`);
  });
});

describe('staff --lang vi tells a target it cannot read in Vietnamese', () => {
  it.each([
    ['late<3', 'không hiểu mục tiêu "late<3". Viết "onTimeRate>=0.95" (giải quyết trước hạn hoặc đúng hạn, trên số hồ sơ đã giải quyết), "meanCycleDays<=5" (từ tiếp nhận đến trả kết quả, ngày làm việc), hoặc một chỉ số của Quyết định 766: "decision766.onTimeRate>=0.95" (đúng hạn hoặc còn trong hạn, trên số hồ sơ đã xử lý), "decision766.satisfactionRate>=0.9", "decision766.points>=18" (số điểm, như src/indicators chấm).'],
    ['onTimeRate<=0.9', 'mục tiêu tỷ lệ là một mức tối thiểu từ 0 đến 1: onTimeRate>=0.9.'],
  ])('%s', async (target, vi) => {
    const { code, err } = await runCli(['staff', SCENARIO, '--target', target, '--lang', 'vi']);
    expect(code).toBe(2);
    expect(err).toBe(`motcua: --target: ${vi}\n`);
    expect(englishIn(err.replace(/"[^"]*"/g, ' '))).toEqual([]);
  });
});
