import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { englishIn } from '../support/english-words.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = `${ROOT}test-artifacts/i18n-mining`;
const FIXTURES = `${ROOT}test/mining/fixtures`;
const PROCEDURE = `${DIR}/judicial-record-two-agency.json`;
const LOG = `${DIR}/judicial.csv`;

/** `x` with `digits` decimals as Vietnamese writes it: a decimal comma. */
const vn = (x: number, digits: number) => x.toFixed(digits).replace('.', ',');

/** `text` without the data names given (activities, steps, stations, channels of the log): they are not labels. */
const without = (text: string, names: readonly string[]) => [...names].sort((a, b) => b.length - a.length).reduce((s, n) => s.split(n).join(' '), text);

describe('the mining commands in Vietnamese', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    copyFileSync(`${FIXTURES}/judicial-record-two-agency.json`, PROCEDURE);
    copyFileSync(`${FIXTURES}/judicial-staffing.yaml`, `${DIR}/judicial-staffing.yaml`);
    // A week of the truth scenario, written as a log by the project's own writer.
    writeFileSync(`${DIR}/truth.yaml`, readFileSync(`${FIXTURES}/judicial-truth.yaml`, 'utf8').replace(/^horizon: .*$/m, 'horizon: 7d'));
    expect((await runCli(['simulate', `${DIR}/truth.yaml`, '--events', LOG, '--json'])).code).toBe(0);
  }, 120_000);

  it('validate: the report and its verdicts in Vietnamese, decimals with a comma; the JSON keeps its English verdicts', async () => {
    const vi = await runCli(['validate', `${DIR}/truth.yaml`, '--log', LOG, '--replications', '1', '--lang', 'vi']);
    expect(vi.code).toBe(0);
    const lines = vi.out.split('\n');
    expect(lines[0]).toBe('Kiểm định: 147 hồ sơ trong nhật ký, 147 hồ sơ mô phỏng (mô phỏng ÷ nhật ký; đánh giá: KS ≤ 0,05 tốt, ≤ 0,1 tạm được; tỷ số lệch trong 5% tốt, 15% tạm được)');
    expect(lines[2]).toBe('  tiếp nhận            29,40 → 29,40 hồ sơ mỗi ngày làm việc (×1,00)  tốt');
    expect(lines).toContain('  các bước (số lần hoàn thành mỗi hồ sơ):');
    const json = await runCli(['validate', `${DIR}/truth.yaml`, '--log', LOG, '--replications', '1', '--json', '--lang', 'vi']);
    const v = JSON.parse(json.out) as { cycleTime: { verdict: string }; activities: { activity: string; log: number; simulated: number; ratio: number; verdict: string }[] };
    const check = v.activities.find((a) => a.activity === 'check')!;
    expect(check.verdict).toBe('good');
    expect(lines).toContain(`    check                    ${vn(check.log, 3)} → ${vn(check.simulated, 3)} (×${vn(check.ratio, 2)})  tốt`);
    expect(v.cycleTime.verdict).toBe('good');
    expect(englishIn(without(vi.out, v.activities.map((a) => a.activity)))).toEqual([]);
    const en = await runCli(['validate', `${DIR}/truth.yaml`, '--log', LOG, '--replications', '1']);
    expect(en.out.split('\n')[2]).toBe('  arrivals     29.40 → 29.40 a working day (×1.00)  good');
  });

  it('staff: the answer, its table and its frontier in Vietnamese, the bounds of an interval apart by a semicolon', async () => {
    // Two replications of ten days: wide intervals, which the lower bound's staff meets within.
    const args = ['staff', `${DIR}/judicial-staffing.yaml`, '--target', 'meanCycleDays<=4.5', '--max-evaluations', '3', '--replications', '2', '--horizon', '10', '--workers', '0'];
    const vi = await runCli([...args, '--html', `${DIR}/staff.html`, '--lang', 'vi']);
    expect(vi.code).toBe(0);
    expect(vi.err).toBe(`motcua: đã ghi trang bố trí cán bộ vào ${DIR}/staff.html\n`);
    type Value = { mean: number; halfWidth: number };
    const r = JSON.parse((await runCli([...args, '--json'])).out) as { scenario: { total: number; value: Value; meets: boolean }; frontier: { total: number; mean: number; low: number; high: number; officers: Record<string, number> }[] };
    const best = r.frontier[0]!;
    expect(best.officers).toEqual({ centre: 3, justice: 11, police: 9 });
    const lines = vi.out.split('\n');
    const said = (lang: 'vi' | 'en', x: number) => (lang === 'vi' ? vn(x, 2) : x.toFixed(2));
    const scenarioLine = (lang: 'vi' | 'en') => `${lang === 'vi' ? 'Kịch bản như đã viết' : 'Scenario as written'}: 29 ${lang === 'vi' ? 'cán bộ' : 'officers'}, ${said(lang, r.scenario.value.mean)} ±${said(lang, r.scenario.value.halfWidth)} (${lang === 'vi' ? 'đạt mục tiêu' : 'meets the target'}).`;
    const bestLine = (lang: 'vi' | 'en') => `${lang === 'vi' ? 'Số cán bộ ít nhất tìm được: 23 cán bộ' : 'Least staff found: 23 officers'}, ${said(lang, best.mean)} ±${said(lang, best.high - best.mean)}.`;
    expect(r.scenario.meets).toBe(true);
    expect(lines.slice(1, 3)).toEqual([scenarioLine('vi'), bestLine('vi')]);
    expect(lines).toContain('bộ phận                     kịch bản đề xuất   chênh');
    expect(lines).toContain('centre                            10       3      -7');
    expect(lines).toContain('tổng số cán bộ  chỉ số     khoảng tin cậy 95%');
    expect(lines).toContain(`            23      ${vn(best.mean, 2)}   [${vn(best.low, 2)}; ${vn(best.high, 2)}]`);
    expect(englishIn(without(vi.out, ['meanCycleDays', 'centre', 'justice', 'police']))).toEqual([]);
    const en = await runCli(args);
    expect(en.out.split('\n').slice(1, 5)).toEqual([scenarioLine('en'), bestLine('en'), '', 'station                     scenario  answer  change']);
    expect(en.out).toContain(`            23      ${best.mean.toFixed(2)}   [${best.low.toFixed(2)}, ${best.high.toFixed(2)}]\n`);
  });

  it('discover: the draft\'s figures and what it leaves out in Vietnamese, the files written said on stderr', async () => {
    const vi = await runCli(['discover', LOG, '-o', `${DIR}/draft`, '--lang', 'vi']);
    expect(vi.code).toBe(0);
    expect(vi.err).toBe(`motcua: đã ghi bản nháp thủ tục vào ${DIR}/draft/procedure.yaml, kịch bản của nó vào ${DIR}/draft/scenario.yaml\n`);
    const lines = vi.out.split('\n');
    const tree = (JSON.parse((await runCli(['discover', LOG, '-o', `${DIR}/draft`, '--json'])).out) as { tree: { children: { cases?: number[] }[] } }).tree;
    const [skip, further] = tree.children[0]!.cases!.map((n, _, all) => Math.round((100 * n) / all.reduce((a, b) => a + b, 0)));
    expect(lines[1]).toBe(`  quy trình: (bỏ qua ${skip}% | verify-further ${further}%) → check → lookup → issue`);
    expect(lines[3]).toBe('bước                      cơ quan           hồ sơ làm lại giờ làm giờ chờ  phần thời hạn');
    const d = JSON.parse((await runCli(['discover', LOG, '-o', `${DIR}/draft`, '--json'])).out) as { steps: { step: string; activity: string }[]; scenario: { channels: Record<string, { p: number }> } };
    const mix = Object.entries(d.scenario.channels).map(([channel, { p }]) => `${channel} ${Math.round(100 * p)}%`);
    expect(lines).toContain(`Bộ phận: centre 4, justice 12, police 10; 29,4 hồ sơ mỗi ngày làm việc; kênh tiếp nhận ${mix.join(', ')}.`);
    const data = [...d.steps.flatMap((s) => [s.step, s.activity]), ...Object.keys(d.scenario.channels)];
    expect(lines).toContain('  - thời hạn giải quyết, căn cứ pháp lý và cấp thực hiện: không có trong nhật ký (bản nháp có ghi rõ)');
    expect(englishIn(without(vi.out, data))).toEqual([]);
    const en = await runCli(['discover', LOG, '-o', `${DIR}/draft`]);
    expect(en.out.split('\n')[3]).toBe('step                      agency            cases  rework  work h  wait h  share');
    expect(en.err).toBe(`motcua: draft procedure written to ${DIR}/draft/procedure.yaml, its scenario to ${DIR}/draft/scenario.yaml\n`);
  });

  it('calibrate: the scenario written and the version in force, said on stderr in Vietnamese', async () => {
    const vi = await runCli(['calibrate', LOG, '--procedure', PROCEDURE, '-o', `${DIR}/calibrated.yaml`, '--lang', 'vi']);
    expect(vi.code).toBe(0);
    expect(vi.err).toBe(`motcua: đã hiệu chỉnh 147 hồ sơ của judicial-record; đã ghi kịch bản vào ${DIR}/calibrated.yaml\n`);
    writeFileSync(`${DIR}/land.csv`, `case:concept:name,concept:name,time:timestamp,org:group,case:procedure,case:channel\n${['2025-03-03', '2025-03-05'].map((d, i) => `c${i},receipt,${d}T08:00:00+07:00,desk,land-use-right-first,in-person\nc${i},result-return,${d}T16:00:00+07:00,desk,land-use-right-first,in-person\n`).join('')}`);
    const land = await runCli(['calibrate', `${DIR}/land.csv`, '--procedure', 'land-use-right-first', '-o', `${DIR}/land.yaml`, '--lang', 'vi']);
    expect(land.code).toBe(0);
    expect(land.err).toBe(`motcua: land-use-right-first@2024.1, phiên bản có hiệu lực cho 2 hồ sơ trong nhật ký, tiếp nhận từ 2025-03-03 đến 2025-03-05\nmotcua: đã hiệu chỉnh 2 hồ sơ của land-use-right-first; đã ghi kịch bản vào ${DIR}/land.yaml\n`);
    expect(englishIn(vi.err + land.err)).toEqual([]);
  });
});
