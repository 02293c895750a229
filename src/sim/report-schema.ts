import { z } from 'zod';
import { legalRefSchema } from '../dsl/schema.ts';

/**
 * The simulation report, defined once: its TypeScript types are derived from these schemas
 * (`z.infer`), `motcua report` reads `motcua simulate --json` back with them, and
 * `schema/report.schema.json` is written from them (`npm run schema`).
 */

/** A figure over replications: its mean and the half-width of its 95% confidence interval. */
export const estimateSchema = z
  .object({ mean: z.number(), halfWidth: z.number().nonnegative(), n: z.number().int().nonnegative() })
  .readonly()
  .meta({ id: 'Estimate', description: 'A figure over replications: its mean, the half-width of its 95% confidence interval (Student t), and the number of replications it is over.' });

const cycleReportSchema = z
  .object({ mean: estimateSchema, p50: estimateSchema, p90: estimateSchema, p95: estimateSchema, max: estimateSchema })
  .readonly()
  .meta({ id: 'CycleReport', description: 'Cycle times of the resolved dossiers, per replication, then over replications.' });

const procedureReportSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    started: estimateSchema,
    finished: estimateSchema,
    returned: estimateSchema,
    refused: estimateSchema,
    refusedAtReceipt: estimateSchema,
    withdrawn: estimateSchema,
    inProgress: estimateSchema,
    pendingOverdue: estimateSchema,
    early: estimateSchema,
    onTime: estimateSchema,
    late: estimateSchema,
    onTimeRate: estimateSchema.describe('(early + on time) / resolved: motcua’s one-stop definition.'),
    apologies: estimateSchema,
    supplementRequests: estimateSchema,
    completionRequests: estimateSchema,
    cycleWorkingDays: cycleReportSchema,
    cycleCalendarDays: cycleReportSchema,
    histogram: z
      .object({ width: z.number().positive(), counts: z.array(z.number().nonnegative()).readonly() })
      .readonly()
      .describe('Cases resolved per bin of `width` working days, over all replications (for charts).'),
  })
  .readonly();

const stationReportSchema = z
  .object({
    id: z.string(),
    officers: z.number(),
    utilisation: estimateSchema,
    jobs: estimateSchema,
    queueWaitMean: estimateSchema.describe('Working hours waited for a free officer.'),
    queueWaitP95: estimateSchema,
    longestQueue: estimateSchema,
    offHoursWaitMean: estimateSchema.describe('Hours waited while the office was closed.'),
  })
  .readonly();

const figureEstimates = {
  handled: estimateSchema,
  resolvedOnTime: estimateSchema,
  withinLimit: estimateSchema,
  late: estimateSchema,
  onTimeRate: estimateSchema.describe('Over the replications where something was handled.'),
  satisfactionRate: estimateSchema,
  points: estimateSchema,
  oneStopOnTimeRate: estimateSchema.describe('motcua’s own (early + on time) / resolved, beside the 766 rate.'),
};

/** The figures of a group over replications, each with its 95% interval. */
export const decision766FigureEstimatesSchema = z.object(figureEstimates).readonly();

const pointsConstraintsSchema = z.object({ onTime: z.number(), dossierSatisfaction: z.number(), complaintOnTime: z.number(), complaintSatisfaction: z.number() }).readonly();

/** The Decision 766 block of a simulation report: the same indicators as from case records, as estimates over replications. */
export const decision766EstimatesSchema = z
  .object({
    ...figureEstimates,
    definitions: z
      .object({
        onTimeRate: z.literal('decision-766'),
        satisfactionRate: z.enum(['decision-766-union', 'decision-766-sum']),
        points: z.literal('decision-766-linear-unverified'),
        oneStop: z.literal('motcua-one-stop'),
      })
      .readonly(),
    ref: legalRefSchema,
    period: z.literal('after-warm-up-to-end-of-run').describe('Dossiers received after the warm-up, followed to the end of the run.'),
    options: z
      .object({ satisfaction: z.enum(['union', 'sum']), refusedAtReceipt: z.enum(['exclude', 'include']), maxSupplementRequests: z.number(), points: pointsConstraintsSchema })
      .readonly(),
    pointsOf: z.number(),
    complaints: z.object({ total: estimateSchema, onTimeRate: estimateSchema }).readonly(),
    byAgency: z
      .array(z.object({ ...figureEstimates, agency: z.string(), rank: z.number().int().positive() }).readonly())
      .readonly()
      .describe('Ranked by mean points (equal means share a rank).'),
    notComputable: z.array(z.object({ group: z.string(), reason: z.string() }).readonly()).readonly(),
  })
  .readonly()
  .meta({ id: 'Decision766Estimates' });

/** A figure of the baseline and of a variant over paired replications, and their difference. */
export const pairedFigureSchema = z.object({ baseline: z.number(), variant: z.number(), difference: estimateSchema }).readonly().meta({ id: 'PairedFigure' });

/** What a variant does to the Decision 766 indicators, in total and per agency. */
export const decision766ComparisonSchema = z
  .object({
    onTimeRate: pairedFigureSchema,
    satisfactionRate: pairedFigureSchema,
    points: pairedFigureSchema,
    byAgency: z.array(z.object({ agency: z.string(), onTimeRate: pairedFigureSchema, satisfactionRate: pairedFigureSchema, points: pairedFigureSchema }).readonly()).readonly(),
  })
  .readonly();

/** Everything a simulation tells, identical for the same scenario and seed. */
export const simReportSchema = z
  .object({
    scenario: z
      .object({
        name: z.string(),
        seed: z.number(),
        replications: z.number().int().positive(),
        start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        horizonDays: z.number(),
        warmupDays: z.number(),
        calendar: z.string(),
        discipline: z.string(),
      })
      .readonly(),
    procedures: z.array(procedureReportSchema).readonly(),
    stations: z.array(stationReportSchema).readonly(),
    bottleneck: z.object({ station: z.string(), utilisation: z.number() }).readonly().nullable(),
    checks: z
      .object({
        conservation: z
          .array(z.object({ arrived: z.number(), ended: z.number(), inProgress: z.number(), holds: z.boolean() }).readonly())
          .readonly()
          .describe('Per replication: every case that arrived has ended or is still in progress.'),
        little: z.array(z.object({ L: z.number(), lambdaW: z.number(), relativeError: z.number() }).readonly()).readonly().describe('Per replication: L against λW.'),
      })
      .readonly(),
    events: z.number(),
    indicators: z.object({ decision766: decision766EstimatesSchema }).readonly().exactOptional().describe('The Decision 766 indicators, as estimates over replications (absent for results made by hand).'),
  })
  .readonly();

/** Differences of a variant from the baseline over paired replications (common random numbers). */
export const comparisonSchema = z
  .object({
    variant: z.string(),
    procedures: z.array(z.object({ id: z.string(), meanCycleWorkingDays: pairedFigureSchema, onTimeRate: pairedFigureSchema }).readonly()).readonly(),
    stations: z.array(z.object({ id: z.string(), utilisation: pairedFigureSchema }).readonly()).readonly(),
    indicators: z.object({ decision766: decision766ComparisonSchema }).readonly().exactOptional().describe('What the variant does to the Decision 766 indicators.'),
  })
  .readonly();

/** What `motcua simulate --json [--compare]` prints: the baseline's report, its warnings, and each variant's comparison. */
export const simulateOutputSchema = z
  .object({
    ...simReportSchema.unwrap().shape,
    warnings: z.array(z.string()).readonly().exactOptional(),
    comparisons: z.array(comparisonSchema).readonly().exactOptional(),
  })
  .readonly();

export type Estimate = z.infer<typeof estimateSchema>;
export type CycleReport = z.infer<typeof cycleReportSchema>;
export type ProcedureReport = z.infer<typeof procedureReportSchema>;
export type StationReport = z.infer<typeof stationReportSchema>;
export type Decision766FigureEstimates = z.infer<typeof decision766FigureEstimatesSchema>;
export type Decision766Estimates = z.infer<typeof decision766EstimatesSchema>;
export type PairedFigure = z.infer<typeof pairedFigureSchema>;
export type Decision766Comparison = z.infer<typeof decision766ComparisonSchema>;
export type SimReport = z.infer<typeof simReportSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
export type SimulateOutput = z.infer<typeof simulateOutputSchema>;
