import { z } from 'zod';
import { parseDuration } from '../../calendar/duration.ts';
import { EN, type MessageKey } from '../../i18n/messages.ts';
import type { Distribution } from '../config.ts';
import { type Said, inIssue, said } from './said.ts';

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

/** The forms of a distribution, as the English messages write them. */
export const DISTRIBUTION_FORMS: string = EN['scenario.form.distributions'];

/** Probabilities that should add up to 1 may be off by this much (rounding of decimals). */
export const PROBABILITY_TOLERANCE = 1e-9;

/** Weekday keys, at their index: 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

type Ctx = z.core.$RefinementCtx;

/** Adds an issue that becomes a `ScenarioError` with `code`. */
export function fail(ctx: Ctx, code: string, message: Said, path: readonly (string | number)[] = []): void {
  ctx.addIssue({ code: 'custom', message: inIssue(message), path: [...path], params: { code }, input: undefined });
}

/** A check's message or a value's form for zod, in the catalogue's words (see `said.ts`). */
const say = (s: Said): string => inIssue(s);
/** The value a zod check refused, as a message shows it. */
export const input = (iss: { readonly input?: unknown }): string => String(iss.input);

/** Readable numbers in messages: 0.1 + 0.2 is shown as 0.3. */
export function round(x: number): number {
  return Number(x.toPrecision(12));
}

export const number = z.number().describe(say(said('scenario.form.number')));
export const nonNegative = (what: MessageKey, max: number) =>
  z
    .number()
    .describe(say({ key: what }))
    .min(0, { error: (iss) => say(said('scenario.negative', { value: input(iss), what: { key: what } })) })
    .max(max, { error: (iss) => say(said('scenario.above-limit', { value: input(iss), max, what: { key: what } })) });
export const text = z.string().describe(say(said('scenario.form.text'))).min(1, { error: say(said('scenario.empty-text')) });

/** A probability, 0 to 1. */
export const probabilitySchema = z
  .number()
  .describe(say(said('scenario.form.probability')))
  .min(0, { error: (iss) => say(said('scenario.probability', { value: input(iss) })) })
  .max(1, { error: (iss) => say(said('scenario.probability', { value: input(iss) })) });

const distributionShape = {
  fixed: number.exactOptional(),
  uniform: z.array(number).describe('[min, max]').exactOptional(),
  triangular: z.array(number).describe('[min, mode, max]').exactOptional(),
  exponential: number.exactOptional(),
  lognormal: z.strictObject({ mean: number, sd: number }).describe('{ mean, sd }').exactOptional(),
  empirical: z.array(number).describe(say(said('scenario.form.values'))).exactOptional(),
};
type DistributionInput = { -readonly [K in keyof typeof distributionShape]?: z.output<(typeof distributionShape)[K]> };

/** Why the parameters of a distribution are wrong (a message and the key), or `undefined`. */
function distributionProblem(d: DistributionInput): { message: Said; key?: string } | undefined {
  const kinds = Object.keys(d) as (keyof DistributionInput)[];
  if (kinds.length === 0) return { message: said('scenario.dist.none', { forms: said('scenario.form.distributions') }) };
  if (kinds.length > 1) return { message: said('scenario.dist.several', { kinds: kinds.slice(1).reduce<Said | string>((a, b) => said('error.and', { a, b }), kinds[0]!) }) };
  const negative = (xs: readonly number[]) => xs.some((x) => x < 0);
  const values = [d.fixed, ...(d.uniform ?? []), ...(d.triangular ?? []), d.exponential, d.lognormal?.mean, d.lognormal?.sd, ...(d.empirical ?? [])].filter((x) => x !== undefined);
  const huge = values.find((x) => x > L.duration);
  if (huge !== undefined) return { key: kinds[0]!, message: said('scenario.dist.huge', { value: huge, max: L.duration }) };
  const list = (xs: readonly number[]) => `[${xs.join(', ')}]`;
  if (d.fixed !== undefined && d.fixed < 0) return { key: 'fixed', message: said('scenario.dist.fixed', { value: d.fixed }) };
  if (d.uniform !== undefined) {
    const u = d.uniform;
    if (u.length !== 2) return { key: 'uniform', message: said('scenario.dist.uniform.count', { n: u.length }) };
    if (negative(u)) return { key: 'uniform', message: said('scenario.dist.uniform.negative', { list: list(u) }) };
    if (u[0]! > u[1]!) return { key: 'uniform', message: said('scenario.dist.uniform.order', { list: list(u), sorted: list([u[1]!, u[0]!]) }) };
  }
  if (d.triangular !== undefined) {
    const t = d.triangular;
    if (t.length !== 3) return { key: 'triangular', message: said('scenario.dist.triangular.count', { n: t.length }) };
    if (negative(t)) return { key: 'triangular', message: said('scenario.dist.triangular.negative', { list: list(t) }) };
    if (!(t[0]! <= t[1]! && t[1]! <= t[2]!)) return { key: 'triangular', message: said('scenario.dist.triangular.order', { list: list(t), sorted: list([...t].sort((a, b) => a - b)) }) };
  }
  if (d.exponential !== undefined && !(d.exponential > 0)) return { key: 'exponential', message: said('scenario.dist.exponential', { value: d.exponential }) };
  if (d.lognormal !== undefined) {
    const { mean, sd } = d.lognormal;
    if (!(mean > 0)) return { key: 'lognormal', message: said('scenario.dist.lognormal.mean', { value: mean }) };
    if (sd < 0) return { key: 'lognormal', message: said('scenario.dist.lognormal.sd', { value: sd }) };
  }
  if (d.empirical !== undefined) {
    if (d.empirical.length === 0) return { key: 'empirical', message: said('scenario.dist.empirical.empty') };
    if (negative(d.empirical)) return { key: 'empirical', message: said('scenario.dist.empirical.negative', { list: list(d.empirical) }) };
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
  .describe(say(said('scenario.form.distribution', { forms: said('scenario.form.distributions') })))
  .transform(toDistribution);

/** `{ <value>: p, … }` with probabilities adding up to 1. */
export const probabilityTableSchema = z
  .record(z.string(), probabilitySchema)
  .superRefine((table, ctx) => {
    const entries = Object.entries(table);
    if (entries.length === 0) return fail(ctx, 'bad-probabilities', said('scenario.probabilities.none'));
    const sum = entries.reduce((s, [, p]) => s + p, 0);
    if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
      const terms = entries.map(([k, p]) => `${k} ${p}`).join(' + ');
      fail(ctx, 'bad-probabilities', said('scenario.probabilities.sum', { sum: round(sum), terms }));
    }
  })
  .describe(say(said('scenario.form.probability-table')));

/** Whole calendar days written `365d`. */
export const daysSchema = (what: 'scenario.what.horizon' | 'scenario.what.warmup', min: number, max: number = L.horizonDays) =>
  z
    .string()
    .describe(say(said('scenario.form.days')))
    .transform((t, ctx) => {
      let days: number | undefined;
      try {
        const d = parseDuration(t);
        if (d.unit === 'd' && Number.isInteger(d.amount)) days = d.amount;
      } catch {
        // Reported below, in the words of a scenario.
      }
      if (days === undefined) {
        fail(ctx, 'bad-duration', said('scenario.days.syntax', { text: t, what: said(what) }));
        return z.NEVER;
      }
      if (days < min) {
        fail(ctx, 'bad-duration', said('scenario.days.min', { what: said(what), min, text: t }));
        return z.NEVER;
      }
      if (days > max) {
        fail(ctx, 'bad-duration', said('scenario.days.max', { what: said(what), text: t, max }));
        return z.NEVER;
      }
      return days;
    });
