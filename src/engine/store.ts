import type { Instant } from '../calendar/instant.ts';
import type { PersistedCase, StatusCode } from '../compile/case.ts';
import type { Actor, CaseEvent, Effect } from '../compile/types.ts';
import type { Channel } from '../dsl/spec.ts';
import type { Complaint, ComplaintStatus } from '../indicators/complaint.ts';

/**
 * One line of a case's append-only log. Replaying the log from the first line through the pure case
 * API gives the stored snapshot again (see `replayCase`):
 * - `open`: the dossier arrived (`startCase`);
 * - `event`: an event the machine accepted (`applyEvent`, which first fires the deadlines before it);
 * - `tick`: time passed up to `to` and the deadlines due by then fired (`advance`).
 */
export type LogEntry =
  | {
      readonly kind: 'open';
      readonly receivedAt: Instant;
      readonly channel: Channel;
      readonly dossier: Readonly<Record<string, string | number | boolean>>;
      readonly code: string;
      readonly by: Actor;
    }
  | { readonly kind: 'event'; readonly event: CaseEvent }
  | { readonly kind: 'tick'; readonly to: Instant };

/** A log line as stored: its version (1 for the first line), the entry, and the effects it produced. */
export interface StoredEntry {
  readonly version: number;
  readonly entry: LogEntry;
  readonly effects: readonly Effect[];
}

/**
 * What the store indexes besides the snapshot, so that `list` and `tick` never parse snapshots:
 * derived from the snapshot by `indexCase` on every write.
 */
export interface CaseIndex {
  readonly status: StatusCode;
  /** The case has ended: its outcome decided (returned, refused, withdrawal closed) and nothing left for an officer; a withdrawal request (7) has not ended until the desk closes it (8). */
  readonly ended: boolean;
  /** Still being processed: accepted or not, but no result ready and not ended. */
  readonly inProgress: boolean;
  readonly receivedAt: Instant;
  /** The statutory due instant; null before acceptance and while the clock is paused. */
  readonly due: Instant | null;
  /** When the earliest armed deadline falls: what `tick` looks for. */
  readonly nextDeadline: Instant | null;
  /** The agencies holding the dossier now (the desk at receipt and return, the step holders during processing). */
  readonly holders: readonly string[];
}

/** A case as the store keeps it: the current snapshot, its version (log length) and its index. */
export interface CaseRecord {
  readonly caseId: string;
  readonly code: string;
  readonly procedure: { readonly id: string; readonly version: string };
  readonly version: number;
  readonly snapshot: PersistedCase;
  readonly index: CaseIndex;
}

/** A case in a listing: the record without its snapshot. */
export type CaseSummary = Omit<CaseRecord, 'snapshot'>;

/** The first answer given to an idempotency key, returned again to every replay of the key. */
export interface IdempotentResult {
  readonly key: string;
  readonly caseId: string | null;
  /** The request the key was first used for (canonical JSON): a key reused for another request is an error. */
  readonly request: string;
  /** The answer, as JSON. */
  readonly result: string;
}

/**
 * One atomic write: the log lines appended to a case at `expectedVersion` (0 to create it), the
 * snapshot and index after them, and the idempotency key of the request. Either all of it is
 * written or none of it.
 */
export interface Commit {
  readonly caseId: string;
  readonly code: string;
  readonly procedure: { readonly id: string; readonly version: string };
  readonly expectedVersion: number;
  readonly entries: readonly { readonly entry: LogEntry; readonly effects: readonly Effect[] }[];
  readonly snapshot: PersistedCase;
  readonly index: CaseIndex;
  readonly idempotency?: Omit<IdempotentResult, 'caseId'>;
  /** The counter value this commit uses (a generated dossier code): recorded in the same transaction. */
  readonly sequence?: { readonly name: string; readonly value: number };
}

/** Why a commit wrote nothing. */
export type CommitResult =
  | { readonly ok: true; readonly version: number }
  /** The case is at another version (or already exists, when creating): re-read and decide again. */
  | { readonly ok: false; readonly reason: 'conflict'; readonly actual: number }
  /** Another request with the same idempotency key was committed first: its answer stands. */
  | { readonly ok: false; readonly reason: 'idempotent'; readonly stored: IdempotentResult };

/** An event the machine refused: kept apart from the log, with the reason, and the case unchanged. */
export interface RefusedAttempt {
  /** Null when the case could not even be opened (the desk's acceptance at opening was refused). */
  readonly caseId: string | null;
  /** The case's version when the attempt was made (0 when there was no case). */
  readonly caseVersion: number;
  readonly event: CaseEvent;
  readonly code: string;
  readonly reason: string;
}

/** Filters of {@link CaseStore.list}; all given ones must hold. */
export interface CaseFilter {
  /** Cases this agency holds now. */
  readonly agency?: string;
  /** One-stop status codes 1–10. */
  readonly status?: StatusCode | readonly StatusCode[];
  /** Cases whose statutory due instant is before this one. */
  readonly dueBefore?: Instant;
  /** Cases still in progress whose statutory due instant had passed at this instant. */
  readonly overdue?: Instant;
  readonly procedure?: string;
}

/** One effect waiting in the outbox: written in the transaction of the event that produced it. */
export interface OutboxItem {
  /** Increasing in the order the effects were committed. */
  readonly id: number;
  readonly caseId: string;
  /** The case's version once the effect's log line was stored. */
  readonly version: number;
  readonly effect: Effect;
  /** Failed deliveries to this endpoint so far. */
  readonly attempts: number;
}

/** What happened when an item was offered to an endpoint. */
export type DeliveryOutcome =
  | { readonly state: 'delivered' }
  /** The endpoint does not take this kind of effect. */
  | { readonly state: 'skipped' }
  | { readonly state: 'retry'; readonly nextAt: Instant; readonly error: string }
  /** Given up after too many attempts: kept as a dead letter. */
  | { readonly state: 'dead'; readonly error: string };

/**
 * The durable outbox: every effect of every committed log line, with per-endpoint delivery state,
 * so that a dispatcher delivers each at least once to each webhook, across restarts.
 */
export interface Outbox {
  /** Items not yet delivered, skipped or dead for `endpoint` whose next attempt is due by `now`, oldest first. */
  pending(endpoint: string, now: Instant, limit: number): Promise<OutboxItem[]>;
  record(endpoint: string, id: number, outcome: DeliveryOutcome): Promise<void>;
  /** Counts for `endpoint`: delivered, skipped, dead, and the rest (waiting or to be retried). */
  stats(endpoint: string): Promise<{ readonly delivered: number; readonly skipped: number; readonly dead: number; readonly waiting: number }>;
  /** The dead letters of `endpoint` with their last error, oldest first. */
  deadLetters(endpoint: string): Promise<(OutboxItem & { readonly error: string })[]>;
}
/** Filters of {@link CaseStore.complaints}; all given ones must hold. */
export interface ComplaintFilter {
  /** About this dossier code. */
  readonly dossier?: string;
  /** About this agency. */
  readonly agency?: string;
  readonly status?: ComplaintStatus;
}

/** The answer to {@link CaseStore.putComplaint}: written, or the stored version when it was not the one expected. */
export type ComplaintWrite = { readonly ok: true } | { readonly ok: false; readonly reason: 'conflict'; readonly actual: number };

/**
 * Where the engine keeps cases: an append-only log per case plus its latest snapshot, written with
 * optimistic concurrency (a commit names the version it read; a stale one writes nothing), an
 * idempotency table and a table of refused attempts. `memoryStore()` and `sqliteStore(file)`
 * implement it; docs/SCALING.md maps it onto PostgreSQL. Methods are async so that a networked
 * store fits the same interface.
 *
 * @example
 * const store: CaseStore = memoryStore(); // or sqliteStore('cases.db') from motcua/sqlite, postgresStore(…) from motcua/postgres
 * const engine = createEngine({ procedures: [birthRegistration2025], store });
 * (await store.list()).length // → 0
 */
export interface CaseStore {
  /**
   * The next value of a named counter (1, 2, …); dossier codes are numbered per procedure and day.
   * It only looks: the commit that uses the number records it ({@link Commit.sequence}), so a
   * failed write uses up no number. Two writers that looked at once both get it; the second's
   * commit is a conflict (the case id exists) and the engine looks again.
   */
  nextSequence(name: string): Promise<number>;
  /**
   * Appends atomically, checking the version and the idempotency key in the same transaction.
   * Stores that can group concurrent commits into one transaction do (SQLite: the commits of one
   * turn of the event loop; PostgreSQL: those that arrive while a batch is being written); each
   * commit is still checked and answered on its own.
   */
  commit(commit: Commit): Promise<CommitResult>;
  get(caseId: string): Promise<CaseRecord | null>;
  /** The log of a case from version 1, in order. */
  log(caseId: string): Promise<StoredEntry[]>;
  /** The stored answer to an idempotency key, if the key was used. */
  recall(key: string): Promise<IdempotentResult | null>;
  /** Records a refused attempt, with the answer to its idempotency key when there is one; unless that key was taken first. */
  refuse(attempt: RefusedAttempt, idempotency?: Omit<IdempotentResult, 'caseId'>): Promise<CommitResult>;
  /** Refused attempts, oldest first; of one case, or all. */
  refusals(caseId?: string): Promise<RefusedAttempt[]>;
  list(filter?: CaseFilter): Promise<CaseSummary[]>;
  /** Ids of the cases with an armed deadline at or before `at`, earliest first. */
  dueBy(at: Instant): Promise<string[]>;
  /** The effects of committed lines, written by `commit` in the same transaction, and their deliveries. */
  readonly outbox: Outbox;
  /**
   * Writes a complaint or petition whole (see `Complaint`). Its `version` must be one more than the
   * stored one (1 to create it): otherwise nothing is written and the answer is `conflict` with the
   * stored version (0 when there is none). Complaints are not in the case log: a complaint may be
   * about no dossier at all.
   */
  putComplaint(complaint: Complaint): Promise<ComplaintWrite>;
  complaint(id: string): Promise<Complaint | null>;
  /** Complaints, earliest filed first (then by id). */
  complaints(filter?: ComplaintFilter): Promise<Complaint[]>;
  close(): Promise<void>;
}

/** The columns of the `cases` table a case summary is read from, the same in every SQL store. */
export const SUMMARY_COLUMNS = 'case_id, code, procedure_id, procedure_version, version, status, received_at, due, next_deadline, in_progress, ended, holders';
