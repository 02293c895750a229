import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import type { SimConfig } from '../sim/config.ts';
import { logFormatOf } from '../export/event-log.ts';
import { caseLogHooks } from '../sim/case-log.ts';
import type { ReplicationResult } from '../sim/engine.ts';
import { runReplication } from '../sim/engine.ts';
import { type Comparison, type SimReport, buildReport, compare } from '../sim/report.ts';
import { loadScenario, stationLoad } from '../sim/scenario.ts';
import { simulate } from '../sim/simulate.ts';
import type { Estimate } from '../sim/stats.ts';
import { EXIT, type Io, json, pickLang } from './io.ts';
import { openLogFile } from './log-file.ts';

export const SIMULATE_USAGE = `motcua simulate [scenario.yaml] [--json] [--compare] [--events log.csv|log.xes] [--replications N] [--workers N] [--tui] [--allow-code] [--allow-outside] [--lang vi|en]
  Runs a scenario (simulations/province-2016.yaml by default): processing times, lateness and
  agency load; --compare adds each variant against the baseline with 95% confidence intervals;
  --events writes the baseline's event log for process mining: CSV with pm4py's columns, or IEEE XES;
  --tui shows a live progress bar, then a dashboard (←/→ procedure, tab variant).`;

export const DEFAULT_SCENARIO = new URL('../../simulations/province-2016.yaml', import.meta.url).pathname;

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
      workers: { type: 'string' },
      tui: { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new UsageError('usage', `simulate takes one scenario file. Run motcua simulate --help for the usage.`);
  if (values.events !== undefined) logFormatOf(values.events);
  const scenario = await loadScenario(positionals[0] ?? DEFAULT_SCENARIO, { allowCode: values['allow-code'], allowOutside: values['allow-outside'] });
  const override = (c: SimConfig): SimConfig => (values.replications === undefined ? c : { ...c, replications: count(values.replications, '--replications', 1) });
  const baseline = override(scenario.baseline);
  const workers = values.workers === undefined ? undefined : count(values.workers, '--workers');
  if (values.tui) {
    if (!isTty) throw new UsageError('not-a-terminal', `simulate --tui needs an interactive terminal. Without one, run: motcua simulate ${positionals[0] ?? ''} (a text report) or add --json.`.replace('  ', ' '));
    const { showSimulation } = await import('./simulate-tui.tsx');
    await showSimulation([{ name: 'baseline', config: baseline }, ...scenario.variants.map((v) => ({ name: v.name, config: override(v.config) }))], {
      lang: pickLang(values.lang, io.env),
      color: io.env['NO_COLOR'] === undefined,
      ...(workers === undefined ? {} : { workers }),
    });
    return EXIT.ok;
  }

  const warnings = stationLoad(baseline)
    .filter((l) => l.utilisation >= 1)
    .map((l) => `station ${l.station} is offered ${l.offeredHoursPerDay.toFixed(1)} h of work a day for ${l.capacityHoursPerDay.toFixed(1)} h of capacity (utilisation ${l.utilisation.toFixed(2)} ≥ 1): its queue will grow without bound. Add officers or lower the demand.`);
  for (const w of warnings) io.err(`motcua: warning: ${w}\n`);

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
    io.out(summary(report));
    for (const c of comparisons) io.out(comparison(c));
  }
  return EXIT.ok;
}

function count(text: string, flag: string, min = 0): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError('usage', `${flag} "${text}" must be a whole number ≥ ${min}.`, { path: [flag] });
  return n;
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

const ci = (e: Estimate, digits = 2) => `${e.mean.toFixed(digits)} ±${e.halfWidth.toFixed(digits)}`;
const pct = (e: Estimate) => `${(e.mean * 100).toFixed(1)}% ±${(e.halfWidth * 100).toFixed(1)}`;

/** The readable terminal summary. */
export function summary(report: SimReport): string {
  const s = report.scenario;
  const lines: string[] = [];
  lines.push(`${s.name}: ${s.replications} replications from ${s.start}, ${s.horizonDays} days (warm-up ${s.warmupDays}), seed ${s.seed}, ${s.calendar} calendar, ${s.discipline}`);
  lines.push('');
  lines.push('Procedures (per replication, mean ±95% CI; cycle time from receipt to result, in working days):');
  const header = ['procedure', 'started', 'finished', 'on time', 'late', 'mean', 'p50', 'p90', 'p95', 'max', 'apologies', 'suppl.', 'refused', 'withdrawn'];
  const rows = report.procedures.map((p) => [
    `${p.id}@${p.version}`,
    p.started.mean.toFixed(0),
    p.finished.mean.toFixed(0),
    pct(p.onTimeRate),
    p.late.mean.toFixed(0),
    ci(p.cycleWorkingDays.mean, 1),
    p.cycleWorkingDays.p50.mean.toFixed(1),
    p.cycleWorkingDays.p90.mean.toFixed(1),
    p.cycleWorkingDays.p95.mean.toFixed(1),
    p.cycleWorkingDays.max.mean.toFixed(1),
    p.apologies.mean.toFixed(0),
    p.supplementRequests.mean.toFixed(0),
    p.refused.mean.toFixed(0),
    p.withdrawn.mean.toFixed(0),
  ]);
  lines.push(...table(header, rows));
  lines.push('');
  lines.push('Stations (utilisation; queue wait in working hours; off-hours wait in hours):');
  const sh = ['station', 'officers', 'utilisation', 'queue wait', 'p95 wait', 'longest queue', 'off-hours wait'];
  const srows = report.stations.map((st) => [
    `${st.id}${report.bottleneck?.station === st.id ? ' ◀ bottleneck' : ''}`,
    String(st.officers),
    pct(st.utilisation),
    ci(st.queueWaitMean, 1),
    st.queueWaitP95.mean.toFixed(1),
    st.longestQueue.mean.toFixed(0),
    ci(st.offHoursWaitMean, 1),
  ]);
  lines.push(...table(sh, srows));
  lines.push('');
  const littleWorst = Math.max(0, ...report.checks.little.map((l) => l.relativeError));
  lines.push(`Checks: cases conserved in every replication: ${report.checks.conservation.every((c) => c.holds) ? 'yes' : 'NO'}; Little's law L = λW, largest relative gap ${(littleWorst * 100).toFixed(2)}% (cases still open at the end count in L).`);
  return `${lines.join('\n')}\n`;
}

function comparison(c: Comparison): string {
  const lines = ['', `Variant "${c.variant}" against the baseline (paired replications, difference ±95% CI):`];
  const rows = c.procedures.map((p) => [
    p.id,
    `${p.meanCycleWorkingDays.baseline.toFixed(1)} → ${p.meanCycleWorkingDays.variant.toFixed(1)} wd`,
    `${p.meanCycleWorkingDays.difference.mean >= 0 ? '+' : ''}${ci(p.meanCycleWorkingDays.difference, 1)}`,
    `${(p.onTimeRate.baseline * 100).toFixed(1)}% → ${(p.onTimeRate.variant * 100).toFixed(1)}%`,
    `${p.onTimeRate.difference.mean >= 0 ? '+' : ''}${(p.onTimeRate.difference.mean * 100).toFixed(1)} ±${(p.onTimeRate.difference.halfWidth * 100).toFixed(1)} pts`,
  ]);
  lines.push(...table(['procedure', 'mean cycle time', 'difference', 'on-time rate', 'difference'], rows));
  const srows = c.stations
    .filter((s) => Math.abs(s.utilisation.difference.mean) > 1e-9)
    .map((s) => [s.id, `${(s.utilisation.baseline * 100).toFixed(1)}% → ${(s.utilisation.variant * 100).toFixed(1)}%`, `${(s.utilisation.difference.mean * 100).toFixed(1)} ±${(s.utilisation.difference.halfWidth * 100).toFixed(1)} pts`]);
  if (srows.length > 0) lines.push('', ...table(['station', 'utilisation', 'difference'], srows));
  return `${lines.join('\n')}\n`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (r: readonly string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [fmt(header), ...rows.map(fmt)];
}
