/** `motcua/postgres`: the case store on PostgreSQL (pg), for many desks and machines sharing one database. */
export { type PostgresCaseStore, type PostgresStoreOptions, postgresStore } from '../engine/postgres-store.ts';
