import pg from 'pg';
import type { Instant } from '../calendar/instant.ts';
import type { StatusCode } from '../compile/case.ts';
import { CaseError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import { PG_SCHEMA_VERSION, migratePg } from './postgres-migrations.ts';
import type { Effect } from '../compile/types.ts';
import { type Complaint, storedComplaint } from '../indicators/complaint.ts';
import type { CaseFilter, CaseRecord, CaseStore, CaseSummary, Commit, CommitResult, ComplaintFilter, ComplaintWrite, IdempotentResult, Outbox, OutboxItem, RefusedAttempt, StoredEntry } from './store.ts';
import { SUMMARY_COLUMNS } from './store.ts';

/** Options of {@link postgresStore}. */
export interface PostgresStoreOptions {
  /** Connections in the pool; 10 by default. */
  readonly poolSize?: number;
  /** The largest number of commits written in one transaction; 256 by default (1: no group commit). */
  readonly maxBatch?: number;
}

/** A PostgreSQL case store; `pool` is there for diagnostics. */
export interface PostgresCaseStore extends CaseStore {
  readonly pool: pg.Pool;
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
  in_progress: boolean;
  ended: boolean;
  holders: string[];
  snapshot?: CaseRecord['snapshot'];
}


/** bigint columns (instants, sequence values) as numbers: every value fits in 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: string) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

/**
 * The `CaseStore` contract on PostgreSQL (`pg`): the same tables as the SQLite store, migrated on
 * open. Concurrent commits are grouped: while one batch is being written, the commits that arrive
 * queue up and go together in the next one — one transaction and one round trip (the
 * `motcua_commit` function) for the lot, each commit still checked on its own (version,
 * idempotency key) and answered on its own. Optimistic concurrency holds across processes: a
 * stale commit writes nothing and gets a conflict.
 *
 * @example
 * const store = await postgresStore('postgres://motcua@127.0.0.1/cases');
 * const engine = createEngine({ procedures: CATALOGUE, store });
 * @throws CaseError `bad-store` when the server cannot be reached, `newer-schema` when a newer motcua migrated it
 */
export async function postgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresCaseStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types });
  // An idle connection that fails (server restart) must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  const shown = url.replace(/\/\/[^@/]*@/, '//…@');
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new CaseError('bad-store', label('error.store.pg-connect', { reason: (error as Error).message }), { file: shown, cause: error });
  }
  try {
    const { after, before } = await migratePg(client);
    if (before > PG_SCHEMA_VERSION) {
      throw new CaseError('newer-schema', label('error.store.newer', { version: before, known: PG_SCHEMA_VERSION }), { file: shown });
    }
    void after;
  } catch (error) {
    client.release();
    await pool.end().catch(() => {});
    if (error instanceof CaseError) throw error;
    throw new CaseError('bad-store', label('error.store.pg-prepare', { reason: (error as Error).message }), { file: shown, cause: error });
  }
  client.release();

  const maxBatch = options.maxBatch ?? 256;
  let queue: { commit: Commit; resolve: (r: CommitResult) => void; reject: (e: unknown) => void }[] = [];
  let writing = false;

  const payload = (c: Commit) => ({ ...c, ...(c.idempotency === undefined ? {} : { idempotency: c.idempotency }) });

  const runBatch = async (batch: typeof queue): Promise<void> => {
    try {
      const { rows } = await pool.query<{ r: CommitResult[] }>('SELECT motcua_commit($1::json) AS r', [JSON.stringify(batch.map((b) => payload(b.commit)))]);
      rows[0]!.r.forEach((result, i) => batch[i]!.resolve(result));
    } catch (error) {
      if ((error as { code?: string }).code === 'MC001' && batch.length > 1) {
        // A key raced in from another process: write them one by one to find whose.
        for (const item of batch) await runBatch([item]);
        return;
      }
      if ((error as { code?: string }).code === 'MC001') {
        const key = batch[0]!.commit.idempotency!.key;
        const stored = await recall(key);
        batch[0]!.resolve(stored === null ? { ok: false, reason: 'conflict', actual: 0 } : { ok: false, reason: 'idempotent', stored });
        return;
      }
      for (const item of batch) item.reject(error);
    }
  };

  const drain = async () => {
    if (writing) return;
    writing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        await runBatch(batch);
      }
    } finally {
      writing = false;
    }
  };

  const recall = async (key: string): Promise<IdempotentResult | null> => {
    const { rows } = await pool.query<{ key: string; case_id: string | null; request: string; result: string }>('SELECT key, case_id, request, result FROM idempotency WHERE key = $1', [key]);
    const row = rows[0];
    return row === undefined ? null : { key: row.key, caseId: row.case_id, request: row.request, result: row.result };
  };

  type OutboxRow = { id: number; case_id: string; version: number; effect: Effect; attempts: number };
  const itemOf = (r: OutboxRow): OutboxItem => ({ id: r.id, caseId: r.case_id, version: r.version, effect: r.effect, attempts: r.attempts });
  // Each endpoint has a cursor on the writing transaction's id (see migration 4): everything
  // written by a transaction below it is settled for that endpoint (delivered, skipped or dead),
  // so `pending` reads only the window above it instead of the whole outbox.
  const FROM = `coalesce((SELECT from_txid FROM outbox_cursors WHERE endpoint = $1), '0'::xid8)`;
  const outbox: Outbox = {
    async pending(endpoint, now, limit) {
      const { rows } = await pool.query<OutboxRow>(
        `SELECT o.id, o.case_id, o.version, o.effect, coalesce(d.attempts, 0) AS attempts FROM outbox o
         LEFT JOIN deliveries d ON d.endpoint = $1 AND d.outbox_id = o.id
         WHERE o.txid >= ${FROM} AND (d.state IS NULL OR (d.state = 'retry' AND d.next_at <= $2)) ORDER BY o.id LIMIT $3`,
        [endpoint, now, limit],
      );
      return rows.map(itemOf);
    },
    async record(endpoint, id, outcome) {
      const failed = outcome.state === 'retry' || outcome.state === 'dead';
      await pool.query(
        `INSERT INTO deliveries (endpoint, outbox_id, state, attempts, next_at, error) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (endpoint, outbox_id) DO UPDATE SET state = excluded.state, attempts = deliveries.attempts + excluded.attempts, next_at = excluded.next_at, error = excluded.error`,
        [endpoint, id, outcome.state, failed ? 1 : 0, outcome.state === 'retry' ? outcome.nextAt : null, 'error' in outcome ? outcome.error : null],
      );
      if (outcome.state === 'retry') return;
      // The cursor moves up to the lowest transaction that still has something unsettled for this
      // endpoint, and never past the oldest transaction that may still be running.
      await pool.query(
        `INSERT INTO outbox_cursors (endpoint, from_txid) SELECT $1::text, least(
           pg_snapshot_xmin(pg_current_snapshot()),
           coalesce((SELECT min(o.txid) FROM outbox o WHERE o.txid >= ${FROM}
             AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.endpoint = $1 AND d.outbox_id = o.id AND d.state <> 'retry')), pg_snapshot_xmin(pg_current_snapshot())))
         ON CONFLICT (endpoint) DO UPDATE SET from_txid = greatest(outbox_cursors.from_txid, excluded.from_txid)`,
        [endpoint],
      );
    },
    async stats(endpoint) {
      const { rows } = await pool.query<{ state: string | null; n: number }>(
        'SELECT d.state AS state, count(*)::bigint AS n FROM outbox o LEFT JOIN deliveries d ON d.endpoint = $1 AND d.outbox_id = o.id GROUP BY d.state',
        [endpoint],
      );
      const counts = { delivered: 0, skipped: 0, dead: 0, waiting: 0 };
      for (const r of rows) {
        if (r.state === 'delivered' || r.state === 'skipped' || r.state === 'dead') counts[r.state] += r.n;
        else counts.waiting += r.n;
      }
      return counts;
    },
    async deadLetters(endpoint) {
      const { rows } = await pool.query<OutboxRow & { error: string }>(
        `SELECT o.id, o.case_id, o.version, o.effect, d.attempts, d.error FROM deliveries d JOIN outbox o ON o.id = d.outbox_id WHERE d.endpoint = $1 AND d.state = 'dead' ORDER BY o.id`,
        [endpoint],
      );
      return rows.map((r) => ({ ...itemOf(r), error: r.error }));
    },
  };

  return {
    pool,
    outbox,
    async nextSequence(name) {
      // Only looks: the commit that uses the number records it (Commit.sequence).
      const { rows } = await pool.query<{ value: number }>('SELECT value FROM sequences WHERE name = $1', [name]);
      return (rows[0]?.value ?? 0) + 1;
    },
    commit(c) {
      return new Promise<CommitResult>((resolve, reject) => {
        queue.push({ commit: c, resolve, reject });
        void drain();
      });
    },
    async get(caseId) {
      const { rows } = await pool.query<CaseRow>(`SELECT ${SUMMARY_COLUMNS}, snapshot FROM cases WHERE case_id = $1`, [caseId]);
      const row = rows[0];
      return row === undefined ? null : { ...summaryOf(row), snapshot: row.snapshot! };
    },
    async log(caseId) {
      const { rows } = await pool.query<{ version: number; entry: StoredEntry['entry']; effects: StoredEntry['effects'] }>('SELECT version, entry, effects FROM events WHERE case_id = $1 ORDER BY version', [caseId]);
      return rows.map((r): StoredEntry => ({ version: r.version, entry: r.entry, effects: r.effects }));
    },
    recall,
    async refuse(attempt, idempotency) {
      // One statement, so atomic: the key is taken and the attempt recorded, or neither.
      const { rows } = await pool.query<{ id: number }>(
        `WITH k AS (
           INSERT INTO idempotency (key, case_id, request, result) SELECT $6, $1, $7, $8 WHERE $6::text IS NOT NULL
           ON CONFLICT (key) DO NOTHING RETURNING key)
         INSERT INTO refused_attempts (case_id, case_version, event, code, reason)
           SELECT $1, $2, $3::json, $4, $5 WHERE $6::text IS NULL OR EXISTS (SELECT 1 FROM k) RETURNING id`,
        [attempt.caseId, attempt.caseVersion, JSON.stringify(attempt.event), attempt.code, attempt.reason, idempotency?.key ?? null, idempotency?.request ?? null, idempotency?.result ?? null],
      );
      if (rows.length === 0 && idempotency !== undefined) {
        const stored = await recall(idempotency.key);
        if (stored !== null) return { ok: false, reason: 'idempotent', stored };
      }
      return { ok: true, version: attempt.caseVersion };
    },
    async refusals(caseId) {
      const { rows } =
        caseId === undefined
          ? await pool.query<RefusalRow>('SELECT case_id, case_version, event, code, reason FROM refused_attempts ORDER BY id')
          : await pool.query<RefusalRow>('SELECT case_id, case_version, event, code, reason FROM refused_attempts WHERE case_id = $1 ORDER BY id', [caseId]);
      return rows.map((r): RefusedAttempt => ({ caseId: r.case_id, caseVersion: r.case_version, event: r.event, code: r.code, reason: r.reason }));
    },
    async list(filter = {}) {
      const { sql, params } = listQuery(filter);
      return (await pool.query<CaseRow>(sql, params)).rows.map(summaryOf);
    },
    async dueBy(at: Instant) {
      const { rows } = await pool.query<{ case_id: string }>('SELECT case_id FROM cases WHERE next_deadline IS NOT NULL AND next_deadline <= $1 ORDER BY next_deadline, case_id COLLATE "C"', [at]);
      return rows.map((r) => r.case_id);
    },
    async putComplaint(c: Complaint): Promise<ComplaintWrite> {
      // One statement: insert version 1, or replace the stored version n - 1; otherwise nothing is written.
      const { rowCount } = await pool.query(
        `INSERT INTO complaints (id, dossier, agency, status, opened_at, version, body) SELECT $1, $2, $3, $4, $5, $6, $7::json WHERE $6 = 1
         ON CONFLICT (id) DO NOTHING`,
        [c.id, c.dossier, c.agency, c.status, c.openedAt, c.version, JSON.stringify(c)],
      );
      if (rowCount === 1) return { ok: true };
      if (c.version > 1) {
        // Every parameter is used (PostgreSQL cannot type an unused one).
        const updated = await pool.query('UPDATE complaints SET dossier = $2, agency = $3, status = $4, version = $5::int, body = $6::json WHERE id = $1 AND version = $5::int - 1', [c.id, c.dossier, c.agency, c.status, c.version, JSON.stringify(c)]);
        if (updated.rowCount === 1) return { ok: true };
      }
      const { rows } = await pool.query<{ version: number }>('SELECT version FROM complaints WHERE id = $1', [c.id]);
      return { ok: false, reason: 'conflict', actual: rows[0]?.version ?? 0 };
    },
    async complaint(id) {
      const { rows } = await pool.query<{ body: Complaint }>('SELECT body FROM complaints WHERE id = $1', [id]);
      const body = rows[0]?.body;
      return body === undefined ? null : storedComplaint(body);
    },
    async complaints(filter: ComplaintFilter = {}) {
      const where: string[] = [];
      const params: string[] = [];
      for (const [column, value] of [['dossier', filter.dossier], ['agency', filter.agency], ['status', filter.status]] as const) {
        if (value === undefined) continue;
        params.push(value);
        where.push(`${column} = $${params.length}`);
      }
      const { rows } = await pool.query<{ body: Complaint }>(`SELECT body FROM complaints${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at, id COLLATE "C"`, params);
      return rows.map((r) => storedComplaint(r.body));
    },
    async close() {
      while (writing || queue.length > 0) await new Promise((r) => setTimeout(r, 5));
      await pool.end().catch(() => {});
    },
  };
}

interface RefusalRow {
  case_id: string | null;
  case_version: number;
  event: RefusedAttempt['event'];
  code: string;
  reason: string;
}

function summaryOf(row: CaseRow): CaseSummary {
  return {
    caseId: row.case_id,
    code: row.code,
    procedure: { id: row.procedure_id, version: row.procedure_version },
    version: row.version,
    index: {
      status: row.status as StatusCode,
      ended: row.ended,
      inProgress: row.in_progress,
      receivedAt: row.received_at as Instant,
      due: row.due as Instant | null,
      nextDeadline: row.next_deadline as Instant | null,
      holders: row.holders,
    },
  };
}

/** The SQL of a listing; the same filters as `matches` in the memory store. */
function listQuery(f: CaseFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.agency !== undefined) where.push(`holders @> ARRAY[${p(f.agency)}]::text[]`);
  if (f.status !== undefined) where.push(`status = ANY (${p(typeof f.status === 'number' ? [f.status] : [...f.status])}::smallint[])`);
  if (f.procedure !== undefined) where.push(`procedure_id = ${p(f.procedure)}`);
  if (f.dueBefore !== undefined) where.push(`due IS NOT NULL AND due < ${p(f.dueBefore)}`);
  if (f.overdue !== undefined) where.push(`in_progress AND due IS NOT NULL AND due < ${p(f.overdue)}`);
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM cases${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at, case_id COLLATE "C"`;
  return { sql, params };
}
