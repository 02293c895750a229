import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaText } from '../src/json-schemas.ts';

const ROOT = new URL('../', import.meta.url);
const load = (file: string) => JSON.parse(readFileSync(new URL(file, ROOT), 'utf8')) as any;

describe('the JSON Schemas in schema/', () => {
  for (const { file, schema } of JSON_SCHEMAS) {
    it(`${file} is committed as generated from its zod schema (run npm run schema when it is stale)`, () => {
      expect(readFileSync(new URL(file, ROOT), 'utf8'), `${file} is stale: run \`npm run schema\` and commit it`).toBe(jsonSchemaText(schema()));
    });
  }

  it('the event schema has one member per event type, each requiring type, at, by and the fields its type needs', () => {
    const members = load('schema/event.schema.json').oneOf as { properties: { type: { const: string } }; required: string[] }[];
    expect(members.map((m) => m.properties.type.const)).toEqual(['ACCEPT', 'REQUEST_COMPLETION', 'REFUSE', 'TRANSFER', 'COMPLETE', 'REQUEST_SUPPLEMENT', 'SUPPLY', 'ANSWER', 'FINISH_INTERVAL', 'APOLOGIZE', 'WITHDRAW', 'RETURN_RESULT', 'RATE', 'TIMER']);
    const required = Object.fromEntries(members.map((m) => [m.properties.type.const, m.required]));
    expect(required['COMPLETE']).toEqual(['type', 'at', 'by', 'step']);
    expect(required['ANSWER']).toEqual(['type', 'at', 'by', 'consult']);
    expect(required['APOLOGIZE']).toEqual(['type', 'at', 'by', 'newDue', 'reason']);
    expect(required['RATE']).toEqual(['type', 'at', 'by', 'rating']);
  });

  it('the case request schema requires the procedure, channel, instant of receipt and who receives it', () => {
    const request = load('schema/case-request.schema.json');
    expect(request.required).toEqual(['procedure', 'channel', 'receivedAt', 'by']);
    expect(request.properties.channel.enum).toEqual(['in-person', 'postal', 'online']);
    expect(request.additionalProperties).toBe(false);
  });
});
