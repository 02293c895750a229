import { z } from 'zod';
import { parseLocalDate } from '../../calendar/date.ts';
import { MotcuaError } from '../../errors.ts';
import { feedbackSchema } from './feedback.ts';
import { inIssue, said, saidAs } from './said.ts';
import { SCENARIO_DEFAULTS as D, SCENARIO_LIMITS as L, WEEKDAY_KEYS, daysSchema, distributionSchema, fail, input as value, nonNegative, probabilitySchema, probabilityTableSchema, text } from './values.ts';

/**
 * The zod schema of a scenario file (`simulations/*.yaml`): its shape, unknown keys and defaults,
 * built from the value schemas of `values.ts` (distributions, probabilities, days, limits). What
 * needs the procedures (steps, dossier fields, channels, stations) is checked in `procedure.ts`.
 * `simulations/README.md` documents every field; keep the two in step.
 *
 * Custom issues carry the `ScenarioError` code in `params.code`; other issues become `invalid`.
 * Messages and descriptions are catalogue messages packed by `said.ts`, said in the reader's
 * language by `read.ts`.
 *
 * @example
 * const raw = scenarioSchema.parse(YAML.parse(text)); // defaults filled in, distributions tagged
 */

const labelSchema = z.strictObject({ vi: text, en: text }).describe(inIssue(said('scenario.form.label')));
const legalRefSchema = z
  .strictObject({
    document: text,
    article: z.string().exactOptional(),
    url: z.string().exactOptional(),
    effectiveFrom: z.string().exactOptional(),
    confidence: z.enum(['src', 'mem', 'uncertain']),
    note: z.string().exactOptional(),
  })
  .describe(inIssue(said('scenario.form.legal-ref')));

/** Office hours written out, as in a procedure's agency; checked by `compileOfficeHours` later. */
const officeHoursSchema = z
  .strictObject({
    id: text,
    name: labelSchema.exactOptional(),
    versions: z.array(
      z.strictObject({
        validFrom: z.string().describe(inIssue(said('scenario.form.date'))),
        seasons: z.array(
          z.strictObject({
            from: z.string().describe(inIssue(said('scenario.form.season-from'))),
            shifts: z.array(z.string().describe('HH:MM-HH:MM')),
            name: labelSchema.exactOptional(),
          }),
        ),
        ref: legalRefSchema.exactOptional(),
      }),
    ),
  })
  .describe(inIssue(said('scenario.form.office-hours')));

export const stationHoursSchema = z.union([z.enum(['vn-default', '24x7']), officeHoursSchema]).describe(inIssue(said('scenario.form.hours')));

const officersSchema = z
  .number()
  .describe(inIssue(said('scenario.form.officers')))
  .int({ error: (iss) => inIssue(said('scenario.officers.whole', { value: value(iss) })) })
  .min(1, { error: (iss) => inIssue(said('scenario.officers.min', { value: value(iss) })) })
  .max(L.officers, { error: (iss) => inIssue(said('scenario.officers.max', { value: value(iss), max: L.officers })) });

const stationSchema = z
  .strictObject({ officers: officersSchema, hours: stationHoursSchema.exactOptional() })
  .describe(inIssue(said('scenario.form.station')));

const weight = nonNegative('scenario.form.rate', L.rate);
const weekdaysSchema = z
  .strictObject(Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, weight.exactOptional()])) as Record<(typeof WEEKDAY_KEYS)[number], z.ZodExactOptional<typeof weight>>)
  .describe(inIssue(said('scenario.form.weekdays')));
const hourKey = z.string().regex(/^(?:[01]?\d|2[0-3])$/, { error: (iss) => inIssue(said('scenario.hour-key', { value: value(iss) })) });
const hoursProfileSchema = z.record(hourKey, weight).describe(inIssue(said('scenario.form.hour-profile')));

const poissonSchema = z
  .strictObject({
    perDay: nonNegative('scenario.form.per-day', L.perDay),
    weekdays: weekdaysSchema.exactOptional(),
    hours: hoursProfileSchema.exactOptional(),
  })
  .describe('{ perDay, weekdays?, hours? }');

const arrivalsSchema = z
  .strictObject({
    poisson: poissonSchema.exactOptional(),
    replay: text.describe(inIssue(said('scenario.form.replay'))).exactOptional(),
  })
  .superRefine((a, ctx) => {
    const n = Number(a.poisson !== undefined) + Number(a.replay !== undefined);
    if (n !== 1) {
      fail(ctx, 'bad-arrivals', said(n === 0 ? 'scenario.arrivals.none' : 'scenario.arrivals.both'));
    }
  })
  .describe(inIssue(said('scenario.form.arrivals')));

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

const stationMapSchema = z.record(z.string(), text.describe(inIssue(said('scenario.form.station-id')))).describe(inIssue(said('scenario.form.station-map')));

/** Accepts `version: 2025.1` unquoted, which YAML reads as a number. */
const versionSchema = z.union([text, z.number()]).describe(inIssue(said('scenario.form.version'))).transform((v) => String(v));

const procedureEntrySchema = z
  .strictObject({
    procedure: text.describe(inIssue(said('scenario.form.procedure'))),
    arrivals: arrivalsSchema,
    channels: probabilityTableSchema.exactOptional(),
    dossier: z.record(z.string(), probabilityTableSchema).describe(inIssue(said('scenario.form.dossier'))).default(() => ({})),
    incomplete: probabilitySchema.default(D.incomplete),
    withdrawal: probabilitySchema.default(D.withdrawal),
    withdrawAfter: distributionSchema.prefault(D.withdrawAfter),
    receipt: distributionSchema.prefault(D.receipt),
    steps: z.record(z.string(), stepBehaviourSchema).describe(inIssue(said('scenario.form.steps'))).default(() => ({})),
    answers: z.record(z.string(), answerSchema).describe(inIssue(said('scenario.form.answers'))).default(() => ({})),
    intervals: z.record(z.string(), distributionSchema).describe(inIssue(said('scenario.form.intervals'))).default(() => ({})),
    stations: stationMapSchema.default(() => ({})),
  })
  .describe(inIssue(said('scenario.form.entry')));

const variantProcedureSchema = z
  .strictObject({
    version: versionSchema.exactOptional(),
    channels: probabilityTableSchema.exactOptional(),
    steps: z.record(z.string(), stepBehaviourSchema).describe(inIssue(said('scenario.form.variant-steps'))).default(() => ({})),
    shares: z.record(z.string(), text.describe(inIssue(said('scenario.form.share')))).describe(inIssue(said('scenario.form.shares'))).default(() => ({})),
    perDay: nonNegative('scenario.form.per-day', L.perDay).exactOptional(),
    stations: stationMapSchema.default(() => ({})),
  })
  .describe('{ version?, channels?, steps?, shares?, perDay?, stations? }');

const variantSchema = z
  .strictObject({
    name: text,
    stations: z
      .record(z.string(), z.strictObject({ officers: officersSchema.exactOptional(), hours: stationHoursSchema.exactOptional() }).describe('{ officers?, hours? }'))
      .describe(inIssue(said('scenario.form.variant-stations')))
      .default(() => ({})),
    procedures: z.record(z.string(), variantProcedureSchema).describe(inIssue(said('scenario.form.variant-procedures'))).default(() => ({})),
  })
  .describe(inIssue(said('scenario.form.variant')));

/** The whole scenario file. */
export const scenarioSchema = z
  .strictObject({
    name: text,
    start: z
      .string()
      .describe(inIssue(said('scenario.form.date')))
      .superRefine((t, ctx) => {
        try {
          parseLocalDate(t);
        } catch (e) {
          fail(ctx, 'bad-date', e instanceof MotcuaError && e.messages !== undefined ? saidAs(e.messages) : saidAs({ vi: (e as Error).message, en: (e as Error).message }));
        }
      }),
    horizon: daysSchema('scenario.what.horizon', 1),
    warmup: daysSchema('scenario.what.warmup', 0).prefault(D.warmup),
    replications: z
      .number()
      .describe(inIssue(said('scenario.form.replications')))
      .int({ error: (iss) => inIssue(said('scenario.replications.whole', { value: value(iss) })) })
      .min(1, { error: inIssue(said('scenario.replications.min')) })
      .max(L.replications, { error: (iss) => inIssue(said('scenario.replications.max', { value: value(iss), max: L.replications })) })
      .default(D.replications),
    seed: z
      .number()
      .describe(inIssue(said('scenario.form.whole')))
      .int({ error: (iss) => inIssue(said('scenario.seed.whole', { value: value(iss) })) }),
    calendar: z.enum(['vn', '24x7']).default(D.calendar),
    discipline: z.enum(['fcfs', 'edd']).default(D.discipline),
    drain: z.boolean().describe(inIssue(said('scenario.form.boolean'))).default(D.drain),
    applicantResponse: distributionSchema.prefault(() => ({ uniform: [...D.applicantResponse.uniform] })),
    transfer: z
      .strictObject({ paper: distributionSchema.prefault(() => ({ triangular: [...D.transfer.paper.triangular] })), online: distributionSchema.prefault(D.transfer.online) })
      .describe('{ paper?, online? }')
      .prefault({}),
    apologyExtensionDays: z
      .number()
      .describe(inIssue(said('scenario.form.working-days')))
      .int({ error: (iss) => inIssue(said('scenario.apology.whole', { value: value(iss) })) })
      .min(0, { error: (iss) => inIssue(said('scenario.apology.min', { value: value(iss) })) })
      .max(L.apologyExtensionDays, { error: (iss) => inIssue(said('scenario.apology.max', { value: value(iss), max: L.apologyExtensionDays })) })
      .default(D.apologyExtensionDays),
    stations: z
      .record(z.string(), stationSchema)
      .describe(inIssue(said('scenario.form.stations')))
      .refine((s) => Object.keys(s).length > 0, { error: inIssue(said('scenario.stations.none')) }),
    procedures: z
      .array(procedureEntrySchema)
      .describe(inIssue(said('scenario.form.entries')))
      .min(1, { error: inIssue(said('scenario.procedures.none')) }),
    variants: z.array(variantSchema).describe(inIssue(said('scenario.form.variants'))).default(() => []),
    feedback: feedbackSchema(probabilitySchema).optional(),
  })
  .describe(inIssue(said('scenario.form.scenario')));

/** A scenario file after the schema: defaults in, distributions tagged, days counted. */
export type ScenarioFile = z.output<typeof scenarioSchema>;
export type ProcedureEntry = z.output<typeof procedureEntrySchema>;
export type VariantEntry = z.output<typeof variantSchema>;
export type VariantProcedureEntry = z.output<typeof variantProcedureSchema>;
export type StepBehaviourEntry = z.output<typeof stepBehaviourSchema>;
export type StationHoursEntry = z.output<typeof stationHoursSchema>;
export type ArrivalsEntry = z.output<typeof arrivalsSchema>;
