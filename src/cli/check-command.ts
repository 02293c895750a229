import { parseArgs } from 'node:util';
import { type CheckReport, type CheckStatus, checkProcedure } from '../analysis/check.ts';
import type { PropertyResult } from '../analysis/properties.ts';
import { formatLocalDate, parseLocalDate } from '../calendar/date.ts';
import { type Instant, localDateOf } from '../calendar/instant.ts';
import { label, t } from '../i18n/translate.ts';
import { describePath } from '../analysis/budget.ts';
import { UsageError } from '../errors.ts';
import { EXIT, type Io, json, pickLang } from './io.ts';
import { loadCatalogue, loadProcedures } from '../node/load-procedures.ts';
import { CHECK_USAGE } from './usage.ts';

/** What each status looks like, so that a pass, a warning and a failure differ at a glance. */
const SYMBOL: Readonly<Record<CheckStatus, string>> = { pass: '✓', warn: '!', fail: '✗' };
const PROPERTY_SYMBOL: Readonly<Record<PropertyResult['status'], string>> = { passed: '✓', warning: '!', failed: '✗', 'not-applicable': '–' };

/** `motcua check`: exit 0 all good, 1 a check failed, 2 a file could not be read or is invalid. */
export async function checkCommand(args: readonly string[], io: Io, seedFromEdge: () => number): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { 'allow-code': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, seed: { type: 'string' }, runs: { type: 'string' }, received: { type: 'string' }, lang: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const seed = values.seed === undefined ? seedFromEdge() : wholeNumber(values.seed, '--seed');
  const numRuns = values.runs === undefined ? 50 : wholeNumber(values.runs, '--runs');
  const { procedures, errors } = positionals.length === 0 ? { procedures: await loadCatalogue(), errors: [] } : await loadProcedures(positionals, { allowCode: values['allow-code'] });
  // The provisional-calendar warning looks at a dossier received on this day: today unless told.
  const receivedOn = formatLocalDate(values.received === undefined ? localDateOf(io.now() as Instant) : parseLocalDate(values.received, ['--received']));
  const reports: (CheckReport & { file: string })[] = procedures.map((p) => ({ ...checkProcedure(p.spec, { seed, numRuns, receivedOn }), file: p.file }));

  const lang = pickLang(values.lang, io.env);
  const overall: CheckStatus | 'unreadable' = errors.length > 0 ? 'unreadable' : reports.some((r) => r.status === 'fail') ? 'fail' : reports.some((r) => r.status === 'warn') ? 'warn' : 'pass';

  if (values.json) {
    io.out(
      json({
        seed,
        receivedOn,
        status: overall,
        ok: errors.length === 0 && reports.every((r) => r.ok),
        errors: errors.map((e) => ({ file: e.file, path: e.path, code: e.code, message: e.message })),
        procedures: reports.map((r) => ({
          file: r.file,
          id: r.id,
          version: r.version,
          status: r.status,
          ok: r.ok,
          problems: r.problems.map((p) => ({ check: p.check, code: p.code, message: p.message })),
          warnings: r.warnings.map((w) => ({ code: w.code, message: w.message })),
          notes: r.notes.map((n) => ({ code: n.code, message: n.message })),
          budget: { ok: r.budget.ok, unit: r.budget.unit, worst: r.budget.worst, paths: r.budget.paths.length },
          graph: r.graph,
          properties: r.properties,
        })),
      }),
    );
  } else {
    for (const e of errors) io.err(`motcua: ${e.describe(lang)}\n`);
    for (const r of reports) {
      io.out(`${SYMBOL[r.status]} ${t(lang, `check.status.${r.status}`)}: ${r.id} ${r.version} (${r.file})\n`);
      io.out(`  ${t(lang, 'check.budget', { path: describePath(r.budget.worst, r.budget.unit, 8, lang) })}\n`);
      const outcomes = r.graph.outcomes.map((o) => t(lang, `outcome.${o}`)).join(', ');
      io.out(`  ${t(lang, 'check.graph', { states: r.graph.states, transitions: r.graph.transitions, variants: r.graph.variants, outcomes })}\n`);
      for (const p of r.properties) {
        const detail = p.status === 'not-applicable' ? (p.reasonKey === undefined ? (p.reason ?? '') : t(lang, `check.reason.${p.reasonKey}`)) : t(lang, 'check.property.runs', { runs: p.runs });
        io.out(`  ${PROPERTY_SYMBOL[p.status]} ${t(lang, 'check.property', { name: t(lang, `check.prop.${p.key}`), status: t(lang, `check.property.${p.status}`) })} (${detail})\n`);
      }
      for (const w of r.warnings) io.out(`  ${SYMBOL.warn} ${t(lang, 'check.warning', { text: w.text[lang] })}\n`);
      for (const n of r.notes) io.out(`  ${t(lang, 'check.note', { text: n.text[lang] })}\n`);
      for (const p of r.problems) io.out(`  ${SYMBOL.fail} ${t(lang, `check.kind.${p.check}`)}: ${p.text[lang]}\n`);
    }
    const count = (s: CheckStatus) => reports.filter((r) => r.status === s).length;
    const unreadable = errors.length > 0 ? t(lang, 'check.unreadable', { n: errors.length }) : '';
    io.out(`\n${t(lang, 'check.summary', { checked: reports.length, passed: count('pass'), warned: count('warn'), failed: count('fail'), unreadable, seed })}\n`);
  }
  if (errors.length > 0) return EXIT.badInput;
  return reports.every((r) => r.ok) ? EXIT.ok : EXIT.problems;
}

function wholeNumber(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError('usage', label('error.whole-number.min', { flag, text, min: 0 }), { path: [flag] });
  return n;
}
