import { CASE_EVENT_TYPES, type CaseEvent, caseEventSchema } from '../compile/event-schema.ts';
import { CaseError } from '../errors.ts';
import { label, labelBy, t } from '../i18n/translate.ts';
import { zodIssueMessages } from '../i18n/zod-issue.ts';
import { type OpenRequest, openRequestSchema } from './request-schema.ts';

/**
 * The largest event (or opening request) the engine stores, as UTF-8 JSON: 64 KiB by default.
 *
 * @example
 * DEFAULT_MAX_PAYLOAD_BYTES // → 65536
 * createEngine({ procedures: [birthRegistration2025], store: memoryStore(), maxPayloadBytes: 16 * 1024 }); // a smaller limit
 */
export const DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

/** The in-memory event schema (one definition: src/compile/event-schema.ts), for the server's OpenAPI. */
export const eventSchema = caseEventSchema;
/** Who acts, in memory. */
export { actorSchema } from '../compile/event-schema.ts';

/**
 * The size of a value as UTF-8 JSON.
 *
 * @example
 * payloadBytes({ note: 'ă' }) // → 13
 */
export function payloadBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/**
 * Checks that `value` is a well-formed event before anything is read or written: its size, its
 * type, its instant, its actor and the fields its type needs. Whether the event is allowed now is
 * the machine's business, not this function's.
 *
 * @throws CaseError `too-large` or `bad-event`, naming the path inside the event
 *
 * @example
 * checkEvent({ type: 'ACCEPT', at: parseInstant('2026-03-02T09:05'), by: { kind: 'agency', agency: 'desk' } }).type // → 'ACCEPT'
 * checkEvent({ type: 'ACCEPT', at: '2026-03-02T09:05', by: { kind: 'agency', agency: 'desk' } }) // throws CaseError bad-event: "at" expects a number
 */
export function checkEvent(value: unknown, maxBytes = DEFAULT_MAX_PAYLOAD_BYTES): CaseEvent {
  const size = payloadBytes(value);
  if (size > maxBytes) {
    throw new CaseError('too-large', label('error.engine.event-too-large', { size, max: maxBytes }));
  }
  const parsed = eventSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const type = (value as { type?: unknown } | null)?.type;
    const issueSaid = zodIssueMessages(issue, value);
    const message =
      path.length === 1 && path[0] === 'type'
        ? label('error.engine.event-type', { type: JSON.stringify(type), types: CASE_EVENT_TYPES.join(', ') })
        : labelBy('error.engine.event-shape', (lang) => ({ issue: issueSaid[lang], where: path.length > 0 ? `"${path.join('.')}"` : t(lang, 'error.engine.the-event'), example: EVENT_EXAMPLE }));
    throw new CaseError('bad-event', message, { path });
  }
  return parsed.data;
}

/** An opening request in its in-memory form (one definition: request-schema.ts). */
export const openSchema = openRequestSchema;

/**
 * Checks the shape and size of an opening request (whether the dossier fits the procedure is
 * checked when the case starts).
 *
 * @throws CaseError `too-large` or `bad-input`, naming the path inside the request
 *
 * @example
 * const by = { kind: 'agency', agency: 'desk' } as const;
 * checkOpenRequest({ procedure: 'birth-registration', channel: 'in-person', receivedAt: parseInstant('2026-03-02T09:00'), by }).channel // → 'in-person'
 * checkOpenRequest({ procedure: 'birth-registration', channel: 'fax', receivedAt: parseInstant('2026-03-02T09:00'), by }) // throws CaseError bad-input at channel
 */
export function checkOpenRequest(value: unknown, maxBytes = DEFAULT_MAX_PAYLOAD_BYTES): OpenRequest {
  const size = payloadBytes(value);
  if (size > maxBytes) {
    throw new CaseError('too-large', label('error.engine.request-too-large', { size, max: maxBytes }));
  }
  const dossier = (value as { dossier?: unknown } | null)?.dossier;
  // A JSON "__proto__" key is an own property of the parsed object, but copying it would set a prototype: refuse it here.
  if (typeof dossier === 'object' && dossier !== null && Object.hasOwn(dossier, '__proto__')) {
    throw new CaseError('bad-input', label('error.engine.dossier-proto'), { path: ['dossier', '__proto__'] });
  }
  const parsed = openSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const issueSaid = zodIssueMessages(issue, value);
    throw new CaseError('bad-input', labelBy('error.engine.request-shape', (lang) => ({ issue: issueSaid[lang], where: path.length > 0 ? `"${path.join('.')}"` : t(lang, 'error.engine.the-request'), example: REQUEST_EXAMPLE })), { path });
  }
  return parsed.data;
}

const EVENT_EXAMPLE = "{ type: 'COMPLETE', at: <instant in ms>, by: { kind: 'agency', agency: 'justice' }, step: 'register' }";
const REQUEST_EXAMPLE = "{ procedure: 'birth-registration', channel: 'in-person', receivedAt: <instant in ms>, by: { kind: 'agency', agency: 'desk' } }";
