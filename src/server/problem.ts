import { z } from 'zod';
import type { Label } from '../legal.ts';
import Negotiator from 'negotiator';
import { MotcuaError, oneLine } from '../errors.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { CATALOGUES, type Lang, t } from '../i18n/translate.ts';

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

export function statusOf(code: string): number {
  return STATUS[code] ?? 400;
}

/** A detail in both languages (from the catalogue), or in English only (a framework's own words). */
export type Detail = string | Label;

/**
 * The problem details of `code`, in `lang` (English unless the client asked for Vietnamese with
 * `Accept-Language`: see {@link langOfAccept}).
 *
 * @example
 * problem('not-found', label('error.http.no-endpoint', { method: 'GET', path: '/x' }), [], 404, 'vi').title // → 'Không tìm thấy'
 */
export function problem(code: string, detail: Detail, path: readonly (string | number)[] = [], status = statusOf(code), lang: Lang = 'en'): Problem {
  // Details quote what the caller sent (a URL, a framework's message): one line, whatever it held.
  const text = typeof detail === 'string' ? detail : detail[lang];
  return { type: `urn:motcua:problem:${code}`, title: titleOf(status, lang), status, detail: oneLine(text), code, path: [...path] };
}

/** The problem of a project error (a user's mistake or a refusal: never a stack trace), in `lang`. */
export function problemOf(error: MotcuaError, lang: Lang = 'en'): Problem {
  return problem(error.code, error.messageIn(lang), error.path, statusOf(error.code), lang);
}

type TitleKey = Extract<MessageKey, `http.title.${number}`>;

/** The status's title from the catalogue (`http.title.<status>`), or the generic one. */
function titleOf(status: number, lang: Lang): string {
  const key = `http.title.${status}`;
  return Object.hasOwn(CATALOGUES.en, key) ? t(lang, key as TitleKey) : t(lang, 'http.title.other');
}

/**
 * The language of an API answer, from the request's `Accept-Language` (RFC 9110 §12.5.4, read by
 * `negotiator`): Vietnamese when the client prefers it (`vi`, `vi-VN`), else English — the
 * language of programs that did not ask.
 *
 * @example
 * langOfAccept('vi-VN,vi;q=0.9,en;q=0.8') // → 'vi'
 * langOfAccept(undefined) // → 'en'
 */
export function langOfAccept(header: string | undefined): Lang {
  if (header === undefined || header === '') return 'en';
  return new Negotiator({ headers: { 'accept-language': header } }).language(['en', 'vi']) === 'vi' ? 'vi' : 'en';
}
