import { mkdir, writeFile } from 'node:fs/promises';
import { type Lang, formatNumber, label, t } from '../i18n/translate.ts';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { type Discovery, discover } from '../mining/discover.ts';
import type { ProcessTree } from '../mining/process-tree.ts';
import { EXIT, type Io, json, pickLang } from './io.ts';
import { loadLogOrStore, loadMapping } from './log-input.ts';
import { DISCOVER_USAGE } from './usage.ts';

/** `motcua discover`: a draft procedure and its scenario from an event log. */
export async function discoverCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { output: { type: 'string', short: 'o' }, db: { type: 'string' }, 'min-frequency': { type: 'string' }, procedure: { type: 'string' }, map: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new UsageError('usage', label('error.takes-one-log', { command: 'discover' }));
  if (values.output === undefined) throw new UsageError('usage', label('error.discover.output'), { path: ['-o'] });
  const minFrequency = values['min-frequency'] === undefined ? undefined : Number(values['min-frequency']);
  if (minFrequency !== undefined && !(minFrequency >= 0 && minFrequency < 1)) throw new UsageError('usage', label('error.discover.min-frequency', { text: values['min-frequency']! }), { path: ['--min-frequency'] });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('usage', label('error.seed.whole', { text: values.seed! }), { path: ['--seed'] });
  const log = await loadLogOrStore(positionals[0], values.db, await loadMapping(values.map), 'discover');
  const d = discover(log, { ...(minFrequency === undefined ? {} : { minFrequency }), ...(values.procedure === undefined ? {} : { procedure: values.procedure }), ...(seed === undefined ? {} : { seed }), procedureFile: 'procedure.yaml' });
  await mkdir(values.output, { recursive: true });
  const procedureFile = join(values.output, 'procedure.yaml');
  const scenarioFile = join(values.output, 'scenario.yaml');
  await writeFile(procedureFile, d.procedureYaml);
  await writeFile(scenarioFile, d.scenario.yaml);
  const lang = pickLang(values.lang, io.env);
  io.err(`motcua: ${t(lang, 'mining.discover.written', { procedure: procedureFile, scenario: scenarioFile })}\n`);
  if (values.json) {
    const { procedureYaml: _, scenario, ...rest } = d;
    const { yaml: __, ...figures } = scenario;
    io.out(json({ ...rest, leftOut: rest.leftOut.map((l) => l.en), scenario: figures, files: { procedure: procedureFile, scenario: scenarioFile } }));
  } else io.out(text(d, lang));
  return EXIT.ok;
}

/** The flow in one line: `a → (b 30% | skip 70%) → (c ∥ d)`, a skipped branch in the words given. */
export function outline(tree: ProcessTree, skip = 'skip'): string {
  const inner = (c: ProcessTree) => outline(c, skip);
  switch (tree.kind) {
    case 'activity':
      return tree.activity;
    case 'skip':
      return skip;
    case 'sequence':
      return tree.children.map(inner).join(' → ');
    case 'parallel':
      return `(${tree.children.map(inner).join(' ∥ ')})`;
    case 'exclusive': {
      const all = tree.cases.reduce((s, n) => s + n, 0);
      return `(${tree.children.map((c, i) => `${inner(c)} ${Math.round((100 * tree.cases[i]!) / all)}%`).join(' | ')})`;
    }
  }
}

function text(d: Discovery, lang: Lang): string {
  const h = (x: number | undefined) => (x === undefined ? '—' : formatNumber(x, lang, 1));
  const col = (k: 'step' | 'agency' | 'cases' | 'rework' | 'work' | 'wait' | 'share') => t(lang, `mining.discover.col.${k}`);
  const c = d.cases;
  const lines = [
    t(lang, 'mining.discover.head', { cases: c.ofProcedure, used: c.used, endedEarly: c.endedEarly, percent: formatNumber(d.minFrequency * 100, lang) }),
    t(lang, 'mining.discover.flow', { flow: outline(d.tree, t(lang, 'mining.discover.skip')) }),
    '',
    `${col('step').padEnd(26)}${col('agency').padEnd(16)}${col('cases').padStart(7)}${col('rework').padStart(8)}${col('work').padStart(8)}${col('wait').padStart(8)}  ${col('share')}`,
    ...d.steps.map((s) => `${s.step.padEnd(26)}${s.agency.padEnd(16)}${String(s.cases).padStart(7)}${String(s.reworkCases).padStart(8)}${h(s.workHours).padStart(8)}${h(s.waitHours).padStart(8)}  ${s.share}`),
    ...(d.intervals.length === 0
      ? []
      : [
          '',
          t(lang, 'mining.discover.excluded'),
          ...d.intervals.map((i) =>
            t(lang, 'mining.discover.interval', {
              id: i.id,
              reason: t(lang, `excluded.${i.reason}`),
              party: i.party === 'applicant' ? t(lang, 'mining.discover.by-applicant') : t(lang, 'mining.discover.started-by', { party: i.party }),
              lasting: i.lasts === undefined ? t(lang, 'mining.discover.mean-days', { days: formatNumber(i.meanDays, lang) }) : t(lang, 'mining.discover.lasts', { lasts: i.lasts }),
              cases: i.cases,
            }),
          ),
        ]),
    ...(d.consultations.length === 0
      ? []
      : [
          '',
          t(lang, 'mining.discover.consultations'),
          ...d.consultations.map((k) =>
            t(lang, 'mining.discover.consultation', { id: k.id, lead: k.lead, consulted: k.consulted.join(', '), within: k.answerWithin, deemedConsent: k.deemedConsent ? t(lang, 'mining.discover.deemed-consent') : '', cases: k.cases, answers: k.answers, deemed: k.deemed }),
          ),
        ]),
    '',
    t(lang, 'mining.discover.stations', {
      stations: Object.entries(d.scenario.stations).map(([id, s]) => `${id} ${s.officers}`).join(', '),
      perDay: formatNumber(d.scenario.perDay.p, lang, 1),
      channels: Object.entries(d.scenario.channels).map(([ch, r]) => `${ch} ${Math.round(r.p * 100)}%`).join(', ') || t(lang, 'mining.discover.no-channels'),
    }),
    t(lang, 'mining.discover.left-out'),
    ...d.leftOut.map((l) => `  - ${l[lang]}`),
  ];
  return `${lines.join('\n')}\n`;
}
