/** `motcua/postgres`: the PostgreSQL case store (needs the `pg` package and a PostgreSQL server). */
export { type PostgresCaseStore, type PostgresStoreOptions, postgresStore } from './engine/postgres-store.ts';
export { PG_MIGRATIONS, PG_SCHEMA_VERSION, type PgMigration, migratePg } from './engine/postgres-migrations.ts';
