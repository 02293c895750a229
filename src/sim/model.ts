import { type Duration, parseDuration } from '../calendar/duration.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import type { FlowNode } from '../dsl/spec.ts';

/**
 * The simulator's compact form of a procedure: the flow flattened into an array of nodes linked
 * by index, derived from the compiled procedure (its spec and environment) by this one function.
 * Time rules (ledgers, calendars, classification, limit extensions) are not copied here: the
 * engine calls the same functions the machine's reducer does. The differential test in
 * test/sim/differential.test.ts runs random cases through both and compares them.
 */
export type SimNode =
  | { readonly kind: 'step'; readonly id: string; readonly agency: string; next: number }
  | { readonly kind: 'fork'; readonly id: string; readonly starts: readonly number[]; readonly join: number }
  | { readonly kind: 'join'; readonly id: string; readonly count: number; next: number }
  | { readonly kind: 'branch'; readonly id: string; readonly field: string; readonly cases: readonly { readonly value: string | number | boolean; readonly start: number }[]; readonly otherwise: number }
  | { readonly kind: 'consult'; readonly id: string; readonly lead: string; readonly consulted: readonly string[]; readonly answerWithin: Duration; readonly deemedConsent: boolean; next: number }
  | { readonly kind: 'interval'; readonly id: string; readonly party: string; readonly lasts: Duration | null; next: number }
  | { readonly kind: 'end'; readonly id: string };

export interface SimModel {
  readonly proc: CompiledProcedure;
  readonly nodes: readonly SimNode[];
  readonly start: number;
  /**
   * Working milliseconds of shares from each node to the end of the flow along its longest path
   * (excluded intervals count nothing): what an agency weighs when it decides that a dossier will
   * be late and issues the apology slip.
   */
  readonly shareToEnd: Float64Array;
}

/** Flattens the compiled procedure's flow. */
export function buildModel(proc: CompiledProcedure): SimModel {
  const nodes: SimNode[] = [{ kind: 'end', id: '(end)' }];
  const add = (node: SimNode): number => nodes.push(node) - 1;

  /** The index of the first node of `flow`, whose last node continues at `next`. */
  const flatten = (flow: readonly FlowNode[], next: number): number => {
    let cursor = next;
    for (let i = flow.length - 1; i >= 0; i--) {
      const node = flow[i]!;
      switch (node.kind) {
        case 'step':
          cursor = add({ kind: 'step', id: node.id, agency: node.agency, next: cursor });
          break;
        case 'parallel': {
          const join = add({ kind: 'join', id: node.id, count: node.branches.length, next: cursor });
          cursor = add({ kind: 'fork', id: node.id, starts: node.branches.map((b) => flatten(b, join)), join });
          break;
        }
        case 'branch': {
          const merge = cursor;
          cursor = add({
            kind: 'branch',
            id: node.id,
            field: node.field,
            cases: node.cases.map((c) => ({ value: c.when, start: flatten(c.flow, merge) })),
            otherwise: node.otherwise === undefined ? -1 : flatten(node.otherwise.flow, merge),
          });
          break;
        }
        case 'consult':
          cursor = add({ kind: 'consult', id: node.id, lead: node.lead, consulted: node.consulted, answerWithin: parseDuration(node.answerWithin), deemedConsent: node.deemedConsent, next: cursor });
          break;
        case 'excluded':
          cursor = add({ kind: 'interval', id: node.id, party: node.party, lasts: node.lasts === undefined ? null : parseDuration(node.lasts), next: cursor });
          break;
      }
    }
    return cursor;
  };
  const start = flatten(proc.spec.flow, 0);
  const hours = proc.env.calendar.hoursPerWorkingDay;
  const ms = (d: Duration) => (d.unit === 'd' ? (d.amount * 5) / 7 : d.unit === 'wd' ? d.amount : d.amount / hours) * hours * 3_600_000;
  const memo = new Float64Array(nodes.length).fill(-1);
  const toEnd = (i: number): number => {
    if (i < 0) return 0;
    if (memo[i]! >= 0) return memo[i]!;
    const n = nodes[i]!;
    const value =
      n.kind === 'end'
        ? 0
        : n.kind === 'step'
          ? ms(proc.env.steps.get(n.id)!.duration) + toEnd(n.next)
          : n.kind === 'fork'
            ? Math.max(...n.starts.map(toEnd))
            : n.kind === 'join' || n.kind === 'interval'
              ? toEnd(n.next)
              : n.kind === 'branch'
                ? Math.max(toEnd(n.otherwise), ...n.cases.map((c) => toEnd(c.start)))
                : ms(n.answerWithin) + toEnd(n.next);
    memo[i] = value;
    return value;
  };
  for (let i = 0; i < nodes.length; i++) toEnd(i);
  return { proc, nodes, start, shareToEnd: memo };
}
