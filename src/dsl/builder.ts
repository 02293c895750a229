import type { LimitMode } from '../calendar/ledger.ts';
import type { OfficeHours } from '../calendar/office-hours.ts';
import type { Label, LegalRef } from '../legal.ts';
import type {
  AgencySpec,
  BranchNode,
  Channel,
  ClockPolicy,
  ConsultNode,
  DossierField,
  ExcludedNode,
  ExcludedReason,
  FlowNode,
  LatenessPolicy,
  Level,
  LimitSpec,
  ParallelNode,
  ProcedureSpec,
  ReceiptSpec,
  ResultSpec,
  StepNode,
} from './spec.ts';
import { validateProcedure } from './validate.ts';

/** A duration the compiler can read: `3wd`, `0.5wd`, `4wh`, `15d`, `3 working days`, `10 days`. */
export type DurationText =
  | `${number}${'wd' | 'wh' | 'd'}`
  | `${number} ${'working day' | 'working days' | 'working hour' | 'working hours' | 'day' | 'days' | 'calendar days'}`;

/** A procedure spec that remembers, in its type, the ids of its steps (for typed variants). */
export type Procedure<S extends string = string> = ProcedureSpec & { readonly __steps?: S };

export interface AgencyDeclaration {
  readonly name: Label;
  readonly level: Level;
  readonly desk?: boolean;
  readonly hours?: OfficeHours;
  readonly succeededBy?: AgencySpec['succeededBy'];
}

export interface ProcedureMeta<A extends Record<string, AgencyDeclaration>, D extends Record<string, DossierField>> {
  readonly id: string;
  readonly version: string;
  readonly effectiveFrom: string;
  /** `YYYY-MM-DD`, the last day a dossier may be received under this version. */
  readonly effectiveTo?: string;
  readonly title: Label;
  readonly level: Level;
  readonly legal?: readonly LegalRef[];
  readonly agencies: A;
  readonly dossier?: D;
}

/** The value a branch case may test for a dossier field of this type. */
export type FieldValue<F> = F extends { readonly type: 'boolean' }
  ? boolean
  : F extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
    ? V
    : F extends { readonly type: 'number' }
      ? number
      : string;

/** Step ids declared anywhere inside a flow, as a union of string literals. */
export type StepIdsOf<N> = N extends { readonly kind: 'step'; readonly id: infer I extends string }
  ? I
  : N extends { readonly kind: 'parallel'; readonly branches: readonly (infer B)[] }
    ? B extends readonly (infer C)[]
      ? StepIdsOf<C>
      : never
    : N extends { readonly kind: 'branch'; readonly cases: readonly (infer K)[] }
      ? (K extends { readonly flow: readonly (infer C)[] } ? StepIdsOf<C> : never) | (N extends { readonly otherwise: { readonly flow: readonly (infer O)[] } } ? StepIdsOf<O> : never)
      : never;

/** The node constructors, bound to the declared agencies `Ag` and dossier fields `F`. */
export interface FlowKit<Ag extends string, F extends Record<string, DossierField>> {
  /** Work by one agency with its share of the limit. */
  step<const I extends string>(id: I, options: { readonly agency: Ag; readonly title: Label; readonly share: DurationText; readonly role?: string; readonly ref?: LegalRef }): StepNode & { readonly id: I };
  /** Fan-out: every branch runs; the flow goes on when all have finished. */
  parallel<const I extends string, const B extends readonly (readonly FlowNode[])[]>(id: I, branches: B, options?: { readonly title?: Label; readonly ref?: LegalRef }): ParallelNode & { readonly id: I; readonly branches: B };
  /** A choice on a dossier field; `otherwise` covers the values no case names. */
  branch<const I extends string, const K extends keyof F & string, const C extends readonly { readonly when: FieldValue<F[K]>; readonly flow: readonly FlowNode[]; readonly extendLimit?: DurationText; readonly ref?: LegalRef }[]>(
    id: I,
    options: {
      readonly field: K;
      readonly cases: C;
      readonly otherwise?: { readonly flow: readonly FlowNode[]; readonly extendLimit?: DurationText; readonly ref?: LegalRef };
      readonly title?: Label;
      readonly ref?: LegalRef;
    },
  ): BranchNode & { readonly id: I; readonly cases: C };
  /** The lead consults other agencies; silence past `answerWithin` is consent when `deemedConsent`. */
  consult<const I extends string>(id: I, options: { readonly title: Label; readonly lead: Ag; readonly consulted: readonly Ag[]; readonly answerWithin: DurationText; readonly deemedConsent: boolean; readonly ref?: LegalRef }): ConsultNode & { readonly id: I };
  /** Time excluded from the limit, ended by `party` (or by itself after `lasts`). */
  excluded<const I extends string>(id: I, options: { readonly title: Label; readonly reason: ExcludedReason; readonly party: Ag | 'applicant'; readonly lasts?: DurationText; readonly ref?: LegalRef }): ExcludedNode & { readonly id: I };
}

const kit: FlowKit<string, Record<string, DossierField>> = {
  step: (id, o) => ({ kind: 'step', id, ...o }),
  parallel: (id, branches, o) => ({ kind: 'parallel', id, branches, ...o }),
  branch: (id, o) => ({ kind: 'branch', id, ...o }) as never,
  consult: (id, o) => ({ kind: 'consult', id, ...o }),
  excluded: (id, o) => ({ kind: 'excluded', id, ...o }),
};

interface Parts {
  receipt?: ProcedureSpec['receipt'];
  flow?: readonly FlowNode[];
  limit?: LimitSpec;
  clock?: Partial<ClockPolicy>;
  lateness?: Partial<LatenessPolicy>;
  result?: Partial<ResultSpec>;
}

/**
 * Builds a procedure in the style of XState's `setup()`: agencies and dossier fields are declared
 * once, and every later reference to them is checked by the compiler.
 *
 * @example
 * const name = (en: string) => ({ vi: en, en });
 * const draft = procedure({ id: 'tiny', version: '1', effectiveFrom: '2024-01-01', title: name('Tiny'), level: 'commune', agencies: { desk: { name: name('Desk'), level: 'commune', desk: true } } });
 * const withReceipt = draft.receipt({ desk: 'desk', channels: ['in-person'] }); // a new builder
 * withReceipt === draft // → false
 */
export class ProcedureBuilder<A extends Record<string, AgencyDeclaration>, D extends Record<string, DossierField>, S extends string = never> {
  readonly #meta: ProcedureMeta<A, D>;
  readonly #parts: Parts;

  constructor(meta: ProcedureMeta<A, D>, parts: Parts = {}) {
    this.#meta = meta;
    this.#parts = parts;
  }

  /** The one-stop desk and how dossiers arrive. */
  receipt(options: { readonly desk: keyof A & string; readonly channels: readonly Channel[]; readonly handover?: 'transfer' | 'immediate'; readonly transferCutoff?: `${number}:${number}`; readonly maxCompletionRequests?: number; readonly receivingPoints?: NonNullable<ReceiptSpec['receivingPoints']>; readonly ref?: LegalRef }): ProcedureBuilder<A, D, S> {
    const receipt = { handover: 'transfer' as const, transferCutoff: '15:00', maxCompletionRequests: 1, ...options };
    return new ProcedureBuilder(this.#meta, { ...this.#parts, receipt });
  }

  /** The flow after receipt, built with typed node constructors. */
  flow<const N extends readonly FlowNode[]>(build: (kit: FlowKit<keyof A & string, D>) => N): ProcedureBuilder<A, D, StepIdsOf<N[number]>> {
    return new ProcedureBuilder(this.#meta, { ...this.#parts, flow: build(kit as unknown as FlowKit<keyof A & string, D>) });
  }

  /** The statutory limit, its counting mode and the article that sets it. */
  limit(limit: { readonly duration: DurationText; readonly mode: LimitMode; readonly cutoff?: string; readonly ref: LegalRef }): ProcedureBuilder<A, D, S> {
    return new ProcedureBuilder(this.#meta, { ...this.#parts, limit });
  }

  clock(clock: Partial<ClockPolicy>): ProcedureBuilder<A, D, S> {
    return new ProcedureBuilder(this.#meta, { ...this.#parts, clock });
  }

  lateness(lateness: Partial<LatenessPolicy>): ProcedureBuilder<A, D, S> {
    return new ProcedureBuilder(this.#meta, { ...this.#parts, lateness });
  }

  result(result: Partial<ResultSpec>): ProcedureBuilder<A, D, S> {
    return new ProcedureBuilder(this.#meta, { ...this.#parts, result });
  }

  /**
   * The validated, plain-data spec.
   * @throws ProcedureError naming the path of the first problem
   */
  build(): Procedure<S> {
    const m = this.#meta;
    const p = this.#parts;
    return validateProcedure({
      id: m.id,
      version: m.version,
      effectiveFrom: m.effectiveFrom,
      ...(m.effectiveTo === undefined ? {} : { effectiveTo: m.effectiveTo }),
      title: m.title,
      level: m.level,
      legal: m.legal ?? [],
      agencies: m.agencies,
      dossier: m.dossier ?? {},
      receipt: p.receipt,
      flow: p.flow,
      limit: p.limit,
      ...(p.clock === undefined ? {} : { clock: p.clock }),
      ...(p.lateness === undefined ? {} : { lateness: p.lateness }),
      ...(p.result === undefined ? {} : { result: p.result }),
    }) as Procedure<S>;
  }
}

/**
 * Starts a procedure definition.
 *
 * @example
 * const p = procedure({ id: 'birth', version: '2025.1', effectiveFrom: '2025-07-01', title, level: 'commune',
 *   agencies: { desk: { name, level: 'commune', desk: true }, justice: { name, level: 'commune' } } })
 *   .receipt({ desk: 'desk', channels: ['in-person', 'online'] })
 *   .flow(({ step }) => [step('register', { agency: 'justice', title, share: '1wd' })])
 *   .limit({ duration: '1wd', mode: 'date', ref })
 *   .build();
 */
export function procedure<const A extends Record<string, AgencyDeclaration>, const D extends Record<string, DossierField> = Record<never, DossierField>>(
  meta: ProcedureMeta<A, D>,
): ProcedureBuilder<A, D> {
  return new ProcedureBuilder(meta);
}
