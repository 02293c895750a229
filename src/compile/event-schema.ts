import { z } from 'zod';
import { type Instant, parseInstant } from '../calendar/instant.ts';

/**
 * The one definition of a case event. Every event kind and its fields are written once, in
 * `eventFields`; two schemas are made from it:
 * - `caseEventSchema`: the in-memory form the engine checks (instants in milliseconds since the
 *   epoch, actors as objects), whose output type is `CaseEvent`;
 * - `caseEventJsonSchema`: the JSON form scripts, the CLI and HTTP clients write (local instants
 *   `2025-03-03T10:00`, actors by name), which reads into the same `CaseEvent`. The JSON Schema
 *   `schema/event.schema.json` is written from it (`npm run schema`; a test keeps it current).
 */

/**
 * The applicant's satisfaction rating after the return.
 *
 * @example
 * RATINGS // → [ 'very-satisfied', 'satisfied', 'not-satisfied' ]
 */
export const RATINGS = ['very-satisfied', 'satisfied', 'not-satisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/**
 * Every event type, in the order of a dossier's life.
 *
 * @example
 * CASE_EVENT_TYPES.indexOf('ACCEPT') < CASE_EVENT_TYPES.indexOf('RETURN_RESULT') // → true
 * CASE_EVENT_TYPES.length // → 14
 */
export const CASE_EVENT_TYPES = [
  'ACCEPT',
  'REQUEST_COMPLETION',
  'REFUSE',
  'TRANSFER',
  'COMPLETE',
  'REQUEST_SUPPLEMENT',
  'SUPPLY',
  'ANSWER',
  'FINISH_INTERVAL',
  'APOLOGIZE',
  'WITHDRAW',
  'RETURN_RESULT',
  'RATE',
  'TIMER',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

const MAX_MS = 8.64e15;
const text = z.string().max(10_000);
const texts = z.array(text).max(1_000).readonly();

/** In memory: milliseconds since the epoch (UTC). */
const instantMs = z
  .number()
  .int()
  .min(-MAX_MS)
  .max(MAX_MS)
  .transform((ms) => ms as Instant)
  .describe('milliseconds since 1970-01-01T00:00Z');

/** In JSON: a Vietnamese local instant, or one with an explicit offset. */
const instantText = z
  .string()
  .describe('a local instant in Vietnam (UTC+7), YYYY-MM-DDTHH:MM, or with an offset: 2025-03-03T10:00+07:00')
  .transform((value, ctx): Instant => {
    try {
      return parseInstant(value);
    } catch (error) {
      ctx.issues.push({ code: 'custom', input: value, message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });

/** The officer who acts for the agency (a name or staff id), recorded on the control slip and in event logs as `org:resource`. */
const officer = z.string().min(1).max(200).optional();
const agencyActor = z
  .object({ kind: z.literal('agency'), agency: z.string().min(1).max(200), role: z.string().min(1).max(200).optional(), officer })
  .strict();
const actorObject = z.discriminatedUnion('kind', [
  agencyActor,
  z.object({ kind: z.literal('applicant') }).strict(),
  z.object({ kind: z.literal('system') }).strict(),
]);

/** Who acts: an agency (the desk is one) with an optional role and officer, the applicant, or the system's clock. */
export type Actor = z.output<typeof actorObject>;

/** In JSON: `"desk"` or `{"agency":"desk","role":"clerk","officer":"Lan"}` for an agency, `"applicant"`, `"system"`. */
const actorJson = z
  .union([
    z.string().min(1).max(200).describe('an agency id, "applicant" or "system"'),
    z.object({ agency: z.string().min(1).max(200), role: z.string().min(1).max(200).optional(), officer }).strict(),
  ])
  .transform((by): Actor => {
    if (by === 'applicant') return { kind: 'applicant' };
    if (by === 'system') return { kind: 'system' };
    if (typeof by === 'string') return { kind: 'agency', agency: by };
    return { kind: 'agency', agency: by.agency, ...(by.role === undefined ? {} : { role: by.role }), ...(by.officer === undefined ? {} : { officer: by.officer }) };
  });

type Form = 'memory' | 'json';

/** The fields of each event kind beside `type`, `at` and `by`; the JSON form fills a few defaults. */
function eventFields<F extends Form>(form: F, instant: F extends 'json' ? typeof instantText : typeof instantMs) {
  const json = form === 'json';
  return {
    ACCEPT: {},
    REQUEST_COMPLETION: { missing: json ? texts.default([]) : texts },
    REFUSE: { step: text.optional(), reasons: texts },
    TRANSFER: {},
    COMPLETE: { step: text, note: text.optional() },
    REQUEST_SUPPLEMENT: { step: text, missing: json ? texts.default([]) : texts },
    SUPPLY: { step: text.optional() },
    ANSWER: { consult: text, agree: json ? z.boolean().default(true) : z.boolean(), note: text.optional() },
    FINISH_INTERVAL: { interval: text },
    APOLOGIZE: { newDue: instant, reason: text },
    WITHDRAW: { reason: text.optional() },
    RETURN_RESULT: {},
    RATE: { rating: z.enum(RATINGS), comment: text.optional() },
    TIMER: { timer: text },
  } as const;
}

const memoryFields = eventFields('memory', instantMs);
const jsonFields = eventFields('json', instantText);

function union<S extends Record<CaseEventType, z.ZodRawShape>, I extends z.ZodType, A extends z.ZodType>(fields: S, at: I, by: A) {
  const member = <T extends CaseEventType>(type: T) => z.object({ type: z.literal(type), at, by, ...fields[type] }).strict();
  return z.discriminatedUnion('type', [
    member('ACCEPT'),
    member('REQUEST_COMPLETION'),
    member('REFUSE'),
    member('TRANSFER'),
    member('COMPLETE'),
    member('REQUEST_SUPPLEMENT'),
    member('SUPPLY'),
    member('ANSWER'),
    member('FINISH_INTERVAL'),
    member('APOLOGIZE'),
    member('WITHDRAW'),
    member('RETURN_RESULT'),
    member('RATE'),
    member('TIMER'),
  ]);
}

/** The in-memory form of an event, checked by the engine before anything is read or written. */
export const caseEventSchema = union(memoryFields, instantMs, actorObject);

/** The JSON form of an event (local instants, actors by name), read by the CLI and the HTTP API. */
export const caseEventJsonSchema = union(jsonFields, instantText, actorJson);

/** Everything that can happen to a case. */
export type CaseEvent = z.output<typeof caseEventSchema>;

/** The JSON form of an event, as scripts write it. */
export type CaseEventJson = z.input<typeof caseEventJsonSchema>;

export { actorObject as actorSchema, actorJson as actorJsonSchema, instantMs as instantMsSchema, instantText as instantTextSchema };
