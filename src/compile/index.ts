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
export { type Affordance, affordances, affordedEvent } from './affordances.ts';
export { type CaseMachine, type CompiledProcedure, compileProcedure } from './compile.ts';
export type { CompileOptions, ProcedureEnv } from './env.ts';
export type { Action } from './reduce.ts';
export { actorOfStep, type Rule } from './rules.ts';
export * from './types.ts';
// The one-stop policies (handover, opening with extensions, pause and resume, apology timing)
// are decided once in ./policies.ts for the reducer, the engine and the simulator; callers reach
// them through the case API above, so only the type of a limit extension is public.
export type { LimitExtension } from './policies.ts';
