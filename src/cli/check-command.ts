import { parseArgs } from 'node:util';
import { type CheckReport, checkProcedure } from '../analysis/check.ts';
import { describePath } from '../analysis/budget.ts';
import { UsageError } from '../errors.ts';
import { EXIT, type Io, json } from './io.ts';
import { CATALOGUE_DIR, loadProcedures } from './load.ts';

export const CHECK_USAGE = `motcua check [paths…] [--allow-code] [--json] [--seed N] [--runs N]
  Loads, validates, compiles and analyses procedures (the catalogue by default): shares within the
  statutory limit on every path, every state reachable and able to finish, outcomes, and property
  checks (never late when every agency meets its share; pauses; restarts).`;

/** `motcua check`: exit 0 all good, 1 a check failed, 2 a file could not be read or is invalid. */
export async function checkCommand(args: readonly string[], io: Io, seedFromEdge: () => number): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { 'allow-code': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, seed: { type: 'string' }, runs: { type: 'string' }, lang: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const seed = values.seed === undefined ? seedFromEdge() : wholeNumber(values.seed, '--seed');
  const numRuns = values.runs === undefined ? 50 : wholeNumber(values.runs, '--runs');
  const { procedures, errors } = await loadProcedures(positionals.length === 0 ? [CATALOGUE_DIR] : positionals, { allowCode: values['allow-code'] });
  const reports: (CheckReport & { file: string })[] = procedures.map((p) => ({ ...checkProcedure(p.spec, { seed, numRuns }), file: p.file }));

  if (values.json) {
    io.out(
      json({
        seed,
        ok: errors.length === 0 && reports.every((r) => r.ok),
        errors: errors.map((e) => ({ file: e.file, path: e.path, code: e.code, message: e.message })),
        procedures: reports.map((r) => ({
          file: r.file,
          id: r.id,
          version: r.version,
          ok: r.ok,
          problems: r.problems,
          warnings: r.warnings,
          budget: { ok: r.budget.ok, unit: r.budget.unit, worst: r.budget.worst, paths: r.budget.paths.length },
          graph: r.graph,
          properties: r.properties,
        })),
      }),
    );
  } else {
    for (const e of errors) io.err(`motcua: ${e.describe()}\n`);
    for (const r of reports) {
      io.out(`${r.ok ? '✓' : '✗'} ${r.id} ${r.version} (${r.file})\n`);
      io.out(`  budget: worst path ${describePath(r.budget.worst, r.budget.unit)}\n`);
      io.out(`  graph: ${r.graph.states} states, ${r.graph.transitions} transitions over ${r.graph.variants} variants; outcomes: ${r.graph.outcomes.join(', ')}\n`);
      for (const p of r.properties) {
        io.out(`  property: ${p.name}: ${p.status}${p.status === 'not-applicable' ? ` (${p.reason})` : ` (${p.runs} runs)`}\n`);
      }
      for (const w of r.warnings) io.out(`  note: ${w}\n`);
      for (const p of r.problems) io.out(`  ✗ ${p.check}: ${p.message}\n`);
    }
    const failed = reports.filter((r) => !r.ok).length;
    io.out(`\n${reports.length} checked, ${reports.length - failed} passed, ${failed} failed${errors.length > 0 ? `, ${errors.length} could not be read` : ''}; fast-check seed ${seed} (replay with --seed ${seed}).\n`);
  }
  if (errors.length > 0) return EXIT.badInput;
  return reports.every((r) => r.ok) ? EXIT.ok : EXIT.problems;
}

function wholeNumber(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError('usage', `${flag} "${text}" must be a whole number ≥ 0.`);
  return n;
}
