import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type LocalDate, formatLocalDate, localDate, parseLocalDate, toYmd } from '../calendar/date.ts';
import { type Instant, instantAt, localDateOf, parseInstant } from '../calendar/instant.ts';
import type { CaseContext } from '../compile/types.ts';
import { UsageError } from '../errors.ts';
import { type Complaint, complaintRecord, complaintsByDossier } from '../indicators/complaint.ts';
import { decision766 } from '../indicators/decision766.ts';
import { procedureFacts, recordsFromCases } from '../indicators/from-cases.ts';
import { recordsFromLog } from '../indicators/from-log.ts';
import { dashboardFromCases } from '../report/dashboard.ts';
import { renderDashboardPage, renderIndicatorsPage } from '../report/dashboard-html.ts';
import { indicatorSectionOf } from '../report/indicators-html.ts';
import type { ReportData } from '../report/data.ts';
import { reportData } from '../report/data.ts';
import { renderReport } from '../report/html.ts';
import { readReportJson } from '../report/read.ts';
import type { Comparison, SimReport } from '../sim/report.ts';
import { overloadWarnings, runScenario } from '../node/run-scenario.ts';
import { loadScenario } from '../node/scenario-files.ts';
import { SCENARIO_LIMITS } from '../sim/scenario/values.ts';
import { EXIT, type Io, type Lang, MAX_WORKERS, json, pickLang, wholeNumberFlag } from './io.ts';
import { loadCatalogue, loadProcedures, proceduresFor } from '../node/load-procedures.ts';
import { label, labelBy, t } from '../i18n/translate.ts';
import { comparisonSummary, summary } from './sim-summary.ts';
import { DEFAULT_SCENARIO } from './simulate-command.ts';
import { REPORT_USAGE } from './usage.ts';

/** `motcua report`. */
export async function reportCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      'allow-code': { type: 'boolean', default: false },
      'allow-outside': { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      compare: { type: 'boolean', default: false },
      replications: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      summary: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      now: { type: 'string' },
      procedures: { type: 'string' },
      only: { type: 'boolean', default: false },
      log: { type: 'string' },
      map: { type: 'string' },
      procedure: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const lang: Lang = pickLang(values.lang, io.env);
  if (values.db !== undefined && values.log !== undefined) throw new UsageError('usage', label('error.report.two-sources'), { path: ['--log'] });
  for (const flag of ['map', 'procedure'] as const) {
    if (values[flag] !== undefined && values.log === undefined) throw new UsageError('usage', label('error.report.log-only', { flag: `--${flag}` }), { path: [`--${flag}`] });
  }
  if (values.db !== undefined) {
    if (positionals.length > 0) throw new UsageError('usage', label('error.report.db-no-input', { input: positionals[0]! }));
    return dashboardOfStore(values.db, { ...values, lang }, io);
  }
  if (values.log !== undefined) {
    if (positionals.length > 0) throw new UsageError('usage', label('error.report.log-no-input', { input: positionals[0]! }));
    return indicatorsOfLog(values.log, { ...values, lang }, io);
  }
  for (const flag of ['from', 'to', 'now', 'procedures', 'only'] as const) {
    if (values[flag] !== undefined && values[flag] !== false) throw new UsageError('usage', label('error.report.cases-only', { flag: `--${flag}` }), { path: [`--${flag}`] });
  }
  if (positionals.length > 1) throw new UsageError('usage', label('error.report.one-input'));
  const input = positionals[0] ?? DEFAULT_SCENARIO;
  const shown = positionals[0] ?? shownPath(DEFAULT_SCENARIO);

  let data: ReportData;
  let report: SimReport;
  let comparisons: readonly Comparison[];
  if (extname(input).toLowerCase() === '.json') {
    for (const flag of ['compare', 'replications', 'seed', 'workers'] as const) {
      if (values[flag] !== undefined && values[flag] !== false) {
        throw new UsageError('usage', label('error.report.scenario-only', { flag: `--${flag}` }), { path: [`--${flag}`] });
      }
    }
    data = await readReportJson(await readInput(input), input, catalogueLookup());
    report = data.report;
    comparisons = data.variants.map((v) => v.comparison);
  } else {
    const run = await simulateScenario(input, shown, values, io);
    data = run.data;
    report = run.data.report;
    comparisons = run.data.variants.map((v) => v.comparison);
  }
  for (const w of data.warnings) io.err(`motcua: ${t(lang, 'warning', { text: w })}\n`);

  if (values.summary) {
    io.out(summary(report, lang));
    for (const c of comparisons) io.out(comparisonSummary(c, lang));
  }
  const output = values.output ?? (values.json ? undefined : 'report.html');
  if (output !== undefined) await write(output, renderReport(data, lang));
  if (values.json) io.out(json(data));
  else if (output !== undefined) io.out(`${t(lang, 'report.written', { file: resolve(output) })}\n`);
  return EXIT.ok;
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new UsageError('not-found', label('error.report.unreadable'), { file, cause });
  }
}

/** The catalogue, loaded once, as a lookup by id and version. */
function catalogueLookup() {
  let catalogue: Promise<Awaited<ReturnType<typeof loadProcedures>>['procedures']> | undefined;
  return async (id: string, version: string) => {
    catalogue ??= loadCatalogue();
    return (await catalogue).find((p) => p.spec.id === id && p.spec.version === version)?.spec;
  };
}

/** A path as the user would type it from here: relative when under the working directory. */
function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

async function simulateScenario(
  file: string,
  shown: string,
  values: { readonly compare: boolean; readonly replications?: string | undefined; readonly seed?: string | undefined; readonly workers?: string | undefined; readonly 'allow-code': boolean; readonly 'allow-outside': boolean },
  io: Io,
): Promise<{ data: ReportData }> {
  if (!existsSync(file)) throw new UsageError('not-found', label('error.report.no-file'), { file });
  const scenario = await loadScenario(file, { allowCode: values['allow-code'], allowOutside: values['allow-outside'] });
  const replications = values.replications === undefined ? undefined : wholeNumberFlag(values.replications, '--replications', 1, SCENARIO_LIMITS.replications);
  const seed = values.seed === undefined ? undefined : wholeNumberFlag(values.seed, '--seed');
  const workers = values.workers === undefined ? undefined : wholeNumberFlag(values.workers, '--workers', 0, MAX_WORKERS);
  const run = await runScenario(scenario, {
    ...(replications === undefined ? {} : { replications }),
    ...(seed === undefined ? {} : { seed }),
    ...(workers === undefined ? {} : { workers }),
    compare: values.compare,
    ...(io.isTty === true ? { onProgress: (label: string, done: number, total: number) => io.err(`\r\x1b[K${label}: ${done}/${total}`) } : {}),
  });
  if (io.isTty === true) io.err('\r\x1b[K');
  const variants = run.variants.map((v) => ({ name: v.name, config: v.config, report: v.report, comparison: v.comparison }));
  return { data: reportData({ file: shown, config: run.baseline, report: run.report, variants, variantNames: scenario.variants.map((v) => v.name), warnings: overloadWarnings(run, 'en') }) };
}

/** `motcua report --db`: the one-stop dashboard of the cases in an engine's store (a SQLite file or a PostgreSQL URL). */
async function dashboardOfStore(
  file: string,
  values: { readonly from?: string | undefined; readonly to?: string | undefined; readonly now?: string | undefined; readonly procedures?: string | undefined; readonly output?: string | undefined; readonly json: boolean; readonly lang: Lang; readonly 'allow-code': boolean; readonly only: boolean },
  io: Io,
): Promise<number> {
  const url = /^postgres(ql)?:\/\//.test(file);
  if (!url && !existsSync(file)) throw new UsageError('not-found', label('error.report.no-db'), { file });
  const now = values.now === undefined ? (io.now() as Instant) : parseInstant(values.now, ['--now']);
  const today = localDateOf(now);
  const { year, month } = toYmd(today);
  const from = values.from === undefined ? localDate(year, month, 1) : parseLocalDate(values.from, ['--from']);
  const to = values.to === undefined ? today : parseLocalDate(values.to, ['--to']);
  if (to < from) throw new UsageError('usage', label('error.report.period', { to: formatLocalDate(to), from: formatLocalDate(from) }), { path: ['--to'] });
  const procedures = await proceduresFor(values.procedures === undefined ? undefined : [values.procedures], { allowCode: values['allow-code'], only: values.only });
  // Loaded only for --db: a simulation report needs no database driver.
  const { openStore } = await import('../server/serve.ts');
  const store = await openStore(file);
  const cases: CaseContext[] = [];
  let complaints: Complaint[];
  try {
    for (const summary of await store.list()) {
      const record = await store.get(summary.caseId);
      if (record !== null) cases.push(record.snapshot.context);
    }
    complaints = await store.complaints();
  } finally {
    await store.close();
  }
  const period = { from: instantAt(from), to: instantAt((to + 1) as LocalDate), now };
  const dashboard = dashboardFromCases(cases, period);
  const facts = (id: string, version: string) => {
    const spec = procedures.find((p) => p.spec.id === id && p.spec.version === version)?.spec ?? procedures.find((p) => p.spec.id === id)?.spec;
    return spec === undefined ? undefined : procedureFacts(spec);
  };
  const indicators = decision766(recordsFromCases(cases, facts, complaintsByDossier(complaints)), { ...period, complaints: complaints.map(complaintRecord) });
  const titles = Object.fromEntries(procedures.map((p) => [p.spec.id, p.spec.title]));
  const agencyNames = new Map(procedures.flatMap((p) => Object.entries(p.spec.agencies).map(([id, a]) => [id, a.name[values.lang]] as const)));
  const output = values.output ?? (values.json ? undefined : 'report.html');
  if (output !== undefined) await write(output, renderDashboardPage(dashboard, values.lang, titles, indicatorSectionOf(indicators, (a) => agencyNames.get(a) ?? a)));
  if (values.json) io.out(json({ ...dashboard, indicators: { decision766: indicators } }));
  else if (output !== undefined) io.out(`${t(values.lang, 'report.written', { file: resolve(output) })}\n`);
  return EXIT.ok;
}

/**
 * `motcua report --log`: the Decision 766 indicators of an imported event log (CSV or XES), each
 * trace replayed on its procedure's statutory clock (`recordsFromLog`). The period is the log's
 * first to last day unless --from / --to say otherwise, as of just after its last event.
 */
async function indicatorsOfLog(
  file: string,
  values: {
    readonly from?: string | undefined;
    readonly to?: string | undefined;
    readonly now?: string | undefined;
    readonly procedures?: string | undefined;
    readonly map?: string | undefined;
    readonly procedure?: string | undefined;
    readonly output?: string | undefined;
    readonly json: boolean;
    readonly lang: Lang;
    readonly 'allow-code': boolean;
    readonly only: boolean;
  },
  io: Io,
): Promise<number> {
  const { loadLog, loadMapping } = await import('./log-input.ts');
  const mapping = await loadMapping(values.map);
  const log = await loadLog(file, mapping);
  const procedures = await proceduresFor(values.procedures === undefined ? undefined : [values.procedures], { allowCode: values['allow-code'], only: values.only });
  const specs = procedures.map((p) => p.spec);
  if (values.procedure !== undefined && !specs.some((s) => s.id === values.procedure)) {
    throw new UsageError('usage', labelBy('error.report.procedure', (lang) => ({ procedure: String(values.procedure), where: values.procedures ?? t(lang, 'error.report.catalogue') })), { path: ['--procedure'] });
  }
  const { records, skipped } = recordsFromLog(log, { procedures: specs, activities: mapping.activities, ...(values.procedure === undefined ? {} : { procedure: values.procedure }) });
  if (records.length === 0) throw new UsageError('no-cases', label('error.report.no-cases', { skipped: skipped[0] === undefined ? '' : ` (${skipped[0].trace}: ${skipped[0].reason})` }), { file });
  let first = Infinity;
  let last = -Infinity;
  for (const trace of log.traces) {
    for (const e of trace.events) {
      if (e.time < first) first = e.time;
      if (e.time > last) last = e.time;
    }
  }
  const now = values.now === undefined ? ((last + 1) as Instant) : parseInstant(values.now, ['--now']);
  const from = values.from === undefined ? localDateOf(first as Instant) : parseLocalDate(values.from, ['--from']);
  const to = values.to === undefined ? localDateOf(last as Instant) : parseLocalDate(values.to, ['--to']);
  if (to < from) throw new UsageError('usage', label('error.report.period', { to: formatLocalDate(to), from: formatLocalDate(from) }), { path: ['--to'] });
  const indicators = decision766(records, { from: instantAt(from), to: instantAt((to + 1) as LocalDate), now });
  const reasons = new Map<string, string[]>();
  for (const s of skipped) reasons.set(s.reason, [...(reasons.get(s.reason) ?? []), s.trace]);
  for (const [reason, traces] of reasons) {
    io.err(`motcua: ${t(values.lang, 'warning', { text: `${traces.length} trace${traces.length === 1 ? '' : 's'} of ${file} left out: ${reason} (${traces.slice(0, 3).join(', ')}${traces.length > 3 ? ', …' : ''})` })}\n`);
  }
  const agencyNames = new Map(specs.flatMap((p) => Object.entries(p.agencies).map(([id, a]) => [id, a.name[values.lang]] as const)));
  const output = values.output ?? (values.json ? undefined : 'report.html');
  const note = values.lang === 'vi' ? `Từ nhật ký sự kiện ${file}: ${records.length} hồ sơ (${skipped.length} bỏ qua).` : `From the event log ${file}: ${records.length} cases (${skipped.length} left out).`;
  if (output !== undefined) await write(output, renderIndicatorsPage(indicatorSectionOf(indicators, (a) => agencyNames.get(a) ?? a), values.lang, [note]));
  if (values.json) io.out(json({ source: file, cases: records.length, skipped, indicators: { decision766: indicators } }));
  else if (output !== undefined) io.out(`${t(values.lang, 'report.written', { file: resolve(output) })}\n`);
  return EXIT.ok;
}

async function write(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (cause) {
    throw new UsageError('not-written', label('error.report.not-written', { why: cause instanceof Error ? cause.message : String(cause) }), { file, cause });
  }
}
