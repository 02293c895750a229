import type { Instant } from '../calendar/instant.ts';
import type { Classification, Ledger } from '../calendar/ledger.ts';
import type { OutcomeKind } from '../compile/types.ts';
import type { Channel } from '../dsl/spec.ts';
import type { ProcedurePlan } from './plan.ts';

/** A dossier's answers, as the branches read them. */
export type Dossier = Readonly<Record<string, string | number | boolean>>;

/**
 * What the simulator knows of one live case. The records live in the slots of a {@link CaseTable}
 * and are reused for the next case once a case ends (no allocation per case on the hot path), so
 * events carry the case's `id` as well as its slot to recognise it.
 */
export class SimCase {
  id = -1;
  slot = -1;
  /** Index of the procedure in the scenario, and its plan (read at every event of the case). */
  p = 0;
  plan!: ProcedurePlan;
  arrival = 0 as Instant;
  /** The working-time position of the arrival in the procedure's calendar, when its first receipt job gave it (else NaN). */
  arrivalPos = Number.NaN;
  channel: Channel = 'online';
  dossier: Dossier = {};
  /** Received after the warm-up, so counted in the statistics. */
  counted = false;
  /** In the date mode shared by the dossiers accepted the same day: its `startedAt` is not this case's. */
  statutory: Ledger | null = null;
  /** When the desk accepted the dossier (the statutory clock's start). */
  acceptedAt = 0 as Instant;
  /** Changes whenever a scheduled apology check would be stale. */
  version = 0;
  /** The scheduled apology check (a future-event number), -1 when none. */
  apologyCheck = -1;
  apologyNewDue: Instant | undefined = undefined;
  apologies = 0;
  completionRequested = false;
  readyAt: Instant | null = null;
  outcome: OutcomeKind | null = null;
  classification: Classification | null = null;
  /** Branches still to finish per join node; allocated at the first fork. */
  joins: Int16Array | null = null;
  /** Per consultation node: bit k set when consulted agency k has answered or been deemed to. */
  consulted: Map<number, number> | null = null;
  /** Supplement requests per agency. */
  supplements: Map<string, number> | null = null;
  /** Shares still ahead of the dossier, from the last node it entered (see `SimModel.shareToEnd`). */
  remaining = 0;

  /** Makes this record the case `id` arriving at `arrival`. */
  reset(id: number, p: number, plan: ProcedurePlan, arrival: Instant, channel: Channel, dossier: Dossier, counted: boolean): void {
    this.id = id;
    this.p = p;
    this.plan = plan;
    this.arrival = arrival;
    this.arrivalPos = Number.NaN;
    this.channel = channel;
    this.dossier = dossier;
    this.counted = counted;
    this.statutory = null;
    this.acceptedAt = 0 as Instant;
    this.version = 0;
    this.apologyCheck = -1;
    this.apologyNewDue = undefined;
    this.apologies = 0;
    this.completionRequested = false;
    this.readyAt = null;
    this.outcome = null;
    this.classification = null;
    this.joins = null;
    this.consulted = null;
    this.supplements = null;
    this.remaining = 0;
  }

  /** Supplement requests made so far, over all agencies. */
  supplementCount(): number {
    if (this.supplements === null) return 0;
    let n = 0;
    for (const k of this.supplements.values()) n += k;
    return n;
  }
}

/** The live cases: memory follows the cases in progress, not the cases simulated. */
export class CaseTable {
  readonly #slots: SimCase[] = [];
  /** The id of the live case in each slot, -1 when the slot is free: `get` reads one number. */
  #ids = new Float64Array(256).fill(-1);
  readonly #free: number[] = [];

  /** A record for a new case, in a free slot: `reset` it, then `admit` it. */
  open(): SimCase {
    const slot = this.#free.length > 0 ? this.#free.pop()! : this.#slots.length;
    let c = this.#slots[slot];
    if (c === undefined) {
      c = new SimCase();
      c.slot = slot;
      this.#slots[slot] = c;
    }
    return c;
  }

  /** The live case in `slot` if it is still case `id`. */
  get(slot: number, id: number): SimCase | undefined {
    return this.isLive(slot, id) ? this.#slots[slot] : undefined;
  }

  /**
   * Whether case `id` is still live in `slot`: what a job waiting for it asks before it starts. Ids
   * are never negative, and a slot out of range (-1 for no case) reads undefined: neither is live.
   */
  isLive(slot: number, id: number): boolean {
    return this.#ids[slot] === id;
  }

  /** Marks the record `c` live as case `c.id`: call once its `reset` has given it its id. */
  admit(c: SimCase): void {
    if (c.slot >= this.#ids.length) {
      const grown = new Float64Array(this.#ids.length * 2).fill(-1);
      grown.set(this.#ids);
      this.#ids = grown;
    }
    this.#ids[c.slot] = c.id;
  }

  close(c: SimCase): void {
    this.#ids[c.slot] = -1;
    this.#free.push(c.slot);
  }

  /** The live cases, in slot order. */
  *live(): Generator<SimCase> {
    for (let k = 0; k < this.#slots.length; k++) if (this.#ids[k]! >= 0) yield this.#slots[k]!;
  }
}
