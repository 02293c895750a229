/**
 * motcua: the public API. Every export is named; see README.md for examples.
 */
export * from './calendar/index.ts';
export { CalendarError, MotcuaError } from './errors.ts';
export { type Confidence, type Label, type LegalRef, citeRef } from './legal.ts';
