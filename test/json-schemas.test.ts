import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { smallReportData } from './report/fixture.ts';
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

  it('what motcua simulate --json prints validates against schema/report.schema.json; a report with a figure missing does not', async () => {
    const data = await smallReportData();
    const printed = JSON.parse(JSON.stringify({ ...data.report, warnings: [], comparisons: data.variants.map((v) => v.comparison) }));
    expect(Object.keys(printed.indicators.decision766)).toContain('byAgency');
    const validate = new Ajv2020({ strict: false }).compile(load('schema/report.schema.json'));
    expect(validate(printed), JSON.stringify(validate.errors)).toBe(true);
    delete printed.procedures[1].onTimeRate;
    expect(validate(printed)).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/procedures/1', keyword: 'required', params: { missingProperty: 'onTimeRate' } });
  }, 60_000);

  it('the README events table has one row per event type, in order, with exactly the fields of schema/event.schema.json', () => {
    const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
    const table = /<!-- events-table -->\n([\s\S]*?)\n\n/.exec(readme)![1]!;
    const rows = table.split('\n').slice(2).map((line) => line.split(' | '));
    const members = load('schema/event.schema.json').oneOf as { properties: Record<string, { default?: unknown }>; required: string[] }[];
    const shown = rows.map((cells) => [cells[0]!.replace(/^\| `|`$/g, ''), [...cells[1]!.matchAll(/`(\w+)(\?| = [^`]*)?`/g)].map((m) => `${m[1]}${m[2] === '?' ? '?' : ''}`).sort()]);
    const expected = members.map((m) => {
      const type = (m.properties['type'] as { const: string }).const;
      const fields = Object.keys(m.properties).filter((f) => !['type', 'at', 'by'].includes(f));
      return [type, fields.map((f) => (m.required.includes(f) || m.properties[f]!.default !== undefined ? f : `${f}?`)).sort()];
    });
    expect(shown).toEqual(expected);
  });
});
