import { mkdir, writeFile } from 'node:fs/promises';
import { label } from '../i18n/translate.ts';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { type Discovery, discover } from '../mining/discover.ts';
import type { ProcessTree } from '../mining/process-tree.ts';
import { EXIT, type Io, json } from './io.ts';
import { loadLogOrStore, loadMapping } from './log-input.ts';
import { DISCOVER_USAGE } from './usage.ts';

/** `motcua discover`: a draft procedure and its scenario from an event log. */
export async function discoverCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { output: { type: 'string', short: 'o' }, db: { type: 'string' }, 'min-frequency': { type: 'string' }, procedure: { type: 'string' }, map: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean', default: false } },
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
  io.err(`motcua: draft procedure written to ${procedureFile}, its scenario to ${scenarioFile}\n`);
  if (values.json) {
    const { procedureYaml: _, scenario, ...rest } = d;
    const { yaml: __, ...figures } = scenario;
    io.out(json({ ...rest, scenario: figures, files: { procedure: procedureFile, scenario: scenarioFile } }));
  } else io.out(text(d));
  return EXIT.ok;
}

/** The flow in one line: `a → (b 30% | skip 70%) → (c ∥ d)`. */
export function outline(t: ProcessTree): string {
  switch (t.kind) {
    case 'activity':
      return t.activity;
    case 'skip':
      return 'skip';
    case 'sequence':
      return t.children.map(outline).join(' → ');
    case 'parallel':
      return `(${t.children.map(outline).join(' ∥ ')})`;
    case 'exclusive': {
      const all = t.cases.reduce((s, n) => s + n, 0);
      return `(${t.children.map((c, i) => `${outline(c)} ${Math.round((100 * t.cases[i]!) / all)}%`).join(' | ')})`;
    }
  }
}

const h = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(1));

function text(d: Discovery): string {
  const c = d.cases;
  const lines = [
    `Discovered from ${c.ofProcedure} cases (${c.used} finished ones make the flow; ${c.endedEarly} refused, withdrawn or in progress count in the rates only), activities and edges in at least ${d.minFrequency * 100}% of the cases:`,
    `  flow: ${outline(d.tree)}`,
    '',
    'step                      agency            cases  rework  work h  wait h  share',
    ...d.steps.map((s) => `${s.step.padEnd(26)}${s.agency.padEnd(16)}${String(s.cases).padStart(7)}${String(s.reworkCases).padStart(8)}${h(s.workHours).padStart(8)}${h(s.waitHours).padStart(8)}  ${s.share}`),
    ...(d.intervals.length === 0 ? [] : ['', 'Excluded from the limit:', ...d.intervals.map((i) => `  ${i.id}: ${i.reason}, ${i.party === 'applicant' ? 'by the applicant' : `started by ${i.party}`}, ${i.lasts === undefined ? `${i.meanDays} days on average` : `lasts ${i.lasts}`} (${i.cases} cases)`)]),
    ...(d.consultations.length === 0 ? [] : ['', 'Consultations:', ...d.consultations.map((c) => `  ${c.id}: ${c.lead} consults ${c.consulted.join(', ')}, answer within ${c.answerWithin}${c.deemedConsent ? ', else consent is deemed' : ''} (${c.cases} cases, ${c.answers} answers, ${c.deemed} deemed)`)]),
    '',
    `Stations: ${Object.entries(d.scenario.stations).map(([id, s]) => `${id} ${s.officers}`).join(', ')}; ${d.scenario.perDay.p.toFixed(1)} cases a working day; channels ${Object.entries(d.scenario.channels).map(([ch, r]) => `${ch} ${Math.round(r.p * 100)}%`).join(', ') || 'not in the log'}.`,
    'Left out:',
    ...d.leftOut.map((l) => `  - ${l}`),
  ];
  return `${lines.join('\n')}\n`;
}
