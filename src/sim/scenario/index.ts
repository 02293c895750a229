import { type LocalDate, formatLocalDate, parseLocalDate, toYmd } from '../../calendar/date.ts';
import { VN_MAX_YEAR, VN_MIN_YEAR } from '../../calendar/vietnam.ts';
import type { ProcedureSpec } from '../../dsl/spec.ts';
import { MotcuaError, ScenarioError, UsageError } from '../../errors.ts';
import { type Lang, labelBy } from '../../i18n/translate.ts';
import type { SimConfig, SimProcedure } from '../config.ts';
import { said } from './said.ts';
import { feedbackBehaviour } from './feedback.ts';
import { buildArrivals } from './arrivals.ts';
import { buildProcedure } from './procedure.ts';
import { parseScenarioStructure, readScenarioYaml, scenarioError } from './read.ts';
import { buildStations } from './stations.ts';
import { applyVariant } from './variant.ts';

export { type StationLoad, stationLoad } from './load.ts';
export { DISTRIBUTION_FORMS, SCENARIO_DEFAULTS } from './values.ts';

/**
 * A scenario file resolved for the simulator: the baseline and each variant as a complete
 * `SimConfig`, every procedure looked up and every default applied.
 */
export interface Scenario {
  readonly baseline: SimConfig;
  readonly variants: readonly { readonly name: string; readonly config: SimConfig }[];
  /** The scenario file, as given. */
  readonly file: string;
}

/** Looks up a procedure named in a scenario (catalogue id, `id@version`, or file), for the scenario's start date (YYYY-MM-DD). */
export type ProcedureResolver = (procedure: string, on: string) => Promise<ProcedureSpec>;

/** Reads a replay CSV named in a scenario, as written there. */
export type ReplayReader = (csv: string) => Promise<string>;

/** Every code a `ScenarioError` may carry. */
export const SCENARIO_PROBLEM_CODES = [
  'not-found',
  'syntax',
  'invalid',
  'bad-date',
  'bad-duration',
  'bad-distribution',
  'bad-probabilities',
  'bad-arrivals',
  'bad-profile',
  'bad-replay',
  'bad-office-hours',
  'unknown-procedure',
  'bad-procedure',
  'duplicate-procedure',
  'unknown-channel',
  'unknown-field',
  'missing-field',
  'bad-value',
  'unknown-step',
  'missing-duration',
  'unknown-consult',
  'missing-answer',
  'unknown-interval',
  'missing-interval',
  'unknown-agency',
  'unknown-station',
  'duplicate-variant',
  'bad-variant',
] as const;
export type ScenarioProblemCode = (typeof SCENARIO_PROBLEM_CODES)[number];

const noReader: ReplayReader = () => Promise.reject(new Error('no replay reader was given to parseScenario'));

/**
 * Resolves a scenario from its YAML text. Pure but for `resolve` (procedures) and `read` (replay
 * CSVs), so tests inject both and need no files.
 *
 * @throws ScenarioError with `file`, the path inside the YAML and how to fix it; YAML syntax
 * errors give the line and column
 * @example
 * const s = await parseScenario(text, 'test.yaml', async (name) => specs[name]!, async () => '2025-01-06T08:15\n');
 */
export async function parseScenario(text: string, file: string, resolve: ProcedureResolver, read: ReplayReader = noReader): Promise<Scenario> {
  const raw = parseScenarioStructure(readScenarioYaml(text, file), file);
  if (raw.warmup >= raw.horizon) {
    throw scenarioError('bad-duration', said('scenario.warmup', { warmup: raw.warmup, horizon: raw.horizon }), file, ['warmup']);
  }
  const start = parseLocalDate(raw.start);
  const last = (start + raw.horizon - 1) as LocalDate;
  if (toYmd(start).year < VN_MIN_YEAR || toYmd(last).year > VN_MAX_YEAR) {
    throw scenarioError('bad-date', said('scenario.calendar-range', { start: raw.start, last: formatLocalDate(last), min: VN_MIN_YEAR, max: VN_MAX_YEAR }), file, [toYmd(start).year < VN_MIN_YEAR ? 'start' : 'horizon']);
  }
  const stations = buildStations(raw.stations, raw.calendar, file);
  const stationIds = Object.keys(stations);

  const lookUp = async (name: string, path: readonly (string | number)[]): Promise<ProcedureSpec> => {
    try {
      return await resolve(name, raw.start);
    } catch (cause) {
      throw resolutionError(name, cause, file, path);
    }
  };

  const procedures: SimProcedure[] = [];
  const seen = new Map<string, number>();
  for (const [i, entry] of raw.procedures.entries()) {
    const spec = await lookUp(entry.procedure, ['procedures', i, 'procedure']);
    const first = seen.get(spec.id);
    if (first !== undefined) {
      throw scenarioError('duplicate-procedure', said('scenario.duplicate-procedure', { id: spec.id, first }), file, ['procedures', i, 'procedure']);
    }
    seen.set(spec.id, i);
    const arrivals = await buildArrivals(entry.arrivals, { file, path: ['procedures', i], calendar: raw.calendar, start, horizonDays: raw.horizon, read });
    procedures.push(buildProcedure(entry, spec, arrivals, { file, path: ['procedures', i], stations: stationIds }));
  }

  const baseline: SimConfig = {
    name: raw.name,
    start,
    horizonDays: raw.horizon,
    warmupDays: raw.warmup,
    replications: raw.replications,
    seed: raw.seed,
    calendar: raw.calendar,
    discipline: raw.discipline,
    stations,
    procedures,
    applicantResponse: raw.applicantResponse,
    transfer: { 'in-person': raw.transfer.paper, postal: raw.transfer.paper, online: raw.transfer.online },
    apologyExtensionDays: raw.apologyExtensionDays,
    drain: raw.drain,
    ...(raw.feedback === undefined ? {} : { feedback: feedbackBehaviour(raw.feedback) }),
  };

  const variants: { name: string; config: SimConfig }[] = [];
  for (const [i, v] of raw.variants.entries()) {
    const twin = raw.variants.findIndex((w) => w.name === v.name);
    if (twin !== i) throw scenarioError('duplicate-variant', said('scenario.duplicate-variant', { name: v.name, first: twin }), file, ['variants', i, 'name']);
    variants.push({ name: v.name, config: await applyVariant(v, i, { file, raw, baseline, lookUp }) });
  }
  return { baseline, variants, file };
}

/** Why a procedure named in the scenario could not be had, in the scenario's words. */
function resolutionError(name: string, cause: unknown, file: string, path: readonly (string | number)[]): MotcuaError {
  if (cause instanceof MotcuaError && ['unknown-procedure', 'not-in-force', 'not-found'].includes(cause.code)) {
    const why = (lang: Lang) => (cause.file === undefined ? cause.messageIn(lang) : cause.describe(lang));
    const fix = cause instanceof UsageError && cause.code === 'unknown-procedure';
    return scenarioError('unknown-procedure', fix ? labelBy('scenario.unknown-procedure', (lang) => ({ why: why(lang) })) : { vi: why('vi'), en: why('en') }, file, path, cause);
  }
  const why = (lang: Lang) => (cause instanceof MotcuaError ? cause.describe(lang) : cause instanceof Error ? cause.message.split('\n')[0]! : String(cause));
  return scenarioError('bad-procedure', labelBy('scenario.bad-procedure', (lang) => ({ name, why: why(lang) })), file, path, cause);
}
