import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';

export interface NamedProcedure {
  /** `land-use-right-first.ts#landUseRightFirst`. */
  readonly name: string;
  readonly spec: ProcedureSpec;
}

/**
 * Every procedure spec exported by a file of `procedures/` (not the catalogue in index.ts): each
 * exported value with a `flow`. New procedures are picked up without editing the tests.
 */
export async function loadProcedures(): Promise<readonly NamedProcedure[]> {
  const dir = fileURLToPath(new URL('../../procedures/', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .sort();
  const found: NamedProcedure[] = [];
  for (const file of files) {
    const mod = (await import(`${dir}${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'object' && value !== null && 'flow' in value) found.push({ name: `${file}#${name}`, spec: value as ProcedureSpec });
    }
  }
  return found;
}
