import { parseArgs } from 'node:util';
import { type Lang, formatNumber, label, t } from '../i18n/translate.ts';
import { UsageError } from '../errors.ts';
import { simulatedLog } from '../mining/simulator.ts';
import { type Validation, validate } from '../mining/validate.ts';
import { loadScenario } from '../node/scenario-files.ts';
import { EXIT, type Io, json, pickLang } from './io.ts';
import { loadLogOrStore, loadMapping } from './log-input.ts';
import { VALIDATE_USAGE } from './usage.ts';

/** `motcua validate`. */
export async function validateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { log: { type: 'string' }, db: { type: 'string' }, map: { type: 'string' }, replications: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('usage', label('error.takes-one-scenario', { command: 'validate' }));
  const scenario = await loadScenario(positionals[0]!);
  const replications = values.replications === undefined ? scenario.baseline.replications : Number(values.replications);
  if (!Number.isInteger(replications) || replications < 1) throw new UsageError('usage', label('error.whole-number.min', { flag: '--replications', text: String(values.replications), min: 1 }), { path: ['--replications'] });
  const log = await loadLogOrStore(values.log, values.db, await loadMapping(values.map), 'validate', '--log');
  const simulated = simulatedLog({ ...scenario.baseline, replications }).log;
  const v = validate(log, simulated, { procedures: scenario.baseline.procedures.map((p) => p.spec.id) });
  io.out(values.json ? json(v) : text(v, pickLang(values.lang, io.env)));
  const poor = [v.cycleTime.verdict, v.arrivalsVerdict, v.waiting.verdict, ...v.activities.map((a) => a.verdict)].includes('poor');
  return poor ? EXIT.problems : EXIT.ok;
}

function text(v: Validation, lang: Lang): string {
  const f = (x: number, d = 2) => formatNumber(x, lang, d);
  const verdict = (w: 'good' | 'fair' | 'poor') => t(lang, `mining.verdict.${w}`);
  const c = v.cycleTime;
  const lines = [
    t(lang, 'mining.validate.head', { log: v.cases.log, simulated: v.cases.simulated, ksGood: formatNumber(v.rules.ks.good, lang), ksFair: formatNumber(v.rules.ks.fair, lang), ratioGood: formatNumber(v.rules.ratio.good * 100, lang), ratioFair: formatNumber(v.rules.ratio.fair * 100, lang) }),
    t(lang, 'mining.validate.cycle', { ks: f(c.ks, 3), p: f(c.pValue, 2), emd: f(c.emdDays), p50Log: f(c.log.p50Days), p50Sim: f(c.simulated.p50Days), p50Ratio: f(c.p50Ratio), p90Log: f(c.log.p90Days), p90Sim: f(c.simulated.p90Days), p90Ratio: f(c.p90Ratio), verdict: verdict(c.verdict) }),
    t(lang, 'mining.validate.arrivals', { log: f(v.arrivalsPerDay.log), simulated: f(v.arrivalsPerDay.simulated), ratio: f(v.arrivalsPerDayRatio), verdict: verdict(v.arrivalsVerdict) }),
    t(lang, 'mining.validate.work', { workLog: f(v.waiting.log.processingHours), workSim: f(v.waiting.simulated.processingHours), workRatio: f(v.waiting.processingRatio), waitLog: f(v.waiting.log.waitingHours), waitSim: f(v.waiting.simulated.waitingHours), waitRatio: f(v.waiting.waitingRatio), verdict: verdict(v.waiting.verdict) }),
    t(lang, 'mining.validate.activities'),
    ...v.activities.map((a) => `    ${a.activity.padEnd(24)} ${f(a.log, 3)} → ${f(a.simulated, 3)} (×${f(a.ratio)})  ${verdict(a.verdict)}`),
  ];
  return `${lines.join('\n')}\n`;
}
