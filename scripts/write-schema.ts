/**
 * Writes `schema/procedure.schema.json` from the zod schema (`npm run schema`). The test
 * `test/dsl/json-schema.test.ts` fails when the committed file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { procedureJsonSchemaText } from '../src/dsl/json-schema.ts';

const target = fileURLToPath(new URL('../schema/procedure.schema.json', import.meta.url));
writeFileSync(target, procedureJsonSchemaText());
console.log(`wrote ${target}`);
