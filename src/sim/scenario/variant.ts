import { parseDuration } from '../../calendar/duration.ts';
import type { DurationText } from '../../dsl/builder.ts';
import type { ProcedureSpec } from '../../dsl/spec.ts';
import { deriveVariant } from '../../dsl/variant.ts';
import { MotcuaError } from '../../errors.ts';
import type { SimConfig, SimProcedure, Station } from '../config.ts';
import { busiestDayProblem } from './arrivals.ts';
import { buildProcedure, flowParts } from './procedure.ts';
import { labelBy } from '../../i18n/translate.ts';
import type { Label } from '../../legal.ts';
import { scenarioError } from './read.ts';
import { type Said, said } from './said.ts';
import type { ProcedureEntry, ScenarioFile, VariantEntry, VariantProcedureEntry } from './schema.ts';
import { stationHours } from './stations.ts';

type Path = readonly (string | number)[];

/** What a variant is applied to. */
export interface VariantContext {
  readonly file: string;
  /** The scenario file after the schema, for the baseline's own entries. */
  readonly raw: ScenarioFile;
  readonly baseline: SimConfig;
  /** Looks up a procedure (`id@version`); errors name `path`. */
  readonly lookUp: (name: string, path: Path) => Promise<ProcedureSpec>;
}

/**
 * The baseline with one variant's changes: stations with other officer counts or hours, and
 * procedures on another version, with other shares (through `deriveVariant`), channels, step
 * behaviour, rates or stations. Everything else, the seed included, is the baseline's, so that
 * runs compare on common random numbers.
 *
 * @throws ScenarioError naming the path inside `variants`
 * @example
 * const more = await applyVariant(raw.variants[0], 0, { file, raw, baseline, lookUp });
 */
export async function applyVariant(v: VariantEntry, index: number, ctx: VariantContext): Promise<SimConfig> {
  const at: Path = ['variants', index];
  const { baseline, file } = ctx;

  const stations: Record<string, Station> = { ...baseline.stations };
  for (const [id, change] of Object.entries(v.stations)) {
    const base = Object.hasOwn(stations, id) ? stations[id] : undefined;
    if (base === undefined) {
      throw scenarioError('unknown-station', said('scenario.variant.station', { id, stations: Object.keys(baseline.stations).join(', ') }), file, [...at, 'stations', id]);
    }
    stations[id] = {
      officers: change.officers ?? base.officers,
      hours: change.hours === undefined ? base.hours : stationHours(change.hours, baseline.calendar, file, [...at, 'stations', id, 'hours']),
    };
  }

  const procedures: SimProcedure[] = [...baseline.procedures];
  for (const [id, change] of Object.entries(v.procedures)) {
    const path = [...at, 'procedures', id];
    const indices = baseline.procedures.flatMap((p, i) => (p.spec.id === id ? [i] : []));
    if (indices.length === 0) {
      const ids = baseline.procedures.map((p) => p.spec.id).join(', ');
      throw scenarioError('unknown-procedure', said('scenario.variant.procedure', { id, ids }), file, path);
    }
    for (const i of indices) {
      procedures[i] = await changeProcedure(baseline.procedures[i]!, ctx.raw.procedures[i]!, change, v.name, path, Object.keys(stations), ctx);
    }
  }
  return { ...baseline, name: `${baseline.name}: ${v.name}`, stations, procedures };
}

async function changeProcedure(
  base: SimProcedure,
  entry: ProcedureEntry,
  change: VariantProcedureEntry,
  variant: string,
  path: Path,
  stations: readonly string[],
  ctx: VariantContext,
): Promise<SimProcedure> {
  const fail = (code: string, message: string | Said | Label, sub: Path) => scenarioError(code, message, ctx.file, [...path, ...sub]);
  let spec = base.spec;
  if (change.version !== undefined) spec = await ctx.lookUp(`${spec.id}@${change.version}`, [...path, 'version']);
  const name = `${spec.id}@${spec.version}`;
  const stepIds = flowParts(spec).steps.map((s) => s.id);
  const agencies = Object.keys(spec.agencies);

  // The variant's own keys are checked even when the baseline's are carried over leniently.
  for (const key of Object.keys(change.steps)) {
    if (key !== 'default' && !stepIds.includes(key)) throw fail('unknown-step', said('scenario.step.unknown', { name, key, steps: stepIds.join(', ') }), ['steps', key]);
  }
  for (const key of Object.keys(change.stations)) {
    if (!agencies.includes(key)) throw fail('unknown-agency', said('scenario.agency.unknown', { name, key, agencies: agencies.join(', ') }), ['stations', key]);
  }

  const shares = Object.entries(change.shares);
  for (const [step, share] of shares) {
    if (!stepIds.includes(step)) throw fail('unknown-step', said('scenario.step.unknown.share', { name, key: step, steps: stepIds.join(', ') }), ['shares', step]);
    try {
      parseDuration(share);
    } catch (e) {
      if (!(e instanceof MotcuaError)) throw e;
      throw fail('bad-duration', e.messages ?? e.message, ['shares', step]);
    }
  }
  if (shares.length > 0) {
    try {
      spec = deriveVariant(spec, { version: `${spec.version} (${variant})`, effectiveFrom: spec.effectiveFrom, shares: Object.fromEntries(shares) as Record<string, DurationText> });
    } catch (e) {
      if (!(e instanceof MotcuaError)) throw e;
      throw fail('bad-variant', labelBy('scenario.variant.shares', (lang) => ({ name, why: e.describe(lang) })), ['shares']);
    }
  }

  let arrivals = base.arrivals;
  if (change.perDay !== undefined) {
    if (arrivals.kind !== 'poisson') throw fail('bad-variant', said('scenario.variant.replay', { name }), ['perDay']);
    const busiest = busiestDayProblem(change.perDay, arrivals.weekdays);
    if (busiest !== undefined) throw fail('bad-profile', busiest, ['perDay']);
    arrivals = { ...arrivals, perDay: change.perDay };
  }

  const steps: Record<string, ProcedureEntry['steps'][string]> = { ...entry.steps };
  for (const [key, s] of Object.entries(change.steps)) steps[key] = { ...steps[key], ...s };
  const merged: ProcedureEntry = {
    ...entry,
    ...(change.channels === undefined ? {} : { channels: change.channels }),
    steps,
    stations: { ...entry.stations, ...change.stations },
  };
  return buildProcedure(merged, spec, arrivals, { file: ctx.file, path, stations, lenient: change.version !== undefined });
}
