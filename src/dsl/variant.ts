import type { Label, LegalRef } from '../legal.ts';
import type { DurationText, Procedure } from './builder.ts';
import type { AgencySpec, Channel, ClockPolicy, FlowNode, Level, LimitSpec, ReceiptSpec } from './spec.ts';
import { validateProcedure } from './validate.ts';

/** What a reform changes in a procedure: shorter shares, steps removed or moved to another agency, channels, the limit, agencies. */
export interface VariantChanges<S extends string> {
  readonly version: string;
  readonly effectiveFrom: string;
  /** The last day of the new version; the base's end date is not carried over. */
  readonly effectiveTo?: string;
  readonly id?: string;
  readonly title?: Label;
  readonly shares?: { readonly [K in S]?: DurationText };
  readonly remove?: readonly S[];
  readonly channels?: readonly Channel[];
  readonly limit?: LimitSpec;
  /** The level of the new version (a district procedure moved to the commune). */
  readonly level?: Level;
  /** The new version's legal references, in place of the base's. */
  readonly legal?: readonly LegalRef[];
  /**
   * Agencies replaced by their successors, by id (the successor keeps the id, so steps and
   * scenario stations still fit); the others are carried over, without a `succeededBy` that has
   * taken effect by the new version's first day.
   */
  readonly agencies?: Readonly<Record<string, AgencySpec>>;
  /** The clock policy, when the new text changes it or its reference. */
  readonly clock?: ClockPolicy;
  /** Where dossiers may be handed in beyond the desk (Decree 118/2025/NĐ-CP). */
  readonly receivingPoints?: NonNullable<ReceiptSpec['receivingPoints']>;
  /** Steps that move to another agency or change their title (competence moved to an agency already in the procedure). */
  readonly steps?: { readonly [K in S]?: { readonly agency?: string; readonly title?: Label } };
  /** Agencies no longer part of the procedure (their steps removed or moved with `steps`). */
  readonly removeAgencies?: readonly string[];
}

/**
 * A new version of a procedure after a simplification. Step ids are checked against the base
 * procedure's at compile time; the result is validated like any spec (removing a step may leave a
 * parallel with one branch, which becomes a plain sequence).
 *
 * @example
 * const after = deriveVariant(before, { version: '2025.2', effectiveFrom: '2025-07-01', shares: { appraise: '5wd' }, remove: ['district-review'] });
 */
export function deriveVariant<S extends string>(base: Procedure<S>, changes: VariantChanges<NoInfer<S>>): Procedure<S> {
  const removed = new Set<string>(changes.remove ?? []);
  const shares: Readonly<Record<string, string | undefined>> = changes.shares ?? {};
  const moved: Readonly<Record<string, { readonly agency?: string; readonly title?: Label } | undefined>> = changes.steps ?? {};
  const dropped = new Set(changes.removeAgencies ?? []);
  const rewrite = (flow: readonly FlowNode[]): FlowNode[] =>
    flow.flatMap((node): FlowNode[] => {
      switch (node.kind) {
        case 'step':
          return removed.has(node.id) ? [] : [{ ...node, share: shares[node.id] ?? node.share, ...moved[node.id] }];
        case 'parallel': {
          const branches = node.branches.map(rewrite).filter((b) => b.length > 0);
          if (branches.length === 0) return [];
          return branches.length === 1 ? branches[0]! : [{ ...node, branches }];
        }
        case 'branch':
          return [
            {
              ...node,
              cases: node.cases.map((c) => ({ ...c, flow: rewrite(c.flow) })),
              ...(node.otherwise === undefined ? {} : { otherwise: { ...node.otherwise, flow: rewrite(node.otherwise.flow) } }),
            },
          ];
        default:
          return [node];
      }
    });
  const { effectiveTo: _baseEnd, ...rest } = base;
  const carried = Object.fromEntries(
    Object.entries(base.agencies).filter(([id]) => !dropped.has(id)).map(([id, a]): [string, AgencySpec] => {
      const { succeededBy, ...agency } = a;
      return [id, succeededBy === undefined || succeededBy.from > changes.effectiveFrom ? a : agency];
    }),
  );
  const channels = changes.channels ?? base.receipt.channels;
  const receipt: ReceiptSpec = { ...base.receipt, channels, ...(changes.receivingPoints === undefined ? {} : { receivingPoints: changes.receivingPoints }) };
  return validateProcedure({
    ...rest,
    id: changes.id ?? base.id,
    version: changes.version,
    effectiveFrom: changes.effectiveFrom,
    ...(changes.effectiveTo === undefined ? {} : { effectiveTo: changes.effectiveTo }),
    title: changes.title ?? base.title,
    level: changes.level ?? base.level,
    legal: changes.legal ?? base.legal,
    agencies: { ...carried, ...changes.agencies },
    flow: rewrite(base.flow),
    receipt,
    limit: changes.limit ?? base.limit,
    clock: changes.clock ?? base.clock,
  }) as Procedure<S>;
}
