/**
 * The simulator's entry for its callers: one replication of a scenario (`runReplication`), the
 * hooks that watch it and the figures it gives. The parts live beside it: `kernel/` (future
 * events, stations and jobs), `service.ts` (officers serving jobs), `case-flow.ts` (a case's walk
 * through its procedure), `plan.ts` (a procedure compiled for a run), `stats/` (tallies).
 */
export type { ActivityRecord, RunHooks } from './hooks.ts';
export { type ReplicationResult, runReplication } from './replication.ts';
export type { ProcedureStats, StationStats } from './stats/tallies.ts';
