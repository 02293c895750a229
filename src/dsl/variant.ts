import type { Label } from '../legal.ts';
import type { DurationText, Procedure } from './builder.ts';
import type { Channel, FlowNode, LimitSpec } from './spec.ts';
import { validateProcedure } from './validate.ts';

/** What a reform changes in a procedure: shorter shares, steps removed, channels, the limit. */
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
  const rewrite = (flow: readonly FlowNode[]): FlowNode[] =>
    flow.flatMap((node): FlowNode[] => {
      switch (node.kind) {
        case 'step':
          return removed.has(node.id) ? [] : [{ ...node, share: shares[node.id] ?? node.share }];
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
  return validateProcedure({
    ...rest,
    id: changes.id ?? base.id,
    version: changes.version,
    effectiveFrom: changes.effectiveFrom,
    ...(changes.effectiveTo === undefined ? {} : { effectiveTo: changes.effectiveTo }),
    title: changes.title ?? base.title,
    flow: rewrite(base.flow),
    receipt: changes.channels === undefined ? base.receipt : { ...base.receipt, channels: changes.channels },
    limit: changes.limit ?? base.limit,
  }) as Procedure<S>;
}
