import { explainCase } from '../analysis/explain-case.ts';
import { formatLocalDate } from '../calendar/date.ts';
import { type Instant, formatInstant, localDateOf } from '../calendar/instant.ts';
import { apologyDeadline } from '../compile/policies.ts';
import { type CaseSnapshot, STATUS_LABELS, applyEvent, nextDeadline, persistCase, possibleEventTypes, restoreCase, statusCode } from '../compile/case.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import type { CaseEvent, Effect } from '../compile/types.ts';
import { CaseError, MotcuaError, StoreError } from '../errors.ts';
import { type Lang, label, labelBy, t } from '../i18n/translate.ts';
import { CHANNEL_CODES } from '../dsl/channel-codes.ts';
import { indexCase } from './case-index.ts';
import { PLACEHOLDER_UNIT, checkUnit, dossierCode, dossierCounter } from './dossier-code.ts';
import { canonicalJson, errorJson, replayOpened, replaySent } from './idempotency.ts';
import { DEFAULT_MAX_PAYLOAD_BYTES, checkEvent, checkOpenRequest } from './check-event.ts';
import { ProcedureRegistry } from './procedures.ts';
import { RecentCases } from './recent-cases.ts';
import { applyEntry } from './replay.ts';
import { appointmentSlip, dueText } from './slip.ts';
import type { CaseFilter, CaseRecord, CaseStore, Commit, LogEntry } from './store.ts';
import type { CaseDueDates, CaseStatus, Engine, EngineListener, EngineNotice, EngineOptions, Opened, OpenOptions, OpenRequest, SendOptions, SendResult } from './types.ts';

/** How often a write without `expectedVersion` is retried when another writer got in first. */
const RETRIES = 5;

type Entries = Commit['entries'];

/**
 * Creates the embedding runtime over a store. Authorisation is the machine's own: only the agency
 * holding a step completes it, only the desk receives and returns, only the applicant withdraws,
 * supplies and rates; anything else is refused with the reason, changes nothing, and is recorded
 * as a refused attempt.
 *
 * @example
 * const engine = createEngine({ procedures: [birthRegistration2025], store: sqliteStore('cases.db') });
 * const { caseId, slip } = await engine.open({ procedure: 'birth-registration', channel: 'in-person', receivedAt: parseInstant('2026-03-02T09:00'), dossier: { needsVerification: false }, by: { kind: 'agency', agency: 'desk' } });
 * slip?.dueText.en // → 'Monday 02/03/2026 17:00'
 */
export function createEngine(options: EngineOptions): Engine {
  const { store } = options;
  const registry = new ProcedureRegistry(options.procedures, options.calendar);
  const maxBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  const listeners = new Set<EngineListener>();
  const recent = new RecentCases(options.recentCases ?? 256);
  /** The last number this engine gave per counter: opens running at once take consecutive numbers instead of all peeking the same one. */
  const taken = new Map<string, number>();
  const defaultUnit = checkUnit(options.receivingUnit ?? PLACEHOLDER_UNIT, ['receivingUnit']);
  const tolerance = options.futureToleranceMs ?? 5 * 60_000;
  /** Why `at` cannot be accepted now by the host's clock, or null. */
  const inFuture = (at: Instant, what: (lang: Lang) => string, perCall: Instant | undefined, path: string): CaseError | null => {
    const now = perCall ?? options.now?.();
    if (now === undefined || at <= now + tolerance) return null;
    return new CaseError(
      'in-future',
      labelBy('error.engine.in-future', (lang) => ({ what: what(lang), at: formatInstant(at), now: formatInstant(now), minutes: Math.round(tolerance / 60_000) })),
      { path: [path] },
    );
  };

  const publish = (record: Pick<CaseRecord, 'caseId' | 'code' | 'procedure'>, version: number, effects: readonly Effect[]): EngineNotice[] => {
    const notices = effects.map((effect): EngineNotice => ({ caseId: record.caseId, code: record.code, procedure: record.procedure, version, effect }));
    for (const notice of notices) {
      for (const listener of listeners) {
        try {
          listener(notice);
        } catch (error) {
          if (options.onListenerError !== undefined) options.onListenerError(error, notice);
          else console.error(`motcua: a subscriber failed on ${notice.effect.kind} of case ${notice.caseId}:`, error);
        }
      }
    }
    return notices;
  };

  const load = async (caseId: string): Promise<{ record: CaseRecord; proc: CompiledProcedure; snapshot: CaseSnapshot }> => {
    const record = await store.get(caseId);
    if (record === null) throw unknownCase(caseId);
    const proc = registry.exact(record.procedure.id, record.procedure.version);
    return { record, proc, snapshot: restoreCase(proc, record.snapshot) };
  };

  /** Applies log lines one after the other, collecting their effects. */
  const run = (proc: CompiledProcedure, from: CaseSnapshot | null, entries: readonly LogEntry[]) => {
    let snapshot = from;
    const lines: { entry: LogEntry; effects: readonly Effect[] }[] = [];
    for (const entry of entries) {
      const applied = applyEntry(proc, snapshot, entry);
      snapshot = applied.snapshot;
      lines.push({ entry, effects: applied.effects });
    }
    return { snapshot: snapshot!, lines: lines as Entries };
  };

  const commitOf = (record: Pick<CaseRecord, 'caseId' | 'code' | 'procedure'>, expectedVersion: number, snapshot: CaseSnapshot, entries: Entries, idempotency?: Commit['idempotency']): Commit => {
    const persisted = persistCase(snapshot);
    return {
      caseId: record.caseId,
      code: record.code,
      procedure: record.procedure,
      expectedVersion,
      entries,
      snapshot: persisted,
      index: indexCase(persisted, statusCode(snapshot)),
      ...(idempotency === undefined ? {} : { idempotency }),
    };
  };

  const open = async (raw: OpenRequest, openOptions: OpenOptions = {}): Promise<Opened> => {
    const request = checkOpenRequest(raw, maxBytes);
    if (request.by.kind === 'system') throw systemOnly((lang) => t(lang, 'error.engine.what.a-receipt'));
    const future = inFuture(request.receivedAt, (lang) => t(lang, 'error.engine.what.the-receipt'), openOptions.now, 'receivedAt');
    if (future !== null) throw future;
    const key = request.idempotencyKey;
    const fingerprint = canonicalJson({ ...request, idempotencyKey: undefined });
    if (key !== undefined) {
      const stored = await store.recall(key);
      if (stored !== null) return replayOpened(stored, fingerprint);
    }
    const proc = registry.inForce(request.procedure, formatLocalDate(localDateOf(request.receivedAt)));
    const unit = request.unit === undefined ? defaultUnit : checkUnit(request.unit, ['unit']);
    const procedure = { id: proc.spec.id, version: proc.spec.version };
    const accept = request.accept ?? true;
    const entriesFor = (code: string): LogEntry[] => {
      const opening: LogEntry = { kind: 'open', receivedAt: request.receivedAt, channel: request.channel, dossier: request.dossier ?? {}, code, by: request.by };
      return accept ? [opening, { kind: 'event', event: { type: 'ACCEPT', at: request.receivedAt, by: request.by } }] : [opening];
    };
    // A dry run with a provisional code first: a bad dossier or a refused acceptance must not use
    // up a dossier number.
    const probe = applyEntry(proc, null, entriesFor(request.code ?? 'provisional')[0]!).snapshot;
    if (accept) {
      const event: CaseEvent = { type: 'ACCEPT', at: request.receivedAt, by: request.by };
      const refused = applyEvent(proc, probe, event);
      if (!refused.ok) {
        const error = refused.error;
        const idem = key === undefined ? undefined : { key, request: fingerprint, result: JSON.stringify({ ok: false, error: errorJson(error) }) };
        const recorded = await store.refuse({ caseId: null, caseVersion: 0, event, code: error.code, reason: error.message }, idem);
        if (!recorded.ok && recorded.reason === 'idempotent') return replayOpened(recorded.stored, fingerprint);
        throw error;
      }
    }
    for (let attempt = 0; ; attempt++) {
      const numbered = request.code === undefined ? await newCode(store, unit, request.receivedAt, taken) : undefined;
      const code = request.code ?? numbered!.code;
      const { snapshot, lines } = run(proc, null, entriesFor(code));
      const ledger = snapshot.context.statutory;
      const opened: Opened = {
        caseId: code,
        code,
        procedure,
        version: lines.length,
        status: statusCode(snapshot),
        slip: ledger === null ? null : appointmentSlip(proc, code, ledger),
        effects: lines.flatMap((l) => l.effects),
      };
      const idem = key === undefined ? undefined : { key, request: fingerprint, result: JSON.stringify({ ok: true, opened }) };
      let result: Awaited<ReturnType<CaseStore['commit']>>;
      try {
        result = await store.commit({ ...commitOf({ caseId: code, code, procedure }, 0, snapshot, lines, idem), ...(numbered === undefined ? {} : { sequence: numbered.sequence }) });
      } catch (error) {
        // Nothing was written: the number goes back, so a storage fault burns no dossier number.
        if (numbered !== undefined && taken.get(numbered.sequence.name) === numbered.sequence.value) taken.set(numbered.sequence.name, numbered.sequence.value - 1);
        throw error;
      }
      if (result.ok) {
        recent.set({ record: { caseId: code, code, procedure, version: opened.version }, proc, snapshot });
        publish({ caseId: code, code, procedure }, opened.version, opened.effects);
        return opened;
      }
      if (result.reason === 'idempotent') return replayOpened(result.stored, fingerprint);
      if (request.code !== undefined) {
        throw new CaseError('duplicate-code', label('error.engine.duplicate-code', { code }), { path: ['code'] });
      }
      // A generated code taken by a code given by hand: take the next number.
      if (attempt >= RETRIES) throw new CaseError('duplicate-code', label('error.engine.no-free-code', { unit, code }));
    }
  };

  const send = async (caseId: string, raw: CaseEvent, sendOptions: SendOptions = {}): Promise<SendResult> => {
    try {
      const event = checkEvent(raw, maxBytes);
      if (event.type === 'TIMER' || event.by.kind === 'system') return { ok: false, error: systemOnly((lang) => t(lang, 'error.engine.what.an-event', { type: event.type })) };
      const future = inFuture(event.at, (lang) => t(lang, 'error.engine.what.the-event', { type: event.type }), sendOptions.now, 'at');
      const key = sendOptions.idempotencyKey;
      const fingerprint = canonicalJson({ caseId, event });
      if (key !== undefined) {
        const stored = await store.recall(key);
        if (stored !== null) return replaySent(stored, fingerprint);
      }
      const expected = sendOptions.expectedVersion;
      let fromStore = false;
      for (let attempt = 0; ; attempt++) {
        const cached = fromStore ? undefined : recent.get(caseId);
        const current = cached !== undefined && (expected === undefined || cached.record.version === expected) ? cached : await load(caseId);
        fromStore = current !== cached;
        const { record, proc, snapshot } = current;
        if (expected !== undefined && record.version !== expected) return { ok: false, error: conflict(caseId, record.version, expected) };
        const applied = future === null ? applyEvent(proc, snapshot, event) : ({ ok: false, error: future } as const);
        if (!applied.ok) {
          // A refusal is recorded with its reason, so it must be decided on the stored case, not on our copy.
          if (!fromStore) {
            fromStore = true;
            continue;
          }
          const error = applied.error;
          const result: SendResult = { ok: false, error };
          const idem = key === undefined ? undefined : { key, request: fingerprint, result: JSON.stringify({ ok: false, error: errorJson(error) }) };
          const recorded = await store.refuse({ caseId, caseVersion: record.version, event, code: error.code, reason: error.message }, idem);
          return !recorded.ok && recorded.reason === 'idempotent' ? replaySent(recorded.stored, fingerprint) : result;
        }
        const version = record.version + 1;
        const result = { ok: true, caseId, version, status: statusCode(applied.snapshot), effects: applied.effects } as const;
        const idem = key === undefined ? undefined : { key, request: fingerprint, result: JSON.stringify(result) };
        const written = await store.commit(commitOf(record, record.version, applied.snapshot, [{ entry: { kind: 'event', event }, effects: applied.effects }], idem));
        if (written.ok) {
          recent.set({ record: { caseId, code: record.code, procedure: record.procedure, version }, proc, snapshot: applied.snapshot });
          publish(record, version, applied.effects);
          return result;
        }
        recent.forget(caseId);
        if (written.reason === 'idempotent') return replaySent(written.stored, fingerprint);
        // Another writer appended between our read and our write: nothing of ours was written.
        if (expected !== undefined) return { ok: false, error: conflict(caseId, written.actual, expected) };
        if (attempt >= RETRIES) return { ok: false, error: conflict(caseId, written.actual, record.version) };
        fromStore = true;
      }
    } catch (error) {
      const typedError = asCaseError(error);
      if (typedError instanceof CaseError) return { ok: false, error: typedError };
      throw typedError;
    }
  };

  const tick = async (now: Instant): Promise<EngineNotice[]> => {
    if (!Number.isInteger(now)) throw new CaseError('bad-input', label('error.engine.tick'), { path: ['now'] });
    const future = inFuture(now, (lang) => t(lang, 'error.engine.what.the-tick'), undefined, 'now');
    if (future !== null) throw future;
    const notices: EngineNotice[] = [];
    for (const caseId of await store.dueBy(now)) {
      for (let attempt = 0; attempt <= RETRIES; attempt++) {
        const { record, proc, snapshot } = await load(caseId);
        const { snapshot: next, lines } = run(proc, snapshot, [{ kind: 'tick', to: now }]);
        if (next === snapshot) break;
        const written = await store.commit(commitOf(record, record.version, next, lines));
        if (written.ok) {
          recent.set({ record: { caseId, code: record.code, procedure: record.procedure, version: written.version }, proc, snapshot: next });
          notices.push(...publish(record, written.version, lines[0]!.effects));
          break;
        }
        recent.forget(caseId);
        // Conflict: an event got in first (and fired the deadlines before it); look again.
      }
    }
    return notices;
  };

  const status = async (caseId: string): Promise<CaseStatus> => {
    const { record, proc, snapshot } = await load(caseId);
    const ctx = snapshot.context;
    return {
      caseId,
      code: record.code,
      procedure: record.procedure,
      version: record.version,
      status: record.index.status,
      label: STATUS_LABELS[record.index.status],
      channel: { kind: ctx.channel, code: CHANNEL_CODES[ctx.channel].code, label: { vi: CHANNEL_CODES[ctx.channel].vi, en: CHANNEL_CODES[ctx.channel].en } },
      receivedAt: ctx.receivedAt,
      now: ctx.now,
      holders: record.index.holders,
      due: ctx.statutory?.due ?? null,
      nextDeadline: nextDeadline(snapshot),
      classification: ctx.classification,
      outcome: ctx.outcome,
      possible: possibleEventTypes(proc, snapshot),
    };
  };

  const dueDates = async (caseId: string, opts: { readonly lang?: 'vi' | 'en' } = {}): Promise<CaseDueDates> => {
    const { proc, snapshot } = await load(caseId);
    const ctx = snapshot.context;
    const ledger = ctx.statutory;
    return {
      statutory: ledger === null ? null : { due: ledger.due, dueText: ledger.due === null ? null : dueText(ledger.due), startedAt: ledger.startedAt, paused: ledger.runningSince === null },
      apologyBy: ledger === null || ledger.due === null ? null : apologyDeadline(proc.env, ledger),
      transferDue: ctx.transferDue,
      steps: Object.entries(ctx.steps).map(([step, s]) => ({
        step,
        agency: s.agency,
        status: s.status,
        due: s.ledger.due,
        finishedAt: s.finishedAt ?? null,
        classification: s.classification ?? null,
      })),
      timers: ctx.timers,
      explanation: explainCase(proc, snapshot, opts.lang ?? 'en'),
    };
  };

  return {
    open: typed(open),
    send,
    tick: typed(tick),
    status: typed(status),
    dueDates: typed(dueDates),
    timeline: typed(async (caseId: string) => (await load(caseId)).snapshot.context.timeline),
    list: typed((filter?: CaseFilter) => store.list(filter)),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    history: typed(async (caseId: string) => {
      const log = await store.log(caseId);
      if (log.length === 0) throw unknownCase(caseId);
      return log;
    }),
    refusals: typed((caseId?: string) => store.refusals(caseId)),
  };
}

/**
 * The next free code of a unit's day (Circular 01/2018/TT-VPCP Art. 19): the store's counter, or
 * past the last number this engine gave, when opens run at once.
 */
async function newCode(store: CaseStore, unit: string, receivedAt: Instant, taken: Map<string, number>): Promise<{ code: string; sequence: { name: string; value: number } }> {
  const name = dossierCounter(unit, receivedAt);
  const n = Math.max(await store.nextSequence(name), (taken.get(name) ?? 0) + 1);
  const code = dossierCode(name, n);
  taken.set(name, n);
  if (taken.size > 1024) taken.delete(taken.keys().next().value!);
  return { code, sequence: { name, value: n } };
}

/**
 * The engine's API throws only {@link CaseError} (and {@link StoreError} for storage faults): a
 * calendar or procedure error met on the way becomes a CaseError with the same code, path and
 * message, keeping the original as its cause.
 */
function asCaseError(error: unknown): unknown {
  if (error instanceof CaseError || error instanceof StoreError || !(error instanceof MotcuaError)) return error;
  return new CaseError(error.code, error.messages ?? error.message, { path: error.path, ...(error.file === undefined ? {} : { file: error.file }), cause: error });
}

/** `fn` with its errors passed through {@link asCaseError}. */
function typed<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      throw asCaseError(error);
    }
  };
}

function systemOnly(what: (lang: Lang) => string): CaseError {
  return new CaseError('system-only', labelBy('error.engine.system-only', (lang) => ({ what: what(lang) })), { path: ['by'] });
}

/** No case `caseId` in the store (the engine's and the `case` command's error). */
export function unknownCase(caseId: string): CaseError {
  return new CaseError('unknown-case', label('error.engine.unknown-case', { caseId }), { path: ['caseId'] });
}

function conflict(caseId: string, actual: number, expected: number): CaseError {
  return new CaseError('conflict', label('error.engine.conflict', { caseId, actual, expected }));
}
