import { describe, expect, it } from 'vitest';
import { ProcedureError } from '../../src/errors.ts';
import { readProcedure, writeProcedure } from '../../src/dsl/io.ts';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';
import { validateProcedure } from '../../src/dsl/validate.ts';
import { VALID, label, step } from '../support/inputs.ts';

const SPEC: ProcedureSpec = validateProcedure(VALID);

const MINIMAL_YAML = `id: min
version: "1"
effectiveFrom: 2025-07-01
title: { vi: Tối thiểu, en: Minimal }
level: commune
agencies:
  desk: { name: { vi: Bộ phận một cửa, en: Desk }, level: commune, desk: true }
receipt: { desk: desk }
flow:
  - { kind: step, id: do, agency: desk, title: { vi: Làm, en: Do }, share: 0wd }
limit: { duration: 0wd, mode: date, ref: { document: Law, confidence: src } }
`;

/** The error `readProcedure` throws. */
function readError(text: string, file: string): ProcedureError {
  try {
    readProcedure(text, file);
  } catch (e) {
    if (e instanceof ProcedureError) return e;
    throw e;
  }
  throw new Error('expected a ProcedureError');
}

describe('reading', () => {
  it('reads JSON and fills in the defaults', () => {
    expect(readProcedure(JSON.stringify(VALID), 'procedures/test.json')).toEqual(SPEC);
    expect(SPEC.receipt).toEqual({ desk: 'desk', channels: ['in-person'], handover: 'transfer', transferCutoff: '15:00', maxCompletionRequests: 1 });
  });

  it('reads YAML from .yaml and .yml files, and keeps unquoted dates as strings', () => {
    const spec = readProcedure(MINIMAL_YAML, 'min.yaml');
    expect(spec.effectiveFrom).toBe('2025-07-01');
    expect(spec.version).toBe('1');
    expect(spec.agencies['desk']?.name.vi).toBe('Bộ phận một cửa');
    expect(readProcedure(MINIMAL_YAML, 'MIN.YML')).toEqual(spec);
  });

  it('tries JSON, then YAML, for other file names', () => {
    expect(readProcedure(JSON.stringify(VALID), 'test.procedure')).toEqual(SPEC);
    expect(readProcedure(MINIMAL_YAML, 'min.txt')).toEqual(readProcedure(MINIMAL_YAML, 'min.yaml'));
  });

  it('ignores a top-level "$schema" written for editors', () => {
    const text = JSON.stringify({ $schema: '../schema/procedure.schema.json', ...VALID });
    expect(readProcedure(text, 'test.json')).toEqual(SPEC);
  });

  it('reports validation problems with the file name', () => {
    const error = readError(MINIMAL_YAML.replace('agency: desk', 'agency: dsk'), 'procedures/min.yaml');
    expect(error.describe()).toBe('procedures/min.yaml: flow.0.agency: unknown agency "dsk". Declared agencies: desk. Declare it under agencies or fix the name.');
  });
});

describe('syntax errors name the file, line and column', () => {
  it.each([
    [
      'a trailing comma in JSON',
      '{\n  "id": "x",\n  "flow": [1, 2,]\n}',
      'p.json',
      'line 3, column 17: a comma after the last item is not JSON, found "]". Fix the JSON there: strings and keys in double quotes, a comma between items, none after the last.',
    ],
    [
      'an unquoted JSON key',
      '{\n  id: "x"\n}',
      'p.json',
      'line 2, column 3: expected a key in double quotes, found "i". Fix the JSON there: strings and keys in double quotes, a comma between items, none after the last.',
    ],
    [
      'a missing JSON comma',
      '{\n  "id": "x"\n  "version": "1"\n}',
      'p.json',
      'line 3, column 3: expected "," or "}", found "\\"". Fix the JSON there: strings and keys in double quotes, a comma between items, none after the last.',
    ],
    [
      'a JSON text cut short',
      '{"id": "x", "flow": [',
      'p.json',
      'line 1, column 22: expected a value (an object, a list, a string in double quotes, a number, true, false or null), found the end of the text. Fix the JSON there: strings and keys in double quotes, a comma between items, none after the last.',
    ],
    ['a repeated YAML key', 'id: a\nversion: "1"\nid: b\n', 'p.yaml', 'line 3, column 1: Map keys must be unique. Each key may appear once in a mapping: remove or rename the repeated one.'],
    [
      'a badly indented YAML key',
      'receipt:\n  desk: desk\n channels: []\n',
      'p.yml',
      'line 3, column 1: All mapping items must start at the same column. Indent the keys of one mapping by the same number of spaces, and close every [ and {.',
    ],
    ['a YAML tab indent', 'flow:\n\t- kind: step\n', 'p.yaml', 'line 2, column 1: Tabs are not allowed as indentation. Indent with spaces, not tabs.'],
    [
      'a YAML alias without anchor',
      'id: x\ntitle: *label\n',
      'p.yaml',
      'line 2, column 8: the alias *label has no anchor. Define the anchor (&name) before using the alias (*name), or write the value out.',
    ],
    [
      'two YAML documents',
      'id: a\n---\nid: b\n',
      'p.yaml',
      'line 2, column 1: the file holds more than one YAML document. Keep one procedure per file: remove the second "---" document.',
    ],
    [
      'text that starts like JSON, in a file of unknown kind',
      '{"id": 1,}',
      'p.txt',
      'line 1, column 10: a comma after the last item is not JSON, found "}". Fix the JSON there: strings and keys in double quotes, a comma between items, none after the last.',
    ],
  ])('%s', (_, text, file, message) => {
    const error = readError(text, file);
    expect([error.code, error.file, error.path, error.message]).toEqual(['syntax', file, [], message]);
  });

  it("keeps the parser's own error as the cause", () => {
    expect(readError('{"id": }', 'p.json').cause).toBeInstanceOf(SyntaxError);
    expect((readError('a: 1\na: 2\n', 'p.yaml').cause as { code?: string }).code).toBe('DUPLICATE_KEY');
  });
});

describe('writing', () => {
  it('writes JSON with keys in the order of ProcedureSpec, whatever order the spec was built in', () => {
    const shuffled = Object.fromEntries(Object.entries(SPEC).reverse()) as unknown as ProcedureSpec;
    const text = writeProcedure(shuffled, 'json');
    expect(text).toBe(`${JSON.stringify(SPEC, null, 2)}\n`);
    expect(Object.keys(JSON.parse(text))).toEqual(['id', 'version', 'effectiveFrom', 'title', 'level', 'legal', 'agencies', 'dossier', 'receipt', 'flow', 'limit', 'clock', 'lateness', 'result']);
  });

  it('writes YAML that a YAML 1.1 reader would not misread', () => {
    const text = writeProcedure(readProcedure(MINIMAL_YAML, 'min.yaml'), 'yaml');
    expect(text.split('\n').slice(0, 8)).toEqual(['id: min', 'version: "1"', 'effectiveFrom: "2025-07-01"', 'title:', '  vi: Tối thiểu', '  en: Minimal', 'level: commune', 'legal: []']);
    expect(text).toContain('  transferCutoff: "15:00"\n');
  });

  it.each(['json', 'yaml'] as const)('round-trips through %s', (format) => {
    expect(readProcedure(writeProcedure(SPEC, format), `test.${format}`)).toEqual(SPEC);
  });

  it.each(['json', 'yaml'] as const)('round-trips awkward strings through %s', (format) => {
    const awkward = ['yes', 'null', '15:00', '#hash', '- dash', 'a: b', '"quoted"', "it's", 'line\nbreak', '  padded  ', '0x1F', '1e3', '~', 'Đăng ký', '@at', '*star', '&amp', '!bang', '%pct', '{x}', '[y]'];
    const spec = validateProcedure({
      ...VALID,
      title: { vi: awkward.join(' | '), en: awkward[0] },
      legal: awkward.map((note) => ({ document: note, confidence: 'mem', note })),
    });
    expect(readProcedure(writeProcedure(spec, format), `awkward.${format}`)).toEqual(spec);
  });
});
