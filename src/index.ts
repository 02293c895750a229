/**
 * motcua: the public API. Every export is named; see README.md for examples.
 */
export * from './calendar/index.ts';
export * from './analysis/index.ts';
export * from './compile/index.ts';
export * from './dsl/index.ts';
export * from './engine/index.ts';
export * from './export/index.ts';
export * from './indicators/index.ts';
export { CalendarError, CaseError, MotcuaError, ProcedureError, StoreError, UsageError } from './errors.ts';
export { type Confidence, type Label, type LegalRef, citeRef } from './legal.ts';
export * from './sim/index.ts';
export * from './report/index.ts';
