import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { packageFile } from '../node/package-root.ts';
import type { SimConfig } from '../sim/config.ts';
import { logFormatOf } from '../export/event-log.ts';
import { caseLogHooks } from '../sim/case-log.ts';
import type { ReplicationResult } from '../sim/engine.ts';
import { runReplication } from '../sim/engine.ts';
import { type Comparison, type SimReport, buildReport, compare } from '../sim/report.ts';
import { loadScenario } from '../node/scenario-files.ts';
import { simulate } from '../node/simulate.ts';
import { stationLoad } from '../sim/scenario.ts';
import { SCENARIO_LIMITS } from '../sim/scenario-schema.ts';
import { type Lang, formatNumber, t } from '../i18n/translate.ts';
import { EXIT, type Io, MAX_WORKERS, json, pickLang, wholeNumberFlag } from './io.ts';
import { openLogFile } from './log-file.ts';
import { comparisonSummary, summary } from './sim-summary.ts';
import { SIMULATE_USAGE } from './usage.ts';

export const DEFAULT_SCENARIO = packageFile('simulations/province-2016.yaml');

/** `motcua simulate`. */
export async function simulateCommand(args: readonly string[], io: Io, isTty: boolean): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      'allow-code': { type: 'boolean', default: false },
      'allow-outside': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
      events: { type: 'string' },
      replications: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      tui: { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const lang = pickLang(values.lang, io.env);
  if (positionals.length > 1) throw new UsageError('usage', `simulate takes one scenario file. Run motcua simulate --help for the usage.`);
  if (values.events !== undefined) logFormatOf(values.events);
  const scenario = await loadScenario(positionals[0] ?? DEFAULT_SCENARIO, { allowCode: values['allow-code'], allowOutside: values['allow-outside'] });
  const replications = values.replications === undefined ? undefined : wholeNumberFlag(values.replications, '--replications', 1, SCENARIO_LIMITS.replications);
  const seed = values.seed === undefined ? undefined : wholeNumberFlag(values.seed, '--seed');
  // --seed and --replications override the scenario file, for the baseline and every variant alike.
  const override = (c: SimConfig): SimConfig => ({ ...c, ...(replications === undefined ? {} : { replications }), ...(seed === undefined ? {} : { seed }) });
  const baseline = override(scenario.baseline);
  const workers = values.workers === undefined ? undefined : wholeNumberFlag(values.workers, '--workers', 0, MAX_WORKERS);
  if (values.tui) {
    if (!isTty) throw new UsageError('not-a-terminal', `simulate --tui needs an interactive terminal. Without one, run: motcua simulate ${positionals[0] ?? ''} (a text report) or add --json.`.replace('  ', ' '));
    const { showSimulation } = await import('./simulate-tui.tsx');
    await showSimulation([{ name: 'baseline', config: baseline }, ...scenario.variants.map((v) => ({ name: v.name, config: override(v.config) }))], {
      lang,
      color: io.env['NO_COLOR'] === undefined,
      ...(workers === undefined ? {} : { workers }),
    });
    return EXIT.ok;
  }

  const overloaded = stationLoad(baseline).filter((l) => l.utilisation >= 1);
  const overload = (l: (typeof overloaded)[number], in_: Lang) =>
    t(in_, 'sim.warn.overload', { station: l.station, offered: formatNumber(l.offeredHoursPerDay, in_, 1), capacity: formatNumber(l.capacityHoursPerDay, in_, 1), utilisation: formatNumber(l.utilisation, in_, 2) });
  const warnings = overloaded.map((l) => overload(l, 'en'));
  for (const l of overloaded) io.err(`motcua: ${t(lang, 'warning', { text: overload(l, lang) })}\n`);

  const progress = isTty && !values.json ? progressBar(io) : undefined;
  const run = async (config: SimConfig, label: string): Promise<ReplicationResult[]> => {
    progress?.(label, 0, config.replications);
    if (values.events !== undefined && label === 'baseline') return runWithLog(config, values.events, (d) => progress?.(label, d, config.replications));
    return simulate(config, { ...(workers === undefined ? {} : { workers }), onReplication: (d, n) => progress?.(label, d, n) });
  };
  const results = await run(baseline, 'baseline');
  const report = buildReport(baseline, results);
  const comparisons: Comparison[] = [];
  if (values.compare) {
    for (const v of scenario.variants) comparisons.push(compare(v.name, results, await run(override(v.config), v.name)));
  }
  progress?.('', 0, 0);

  if (values.json) {
    io.out(json({ ...report, warnings, ...(values.compare ? { comparisons } : {}) }));
  } else {
    io.out(summary(report, lang));
    for (const c of comparisons) io.out(comparisonSummary(c, lang));
  }
  return EXIT.ok;
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

function progressBar(io: Io): (label: string, done: number, total: number) => void {
  const started = Date.now();
  return (label, done, total) => {
    if (total === 0) {
      io.err('\r\x1b[K');
      return;
    }
    const width = 30;
    const filled = Math.round((done / total) * width);
    const elapsed = (Date.now() - started) / 1000;
    const eta = done === 0 ? '' : ` ETA ${Math.max(0, Math.round((elapsed / done) * (total - done)))} s`;
    io.err(`\r\x1b[K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} replications${eta}`);
  };
}
