import { formatLocalDate } from '../calendar/date.ts';
import type { Channel } from '../dsl/spec.ts';
import type { Distribution, SimConfig } from '../sim/config.ts';
import type { Comparison, SimReport } from '../sim/report.ts';
import { type Dashboard, dashboardFromReport } from './dashboard.ts';
import { type ProcedureInfo, procedureInfo } from './procedure-info.ts';

/** Marks the JSON of a report's data, so that `motcua report` can tell it from a `simulate --json` output. */
export const REPORT_DATA_FORMAT = 'motcua-report/1';

/**
 * Everything the HTML report shows, as plain JSON-serialisable data: the baseline simulation, each
 * variant (its own report when simulated here, and its paired comparison with the baseline), what
 * the report needs from the procedures (titles, statutory limits), the scenario's parameters, how
 * to reproduce it and the one-stop dashboard. `motcua report --json` prints it and reads it back.
 */
export interface ReportData {
  readonly format: typeof REPORT_DATA_FORMAT;
  readonly report: SimReport;
  readonly variants: readonly { readonly name: string; readonly report: SimReport | null; readonly comparison: Comparison }[];
  /** Per procedure of the baseline and the variants, by `id@version`; a procedure missing here has no limit line. */
  readonly procedures: readonly ProcedureInfo[];
  readonly scenario: ScenarioParameters | null;
  /** Command lines that give the same figures again; the seed is in the scenario file. */
  readonly reproduce: readonly string[];
  readonly dashboard: Dashboard;
  /** Warnings of the run (demand over capacity). */
  readonly warnings: readonly string[];
}

type ScenarioSummary = SimReport['scenario'];

/** The parameters of a scenario a reader needs to judge the figures. */
export interface ScenarioParameters extends ScenarioSummary {
  /** The scenario file as given on the command line. */
  readonly file: string;
  readonly drain: boolean;
  readonly apologyExtensionDays: number;
  readonly stations: readonly { readonly id: string; readonly officers: number }[];
  readonly procedures: readonly {
    readonly id: string;
    readonly version: string;
    /** `Poisson, 12.5 a working day` or `replay of 40 receipts`, in a neutral form: `{ kind, perDay | count }`. */
    readonly arrivals: { readonly kind: 'poisson'; readonly perDay: number } | { readonly kind: 'replay'; readonly count: number };
    readonly channels: readonly { readonly channel: Channel; readonly p: number }[];
    readonly incomplete: number;
    readonly withdrawal: number;
    readonly steps: readonly { readonly id: string; readonly duration: string; readonly supplement: number; readonly refusal: number }[];
    /** The desk's work per dossier at receipt. */
    readonly receipt: string;
    /** The values of the dossier fields branches test, with their probabilities. */
    readonly dossier: readonly { readonly field: string; readonly mix: readonly { readonly value: string | number | boolean; readonly p: number }[] }[];
    /** Each consultation's answer time and the probability it stays silent. */
    readonly answers: readonly { readonly consult: string; readonly duration: string; readonly silence: number }[];
    /** Each excluded interval's length (tax payment, public posting). */
    readonly intervals: readonly { readonly id: string; readonly duration: string }[];
  }[];
  /** How long the applicant takes to bring supplement papers. */
  readonly applicantResponse: string;
  /** How long a dossier takes to reach the first agency, by channel. */
  readonly transfer: readonly { readonly channel: Channel; readonly duration: string }[];
  readonly variants: readonly string[];
}

/** What `reportData` needs from a simulation run by the caller. */
export interface SimulationRun {
  /** The scenario file as the user named it (shown in the reproduction command). */
  readonly file: string;
  readonly config: SimConfig;
  readonly report: SimReport;
  readonly variants: readonly { readonly name: string; readonly config: SimConfig; readonly report: SimReport; readonly comparison: Comparison }[];
  /** All variant names of the scenario, simulated or not. */
  readonly variantNames: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * The data of a report on a simulation run: procedure limits from the specs in the configurations,
 * the scenario's parameters and the commands that reproduce it.
 *
 * @example
 * const data = reportData({ file, config, report: buildReport(config, results), variants: [], variantNames: [], warnings: [] });
 * renderReport(data, 'vi');
 */
export function reportData(run: SimulationRun): ReportData {
  const { config } = run;
  const specs = [config, ...run.variants.map((v) => v.config)].flatMap((c) => c.procedures.map((p) => p.spec));
  const byKey = new Map<string, ProcedureInfo>();
  for (const spec of specs) if (!byKey.has(`${spec.id}@${spec.version}`)) byKey.set(`${spec.id}@${spec.version}`, procedureInfo(spec));
  const procedures = [...byKey.values()];
  const compareFlag = run.variants.length > 0 ? ' --compare' : '';
  const reps = ` --replications ${config.replications}`;
  return {
    format: REPORT_DATA_FORMAT,
    report: run.report,
    variants: run.variants.map((v) => ({ name: v.name, report: v.report, comparison: v.comparison })),
    procedures,
    scenario: scenarioParameters(run.file, config, run.variantNames),
    reproduce: [`motcua simulate ${shellWord(run.file)}${reps}${compareFlag} --json`, `motcua report ${shellWord(run.file)}${reps}${compareFlag} -o report.html`],
    dashboard: dashboardFromReport(run.report, config),
    warnings: run.warnings,
  };
}

/** The parameters of a resolved scenario, as the report lists them. */
export function scenarioParameters(file: string, config: SimConfig, variants: readonly string[]): ScenarioParameters {
  return {
    file,
    name: config.name,
    seed: config.seed,
    replications: config.replications,
    start: formatLocalDate(config.start),
    horizonDays: config.horizonDays,
    warmupDays: config.warmupDays,
    calendar: config.calendar,
    discipline: config.discipline,
    drain: config.drain,
    apologyExtensionDays: config.apologyExtensionDays,
    stations: Object.keys(config.stations)
      .sort()
      .map((id) => ({ id, officers: config.stations[id]!.officers })),
    procedures: config.procedures.map((p) => ({
      id: p.spec.id,
      version: p.spec.version,
      arrivals: p.arrivals.kind === 'poisson' ? { kind: 'poisson', perDay: p.arrivals.perDay } : { kind: 'replay', count: p.arrivals.instants.length },
      channels: p.channels.map((c) => ({ channel: c.value, p: c.p })),
      incomplete: p.incomplete,
      withdrawal: p.withdrawal,
      steps: Object.keys(p.steps)
        .sort()
        .map((id) => {
          const b = p.steps[id]!;
          return { id, duration: describeDistribution(b.duration), supplement: b.supplement, refusal: b.refusal };
        }),
      receipt: describeDistribution(p.receipt),
      dossier: Object.keys(p.dossier)
        .sort()
        .map((field) => ({ field, mix: p.dossier[field]!.map((c) => ({ value: c.value, p: c.p })) })),
      answers: Object.keys(p.answers)
        .sort()
        .map((consult) => ({ consult, duration: describeDistribution(p.answers[consult]!.duration), silence: p.answers[consult]!.silence })),
      intervals: Object.keys(p.intervals)
        .sort()
        .map((id) => ({ id, duration: describeDistribution(p.intervals[id]!) })),
    })),
    applicantResponse: describeDistribution(config.applicantResponse),
    transfer: (Object.keys(config.transfer) as Channel[]).map((channel) => ({ channel, duration: describeDistribution(config.transfer[channel]) })),
    variants,
  };
}

/** `exponential(mean 1)`, `triangular(0.1, 0.25, 0.5)`: the form the scenario file uses. */
export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'fixed':
      return `fixed(${d.value})`;
    case 'uniform':
      return `uniform(${d.min}, ${d.max})`;
    case 'triangular':
      return `triangular(${d.min}, ${d.mode}, ${d.max})`;
    case 'exponential':
      return `exponential(mean ${d.mean})`;
    case 'lognormal':
      return `lognormal(mean ${d.mean}, sd ${d.sd})`;
    case 'empirical':
      return `empirical(${d.values.length} values)`;
  }
}

/** Quotes a file name for a POSIX shell when it needs it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
