import { parseArgs } from 'node:util';
import { label } from '../i18n/translate.ts';
import { UsageError } from '../errors.ts';
import { simulatedLog } from '../mining/simulator.ts';
import { type Validation, validate } from '../mining/validate.ts';
import { loadScenario } from '../node/scenario-files.ts';
import { EXIT, type Io, json } from './io.ts';
import { loadLogOrStore, loadMapping } from './log-input.ts';
import { VALIDATE_USAGE } from './usage.ts';

/** `motcua validate`. */
export async function validateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { log: { type: 'string' }, db: { type: 'string' }, map: { type: 'string' }, replications: { type: 'string' }, json: { type: 'boolean', default: false } },
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
  io.out(values.json ? json(v) : text(v));
  const poor = [v.cycleTime.verdict, v.arrivalsVerdict, v.waiting.verdict, ...v.activities.map((a) => a.verdict)].includes('poor');
  return poor ? EXIT.problems : EXIT.ok;
}

const f = (x: number, d = 2) => x.toFixed(d);

function text(v: Validation): string {
  const c = v.cycleTime;
  const lines = [
    `Validation: ${v.cases.log} cases in the log, ${v.cases.simulated} simulated (simulated ÷ log; verdicts: KS ≤ ${v.rules.ks.good} good, ≤ ${v.rules.ks.fair} fair; ratios within ${v.rules.ratio.good * 100}% good, ${v.rules.ratio.fair * 100}% fair)`,
    `  cycle time   KS ${f(c.ks, 3)} (p ${f(c.pValue, 2)}), earth mover's distance ${f(c.emdDays)} days, p50 ${f(c.log.p50Days)} → ${f(c.simulated.p50Days)} days (×${f(c.p50Ratio)}), p90 ${f(c.log.p90Days)} → ${f(c.simulated.p90Days)} days (×${f(c.p90Ratio)})  ${c.verdict}`,
    `  arrivals     ${f(v.arrivalsPerDay.log)} → ${f(v.arrivalsPerDay.simulated)} a working day (×${f(v.arrivalsPerDayRatio)})  ${v.arrivalsVerdict}`,
    `  work / wait  ${f(v.waiting.log.processingHours)} → ${f(v.waiting.simulated.processingHours)} h of timed work a case (×${f(v.waiting.processingRatio)}), ${f(v.waiting.log.waitingHours)} → ${f(v.waiting.simulated.waitingHours)} h waiting (×${f(v.waiting.waitingRatio)})  ${v.waiting.verdict}`,
    '  activities (completions per case):',
    ...v.activities.map((a) => `    ${a.activity.padEnd(24)} ${f(a.log, 3)} → ${f(a.simulated, 3)} (×${f(a.ratio)})  ${a.verdict}`),
  ];
  return `${lines.join('\n')}\n`;
}
