import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CATALOGUE } from '../../procedures/index.ts';
import { writeProcedure } from '../../src/dsl/io.ts';
import { FUZZ_TIMEOUT, editLines, extremeNumber, hostile, lineEdit, mutation, runs } from '../support/fuzz.ts';
import { mutate } from '../support/mutate.ts';
import { readsOrRefuses } from '../support/procedure-fuzz.ts';
import { checkProperty } from '../support/property.ts';

/** Issue 19's fuzz suite: the catalogue's procedures written as JSON and YAML, then mutated. */
describe('fuzz: procedure files mutated from the catalogue', () => {
  it('JSON mutated at random paths reads as a procedure that compiles and accepts a dossier, or is refused with a one-line ProcedureError naming the file', () => {
    const texts = CATALOGUE.map((p) => writeProcedure(p, 'json'));
    checkProperty(
      'procedure files (JSON)',
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const root = mutations.reduce<unknown>((r, m) => mutate(r, m), JSON.parse(texts[which % texts.length]!));
        readsOrRefuses(JSON.stringify(root), 'mutated.json');
      }),
      { numRuns: runs(6_000) },
    );
  }, FUZZ_TIMEOUT);

  it('YAML with lines edited (values replaced, lines deleted, doubled, inserted, re-indented) reads as a procedure or is refused the same way', () => {
    const texts = CATALOGUE.map((p) => writeProcedure(p, 'yaml'));
    const values = fc.oneof(hostile.map((h) => JSON.stringify(h)), hostile, extremeNumber.map(String), fc.constantFrom('', '[]', '{}', '- x', '&a x', '*a', '!!js/function x', '? x', '"unterminated', '0wd', '1e30wd', 'null', '~'));
    checkProperty(
      'procedure files (YAML)',
      fc.property(fc.nat(), fc.array(lineEdit(values), { minLength: 1, maxLength: 3 }), (which, edits) => {
        readsOrRefuses(editLines(texts[which % texts.length]!, edits), 'mutated.yaml');
      }),
      { numRuns: runs(3000) },
    );
  }, FUZZ_TIMEOUT);
});
