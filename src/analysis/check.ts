import { compileProcedure } from '../compile/compile.ts';
import type { CompileOptions } from '../compile/env.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';
import { type BudgetReport, checkBudget, describePath } from './budget.ts';
import { type GraphReport, analyseGraph } from './graph.ts';
import { type PropertyResult, checkProperties } from './properties.ts';

export interface CheckOptions extends CompileOptions {
  readonly seed: number;
  readonly numRuns?: number;
  readonly graphLimit?: number;
}

/** One finding, with the check that made it. */
export interface Problem {
  readonly check: 'budget' | 'graph' | 'property';
  readonly message: string;
}

export interface CheckReport {
  readonly id: string;
  readonly version: string;
  readonly ok: boolean;
  readonly problems: readonly Problem[];
  /** Things worth knowing that are not failures (a truncated traversal, approximate unit conversions). */
  readonly warnings: readonly string[];
  readonly budget: BudgetReport;
  readonly graph: GraphReport;
  readonly properties: readonly PropertyResult[];
}

/**
 * Everything a reviewer checks before a procedure is published: the shares fit the limit on every
 * path, every state is reachable and can finish, the outcomes reached, and the timing properties.
 *
 * @example
 * const report = checkProcedure(landUseRightFirst, { seed: 42 });
 * report.ok // true
 */
export function checkProcedure(spec: ProcedureSpec, options: CheckOptions): CheckReport {
  const proc = compileProcedure(spec, options.calendar === undefined ? {} : { calendar: options.calendar });
  const budget = checkBudget(spec, proc.env.calendar.hoursPerWorkingDay);
  const graph = analyseGraph(proc, options.graphLimit === undefined ? {} : { limit: options.graphLimit });
  const properties = checkProperties(proc, { seed: options.seed, ...(options.numRuns === undefined ? {} : { numRuns: options.numRuns }) });

  const problems: Problem[] = [];
  for (const path of budget.paths.filter((p) => !p.ok)) {
    problems.push({ check: 'budget', message: `the shares exceed the statutory limit (${spec.limit.duration}) on this path: ${describePath(path, budget.unit, proc.env.calendar.hoursPerWorkingDay)}` });
  }
  for (const id of graph.unreachable) problems.push({ check: 'graph', message: `state ${id} can never be reached` });
  for (const d of graph.deadEnds) {
    problems.push({
      check: 'graph',
      message: `a dossier (${d.variant}) can get stuck in ${d.state}: only withdrawal ends it. Reached by: ${d.path.join(' → ') || 'receipt'}`,
    });
  }
  if (!graph.truncated && !graph.outcomes.includes('returned')) problems.push({ check: 'graph', message: 'no path returns a result to the applicant' });
  const warnings = [...budget.notes];
  // A limit in calendar days runs on through Tết while the agencies' working days and the rolled
  // consultation periods do not: no choice of shares can guarantee it then. That is a risk of the
  // law to show the reviewer (and what the apology slip is for), not a fault in the design.
  const calendarDays = proc.env.limit.unit === 'd';
  for (const p of properties.filter((r) => r.status === 'failed')) {
    if (calendarDays && p.name === 'never late when every agency meets its share') {
      warnings.push(`holiday risk: the limit is in calendar days, so around long holidays a dossier can be late even when every agency meets its share: ${p.counterexample}`);
    } else {
      problems.push({ check: 'property', message: `${p.name}: ${p.counterexample}` });
    }
  }
  if (graph.sequential.length > 0) {
    warnings.push(`the parallel block(s) ${graph.sequential.join(', ')} give more than ${options.graphLimit ?? 20_000} states in every interleaving: their branches were explored one after the other instead (every state of each branch, not every mix of half-done branches)`);
  }
  if (graph.truncated) {
    warnings.push(`the state graph was too large to explore fully (over ${options.graphLimit ?? 20_000} states in a traversal, or more than ${graph.variants} dossier variants): reachability and dead ends were checked only where the traversal finished, and no state is reported unreachable`);
  }
  return { id: spec.id, version: spec.version, ok: problems.length === 0, problems, warnings, budget, graph, properties };
}
