import { CaseError } from '../errors.ts';
import type { Label } from '../legal.ts';
import { label } from '../i18n/translate.ts';
import type { IdempotentResult } from './store.ts';
import type { Opened, SendResult } from './types.ts';

/**
 * Idempotency keys: the first answer to a request is stored with its key, in the transaction that
 * makes the change; a retry with the same key gets that answer again and writes nothing. A key
 * reused for a different request is an error rather than a silent replay of something else.
 */

/**
 * JSON with the keys of every object sorted and undefined values dropped: the same request gives
 * the same text however its client ordered the fields.
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** A `CaseError` as stored with an idempotency key. */
export interface ErrorJson {
  readonly code: string;
  readonly message: string;
  readonly path: readonly (string | number)[];
  /** The message in both languages, when the catalogue wrote it. */
  readonly messages?: Label;
}

export function errorJson(error: CaseError): ErrorJson {
  return { code: error.code, message: error.message, path: error.path, ...(error.messages === undefined ? {} : { messages: error.messages }) };
}

function checkKey(stored: IdempotentResult, fingerprint: string): void {
  if (stored.request !== fingerprint) {
    throw new CaseError('idempotency-key-reused', label('error.engine.idempotency-reused', { key: stored.key }), { path: ['idempotencyKey'] });
  }
}

/** The first answer to an opening, given again. */
export function replayOpened(stored: IdempotentResult, fingerprint: string): Opened {
  checkKey(stored, fingerprint);
  const result = JSON.parse(stored.result) as { ok: true; opened: Opened } | { ok: false; error: ErrorJson };
  if (result.ok) return result.opened;
  throw new CaseError(result.error.code, result.error.messages ?? result.error.message, { path: result.error.path });
}

/** The first answer to an event, given again. */
export function replaySent(stored: IdempotentResult, fingerprint: string): SendResult {
  checkKey(stored, fingerprint);
  const result = JSON.parse(stored.result) as Exclude<SendResult, { ok: false }> | { ok: false; error: ErrorJson };
  return result.ok ? result : { ok: false, error: new CaseError(result.error.code, result.error.messages ?? result.error.message, { path: result.error.path }) };
}
