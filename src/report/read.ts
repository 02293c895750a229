import { z } from 'zod';
import type { ProcedureSpec } from '../dsl/spec.ts';
import { UsageError } from '../errors.ts';
import { label as said, labelBy, t } from '../i18n/translate.ts';
import { zodIssueMessages } from '../i18n/zod-issue.ts';
import type { Comparison, SimReport } from '../sim/report.ts';
import { comparisonSchema, simReportSchema, simulateOutputSchema } from '../sim/report-schema.ts';
import { dashboardFromReport } from './dashboard.ts';
import { REPORT_DATA_FORMAT, type ReportData } from './data.ts';
import { type ProcedureInfo, procedureInfo } from './procedure-info.ts';

/** Finds the spec of a procedure named in a JSON report, or says it is not known. */
export type SpecLookup = (id: string, version: string) => Promise<ProcedureSpec | undefined>;

// The simulation report is read with the schemas it is defined by (src/sim/report-schema.ts).
const simReport = simReportSchema;
const comparison = comparisonSchema;
const simulateOutput = simulateOutputSchema;

const label = z.object({ vi: z.string(), en: z.string() });
const onAxis = z.object({ text: z.string(), workingDays: z.number(), approximate: z.boolean() });
const procedureInfoSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: label,
  level: z.enum(['province', 'district', 'commune']),
  limit: onAxis.extend({ mode: z.enum(['date', 'hours', 'same-day']), basis: z.string() }),
  extensions: z.array(z.object({ reason: label, extension: z.string(), total: onAxis })),
});
const figures = z.object({
  received: z.object({
    total: z.number(),
    carriedOver: z.number().nullable(),
    new: z.number(),
    byChannel: z.object({ 'in-person': z.number(), postal: z.number(), online: z.number() }).nullable(),
  }),
  resolved: z.object({ total: z.number(), early: z.number(), onTime: z.number(), late: z.number() }),
  pending: z.object({ total: z.number(), withinLimit: z.number(), overdue: z.number() }),
  supplements: z.object({ atReceipt: z.number(), duringProcessing: z.number() }),
  refusals: z.object({ atReceipt: z.number(), duringProcessing: z.number() }),
  withdrawals: z.number(),
  apologySlips: z.number(),
  onTimeRate: z.number().nullable(),
});
const reportDataSchema = z.object({
  format: z.literal(REPORT_DATA_FORMAT),
  report: simReport,
  variants: z.array(z.object({ name: z.string(), report: simReport.nullable(), comparison })),
  procedures: z.array(procedureInfoSchema),
  scenario: z
    .object({
      file: z.string(),
      name: z.string(),
      seed: z.number(),
      replications: z.number(),
      start: z.string(),
      horizonDays: z.number(),
      warmupDays: z.number(),
      calendar: z.string(),
      discipline: z.string(),
      drain: z.boolean(),
      apologyExtensionDays: z.number(),
      stations: z.array(z.object({ id: z.string(), officers: z.number() })),
      procedures: z.array(
        z.object({
          id: z.string(),
          version: z.string(),
          arrivals: z.union([z.object({ kind: z.literal('poisson'), perDay: z.number() }), z.object({ kind: z.literal('replay'), count: z.number() })]),
          channels: z.array(z.object({ channel: z.enum(['in-person', 'postal', 'online']), p: z.number() })),
          incomplete: z.number(),
          withdrawal: z.number(),
          steps: z.array(z.object({ id: z.string(), duration: z.string(), supplement: z.number(), refusal: z.number() })),
          receipt: z.string(),
          dossier: z.array(z.object({ field: z.string(), mix: z.array(z.object({ value: z.union([z.string(), z.number(), z.boolean()]), p: z.number() })) })),
          answers: z.array(z.object({ consult: z.string(), duration: z.string(), silence: z.number() })),
          intervals: z.array(z.object({ id: z.string(), duration: z.string() })),
        }),
      ),
      applicantResponse: z.string(),
      transfer: z.array(z.object({ channel: z.enum(['in-person', 'postal', 'online']), duration: z.string() })),
      variants: z.array(z.string()),
    })
    .nullable(),
  reproduce: z.array(z.string()),
  dashboard: z.object({
    source: z.enum(['simulation', 'cases']),
    period: z.object({ from: z.string(), to: z.string() }),
    procedures: z.array(figures.extend({ id: z.string(), version: z.string().nullable() })),
    total: figures,
  }),
  warnings: z.array(z.string()),
});

/**
 * Reads a JSON report: either the data `motcua report --json` prints (everything the page needs), or
 * what `motcua simulate --json [--compare]` prints, completed with the procedures' limits found by
 * `lookUp` (a procedure it does not know is shown without a limit line).
 *
 * @throws UsageError `bad-report` naming the file, the path inside it and what is expected there
 * @example
 * const data = await readReportJson(await readFile('run.json', 'utf8'), 'run.json', async (id, v) => catalogue[`${id}@${v}`]);
 */
export async function readReportJson(text: string, file: string, lookUp: SpecLookup): Promise<ReportData> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new UsageError('bad-report', said('error.report.not-json', { reason: cause instanceof Error ? cause.message : String(cause) }), { file, cause });
  }
  if (typeof raw === 'object' && raw !== null && 'format' in raw) {
    const parsed = reportDataSchema.safeParse(raw);
    if (!parsed.success) throw issueError(parsed.error, raw, file, 'error.report.of-report');
    return parsed.data as unknown as ReportData;
  }
  const parsed = simulateOutput.safeParse(raw);
  if (!parsed.success) throw issueError(parsed.error, raw, file, 'error.report.of-simulate');
  const { warnings, comparisons, ...rest } = parsed.data;
  const report: SimReport = rest;
  const procedures: ProcedureInfo[] = [];
  for (const p of report.procedures) {
    const spec = await lookUp(p.id, p.version);
    if (spec !== undefined) procedures.push(procedureInfo(spec));
  }
  return {
    format: REPORT_DATA_FORMAT,
    report,
    variants: (comparisons ?? []).map((c: Comparison) => ({ name: c.variant, report: null, comparison: c })),
    procedures,
    scenario: null,
    reproduce: [],
    dashboard: dashboardFromReport(report),
    warnings: warnings ?? [],
  };
}

function issueError(error: z.ZodError, raw: unknown, file: string, expected: 'error.report.of-report' | 'error.report.of-simulate'): UsageError {
  const issue = error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let value: unknown = raw;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
  const issueSaid = zodIssueMessages(issue, raw);
  return new UsageError('bad-report', labelBy('error.report.shape', (lang) => ({ found: value === undefined ? t(lang, 'error.report.missing') : issueSaid[lang], expected: t(lang, expected) })), { file, path });
}
