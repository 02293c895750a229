import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/data.ts';
import { renderReport } from '../../src/report/html.ts';
import { readReportJson } from '../../src/report/read.ts';
import { tinySpec } from '../support/specs.ts';
import { smallReportData } from './fixture.ts';

const onlyTiny = async (id: string, version: string) => (id === 'tiny' && version === '1' ? tinySpec() : undefined);

let data: ReportData;
beforeAll(async () => {
  data = await smallReportData();
});

async function failure(text: string): Promise<{ code: string; describe: string }> {
  try {
    await readReportJson(text, 'in.json', onlyTiny);
  } catch (error) {
    const e = error as { code: string; describe: () => string };
    return { code: e.code, describe: e.describe() };
  }
  throw new Error('read');
}

describe('reading a JSON report', () => {
  it('reads back the data motcua report --json prints, unchanged', async () => {
    expect(await readReportJson(JSON.stringify(data), 'in.json', onlyTiny)).toEqual(data);
  });

  it('completes what motcua simulate --json prints with the limits of the procedures it can look up', async () => {
    const simulateJson = { ...data.report, warnings: ['w'], comparisons: data.variants.map((v) => v.comparison) };
    const read = await readReportJson(JSON.stringify(simulateJson), 'in.json', onlyTiny);
    expect(read.report).toEqual(data.report);
    expect(read.procedures.map((p) => `${p.id}@${p.version} ${p.limit.text}`)).toEqual(['tiny@1 3wd']);
    expect(read.variants).toEqual([{ name: 'one more land officer', report: null, comparison: data.variants[0]!.comparison }]);
    expect(read.scenario).toBeNull();
    expect(read.reproduce).toEqual([]);
    expect(read.warnings).toEqual(['w']);
    expect(read.dashboard.total.received.byChannel).toBeNull();
    const html = renderReport(read, 'en');
    expect(html).toContain('Limit unknown');
    expect(html).toContain('Run that scenario file again with: motcua simulate &lt;scenario.yaml&gt; --replications 2 --json');
  });

  it('names the file, the path inside it and what is expected when the JSON is not a report', async () => {
    expect(await failure('{"scenario": 1')).toMatchObject({ code: 'bad-report' });
    expect((await failure('{"scenario": 1')).describe).toMatch(/^in\.json: is not JSON \(.*\)\. Give the output of motcua simulate --json or motcua report --json, or a scenario \.yaml\.$/);
    const broken = { ...data.report, procedures: [{ ...data.report.procedures[0]!, histogram: { width: 0.05, counts: 'many' } }] };
    expect(await failure(JSON.stringify(broken))).toEqual({
      code: 'bad-report',
      describe: 'in.json: procedures.0.histogram.counts: Invalid input: expected array, received string. This file should be the output of motcua simulate --json; produce it again with that command.',
    });
    expect((await failure(JSON.stringify({ ...data, format: 'motcua-report/1', dashboard: undefined }))).describe).toBe(
      'in.json: dashboard: missing. This file should be the output of motcua report --json; produce it again with that command.',
    );
  });
});
