import { CHANNELS, type Channel, type ConsultNode, type DossierField, type ExcludedNode, type FlowNode, type ProcedureSpec, type StepNode } from '../../dsl/spec.ts';
import type { ScenarioError } from '../../errors.ts';
import type { ArrivalProcess, Choice, Distribution, SimProcedure, StepBehaviour } from '../config.ts';
import { scenarioError } from './read.ts';
import type { ProcedureEntry } from './schema.ts';
import { round } from './values.ts';

type Path = readonly (string | number)[];

/** The parts of a procedure's flow a scenario must describe, in flow order. */
export interface FlowParts {
  readonly steps: readonly StepNode[];
  readonly consults: readonly ConsultNode[];
  readonly excluded: readonly ExcludedNode[];
  /** Dossier fields tested by branches, with the id of the first branch testing each. */
  readonly tested: ReadonlyMap<string, string>;
}

/** Every step, consultation, excluded interval and tested field of a procedure, in flow order. */
export function flowParts(spec: ProcedureSpec): FlowParts {
  const steps: StepNode[] = [];
  const consults: ConsultNode[] = [];
  const excluded: ExcludedNode[] = [];
  const tested = new Map<string, string>();
  const walk = (flow: readonly FlowNode[]): void => {
    for (const node of flow) {
      switch (node.kind) {
        case 'step':
          steps.push(node);
          break;
        case 'consult':
          consults.push(node);
          break;
        case 'excluded':
          excluded.push(node);
          break;
        case 'parallel':
          node.branches.forEach(walk);
          break;
        case 'branch':
          if (!tested.has(node.field)) tested.set(node.field, node.id);
          node.cases.forEach((c) => walk(c.flow));
          if (node.otherwise !== undefined) walk(node.otherwise.flow);
          break;
      }
    }
  };
  walk(spec.flow);
  return { steps, consults, excluded, tested };
}

/** Where a procedure entry sits and what it may refer to. */
export interface EntryContext {
  readonly file: string;
  /** Path of the entry inside the YAML, e.g. `['procedures', 3]`. */
  readonly path: Path;
  /** Declared station ids, in order. */
  readonly stations: readonly string[];
  /**
   * Skip entries for steps, consultations, intervals, dossier fields and agencies that the spec
   * does not have: a baseline entry applied to another version of its procedure.
   */
  readonly lenient?: boolean;
}

const CHANNEL_WORDS: Readonly<Record<Channel, string>> = { 'in-person': 'in person', postal: 'by post', online: 'online' };

const quoteList = (xs: readonly string[]): string => (xs.length === 0 ? 'none' : xs.join(', '));

/**
 * Resolves one procedure entry of a scenario against the procedure's spec: every step gets a
 * duration, every tested dossier field its values, every agency a station.
 *
 * @throws ScenarioError naming the path inside the entry and how to fix it
 * @example
 * const p = buildProcedure(entry, spec, arrivals, { file, path: ['procedures', 0], stations: ['desk', 'committee'] });
 */
export function buildProcedure(entry: ProcedureEntry, spec: ProcedureSpec, arrivals: ArrivalProcess, ctx: EntryContext): SimProcedure {
  const fail = (code: string, message: string, path: Path): ScenarioError => scenarioError(code, message, ctx.file, [...ctx.path, ...path]);
  const parts = flowParts(spec);
  const name = `${spec.id}@${spec.version}`;
  const known = <T>(table: Readonly<Record<string, T>>, has: (key: string) => boolean, onUnknown: (key: string) => ScenarioError): [string, T][] =>
    Object.entries(table).filter(([key]) => {
      if (has(key)) return true;
      if (ctx.lenient === true) return false;
      throw onUnknown(key);
    });

  // Channels: those the procedure offers; all in person (or the first offered) when not given.
  const offered = spec.receipt.channels;
  const channels: Choice<Channel> =
    entry.channels === undefined
      ? [{ value: offered.includes('in-person') ? 'in-person' : offered[0]!, p: 1 }]
      : Object.entries(entry.channels).map(([key, p]) => {
          if (!(CHANNELS as readonly string[]).includes(key)) throw fail('unknown-channel', `"${key}" is not a channel. Use ${CHANNELS.join(', ')}.`, ['channels', key]);
          if (!offered.includes(key as Channel)) {
            throw fail('unknown-channel', `${name} does not receive dossiers ${CHANNEL_WORDS[key as Channel]}; it offers ${offered.join(', ')}. Remove "${key}" and give its share to those.`, ['channels', key]);
          }
          return { value: key as Channel, p };
        });

  // Dossier: every field a branch tests, with values of the field's type.
  const dossier: Record<string, Choice<string | number | boolean>> = {};
  const fields = Object.keys(spec.dossier);
  const dossierEntries = known(entry.dossier, (k) => Object.hasOwn(spec.dossier, k), (k) =>
    fail('unknown-field', `${name} has no dossier field "${k}". Its fields: ${quoteList(fields)}. Fix the name or remove it.`, ['dossier', k]),
  );
  for (const [field, table] of dossierEntries) {
    dossier[field] = Object.entries(table).map(([key, p]) => ({ value: dossierValue(spec.dossier[field]!, field, key, (m) => fail('bad-value', m, ['dossier', field, key])), p }));
  }
  for (const [field, branch] of parts.tested) {
    if (Object.hasOwn(dossier, field)) continue;
    const f = spec.dossier[field];
    const example = f?.type === 'boolean' ? '{ "true": 0.1, "false": 0.9 }' : f?.type === 'enum' ? `{ ${f.values.map((v, i) => `${v}: ${i === 0 ? 1 : 0}`).join(', ')} }` : '{ <value>: 1 }';
    throw fail('missing-field', `branch "${branch}" of ${name} tests the dossier field "${field}", but no values are given for it. Add dossier: { ${field}: ${example} } with the share of dossiers having each value.`, ['dossier']);
  }

  // Steps: a duration from the step's own entry or from `default`.
  const stepIds = parts.steps.map((s) => s.id);
  known(entry.steps, (k) => k === 'default' || stepIds.includes(k), (k) =>
    fail('unknown-step', `${name} has no step "${k}". Its steps: ${quoteList(stepIds)}. Fix the name, or use default for every step.`, ['steps', k]),
  );
  const fallback = entry.steps['default'];
  const steps: Record<string, StepBehaviour> = {};
  for (const step of parts.steps) {
    const own = Object.hasOwn(entry.steps, step.id) ? entry.steps[step.id] : undefined;
    const duration = own?.duration ?? fallback?.duration;
    if (duration === undefined) {
      throw fail('missing-duration', `step "${step.id}" of ${name} has no duration. Add steps: { ${step.id}: { duration: { triangular: [1, 2, 4] } } } in working hours, or a duration under steps.default for every step.`, ['steps']);
    }
    const supplement = own?.supplement ?? fallback?.supplement ?? 0;
    const refusal = own?.refusal ?? fallback?.refusal ?? 0;
    if (supplement + refusal > 1) {
      throw fail('bad-probabilities', `step "${step.id}": supplement ${supplement} and refusal ${refusal} add up to ${round(supplement + refusal)}, more than 1. Lower them.`, ['steps', own?.supplement === undefined && own?.refusal === undefined ? 'default' : step.id]);
    }
    steps[step.id] = { duration, supplement, refusal };
  }

  // Consultations: how long the consulted agencies take to answer.
  const consultIds = parts.consults.map((c) => c.id);
  const answers: Record<string, { duration: Distribution; silence: number }> = {};
  const answerEntries = known(entry.answers, (k) => consultIds.includes(k), (k) =>
    fail('unknown-consult', `${name} has no consultation "${k}". ${consultIds.length === 0 ? 'It consults no one: remove answers.' : `Its consultations: ${quoteList(consultIds)}. Fix the name.`}`, ['answers', k]),
  );
  for (const [id, a] of answerEntries) answers[id] = { duration: a.duration, silence: a.silence };
  for (const c of parts.consults) {
    if (Object.hasOwn(answers, c.id)) continue;
    throw fail('missing-answer', `consultation "${c.id}" of ${name} (${c.consulted.join(', ')}) has no answer time. Add answers: { ${c.id}: { duration: { triangular: [2, 4, 8] }, silence: 0.1 } }: working hours of work per consulted agency, and the chance one stays silent.`, ['answers']);
  }

  // Excluded intervals without a fixed length: how long they last.
  const open = parts.excluded.filter((x) => x.lasts === undefined).map((x) => x.id);
  const intervals: Record<string, Distribution> = {};
  const intervalEntries = known(entry.intervals, (k) => open.includes(k), (k) => {
    const fixed = parts.excluded.find((x) => x.id === k);
    return fail(
      'unknown-interval',
      fixed !== undefined
        ? `"${k}" lasts ${fixed.lasts} by the procedure, so the scenario cannot set its length. Remove it from intervals.`
        : `${name} has no excluded interval "${k}". ${open.length === 0 ? 'None needs a length: remove intervals.' : `Intervals needing a length: ${quoteList(open)}. Fix the name.`}`,
      ['intervals', k],
    );
  });
  for (const [id, d] of intervalEntries) intervals[id] = d;
  for (const id of open) {
    if (Object.hasOwn(intervals, id)) continue;
    const x = parts.excluded.find((e) => e.id === id)!;
    throw fail('missing-interval', `the excluded interval "${id}" of ${name} (${x.reason}, ended by ${x.party}) has no length. Add intervals: { ${id}: { triangular: [2, 7, 30] } } in calendar days.`, ['intervals']);
  }

  // Stations: each agency works at the station named like it, unless mapped.
  const agencies = Object.keys(spec.agencies);
  const mapped = known(entry.stations, (k) => agencies.includes(k), (k) =>
    fail('unknown-agency', `${name} has no agency "${k}". Its agencies: ${quoteList(agencies)}. Fix the name.`, ['stations', k]),
  );
  const stationOf: Record<string, string> = {};
  for (const agency of agencies) {
    const explicit = mapped.find(([a]) => a === agency);
    const station = explicit?.[1] ?? agency;
    if (!ctx.stations.includes(station)) {
      throw explicit !== undefined
        ? fail('unknown-station', `unknown station "${station}". Declared stations: ${quoteList(ctx.stations)}. Declare it under stations or fix the name.`, ['stations', agency])
        : fail('unknown-station', `agency "${agency}" of ${name} works at the station "${agency}", which is not declared. Map it to a station, stations: { ${agency}: <station id> }, or declare "${agency}" under stations. Declared stations: ${quoteList(ctx.stations)}.`, ['stations']);
    }
    stationOf[agency] = station;
  }

  return {
    spec,
    arrivals,
    channels,
    dossier,
    incomplete: entry.incomplete,
    withdrawal: entry.withdrawal,
    withdrawAfter: entry.withdrawAfter,
    receipt: entry.receipt,
    steps,
    answers,
    intervals,
    stationOf,
  };
}

/** A dossier value written as a YAML key, typed by its field: `"true"` is `true` for a boolean. */
function dossierValue(field: DossierField, name: string, key: string, bad: (message: string) => ScenarioError): string | number | boolean {
  switch (field.type) {
    case 'boolean':
      if (key === 'true' || key === 'false') return key === 'true';
      throw bad(`"${key}" is not a value of ${name}, a true/false field. Use the keys "true" and "false".`);
    case 'enum':
      if (field.values.includes(key)) return key;
      throw bad(`"${key}" is not a value of ${name}. Its values: ${field.values.join(', ')}.`);
    case 'number': {
      const n = key.trim() === '' ? Number.NaN : Number(key);
      if (Number.isFinite(n)) return n;
      throw bad(`"${key}" is not a number, and ${name} is a number field. Write numbers as keys, e.g. "2": 0.5.`);
    }
    case 'string':
      return key;
  }
}
