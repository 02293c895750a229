export type { ArrivalProcess, Choice, Distribution, SimConfig, SimProcedure, Station, StepBehaviour } from './config.ts';
export { caseLogHooks } from './case-log.ts';
export { type ActivityRecord, type ProcedureStats, type ReplicationResult, type RunHooks, type StationStats, runReplication } from './engine.ts';
export { FEEDBACK_OUTCOMES, type FeedbackBehaviour, type FeedbackOutcome, IndicatorCollector, NO_FEEDBACK } from './indicators.ts';
export { type Decision766Comparison, type Decision766Estimates, type Decision766FigureEstimates, type PairedFigure, compareDecision766, decision766Estimates } from './indicators-report.ts';
export { type SimModel, type SimNode, buildModel } from './model.ts';
export { type Comparison, type CycleReport, type ProcedureReport, type SimReport, type StationReport, buildReport, compare } from './report.ts';
export { type ProcedureResolver, type ReplayReader, type Scenario, SCENARIO_PROBLEM_CODES, type ScenarioProblemCode, parseScenario, stationLoad } from './scenario/index.ts';
export { type Estimate, estimate } from './stats.ts';
