import { CHANNELS, type Channel, type ConsultNode, type DossierField, type ExcludedNode, type FlowNode, type ProcedureSpec, type StepNode } from '../../dsl/spec.ts';
import type { ScenarioError } from '../../errors.ts';
import type { ArrivalProcess, Choice, Distribution, SimProcedure, StepBehaviour } from '../config.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { scenarioError } from './read.ts';
import { type Said, said } from './said.ts';
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

const CHANNEL_WORDS: Readonly<Record<Channel, MessageKey>> = { 'in-person': 'scenario.channel.in-person', postal: 'scenario.channel.postal', online: 'scenario.channel.online' };

const quoteList = (xs: readonly string[]): string | Said => (xs.length === 0 ? said('error.none') : xs.join(', '));

/**
 * Resolves one procedure entry of a scenario against the procedure's spec: every step gets a
 * duration, every tested dossier field its values, every agency a station.
 *
 * @throws ScenarioError naming the path inside the entry and how to fix it
 * @example
 * const p = buildProcedure(entry, spec, arrivals, { file, path: ['procedures', 0], stations: ['desk', 'committee'] });
 */
export function buildProcedure(entry: ProcedureEntry, spec: ProcedureSpec, arrivals: ArrivalProcess, ctx: EntryContext): SimProcedure {
  const fail = (code: string, message: Said, path: Path): ScenarioError => scenarioError(code, message, ctx.file, [...ctx.path, ...path]);
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
          if (!(CHANNELS as readonly string[]).includes(key)) throw fail('unknown-channel', said('scenario.channel.unknown', { key, channels: CHANNELS.join(', ') }), ['channels', key]);
          if (!offered.includes(key as Channel)) {
            throw fail('unknown-channel', said('scenario.channel.not-offered', { name, channel: { key: CHANNEL_WORDS[key as Channel] }, offered: offered.join(', '), key }), ['channels', key]);
          }
          return { value: key as Channel, p };
        });

  // Dossier: every field a branch tests, with values of the field's type.
  const dossier: Record<string, Choice<string | number | boolean>> = {};
  const fields = Object.keys(spec.dossier);
  const dossierEntries = known(entry.dossier, (k) => Object.hasOwn(spec.dossier, k), (k) =>
    fail('unknown-field', said('scenario.field.unknown', { name, key: k, fields: quoteList(fields) }), ['dossier', k]),
  );
  for (const [field, table] of dossierEntries) {
    dossier[field] = Object.entries(table).map(([key, p]) => ({ value: dossierValue(spec.dossier[field]!, field, key, (m) => fail('bad-value', m, ['dossier', field, key])), p }));
  }
  for (const [field, branch] of parts.tested) {
    if (Object.hasOwn(dossier, field)) continue;
    const f = spec.dossier[field];
    const example = f?.type === 'boolean' ? '{ "true": 0.1, "false": 0.9 }' : f?.type === 'enum' ? `{ ${f.values.map((v, i) => `${v}: ${i === 0 ? 1 : 0}`).join(', ')} }` : '{ <value>: 1 }';
    throw fail('missing-field', said('scenario.field.missing', { branch, name, field, example }), ['dossier']);
  }

  // Steps: a duration from the step's own entry or from `default`.
  const stepIds = parts.steps.map((s) => s.id);
  known(entry.steps, (k) => k === 'default' || stepIds.includes(k), (k) =>
    fail('unknown-step', said('scenario.step.unknown', { name, key: k, steps: quoteList(stepIds) }), ['steps', k]),
  );
  const fallback = entry.steps['default'];
  const steps: Record<string, StepBehaviour> = {};
  for (const step of parts.steps) {
    const own = Object.hasOwn(entry.steps, step.id) ? entry.steps[step.id] : undefined;
    const duration = own?.duration ?? fallback?.duration;
    if (duration === undefined) {
      throw fail('missing-duration', said('scenario.step.no-duration', { step: step.id, name }), ['steps']);
    }
    const supplement = own?.supplement ?? fallback?.supplement ?? 0;
    const refusal = own?.refusal ?? fallback?.refusal ?? 0;
    if (supplement + refusal > 1) {
      throw fail('bad-probabilities', said('scenario.step.odds', { step: step.id, supplement, refusal, sum: round(supplement + refusal) }), ['steps', own?.supplement === undefined && own?.refusal === undefined ? 'default' : step.id]);
    }
    steps[step.id] = { duration, supplement, refusal };
  }

  // Consultations: how long the consulted agencies take to answer.
  const consultIds = parts.consults.map((c) => c.id);
  const answers: Record<string, { duration: Distribution; silence: number }> = {};
  const answerEntries = known(entry.answers, (k) => consultIds.includes(k), (k) =>
    fail('unknown-consult', consultIds.length === 0 ? said('scenario.consult.unknown', { name, key: k }) : said('scenario.consult.unknown.some', { name, key: k, consults: consultIds.join(', ') }), ['answers', k]),
  );
  for (const [id, a] of answerEntries) answers[id] = { duration: a.duration, silence: a.silence };
  for (const c of parts.consults) {
    if (Object.hasOwn(answers, c.id)) continue;
    throw fail('missing-answer', said('scenario.consult.no-answer', { id: c.id, name, consulted: c.consulted.join(', ') }), ['answers']);
  }

  // Excluded intervals without a fixed length: how long they last.
  const open = parts.excluded.filter((x) => x.lasts === undefined).map((x) => x.id);
  const intervals: Record<string, Distribution> = {};
  const intervalEntries = known(entry.intervals, (k) => open.includes(k), (k) => {
    const fixed = parts.excluded.find((x) => x.id === k);
    return fail(
      'unknown-interval',
      fixed !== undefined
        ? said('scenario.interval.fixed', { key: k, lasts: fixed.lasts! })
        : open.length === 0
          ? said('scenario.interval.unknown', { name, key: k })
          : said('scenario.interval.unknown.some', { name, key: k, open: open.join(', ') }),
      ['intervals', k],
    );
  });
  for (const [id, d] of intervalEntries) intervals[id] = d;
  for (const id of open) {
    if (Object.hasOwn(intervals, id)) continue;
    const x = parts.excluded.find((e) => e.id === id)!;
    throw fail('missing-interval', said('scenario.interval.no-length', { id, name, reason: said(`excluded.${x.reason}`), party: x.party }), ['intervals']);
  }

  // Stations: each agency works at the station named like it, unless mapped.
  const agencies = Object.keys(spec.agencies);
  const mapped = known(entry.stations, (k) => agencies.includes(k), (k) =>
    fail('unknown-agency', said('scenario.agency.unknown', { name, key: k, agencies: quoteList(agencies) }), ['stations', k]),
  );
  const stationOf: Record<string, string> = {};
  for (const agency of agencies) {
    const explicit = mapped.find(([a]) => a === agency);
    const station = explicit?.[1] ?? agency;
    if (!ctx.stations.includes(station)) {
      throw explicit !== undefined
        ? fail('unknown-station', said('scenario.station.unknown', { station, stations: quoteList(ctx.stations) }), ['stations', agency])
        : fail('unknown-station', said('scenario.station.undeclared', { agency, name, stations: quoteList(ctx.stations) }), ['stations']);
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
function dossierValue(field: DossierField, name: string, key: string, bad: (message: Said) => ScenarioError): string | number | boolean {
  switch (field.type) {
    case 'boolean':
      if (key === 'true' || key === 'false') return key === 'true';
      throw bad(said('scenario.value.boolean', { key, name }));
    case 'enum':
      if (field.values.includes(key)) return key;
      throw bad(said('scenario.value.enum', { key, name, values: field.values.join(', ') }));
    case 'number': {
      const n = key.trim() === '' ? Number.NaN : Number(key);
      if (Number.isFinite(n)) return n;
      throw bad(said('scenario.value.number', { key, name }));
    }
    case 'string':
      return key;
  }
}
