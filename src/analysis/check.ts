import { type LocalDate, formatLocalDate, parseLocalDate } from '../calendar/date.ts';
import { parseDuration } from '../calendar/duration.ts';
import { describeDue, explainDateDue, explainInstantDue, explainSameDayDue, isProvisional } from '../calendar/explain.ts';
import { type Instant, MS_PER_HOUR, instantAt, localDateOf } from '../calendar/instant.ts';
import { type CompiledProcedure, compileProcedure } from '../compile/compile.ts';
import { inForceOn } from '../dsl/in-force.ts';
import { type Lang, durationWords, label, t } from '../i18n/translate.ts';
import type { Label } from '../legal.ts';
import type { CompileOptions } from '../compile/env.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';
import { type BudgetReport, checkBudget, describePath } from './budget.ts';
import { type GraphReport, analyseGraph } from './graph.ts';
import { type PropertyResult, checkProperties } from './properties.ts';

export interface CheckOptions extends CompileOptions {
  readonly seed: number;
  readonly numRuns?: number;
  readonly graphLimit?: number;
  /**
   * `YYYY-MM-DD`: warn when a dossier received that day (at 09:00) would be due on a count over
   * days with no official announcement yet. The CLI gives today; absent, nothing is checked.
   */
  readonly receivedOn?: string;
}

/** A finding in both languages; `message` is its English text (the JSON form). */
export interface Finding {
  readonly code: string;
  readonly message: string;
  readonly text: Label;
}

/** One failure, with the check that made it. */
export interface Problem extends Finding {
  readonly check: 'budget' | 'graph' | 'property';
}

/** `pass`: every check holds; `warn`: it holds, with something the reviewer should know; `fail`: a check failed. */
export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckReport {
  readonly id: string;
  readonly version: string;
  readonly status: CheckStatus;
  /** `status !== 'fail'`. */
  readonly ok: boolean;
  readonly problems: readonly Problem[];
  /** Things worth knowing that are not failures (a holiday risk, a truncated traversal, approximate unit conversions). */
  readonly warnings: readonly Finding[];
  /** How the checks were made, when that matters to read them (a parallel block explored branch by branch). */
  readonly notes: readonly Finding[];
  readonly budget: BudgetReport;
  readonly graph: GraphReport;
  readonly properties: readonly PropertyResult[];
}

const finding = (code: string, text: Label): Finding => ({ code, message: text.en, text });

/**
 * Everything a reviewer checks before a procedure is published: the shares fit the limit on every
 * path, every state is reachable and can finish, the outcomes reached, and the timing properties.
 *
 * @example
 * const report = checkProcedure(landUseRightFirst, { seed: 42 });
 * report.status // 'pass'
 */
export function checkProcedure(spec: ProcedureSpec, options: CheckOptions): CheckReport {
  const proc = compileProcedure(spec, options.calendar === undefined ? {} : { calendar: options.calendar });
  const hours = proc.env.calendar.hoursPerWorkingDay;
  const budget = checkBudget(spec, hours);
  const graph = analyseGraph(proc, options.graphLimit === undefined ? {} : { limit: options.graphLimit });
  const checked = checkProperties(proc, { seed: options.seed, ...(options.numRuns === undefined ? {} : { numRuns: options.numRuns }) });

  const problems: Problem[] = [];
  const both = (f: (lang: Lang) => string): Label => ({ vi: f('vi'), en: f('en') });
  for (const path of budget.paths.filter((p) => !p.ok)) {
    const text = both((lang) => t(lang, 'check.problem.budget', { limit: durationWords(parseDuration(spec.limit.duration), lang), path: describePath(path, budget.unit, hours, lang) }));
    problems.push({ check: 'budget', ...finding('budget', text) });
  }
  for (const id of graph.unreachable) problems.push({ check: 'graph', ...finding('unreachable', label('check.problem.unreachable', { state: id })) });
  for (const d of graph.deadEnds) {
    const text = both((lang) => t(lang, 'check.problem.dead-end', { variant: d.variant, state: d.state, path: d.path.join(' → ') || t(lang, 'check.receipt') }));
    problems.push({ check: 'graph', ...finding('dead-end', text) });
  }
  if (!graph.truncated && !graph.outcomes.includes('returned')) problems.push({ check: 'graph', ...finding('no-return', label('check.problem.no-return')) });
  const warnings: Finding[] = budget.notes.map((n) => finding('approximate', n));
  // A limit in calendar days runs on through Tết while the agencies' working days and the rolled
  // consultation periods do not: no choice of shares can guarantee it then. That is a risk of the
  // law to show the reviewer (and what the apology slip is for), not a fault in the design.
  const calendarDays = proc.env.limit.unit === 'd';
  const properties = checked.map((p): PropertyResult => {
    if (p.status !== 'failed') return p;
    const example = (lang: Lang) => p.counterexampleText?.[lang] ?? p.counterexample ?? '';
    if (calendarDays && p.key === 'never-late') {
      warnings.push(finding('holiday-risk', both((lang) => t(lang, 'check.warn.holiday-risk', { example: example(lang) }))));
      return { ...p, status: 'warning' };
    }
    problems.push({ check: 'property', ...finding(p.key, both((lang) => `${t(lang, `check.prop.${p.key}`)}: ${example(lang)}`)) });
    return p;
  });
  const limit = options.graphLimit ?? 20_000;
  // How the graph was explored, not a finding about the procedure: it does not change the status.
  const notes: Finding[] = graph.sequential.length > 0 ? [finding('sequential', label('check.note.sequential', { blocks: graph.sequential.join(', '), limit }))] : [];
  if (graph.truncated) warnings.push(finding('truncated', label('check.warn.truncated', { limit, variants: graph.variants })));
  const provisional = options.receivedOn === undefined ? null : provisionalHorizon(proc, options.receivedOn);
  if (provisional !== null) warnings.push(finding('provisional-calendar', provisional));
  const status: CheckStatus = problems.length > 0 ? 'fail' : warnings.length > 0 ? 'warn' : 'pass';
  return { id: spec.id, version: spec.version, status, ok: status !== 'fail', problems, warnings, notes, budget, graph, properties };
}

/**
 * The warning for a dossier received on `day` (09:00) whose statutory limit, counted the way the
 * appointment slip counts it, rests on days with no official announcement ({@link isProvisional},
 * the rule of `calendar add` and of the slip); null when the count is certain or the version is
 * not in force that day. Extensions granted later are not counted.
 */
function provisionalHorizon(proc: CompiledProcedure, day: string): Label | null {
  const date = parseLocalDate(day, ['receivedOn']);
  if (!inForceOn(proc.spec, formatLocalDate(date))) return null;
  const { calendar: cal, limit } = proc.env;
  const receivedAt = instantAt(date, 9 * MS_PER_HOUR);
  const explained = proc.spec.limit.mode === 'same-day'
    ? explainSameDayDue(cal, receivedAt, proc.env.sameDayCutoff)
    : proc.spec.limit.mode === 'hours'
      ? explainInstantDue(cal, receivedAt, limit)
      : (() => {
          const r = explainDateDue(cal, localDateOf(receivedAt), limit);
          return { due: instantAt((r.due + 1) as LocalDate, 0), explanation: r.explanation };
        })();
  if (!isProvisional(explained.explanation)) return null;
  const due = describeDue(explained.due as Instant);
  const lines = explained.explanation.filter((l) => l.provisional === true);
  return {
    en: t('en', 'check.warn.provisional', { received: day, due: due.en, days: lines.map((l) => l.text.en).join('; ') }),
    vi: t('vi', 'check.warn.provisional', { received: day, due: due.vi, days: lines.map((l) => l.text.vi).join('; ') }),
  };
}
