import { type ReportData, reportData } from '../../src/report/data.ts';
import type { SimConfig } from '../../src/sim/config.ts';
import { buildReport, compare } from '../../src/sim/report.ts';
import { simulate } from '../../src/node/simulate.ts';
import { simOf } from '../support/sim.ts';
import { kitchenSinkSpec, tinySpec } from '../support/specs.ts';

/**
 * The report data of a small run: two procedures (one with a limit extension), two replications,
 * and a variant with one more officer at the land office; `name` and `title` let a test slip
 * hostile text into the page.
 */
export async function smallReportData(options: { readonly name?: string; readonly title?: string } = {}): Promise<ReportData> {
  const tiny = tinySpec(options.title === undefined ? {} : { title: { vi: options.title, en: options.title } });
  const sink = kitchenSinkSpec();
  const knobs = { seed: 11, perDay: 6, days: 40, officers: 1, supplement: 0.05, refusal: 0.02, incomplete: 0.1, withdrawal: 0.02, silence: 0.3, stepMean: 2 };
  const a = simOf(tiny, knobs);
  const b = simOf(sink, knobs);
  const config: SimConfig = {
    ...a,
    name: options.name ?? 'Small test scenario',
    replications: 2,
    stations: { ...a.stations, ...b.stations },
    procedures: [...a.procedures, ...b.procedures],
  };
  const variant: SimConfig = { ...config, stations: { ...config.stations, land: { ...config.stations['land']!, officers: 2 } } };
  const results = await simulate(config, { workers: 0 });
  const variantResults = await simulate(variant, { workers: 0 });
  const report = buildReport(config, results);
  return reportData({
    file: 'simulations/small.yaml',
    config,
    report,
    variants: [{ name: 'one more land officer', config: variant, report: buildReport(variant, variantResults), comparison: compare('one more land officer', results, variantResults) }],
    variantNames: ['one more land officer'],
    warnings: [],
  });
}
