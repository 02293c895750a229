import { z } from 'zod';
import { actorSchema, eventSchema, openSchema } from '../engine/check-event.ts';

/**
 * The HTTP forms of the engine's own zod schemas (src/engine/check-event.ts), from which both the
 * checks and the OpenAPI document come. Over HTTP the server stamps `at` with the host's clock and
 * `by` with the actor of the bearer token, so the bodies carry neither.
 */

const label = z.object({ vi: z.string(), en: z.string() });
const instant = z.number().int().describe('an instant: milliseconds since 1970-01-01T00:00Z');
const statusCode = z.number().int().min(1).max(10).describe('one-stop status code 1–10');
const procedureRef = z.object({ id: z.string(), version: z.string() });

/** Each kind of event as its own object schema (the engine's one definition, src/compile/event-schema.ts). */
const eventMembers = eventSchema.options as unknown as readonly z.ZodObject[];

/** An event as a client sends it: the engine's event without `at` and `by`. */
export const eventBodySchema = z.discriminatedUnion(
  'type',
  eventMembers.map((o) => o.omit({ at: true, by: true })) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

/** What the applicant may send with the dossier code and lookup secret. */
export const APPLICANT_EVENTS = ['SUPPLY', 'WITHDRAW', 'RATE'] as const;
export const applicantEventSchema = z.discriminatedUnion(
  'type',
  eventMembers.filter((o) => (APPLICANT_EVENTS as readonly string[]).includes((o.shape['type'] as z.ZodLiteral).value as string)).map((o) => o.omit({ at: true, by: true })) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

/** Opening a case: the engine's request without `receivedAt`, `by` and `idempotencyKey` (a header). */
export const openBodySchema = openSchema.omit({ receivedAt: true, by: true, idempotencyKey: true, unit: true });

export const ratingBodySchema = z.object({ rating: z.enum(['very-satisfied', 'satisfied', 'not-satisfied']) }).strict();

export const effectSchema = z.looseObject({ kind: z.string(), at: instant }).describe('an effect of the event: notification, slip, result ready…');

export const slipSchema = z.object({
  code: z.string(),
  due: instant,
  dueText: label,
  provisional: z.literal(true).optional().describe('present when the due date rests on days with no official announcement yet: it may still move'),
  explanation: z.array(z.looseObject({ kind: z.string(), text: label })),
});

export const openedSchema = z.object({
  caseId: z.string(),
  code: z.string(),
  procedure: procedureRef,
  version: z.number().int(),
  status: statusCode,
  slip: slipSchema.nullable(),
  effects: z.array(effectSchema),
  lookupSecret: z.string().nullable().describe('printed on the appointment slip: with the code, lets the applicant act; null when the server has no lookupKey'),
});

export const sentSchema = z.object({ ok: z.literal(true), caseId: z.string(), version: z.number().int(), status: statusCode, effects: z.array(effectSchema) });

export const caseStatusSchema = z.object({
  caseId: z.string(),
  code: z.string(),
  procedure: procedureRef,
  version: z.number().int(),
  status: statusCode,
  label,
  channel: z.object({ kind: z.enum(['in-person', 'postal', 'online']), code: z.number().int().min(1).max(3), label }).describe('how the dossier came, with the portal’s channel code: 1 in person, 2 online, 3 postal'),
  receivedAt: instant,
  now: instant,
  holders: z.array(z.string()),
  due: instant.nullable(),
  nextDeadline: z.looseObject({ id: z.string(), kind: z.string(), at: instant }).nullable(),
  classification: z.string().nullable(),
  outcome: z.looseObject({ kind: z.string() }).nullable(),
  possible: z.array(z.string()),
});

export const timelineSchema = z.array(z.looseObject({ at: instant, action: z.string() }));

export const dueDatesSchema = z.looseObject({
  statutory: z.looseObject({ due: instant.nullable(), startedAt: instant, paused: z.boolean() }).nullable(),
  apologyBy: instant.nullable(),
  transferDue: instant.nullable(),
  steps: z.array(z.looseObject({ step: z.string(), agency: z.string(), status: z.string(), due: instant.nullable() })),
  timers: z.array(z.looseObject({ id: z.string(), kind: z.string(), at: instant })),
  explanation: z.array(z.string()),
});

export const caseSummarySchema = z.object({
  caseId: z.string(),
  code: z.string(),
  procedure: procedureRef,
  version: z.number().int(),
  index: z.object({
    status: statusCode,
    ended: z.boolean(),
    inProgress: z.boolean(),
    receivedAt: instant,
    due: instant.nullable(),
    nextDeadline: instant.nullable(),
    holders: z.array(z.string()),
  }),
});

export const caseListQuery = z
  .object({
    agency: z.string().min(1).optional(),
    status: z
      .string()
      .regex(/^(10|[1-9])(,(10|[1-9]))*$/, 'must be status codes 1–10 separated by commas, e.g. 4,5')
      .optional()
      .describe('one-stop status codes, comma separated'),
    dueBefore: z.coerce.number().int().optional(),
    overdue: z.coerce.number().int().optional(),
    procedure: z.string().min(1).optional(),
  })
  .strict();

export const noticeSchema = z.object({ caseId: z.string(), code: z.string(), procedure: procedureRef, version: z.number().int(), effect: effectSchema });

export const refusalSchema = z.object({ caseId: z.string().nullable(), caseVersion: z.number().int(), event: z.looseObject({ type: z.string(), at: instant, by: actorSchema }), code: z.string(), reason: z.string() });

export const procedureSummarySchema = z.object({ id: z.string(), version: z.string(), effectiveFrom: z.string(), title: label, level: z.string() });

export const publicDossierSchema = z.object({
  code: z.string(),
  procedure: z.object({ id: z.string(), version: z.string(), title: label }),
  status: statusCode,
  label,
  receivedAt: instant,
  due: instant.nullable(),
  dueText: label.nullable(),
  classification: z.string().nullable(),
  ended: z.boolean(),
  steps: z.array(z.object({ step: z.string(), title: label, agency: label, status: z.enum(['waiting', 'active', 'supplement', 'done']), due: instant.nullable(), finishedAt: instant.nullable(), classification: z.string().nullable() })),
});

export const healthSchema = z.object({ ok: z.literal(true) });
export const readySchema = z.object({ ok: z.boolean(), store: z.string() });

export const codeParams = z.object({ code: z.string().min(1) });
export const caseParams = z.object({ caseId: z.string().min(1) });
export const procedureParams = z.object({ id: z.string().min(1) });
export const onQuery = z.object({ on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional() }).strict();
export const graphQuery = z
  .object({ format: z.enum(['mermaid', 'dot', 'bpmn']), lang: z.enum(['vi', 'en']).optional(), on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional() })
  .strict();
export const langQuery = z.object({ lang: z.enum(['vi', 'en']).optional() }).strict();
