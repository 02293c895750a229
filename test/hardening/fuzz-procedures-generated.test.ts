import fc from 'fast-check';
import { describe, it } from 'vitest';
import { writeProcedure } from '../../src/dsl/io.ts';
import { FUZZ_TIMEOUT, runs } from '../support/fuzz.ts';
import { generatedProcedure, readsOrRefuses } from '../support/procedure-fuzz.ts';
import { checkProperty } from '../support/property.ts';

/** Issue 19's fuzz suite: procedures generated from scratch (nested parallel blocks, branches, consultations). */
describe('fuzz: generated procedure files', () => {
  it('read from JSON or YAML as a procedure that compiles and accepts a dossier, or are refused with a one-line ProcedureError naming the file', () => {
    checkProperty(
      'procedure files (generated)',
      fc.property(generatedProcedure, fc.constantFrom('json' as const, 'yaml' as const), (spec, format) => {
        readsOrRefuses(writeProcedure(spec, format), `generated.${format}`);
      }),
      { numRuns: runs(2000) },
    );
  }, FUZZ_TIMEOUT);
});
