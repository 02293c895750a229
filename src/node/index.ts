/**
 * `motcua/node`: everything that touches the operating system — procedure files and the shipped
 * catalogue, scenario files, the simulator on worker threads, the package's own files.
 */
export { type LoadedProcedure, CATALOGUE_DIR, loadCatalogue, loadProcedures, resolveProcedure } from './load-procedures.ts';
export { PACKAGE_ROOT, packageFile } from './package-root.ts';
export { loadScenario, procedureResolver, replayReader } from './scenario-files.ts';
export { type SimulateOptions, simulate, simulateAll } from './simulate.ts';
export { type ScenarioRun, type ScenarioRunOptions, type VariantRun, overloadWarnings, runScenario, scenarioConfigs } from './run-scenario.ts';
export { logWriter, xesLogWriter } from '../export/xes-log.ts';
export { staffEvaluator } from './staff-evaluator.ts';
