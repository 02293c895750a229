import { z } from 'zod';
import { parseLocalDate } from '../calendar/date.ts';
import { parseDuration } from '../calendar/duration.ts';
import type { Distribution } from './config.ts';
import { feedbackSchema } from './scenario-feedback.ts';

/**
 * The zod schema of a scenario file (`simulations/*.yaml`): shapes, unknown keys, defaults, and
 * the checks that need nothing but the value itself (a triangular distribution in order,
 * probabilities that add up to 1, a date that exists). What needs the procedures (steps, dossier
 * fields, channels, stations) is checked in `scenario-procedure.ts`. `simulations/README.md`
 * documents every field; keep the two in step.
 *
 * Custom issues carry the `ScenarioError` code in `params.code`; other issues become `invalid`.
 *
 * @example
 * const raw = scenarioSchema.parse(YAML.parse(text)); // defaults filled in, distributions tagged
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

const D = SCENARIO_DEFAULTS;

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
function fail(ctx: Ctx, code: string, message: string, path: readonly (string | number)[] = []): void {
  ctx.addIssue({ code: 'custom', message, path: [...path], params: { code }, input: undefined });
}

/** Readable numbers in messages: 0.1 + 0.2 is shown as 0.3. */
export function round(x: number): number {
  return Number(x.toPrecision(12));
}

const number = z.number().describe('a number');
const nonNegative = (what: string, max: number) =>
  z
    .number()
    .describe(what)
    .min(0, { error: (iss) => `${String(iss.input)} is negative; ${what} is ≥ 0.` })
    .max(max, { error: (iss) => `${String(iss.input)} is above the limit of ${max} for ${what}. Write a number from 0 to ${max}.` });
const text = z.string().describe('a non-empty string').min(1, { error: 'is empty. Write a non-empty string.' });

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
const daysSchema = (what: string, min: number, max: number = L.horizonDays) =>
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

const labelSchema = z.strictObject({ vi: text, en: text }).describe('a label { vi, en }');
const legalRefSchema = z
  .strictObject({
    document: text,
    article: z.string().exactOptional(),
    url: z.string().exactOptional(),
    effectiveFrom: z.string().exactOptional(),
    confidence: z.enum(['src', 'mem', 'uncertain']),
    note: z.string().exactOptional(),
  })
  .describe('a legal reference { document, confidence, article?, url?, effectiveFrom?, note? }');

/** Office hours written out, as in a procedure's agency; checked by `compileOfficeHours` later. */
const officeHoursSchema = z
  .strictObject({
    id: text,
    name: labelSchema.exactOptional(),
    versions: z.array(
      z.strictObject({
        validFrom: z.string().describe('a date YYYY-MM-DD'),
        seasons: z.array(
          z.strictObject({
            from: z.string().describe('MM-DD, the day of the year the season starts'),
            shifts: z.array(z.string().describe('HH:MM-HH:MM')),
            name: labelSchema.exactOptional(),
          }),
        ),
        ref: legalRefSchema.exactOptional(),
      }),
    ),
  })
  .describe('office hours { id, versions: [{ validFrom, seasons: [{ from, shifts }] }] }');

const HOURS_FORMS = '"vn-default", "24x7" or office hours { id, versions: [{ validFrom, seasons: [{ from, shifts }] }] }';
export const stationHoursSchema = z.union([z.enum(['vn-default', '24x7']), officeHoursSchema]).describe(HOURS_FORMS);

const officersSchema = z
  .number()
  .describe('a whole number of officers ≥ 1')
  .int({ error: (iss) => `${String(iss.input)} is not a whole number. Officers are counted in whole people, e.g. 3.` })
  .min(1, { error: (iss) => `a station needs at least 1 officer, found ${String(iss.input)}.` })
  .max(L.officers, { error: (iss) => `${String(iss.input)} officers is above the limit of ${L.officers} for a station. Write a whole number from 1 to ${L.officers}.` });

const stationSchema = z
  .strictObject({ officers: officersSchema, hours: stationHoursSchema.exactOptional() })
  .describe('a station { officers, hours? }');

const weight = nonNegative('a relative rate', L.rate);
const weekdaysSchema = z
  .strictObject(Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, weight.exactOptional()])) as Record<(typeof WEEKDAY_KEYS)[number], z.ZodExactOptional<typeof weight>>)
  .describe('relative rates by weekday { mon: 1.2, …, sun: 0 }');
const hourKey = z.string().regex(/^(?:[01]?\d|2[0-3])$/, { error: (iss) => `"${String(iss.input)}" is not an hour. Hour keys are "00" to "23" (quote them in YAML).` });
const hoursProfileSchema = z.record(hourKey, weight).describe('relative rates by hour { "08": 1.5, … }');

const poissonSchema = z
  .strictObject({
    perDay: nonNegative('the mean number of arrivals per working day', L.perDay),
    weekdays: weekdaysSchema.exactOptional(),
    hours: hoursProfileSchema.exactOptional(),
  })
  .describe('{ perDay, weekdays?, hours? }');

const arrivalsSchema = z
  .strictObject({
    poisson: poissonSchema.exactOptional(),
    replay: text.describe('a CSV file relative to the scenario').exactOptional(),
  })
  .superRefine((a, ctx) => {
    const n = Number(a.poisson !== undefined) + Number(a.replay !== undefined);
    if (n !== 1) {
      fail(ctx, 'bad-arrivals', `${n === 0 ? 'no arrival process is given' : 'poisson and replay are both given'}. Write either { poisson: { perDay: 12 } } or { replay: arrivals.csv }.`);
    }
  })
  .describe('{ poisson: { perDay, weekdays?, hours? } } or { replay: <csv file> }');

/** What a scenario says about one step; every part may come from `default`. */
const stepBehaviourSchema = z
  .strictObject({
    duration: distributionSchema.exactOptional(),
    supplement: probabilitySchema.exactOptional(),
    refusal: probabilitySchema.exactOptional(),
  })
  .describe('{ duration?, supplement?, refusal? }');

const answerSchema = z
  .strictObject({ duration: distributionSchema, silence: probabilitySchema.default(D.silence) })
  .describe('{ duration, silence? }');

const stationMapSchema = z.record(z.string(), text.describe('a station id')).describe('{ <agency id>: <station id>, … }');

/** Accepts `version: 2025.1` unquoted, which YAML reads as a number. */
const versionSchema = z.union([text, z.number()]).describe('a version, e.g. "2025.1"').transform((v) => String(v));

const procedureEntrySchema = z
  .strictObject({
    procedure: text.describe('a catalogue id, id@version, or a procedure file relative to the scenario'),
    arrivals: arrivalsSchema,
    channels: probabilityTableSchema.exactOptional(),
    dossier: z.record(z.string(), probabilityTableSchema).describe('{ <field>: { <value>: p, … }, … }').default(() => ({})),
    incomplete: probabilitySchema.default(D.incomplete),
    withdrawal: probabilitySchema.default(D.withdrawal),
    withdrawAfter: distributionSchema.prefault(D.withdrawAfter),
    receipt: distributionSchema.prefault(D.receipt),
    steps: z.record(z.string(), stepBehaviourSchema).describe('{ <step id> | default: { duration, supplement?, refusal? }, … }').default(() => ({})),
    answers: z.record(z.string(), answerSchema).describe('{ <consult id>: { duration, silence? }, … }').default(() => ({})),
    intervals: z.record(z.string(), distributionSchema).describe('{ <excluded id>: <distribution>, … }').default(() => ({})),
    stations: stationMapSchema.default(() => ({})),
  })
  .describe('a procedure entry { procedure, arrivals, channels?, dossier?, steps, … }');

const variantProcedureSchema = z
  .strictObject({
    version: versionSchema.exactOptional(),
    channels: probabilityTableSchema.exactOptional(),
    steps: z.record(z.string(), stepBehaviourSchema).describe('{ <step id> | default: { duration?, supplement?, refusal? }, … }').default(() => ({})),
    shares: z.record(z.string(), text.describe('a duration, e.g. 1wd')).describe('{ <step id>: <share>, … }').default(() => ({})),
    perDay: nonNegative('the mean number of arrivals per working day', L.perDay).exactOptional(),
    stations: stationMapSchema.default(() => ({})),
  })
  .describe('{ version?, channels?, steps?, shares?, perDay?, stations? }');

const variantSchema = z
  .strictObject({
    name: text,
    stations: z
      .record(z.string(), z.strictObject({ officers: officersSchema.exactOptional(), hours: stationHoursSchema.exactOptional() }).describe('{ officers?, hours? }'))
      .describe('{ <station id>: { officers?, hours? }, … }')
      .default(() => ({})),
    procedures: z.record(z.string(), variantProcedureSchema).describe('{ <procedure id>: { … }, … }').default(() => ({})),
  })
  .describe('a variant { name, stations?, procedures? }');

/** The whole scenario file. */
export const scenarioSchema = z
  .strictObject({
    name: text,
    start: z
      .string()
      .describe('a date YYYY-MM-DD')
      .superRefine((t, ctx) => {
        try {
          parseLocalDate(t);
        } catch (e) {
          fail(ctx, 'bad-date', (e as Error).message);
        }
      }),
    horizon: daysSchema('horizon', 1),
    warmup: daysSchema('warm-up', 0).prefault(D.warmup),
    replications: z
      .number()
      .describe('a whole number of replications ≥ 1')
      .int({ error: (iss) => `${String(iss.input)} is not a whole number of replications. Write e.g. 5.` })
      .min(1, { error: 'needs at least 1 replication. Write e.g. 5.' })
      .max(L.replications, { error: (iss) => `${String(iss.input)} replications is above the limit of ${L.replications}. Write a whole number from 1 to ${L.replications}.` })
      .default(D.replications),
    seed: z
      .number()
      .describe('a whole number')
      .int({ error: (iss) => `${String(iss.input)} is not a whole number. Write a whole number seed, e.g. 42.` }),
    calendar: z.enum(['vn', '24x7']).default(D.calendar),
    discipline: z.enum(['fcfs', 'edd']).default(D.discipline),
    drain: z.boolean().describe('true or false').default(D.drain),
    applicantResponse: distributionSchema.prefault(() => ({ uniform: [...D.applicantResponse.uniform] })),
    transfer: z
      .strictObject({ paper: distributionSchema.prefault(() => ({ triangular: [...D.transfer.paper.triangular] })), online: distributionSchema.prefault(D.transfer.online) })
      .describe('{ paper?, online? }')
      .prefault({}),
    apologyExtensionDays: z
      .number()
      .describe('a whole number of working days ≥ 0')
      .int({ error: (iss) => `${String(iss.input)} is not a whole number of working days. Write e.g. 5.` })
      .min(0, { error: (iss) => `${String(iss.input)} is negative. Write a whole number of working days ≥ 0, e.g. 5.` })
      .max(L.apologyExtensionDays, { error: (iss) => `${String(iss.input)} working days is above the limit of ${L.apologyExtensionDays}. Write a whole number from 0 to ${L.apologyExtensionDays}.` })
      .default(D.apologyExtensionDays),
    stations: z
      .record(z.string(), stationSchema)
      .describe('{ <station id>: { officers, hours? }, … }')
      .refine((s) => Object.keys(s).length > 0, { error: 'no station is declared. Declare at least one: stations: { desk: { officers: 2 } }.' }),
    procedures: z
      .array(procedureEntrySchema)
      .describe('a list of procedure entries')
      .min(1, { error: 'no procedure is listed. Add at least one: procedures: [{ procedure: birth-registration, arrivals: { poisson: { perDay: 10 } }, … }].' }),
    variants: z.array(variantSchema).describe('a list of variants').default(() => []),
    feedback: feedbackSchema(probabilitySchema).optional(),
  })
  .describe('a scenario { name, start, horizon, seed, stations, procedures, … }');

/** A scenario file after the schema: defaults in, distributions tagged, days counted. */
export type ScenarioFile = z.output<typeof scenarioSchema>;
export type ProcedureEntry = z.output<typeof procedureEntrySchema>;
export type VariantEntry = z.output<typeof variantSchema>;
export type VariantProcedureEntry = z.output<typeof variantProcedureSchema>;
export type StepBehaviourEntry = z.output<typeof stepBehaviourSchema>;
export type StationHoursEntry = z.output<typeof stationHoursSchema>;
export type ArrivalsEntry = z.output<typeof arrivalsSchema>;
