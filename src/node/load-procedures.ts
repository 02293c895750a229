import { readdir, stat } from 'node:fs/promises';
import { label } from '../i18n/translate.ts';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { versionInForce } from '../dsl/in-force.ts';
import { readProcedure } from '../dsl/io.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';
import { validateProcedure } from '../dsl/validate.ts';
import { MotcuaError, ProcedureError, UsageError } from '../errors.ts';
import { packageFile } from './package-root.ts';
import { MAX_SPEC_BYTES, readFileLimited } from './read-limited.ts';

/** A procedure and where it came from. */
export interface LoadedProcedure {
  readonly spec: ProcedureSpec;
  readonly file: string;
}

/** Whether this module runs as built JavaScript (the package) rather than from its TypeScript source. */
const BUILT = import.meta.url.endsWith('.js');

/** The catalogue shipped with the package: its built modules in the package, its sources in a clone. */
export const CATALOGUE_DIR = packageFile(BUILT ? 'dist/procedures' : 'procedures');

/**
 * The catalogue's procedures, each named by its source file (`procedures/<name>.ts`). The
 * catalogue is code the package ships, so it is imported as it is; other `.ts` files go through
 * `loadProcedures` and its trust model.
 */
export async function loadCatalogue(): Promise<LoadedProcedure[]> {
  const ext = BUILT ? '.js' : '.ts';
  const names = (await readdir(CATALOGUE_DIR)).filter((n) => n.endsWith(ext) && !n.endsWith('.d.ts') && n !== `index${ext}`).sort();
  const procedures: LoadedProcedure[] = [];
  for (const name of names) {
    const file = `procedures/${name.slice(0, -ext.length)}.ts`;
    const module = (await import(pathToFileURL(join(CATALOGUE_DIR, name)).href)) as Record<string, unknown>;
    for (const spec of Object.values(module).filter(isSpecLike)) procedures.push({ spec: validateProcedure(spec, { file }), file });
  }
  return procedures;
}

let tsLoader: Promise<(url: string) => Promise<Record<string, unknown>>> | undefined;

/**
 * Imports a `.ts` procedure file from plain Node: through tsx's `tsImport`, loaded on first use
 * only (the built package runs without it), which reads the file as an ES module wherever it lies
 * (a folder with no package.json, or one of "type": "commonjs"). Under tsx itself (tests, the
 * sources) a plain import does. tsx is an optional peer dependency; without it the error says how
 * to install it.
 */
function importTypeScript(url: string): Promise<Record<string, unknown>> {
  if (!BUILT) return import(url) as Promise<Record<string, unknown>>;
  tsLoader ??= import('tsx/esm/api').then(
    (tsx) => (specifier: string) => tsx.tsImport(specifier, import.meta.url) as Promise<Record<string, unknown>>,
    (cause: unknown) => {
      throw new UsageError('needs-tsx', label('error.procedures.needs-tsx', { install: 'npm install tsx@4.23.15' }), { cause });
    },
  );
  return tsLoader.then((load) => load(url));
}

const EXTENSIONS = new Set(['.ts', '.json', '.yaml', '.yml']);

/** Looks like a procedure spec: what a `.ts` module's exports are filtered by. */
function isSpecLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'flow' in value && 'limit' in value && 'id' in value;
}

/** Options of {@link loadProcedures}: the trust model for code. */
export interface LoadOptions {
  /**
   * Run `.ts` procedure modules from the paths given (`--allow-code`). Without it only the
   * catalogue's modules run; elsewhere a `.ts` file is refused unread, since importing a module runs
   * whatever it contains with the user's rights. JSON and YAML are data and always load.
   */
  readonly allowCode?: boolean;
}

/** Whether `file` is one of the catalogue's own modules. */
function inCatalogue(file: string): boolean {
  const rel = relative(CATALOGUE_DIR, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Loads procedures from files and folders (`.json`, `.yaml`, and `.ts` modules exporting built
 * procedures: from the catalogue, or anywhere with `allowCode`). Every problem is collected with
 * its file, so one broken file does not hide the others.
 */
export async function loadProcedures(paths: readonly string[], options: LoadOptions = {}): Promise<{ procedures: LoadedProcedure[]; errors: MotcuaError[]; skipped: string[] }> {
  const procedures: LoadedProcedure[] = [];
  const errors: MotcuaError[] = [];
  const skipped: string[] = [];
  // A name that is no file but a catalogue id (`birth-registration`, `id@version`) means the catalogue's procedure.
  const byId: string[] = [];
  const files: string[] = [];
  for (const p of paths) ((await stat(resolve(p)).catch(() => undefined)) === undefined && /^[a-z0-9][a-z0-9-]*(@[\w.-]+)?$/.test(p) ? byId : files).push(p);
  if (byId.length > 0) {
    const catalogue = await loadCatalogue();
    for (const name of byId) {
      const [id, version] = name.split('@');
      const found = catalogue.filter((c) => c.spec.id === id && (version === undefined || c.spec.version === version));
      if (found.length > 0) procedures.push(...found);
      else files.push(name);
    }
  }
  for (const { file, inFolder } of await expand(files, errors)) {
    const shown = relative(process.cwd(), file) || file;
    try {
      if (extname(file) === '.ts' && options.allowCode !== true && !inCatalogue(file)) {
        throw new ProcedureError('code-not-allowed', label('error.procedures.code-not-allowed'), { file: shown });
      }
      if (extname(file) === '.ts') {
        const module = await importTypeScript(pathToFileURL(file).href);
        const specs = Object.values(module).filter(isSpecLike);
        if (specs.length === 0) throw new ProcedureError('no-procedure', label('error.procedures.no-procedure'), { file: shown });
        for (const spec of specs) procedures.push({ spec: validateProcedure(spec, { file: shown }), file: shown });
      } else {
        const text = await readFileLimited(file, MAX_SPEC_BYTES, 'procedure', shown);
        // In a folder, JSON and YAML files that are plainly something else (an event list, a
        // scenario) are passed over; a file named on its own is read as a procedure or refused.
        if (inFolder && !looksLikeProcedureText(text)) {
          skipped.push(shown);
          continue;
        }
        procedures.push({ spec: readProcedure(text, shown), file: shown });
      }
    } catch (error) {
      if (error instanceof MotcuaError) errors.push(error.file === undefined ? new ProcedureError(error.code, error.messages ?? error.message, { file: shown, path: error.path, cause: error }) : error);
      else errors.push(new ProcedureError('load', label('error.procedures.load', { why: (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(/\.$/, '') }), { file: shown, cause: error }));
    }
  }
  return { procedures, errors, skipped };
}

/** Whether a JSON or YAML text is an object with a procedure's `id` and `flow` (or does not parse, so that the reader says why). */
function looksLikeProcedureText(text: string): boolean {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch {
    return true;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'id' in value && 'flow' in value;
}

/**
 * The procedures a command works with: the catalogue and, with `--procedures <paths>`, the
 * procedures found there added to it (one with the same id and version as a catalogue procedure
 * replaces it); with `only`, the procedures of those paths alone.
 *
 * @throws the first problem of any file, with its file and path
 * @example
 * const procedures = await proceduresFor(['./my-procedures'], { only: false }); // the catalogue + mine
 */
export async function proceduresFor(paths: readonly string[] | undefined, options: LoadOptions & { readonly only?: boolean } = {}): Promise<LoadedProcedure[]> {
  if (options.only === true && (paths === undefined || paths.length === 0)) throw new UsageError('usage', label('error.procedures.only'), { path: ['--only'] });
  const catalogue = options.only === true ? [] : await loadCatalogue();
  if (paths === undefined || paths.length === 0) return catalogue;
  const { procedures, errors } = await loadProcedures(paths, options);
  if (errors.length > 0) throw errors[0]!;
  const key = (p: LoadedProcedure) => `${p.spec.id}@${p.spec.version}`;
  const added = new Set(procedures.map(key));
  return [...catalogue.filter((p) => !added.has(key(p))), ...procedures];
}

async function expand(paths: readonly string[], errors: MotcuaError[]): Promise<{ file: string; inFolder: boolean }[]> {
  const files: { file: string; inFolder: boolean }[] = [];
  for (const p of paths) {
    const full = resolve(p);
    const info = await stat(full).catch(() => undefined);
    if (info === undefined) {
      errors.push(new UsageError('not-found', label('error.procedures.not-found'), { file: p }));
    } else if (info.isDirectory()) {
      const names = (await readdir(full)).sort();
      files.push(...names.filter((n) => EXTENSIONS.has(extname(n)) && n !== 'index.ts' && !n.endsWith('.d.ts')).map((n) => ({ file: join(full, n), inFolder: true })));
    } else if (EXTENSIONS.has(extname(full))) {
      files.push({ file: full, inFolder: false });
    } else {
      errors.push(new UsageError('bad-file', label('error.procedures.bad-file'), { file: p }));
    }
  }
  return files;
}

/**
 * One procedure named on the command line: a file, or an id (`id` or `id@version`) in the
 * catalogue. With several versions and no `@version`, the one in force on `on` (YYYY-MM-DD, see
 * {@link versionInForce}: a date outside every version's validity is refused), or the latest.
 */
export async function resolveProcedure(name: string, on?: string, options: LoadOptions = {}): Promise<LoadedProcedure> {
  const asFile = await stat(resolve(name)).catch(() => undefined);
  if (asFile !== undefined) {
    const { procedures, errors } = await loadProcedures([name], options);
    if (errors.length > 0) throw errors[0]!;
    if (procedures.length !== 1) throw new UsageError('ambiguous', label('error.procedures.ambiguous', { n: procedures.length }), { file: name });
    return procedures[0]!;
  }
  const [id, version] = name.split('@');
  const procedures = await loadCatalogue();
  const matching = procedures.filter((p) => p.spec.id === id && (version === undefined || p.spec.version === version));
  if (matching.length === 0) {
    const ids = [...new Set(procedures.map((p) => p.spec.id))].sort().join(', ');
    throw new UsageError('unknown-procedure', label('error.procedures.unknown', { name, ids }));
  }
  if (on === undefined) return matching.reduce((a, b) => (b.spec.effectiveFrom > a.spec.effectiveFrom ? b : a));
  const spec = versionInForce(matching.map((p) => p.spec), on, ['--received']);
  return matching.find((p) => p.spec === spec)!;
}
