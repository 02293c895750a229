import Sqlite from 'better-sqlite3';
import type { Label } from '../legal.ts';
import type { Instant } from '../calendar/instant.ts';
import type { StatusCode } from '../compile/case.ts';
import { CaseError, MotcuaError, StoreError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import { APPLICATION_ID, SCHEMA_VERSION, migrate } from './migrations.ts';
import type { Effect } from '../compile/types.ts';
import { type Complaint, storedComplaint } from '../indicators/complaint.ts';
import type { CaseFilter, CaseIndex, CaseRecord, CaseStore, CaseSummary, Commit, CommitResult, ComplaintFilter, ComplaintWrite, IdempotentResult, Outbox, OutboxItem, RefusedAttempt, StoredEntry } from './store.ts';
import { SUMMARY_COLUMNS } from './store.ts';

/** Options of {@link sqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * `full` (the default): every commit is fsynced before it returns, so a recorded step survives a
   * power cut as well as a crash. `normal`: in WAL mode a crash of the process loses nothing, but a
   * power cut may lose the last commits (SQLite syncs at checkpoints only); faster on slow disks.
   */
  readonly synchronous?: 'full' | 'normal';
  /** How long a writer waits for another process's write lock before giving up, in ms; 5000 by default. */
  readonly busyTimeoutMs?: number;
}

/**
 * The part of the database handle a service may use for diagnostics (integrity checks, backups),
 * typed here so that the store's declarations do not need `@types/better-sqlite3`.
 */
export interface SqliteDiagnostics {
  /** `PRAGMA name` (e.g. `integrity_check`, `journal_mode`); with `simple`, the first column of the first row. */
  pragma(source: string, options?: { readonly simple?: boolean }): unknown;
  /** Runs SQL with no result (e.g. `VACUUM INTO 'backup.db'`). */
  exec(source: string): unknown;
}

/** A SQLite case store; `db` is there for diagnostics (integrity checks, backups). */
export interface SqliteCaseStore extends CaseStore {
  readonly file: string;
  readonly db: SqliteDiagnostics;
}

interface CaseRow {
  case_id: string;
  code: string;
  procedure_id: string;
  procedure_version: string;
  version: number;
  status: number;
  received_at: number;
  due: number | null;
  next_deadline: number | null;
  in_progress: number;
  ended: number;
  holders: string;
  snapshot?: string;
}


/**
 * The embedded default store: one SQLite file (better-sqlite3) in WAL mode, opened with the schema
 * brought up to date by the migrations. Each commit is one `BEGIN IMMEDIATE` transaction that checks
 * the version and the idempotency key, appends the log lines, and rewrites the snapshot and index:
 * several processes may share the file, and a stale writer gets a conflict with nothing written.
 *
 * @example
 * const store = sqliteStore('cases.db');
 * const engine = createEngine({ procedures: CATALOGUE, store });
 * @throws StoreError `bad-store` when the file cannot be opened or is not a case database, `newer-schema` when a newer motcua wrote it
 */
export function sqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteCaseStore {
  const db = openDatabase(file, options);
  const stmt = {
    getCase: db.prepare<[string], CaseRow & { snapshot: string }>(`SELECT ${SUMMARY_COLUMNS}, snapshot FROM cases WHERE case_id = ?`),
    version: db.prepare<[string], { version: number; holders: string }>('SELECT version, holders FROM cases WHERE case_id = ?'),
    insertCase: db.prepare(
      `INSERT INTO cases (case_id, code, procedure_id, procedure_version, version, status, received_at, snapshot, due, next_deadline, in_progress, ended, holders)
       VALUES (@caseId, @code, @procedureId, @procedureVersion, @version, @status, @receivedAt, @snapshot, @due, @nextDeadline, @inProgress, @ended, @holders)`,
    ),
    updateCase: db.prepare(
      `UPDATE cases SET version = @version, status = @status, snapshot = @snapshot, due = @due, next_deadline = @nextDeadline,
       in_progress = @inProgress, ended = @ended, holders = @holders WHERE case_id = @caseId AND version = @expectedVersion`,
    ),
    insertEntry: db.prepare('INSERT INTO events (case_id, version, entry, effects) VALUES (?, ?, ?, ?)'),
    log: db.prepare<[string], { version: number; entry: string; effects: string }>('SELECT version, entry, effects FROM events WHERE case_id = ? ORDER BY version'),
    clearHolders: db.prepare('DELETE FROM case_holders WHERE case_id = ?'),
    addHolder: db.prepare('INSERT INTO case_holders (case_id, agency) VALUES (?, ?)'),
    recall: db.prepare<[string], { key: string; case_id: string | null; request: string; result: string }>('SELECT key, case_id, request, result FROM idempotency WHERE key = ?'),
    remember: db.prepare('INSERT INTO idempotency (key, case_id, request, result) VALUES (?, ?, ?, ?)'),
    refuse: db.prepare('INSERT INTO refused_attempts (case_id, case_version, event, code, reason) VALUES (?, ?, ?, ?, ?)'),
    refusalsOf: db.prepare<[string], RefusalRow>('SELECT case_id, case_version, event, code, reason FROM refused_attempts WHERE case_id = ? ORDER BY id'),
    refusalsAll: db.prepare<[], RefusalRow>('SELECT case_id, case_version, event, code, reason FROM refused_attempts ORDER BY id'),
    dueBy: db.prepare<[number], { case_id: string }>('SELECT case_id FROM cases WHERE next_deadline IS NOT NULL AND next_deadline <= ? ORDER BY next_deadline, case_id'),
    peekSequence: db.prepare<[string], { value: number }>('SELECT value FROM sequences WHERE name = ?'),
    takeSequence: db.prepare('INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)'),
    addEffect: db.prepare('INSERT INTO outbox (case_id, version, effect) VALUES (?, ?, ?)'),
    pending: db.prepare<[string, string, number, number], OutboxRow>(
      `SELECT o.id, o.case_id, o.version, o.effect, coalesce(d.attempts, 0) AS attempts FROM outbox o
       LEFT JOIN deliveries d ON d.endpoint = ? AND d.outbox_id = o.id
       WHERE o.id > coalesce((SELECT after_id FROM outbox_cursors WHERE endpoint = ?), 0) AND (d.state IS NULL OR (d.state = 'retry' AND d.next_at <= ?))
       ORDER BY o.id LIMIT ?`,
    ),
    record: db.prepare(
      `INSERT INTO deliveries (endpoint, outbox_id, state, attempts, next_at, error) VALUES (@endpoint, @id, @state, @attempts, @nextAt, @error)
       ON CONFLICT (endpoint, outbox_id) DO UPDATE SET state = excluded.state, attempts = deliveries.attempts + excluded.attempts, next_at = excluded.next_at, error = excluded.error`,
    ),
    // The cursor moves up to just below the first effect that is still waiting or to be retried.
    advance: db.prepare(
      `INSERT INTO outbox_cursors (endpoint, after_id) VALUES (@endpoint, coalesce((SELECT min(o.id) - 1 FROM outbox o WHERE o.id > @from AND NOT EXISTS
         (SELECT 1 FROM deliveries d WHERE d.endpoint = @endpoint AND d.outbox_id = o.id AND d.state <> 'retry')), (SELECT coalesce(max(id), 0) FROM outbox)))
       ON CONFLICT (endpoint) DO UPDATE SET after_id = max(outbox_cursors.after_id, excluded.after_id)`,
    ),
    cursor: db.prepare<[string], { after_id: number }>('SELECT after_id FROM outbox_cursors WHERE endpoint = ?'),
    stats: db.prepare<[string], { state: string | null; n: number }>(
      'SELECT d.state AS state, count(*) AS n FROM outbox o LEFT JOIN deliveries d ON d.endpoint = ? AND d.outbox_id = o.id GROUP BY d.state',
    ),
    dead: db.prepare<[string], OutboxRow & { error: string }>(
      `SELECT o.id, o.case_id, o.version, o.effect, d.attempts, d.error FROM deliveries d JOIN outbox o ON o.id = d.outbox_id WHERE d.endpoint = ? AND d.state = 'dead' ORDER BY o.id`,
    ),
    complaintVersion: db.prepare<[string], { version: number }>('SELECT version FROM complaints WHERE id = ?'),
    complaint: db.prepare<[string], { body: string }>('SELECT body FROM complaints WHERE id = ?'),
    putComplaint: db.prepare(
      `INSERT INTO complaints (id, dossier, agency, status, opened_at, version, body) VALUES (@id, @dossier, @agency, @status, @openedAt, @version, @body)
       ON CONFLICT (id) DO UPDATE SET dossier = excluded.dossier, agency = excluded.agency, status = excluded.status, version = excluded.version, body = excluded.body`,
    ),
  };

  const putComplaint = db.transaction((c: Complaint): ComplaintWrite => {
    const actual = stmt.complaintVersion.get(c.id)?.version ?? 0;
    if (c.version !== actual + 1) return { ok: false, reason: 'conflict', actual };
    stmt.putComplaint.run({ id: c.id, dossier: c.dossier, agency: c.agency, status: c.status, openedAt: c.openedAt, version: c.version, body: JSON.stringify(c) });
    return { ok: true };
  });

  const recall = (key: string): IdempotentResult | null => {
    const row = stmt.recall.get(key);
    return row === undefined ? null : { key: row.key, caseId: row.case_id, request: row.request, result: row.result };
  };

  const commit = db.transaction((c: Commit): CommitResult => {
    if (c.idempotency !== undefined) {
      const stored = recall(c.idempotency.key);
      if (stored !== null) return { ok: false, reason: 'idempotent', stored };
    }
    const current = stmt.version.get(c.caseId);
    const actual = current?.version ?? 0;
    if (actual !== c.expectedVersion || (c.expectedVersion === 0 && actual !== 0)) return { ok: false, reason: 'conflict', actual };
    const version = c.expectedVersion + c.entries.length;
    const columns = { caseId: c.caseId, version, snapshot: JSON.stringify(c.snapshot), ...indexColumns(c.index) };
    if (c.expectedVersion === 0) {
      stmt.insertCase.run({ ...columns, code: c.code, procedureId: c.procedure.id, procedureVersion: c.procedure.version, receivedAt: c.index.receivedAt });
    } else if (stmt.updateCase.run({ ...columns, expectedVersion: c.expectedVersion }).changes !== 1) {
      throw new Error(`internal: case ${c.caseId} changed inside its own write transaction`);
    }
    c.entries.forEach((e, i) => {
      stmt.insertEntry.run(c.caseId, c.expectedVersion + i + 1, JSON.stringify(e.entry), JSON.stringify(e.effects));
      for (const effect of e.effects) stmt.addEffect.run(c.caseId, c.expectedVersion + i + 1, JSON.stringify(effect));
    });
    // Most events leave the holders as they were: rewriting them would only dirty more pages.
    if (current?.holders !== columns.holders) {
      stmt.clearHolders.run(c.caseId);
      for (const agency of c.index.holders) stmt.addHolder.run(c.caseId, agency);
    }
    if (c.idempotency !== undefined) stmt.remember.run(c.idempotency.key, c.caseId, c.idempotency.request, c.idempotency.result);
    if (c.sequence !== undefined) stmt.takeSequence.run(c.sequence.name, c.sequence.value);
    return { ok: true, version };
  });

  // Group commit: the commits asked for in one turn of the event loop go in one transaction (one
  // fsync); each runs in its own savepoint, so a conflict or a constraint rolls back only itself.
  const conflictOf = (c: Commit): CommitResult => ({ ok: false, reason: 'conflict', actual: stmt.version.get(c.caseId)?.version ?? 0 });
  const writeBatch = db.transaction((batch: readonly Commit[]): CommitResult[] =>
    batch.map((c) => {
      try {
        return commit(c);
      } catch (error) {
        // The UNIQUE (case_id, version) constraint or the primary key caught a concurrent writer.
        if (isConstraint(error)) return conflictOf(c);
        throw error;
      }
    }),
  );
  let queue: { commit: Commit; resolve: (r: CommitResult) => void; reject: (e: unknown) => void }[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    try {
      const results = writeBatch.immediate(batch.map((b) => b.commit));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  };

  const refuse = db.transaction((attempt: RefusedAttempt, idempotency?: Omit<IdempotentResult, 'caseId'>): CommitResult => {
    if (idempotency !== undefined) {
      const stored = recall(idempotency.key);
      if (stored !== null) return { ok: false, reason: 'idempotent', stored };
      stmt.remember.run(idempotency.key, attempt.caseId, idempotency.request, idempotency.result);
    }
    stmt.refuse.run(attempt.caseId, attempt.caseVersion, JSON.stringify(attempt.event), attempt.code, attempt.reason);
    return { ok: true, version: attempt.caseVersion };
  });

  const outbox: Outbox = {
    async pending(endpoint, now, limit) {
      return stmt.pending.all(endpoint, endpoint, now, limit).map(itemOf);
    },
    async record(endpoint, id, outcome) {
      const failed = outcome.state === 'retry' || outcome.state === 'dead';
      db.transaction(() => {
        stmt.record.run({ endpoint, id, state: outcome.state, attempts: failed ? 1 : 0, nextAt: outcome.state === 'retry' ? outcome.nextAt : null, error: 'error' in outcome ? outcome.error : null });
        if (outcome.state !== 'retry') stmt.advance.run({ endpoint, from: stmt.cursor.get(endpoint)?.after_id ?? 0 });
      }).immediate();
    },
    async stats(endpoint) {
      const counts = { delivered: 0, skipped: 0, dead: 0, waiting: 0 };
      for (const r of stmt.stats.all(endpoint)) {
        if (r.state === 'delivered' || r.state === 'skipped' || r.state === 'dead') counts[r.state] += r.n;
        else counts.waiting += r.n;
      }
      return counts;
    },
    async deadLetters(endpoint) {
      return stmt.dead.all(endpoint).map((r) => ({ ...itemOf(r), error: r.error }));
    },
  };

  const store: SqliteCaseStore = {
    file,
    db,
    outbox,
    async nextSequence(name) {
      return (stmt.peekSequence.get(name)?.value ?? 0) + 1;
    },
    commit(c) {
      return new Promise<CommitResult>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ commit: c, resolve, reject });
      });
    },
    async get(caseId) {
      const row = stmt.getCase.get(caseId);
      return row === undefined ? null : { ...summaryOf(row), snapshot: JSON.parse(row.snapshot) as CaseRecord['snapshot'] };
    },
    async log(caseId) {
      return stmt.log.all(caseId).map((r): StoredEntry => ({ version: r.version, entry: JSON.parse(r.entry) as StoredEntry['entry'], effects: JSON.parse(r.effects) as StoredEntry['effects'] }));
    },
    async recall(key) {
      return recall(key);
    },
    async refuse(attempt, idempotency) {
      return refuse.immediate(attempt, idempotency);
    },
    async refusals(caseId) {
      const rows = caseId === undefined ? stmt.refusalsAll.all() : stmt.refusalsOf.all(caseId);
      return rows.map((r): RefusedAttempt => ({ caseId: r.case_id, caseVersion: r.case_version, event: JSON.parse(r.event) as RefusedAttempt['event'], code: r.code, reason: r.reason }));
    },
    async list(filter = {}) {
      const { sql, params } = listQuery(filter);
      return (db.prepare(sql).all(...params) as CaseRow[]).map(summaryOf);
    },
    async dueBy(at: Instant) {
      return stmt.dueBy.all(at).map((r) => r.case_id);
    },
    async putComplaint(c) {
      return putComplaint.immediate(c);
    },
    async complaint(id) {
      const row = stmt.complaint.get(id);
      return row === undefined ? null : storedComplaint(JSON.parse(row.body) as Complaint);
    },
    async complaints(filter = {}) {
      const { sql, params } = complaintQuery(filter);
      return (db.prepare(sql).all(...params) as { body: string }[]).map((r) => storedComplaint(JSON.parse(r.body) as Complaint));
    },
    async close() {
      if (queue.length > 0) flush();
      if (db.open) db.close();
    },
  };
  return guardStore(store, file, options.busyTimeoutMs ?? 5000);
}

/** Every method of the store with SQLite's faults turned into a {@link StoreError} that says what to do. */
function guardStore(store: SqliteCaseStore, file: string, busyMs: number): SqliteCaseStore {
  const guarded: Record<string, unknown> = { file: store.file, db: store.db, outbox: guardMethods(store.outbox, file, busyMs) };
  for (const [name, method] of Object.entries(store)) {
    if (typeof method !== 'function') continue;
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        throw storeFault(error, file, busyMs);
      }
    };
  }
  return guarded as unknown as SqliteCaseStore;
}

function guardMethods<T extends object>(target: T, file: string, busyMs: number): T {
  const guarded: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(target)) {
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        throw storeFault(error, file, busyMs);
      }
    };
  }
  return guarded as T;
}

/**
 * A SQLite error as a one-line {@link StoreError} (others unchanged). Every write is one transaction,
 * so a fault means nothing of it was written.
 */
export function storeFault(error: unknown, file: string, busyMs = 5000): unknown {
  if (error instanceof StoreError || error instanceof CaseError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const fault = (c: string, message: Label) => new StoreError(c, message, { file, cause: error });
  if (code.startsWith('SQLITE_FULL')) return fault('disk-full', label('error.store.disk-full'));
  if (code.startsWith('SQLITE_READONLY')) return fault('read-only', label('error.store.read-only'));
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return fault('locked', label('error.store.locked', { ms: busyMs }));
  if (code.startsWith('SQLITE_CANTOPEN')) return fault('cannot-open', label('error.store.cannot-open'));
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return fault('corrupt', label('error.store.corrupt'));
  if (code.startsWith('SQLITE_IOERR')) return fault('io-error', label('error.store.io-error'));
  return fault('store-failed', label('error.store.failed', { code }));
}

interface OutboxRow {
  id: number;
  case_id: string;
  version: number;
  effect: string;
  attempts: number;
}

function itemOf(r: OutboxRow): OutboxItem {
  return { id: r.id, caseId: r.case_id, version: r.version, effect: JSON.parse(r.effect) as Effect, attempts: r.attempts };
}

interface RefusalRow {
  case_id: string | null;
  case_version: number;
  event: string;
  code: string;
  reason: string;
}

function openDatabase(file: string, options: SqliteStoreOptions): Sqlite.Database {
  let db: Sqlite.Database;
  try {
    db = new Sqlite(file, { timeout: options.busyTimeoutMs ?? 5000 });
  } catch (error) {
    throw new StoreError('bad-store', label('error.store.open', { reason: firstLine(error) }), { file, cause: error });
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && (appId !== 0 || version !== 0 || tables.n > 0)) {
      throw new StoreError('bad-store', label('error.store.not-motcua'), { file });
    }
    if (version > SCHEMA_VERSION) {
      throw new StoreError('newer-schema', label('error.store.newer', { version, known: SCHEMA_VERSION }), { file });
    }
    // WAL: readers never block the writer and a commit appends to the log instead of rewriting pages.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof MotcuaError) throw error;
    const fault = storeFault(error, file, options.busyTimeoutMs);
    if (fault instanceof StoreError && fault.code !== 'corrupt') throw fault;
    throw new StoreError('bad-store', label('error.store.unusable', { reason: firstLine(error) }), { file, cause: error });
  }
  return db;
}

function indexColumns(index: CaseIndex) {
  return {
    status: index.status,
    due: index.due,
    nextDeadline: index.nextDeadline,
    inProgress: index.inProgress ? 1 : 0,
    ended: index.ended ? 1 : 0,
    holders: JSON.stringify(index.holders),
  };
}

function summaryOf(row: CaseRow): CaseSummary {
  return {
    caseId: row.case_id,
    code: row.code,
    procedure: { id: row.procedure_id, version: row.procedure_version },
    version: row.version,
    index: {
      status: row.status as StatusCode,
      ended: row.ended === 1,
      inProgress: row.in_progress === 1,
      receivedAt: row.received_at as Instant,
      due: row.due as Instant | null,
      nextDeadline: row.next_deadline as Instant | null,
      holders: JSON.parse(row.holders) as string[],
    },
  };
}

/** The SQL of a listing; the same filters as `matches` in the memory store. */
function listQuery(f: CaseFilter): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.agency !== undefined) {
    where.push('case_id IN (SELECT case_id FROM case_holders WHERE agency = ?)');
    params.push(f.agency);
  }
  if (f.status !== undefined) {
    const statuses = typeof f.status === 'number' ? [f.status] : f.status;
    where.push(`status IN (${statuses.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...statuses);
  }
  if (f.procedure !== undefined) {
    where.push('procedure_id = ?');
    params.push(f.procedure);
  }
  if (f.dueBefore !== undefined) {
    where.push('due IS NOT NULL AND due < ?');
    params.push(f.dueBefore);
  }
  if (f.overdue !== undefined) {
    where.push('in_progress = 1 AND due IS NOT NULL AND due < ?');
    params.push(f.overdue);
  }
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM cases${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at, case_id`;
  return { sql, params };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function isConstraint(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/** The SQL of a complaint listing; the same filters as `complaintMatches` in the memory store. */
function complaintQuery(f: ComplaintFilter): { sql: string; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [['dossier', f.dossier], ['agency', f.agency], ['status', f.status]] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  return { sql: `SELECT body FROM complaints${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at, id`, params };
}
