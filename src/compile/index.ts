export {
  type Applied,
  type CaseSnapshot,
  type PersistedCase,
  STATUS_LABELS,
  type StatusCode,
  advance,
  applyEvent,
  nextDeadline,
  persistCase,
  possibleEventTypes,
  restoreCase,
  startCase,
  statusCode,
  whyNot,
} from './case.ts';
export { type CaseMachine, type CompiledProcedure, compileProcedure } from './compile.ts';
export type { CompileOptions, ProcedureEnv } from './env.ts';
export type { Action } from './reduce.ts';
export { actorOfStep, type Rule } from './rules.ts';
export * from './types.ts';
export {
  type LimitExtension,
  apologyDeadline,
  apologyDecisionAt,
  clockAfterSupplement,
  extensionsFor,
  handoverIsImmediate,
  maySupplement,
  openStatutory,
  pauseClock,
  pauseReason,
  referenceDueOf,
  resumeClock,
  statutoryClassification,
  statutoryOpener,
} from './policies.ts';
