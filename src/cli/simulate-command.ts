import { parseArgs } from 'node:util';
import { label } from '../i18n/translate.ts';
import { UsageError } from '../errors.ts';
import { logFormatOf } from '../export/event-log.ts';
import { packageFile } from '../node/package-root.ts';
import { overloadWarnings, runScenario } from '../node/run-scenario.ts';
import { loadScenario } from '../node/scenario-files.ts';
import { SCENARIO_LIMITS } from '../sim/scenario/values.ts';
import { t } from '../i18n/translate.ts';
import { EXIT, type Io, MAX_WORKERS, json, pickLang, wholeNumberFlag } from './io.ts';
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
  if (positionals.length > 1) throw new UsageError('usage', label('error.takes-one-scenario', { command: 'simulate' }));
  if (values.events !== undefined) logFormatOf(values.events);
  const scenario = await loadScenario(positionals[0] ?? DEFAULT_SCENARIO, { allowCode: values['allow-code'], allowOutside: values['allow-outside'] });
  const replications = values.replications === undefined ? undefined : wholeNumberFlag(values.replications, '--replications', 1, SCENARIO_LIMITS.replications);
  const seed = values.seed === undefined ? undefined : wholeNumberFlag(values.seed, '--seed');
  const workers = values.workers === undefined ? undefined : wholeNumberFlag(values.workers, '--workers', 0, MAX_WORKERS);
  // --seed and --replications override the scenario file, for the baseline and every variant alike.
  const options = { ...(replications === undefined ? {} : { replications }), ...(seed === undefined ? {} : { seed }), ...(workers === undefined ? {} : { workers }) };
  if (values.tui) {
    if (!isTty) throw new UsageError('not-a-terminal', label('error.not-a-terminal.simulate', { command: `motcua simulate ${positionals[0] ?? ''}`.trimEnd() }));
    const { showSimulation } = await import('./simulate-tui.tsx');
    await showSimulation(scenario, options, { lang, color: io.env['NO_COLOR'] === undefined });
    return EXIT.ok;
  }

  const progress = isTty && !values.json ? progressBar(io) : undefined;
  const run = await runScenario(scenario, {
    ...options,
    compare: values.compare,
    ...(values.events === undefined ? {} : { events: values.events }),
    ...(progress === undefined ? {} : { onProgress: progress }),
    onOverload: (overloaded) => {
      for (const w of overloadWarnings({ overloaded }, lang)) io.err(`motcua: ${t(lang, 'warning', { text: w })}\n`);
    },
  });
  progress?.('', 0, 0);
  const { report } = run;
  const warnings = overloadWarnings(run, 'en');
  const comparisons = run.variants.map((v) => v.comparison);

  if (values.json) {
    io.out(json({ ...report, warnings, ...(values.compare ? { comparisons } : {}) }));
  } else {
    io.out(summary(report, lang));
    for (const c of comparisons) io.out(comparisonSummary(c, lang));
  }
  return EXIT.ok;
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
