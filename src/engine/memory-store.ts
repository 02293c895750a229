import type { Instant } from '../calendar/instant.ts';
import type { Effect } from '../compile/types.ts';
import { type Complaint, storedComplaint } from '../indicators/complaint.ts';
import type { CaseFilter, CaseRecord, CaseStore, CaseSummary, Commit, CommitResult, ComplaintFilter, DeliveryOutcome, IdempotentResult, Outbox, OutboxItem, RefusedAttempt, StoredEntry } from './store.ts';

/**
 * A store in memory, for tests, simulations and hosts that keep cases elsewhere. Same behaviour as
 * `sqliteStore` (version checks, idempotency, refused attempts); values are kept as JSON text so
 * that nothing a caller holds can change a stored case.
 *
 * @example
 * const engine = createEngine({ procedures: [spec], store: memoryStore() });
 */
export function memoryStore(): CaseStore {
  const cases = new Map<string, string>();
  const versions = new Map<string, number>();
  const logs = new Map<string, string[]>();
  const keys = new Map<string, IdempotentResult>();
  const refused: string[] = [];
  const sequences = new Map<string, number>();
  const effects: { id: number; caseId: string; version: number; effect: string }[] = [];
  const deliveries = new Map<string, { state: DeliveryOutcome['state']; attempts: number; nextAt: number; error: string }>();
  const slot = (endpoint: string, id: number) => `${endpoint}\u0000${id}`;
  const itemOf = (e: (typeof effects)[number], attempts: number): OutboxItem => ({ id: e.id, caseId: e.caseId, version: e.version, effect: JSON.parse(e.effect) as Effect, attempts });
  const outbox: Outbox = {
    async pending(endpoint, now, limit) {
      const out: OutboxItem[] = [];
      for (const e of effects) {
        if (out.length >= limit) break;
        const d = deliveries.get(slot(endpoint, e.id));
        if (d === undefined || (d.state === 'retry' && d.nextAt <= now)) out.push(itemOf(e, d?.attempts ?? 0));
      }
      return out;
    },
    async record(endpoint, id, outcome) {
      const before = deliveries.get(slot(endpoint, id));
      const attempts = (before?.attempts ?? 0) + (outcome.state === 'retry' || outcome.state === 'dead' ? 1 : 0);
      deliveries.set(slot(endpoint, id), { state: outcome.state, attempts, nextAt: outcome.state === 'retry' ? outcome.nextAt : 0, error: 'error' in outcome ? outcome.error : '' });
    },
    async stats(endpoint) {
      const counts = { delivered: 0, skipped: 0, dead: 0, waiting: 0 };
      for (const e of effects) {
        const state = deliveries.get(slot(endpoint, e.id))?.state;
        if (state === 'delivered' || state === 'skipped' || state === 'dead') counts[state]++;
        else counts.waiting++;
      }
      return counts;
    },
    async deadLetters(endpoint) {
      return effects.flatMap((e) => {
        const d = deliveries.get(slot(endpoint, e.id));
        return d?.state === 'dead' ? [{ ...itemOf(e, d.attempts), error: d.error }] : [];
      });
    },
  };
  const complaints = new Map<string, string>();

  const read = (caseId: string): CaseRecord | null => {
    const text = cases.get(caseId);
    return text === undefined ? null : (JSON.parse(text) as CaseRecord);
  };

  return {
    outbox,
    async nextSequence(name) {
      return (sequences.get(name) ?? 0) + 1;
    },

    async commit(c: Commit): Promise<CommitResult> {
      if (c.idempotency !== undefined) {
        const stored = keys.get(c.idempotency.key);
        if (stored !== undefined) return { ok: false, reason: 'idempotent', stored };
      }
      const current = versions.get(c.caseId) ?? 0;
      if (current !== c.expectedVersion || (c.expectedVersion === 0 && cases.has(c.caseId))) return { ok: false, reason: 'conflict', actual: current };
      if (c.sequence !== undefined) sequences.set(c.sequence.name, Math.max(sequences.get(c.sequence.name) ?? 0, c.sequence.value));
      const log = logs.get(c.caseId) ?? [];
      c.entries.forEach((e, i) => log.push(JSON.stringify({ version: c.expectedVersion + i + 1, entry: e.entry, effects: e.effects } satisfies StoredEntry)));
      logs.set(c.caseId, log);
      const version = c.expectedVersion + c.entries.length;
      const record: CaseRecord = { caseId: c.caseId, code: c.code, procedure: c.procedure, version, snapshot: c.snapshot, index: c.index };
      cases.set(c.caseId, JSON.stringify(record));
      versions.set(c.caseId, version);
      c.entries.forEach((e, i) => {
        for (const effect of e.effects) effects.push({ id: effects.length + 1, caseId: c.caseId, version: c.expectedVersion + i + 1, effect: JSON.stringify(effect) });
      });
      if (c.idempotency !== undefined) keys.set(c.idempotency.key, { ...c.idempotency, caseId: c.caseId });
      return { ok: true, version };
    },

    async get(caseId) {
      return read(caseId);
    },

    async log(caseId) {
      return (logs.get(caseId) ?? []).map((line) => JSON.parse(line) as StoredEntry);
    },

    async recall(key) {
      return keys.get(key) ?? null;
    },

    async refuse(attempt: RefusedAttempt, idempotency) {
      if (idempotency !== undefined) {
        const stored = keys.get(idempotency.key);
        if (stored !== undefined) return { ok: false, reason: 'idempotent', stored };
        keys.set(idempotency.key, { ...idempotency, caseId: attempt.caseId });
      }
      refused.push(JSON.stringify(attempt));
      return { ok: true, version: attempt.caseVersion };
    },

    async refusals(caseId) {
      return refused.map((line) => JSON.parse(line) as RefusedAttempt).filter((a) => caseId === undefined || a.caseId === caseId);
    },

    async list(filter: CaseFilter = {}) {
      const all = [...cases.values()].map((text) => JSON.parse(text) as CaseRecord);
      return all
        .filter((r) => matches(r, filter))
        .sort((a, b) => a.index.receivedAt - b.index.receivedAt || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0))
        .map(({ snapshot: _, ...summary }): CaseSummary => summary);
    },

    async dueBy(at: Instant) {
      return [...cases.values()]
        .map((text) => JSON.parse(text) as CaseRecord)
        .filter((r) => r.index.nextDeadline !== null && r.index.nextDeadline <= at)
        .sort((a, b) => a.index.nextDeadline! - b.index.nextDeadline! || (a.caseId < b.caseId ? -1 : 1))
        .map((r) => r.caseId);
    },

    async putComplaint(c: Complaint) {
      const stored = complaints.get(c.id);
      const actual = stored === undefined ? 0 : (JSON.parse(stored) as Complaint).version;
      if (c.version !== actual + 1) return { ok: false, reason: 'conflict', actual };
      complaints.set(c.id, JSON.stringify(c));
      return { ok: true };
    },

    async complaint(id) {
      const text = complaints.get(id);
      return text === undefined ? null : storedComplaint(JSON.parse(text) as Complaint);
    },

    async complaints(filter: ComplaintFilter = {}) {
      return [...complaints.values()]
        .map((text) => storedComplaint(JSON.parse(text) as Complaint))
        .filter((c) => complaintMatches(c, filter))
        .sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    async close() {},
  };
}

/**
 * Whether a complaint passes every filter given; the SQLite store does the same in SQL.
 *
 * @example
 * const c = openComplaint({ id: 'PAKN-1', kind: 'feedback', agency: 'committee', text: 'Late', at: parseInstant('2026-03-02T09:00') }, new BusinessCalendar());
 * complaintMatches(c, { agency: 'committee', status: 'open' }) // → true
 * complaintMatches(c, { status: 'answered' }) // → false
 */
export function complaintMatches(c: Complaint, f: ComplaintFilter): boolean {
  return (f.dossier === undefined || c.dossier === f.dossier) && (f.agency === undefined || c.agency === f.agency) && (f.status === undefined || c.status === f.status);
}

/** Whether a case passes every filter given; the SQLite store does the same in SQL. */
export function matches(r: CaseSummary, f: CaseFilter): boolean {
  const statuses = f.status === undefined ? undefined : typeof f.status === 'number' ? [f.status] : f.status;
  if (statuses !== undefined && !statuses.includes(r.index.status)) return false;
  if (f.agency !== undefined && !r.index.holders.includes(f.agency)) return false;
  if (f.procedure !== undefined && r.procedure.id !== f.procedure) return false;
  if (f.dueBefore !== undefined && (r.index.due === null || r.index.due >= f.dueBefore)) return false;
  if (f.overdue !== undefined && (!r.index.inProgress || r.index.due === null || r.index.due >= f.overdue)) return false;
  return true;
}
