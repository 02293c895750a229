import { z } from 'zod';
import { procedureSchema } from './schema.ts';

/**
 * The `$id` of the procedure JSON Schema; a URN until the schema has a published address.
 *
 * @example
 * procedureJsonSchema().$id === PROCEDURE_SCHEMA_ID // → true
 */
export const PROCEDURE_SCHEMA_ID = 'urn:motcua:schema:procedure';

/**
 * The JSON Schema (draft 2020-12) of a procedure as a designer writes it: generated from the zod
 * schema on its input side, so defaulted fields are optional and show their default. Editors use
 * it for completion and checks; a top-level `"$schema"` key is allowed for them and ignored by
 * `readProcedure`. The semantic checks (agencies that exist, unique ids…) are not expressible here.
 *
 * @example
 * { "$schema": "../schema/procedure.schema.json", "id": "birth-registration", … }
 */
export function procedureJsonSchema(): Record<string, unknown> {
  const { $schema, properties, $defs, ...rest } = z.toJSONSchema(procedureSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema,
    $id: PROCEDURE_SCHEMA_ID,
    title: 'motcua procedure',
    description: 'A Vietnamese one-stop (một cửa liên thông) administrative procedure: agencies, dossier fields, receipt, flow, statutory limit and policies.',
    ...rest,
    properties: { $schema: { type: 'string', description: 'The JSON Schema of this file, for editors; ignored by motcua.' }, ...properties },
    $defs,
  };
}

/**
 * {@link procedureJsonSchema} as the text of `schema/procedure.schema.json`: pretty JSON and a final newline.
 *
 * @example
 * procedureJsonSchemaText().endsWith('}\n') // → true
 */
export function procedureJsonSchemaText(): string {
  return `${JSON.stringify(procedureJsonSchema(), null, 2)}\n`;
}
