/**
 * Writes every JSON Schema of `schema/` from its zod schema (`npm run schema`). The test
 * `test/json-schemas.test.ts` fails when a committed file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMAS, jsonSchemaText } from '../src/json-schemas.ts';

for (const { file, schema } of JSON_SCHEMAS) {
  const target = fileURLToPath(new URL(`../${file}`, import.meta.url));
  writeFileSync(target, jsonSchemaText(schema()));
  console.log(`wrote ${target}`);
}
