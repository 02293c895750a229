import type { BranchNode, ConsultNode, ExcludedNode, FlowNode, ParallelNode, StepNode } from '../dsl/spec.ts';

/**
 * Walks a flow in order for an exporter: each node receives the loose ends (`X`, the exporter's
 * own notion of "where the arrows come from") and returns its own, so sequences, fan-outs and
 * branches connect without the exporter repeating the traversal.
 */
export abstract class FlowWalker<X> {
  sequence(nodes: readonly FlowNode[], entry: readonly X[]): readonly X[] {
    let pending = entry;
    for (const node of nodes) pending = this.flowNode(node, pending);
    return pending;
  }

  flowNode(node: FlowNode, pending: readonly X[]): readonly X[] {
    switch (node.kind) {
      case 'step':
        return this.step(node, pending);
      case 'parallel':
        return this.parallel(node, pending);
      case 'branch':
        return this.branch(node, pending);
      case 'consult':
        return this.consult(node, pending);
      case 'excluded':
        return this.excluded(node, pending);
    }
  }

  abstract step(node: StepNode, pending: readonly X[]): readonly X[];
  abstract parallel(node: ParallelNode, pending: readonly X[]): readonly X[];
  abstract branch(node: BranchNode, pending: readonly X[]): readonly X[];
  abstract consult(node: ConsultNode, pending: readonly X[]): readonly X[];
  abstract excluded(node: ExcludedNode, pending: readonly X[]): readonly X[];
}
