import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProcedureError } from '../../src/errors.ts';
import { readProcedure, writeProcedure } from '../../src/dsl/io.ts';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';
import { listProblems, validateProcedure } from '../../src/dsl/validate.ts';
import { type Mutation, mutate } from '../support/mutate.ts';
import { checkProperty } from '../support/property.ts';

const label = (en: string) => ({ vi: en, en });
const step = (id: string, agency: string, share = '1wd') => ({ kind: 'step', id, agency, title: label(id), share });

/** The valid spec of the other tests, with office hours, an enum field and legal references to mutate too. */
const VALID = {
  id: 'test',
  version: '1',
  effectiveFrom: '2025-07-01',
  title: label('Test'),
  level: 'commune',
  legal: [{ document: 'Decree 118/2025/NĐ-CP', effectiveFrom: '2025-07-01', confidence: 'mem' }],
  agencies: {
    desk: { name: label('Desk'), level: 'commune', desk: true },
    justice: { name: label('Justice'), level: 'commune' },
    police: {
      name: label('Police'),
      level: 'commune',
      hours: { id: 'police', versions: [{ validFrom: '2025-01-01', seasons: [{ from: '01-01', shifts: ['07:30-11:30', '13:30-17:00'] }] }] },
    },
  },
  dossier: { remote: { type: 'boolean', label: label('Remote commune') }, terrain: { type: 'enum', values: ['plain', 'hill'], label: label('Terrain') } },
  receipt: { desk: 'desk' },
  flow: [
    step('register', 'justice'),
    { kind: 'parallel', id: 'linked', branches: [[step('civil', 'justice')], [step('residence', 'police')]] },
    { kind: 'branch', id: 'remote?', field: 'remote', cases: [{ when: true, flow: [step('visit', 'police')], extendLimit: '10wd' }], otherwise: { flow: [] } },
    { kind: 'branch', id: 'terrain?', field: 'terrain', cases: [{ when: 'plain', flow: [] }, { when: 'hill', flow: [step('climb', 'police', '0.5wd')] }] },
    { kind: 'consult', id: 'c', title: label('Consult'), lead: 'justice', consulted: ['police'], answerWithin: '2wd', deemedConsent: true },
    { kind: 'excluded', id: 'pay', title: label('Pay'), reason: 'payment', party: 'applicant', lasts: '15d' },
  ],
  limit: { duration: '5wd', mode: 'date', ref: { document: 'Test', confidence: 'mem' } },
  lateness: { early: { before: '1wd' } },
};

const SPEC = validateProcedure(VALID);

/**
 * Runs `read` and checks the only two outcomes allowed: a spec that validates again to itself, or a
 * ProcedureError with a code and a message that `listProblems` reports first too. Any other
 * exception escapes and fails the property.
 */
function expectSpecOrProblem(read: () => ProcedureSpec, input?: unknown): ProcedureSpec | ProcedureError {
  let spec: ProcedureSpec;
  try {
    spec = read();
  } catch (e) {
    if (!(e instanceof ProcedureError)) throw e;
    expect(e.code).toMatch(/^[a-z-]+$/);
    expect(e.message.length).toBeGreaterThan(0);
    if (input !== undefined) expect(listProblems(input)[0]?.describe()).toBe(e.describe());
    return e;
  }
  expect(validateProcedure(spec)).toEqual(spec);
  expect(listProblems(spec)).toEqual([]);
  return spec;
}

/** Values likely to pass the structure and reach the semantic checks. */
const plausible = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    'desk', 'justice', 'police', 'applicant', 'remote', 'terrain', 'plain', 'mountain', 'register',
    '1wd', '0.5wd', '4wh', '10d', '-1wd', '1e3wd', '0wd', '15:00', '25:00', '2025-02-30', '2025-07-01',
    'step', 'parallel', 'branch', 'consult', 'excluded', 'hours', 'date', 'mem', '07:30-11:30', '12:00-08:00',
    true, false, 0, 1, 2.5, -1, [], {}, [[]], null, label('X'), step('extra', 'police'), step('register', 'nobody'),
  ),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: plausible }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'otherwise', 'ref')), value: plausible }),
);

/** A text with a few random edits: a span deleted and a few characters put in its place. */
function edited(text: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ unit: fc.constantFrom(...'{}[],:"\'-#&*!|>%@ \n\t\\ab1'), maxLength: 4 }));
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) =>
    edits.reduce((t, [at, removed, inserted]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + inserted + t.slice(i + removed);
    }, text),
  );
}

describe('fuzzing: nothing but a spec or a ProcedureError ever comes out', () => {
  it('validates random JSON values', () => {
    checkProperty(
      'random JSON values',
      fc.property(fc.jsonValue(), (value) => {
        expectSpecOrProblem(() => validateProcedure(value), value);
      }),
      { numRuns: 300 },
    );
  });

  it('validates a valid spec mutated at random paths, and round-trips what stays valid', () => {
    checkProperty(
      'mutated specs',
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const input = mutations.reduce<unknown>(mutate, structuredClone(VALID));
        const result = expectSpecOrProblem(() => validateProcedure(input), input);
        if (result instanceof ProcedureError) return;
        expect(readProcedure(writeProcedure(result, 'json'), 'p.json')).toEqual(result);
        expect(readProcedure(writeProcedure(result, 'yaml'), 'p.yaml')).toEqual(result);
      }),
      { numRuns: 400 },
    );
  });

  it('reads random and damaged texts as JSON, YAML or either', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(...'{}[],:"\'-#&*!|>%@? \n\t\\ab1'), maxLength: 40 }),
      fc.json(),
      edited(JSON.stringify(SPEC, null, 2)),
      edited(writeProcedure(SPEC, 'yaml')),
    );
    checkProperty(
      'random texts',
      fc.property(text, fc.constantFrom('p.json', 'p.yaml', 'p.yml', 'p.txt'), (t, file) => {
        const result = expectSpecOrProblem(() => readProcedure(t, file));
        if (result instanceof ProcedureError) {
          expect(result.file).toBe(file);
          if (result.code === 'syntax') expect(result.message).toMatch(/^line \d+, column \d+: ./);
        }
      }),
      { numRuns: 400 },
    );
  });
});
