import { z } from 'zod';
import { MotcuaError, oneLine } from '../errors.ts';

/** RFC 9457 problem details, with the engine's error code and the path of the offending input. */
export const problemSchema = z
  .object({
    type: z.string().describe('urn:motcua:problem:<code>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('the machine-readable error code, as the engine and the CLI give it'),
    path: z.array(z.union([z.string(), z.number()])).describe('where in the request the problem is'),
  })
;

export type Problem = z.infer<typeof problemSchema>;

/** HTTP status of each error code; anything else is a 400 (bad input). */
const STATUS: Readonly<Record<string, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  // The machine refused the actor: not the agency holding the step, not the desk, not the applicant.
  refused: 403,
  'not-found': 404,
  'unknown-case': 404,
  'unknown-procedure': 404,
  'unknown-procedure-version': 404,
  'not-in-force': 404,
  'not-now': 409,
  'case-ended': 409,
  conflict: 409,
  'duplicate-code': 409,
  'idempotency-key-reused': 422,
  'too-large': 413,
  'rate-limited': 429,
  'not-ready': 503,
};

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  422: 'Unprocessable request',
  429: 'Too many requests',
  503: 'Not ready',
};

export function statusOf(code: string): number {
  return STATUS[code] ?? 400;
}

export function problem(code: string, detail: string, path: readonly (string | number)[] = [], status = statusOf(code)): Problem {
  // Details quote what the caller sent (a URL, a framework's message): one line, whatever it held.
  return { type: `urn:motcua:problem:${code}`, title: TITLES[status] ?? 'Error', status, detail: oneLine(detail), code, path: [...path] };
}

/** The problem of a project error (a user's mistake or a refusal: never a stack trace). */
export function problemOf(error: MotcuaError): Problem {
  return problem(error.code, error.message, error.path);
}
