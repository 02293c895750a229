import { z } from 'zod';
import { parseLocalDate } from '../../calendar/date.ts';
import { feedbackSchema } from './feedback.ts';
import { SCENARIO_DEFAULTS as D, SCENARIO_LIMITS as L, WEEKDAY_KEYS, daysSchema, distributionSchema, fail, nonNegative, probabilitySchema, probabilityTableSchema, text } from './values.ts';

/**
 * The zod schema of a scenario file (`simulations/*.yaml`): its shape, unknown keys and defaults,
 * built from the value schemas of `values.ts` (distributions, probabilities, days, limits). What
 * needs the procedures (steps, dossier fields, channels, stations) is checked in `procedure.ts`.
 * `simulations/README.md` documents every field; keep the two in step.
 *
 * Custom issues carry the `ScenarioError` code in `params.code`; other issues become `invalid`.
 *
 * @example
 * const raw = scenarioSchema.parse(YAML.parse(text)); // defaults filled in, distributions tagged
 */

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
