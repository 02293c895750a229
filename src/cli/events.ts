import { z } from 'zod';
import { type Instant, parseInstant } from '../calendar/instant.ts';
import { type Actor, CASE_EVENT_TYPES, type CaseEvent, RATINGS } from '../compile/types.ts';
import { CaseError } from '../errors.ts';

const actorSchema = z.union([
  z.literal('applicant'),
  z.literal('system'),
  z.string().min(1),
  z.object({ agency: z.string().min(1), role: z.string().optional() }).strict(),
]);

const eventSchema = z
  .object({
    type: z.enum(CASE_EVENT_TYPES as [CaseEvent['type'], ...CaseEvent['type'][]]),
    at: z.string(),
    by: actorSchema,
    step: z.string().optional(),
    missing: z.array(z.string()).optional(),
    reasons: z.array(z.string()).optional(),
    consult: z.string().optional(),
    agree: z.boolean().optional(),
    note: z.string().optional(),
    interval: z.string().optional(),
    newDue: z.string().optional(),
    reason: z.string().optional(),
    rating: z.enum(RATINGS as [string, ...string[]]).optional(),
    comment: z.string().optional(),
    timer: z.string().optional(),
  })
  .strict();

/** The JSON form of an event, as scripts write it: local instants and actors by name. */
export type EventJson = z.input<typeof eventSchema>;

/** `"desk"` or `{ agency: "desk" }` for an agency, `"applicant"`, `"system"`. */
function actorOf(by: z.output<typeof actorSchema>): Actor {
  if (by === 'applicant') return { kind: 'applicant' };
  if (by === 'system') return { kind: 'system' };
  if (typeof by === 'string') return { kind: 'agency', agency: by };
  return by.role === undefined ? { kind: 'agency', agency: by.agency } : { kind: 'agency', agency: by.agency, role: by.role };
}

/**
 * Reads one event from JSON: `{"type":"COMPLETE","at":"2025-03-03T10:00","by":"justice","step":"register"}`.
 * @throws CaseError `bad-event` naming the path inside the input and the accepted form
 */
export function parseEvent(json: unknown, path: readonly (string | number)[] = [], file?: string): CaseEvent {
  const parsed = eventSchema.safeParse(json);
  const where = file === undefined ? { path } : { path, file };
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CaseError('bad-event', `${issue.message}. An event looks like {"type":"COMPLETE","at":"2025-03-03T10:00","by":"justice","step":"register"}.`, {
      ...where,
      path: [...path, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    });
  }
  const e = parsed.data;
  const at = parseInstant(e.at, [...path, 'at']);
  const by = actorOf(e.by);
  const need = <T>(value: T | undefined, field: string): T => {
    if (value === undefined) throw new CaseError('bad-event', `${e.type} needs "${field}".`, { ...where, path: [...path, field] });
    return value;
  };
  const base = { at, by };
  switch (e.type) {
    case 'ACCEPT':
    case 'TRANSFER':
    case 'RETURN_RESULT':
      return { type: e.type, ...base };
    case 'REQUEST_COMPLETION':
      return { type: e.type, ...base, missing: e.missing ?? [] };
    case 'REFUSE':
      return { type: e.type, ...base, reasons: need(e.reasons, 'reasons'), ...(e.step === undefined ? {} : { step: e.step }) };
    case 'COMPLETE':
      return { type: e.type, ...base, step: need(e.step, 'step'), ...(e.note === undefined ? {} : { note: e.note }) };
    case 'REQUEST_SUPPLEMENT':
      return { type: e.type, ...base, step: need(e.step, 'step'), missing: e.missing ?? [] };
    case 'SUPPLY':
      return { type: e.type, ...base, ...(e.step === undefined ? {} : { step: e.step }) };
    case 'ANSWER':
      return { type: e.type, ...base, consult: need(e.consult, 'consult'), agree: e.agree ?? true, ...(e.note === undefined ? {} : { note: e.note }) };
    case 'FINISH_INTERVAL':
      return { type: e.type, ...base, interval: need(e.interval, 'interval') };
    case 'APOLOGIZE':
      return { type: e.type, ...base, newDue: parseInstant(need(e.newDue, 'newDue'), [...path, 'newDue']) as Instant, reason: need(e.reason, 'reason') };
    case 'WITHDRAW':
      return { type: e.type, ...base, ...(e.reason === undefined ? {} : { reason: e.reason }) };
    case 'RATE':
      return { type: e.type, ...base, rating: need(e.rating, 'rating') as never, ...(e.comment === undefined ? {} : { comment: e.comment }) };
    case 'TIMER':
      return { type: e.type, ...base, timer: need(e.timer, 'timer') };
  }
}
