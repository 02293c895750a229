import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureResolver } from '../../src/node/scenario-files.ts';
import { parseScenario } from '../../src/sim/scenario/index.ts';
import { runCli } from '../support/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = `${ROOT}test-artifacts/mining-cli`;
const TRUTH = fileURLToPath(new URL('./fixtures/judicial-truth.yaml', import.meta.url));
/** The two-agency flow of judicial records (Department of Justice, then police), as a fixture file copied beside the scenarios written. */
const JUDICIAL = `${DIR}/judicial-record-two-agency.json`;

describe('motcua calibrate', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    copyFileSync(fileURLToPath(new URL('./fixtures/judicial-record-two-agency.json', import.meta.url)), JUDICIAL);
    // A fortnight of the truth scenario, written by the project's own writer.
    const fortnight = readFileSync(TRUTH, 'utf8').replace(/^horizon: .*$/m, 'horizon: 15d');
    writeFileSync(`${DIR}/truth.yaml`, fortnight);
    for (const f of ['judicial.csv', 'judicial.xes']) expect((await runCli(['simulate', `${DIR}/truth.yaml`, '--events', `${DIR}/${f}`, '--json'])).code).toBe(0);
  }, 120_000);

  it('writes a scenario that loads, with the count of observations beside each figure', async () => {
    const { code, err } = await runCli(['calibrate', `${DIR}/judicial.xes`, '--procedure', JUDICIAL, '-o', `${DIR}/calibrated.yaml`]);
    expect(err).toMatch(/^motcua: calibrated \d+ cases of judicial-record; scenario written to /);
    expect(code).toBe(0);
    const yaml = readFileSync(`${DIR}/calibrated.yaml`, 'utf8');
    expect(yaml).toMatch(/officers: \d+ # the most pieces of work in progress at once, over \d+ timed pieces of work/);
    expect(yaml).toContain('  - procedure: "judicial-record-two-agency.json"');
    const scenario = await parseScenario(yaml, `${DIR}/calibrated.yaml`, procedureResolver(`${DIR}/calibrated.yaml`));
    expect(scenario.baseline.procedures[0]!.spec.id).toBe('judicial-record');
  });

  it('prints the fitted figures as JSON', async () => {
    const { code, out } = await runCli(['calibrate', `${DIR}/judicial.csv`, '--procedure', JUDICIAL, '--json']);
    expect(code).toBe(0);
    const figures = JSON.parse(out);
    expect(Object.keys(figures.stations)).toEqual(['centre', 'justice', 'police']);
    expect(figures.incomplete.of).toBe(figures.cases);
  });

  it('exits 2 with the line and column of a malformed row, and names a missing column with the fix', async () => {
    writeFileSync(`${DIR}/bad.csv`, 'case:concept:name,concept:name,time:timestamp\nc1,receipt,2025-03-03T09:00\nc1,check,yesterday\n');
    const bad = await runCli(['calibrate', `${DIR}/bad.csv`, '--procedure', JUDICIAL]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`motcua: ${DIR}/bad.csv:3:3: time:timestamp "yesterday" is not a timestamp. Write 2025-01-24T09:00:00+07:00, 2025-01-24 09:00:00Z, or 2025-01-24T09:00 (in the log's time zone).\n`);
    writeFileSync(`${DIR}/map.yaml`, 'columns: { case: Ma }\n');
    const missing = await runCli(['calibrate', `${DIR}/judicial.csv`, '--procedure', JUDICIAL, '--map', `${DIR}/map.yaml`]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/judicial\.csv:1:1: no column "Ma" \(case\) in the header/);
  });

  it('takes the catalogue version in force on the days the log\'s cases were received, says which, and refuses a log that spans two', async () => {
    // Receipt and return of land-use-right-first cases on the days given.
    const landLog = (days: readonly string[]) =>
      `case:concept:name,concept:name,time:timestamp,org:group,case:procedure,case:channel\n${days.map((d, i) => `c${i},receipt,${d}T08:00:00+07:00,desk,land-use-right-first,in-person\nc${i},result-return,${d}T16:00:00+07:00,desk,land-use-right-first,in-person\n`).join('')}`;
    writeFileSync(`${DIR}/land-march.csv`, landLog(['2025-03-03', '2025-03-05']));
    const march = await runCli(['calibrate', `${DIR}/land-march.csv`, '--procedure', 'land-use-right-first', '-o', `${DIR}/land-march.yaml`]);
    expect(march.code).toBe(0);
    expect(march.err.split('\n')[0]).toBe("motcua: land-use-right-first@2024.1, the version in force for the log's 2 cases received from 2025-03-03 to 2025-03-05");
    expect(readFileSync(`${DIR}/land-march.yaml`, 'utf8')).toContain('  - procedure: "land-use-right-first@2024.1"');
    writeFileSync(`${DIR}/land-span.csv`, landLog(['2025-06-30', '2025-07-01']));
    const span = await runCli(['calibrate', `${DIR}/land-span.csv`, '--procedure', 'land-use-right-first', '--lang', 'vi']);
    expect(span.code).toBe(2);
    expect(span.err).toBe(`motcua: ${DIR}/land-span.csv: các hồ sơ của land-use-right-first trong nhật ký được tiếp nhận từ 2025-06-30 đến 2025-07-01, thuộc nhiều phiên bản (2024.1: 1 hồ sơ tiếp nhận từ 2025-06-30 đến 2025-06-30; 2025.1: 1 hồ sơ tiếp nhận từ 2025-07-01 đến 2025-07-01). Hiệu chỉnh từng phiên bản một: tách nhật ký theo ngày tiếp nhận và nêu phiên bản, ví dụ --procedure land-use-right-first@2024.1.\n`);
    // A version named explicitly is taken as named.
    const named = await runCli(['calibrate', `${DIR}/land-march.csv`, '--procedure', 'land-use-right-first@2025.1', '--json']);
    expect(named.code).toBe(0);
  });
});

describe('motcua validate', { timeout: 120_000 }, () => {
  it('compares the calibrated scenario with its log and prints the documented JSON keys', async () => {
    const { code, out } = await runCli(['validate', `${DIR}/calibrated.yaml`, '--log', `${DIR}/judicial.csv`, '--replications', '1', '--json']);
    const v = JSON.parse(out);
    expect(Object.keys(v.cycleTime)).toEqual(expect.arrayContaining(['ks', 'emdDays', 'p50Ratio', 'p90Ratio']));
    expect(typeof v.arrivalsPerDayRatio).toBe('number');
    expect(v.activities.map((a: { activity: string }) => a.activity)).toContain('lookup');
    expect(code).toBe([v.cycleTime.verdict, v.arrivalsVerdict, v.waiting.verdict, ...v.activities.map((a: { verdict: string }) => a.verdict)].includes('poor') ? 1 : 0);
  });
});
