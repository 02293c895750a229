export type { ArrivalProcess, Choice, Distribution, SimConfig, SimProcedure, Station, StepBehaviour } from './config.ts';
export { caseLogHooks } from './case-log.ts';
export { type ActivityRecord, type ProcedureStats, type ReplicationResult, type RunHooks, type StationStats, runReplication } from './engine.ts';
export { type SimModel, type SimNode, buildModel } from './model.ts';
export { type Comparison, type CycleReport, type ProcedureReport, type SimReport, type StationReport, buildReport, compare } from './report.ts';
export { type Scenario, loadScenario, parseScenario, stationLoad } from './scenario.ts';
export { type SimulateOptions, simulate } from './simulate.ts';
export { type Estimate, estimate } from './stats.ts';
