import type pg from 'pg';

/** One step of the PostgreSQL schema; `motcua_migrations` records the ones applied. */
export interface PgMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The PostgreSQL schema's history, oldest first: the same tables as the SQLite store (cases and
 * their index columns, the append-only log, counters, idempotency keys, refused attempts), with
 * `holders` as an array column. Never edit a migration that has shipped: add one.
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'cases, the append-only log, counters, idempotency keys, refused attempts',
    sql: `
      -- JSON is kept as json, not jsonb: jsonb reorders the keys of objects, and the order of a
      -- snapshot's steps is the order they were entered.
      CREATE TABLE cases (
        case_id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        procedure_id text NOT NULL,
        procedure_version text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        status smallint NOT NULL,
        received_at bigint NOT NULL,
        snapshot json NOT NULL,
        due bigint,
        next_deadline bigint,
        in_progress boolean NOT NULL,
        ended boolean NOT NULL,
        holders text[] NOT NULL
      );
      CREATE INDEX cases_by_holder ON cases USING gin (holders);
      CREATE INDEX cases_by_next_deadline ON cases (next_deadline) WHERE next_deadline IS NOT NULL;
      CREATE INDEX cases_by_due ON cases (due) WHERE in_progress AND due IS NOT NULL;
      CREATE INDEX cases_by_status ON cases (status, received_at);
      -- seq orders every line of every case; UNIQUE (case_id, version) is the last line of defence
      -- of optimistic concurrency: two writers can never both append version n of a case.
      CREATE TABLE events (
        seq bigserial PRIMARY KEY,
        case_id text NOT NULL REFERENCES cases (case_id),
        version integer NOT NULL CHECK (version >= 1),
        entry json NOT NULL,
        effects json NOT NULL,
        UNIQUE (case_id, version)
      );
      CREATE FUNCTION motcua_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the case log is append-only'; END $$;
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION motcua_append_only();
      CREATE TABLE sequences (name text PRIMARY KEY, value bigint NOT NULL);
      CREATE TABLE idempotency (key text PRIMARY KEY, case_id text, request text NOT NULL, result text NOT NULL);
      CREATE TABLE refused_attempts (
        id bigserial PRIMARY KEY,
        case_id text,
        case_version integer NOT NULL,
        event json NOT NULL,
        code text NOT NULL,
        reason text NOT NULL
      );
      CREATE INDEX refused_attempts_by_case ON refused_attempts (case_id, id);
      -- The durable outbox: each effect of each committed line, written in the same transaction.
      CREATE TABLE outbox (id bigserial PRIMARY KEY, case_id text NOT NULL, version integer NOT NULL, effect json NOT NULL);
      CREATE TABLE deliveries (
        endpoint text NOT NULL,
        outbox_id bigint NOT NULL REFERENCES outbox (id),
        state text NOT NULL CHECK (state IN ('delivered', 'skipped', 'retry', 'dead')),
        attempts integer NOT NULL,
        next_at bigint,
        error text,
        PRIMARY KEY (endpoint, outbox_id)
      );
    `,
  },
  {
    version: 2,
    name: 'motcua_commit: a batch of commits in one transaction and one round trip',
    sql: `
      -- Each commit of the batch checks its idempotency key and its version and writes its case row
      -- and log lines; a stale or duplicate one writes nothing and says why; the others go on. A
      -- key taken by a concurrent transaction after the check raises MC001, and the caller retries
      -- that batch one commit at a time.
      CREATE FUNCTION motcua_commit(batch json) RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        c json;
        results jsonb := '[]'::jsonb;
        expected integer;
        newv integer;
        actual integer;
        st record;
        idx json;
      BEGIN
        FOR c IN SELECT value FROM json_array_elements(batch) LOOP
          expected := (c->>'expectedVersion')::integer;
          newv := expected + json_array_length(c->'entries');
          idx := c->'index';
          IF c->'idempotency' IS NOT NULL THEN
            SELECT key, case_id, request, result INTO st FROM idempotency WHERE key = c->'idempotency'->>'key';
            IF FOUND THEN
              results := results || jsonb_build_array(jsonb_build_object('ok', false, 'reason', 'idempotent',
                'stored', jsonb_build_object('key', st.key, 'caseId', st.case_id, 'request', st.request, 'result', st.result)));
              CONTINUE;
            END IF;
          END IF;
          IF expected = 0 THEN
            INSERT INTO cases (case_id, code, procedure_id, procedure_version, version, status, received_at, snapshot, due, next_deadline, in_progress, ended, holders)
            VALUES (c->>'caseId', c->>'code', c->'procedure'->>'id', c->'procedure'->>'version', newv, (idx->>'status')::smallint, (idx->>'receivedAt')::bigint,
              c->'snapshot', (idx->>'due')::bigint, (idx->>'nextDeadline')::bigint, (idx->>'inProgress')::boolean, (idx->>'ended')::boolean,
              ARRAY(SELECT json_array_elements_text(idx->'holders')))
            ON CONFLICT DO NOTHING;
          ELSE
            UPDATE cases SET version = newv, status = (idx->>'status')::smallint, snapshot = c->'snapshot', due = (idx->>'due')::bigint,
              next_deadline = (idx->>'nextDeadline')::bigint, in_progress = (idx->>'inProgress')::boolean, ended = (idx->>'ended')::boolean,
              holders = ARRAY(SELECT json_array_elements_text(idx->'holders'))
            WHERE case_id = c->>'caseId' AND version = expected;
          END IF;
          IF NOT FOUND THEN
            IF c->'idempotency' IS NOT NULL THEN
              -- The same request may have been committed while we waited for the row.
              SELECT key, case_id, request, result INTO st FROM idempotency WHERE key = c->'idempotency'->>'key';
              IF FOUND THEN
                results := results || jsonb_build_array(jsonb_build_object('ok', false, 'reason', 'idempotent',
                  'stored', jsonb_build_object('key', st.key, 'caseId', st.case_id, 'request', st.request, 'result', st.result)));
                CONTINUE;
              END IF;
            END IF;
            SELECT version INTO actual FROM cases WHERE case_id = c->>'caseId';
            results := results || jsonb_build_array(jsonb_build_object('ok', false, 'reason', 'conflict', 'actual', coalesce(actual, 0)));
            CONTINUE;
          END IF;
          INSERT INTO events (case_id, version, entry, effects)
            SELECT c->>'caseId', expected + t.ord::integer, t.e->'entry', t.e->'effects' FROM json_array_elements(c->'entries') WITH ORDINALITY AS t(e, ord);
          INSERT INTO outbox (case_id, version, effect)
            SELECT c->>'caseId', expected + t.ord::integer, f.value
            FROM json_array_elements(c->'entries') WITH ORDINALITY AS t(e, ord), json_array_elements(t.e->'effects') WITH ORDINALITY AS f(value, n)
            ORDER BY t.ord, f.n;
          IF c->'idempotency' IS NOT NULL THEN
            INSERT INTO idempotency (key, case_id, request, result)
              VALUES (c->'idempotency'->>'key', c->>'caseId', c->'idempotency'->>'request', c->'idempotency'->>'result')
              ON CONFLICT (key) DO NOTHING;
            IF NOT FOUND THEN RAISE EXCEPTION 'idempotency key taken concurrently' USING ERRCODE = 'MC001'; END IF;
          END IF;
          IF c->'sequence' IS NOT NULL THEN
            INSERT INTO sequences (name, value) VALUES (c->'sequence'->>'name', (c->'sequence'->>'value')::bigint)
              ON CONFLICT (name) DO UPDATE SET value = greatest(sequences.value, excluded.value);
          END IF;
          results := results || jsonb_build_array(jsonb_build_object('ok', true, 'version', newv));
        END LOOP;
        RETURN results;
      END $$;
    `,
  },
  {
    version: 3,
    name: 'complaints and petitions (phản ánh, kiến nghị), stored whole with a version',
    sql: `
      CREATE TABLE complaints (
        id text PRIMARY KEY,
        dossier text,
        agency text,
        status text NOT NULL,
        opened_at bigint NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        body json NOT NULL
      );
      CREATE INDEX complaints_by_dossier ON complaints (dossier) WHERE dossier IS NOT NULL;
      CREATE INDEX complaints_by_agency ON complaints (agency, opened_at) WHERE agency IS NOT NULL;
      CREATE INDEX complaints_by_opening ON complaints (opened_at, id);
    `,
  },
  {
    version: 4,
    name: 'outbox cursors by writing transaction, so a dispatcher reads only what it has not settled',
    sql: `
      -- With concurrent writers a lower outbox id can become visible after a higher one, so ids
      -- cannot be a cursor. The id of the writing transaction can: every transaction still running
      -- has an id at or above the oldest one of the current snapshot (pg_snapshot_xmin), so rows
      -- made visible later always land at or above a cursor that never passes that bound.
      ALTER TABLE outbox ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
      CREATE INDEX outbox_by_txid ON outbox (txid, id);
      CREATE TABLE outbox_cursors (endpoint text PRIMARY KEY, from_txid xid8 NOT NULL);
    `,
  },
  {
    version: 5,
    name: 'status 5, not 3, for dossiers awaiting the papers the desk asked for at receipt (3 is a refusal at receipt only)',
    sql: `
      -- The snapshot and the log are unchanged: only the status column derived from them is.
      UPDATE cases SET status = 5 WHERE status = 3 AND snapshot->'value'->>'active' = 'awaitingCompletion';
    `,
  },
  {
    version: 6,
    name: 'a withdrawal (status 7) is the applicant’s request, held by the desk until an officer closes it (8)',
    sql: `
      -- Cases withdrawn before stay at 7, the request they are; the desk (the first receiver on the
      -- control slip) now holds them, so they show in its queue to be closed.
      UPDATE cases SET holders = ARRAY[snapshot->'context'->'timeline'->0->>'to']
        WHERE status = 7 AND snapshot->'context'->'timeline'->0->>'to' IS NOT NULL;
    `,
  },
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;

/** A fixed key for the advisory lock that serialises migrations across processes ("motc"). */
const MIGRATION_LOCK = 0x6d6f7463;

/**
 * Brings the database up to date, one migration per transaction under an advisory lock, so that
 * several servers starting at once apply each migration once.
 *
 * @returns the schema version found before (0 for a new database)
 */
export async function migratePg(client: pg.ClientBase): Promise<{ before: number; after: number }> {
  await client.query('CREATE TABLE IF NOT EXISTS motcua_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  let before = -1;
  for (const migration of PG_MIGRATIONS) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM motcua_migrations');
      const current = rows[0]?.v ?? 0;
      if (before < 0) before = current;
      if (current > PG_SCHEMA_VERSION) {
        await client.query('ROLLBACK');
        return { before: current, after: current };
      }
      if (current < migration.version) {
        await client.query(migration.sql);
        await client.query('INSERT INTO motcua_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }
  return { before: Math.max(before, 0), after: PG_SCHEMA_VERSION };
}
