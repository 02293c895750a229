import { z } from 'zod';
import { caseEventJsonSchema } from './compile/event-schema.ts';
import { procedureJsonSchema } from './dsl/json-schema.ts';
import { openRequestJsonSchema } from './engine/request-schema.ts';
import { simulateOutputSchema } from './sim/report-schema.ts';

/**
 * The JSON Schemas shipped in `schema/`, each generated from the zod schema the code itself reads
 * with (its input side: what a script or an HTTP client writes). `npm run schema` writes them; a
 * test fails when a committed file differs from what would be written.
 */
export const JSON_SCHEMAS: readonly { readonly file: string; readonly schema: () => Record<string, unknown> }[] = [
  { file: 'schema/procedure.schema.json', schema: procedureJsonSchema },
  {
    file: 'schema/event.schema.json',
    schema: () =>
      described(caseEventJsonSchema, 'urn:motcua:schema:event', 'motcua case event', 'One event of a case in its JSON form: a local instant, who acts (an agency id, "applicant" or "system"), and the fields its type needs.'),
  },
  {
    file: 'schema/case-request.schema.json',
    schema: () => described(openRequestJsonSchema, 'urn:motcua:schema:case-request', 'motcua case request', 'A request to open a case (receive a dossier) in its JSON form.'),
  },
  {
    file: 'schema/report.schema.json',
    schema: () =>
      described(
        simulateOutputSchema,
        'urn:motcua:schema:report',
        'motcua simulation report',
        'What motcua simulate --json prints (and motcua report reads back): per procedure and station, estimates over replications with their 95% intervals, the model checks, the Decision 766 indicators, and with --compare each variant against the baseline.',
      ),
  },
];

function described(schema: z.ZodType, id: string, title: string, description: string): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return withoutReadOnly({ $schema, $id: id, title, description, ...rest }) as Record<string, unknown>;
}

/**
 * Drops the `readOnly` annotations zod writes for `.readonly()`: in TypeScript they only keep a
 * value from being mutated, while in JSON Schema they would say a client must not send the field.
 */
function withoutReadOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutReadOnly);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'readOnly').map(([k, v]) => [k, withoutReadOnly(v)]));
}

/** A schema as the text of its file: pretty JSON and a final newline. */
export function jsonSchemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
