import type { Database } from 'better-sqlite3';
import type { PersistedCase, StatusCode } from '../compile/case.ts';
import { indexCase } from './case-index.ts';

/** One step of the SQLite schema; `PRAGMA user_version` records the last one applied. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}

/** `PRAGMA application_id` of a case database: "motc", so another SQLite file is never mistaken for one. */
export const APPLICATION_ID = 0x6d6f7463;

/**
 * The schema's history, oldest first. Never edit a migration that has shipped: add one. Each runs in
 * its own transaction together with the `user_version` it sets, so a crash leaves the database at
 * the previous version, never half-migrated.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'cases, their append-only log and the dossier-code counters',
    up: (db) => {
      db.exec(`
        PRAGMA application_id = ${APPLICATION_ID};
        CREATE TABLE cases (
          case_id TEXT PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          procedure_id TEXT NOT NULL,
          procedure_version TEXT NOT NULL,
          version INTEGER NOT NULL CHECK (version >= 1),
          status INTEGER NOT NULL,
          received_at INTEGER NOT NULL,
          snapshot TEXT NOT NULL
        );
        -- seq orders every line of every case (the order an outbox reader follows); the UNIQUE
        -- constraint is the last line of defence of optimistic concurrency: two writers can never
        -- both append version n of a case, even if the version check were bypassed.
        CREATE TABLE events (
          seq INTEGER PRIMARY KEY,
          case_id TEXT NOT NULL REFERENCES cases (case_id),
          version INTEGER NOT NULL CHECK (version >= 1),
          entry TEXT NOT NULL,
          effects TEXT NOT NULL,
          UNIQUE (case_id, version)
        );
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the case log is append-only'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the case log is append-only'); END;
        CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 2,
    name: 'idempotency keys and refused attempts',
    up: (db) => {
      db.exec(`
        CREATE TABLE idempotency (
          key TEXT PRIMARY KEY,
          case_id TEXT,
          request TEXT NOT NULL,
          result TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE refused_attempts (
          id INTEGER PRIMARY KEY,
          case_id TEXT,
          case_version INTEGER NOT NULL,
          event TEXT NOT NULL,
          code TEXT NOT NULL,
          reason TEXT NOT NULL
        );
        CREATE INDEX refused_attempts_by_case ON refused_attempts (case_id, id);
      `);
    },
  },
  {
    version: 3,
    name: 'index columns for listing and ticking, backfilled from the snapshots',
    up: (db) => {
      db.exec(`
        ALTER TABLE cases ADD COLUMN due INTEGER;
        ALTER TABLE cases ADD COLUMN next_deadline INTEGER;
        ALTER TABLE cases ADD COLUMN in_progress INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE cases ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN holders TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE case_holders (
          case_id TEXT NOT NULL REFERENCES cases (case_id),
          agency TEXT NOT NULL,
          PRIMARY KEY (case_id, agency)
        ) WITHOUT ROWID;
        CREATE INDEX case_holders_by_agency ON case_holders (agency, case_id);
        CREATE INDEX cases_by_next_deadline ON cases (next_deadline) WHERE next_deadline IS NOT NULL;
        CREATE INDEX cases_by_due ON cases (due) WHERE in_progress = 1 AND due IS NOT NULL;
        CREATE INDEX cases_by_status ON cases (status, received_at);
      `);
      const rows = db.prepare('SELECT case_id, status, snapshot FROM cases').all() as { case_id: string; status: number; snapshot: string }[];
      const update = db.prepare('UPDATE cases SET due = ?, next_deadline = ?, in_progress = ?, ended = ?, holders = ? WHERE case_id = ?');
      const hold = db.prepare('INSERT INTO case_holders (case_id, agency) VALUES (?, ?)');
      for (const row of rows) {
        const index = indexCase(JSON.parse(row.snapshot) as PersistedCase, row.status as StatusCode);
        update.run(index.due, index.nextDeadline, index.inProgress ? 1 : 0, index.ended ? 1 : 0, JSON.stringify(index.holders), row.case_id);
        for (const agency of index.holders) hold.run(row.case_id, agency);
      }
    },
  },
  {
    version: 4,
    name: 'the durable outbox: the effects of each committed line and their deliveries per endpoint',
    up: (db) => {
      db.exec(`
        CREATE TABLE outbox (
          id INTEGER PRIMARY KEY,
          case_id TEXT NOT NULL,
          version INTEGER NOT NULL,
          effect TEXT NOT NULL
        );
        CREATE TABLE deliveries (
          endpoint TEXT NOT NULL,
          outbox_id INTEGER NOT NULL REFERENCES outbox (id),
          state TEXT NOT NULL CHECK (state IN ('delivered', 'skipped', 'retry', 'dead')),
          attempts INTEGER NOT NULL,
          next_at INTEGER,
          error TEXT,
          PRIMARY KEY (endpoint, outbox_id)
        ) WITHOUT ROWID;
        CREATE INDEX deliveries_to_retry ON deliveries (endpoint, next_at) WHERE state = 'retry';
        -- Everything at or below after_id is delivered, skipped or dead for the endpoint.
        CREATE TABLE outbox_cursors (endpoint TEXT PRIMARY KEY, after_id INTEGER NOT NULL) WITHOUT ROWID;
      `);
      // Effects committed before the outbox existed are not offered again.
    },
  },
  {
    version: 5,
    name: 'complaints and petitions (phản ánh, kiến nghị), stored whole with a version',
    up: (db) => {
      db.exec(`
        CREATE TABLE complaints (
          id TEXT PRIMARY KEY,
          dossier TEXT,
          agency TEXT,
          status TEXT NOT NULL,
          opened_at INTEGER NOT NULL,
          version INTEGER NOT NULL CHECK (version >= 1),
          body TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX complaints_by_dossier ON complaints (dossier) WHERE dossier IS NOT NULL;
        CREATE INDEX complaints_by_agency ON complaints (agency, opened_at) WHERE agency IS NOT NULL;
        CREATE INDEX complaints_by_opening ON complaints (opened_at, id);
      `);
    },
  },
  {
    version: 6,
    name: 'status 5, not 3, for dossiers awaiting the papers the desk asked for at receipt (3 is a refusal at receipt only)',
    up: (db) => {
      // The snapshot and the log are unchanged: only the status column derived from them is.
      db.exec(`UPDATE cases SET status = 5 WHERE status = 3 AND json_extract(snapshot, '$.value.active') = 'awaitingCompletion'`);
    },
  },
  {
    version: 7,
    name: 'a withdrawal (status 7) is the applicant’s request, held by the desk until an officer closes it (8)',
    up: (db) => {
      // Cases withdrawn before stay at 7, the request they are; the desk (the first receiver on the
      // control slip) now holds them, so they show in its queue to be closed.
      db.exec(`
        UPDATE cases SET holders = json_array(json_extract(snapshot, '$.context.timeline[0].to'))
          WHERE status = 7 AND json_extract(snapshot, '$.context.timeline[0].to') IS NOT NULL;
        INSERT OR IGNORE INTO case_holders (case_id, agency)
          SELECT case_id, json_extract(snapshot, '$.context.timeline[0].to') FROM cases
          WHERE status = 7 AND json_extract(snapshot, '$.context.timeline[0].to') IS NOT NULL;
      `);
    },
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings a database up to `target` (the latest by default), one migration per transaction.
 * `BEGIN IMMEDIATE` and a re-read of the version inside it let two processes open the same new file
 * at once: the second finds the work done.
 */
export function migrate(db: Database, target = SCHEMA_VERSION): void {
  for (const migration of MIGRATIONS) {
    if (migration.version > target) break;
    db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
