import fc from 'fast-check';
import { type LocalDate, localDate, parseLocalDate } from '../calendar/date.ts';
import { type Instant, instantAt, localDateOf } from '../calendar/instant.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import { type Lang, label, labelBy, t } from '../i18n/translate.ts';
import { inputVariants } from './graph.ts';
import { type Plan, type TraceEntry, describeTrace, timedRun } from './timed-run.ts';

export interface PropertyOptions {
  /** The seed, from the edge (the CLI prints it); the same seed gives the same runs. */
  readonly seed: number;
  readonly numRuns?: number;
}

/** The properties checked, by key (their sentences are in the message catalogue, `check.prop.<key>`). */
export type PropertyKey = 'never-late' | 'pause-moves-due' | 'restart-not-earlier';

/** Why a property does not apply (`check.reason.<key>` in the catalogue). */
export type NotApplicableReason = 'no-supplements' | 'restarts' | 'calendar-days' | 'pauses';

export interface PropertyResult {
  readonly key: PropertyKey;
  /** The property in English, as `key` says it. */
  readonly name: string;
  /**
   * `passed`, `failed`, `not-applicable` (e.g. the restart property for a procedure that pauses),
   * or `warning`: failed for a reason in the law rather than the design (see `checkProcedure`).
   */
  readonly status: 'passed' | 'failed' | 'not-applicable' | 'warning';
  readonly runs: number;
  readonly seed: number;
  /** For a failure: fast-check's replay path, the counterexample and the event sequence (English). */
  readonly counterexample?: string;
  /** The same in both languages. */
  readonly counterexampleText?: { readonly vi: string; readonly en: string };
  readonly reason?: string;
  readonly reasonKey?: NotApplicableReason;
}

const FIRST_DAY = localDate(2025, 1, 1);
const LAST_DAY = localDate(2030, 12, 31);

/** Receipt days inside 2025–2030 and inside the version's validity (its own dates when they fall outside those years). */
function receiptDays(proc: CompiledProcedure): { readonly min: number; readonly max: number } {
  const from = parseLocalDate(proc.spec.effectiveFrom);
  // An open-ended version runs at least to its first day (one that starts after 2030 included).
  const to = proc.spec.effectiveTo === undefined ? Math.max(LAST_DAY, from) : parseLocalDate(proc.spec.effectiveTo);
  const min = Math.max(FIRST_DAY, from);
  const max = Math.min(LAST_DAY, to);
  return min <= max ? { min, max } : { min: from, max: Math.max(from, to) };
}

function planArbitrary(proc: CompiledProcedure, withSupplement: boolean): fc.Arbitrary<Plan> {
  const variants = inputVariants(proc);
  return fc
    .record({
      day: fc.integer(receiptDays(proc)),
      minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      variant: fc.nat({ max: variants.length - 1 }),
      // Parties often use their whole share: that is where lateness hides.
      fractions: fc.array(fc.oneof({ arbitrary: fc.constant(1), weight: 2 }, { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 1 }), { minLength: 12, maxLength: 12 }),
      applicantDays: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }),
      silent: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      supplementAt: fc.nat({ max: Math.max(0, proc.env.steps.size - 1) }),
    })
    .map(({ day, minute, variant, fractions, applicantDays, silent, supplementAt }) => {
      const v = variants[variant]!;
      const plan: Plan = {
        // Received when the desk is open: a dossier submitted at night is received at the next opening.
        input: { ...v.input, receivedAt: proc.env.calendar.nextWorkingInstant(instantAt(day as LocalDate, minute * 60_000)) },
        fractions,
        applicantDays,
        silent,
      };
      return withSupplement ? { ...plan, supplementAt } : plan;
    })
    // A receipt at night on the version's last day moves to the next opening, after its end.
    .filter((plan) => localDateOf(plan.input.receivedAt) <= receiptDays(proc).max);
}

/** A property that does not hold on a run: what went wrong, in both languages, and the run's trace. */
class PropertyFailure extends Error {
  constructor(
    readonly what: { readonly vi: string; readonly en: string },
    readonly trace: readonly TraceEntry[],
  ) {
    super(`${what.en}\n  events:\n    ${describeTrace(trace, 'en').join('\n    ')}`);
  }
}

function run(key: PropertyKey, prop: fc.IProperty<[Plan]>, options: PropertyOptions): PropertyResult {
  const name = t('en', `check.prop.${key}`);
  const numRuns = options.numRuns ?? 50;
  const details = fc.check(prop, { seed: options.seed, numRuns });
  if (!details.failed) return { key, name, status: 'passed', runs: details.numRuns, seed: options.seed };
  const thrown = details.errorInstance;
  const say = (lang: Lang) => {
    const replay = t(lang, 'check.fail.replay', { seed: details.seed, path: details.counterexamplePath ?? '' });
    if (!(thrown instanceof PropertyFailure)) return `${replay}: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
    return `${replay}: ${thrown.what[lang]}\n  ${t(lang, 'check.fail.events')}\n    ${describeTrace(thrown.trace, lang).join('\n    ')}`;
  };
  const counterexampleText = { vi: say('vi'), en: say('en') };
  return { key, name, status: 'failed', runs: details.numRuns, seed: options.seed, counterexample: counterexampleText.en, counterexampleText };
}

function notApplicable(key: PropertyKey, reasonKey: NotApplicableReason, seed: number): PropertyResult {
  return { key, name: t('en', `check.prop.${key}`), status: 'not-applicable', runs: 0, seed, reason: t('en', `check.reason.${reasonKey}`), reasonKey };
}

/**
 * Property checks of a compiled procedure with fast-check:
 * 1. when every agency (and the desk's transfer) meets its own share, the dossier is never late;
 * 2. a supplement request pauses the clock: the due date moves by exactly the paused working time
 *    (in the date mode, the working days from the request day to the day the papers came);
 * 3. with the restart policy, a restart never gives an earlier due date than the first one.
 *
 * @example
 * const results = checkProperties(compileProcedure(birthRegistration2025), { seed: 42, numRuns: 20 });
 * results.map((r) => r.status) // → [ 'passed', 'passed', 'not-applicable' ]
 */
export function checkProperties(proc: CompiledProcedure, options: PropertyOptions): PropertyResult[] {
  const cal = proc.env.calendar;
  const results: PropertyResult[] = [];

  results.push(
    run(
      'never-late',
      fc.property(planArbitrary(proc, false), (plan) => {
        const result = timedRun(proc, plan);
        const classification = result.snapshot.context.classification;
        if (classification === 'late') throw new PropertyFailure(label('check.fail.late'), result.trace);
      }),
      options,
    ),
  );

  const pauses = proc.spec.clock.supplement === 'pause';
  const dayLimit = proc.env.limit.unit === 'd';
  if (!pauses || proc.spec.clock.maxSupplementsPerAgency === 0) {
    results.push(notApplicable('pause-moves-due', pauses ? 'no-supplements' : 'restarts', options.seed));
  } else if (dayLimit) {
    results.push(notApplicable('pause-moves-due', 'calendar-days', options.seed));
  } else {
    const dateMode = proc.spec.limit.mode === 'date';
    const rankAfter = (t: Instant) => cal.days.workingDaysBefore((localDateOf(t) + 1) as LocalDate);
    results.push(
      run(
        'pause-moves-due',
        fc.property(planArbitrary(proc, true), (plan) => {
          const { supplement, trace } = timedRun(proc, plan);
          if (supplement === undefined || supplement.requestedAt >= supplement.dueBefore) return;
          const moved = dateMode ? rankAfter((supplement.dueAfter - 1) as Instant) - rankAfter((supplement.dueBefore - 1) as Instant) : cal.workingTimeBetween(supplement.dueBefore, supplement.dueAfter);
          const paused = dateMode ? rankAfter(supplement.suppliedAt) - rankAfter(supplement.requestedAt) : cal.workingTimeBetween(supplement.requestedAt, supplement.suppliedAt);
          if (moved !== paused) {
            throw new PropertyFailure(labelBy('check.fail.pause', (lang) => ({ moved, paused, unit: t(lang, dateMode ? 'check.fail.unit.days' : 'check.fail.unit.ms') })), trace);
          }
        }),
        options,
      ),
    );
  }

  if (proc.spec.clock.supplement !== 'restart') {
    results.push(notApplicable('restart-not-earlier', 'pauses', options.seed));
  } else {
    results.push(
      run(
        'restart-not-earlier',
        fc.property(planArbitrary(proc, true), (plan) => {
          const { supplement, trace } = timedRun(proc, plan);
          if (supplement !== undefined && supplement.dueAfter < supplement.dueBefore) throw new PropertyFailure(label('check.fail.restart'), trace);
        }),
        options,
      ),
    );
  }
  return results;
}
