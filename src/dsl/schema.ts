import { z } from 'zod';
import { CHANNELS, EXCLUDED_REASONS, LEVELS } from './spec.ts';
import { type Lang, t } from '../i18n/translate.ts';

/**
 * The zod schema of a `ProcedureSpec`: the structural half of validation (shapes, literal
 * tags, unknown keys) and the single place where defaults live. The semantic half (agencies that
 * exist, unique ids, branches with a way out…) is in `validate.ts`; the JSON Schema for authors is
 * generated from this one (`json-schema.ts`), so the three never disagree.
 *
 * Optional fields use `exactOptional()`: a key is either absent or holds a value, which is what
 * `ProcedureSpec` says under `exactOptionalPropertyTypes`.
 *
 * @example
 * const spec: ProcedureSpec = procedureSchema.parse(json); // defaults filled in; throws on bad shapes
 */

/**
 * The defaults applied to what a designer may leave out.
 *
 * @example
 * PROCEDURE_DEFAULTS.receipt.transferCutoff // → '15:00'
 * PROCEDURE_DEFAULTS.lateness.apology // → { noticeBefore: '1wd', max: 1 }
 */
export const PROCEDURE_DEFAULTS = {
  dossier: {},
  legal: [],
  receipt: { channels: ['in-person'], handover: 'transfer', transferCutoff: '15:00', maxCompletionRequests: 1 },
  clock: { supplement: 'pause', maxSupplementsPerAgency: 1 },
  lateness: { apology: { noticeBefore: '1wd', max: 1 }, early: 'before-due-date', apologyCountsAsLate: true },
  result: { ratingWindow: '10d' },
} as const;

const D = PROCEDURE_DEFAULTS;

const text = z.string().min(1);
const id = z.string().min(1);
const duration = z.string().describe('A duration: 3wd, 0.5wd, 4wh, 10d, "3 working days", "10 days".');

const labelSchema = z.object({ vi: text, en: text }).strict().meta({ id: 'Label', description: 'A label in Vietnamese and English.' });

export const legalRefSchema = z
  .object({
    document: text,
    documentVi: z.string().exactOptional().describe('The document as cited in Vietnamese, for a citation motcua cannot translate (one that is not a numbered legal text).'),
    article: z.string().exactOptional(),
    url: z.string().exactOptional(),
    effectiveFrom: z.string().exactOptional().describe('YYYY-MM-DD from which the rule applies.'),
    effectiveTo: z.string().exactOptional().describe('YYYY-MM-DD, the last day the rule applies (repealed or replaced after it).'),
    confidence: z.enum(['src', 'mem', 'uncertain']),
    note: z.string().exactOptional(),
  })
  .strict()
  .meta({ id: 'LegalRef', description: 'A reference to the legal text a rule comes from.' });

const levelSchema = z.enum(LEVELS);

const officeHoursSchema = z
  .object({
    id,
    name: labelSchema.exactOptional(),
    versions: z.array(
      z
        .object({
          validFrom: z.string().describe('YYYY-MM-DD'),
          seasons: z.array(
            z
              .object({
                from: z.string().describe('MM-DD, the day of the year the season starts'),
                shifts: z.array(z.string().describe('HH:MM-HH:MM')),
                name: labelSchema.exactOptional(),
              })
              .strict(),
          ),
          ref: legalRefSchema.exactOptional(),
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: 'OfficeHours', description: 'Office hours, dated by validity, with seasonal schedules; standard hours when absent.' });

const agencySchema = z
  .object({
    name: labelSchema,
    level: levelSchema,
    desk: z.boolean().exactOptional().describe('The one-stop desk; exactly one agency is the desk.'),
    hours: officeHoursSchema.exactOptional(),
    succeededBy: z
      .object({ name: labelSchema, from: z.string().describe('YYYY-MM-DD, the first day the successor is competent'), ref: legalRefSchema })
      .strict()
      .exactOptional()
      .describe('The agency that took over its competence, from a date (e.g. the district level abolished on 2025-07-01).'),
  })
  .strict()
  .meta({ id: 'Agency' });

const dossierFieldSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('boolean'), label: labelSchema }).strict(),
  z.object({ type: z.literal('enum'), values: z.array(text).min(1), label: labelSchema }).strict(),
  z.object({ type: z.literal('number'), label: labelSchema }).strict(),
  z.object({ type: z.literal('string'), label: labelSchema }).strict(),
]).meta({ id: 'DossierField', description: 'A field of the dossier that branches may test.' });

const receiptSchema = z
  .object({
    desk: id.describe('Id of the desk agency.'),
    channels: z
      .array(z.enum(CHANNELS))
      .min(1)
      .default(() => [...D.receipt.channels]),
    handover: z
      .enum(['transfer', 'immediate'])
      .default(D.receipt.handover)
      .describe('transfer: the desk hands the dossier to the agency (same day, or at the start of the next working day after the cut-off); immediate: the desk officer processes it himself (same-day commune procedures).'),
    transferCutoff: z
      .string()
      .default(D.receipt.transferCutoff)
      .describe('HH:MM; paper dossiers received at or after it go to the agency at the start of the next working day.'),
    maxCompletionRequests: z.number().int().nonnegative().default(D.receipt.maxCompletionRequests),
    receivingPoints: z
      .object({ scope: z.literal('any-centre-in-province'), ref: legalRefSchema })
      .strict()
      .exactOptional()
      .describe('Where a dossier may be handed in when that is wider than the competent agency’s desk: any public administration service centre of the province (Decree 118/2025/NĐ-CP).'),
    ref: legalRefSchema.exactOptional(),
  })
  .strict();

const limitSchema = z
  .object({
    duration: duration.describe('The statutory limit, e.g. 15wd, 15d; for a same-day limit the longest it can take, 1wd.'),
    mode: z
      .enum(['date', 'hours', 'same-day'])
      .describe('date: Civil Code Art. 147–148, whole days; hours: working time from the receipt instant; same-day: the close of office hours on the day of receipt, or of the next working day when received at or after the cut-off.'),
    cutoff: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .exactOptional()
      .describe('HH:MM, for same-day limits: received at or after it, the dossier is due the next working day (the one-stop rules of the period, 15:00, when absent).'),
    ref: legalRefSchema,
  })
  .strict();

const clockSchema = z
  .object({
    supplement: z.enum(['pause', 'restart']).default(D.clock.supplement),
    maxSupplementsPerAgency: z.number().int().nonnegative().default(D.clock.maxSupplementsPerAgency),
    supplementsPer: z
      .enum(['agency', 'dossier'])
      .exactOptional()
      .describe('Whether maxSupplementsPerAgency counts the requests of the whole dossier or of each agency. When absent, the one-stop rules of the period of receipt decide: per dossier (the practice, and what the Decision 766 computation counts).'),
    ref: legalRefSchema.exactOptional(),
  })
  .strict();

const latenessSchema = z
  .object({
    apology: z
      .object({
        noticeBefore: duration.default(D.lateness.apology.noticeBefore),
        max: z.number().int().nonnegative().default(D.lateness.apology.max),
        ref: legalRefSchema.exactOptional(),
      })
      .strict()
      .prefault({}),
    early: z
      .union([z.literal('before-due-date'), z.object({ before: duration }).strict()])
      .default(D.lateness.early),
    apologyCountsAsLate: z.boolean().default(D.lateness.apologyCountsAsLate),
  })
  .strict();

const resultSchema = z.object({ ratingWindow: duration.default(D.result.ratingWindow) }).strict();

const stepSchema = z
  .object({
    kind: z.literal('step'),
    id,
    agency: id,
    title: labelSchema,
    share: duration.describe("This agency's share of the limit."),
    role: z.string().exactOptional(),
    ref: legalRefSchema.exactOptional(),
  })
  .strict()
  .meta({ id: 'Step', description: 'Work done by one agency, with its share of the limit.' });

const parallelSchema = z
  .object({
    kind: z.literal('parallel'),
    id,
    title: labelSchema.exactOptional(),
    get branches(): z.ZodArray<z.ZodArray<typeof flowNodeSchema>> {
      return z.array(z.array(flowNodeSchema));
    },
    ref: legalRefSchema.exactOptional(),
  })
  .strict()
  .meta({ id: 'Parallel', description: 'Fan-out: every branch runs, and all must finish before the flow goes on.' });

const branchCaseSchema = z
  .object({
    when: z.union([z.string(), z.number(), z.boolean()]),
    get flow(): z.ZodArray<typeof flowNodeSchema> {
      return z.array(flowNodeSchema);
    },
    extendLimit: duration.exactOptional(),
    ref: legalRefSchema.exactOptional(),
  })
  .strict();

const branchOtherwiseSchema = z
  .object({
    get flow(): z.ZodArray<typeof flowNodeSchema> {
      return z.array(flowNodeSchema);
    },
    extendLimit: duration.exactOptional(),
    ref: legalRefSchema.exactOptional(),
  })
  .strict();

const branchSchema = z
  .object({
    kind: z.literal('branch'),
    id,
    title: labelSchema.exactOptional(),
    field: id.describe('A field declared under dossier.'),
    cases: z.array(branchCaseSchema),
    otherwise: branchOtherwiseSchema.exactOptional(),
    ref: legalRefSchema.exactOptional(),
  })
  .strict()
  .meta({ id: 'Branch', description: 'A choice on dossier data.' });

const consultSchema = z
  .object({
    kind: z.literal('consult'),
    id,
    title: labelSchema,
    lead: id,
    consulted: z.array(id),
    answerWithin: duration,
    deemedConsent: z.boolean(),
    ref: legalRefSchema.exactOptional(),
  })
  .strict()
  .meta({ id: 'Consult', description: 'The lead agency consults others; with deemedConsent, silence is consent.' });

const excludedSchema = z
  .object({
    kind: z.literal('excluded'),
    id,
    title: labelSchema,
    reason: z.enum(EXCLUDED_REASONS),
    party: id.describe('Who ends the interval: "applicant" or an agency id.'),
    lasts: duration.exactOptional(),
    ref: legalRefSchema.exactOptional(),
  })
  .strict()
  .meta({ id: 'Excluded', description: 'Time excluded from the limit: payment, public posting, expert assessment.' });

/** One node of a flow, told apart by `kind`. */
export const flowNodeSchema = z
  .discriminatedUnion('kind', [stepSchema, parallelSchema, branchSchema, consultSchema, excludedSchema])
  .meta({ id: 'FlowNode' });

/**
 * The whole procedure. Parsing fills in {@link PROCEDURE_DEFAULTS}.
 *
 * @example
 * const { clock, ...rest } = birthRegistration2025;
 * procedureSchema.parse(rest).clock // → { supplement: 'pause', maxSupplementsPerAgency: 1 }
 */
export const procedureSchema = z
  .object({
    id,
    version: text,
    effectiveFrom: z.string().describe('YYYY-MM-DD from which this version applies.'),
    effectiveTo: z.string().exactOptional().describe('YYYY-MM-DD, the last day a dossier may be received under this version; open-ended when absent.'),
    title: labelSchema,
    level: levelSchema,
    legal: z.array(legalRefSchema).default(() => []),
    agencies: z.record(id, agencySchema),
    dossier: z.record(id, dossierFieldSchema).default(() => ({})),
    receipt: receiptSchema,
    flow: z.array(flowNodeSchema),
    limit: limitSchema,
    clock: clockSchema.prefault({}),
    lateness: latenessSchema.prefault({}),
    result: resultSchema.prefault({}),
  })
  .strict();

/** Read-only all the way down, like `ProcedureSpec`, so that a spec can be passed where an input is expected. */
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * What a designer writes: a `ProcedureSpec` where every defaulted field may be left out.
 * Every `ProcedureSpec` is a `ProcedureInput`.
 *
 * @example
 * const input: ProcedureInput = { id: 'birth', …, receipt: { desk: 'desk' } }; // channels, cut-off… defaulted
 */
export type ProcedureInput = DeepReadonly<z.input<typeof procedureSchema>>;

/** What parsing returns; assignable to `ProcedureSpec` (checked where `validate.ts` returns it). */
export type ProcedureOutput = z.output<typeof procedureSchema>;

type Segment = string | number;
type Schema = z.core.$ZodType;

/** Strips defaults and optionality, which say nothing about the shape expected. */
function unwrap(schema: Schema): Schema {
  let s = schema as z.core.$ZodTypes;
  while (s._zod.def.type === 'optional' || s._zod.def.type === 'default' || s._zod.def.type === 'prefault') {
    s = s._zod.def.innerType as z.core.$ZodTypes;
  }
  return s;
}

/** The schema of `value[segment]` inside `schema`; for unions, the option that fits `value`. */
function childSchema(schema: Schema, segment: Segment, value: unknown): Schema | undefined {
  const s = unwrap(schema) as z.core.$ZodTypes;
  const def = s._zod.def;
  switch (def.type) {
    case 'object':
      return typeof segment === 'string' && Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
    case 'array':
      return typeof segment === 'number' ? def.element : undefined;
    case 'record':
      return typeof segment === 'string' ? def.valueType : undefined;
    case 'union': {
      const option = optionFor(def.options, (def as { discriminator?: string }).discriminator, value);
      if (option !== undefined) return childSchema(option, segment, value);
      for (const o of def.options) {
        const child = childSchema(o, segment, value);
        if (child !== undefined) return child;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The option of a discriminated union chosen by the tag in `value`, if any. */
function optionFor(options: readonly Schema[], discriminator: string | undefined, value: unknown): Schema | undefined {
  if (discriminator === undefined || typeof value !== 'object' || value === null) return undefined;
  const tag = (value as Record<string, unknown>)[discriminator];
  return options.find((o) => {
    const field = (unwrap(o) as z.core.$ZodTypes)._zod.def;
    const literal = field.type === 'object' ? (field.shape[discriminator] as z.core.$ZodTypes | undefined)?._zod.def : undefined;
    return literal?.type === 'literal' && literal.values.includes(tag as z.core.util.Literal);
  });
}

/**
 * The schema expected at `path` inside a procedure (`input` picks the option of tagged unions),
 * or `undefined` when the path leaves the schema.
 */
export function schemaAt(path: readonly Segment[], input: unknown): Schema | undefined {
  let schema: Schema | undefined = procedureSchema;
  let value = input;
  for (const segment of path) {
    schema = schema === undefined ? undefined : childSchema(schema, segment, value);
    value = typeof value === 'object' && value !== null ? (value as Record<Segment, unknown>)[segment] : undefined;
  }
  if (schema === undefined) return undefined;
  const def = (unwrap(schema) as z.core.$ZodTypes)._zod.def;
  return (def.type === 'union' && optionFor(def.options, (def as { discriminator?: string }).discriminator, value)) || schema;
}

/**
 * What a schema expects, in words, for error messages: `{ kind: "step", id, agency, title, share,
 * role?, ref? }`, `[a non-empty string, …]`, `a whole number ≥ 0`, `a string (YYYY-MM-DD…)`.
 */
export function describeExpected(schema: Schema, lang: Lang = 'en'): string {
  let description: string | undefined;
  let s = schema as z.core.$ZodTypes;
  for (;;) {
    description ??= z.globalRegistry.get(s)?.description;
    const def = s._zod.def;
    if (def.type !== 'optional' && def.type !== 'default' && def.type !== 'prefault') break;
    s = def.innerType as z.core.$ZodTypes;
  }
  const def = s._zod.def;
  // The schema's descriptions document the format in English (they are the JSON Schema's docs too):
  // in Vietnamese only a bare pattern such as YYYY-MM-DD or HH:MM is repeated.
  const shown = description === undefined ? undefined : lang === 'en' || /^[A-Z]{2,4}([:-][A-Z]{2,4})*$/.test(description) ? description : undefined;
  const note = shown === undefined ? '' : ` (${shown.replace(/\.$/, '')})`;
  switch (def.type) {
    case 'string':
      return `${t(lang, (s as unknown as z.ZodString).minLength ? 'expect.string.non-empty' : 'expect.string')}${note}`;
    case 'number':
      return `${t(lang, (s as unknown as z.ZodNumber).isInt ? 'expect.number.whole' : 'expect.number')}${(s as unknown as z.ZodNumber).minValue === 0 ? ' ≥ 0' : ''}${note}`;
    case 'boolean':
      return t(lang, 'expect.boolean');
    case 'literal':
      return def.values.map((v) => JSON.stringify(v)).join(' | ');
    case 'enum':
      return t(lang, 'expect.one-of', { values: Object.values(def.entries).map((v) => JSON.stringify(v)).join(' | ') });
    case 'array':
      return `[${describeExpected(def.element, lang)}, …]`;
    case 'record':
      return `{ "<name>": ${describeExpected(def.valueType, lang)}, … }`;
    case 'object':
      return `{ ${Object.entries(def.shape)
        .map(([k, v]) => {
          const field = unwrap(v) as z.core.$ZodTypes;
          if (field._zod.def.type === 'literal') return `${k}: ${describeExpected(field, lang)}`;
          return v._zod.optin === undefined ? k : `${k}?`;
        })
        .join(', ')} }`;
    case 'union': {
      const discriminator = (def as { discriminator?: string }).discriminator;
      if (discriminator !== undefined) {
        const tags = def.options.flatMap((o) => {
          const d = (unwrap(o) as z.core.$ZodTypes)._zod.def;
          const tag = d.type === 'object' ? (unwrap(d.shape[discriminator]!) as z.core.$ZodTypes)._zod.def : undefined;
          return tag?.type === 'literal' ? tag.values.map((v) => JSON.stringify(v)) : [];
        });
        return `{ ${discriminator}: ${tags.join(' | ')}, … }`;
      }
      return def.options.map((o) => describeExpected(o, lang)).join(t(lang, 'expect.or'));
    }
    default:
      return t(lang, 'expect.other');
  }
}
