import { type Lang, formatNumber, t } from '../i18n/translate.ts';
import type { SimConfig } from '../sim/config.ts';
import { caseLogHooks } from '../sim/case-log.ts';
import { type ReplicationResult, runReplication } from '../sim/engine.ts';
import { type Comparison, type SimReport, buildReport, compare } from '../sim/report.ts';
import type { Scenario } from '../sim/scenario/index.ts';
import { type StationLoad, stationLoad } from '../sim/scenario/load.ts';
import { openLogFile } from './log-file.ts';
import { simulate } from './simulate.ts';

/**
 * How a scenario is run: the same for `motcua simulate`, `motcua report` and `simulate --tui`, so
 * that the three give the same figures for the same scenario and flags.
 */
export interface ScenarioRunOptions {
  /** Overrides the scenario's replications, for the baseline and every variant alike. */
  readonly replications?: number;
  /** Overrides the scenario's seed, for the baseline and every variant alike. */
  readonly seed?: number;
  /** Worker threads beside this one (see `simulate`). */
  readonly workers?: number;
  /** Run every variant too, on the same random streams as the baseline (paired differences). */
  readonly compare?: boolean;
  /** Write the baseline's cases to this event log (.csv or .xes); the baseline then runs on this thread. */
  readonly events?: string;
  /** Called with 0 when a run starts, then after each of its replications. */
  readonly onProgress?: (run: string, done: number, total: number) => void;
  /** Called before anything runs with the stations whose queues will grow without bound, if any. */
  readonly onOverload?: (overloaded: readonly StationLoad[]) => void;
}

/** A variant, run and compared with the baseline. */
export interface VariantRun {
  readonly name: string;
  readonly config: SimConfig;
  readonly results: readonly ReplicationResult[];
  readonly report: SimReport;
  readonly comparison: Comparison;
}

/** What a scenario gave. */
export interface ScenarioRun {
  readonly baseline: SimConfig;
  readonly results: readonly ReplicationResult[];
  readonly report: SimReport;
  /** Empty unless `compare` was asked for. */
  readonly variants: readonly VariantRun[];
  /** Stations offered at least as much work as they can do: their queues grow without bound. */
  readonly overloaded: readonly StationLoad[];
}

/** The baseline's and the variants' configurations, with the overrides applied. */
export function scenarioConfigs(scenario: Scenario, options: Pick<ScenarioRunOptions, 'replications' | 'seed'> = {}): { baseline: SimConfig; variants: { name: string; config: SimConfig }[] } {
  const override = (c: SimConfig): SimConfig => ({ ...c, ...(options.replications === undefined ? {} : { replications: options.replications }), ...(options.seed === undefined ? {} : { seed: options.seed }) });
  return { baseline: override(scenario.baseline), variants: scenario.variants.map((v) => ({ name: v.name, config: override(v.config) })) };
}

/**
 * Runs a scenario: the baseline, then (with `compare`) each variant on the same random streams,
 * with its report and its paired comparison with the baseline.
 *
 * @example
 * const run = await runScenario(await loadScenario('simulations/province-2016.yaml'), { replications: 5, compare: true });
 * console.log(run.report.procedures[0].onTimeRate.mean, run.variants.map((v) => v.comparison.variant));
 */
export async function runScenario(scenario: Scenario, options: ScenarioRunOptions = {}): Promise<ScenarioRun> {
  const { baseline, variants } = scenarioConfigs(scenario, options);
  const overloaded = stationLoad(baseline).filter((l) => l.utilisation >= 1);
  if (overloaded.length > 0) options.onOverload?.(overloaded);
  const run = async (config: SimConfig, label: string, events?: string): Promise<ReplicationResult[]> => {
    options.onProgress?.(label, 0, config.replications);
    const onReplication = (done: number) => options.onProgress?.(label, done, config.replications);
    if (events !== undefined) return runWithLog(config, events, onReplication);
    return simulate(config, { ...(options.workers === undefined ? {} : { workers: options.workers }), onReplication });
  };
  const results = await run(baseline, 'baseline', options.events);
  const variantRuns: VariantRun[] = [];
  if (options.compare === true) {
    for (const v of variants) {
      const variantResults = await run(v.config, v.name);
      variantRuns.push({ name: v.name, config: v.config, results: variantResults, report: buildReport(v.config, variantResults), comparison: compare(v.name, results, variantResults) });
    }
  }
  return { baseline, results, report: buildReport(baseline, results), variants: variantRuns, overloaded };
}

/** The warning for each overloaded station, in `lang`. */
export function overloadWarnings(run: Pick<ScenarioRun, 'overloaded'>, lang: Lang): string[] {
  return run.overloaded.map((l) =>
    t(lang, 'sim.warn.overload', { station: l.station, offered: formatNumber(l.offeredHoursPerDay, lang, 1), capacity: formatNumber(l.capacityHoursPerDay, lang, 1), utilisation: formatNumber(l.utilisation, lang, 2) }),
  );
}

/** Runs on this thread, writing every case to an event log (CSV or XES, by the file's name) as it ends. */
async function runWithLog(config: SimConfig, file: string, onReplication: (done: number) => void): Promise<ReplicationResult[]> {
  const log = openLogFile(file, `motcua simulation ${config.name}`);
  const results: ReplicationResult[] = [];
  try {
    for (let r = 0; r < config.replications; r++) {
      const recorder = caseLogHooks(r, log.write);
      results.push(runReplication(config, r, recorder.hooks));
      recorder.flush();
      onReplication(r + 1);
    }
  } finally {
    log.close();
  }
  return results;
}
