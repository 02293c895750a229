import { writeFile } from 'node:fs/promises';
import { type Lang, formatNumber, label, t } from '../i18n/translate.ts';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { type Candidate, type StaffResult, isRate, parseTarget, searchStaffing } from '../mining/staff.ts';
import { renderStaffPage } from '../report/staff-html.ts';
import type { SimConfig } from '../sim/config.ts';
import { loadScenario } from '../node/scenario-files.ts';
import { staffEvaluator } from '../node/staff-evaluator.ts';
import { EXIT, type Io, json, pickLang } from './io.ts';
import { STAFF_USAGE } from './usage.ts';

const whole = (text: string | undefined, flag: string, min: number): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError('usage', label('error.whole-number.min', { flag, text, min }), { path: [flag] });
  return n;
};

/** `motcua staff`. */
export async function staffCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      target: { type: 'string' },
      'max-officers': { type: 'string' },
      'max-evaluations': { type: 'string' },
      replications: { type: 'string' },
      horizon: { type: 'string' },
      workers: { type: 'string' },
      html: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('usage', label('error.takes-one-scenario', { command: 'staff' }));
  if (values.target === undefined) throw new UsageError('usage', label('error.staff.target'), { path: ['--target'] });
  const target = parseTarget(values.target);
  const scenario = await loadScenario(positionals[0]!);
  const replications = whole(values.replications, '--replications', 2);
  const horizon = values.horizon === undefined ? undefined : whole(values.horizon.replace(/d$/, ''), '--horizon', 1);
  const base: SimConfig = { ...scenario.baseline, ...(replications === undefined ? {} : { replications }), ...(horizon === undefined ? {} : { horizonDays: horizon, warmupDays: Math.min(scenario.baseline.warmupDays, Math.floor(horizon / 4)) }) };
  const workers = whole(values.workers, '--workers', 0);
  const evaluate = staffEvaluator(base, target, workers === undefined ? {} : { workers });
  const maxOfficers = whole(values['max-officers'], '--max-officers', 1);
  const maxEvaluations = whole(values['max-evaluations'], '--max-evaluations', 2);
  const result = await searchStaffing(base, target, evaluate, { ...(maxOfficers === undefined ? {} : { maxOfficers }), ...(maxEvaluations === undefined ? {} : { maxEvaluations }) });
  const lang = pickLang(values.lang, io.env);
  if (values.html !== undefined) {
    await writeFile(values.html, renderStaffPage(result, lang));
    io.err(`motcua: ${t(lang, 'mining.staff.page-written', { file: values.html })}\n`);
  }
  io.out(values.json ? json(result) : text(result, lang));
  return result.best === undefined ? EXIT.problems : EXIT.ok;
}

function text(r: StaffResult, lang: Lang): string {
  const pct = isRate(r.target.metric);
  const f = (x: number) => (pct ? `${formatNumber(x * 100, lang, 1)}%` : formatNumber(x, lang, 2));
  // A comma is the decimal mark in Vietnamese: the bounds of an interval are kept apart by a semicolon.
  const sep = lang === 'vi' ? '; ' : ', ';
  const est = (c: Candidate) => `${f(c.value.mean)} ±${f(c.value.halfWidth)}`;
  const col = (k: 'station' | 'scenario' | 'answer' | 'change' | 'total' | 'figure' | 'interval') => t(lang, `mining.staff.col.${k}`);
  const lines = [
    t(lang, 'mining.staff.target', { target: r.target.text, n: r.evaluations }),
    t(lang, r.scenario.meets ? 'mining.staff.scenario.meets' : 'mining.staff.scenario.misses', { total: r.scenario.total, estimate: est(r.scenario) }),
    r.best === undefined ? t(lang, 'mining.staff.none') : t(lang, 'mining.staff.best', { total: r.best.total, estimate: est(r.best) }),
    '',
    `${col('station').padEnd(28)}${col('scenario').padStart(8)}${col('answer').padStart(8)}${col('change').padStart(8)}`,
    ...r.changes.map((c) => `${c.station.padEnd(28)}${String(c.scenario).padStart(8)}${String(c.best ?? '—').padStart(8)}${(c.best === undefined ? '' : c.best === c.scenario ? '0' : c.best > c.scenario ? `+${c.best - c.scenario}` : String(c.best - c.scenario)).padStart(8)}`),
    '',
    t(lang, 'mining.staff.frontier', { monotone: t(lang, r.monotone ? 'mining.staff.monotone' : 'mining.staff.not-monotone') }),
    `${col('total').padStart(14)}  ${col('figure').padEnd(11)}${col('interval')}`,
    ...r.frontier.map((p) => `${String(p.total).padStart(14)}  ${f(p.mean).padStart(8)}   [${f(p.low)}${sep}${f(p.high)}]`),
  ];
  return `${lines.join('\n')}\n`;
}
