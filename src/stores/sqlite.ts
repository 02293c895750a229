/**
 * `motcua/sqlite`: the embedded case store, one SQLite file (better-sqlite3, an optional peer
 * dependency: `npm install better-sqlite3@12.6.2`).
 */
export { type SqliteCaseStore, type SqliteDiagnostics, type SqliteStoreOptions, sqliteStore } from '../engine/sqlite-store.ts';
