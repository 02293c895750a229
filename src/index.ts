/**
 * `motcua`: the pure core — the working-time calendar, the procedure DSL, the compiler to XState
 * machines with the pure case API, the statutory analysis, the diagram exports and the one-stop
 * forms (`fillForm`, `formHtml`, `formText`). It imports no
 * `node:*` module, no native module, and reads no clock and no file, so it loads in a browser
 * bundle or an edge runtime (a test holds the wall: test/purity.test.ts).
 *
 * The rest of the package, by concern: `motcua/sim` (the simulator), `motcua/node` (files,
 * scenarios, worker threads), `motcua/engine` (the case engine and its store contract),
 * `motcua/sqlite` (the SQLite store), `motcua/report` (HTML reports), `motcua/tui` (Ink components),
 * `motcua/procedures` (the catalogue).
 */
export * from './calendar/index.ts';
export * from './analysis/index.ts';
export * from './compile/index.ts';
export * from './dsl/index.ts';
export * from './export/index.ts';
export * from './indicators/index.ts';
export * from './forms/index.ts';
export { CalendarError, CaseError, MotcuaError, ProcedureError, ScenarioError, StoreError, UsageError } from './errors.ts';
export { type Confidence, type Label, type LegalRef, citeRef } from './legal.ts';
export { type AppliedRule, type CitedRule, ONE_STOP_REGULATIONS, ONE_STOP_RULE_SETS, type OneStopRuleName, type OneStopRuleSet, appliedOneStopRules, oneStopRulesOn } from './dsl/one-stop-rules.ts';
