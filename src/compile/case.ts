import { type SnapshotFrom, getNextTransitions, initialTransition, transition } from 'xstate';
import { type Lang, label, labelBy, t } from '../i18n/translate.ts';
import { formatInstant, type Instant, localDateOf } from '../calendar/instant.ts';
import { formatLocalDate } from '../calendar/date.ts';
import { describeVersions, inForceOn } from '../dsl/in-force.ts';
import { CaseError } from '../errors.ts';
import { own } from '../own.ts';
import { affordances } from './affordances.ts';
import type { CompiledProcedure } from './compile.ts';
import { type Rule, refusal } from './rules.ts';
import { CASE_EVENT_TYPES, type CaseEvent, type CaseEventType, type CaseInput, type DossierData, type Effect, type Timer } from './types.ts';

/** A case at one moment: an XState snapshot of the compiled procedure's machine. */
export type CaseSnapshot = SnapshotFrom<CompiledProcedure['machine']>;

/** The result of applying an event: the next snapshot and the effects it produced, or why it was refused. */
export type Applied =
  | { readonly ok: true; readonly snapshot: CaseSnapshot; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: CaseError };

/**
 * Opens a case received at the desk.
 * @throws CaseError `bad-input` when the channel is not offered or the dossier data do not fit the spec;
 * `not-in-force` when the version does not apply on the day of receipt
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025); // from motcua/procedures
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * statusCode(snapshot) // → 1
 */
export function startCase(proc: CompiledProcedure, input: CaseInput): { readonly snapshot: CaseSnapshot; readonly effects: readonly Effect[] } {
  checkInput(proc, input);
  const [snapshot] = initialTransition(proc.machine, input);
  return { snapshot, effects: snapshot.context.effects };
}

function checkInput(proc: CompiledProcedure, input: CaseInput): void {
  const { spec } = proc;
  if (!spec.receipt.channels.includes(input.channel)) {
    throw new CaseError('bad-input', label('error.case.channel', { channel: input.channel, id: spec.id, channels: spec.receipt.channels.join(', ') }), { path: ['channel'] });
  }
  if (!Number.isInteger(input.receivedAt)) throw new CaseError('bad-input', label('error.case.received-instant'), { path: ['receivedAt'] });
  proc.env.calendar.days.checkInRange(localDateOf(input.receivedAt), 'receipt');
  const day = formatLocalDate(localDateOf(input.receivedAt));
  if (!inForceOn(spec, day)) {
    throw new CaseError('not-in-force', labelBy('error.case.not-in-force', (lang) => ({ id: spec.id, versions: describeVersions([spec], lang), day })), { path: ['receivedAt'] });
  }
  const dossier: DossierData = input.dossier ?? {};
  for (const [name, field] of Object.entries(spec.dossier)) {
    const value = own(dossier, name);
    const path = ['dossier', name];
    if (value === undefined) throw new CaseError('bad-input', labelBy('error.case.field-missing', (lang) => ({ name, label: field.label[lang] })), { path });
    const ok =
      field.type === 'enum' ? typeof value === 'string' && field.values.includes(value) : typeof value === field.type;
    if (!ok) {
      const expected = (lang: Lang) => (field.type === 'enum' ? t(lang, 'error.case.field-one-of', { values: field.values.map((v) => `"${v}"`).join(', ') }) : t(lang, 'error.case.field-a', { type: field.type }));
      throw new CaseError('bad-input', labelBy('error.case.field-type', (lang) => ({ name, expected: expected(lang), got: JSON.stringify(value) })), { path });
    }
  }
  for (const name of Object.keys(dossier)) {
    if (!Object.hasOwn(spec.dossier, name)) throw new CaseError('bad-input', label('error.case.undeclared-field', { name, id: spec.id }), { path: ['dossier', name] });
  }
}

/**
 * Applies an event, after delivering every timer due before it. A refused event leaves the case as
 * it was (timers included) and says why: wrong state, wrong actor, a limit reached, time going
 * backwards, or the case already ended.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * const accepted = applyEvent(proc, snapshot, { type: 'ACCEPT', at: parseInstant('2026-03-02T09:05'), by: { kind: 'agency', agency: 'desk' } });
 * accepted.ok && accepted.effects.map((e) => e.kind) // → [ 'appointment-slip', 'notify-agency' ]
 */
export function applyEvent(proc: CompiledProcedure, snapshot: CaseSnapshot, event: CaseEvent): Applied {
  // Time passing is implied by the event's instant: deadlines that fell before it fire first, so
  // that, say, a consulted agency answering after its time has already been deemed to consent.
  const outside = outOfRange(proc, event);
  if (outside !== null) return { ok: false, error: outside };
  const current = event.type === 'TIMER' || !Number.isFinite(event.at) ? snapshot : advance(proc, snapshot, event.at, { inclusive: false }).snapshot;
  const early = precheck(current, event);
  if (early !== null) return { ok: false, error: new CaseError(early.code, early.messages ?? early.message) };
  // One transition: XState returns the very same snapshot when no transition is enabled, and only
  // then is the reason worked out (every transition of the machine assigns, so an accepted event
  // always yields a new snapshot).
  const [next] = transition(proc.machine, current, event);
  if (next === current) {
    const reason: Refusal = whyNot(proc, current, event) ?? { code: 'refused', message: `${event.type} is not allowed now.` };
    return { ok: false, error: new CaseError(reason.code, reason.messages ?? reason.message) };
  }
  return { ok: true, snapshot: next, effects: next.context.effects.slice(snapshot.context.effects.length) };
}

/** An instant of the event outside the years the calendar counts in: refused before any date arithmetic. */
function outOfRange(proc: CompiledProcedure, event: CaseEvent): CaseError | null {
  const days = proc.env.calendar.days;
  const instants: [string, number][] = [['at', event.at]];
  if (event.type === 'APOLOGIZE') instants.push(['newDue', event.newDue]);
  for (const [field, instant] of instants) {
    if (!Number.isInteger(instant) || Math.abs(instant) > 8.64e15) return new CaseError('bad-event', label('error.case.instant', { field }), { path: [field] });
    const date = localDateOf(instant as Instant);
    if (date < days.first || date > days.last) {
      return new CaseError('out-of-range', label('error.case.out-of-range', { field, at: formatInstant(instant as Instant), min: days.minYear, max: days.maxYear }), { path: [field] });
    }
  }
  return null;
}

/**
 * Null when `event` is allowed now, else a code and a message that says why.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * whyNot(proc, snapshot, { type: 'ACCEPT', at: parseInstant('2026-03-02T09:05'), by: { kind: 'agency', agency: 'desk' } }) // → null
 * whyNot(proc, snapshot, { type: 'RATE', rating: 'satisfied', at: parseInstant('2026-03-02T09:05'), by: { kind: 'applicant' } })?.code // → 'not-now'
 */
export function whyNot(proc: CompiledProcedure, snapshot: CaseSnapshot, event: CaseEvent): Refusal | null {
  const early = precheck(snapshot, event);
  if (early !== null) return early;
  if (snapshot.can(event)) return null;
  return explainRefusal(proc, snapshot, event);
}

/** Why an event is refused: a code, the English message and, when the catalogue has it, both languages. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly messages?: { readonly vi: string; readonly en: string };
}

/** A refusal said from the message catalogue. */
function said(code: string, messages: { readonly vi: string; readonly en: string }): Refusal {
  return { code, message: messages.en, messages };
}

/** Refusals that need no transition: the case has ended, or the event is malformed. */
function precheck(snapshot: CaseSnapshot, event: CaseEvent): Refusal | null {
  if (snapshot.status !== 'active') {
    return said('case-ended', label('error.case.ended', { outcome: snapshot.context.outcome?.kind ?? snapshot.status }));
  }
  if (!CASE_EVENT_TYPES.includes(event.type)) {
    return said('bad-event', label('error.case.bad-type', { type: String(event.type), types: CASE_EVENT_TYPES.join(', ') }));
  }
  if (!Number.isFinite(event.at)) return said('bad-event', label('error.case.no-at'));
  return null;
}

/** Why an event that no transition accepts is refused: not possible now, or which rule it breaks. */
function explainRefusal(proc: CompiledProcedure, snapshot: CaseSnapshot, event: CaseEvent): Refusal {
  const candidates = getNextTransitions(snapshot).filter((t) => t.eventType === event.type);
  if (candidates.length === 0) {
    const possible = possibleEventTypes(proc, snapshot).join(', ');
    return said('not-now', labelBy('error.case.not-now', (lang) => ({ event: event.type, state: describeState(snapshot, lang), possible: possible || t(lang, 'error.case.nothing-possible') })));
  }
  const rules = candidates.map((t) => (t.guard as { params?: Rule } | undefined)?.params).filter((r): r is Rule => r !== undefined);
  const named = 'step' in event ? event.step : 'consult' in event ? event.consult : 'interval' in event ? event.interval : undefined;
  const relevant = rules.filter((r) => named === undefined || !('step' in r || 'consult' in r || 'interval' in r) || Object.values(r).includes(named));
  if (relevant.length === 0 && named !== undefined) {
    const open = rules.map((r) => ('step' in r ? r.step : 'consult' in r ? r.consult : 'interval' in r ? r.interval : '')).filter((x) => x !== '');
    return said('not-now', label('error.case.not-open', { name: named, open: [...new Set(open)].join(', ') }));
  }
  const reason = relevant.map((r) => refusal(proc.env, snapshot.context, event, r)).find((m) => m !== null);
  return said('refused', reason ?? label('refuse.not-allowed', { type: event.type }));
}

/**
 * The event types someone may send now: the types of the case's {@link affordances}, each
 * checked against the machine's guards with the party that may send it. `TIMER` is not listed:
 * deadlines arrive through {@link advance}, never from a person.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * possibleEventTypes(proc, snapshot) // → [ 'ACCEPT', 'REQUEST_COMPLETION', 'REFUSE', 'WITHDRAW' ]
 */
export function possibleEventTypes(proc: CompiledProcedure, snapshot: CaseSnapshot): CaseEventType[] {
  const types = new Set<CaseEventType>(affordances(proc, snapshot).map((a) => a.type));
  return CASE_EVENT_TYPES.filter((t) => types.has(t));
}

function describeState(snapshot: CaseSnapshot, lang: Lang): string {
  const active = Object.entries(snapshot.context.steps)
    .filter(([, s]) => s.status !== 'done')
    .map(([id, s]) => t(lang, s.status === 'supplement' ? 'error.case.state.step.supplement' : 'error.case.state.step', { id, agency: s.agency }));
  const code = statusCode(snapshot);
  return active.length > 0 ? t(lang, 'error.case.state.steps', { steps: active.join('; ') }) : t(lang, 'error.case.state.status', { code, label: STATUS_LABELS[code][lang] });
}

/**
 * The earliest armed deadline: when the host must wake up and deliver it with {@link advance}.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025), desk = { kind: 'agency', agency: 'desk' } as const;
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * const accepted = applyEvent(proc, snapshot, { type: 'ACCEPT', at: parseInstant('2026-03-02T09:05'), by: desk });
 * accepted.ok && formatInstant(nextDeadline(accepted.snapshot)!.at) // → '2026-03-02T16:00+07:00'
 */
export function nextDeadline(snapshot: CaseSnapshot): Timer | null {
  return snapshot.status === 'active' ? (snapshot.context.timers[0] ?? null) : null;
}

/**
 * Delivers, in order, every timer due at or before `to` (strictly before with `inclusive: false`:
 * an answer given at the very deadline is still in time); returns the snapshot and all effects.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025), desk = { kind: 'agency', agency: 'desk' } as const;
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * const accepted = applyEvent(proc, snapshot, { type: 'ACCEPT', at: parseInstant('2026-03-02T09:05'), by: desk });
 * accepted.ok && advance(proc, accepted.snapshot, parseInstant('2026-03-03T09:00')).effects.map((e) => e.kind) // → [ 'apology-due', 'overdue' ]
 */
export function advance(
  proc: CompiledProcedure,
  snapshot: CaseSnapshot,
  to: Instant,
  options: { readonly inclusive?: boolean } = {},
): { readonly snapshot: CaseSnapshot; readonly effects: readonly Effect[] } {
  const inclusive = options.inclusive ?? true;
  let current = snapshot;
  const effects: Effect[] = [];
  for (let timer = nextDeadline(current); timer !== null && (inclusive ? timer.at <= to : timer.at < to); timer = nextDeadline(current)) {
    const at = Math.max(timer.at, current.context.now) as Instant;
    const result = applyEvent(proc, current, { type: 'TIMER', at, by: { kind: 'system' }, timer: timer.id });
    if (!result.ok) throw new Error(`internal: armed timer ${timer.id} at ${formatInstant(timer.at)} was refused: ${result.error.message}`);
    current = result.snapshot;
    effects.push(...result.effects);
  }
  return { snapshot: current, effects };
}

/**
 * The status codes of dossiers exchanged with the national public service portal (Cổng Dịch vụ
 * công quốc gia), as one-stop systems synchronise them (shared/DOMAIN.md).
 */
export type StatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/**
 * The official Vietnamese label of each status code, as the one-stop systems synchronising with the
 * national portal show them, and an English rendering. 3 is a refusal at receipt only; 5 covers the
 * desk's completion request at receipt as well as an agency's supplement request; 7 is the
 * applicant's request to withdraw.
 *
 * @example
 * STATUS_LABELS[4] // → { vi: 'Đang xử lý', en: 'processing' }
 * STATUS_LABELS[7].vi // → 'Công dân yêu cầu rút hồ sơ'
 */
export const STATUS_LABELS: Readonly<Record<StatusCode, { readonly vi: string; readonly en: string }>> = {
  1: { vi: 'Mới đăng ký', en: 'submitted' },
  2: { vi: 'Được tiếp nhận', en: 'received' },
  3: { vi: 'Không được tiếp nhận', en: 'not received' },
  4: { vi: 'Đang xử lý', en: 'processing' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'awaiting financial obligation' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'withdrawal requested by the applicant' },
  8: { vi: 'Dừng xử lý', en: 'processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'processed, result ready' },
  10: { vi: 'Đã trả kết quả', en: 'result returned' },
};

/**
 * The one-stop status code of a case.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * statusCode(snapshot) // → 1
 * STATUS_LABELS[statusCode(snapshot)].en // → 'submitted'
 */
export function statusCode(snapshot: CaseSnapshot): StatusCode {
  // The machine is generated from data, so its state values are not known to the type system.
  const is = (value: string | Record<string, string>) => snapshot.matches(value as never);
  // The applicant asked to withdraw (7); the desk closed the dossier (8, Dừng xử lý).
  if (is('withdrawn')) return 7;
  if (is('withdrawalClosed')) return 8;
  if (is('refused')) return 8;
  if (is('refusedAtReceipt')) return 3;
  if (is('resultReady')) return 9;
  if (is('returned') || is('rated') || is('closed')) return 10;
  if (is({ active: 'receiving' })) return 1;
  // The desk asked for missing papers before receipt: a request for papers, not a refusal (3).
  if (is({ active: 'awaitingCompletion' })) return 5;
  if (is({ active: 'transferring' })) return 2;
  if (snapshot.hasTag('supplement' as never)) return 5;
  if (snapshot.hasTag('interval:payment' as never)) return 6;
  return 4;
}

/** A case as JSON: what stores keep. */
export interface PersistedCase {
  readonly procedure: { readonly id: string; readonly version: string };
  readonly value: unknown;
  readonly context: CaseSnapshot['context'];
}

/**
 * The case as plain JSON data, for a store; {@link restoreCase} reads it back.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * persistCase(snapshot).procedure // → { id: 'birth-registration', version: '2025.1' }
 */
export function persistCase(snapshot: CaseSnapshot): PersistedCase {
  return { procedure: snapshot.context.procedure, value: snapshot.value, context: snapshot.context };
}

/**
 * Restores a stored case. Deadlines need no re-arming: they live in the context as timers.
 * @throws CaseError `wrong-procedure` when the case belongs to another procedure or version
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * const again = restoreCase(proc, JSON.parse(JSON.stringify(persistCase(snapshot))));
 * possibleEventTypes(proc, again) // → [ 'ACCEPT', 'REQUEST_COMPLETION', 'REFUSE', 'WITHDRAW' ]
 */
export function restoreCase(proc: CompiledProcedure, persisted: PersistedCase): CaseSnapshot {
  const { id, version } = persisted.procedure;
  if (id !== proc.spec.id || version !== proc.spec.version) {
    throw new CaseError('wrong-procedure', label('error.case.wrong-procedure', { id, version, other: proc.spec.id, otherVersion: proc.spec.version }));
  }
  const snapshot = proc.machine.resolveState({ value: persisted.value as never, context: persisted.context });
  return snapshot.status === 'done' ? proc.machine.resolveState({ value: persisted.value as never, context: persisted.context, output: persisted.context.outcome }) : snapshot;
}
