import { z } from 'zod';
import { parseDuration } from '../../calendar/duration.ts';
import type { Distribution } from '../config.ts';

/**
 * The value schemas of a scenario file: its defaults and limits, and the checks that need nothing
 * but the value itself (a distribution's parameters in order, probabilities that add up to 1,
 * whole calendar days). The file's structure is in `schema.ts`, built from these.
 *
 * Custom issues carry the `ScenarioError` code in `params.code` (see {@link fail}).
 *
 * @example
 * distributionSchema.parse({ triangular: [1, 2, 4] }); // { kind: 'triangular', min: 1, mode: 2, max: 4 }
 */

/** The defaults of a scenario, in the units of the YAML file. */
export const SCENARIO_DEFAULTS = {
  warmup: '0d',
  replications: 5,
  calendar: 'vn',
  discipline: 'fcfs',
  drain: false,
  applicantResponse: { uniform: [1, 5] },
  transfer: { paper: { triangular: [1, 4, 8] }, online: { fixed: 0 } },
  apologyExtensionDays: 5,
  incomplete: 0,
  withdrawal: 0,
  withdrawAfter: { exponential: 5 },
  receipt: { fixed: 0.25 },
  silence: 0,
} as const;


/**
 * The largest numbers a scenario takes. Beyond them a run would not fit in memory or time (a
 * `perDay` of 10⁷ grew to 4 GB in 25 s) or its arithmetic would overflow (1.8e308 gave NaN
 * utilisation); the error names the limit. Far above any one-stop office: the busiest Vietnamese
 * centres receive a few thousand dossiers a day.
 */
export const SCENARIO_LIMITS = {
  /** Mean arrivals per working day of one procedure entry, and on its busiest weekday. */
  perDay: 10_000,
  /** Officers at one station. */
  officers: 1_000,
  replications: 1_000,
  /** Calendar days of the horizon: ten years. */
  horizonDays: 3_660,
  /** A relative arrival rate by weekday or by hour. */
  rate: 1_000,
  /** Any parameter of a distribution, in its unit (working hours or calendar days). */
  duration: 10_000,
  /** Working days of the apology slip's extension: about a year. */
  apologyExtensionDays: 260,
} as const;
const L = SCENARIO_LIMITS;

export const DISTRIBUTION_FORMS = '{ fixed: 2 }, { uniform: [1, 3] }, { triangular: [1, 2, 4] }, { exponential: 2 }, { lognormal: { mean: 3, sd: 1 } } or { empirical: [1, 2, 2, 5] }';

/** Probabilities that should add up to 1 may be off by this much (rounding of decimals). */
export const PROBABILITY_TOLERANCE = 1e-9;

/** Weekday keys, at their index: 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

type Ctx = z.core.$RefinementCtx;

/** Adds an issue that becomes a `ScenarioError` with `code`. */
export function fail(ctx: Ctx, code: string, message: string, path: readonly (string | number)[] = []): void {
  ctx.addIssue({ code: 'custom', message, path: [...path], params: { code }, input: undefined });
}

/** Readable numbers in messages: 0.1 + 0.2 is shown as 0.3. */
export function round(x: number): number {
  return Number(x.toPrecision(12));
}

export const number = z.number().describe('a number');
export const nonNegative = (what: string, max: number) =>
  z
    .number()
    .describe(what)
    .min(0, { error: (iss) => `${String(iss.input)} is negative; ${what} is ≥ 0.` })
    .max(max, { error: (iss) => `${String(iss.input)} is above the limit of ${max} for ${what}. Write a number from 0 to ${max}.` });
export const text = z.string().describe('a non-empty string').min(1, { error: 'is empty. Write a non-empty string.' });

/** A probability, 0 to 1. */
export const probabilitySchema = z
  .number()
  .describe('a probability from 0 to 1')
  .min(0, { error: (iss) => `${String(iss.input)} is not a probability. Write a number from 0 to 1, e.g. 0.05.` })
  .max(1, { error: (iss) => `${String(iss.input)} is not a probability. Write a number from 0 to 1, e.g. 0.05.` });

const distributionShape = {
  fixed: number.exactOptional(),
  uniform: z.array(number).describe('[min, max]').exactOptional(),
  triangular: z.array(number).describe('[min, mode, max]').exactOptional(),
  exponential: number.exactOptional(),
  lognormal: z.strictObject({ mean: number, sd: number }).describe('{ mean, sd }').exactOptional(),
  empirical: z.array(number).describe('a list of values').exactOptional(),
};
type DistributionInput = { -readonly [K in keyof typeof distributionShape]?: z.output<(typeof distributionShape)[K]> };

/** Why the parameters of a distribution are wrong (a message and the key), or `undefined`. */
function distributionProblem(d: DistributionInput): { message: string; key?: string } | undefined {
  const kinds = Object.keys(d) as (keyof DistributionInput)[];
  if (kinds.length === 0) return { message: `a distribution needs one of fixed, uniform, triangular, exponential, lognormal or empirical. Write e.g. ${DISTRIBUTION_FORMS}.` };
  if (kinds.length > 1) return { message: `a distribution has one form, found ${kinds.join(' and ')}. Keep one of them.` };
  const negative = (xs: readonly number[]) => xs.some((x) => x < 0);
  const values = [d.fixed, ...(d.uniform ?? []), ...(d.triangular ?? []), d.exponential, d.lognormal?.mean, d.lognormal?.sd, ...(d.empirical ?? [])].filter((x) => x !== undefined);
  const huge = values.find((x) => x > L.duration);
  if (huge !== undefined) return { key: kinds[0]!, message: `${huge} is above the limit of ${L.duration} for a duration (working hours or calendar days). Write a value from 0 to ${L.duration}.` };
  const list = (xs: readonly number[]) => `[${xs.join(', ')}]`;
  if (d.fixed !== undefined && d.fixed < 0) return { key: 'fixed', message: `${d.fixed} is negative; a duration is ≥ 0. Write e.g. { fixed: 2 }.` };
  if (d.uniform !== undefined) {
    const u = d.uniform;
    if (u.length !== 2) return { key: 'uniform', message: `uniform takes two numbers [min, max], found ${u.length}. Write e.g. { uniform: [1, 3] }.` };
    if (negative(u)) return { key: 'uniform', message: `uniform ${list(u)} goes below 0; a duration is ≥ 0. Write [min, max] with 0 ≤ min ≤ max.` };
    if (u[0]! > u[1]!) return { key: 'uniform', message: `uniform ${list(u)} is out of order. Write [min, max] with min ≤ max: [${u[1]}, ${u[0]}].` };
  }
  if (d.triangular !== undefined) {
    const t = d.triangular;
    if (t.length !== 3) return { key: 'triangular', message: `triangular takes three numbers [min, mode, max], found ${t.length}. Write e.g. { triangular: [1, 2, 4] }.` };
    if (negative(t)) return { key: 'triangular', message: `triangular ${list(t)} goes below 0; a duration is ≥ 0. Write [min, mode, max] with 0 ≤ min ≤ mode ≤ max.` };
    if (!(t[0]! <= t[1]! && t[1]! <= t[2]!)) {
      const sorted = [...t].sort((a, b) => a - b);
      return { key: 'triangular', message: `triangular ${list(t)} is out of order. Write [min, mode, max] with min ≤ mode ≤ max, e.g. ${list(sorted)}.` };
    }
  }
  if (d.exponential !== undefined && !(d.exponential > 0)) return { key: 'exponential', message: `exponential takes its mean, which must be > 0, found ${d.exponential}. Write e.g. { exponential: 2 }.` };
  if (d.lognormal !== undefined) {
    const { mean, sd } = d.lognormal;
    if (!(mean > 0)) return { key: 'lognormal', message: `the mean of a lognormal must be > 0, found ${mean}. Write e.g. { lognormal: { mean: 3, sd: 1 } }.` };
    if (sd < 0) return { key: 'lognormal', message: `the sd of a lognormal must be ≥ 0, found ${sd}. Write e.g. { lognormal: { mean: 3, sd: 1 } }.` };
  }
  if (d.empirical !== undefined) {
    if (d.empirical.length === 0) return { key: 'empirical', message: 'empirical needs at least one value. Write e.g. { empirical: [1, 2, 2, 5] }.' };
    if (negative(d.empirical)) return { key: 'empirical', message: `empirical ${list(d.empirical)} has a negative value; a duration is ≥ 0.` };
  }
  return undefined;
}

function toDistribution(d: DistributionInput): Distribution {
  if (d.fixed !== undefined) return { kind: 'fixed', value: d.fixed };
  if (d.uniform !== undefined) return { kind: 'uniform', min: d.uniform[0]!, max: d.uniform[1]! };
  if (d.triangular !== undefined) return { kind: 'triangular', min: d.triangular[0]!, mode: d.triangular[1]!, max: d.triangular[2]! };
  if (d.exponential !== undefined) return { kind: 'exponential', mean: d.exponential };
  if (d.lognormal !== undefined) return { kind: 'lognormal', mean: d.lognormal.mean, sd: d.lognormal.sd };
  return { kind: 'empirical', values: [...d.empirical!] };
}

/** A distribution in its YAML form, turned into a tagged {@link Distribution}. */
export const distributionSchema = z
  .strictObject(distributionShape)
  .superRefine((d, ctx) => {
    const problem = distributionProblem(d);
    if (problem !== undefined) fail(ctx, 'bad-distribution', problem.message, problem.key === undefined ? [] : [problem.key]);
  })
  .describe(`a distribution: ${DISTRIBUTION_FORMS}`)
  .transform(toDistribution);

/** `{ <value>: p, … }` with probabilities adding up to 1. */
export const probabilityTableSchema = z
  .record(z.string(), probabilitySchema)
  .superRefine((table, ctx) => {
    const entries = Object.entries(table);
    if (entries.length === 0) return fail(ctx, 'bad-probabilities', 'no value is given. List the values with their probabilities, e.g. { "true": 0.1, "false": 0.9 }.');
    const sum = entries.reduce((s, [, p]) => s + p, 0);
    if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
      const terms = entries.map(([k, p]) => `${k} ${p}`).join(' + ');
      fail(ctx, 'bad-probabilities', `the probabilities add up to ${round(sum)} (${terms}), not 1. Change them so that they sum to 1.`);
    }
  })
  .describe('{ <value>: <probability>, … } adding up to 1');

/** Whole calendar days written `365d`. */
export const daysSchema = (what: string, min: number, max: number = L.horizonDays) =>
  z
    .string()
    .describe(`whole calendar days, e.g. 365d`)
    .transform((t, ctx) => {
      let days: number | undefined;
      try {
        const d = parseDuration(t);
        if (d.unit === 'd' && Number.isInteger(d.amount)) days = d.amount;
      } catch {
        // Reported below, in the words of a scenario.
      }
      if (days === undefined) {
        fail(ctx, 'bad-duration', `"${t}" is not a whole number of calendar days. Write the ${what} as e.g. 365d.`);
        return z.NEVER;
      }
      if (days < min) {
        fail(ctx, 'bad-duration', `the ${what} must be at least ${min}d, found ${t}.`);
        return z.NEVER;
      }
      if (days > max) {
        fail(ctx, 'bad-duration', `the ${what} ${t} is above the limit of ${max}d (ten years). Write at most ${max}d.`);
        return z.NEVER;
      }
      return days;
    });
