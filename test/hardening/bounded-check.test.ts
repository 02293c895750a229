import { describe, expect, it } from 'vitest';
import { checkProcedure } from '../../src/analysis/check.ts';
import { analyseGraph } from '../../src/analysis/graph.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { wideParallelSpec } from '../support/specs.ts';

describe('check on wide parallel blocks (issue 19 regressions)', () => {
  it('passes a procedure with 8 parallel branches of 2 steps (6 used to give 0 states and every state unreachable), exploring the branches one after the other and saying so', () => {
    const report = checkProcedure(wideParallelSpec(8), { seed: 19, numRuns: 20 });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.graph.sequential).toEqual(['fan (8 branches)']);
    expect(report.graph.truncated).toBe(false);
    expect(report.graph.outcomes).toEqual(['returned', 'refused', 'refused-at-receipt', 'withdrawn']);
    expect(report.status).toBe('pass');
    expect(report.warnings).toEqual([]);
    expect(report.notes.map((n) => n.message)).toEqual([
      'the parallel block(s) fan (8 branches) give more than 20000 states in every interleaving: their branches were explored one after the other instead (every state of each branch, not every mix of half-done branches)',
    ]);
  }, 120_000);

  it('explores 2 branches in every interleaving, as before', () => {
    const graph = analyseGraph(compileProcedure(wideParallelSpec(2)));
    expect([graph.sequential, graph.truncated, graph.unreachable, graph.deadEnds]).toEqual([[], false, [], []]);
  });

  it('reports no state unreachable when a traversal was cut off, and warns instead', () => {
    const report = checkProcedure(wideParallelSpec(3), { seed: 19, numRuns: 5, graphLimit: 10 });
    expect(report.graph.truncated).toBe(true);
    expect(report.graph.unreachable).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('warn');
    expect(report.warnings.at(-1)?.message).toBe(
      'the state graph was too large to explore fully (over 10 states in a traversal, or more than 2 dossier variants): reachability and dead ends were checked only where the traversal finished, and no state is reported unreachable',
    );
  });
});
