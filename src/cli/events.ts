import type { z } from 'zod';
import { CASE_EVENT_TYPES, type CaseEvent, type CaseEventJson, caseEventJsonSchema } from '../compile/event-schema.ts';
import { CaseError } from '../errors.ts';

/** The JSON form of an event, as scripts write it: local instants and actors by name. */
export type EventJson = CaseEventJson;

const EXAMPLE = '{"type":"COMPLETE","at":"2025-03-03T10:00","by":"justice","step":"register"}';

/** The first problem of a JSON event, in words: a missing field names the field its type needs. */
function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const type = (json as { type?: unknown } | null)?.type;
  if (issue.path.length === 1 && issue.path[0] === 'type' || (issue.code === 'invalid_union' && issue.path.length === 0)) {
    return `unknown event type ${JSON.stringify(type)}; use one of ${CASE_EVENT_TYPES.join(', ')}. An event looks like ${EXAMPLE}.`;
  }
  const field = issue.path.at(-1);
  if (issue.code === 'invalid_type' && typeof type === 'string' && typeof field === 'string' && issue.path.length === 1 && (json as Record<string, unknown>)[field] === undefined) {
    return `${type} needs "${field}".`;
  }
  if (issue.code === 'custom') return issue.message;
  return `${issue.message}. An event looks like ${EXAMPLE}.`;
}

/**
 * Reads one event from JSON: `{"type":"COMPLETE","at":"2025-03-03T10:00","by":"justice","step":"register"}`.
 * @throws CaseError `bad-event` naming the path inside the input and the accepted form
 */
export function parseEvent(json: unknown, path: readonly (string | number)[] = [], file?: string): CaseEvent {
  const parsed = caseEventJsonSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const at = [...path, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  throw new CaseError('bad-event', describeIssue(issue, json), file === undefined ? { path: at } : { path: at, file });
}
