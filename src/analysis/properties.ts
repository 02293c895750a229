import fc from 'fast-check';
import { type LocalDate, localDate, parseLocalDate } from '../calendar/date.ts';
import { type Instant, instantAt, localDateOf } from '../calendar/instant.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import { inputVariants } from './graph.ts';
import { type Plan, timedRun } from './timed-run.ts';

export interface PropertyOptions {
  /** The seed, from the edge (the CLI prints it); the same seed gives the same runs. */
  readonly seed: number;
  readonly numRuns?: number;
}

export interface PropertyResult {
  readonly name: string;
  /** `passed`, `failed`, or `not-applicable` (e.g. the restart property for a procedure that pauses). */
  readonly status: 'passed' | 'failed' | 'not-applicable';
  readonly runs: number;
  readonly seed: number;
  /** For a failure: fast-check's replay path, the counterexample and the event sequence. */
  readonly counterexample?: string;
  readonly reason?: string;
}

const FIRST_DAY = localDate(2025, 1, 1);
const LAST_DAY = localDate(2030, 12, 31);

/** Receipt days inside 2025–2030 and inside the version's validity (its own dates when they fall outside those years). */
function receiptDays(proc: CompiledProcedure): { readonly min: number; readonly max: number } {
  const from = parseLocalDate(proc.spec.effectiveFrom);
  const to = proc.spec.effectiveTo === undefined ? LAST_DAY : parseLocalDate(proc.spec.effectiveTo);
  const min = Math.max(FIRST_DAY, from);
  const max = Math.min(LAST_DAY, to);
  return min <= max ? { min, max } : { min: from, max: to };
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
        input: { ...v.input, receivedAt: instantAt(day as LocalDate, minute * 60_000) },
        fractions,
        applicantDays,
        silent,
      };
      return withSupplement ? { ...plan, supplementAt } : plan;
    });
}

function run(name: string, prop: fc.IProperty<[Plan]>, options: PropertyOptions): PropertyResult {
  const numRuns = options.numRuns ?? 50;
  const details = fc.check(prop, { seed: options.seed, numRuns });
  if (!details.failed) return { name, status: 'passed', runs: details.numRuns, seed: options.seed };
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    name,
    status: 'failed',
    runs: details.numRuns,
    seed: options.seed,
    counterexample: `seed ${details.seed}, path "${details.counterexamplePath}": ${error}`,
  };
}

/**
 * Property checks of a compiled procedure with fast-check:
 * 1. when every agency (and the desk's transfer) meets its own share, the dossier is never late;
 * 2. a supplement request pauses the clock: the due date moves by exactly the paused working time
 *    (in the date mode, the working days from the request day to the day the papers came);
 * 3. with the restart policy, a restart never gives an earlier due date than the first one.
 */
export function checkProperties(proc: CompiledProcedure, options: PropertyOptions): PropertyResult[] {
  const cal = proc.env.calendar;
  const results: PropertyResult[] = [];

  results.push(
    run(
      'never late when every agency meets its share',
      fc.property(planArbitrary(proc, false), (plan) => {
        const result = timedRun(proc, plan);
        const classification = result.snapshot.context.classification;
        if (classification === 'late') {
          throw new Error(`the dossier was late although every party met its share.\n  events:\n    ${result.log.join('\n    ')}`);
        }
      }),
      options,
    ),
  );

  const pauses = proc.spec.clock.supplement === 'pause';
  const dayLimit = proc.env.limit.unit === 'd';
  if (!pauses || proc.spec.clock.maxSupplementsPerAgency === 0) {
    results.push({ name: 'a pause moves the due date by the paused working time', status: 'not-applicable', runs: 0, seed: options.seed, reason: pauses ? 'no supplement requests allowed' : 'the clock restarts after a supplement' });
  } else if (dayLimit) {
    results.push({ name: 'a pause moves the due date by the paused working time', status: 'not-applicable', runs: 0, seed: options.seed, reason: 'a limit in calendar days is paused in days and its end rolls to a working day' });
  } else {
    const dateMode = proc.spec.limit.mode === 'date';
    const rankAfter = (t: Instant) => cal.days.workingDaysBefore((localDateOf(t) + 1) as LocalDate);
    results.push(
      run(
        'a pause moves the due date by the paused working time',
        fc.property(planArbitrary(proc, true), (plan) => {
          const { supplement, log } = timedRun(proc, plan);
          if (supplement === undefined || supplement.requestedAt >= supplement.dueBefore) return;
          const moved = dateMode ? rankAfter((supplement.dueAfter - 1) as Instant) - rankAfter((supplement.dueBefore - 1) as Instant) : cal.workingTimeBetween(supplement.dueBefore, supplement.dueAfter);
          const paused = dateMode ? rankAfter(supplement.suppliedAt) - rankAfter(supplement.requestedAt) : cal.workingTimeBetween(supplement.requestedAt, supplement.suppliedAt);
          if (moved !== paused) {
            throw new Error(`the due date moved by ${moved} but the pause lasted ${paused} (${dateMode ? 'working days' : 'working ms'}).\n  events:\n    ${log.join('\n    ')}`);
          }
        }),
        options,
      ),
    );
  }

  if (proc.spec.clock.supplement !== 'restart') {
    results.push({ name: 'a restart never gives an earlier due date', status: 'not-applicable', runs: 0, seed: options.seed, reason: 'the clock pauses during a supplement' });
  } else {
    results.push(
      run(
        'a restart never gives an earlier due date',
        fc.property(planArbitrary(proc, true), (plan) => {
          const { supplement, log } = timedRun(proc, plan);
          if (supplement !== undefined && supplement.dueAfter < supplement.dueBefore) {
            throw new Error(`the restart gave an earlier due date.\n  events:\n    ${log.join('\n    ')}`);
          }
        }),
        options,
      ),
    );
  }
  return results;
}
