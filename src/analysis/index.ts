export { type BudgetItem, type BudgetPath, type BudgetReport, checkBudget, describePath } from './budget.ts';
export { type CheckOptions, type CheckReport, type Problem, checkProcedure } from './check.ts';
export { type DeadEnd, type GraphOptions, type GraphReport, analyseGraph, inputVariants } from './graph.ts';
export { type PropertyOptions, type PropertyResult, checkProperties } from './properties.ts';
export { type Plan, type RunResult, timedRun } from './timed-run.ts';
export { explainCase } from './explain-case.ts';
