import type { Instant } from '../calendar/instant.ts';
import type { Ledger } from '../calendar/ledger.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import type { ProcedureEnv } from '../compile/env.ts';
import { type LimitExtension, apologyDecider, extensionsFor, statutoryOpener } from '../compile/policies.ts';
import { actorOfStep } from '../compile/rules.ts';
import type { Actor } from '../compile/types.ts';
import type { Channel } from '../dsl/spec.ts';
import type { Dossier } from './case-state.ts';
import type { SimProcedure } from './config.ts';
import { type Sampler, chooserOf, samplerOf } from './distributions.ts';
import { type SimModel, type SimNode, buildModel } from './model.ts';
import type { Random } from './random.ts';
import { packedMap } from './kernel/packed.ts';

/**
 * What the simulator needs of one procedure of a scenario, looked up and compiled once per run:
 * the flattened flow, the station of each node, a sampler per distribution, the statutory clock's
 * openers (due date and apology moment once per acceptance day), the actors of its events.
 */
export interface ProcedurePlan {
  readonly sim: SimProcedure;
  readonly proc: CompiledProcedure;
  readonly env: ProcedureEnv;
  readonly model: SimModel;
  /** Station index of the desk, and of each node (steps; -1 elsewhere). */
  readonly deskStation: number;
  readonly nodeStation: Int32Array;
  /** Station index of each agency a consultation node consults, in its order. */
  readonly consultStations: readonly (readonly number[] | undefined)[];
  /** Work at each node in working hours (steps, and the answers of consultations). */
  readonly nodeWork: readonly (Sampler | undefined)[];
  readonly receiptWork: Sampler;
  readonly withdrawAfter: Sampler;
  /** Days an excluded interval without a fixed length lasts. */
  readonly intervalDays: readonly (Sampler | undefined)[];
  /** Chances that a step refuses, and that it asks for papers (0 elsewhere). */
  readonly refusal: Float64Array;
  readonly supplement: Float64Array;
  /**
   * The kind of each node as a number ({@link NODE_KIND}), and the node that follows it (steps,
   * joins, consultations, intervals; -1 elsewhere): what the walk reads at every node, from columns
   * of numbers rather than from node objects of seven shapes (a load the optimiser cannot make
   * monomorphic).
   */
  readonly kindOf: Int8Array;
  readonly nextOf: Int32Array;
  readonly chooseChannel: (rng: Random) => Channel;
  readonly chooseDossier: (rng: Random) => Dossier;
  /**
   * The statutory ledger opened at acceptance (in the date mode one object for all dossiers of a
   * day: its `startedAt` is not the dossier's, see `statutoryOpener`), and when to decide an
   * apology for a dossier accepted at `acceptedAt`.
   */
  readonly openStatutory: (at: Instant, dossier: Dossier) => Ledger;
  readonly apologyAt: (statutory: Ledger | null, apologies: number, now: Instant, acceptedAt: Instant) => Instant | null;
  readonly desk: Actor;
  /** The actor completing, refusing or asking a supplement at each step node. */
  readonly stepActor: readonly (Actor | undefined)[];
}

/** The kinds of the model's nodes, as {@link ProcedurePlan.kindOf} numbers them. */
export const NODE_KIND = { end: 0, step: 1, fork: 2, join: 3, branch: 4, consult: 5, interval: 6 } as const satisfies Record<SimNode['kind'], number>;

const NO_FIELDS: Dossier = Object.freeze({});

/** The plan of procedure `sim` compiled as `proc`; `stationOf` names the station of an agency. */
export function planOf(sim: SimProcedure, proc: CompiledProcedure, stationOf: (agency: string) => number): ProcedurePlan {
  const model = buildModel(proc);
  const env = proc.env;
  const fields = packedMap(Object.entries(sim.dossier), ([field, choice]) => [field, choice, chooserOf(choice.map((_, k) => ({ value: k, p: choice[k]!.p })))] as const);
  const opener = statutoryOpener(env);
  const extensions = new Map<Dossier, { readonly key: string; readonly list: LimitExtension[] }>();
  const extensionsOf = (dossier: Dossier) => {
    let known = extensions.get(dossier);
    if (known === undefined) {
      const key = fields.length === 0 ? '' : JSON.stringify(dossier);
      known = { key, list: extensionsFor(env, dossier) };
      // Dossiers of the same shape are one object (see `shapes`): the cache stays small.
      if (extensions.size < 4096) extensions.set(dossier, known);
    }
    return known;
  };
  // A dossier's answers are drawn field by field, as option numbers; the same answers give the same
  // object, so that the extensions are looked up by identity and no dossier is allocated per case.
  const shapes = new Map<number, Dossier>();
  const cacheable = fields.reduce((n, [, choice]) => n * choice.length, 1) < 2 ** 40;
  const shapeOf = (options: readonly number[], key: number): Dossier => {
    const known = cacheable ? shapes.get(key) : undefined;
    if (known !== undefined) return known;
    const dossier: Record<string, string | number | boolean> = {};
    fields.forEach(([field, choice], k) => (dossier[field] = choice[options[k]!]!.value));
    const frozen = Object.freeze(dossier);
    if (cacheable && shapes.size < 4096) shapes.set(key, frozen);
    return frozen;
  };
  const picked: number[] = packedMap(fields, () => 0);
  return {
    sim,
    proc,
    env,
    model,
    deskStation: stationOf(env.desk),
    nodeStation: Int32Array.from(model.nodes, (n) => (n.kind === 'step' ? stationOf(n.agency) : -1)),
    consultStations: packedMap(model.nodes, (n) => (n.kind === 'consult' ? n.consulted.map(stationOf) : undefined)),
    nodeWork: packedMap(model.nodes, (n) => (n.kind === 'step' ? samplerOf(sim.steps[n.id]!.duration) : n.kind === 'consult' ? samplerOf(sim.answers[n.id]!.duration) : undefined)),
    receiptWork: samplerOf(sim.receipt),
    withdrawAfter: samplerOf(sim.withdrawAfter),
    intervalDays: packedMap(model.nodes, (n) => (n.kind === 'interval' && n.lasts === null ? samplerOf(sim.intervals[n.id]!) : undefined)),
    refusal: Float64Array.from(model.nodes, (n) => (n.kind === 'step' ? sim.steps[n.id]!.refusal : 0)),
    supplement: Float64Array.from(model.nodes, (n) => (n.kind === 'step' ? sim.steps[n.id]!.supplement : 0)),
    kindOf: Int8Array.from(model.nodes, (n) => NODE_KIND[n.kind]),
    nextOf: Int32Array.from(model.nodes, (n) => ('next' in n ? n.next : -1)),
    chooseChannel: chooserOf(sim.channels),
    chooseDossier:
      fields.length === 0
        ? () => NO_FIELDS
        : (rng) => {
            let key = 0;
            for (let k = 0; k < fields.length; k++) {
              const [, choice, choose] = fields[k]!;
              picked[k] = choose(rng);
              key = key * choice.length + picked[k]!;
            }
            return shapeOf(picked, key);
          },
    openStatutory: (at, dossier) => {
      const { key, list } = extensionsOf(dossier);
      return opener(at, list, key);
    },
    apologyAt: apologyDecider(env),
    desk: { kind: 'agency', agency: env.desk },
    stepActor: packedMap(model.nodes, (n) => (n.kind === 'step' ? actorOfStep(env, n.id) : undefined)),
  };
}
