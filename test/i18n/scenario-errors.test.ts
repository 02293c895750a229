import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/dsl/spec.ts';
import { scenarioSchema } from '../../src/sim/scenario/schema.ts';
import { runCli } from '../support/cli.ts';
import { ENGLISH, englishIn } from '../support/english-words.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${ROOT}test-artifacts/i18n-scenarios`;
mkdirSync(dir, { recursive: true });
copyFileSync(`${ROOT}simulations/single-step.yaml`, `${dir}/single-step.yaml`);

/** The M/M/3 validation scenario, which names single-step.yaml next to it. */
const BASE = readFileSync(`${ROOT}simulations/mmc-validation.yaml`, 'utf8');

/** The scenario with `from` replaced by `to` (which must be there), written to a file of its own. */
function mistake(name: string, from: string, to: string): string {
  expect(BASE, `${name}: the base scenario holds ${JSON.stringify(from)}`).toContain(from);
  const file = `${dir}/${name}.yaml`;
  writeFileSync(file, BASE.replace(from, to));
  return file;
}

/**
 * Mistakes of a scenario file: the schema's structural issues (a missing key, an unknown key, a
 * wrong type, a number out of range, a value outside an enum, a wrong container), its value checks,
 * YAML errors, and the checks against the procedure. Each: the edit, then the message after
 * `file: path: ` in Vietnamese and in English.
 */
const MISTAKES: readonly [name: string, from: string, to: string, path: string, vi: string, en: string][] = [
  ['a missing key', 'seed: 4242\n', '', 'seed', 'thiếu "seed". Thêm seed: một số nguyên.', '"seed" is missing. Add seed: a whole number.'],
  [
    'an unknown key',
    'seed: 4242',
    'seed: 4242\nsede: 1',
    'sede',
    'không có khóa "sede". Các khóa được dùng ở đây: name, start, horizon, warmup, replications, seed, calendar, discipline, drain, applicantResponse, transfer, apologyExtensionDays, stations, procedures, variants, feedback. Xóa nó hoặc sửa tên.',
    'unknown key "sede". Allowed here: name, start, horizon, warmup, replications, seed, calendar, discipline, drain, applicantResponse, transfer, apologyExtensionDays, stations, procedures, variants, feedback. Remove it or fix its name.',
  ],
  ['a text for a number', 'replications: 10', 'replications: many', 'replications', 'cần một số nguyên lần chạy ≥ 1, nhưng gặp "many".', 'expected a whole number of replications ≥ 1, found "many".'],
  ['a number above its limit', 'replications: 10', 'replications: 5000', 'replications', '5000 lần chạy vượt giới hạn 1000. Viết một số nguyên từ 1 đến 1000.', '5000 replications is above the limit of 1000. Write a whole number from 1 to 1000.'],
  ['a fraction of an officer', 'server: { officers: 3 }', 'server: { officers: 2.5 }', 'stations.server.officers', '2.5 không phải số nguyên. Cán bộ được đếm theo người, ví dụ 3.', '2.5 is not a whole number. Officers are counted in whole people, e.g. 3.'],
  ['a station without officers', 'server: { officers: 3 }', 'server: { officers: 0 }', 'stations.server.officers', 'một bộ phận cần ít nhất 1 cán bộ, nhưng gặp 0.', 'a station needs at least 1 officer, found 0.'],
  ['a value outside an enum', 'calendar: 24x7', 'calendar: moon', 'calendar', 'cần một trong các giá trị "vn", "24x7", nhưng gặp "moon".', 'expected one of "vn", "24x7", found "moon".'],
  ['a list for a mapping', 'stations:\n  desk', 'stations: [1]\nx:\n  desk', 'stations', 'cần { <mã bộ phận>: { officers, hours? }, … }, nhưng gặp một danh sách.', 'expected { <station id>: { officers, hours? }, … }, found a list.'],
  [
    'a missing mapping',
    '    arrivals:\n      poisson: { perDay: 57.6 }\n',
    '',
    'procedures.0.arrivals',
    'thiếu "arrivals". Thêm arrivals: { poisson: { perDay, weekdays?, hours? } } hoặc { replay: <tệp csv> }.',
    '"arrivals" is missing. Add arrivals: { poisson: { perDay, weekdays?, hours? } } or { replay: <csv file> }.',
  ],
  ['a probability above 1', 'channels: { online: 1 }', 'channels: { online: 1.5 }', 'procedures.0.channels.online', '1.5 không phải xác suất. Viết một số từ 0 đến 1, ví dụ 0.05.', '1.5 is not a probability. Write a number from 0 to 1, e.g. 0.05.'],
  ['probabilities that do not add up', 'channels: { online: 1 }', 'channels: { online: 0.5 }', 'procedures.0.channels', 'tổng các xác suất là 0.5 (online 0.5), không phải 1. Sửa để tổng bằng 1.', 'the probabilities add up to 0.5 (online 0.5), not 1. Change them so that they sum to 1.'],
  [
    'a triangular distribution out of order',
    '{ exponential: 1 }',
    '{ triangular: [4, 2, 1] }',
    'procedures.0.steps.serve.duration.triangular',
    '"triangular" [4, 2, 1] sai thứ tự. Viết [min, mode, max] với "min ≤ mode ≤ max", ví dụ [1, 2, 4].',
    'triangular [4, 2, 1] is out of order. Write [min, mode, max] with min ≤ mode ≤ max, e.g. [1, 2, 4].',
  ],
  ['two forms of a distribution', '{ exponential: 1 }', '{ exponential: 1, fixed: 2 }', 'procedures.0.steps.serve.duration', 'một phân phối chỉ có một dạng, nhưng gặp fixed và exponential. Giữ lại một dạng.', 'a distribution has one form, found fixed and exponential. Keep one of them.'],
  ['a horizon in weeks', 'horizon: 365d', 'horizon: 10 weeks', 'horizon', '"10 weeks" không phải số nguyên ngày theo lịch. Viết thời gian mô phỏng dạng ví dụ 365d.', '"10 weeks" is not a whole number of calendar days. Write the horizon as e.g. 365d.'],
  [
    'a warm-up longer than the horizon',
    'warmup: 30d',
    'warmup: 400d',
    'warmup',
    'thời gian khởi động (400d) phải ngắn hơn thời gian mô phỏng (365d), nếu không sẽ không hồ sơ nào được tính. Rút ngắn "warmup" hoặc kéo dài "horizon".',
    'the warm-up (400d) must be shorter than the horizon (365d), or no case would be counted. Shorten warmup or lengthen horizon.',
  ],
  ['a date that does not exist', 'start: 2025-01-01', 'start: 2025-02-30', 'start', '"2025-02-30" không phải ngày: 2025-02 có 28 ngày. Viết YYYY-MM-DD.', '"2025-02-30" is not a date: 2025-02 has 28 days. Write YYYY-MM-DD.'],
  [
    'office hours with a shift that ends before it starts',
    'server: { officers: 3 }',
    'server: { officers: 3, hours: { id: night, versions: [{ validFrom: 2025-01-01, seasons: [{ from: "01-01", shifts: ["17:00-08:00"] }] }] } }',
    'stations.server.hours.versions.0.seasons.0.shifts.0',
    '"17:00-08:00" không phải một ca làm việc. Viết HH:MM-HH:MM với giờ bắt đầu trước giờ kết thúc, ví dụ 07:30-11:30.',
    '"17:00-08:00" is not an opening period. Write HH:MM-HH:MM with the start before the end, e.g. 07:30-11:30.',
  ],
  ['an unknown step', 'serve: { duration', 'serv: { duration', 'procedures.0.steps.serv', 'single-step@1 không có bước "serv". Các bước: serve. Sửa tên, hoặc dùng "default" cho mọi bước.', 'single-step@1 has no step "serv". Its steps: serve. Fix the name, or use default for every step.'],
  ['an unknown station', 'stations: { office: server }', 'stations: { office: serverr }', 'procedures.0.stations.office', 'không có bộ phận "serverr". Các bộ phận đã khai báo: desk, server. Khai báo nó trong "stations" hoặc sửa tên.', 'unknown station "serverr". Declared stations: desk, server. Declare it under stations or fix the name.'],
];

/** YAML mistakes, told with the line and column (no path inside the file). */
const YAML_MISTAKES: readonly [name: string, from: string, to: string, vi: string, en: string][] = [
  ['a repeated key', 'seed: 4242', 'seed: 4242\nseed: 1', 'dòng 16, cột 1: không đọc được YAML tại đây. Mỗi khóa chỉ được xuất hiện một lần trong một ánh xạ: xóa hoặc đổi tên khóa bị lặp.', 'line 16, column 1: Map keys must be unique. Each key may appear once in a mapping: remove or rename the repeated one.'],
  ['a tab as indentation', '  desk: { officers: 2 }', '\tdesk: { officers: 2 }', 'dòng 20, cột 1: không đọc được YAML tại đây. Thụt lề bằng dấu cách, không dùng tab.', 'line 20, column 1: Tabs are not allowed as indentation. Indent with spaces, not tabs.'],
];

const slug = (name: string) => name.replace(/\W+/g, '-');

/** Every key a scenario file may have, at any depth: what the user types, data in a message. */
function keysOf(schema: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  const def = (schema as { _zod?: { def: Record<string, unknown> } } | undefined)?._zod?.def;
  if (def === undefined || seen.has(schema)) return out;
  seen.add(schema);
  if (def['type'] === 'object') for (const [k, v] of Object.entries(def['shape'] as object)) keysOf(v, out.add(k), seen);
  for (const inner of [def['innerType'], def['element'], def['valueType'], def['in'], def['out'], ...((def['options'] as unknown[] | undefined) ?? [])]) keysOf(inner, out, seen);
  return out;
}
const DATA = new Set([...keysOf(scenarioSchema), ...CHANNELS]);

/** The English catalogue's words in a message, leaving out the keys of the file and the channels it names. */
const english = (err: string) => englishIn(err.replace(/[\p{L}-]+/gu, (w) => (DATA.has(w) ? ' ' : w)));

describe('simulate --lang vi tells a scenario mistake in Vietnamese, on one line, with exit code 2', () => {
  it('looks for the words of the scenario messages, the file\'s keys aside', () => {
    expect(ENGLISH).toEqual(expect.arrayContaining(['missing', 'expected', 'found', 'probability', 'distribution', 'station', 'officer']));
    expect(english('motcua: x.yaml: seed: "seed" is missing. Add seed: a whole number.')).toEqual(['whole', 'number', 'missing']);
  });

  it.each(MISTAKES)('%s', async (name, from, to, path, vi) => {
    const file = mistake(slug(name), from, to);
    const { code, out, err } = await runCli(['simulate', file, '--lang', 'vi']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`motcua: ${file}: ${path}: ${vi}\n`);
    expect(english(err)).toEqual([]);
  });

  it.each(YAML_MISTAKES)('%s', async (name, from, to, vi) => {
    const file = mistake(slug(name), from, to);
    const { code, err } = await runCli(['--lang', 'vi', 'simulate', file]);
    expect(code).toBe(2);
    expect(err).toBe(`motcua: ${file}: ${vi}\n`);
    expect(english(err)).toEqual([]);
  });

  it('an empty file', async () => {
    const file = `${dir}/empty.yaml`;
    writeFileSync(file, '');
    const vi = await runCli(['simulate', file, '--lang', 'vi']);
    expect(vi.err).toBe(`motcua: ${file}: cần một kịch bản { name, start, horizon, seed, stations, procedures, … }, nhưng gặp null.\n`);
    expect(english(vi.err)).toEqual([]);
    const en = await runCli(['simulate', file]);
    expect(en.err).toBe(`motcua: ${file}: expected a scenario { name, start, horizon, seed, stations, procedures, … }, found null.\n`);
  });
});

describe('the same mistakes keep their English', () => {
  it.each(MISTAKES)('%s', async (name, from, to, path, _vi, en) => {
    const file = mistake(slug(name), from, to);
    const { code, out, err } = await runCli(['simulate', file, '--lang', 'en']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`motcua: ${file}: ${path}: ${en}\n`);
  });

  it.each(YAML_MISTAKES)('%s', async (name, from, to, _vi, en) => {
    const file = mistake(slug(name), from, to);
    const { code, err } = await runCli(['simulate', file]);
    expect(code).toBe(2);
    expect(err).toBe(`motcua: ${file}: ${en}\n`);
  });
});
