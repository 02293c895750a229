import { describe, expect, it } from 'vitest';
import { PROCEDURE_SCHEMA_ID, procedureJsonSchema } from '../../src/dsl/json-schema.ts';

// Loosely typed: the tests read into the generated schema by name.
const schema = procedureJsonSchema() as any;

describe('the procedure JSON Schema', () => {
  it('names itself and its draft', () => {
    expect([schema.$schema, schema.$id, schema.title]).toEqual(['https://json-schema.org/draft/2020-12/schema', PROCEDURE_SCHEMA_ID, 'motcua procedure']);
  });

  it('describes the input side: defaulted fields are optional and show their default', () => {
    expect(schema.required).toEqual(['id', 'version', 'effectiveFrom', 'title', 'level', 'agencies', 'receipt', 'flow', 'limit']);
    expect(schema.properties.receipt.required).toEqual(['desk']);
    expect(schema.properties.receipt.properties.transferCutoff.default).toBe('15:00');
    expect(schema.properties.lateness.properties.apology.properties.noticeBefore.default).toBe('1wd');
    expect(schema.properties.result.properties.ratingWindow.default).toBe('10d');
  });

  it('refuses unknown keys, but lets a file name its $schema for editors', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.$schema).toEqual({ type: 'string', description: 'The JSON Schema of this file, for editors; ignored by motcua.' });
  });

  it('defines flow nodes once, by kind, and refers to them recursively', () => {
    expect(schema.properties.flow.items).toEqual({ $ref: '#/$defs/FlowNode' });
    expect(schema.$defs.FlowNode.oneOf.map((o: { $ref: string }) => o.$ref)).toEqual(['#/$defs/Step', '#/$defs/Parallel', '#/$defs/Branch', '#/$defs/Consult', '#/$defs/Excluded']);
    expect(schema.$defs.Parallel.properties.branches.items.items).toEqual({ $ref: '#/$defs/FlowNode' });
  });
});
