import { type Lang, formatNumber, t } from '../i18n/translate.ts';
import type { Comparison, SimReport } from '../sim/report.ts';
import type { Estimate } from '../sim/stats.ts';

const fixed = (x: number, digits: number, lang: Lang) => formatNumber(x, lang, digits);
const ci = (e: Estimate, digits: number, lang: Lang) => `${fixed(e.mean, digits, lang)} ±${fixed(e.halfWidth, digits, lang)}`;
const pct = (e: Estimate, lang: Lang) => `${fixed(e.mean * 100, 1, lang)}% ±${fixed(e.halfWidth * 100, 1, lang)}`;
const signed = (x: Estimate, scale: number, lang: Lang) => `${x.mean >= 0 ? '+' : ''}${fixed(x.mean * scale, 1, lang)} ±${fixed(x.halfWidth * scale, 1, lang)}`;

/** The readable terminal summary of a simulation, in either language. */
export function summary(report: SimReport, lang: Lang = 'en'): string {
  const s = report.scenario;
  const lines: string[] = [];
  lines.push(t(lang, 'sim.scenario', { name: s.name, replications: s.replications, start: s.start, horizon: s.horizonDays, warmup: s.warmupDays, seed: s.seed, calendar: s.calendar, discipline: s.discipline }));
  lines.push('');
  lines.push(t(lang, 'sim.procedures'));
  const h = (key: Parameters<typeof col>[1]) => col(lang, key);
  const header = [h('procedure'), h('started'), h('finished'), h('onTime'), h('late'), h('mean'), 'p50', 'p90', 'p95', h('max'), h('apologies'), h('supplements'), h('refused'), h('withdrawn')];
  const rows = report.procedures.map((p) => [
    `${p.id}@${p.version}`,
    fixed(p.started.mean, 0, lang),
    fixed(p.finished.mean, 0, lang),
    pct(p.onTimeRate, lang),
    fixed(p.late.mean, 0, lang),
    ci(p.cycleWorkingDays.mean, 1, lang),
    fixed(p.cycleWorkingDays.p50.mean, 1, lang),
    fixed(p.cycleWorkingDays.p90.mean, 1, lang),
    fixed(p.cycleWorkingDays.p95.mean, 1, lang),
    fixed(p.cycleWorkingDays.max.mean, 1, lang),
    fixed(p.apologies.mean, 0, lang),
    fixed(p.supplementRequests.mean, 0, lang),
    fixed(p.refused.mean, 0, lang),
    fixed(p.withdrawn.mean, 0, lang),
  ]);
  lines.push(...table(header, rows));
  lines.push('');
  lines.push(t(lang, 'sim.stations'));
  const sh = [h('station'), h('officers'), h('utilisation'), h('queueWait'), h('p95Wait'), h('longestQueue'), h('offHoursWait')];
  const srows = report.stations.map((st) => [
    `${st.id}${report.bottleneck?.station === st.id ? ` ◀ ${t(lang, 'sim.bottleneck')}` : ''}`,
    String(st.officers),
    pct(st.utilisation, lang),
    ci(st.queueWaitMean, 1, lang),
    fixed(st.queueWaitP95.mean, 1, lang),
    fixed(st.longestQueue.mean, 0, lang),
    ci(st.offHoursWaitMean, 1, lang),
  ]);
  lines.push(...table(sh, srows));
  lines.push('');
  const littleWorst = Math.max(0, ...report.checks.little.map((l) => l.relativeError));
  const conserved = t(lang, report.checks.conservation.every((c) => c.holds) ? 'yes' : 'no');
  lines.push(t(lang, 'sim.checks', { conserved, gap: fixed(littleWorst * 100, 2, lang) }));
  const d766 = report.indicators?.decision766;
  if (d766 !== undefined) {
    const ranking = d766.byAgency.map((a) => `${a.rank}. ${a.agency}`).join(', ');
    lines.push(t(lang, 'sim.d766', { onTime: pct(d766.onTimeRate, lang), satisfaction: pct(d766.satisfactionRate, lang), ranking }));
  }
  return `${lines.join('\n')}\n`;
}

/** A reform variant against the baseline, after the summary. */
export function comparisonSummary(c: Comparison, lang: Lang = 'en'): string {
  const lines = ['', t(lang, 'sim.variant', { variant: c.variant })];
  const h = (key: Parameters<typeof col>[1]) => col(lang, key);
  const wd = t(lang, 'unit.wd.short');
  const pts = t(lang, 'sim.points');
  const rows = c.procedures.map((p) => [
    p.id,
    `${fixed(p.meanCycleWorkingDays.baseline, 1, lang)} → ${fixed(p.meanCycleWorkingDays.variant, 1, lang)} ${wd}`,
    signed(p.meanCycleWorkingDays.difference, 1, lang),
    `${fixed(p.onTimeRate.baseline * 100, 1, lang)}% → ${fixed(p.onTimeRate.variant * 100, 1, lang)}%`,
    `${signed(p.onTimeRate.difference, 100, lang)} ${pts}`,
  ]);
  lines.push(...table([h('procedure'), h('meanCycle'), h('difference'), h('onTimeRate'), h('difference')], rows));
  const srows = c.stations
    .filter((s) => Math.abs(s.utilisation.difference.mean) > 1e-9)
    .map((s) => [s.id, `${fixed(s.utilisation.baseline * 100, 1, lang)}% → ${fixed(s.utilisation.variant * 100, 1, lang)}%`, `${signed(s.utilisation.difference, 100, lang)} ${pts}`]);
  if (srows.length > 0) lines.push('', ...table([h('station'), h('utilisation'), h('difference')], srows));
  const d766 = c.indicators?.decision766;
  if (d766 !== undefined) {
    const move = (f: { baseline: number; variant: number; difference: Estimate }, scale: number) =>
      `${fixed(f.baseline * scale, 1, lang)} → ${fixed(f.variant * scale, 1, lang)} (${signed(f.difference, scale, lang)})`;
    lines.push('', t(lang, 'sim.d766.compare', { onTime: move(d766.onTimeRate, 100), satisfaction: move(d766.satisfactionRate, 100), points: move(d766.points, 1) }));
  }
  return `${lines.join('\n')}\n`;
}

type Column =
  | 'procedure' | 'started' | 'finished' | 'onTime' | 'late' | 'mean' | 'max' | 'apologies' | 'supplements' | 'refused' | 'withdrawn'
  | 'station' | 'officers' | 'utilisation' | 'queueWait' | 'p95Wait' | 'longestQueue' | 'offHoursWait' | 'meanCycle' | 'difference' | 'onTimeRate';

function col(lang: Lang, key: Column): string {
  return t(lang, `sim.col.${key}`);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (r: readonly string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [fmt(header), ...rows.map(fmt)];
}
