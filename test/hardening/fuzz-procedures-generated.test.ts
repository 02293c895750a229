import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProcedure } from '../../src/analysis/check.ts';
import { writeProcedure } from '../../src/dsl/io.ts';
import { MotcuaError } from '../../src/errors.ts';
import { FUZZ_TIMEOUT, nonFinite, runs, typed } from '../support/fuzz.ts';
import { generatedProcedure, readsOrRefuses } from '../support/procedure-fuzz.ts';
import { checkProperty } from '../support/property.ts';

/** Issue 19's fuzz suite: procedures generated from scratch (nested parallel blocks, branches, consultations). */
describe('fuzz: generated procedure files', () => {
  let checked = 0;
  it('read from JSON or YAML as a procedure that compiles and accepts a dossier, or are refused with a one-line ProcedureError naming the file', () => {
    checkProperty(
      'procedure files (generated)',
      fc.property(generatedProcedure, fc.constantFrom('json' as const, 'yaml' as const), fc.noBias(fc.nat(19)), (spec, format, sample) => {
        const read = readsOrRefuses(writeProcedure(spec, format), `generated.${format}`);
        // One valid procedure in twenty goes through `check` (budget, state graph, properties): it
        // must finish (bounded), answer without NaN, and never call a state unreachable after
        // cutting its traversal off.
        if (read instanceof MotcuaError || sample !== 0) return;
        checked++;
        const report = typed(() => checkProcedure(read, { seed: 1, numRuns: 3, graphLimit: 2_000 }));
        if (report instanceof MotcuaError) return;
        // Numbers, not text: a step may be called "NaN" (seed 880119252 found one).
        expect(nonFinite(report).filter((p) => p.endsWith('= NaN'))).toEqual([]);
        if (report.warnings.some((w) => /truncat|cut off/i.test(w.message))) expect(report.problems.filter((p) => /unreachable/i.test(p.message))).toEqual([]);
      }),
      { numRuns: runs(1_000) },
    );
    console.log(`[fuzz] generated procedures: ${checked} valid ones checked`);
  }, FUZZ_TIMEOUT);
});
