import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the installed package (where `package.json`, `procedures/`, `simulations/` and
 * `calendars/` are), found from this module's own location: the same whether the code runs from
 * `src/` (tests, tsx) or from `dist/src/` (the built package), and whatever the working directory.
 */
export const PACKAGE_ROOT: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'simulations'))) return dir;
    if (dirname(dir) === dir) throw new Error(`motcua: cannot find the package folder above ${from}; reinstall the package.`);
  }
}

/** A file shipped with the package, by its path inside it (`simulations/province-2016.yaml`). */
export function packageFile(path: string): string {
  return join(PACKAGE_ROOT, path);
}
