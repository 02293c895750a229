import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.ts';
import * as engine from '../src/engine/index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * STYLE.md habit 9: TSDoc on every export with a short example. This test holds it for the two
 * entries a service embeds, `motcua` and `motcua/engine`: every runtime export (function, class,
 * constant), plus the engine's main types, has a TSDoc comment with an `@example` whose body is
 * not empty. And the examples say true: each line ending in `// → value` is run and must give that
 * value, each line ending in `// throws ErrorClass` must throw it.
 */

/** The engine's types a service codes against, documented like the runtime exports. */
const ENGINE_TYPES = ['CaseStore', 'Engine', 'EngineOptions', 'OpenRequest', 'SendResult'];

export interface Declaration {
  /** The file, relative to the repository root. */
  readonly file: string;
  /** The TSDoc comment right before the declaration, or '' when there is none. */
  readonly doc: string;
}

const sources = new Map<string, string>();
function source(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    sources.set(file, text);
  }
  return text;
}

const escape = (s: string) => s.replace(/[$]/g, '\\$');
/** The statements of a file with its comments blanked out, so commented-out code never counts. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));
const DECLARATION = '(?:declare )?(?:async )?(?:abstract )?(?:function\\*?|class|const|let|var|interface|type|enum)\\s+';

/** The TSDoc comment that ends right before `index` in `text` (only white space between), or ''. */
function docBefore(text: string, index: number): string {
  const before = text.slice(0, index).trimEnd();
  if (!before.endsWith('*/')) return '';
  const start = before.lastIndexOf('/**');
  if (start < 0) return '';
  const comment = before.slice(start);
  // A `*/` inside the slice would mean the `/**` belongs to an earlier comment.
  return comment.indexOf('*/') === comment.length - 2 ? comment : '';
}

/**
 * Where `name`, exported by module `file`, is declared: follows `export { a as b } from`,
 * `export *` and local `export { a as b }` the way the module system does.
 */
export function declarationOf(file: string, name: string, seen = new Set<string>()): Declaration | undefined {
  const key = `${file}#${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const text = source(file);
  const stripped = code(text);
  const n = escape(name);
  const local = new RegExp(`(?:^|\\n)[ \\t]*export ${DECLARATION}${n}(?![\\w$])`).exec(stripped);
  if (local) return { file: relative(ROOT, file), doc: docBefore(text, local.index + local[0].search(/export/)) };
  for (const m of stripped.matchAll(/export\s+(type\s+)?\{([^}]*)\}(?:\s*from\s*['"]([^'"]+)['"])?/g)) {
    const typeOnly = m[1] !== undefined;
    for (const part of m[2]!.split(',')) {
      const words = part.trim().split(/\s+/).filter((w) => w !== '');
      if (words[0] === 'type') words.shift();
      const original = words[0];
      const exported = words[2] ?? original;
      if (original === undefined || exported !== name) continue;
      if (m[3] !== undefined) return declarationOf(join(dirname(file), m[3]), original, seen);
      // A local list: `const a = …; export { a as b }`.
      const decl = new RegExp(`(?:^|\\n)[ \\t]*${DECLARATION}${escape(original)}(?![\\w$])`).exec(stripped);
      if (decl) return { file: relative(ROOT, file), doc: docBefore(text, decl.index + decl[0].search(/\S/)) };
      if (typeOnly) return undefined;
    }
  }
  for (const m of stripped.matchAll(/export\s+(?:type\s+)?\*\s+from\s*['"]([^'"]+)['"]/g)) {
    const found = declarationOf(join(dirname(file), m[1]!), name, seen);
    if (found) return found;
  }
  return undefined;
}

/** Whether a TSDoc comment has an `@example` tag with something under it. */
export function hasExample(doc: string): boolean {
  const m = /@example([\s\S]*?)(?=\n\s*\*\s*@\w|\*\/$)/.exec(doc);
  return m !== null && m[1]!.replace(/^\s*\*/gm, '').trim() !== '';
}

/** The exports of `entry` among `names` whose declaration has no TSDoc `@example`, with why. */
function missingExamples(entry: string, names: readonly string[]): string[] {
  const missing: string[] = [];
  for (const name of names) {
    const decl = declarationOf(join(ROOT, entry), name);
    if (decl === undefined) missing.push(`${name} (declaration not found from ${entry})`);
    else if (!hasExample(decl.doc)) missing.push(`${name} (${decl.file}: ${decl.doc === '' ? 'no TSDoc comment' : 'TSDoc without @example'})`);
  }
  return missing;
}

/** The lines of a TSDoc comment's `@example`, without the comment's stars. */
export function exampleLines(doc: string): string[] {
  const m = /@example([\s\S]*?)(?=\n\s*\*\s*@\w|\*\/$)/.exec(doc);
  if (m === null) return [];
  return m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).filter((l) => l.trim() !== '');
}

const CHECK = /^(.*?)\s*\/\/ (→|throws) (.*)$/;

/**
 * An example as code that checks itself, or null when it shows no result. It runs up to its last
 * checked line (lines after it are illustration and may use names the example does not define):
 * `expr // → value` compares `expr` with the literal `value` (deep, strict); `code // throws
 * CaseError …` expects an error of that class. A line may start with statements (`a; b // → 1`)
 * or be a declaration (`const x = … // → value` checks `x`).
 */
export function exampleCheck(where: string, lines: readonly string[]): string | null {
  const last = lines.reduce((at, l, i) => (CHECK.test(l) ? i : at), -1);
  if (last < 0) return null;
  const body = lines.slice(0, last + 1).filter((l) => !/^import\s/.test(l)).map((line) => {
    const m = CHECK.exec(line);
    if (m === null) return line;
    let code = m[1]!.replace(/;$/, '');
    const semi = code.lastIndexOf('; ');
    const before = semi < 0 ? '' : code.slice(0, semi + 1);
    if (semi >= 0) code = code.slice(semi + 2);
    const at = JSON.stringify(`${where}: ${line.trim()}`);
    const decl = /^(?:const|let)\s+(\{[^}]*\}|[\w$]+)\s*=/.exec(code);
    if (m[2] === 'throws') return `${before} await __throws(${at}, async () => { ${code}; }, ${JSON.stringify(m[3]!.split(/[\s:]/)[0])});`;
    if (decl) return `${before} ${code}; __check(${at}, ${decl[1]!.startsWith('{') ? `(${decl[1]})` : decl[1]}, () => (${m[3]}));`;
    return `${before} __check(${at}, await (${code}), () => (${m[3]}));`;
  });
  return `// ${where}\nawait (async () => {\ntry {\n${body.join('\n')}\n} catch (e) { __failures.push(${JSON.stringify(where)} + ': threw ' + (e as Error).message); }\n})();\n`;
}

/** The entries' runtime exports and main types, each with the declaration that documents it. */
function documented(): { name: string; decl: Declaration }[] {
  const all = [
    ...Object.keys(core).map((name) => ({ entry: 'src/index.ts', name })),
    ...[...Object.keys(engine), ...ENGINE_TYPES].map((name) => ({ entry: 'src/engine/index.ts', name })),
  ];
  return all.flatMap(({ entry, name }) => {
    const decl = declarationOf(join(ROOT, entry), name);
    return decl === undefined ? [] : [{ name, decl }];
  });
}

describe('TSDoc examples on the public entries', () => {
  it('finds declarations through export lists, renames and export *, and reads their @example', () => {
    expect(declarationOf(join(ROOT, 'src/index.ts'), 'parseDuration')?.file).toBe('src/calendar/duration.ts');
    expect(declarationOf(join(ROOT, 'src/index.ts'), 'isCaseEvent')?.file).toBe('src/compile/types.ts');
    expect(declarationOf(join(ROOT, 'src/engine/index.ts'), 'Engine')?.file).toBe('src/engine/types.ts');
    expect(declarationOf(join(ROOT, 'src/index.ts'), 'noSuchExport')).toBeUndefined();
    expect(hasExample('/**\n * Adds.\n * @example\n * add(1, 2) // → 3\n */')).toBe(true);
    expect(hasExample('/**\n * Adds.\n * @example\n * @param a the first\n */')).toBe(false);
    expect(hasExample('/**\n * Adds.\n */')).toBe(false);
  });

  it('every runtime export of motcua has a TSDoc @example', () => {
    expect(Object.keys(core).length).toBeGreaterThan(100);
    expect(missingExamples('src/index.ts', Object.keys(core))).toEqual([]);
  });

  it('every runtime export of motcua/engine and its main types have a TSDoc @example', () => {
    expect(Object.keys(engine).length).toBeGreaterThan(10);
    expect(missingExamples('src/engine/index.ts', [...Object.keys(engine), ...ENGINE_TYPES])).toEqual([]);
  });

  it('turns an example into checks up to its last checked line', () => {
    const code = exampleCheck('x', exampleLines('/**\n * @example\n * const a = 1; a + 1 // → 2\n * f() // throws CalendarError bad-date\n * later(undefinedName);\n */'));
    expect(code).toContain(`const a = 1; __check("x: const a = 1; a + 1 // → 2", await (a + 1), () => (2));`);
    expect(code).toContain(`await __throws("x: f() // throws CalendarError bad-date", async () => { f(); }, "CalendarError");`);
    expect(code).not.toContain('later(');
    expect(exampleCheck('x', ['procedure(meta).build();'])).toBeNull();
  });

  it('every example line with a `// →` result or a `// throws` gives what it says', async () => {
    const dir = `${ROOT}test-artifacts/tsdoc`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const chunks = documented().map(({ name, decl }) => exampleCheck(`${decl.file} ${name}`, exampleLines(decl.doc))).filter((c) => c !== null);
    // The examples use the catalogue (motcua/procedures) and the SQLite store besides the two entries.
    const modules = [
      '../../src/index.ts',
      '../../src/engine/index.ts',
      '../../src/stores/sqlite.ts',
      ...readdirSync(`${ROOT}procedures`).filter((f) => f.endsWith('.ts')).map((f) => `../../procedures/${f}`),
    ];
    const names = new Set<string>();
    for (const m of modules) for (const n of Object.keys(await import(join(dir, m)))) names.add(n);
    const file = `${dir}/examples.ts`;
    writeFileSync(
      file,
      [
        `import { isDeepStrictEqual, inspect } from 'node:util';`,
        `import { readFileSync } from 'node:fs';`,
        ...modules.map((m, i) => `import * as m${i} from '${m}';`),
        `const { ${[...names].join(', ')} } = { ${modules.map((_, i) => `...m${i}`).join(', ')} } as Record<string, any>;`,
        `type Instant = number & { readonly __brand: 'Instant' }; type CaseSnapshot = any;`,
        `const __failures: string[] = []; let __checks = 0;`,
        `const __check = (at: string, actual: unknown, expected: () => unknown) => { __checks++; const e = expected(); if (!isDeepStrictEqual(actual, e)) __failures.push(\`\${at}: got \${inspect(actual)}, expected \${inspect(e)}\`); };`,
        `const __throws = async (at: string, run: () => Promise<void>, name: string) => { __checks++; try { await run(); __failures.push(\`\${at}: did not throw\`); } catch (e) { if ((e as Error).constructor.name !== name) __failures.push(\`\${at}: threw \${(e as Error).constructor.name}: \${(e as Error).message}\`); } };`,
        ...chunks,
        `console.log(JSON.stringify({ checks: __checks, failures: __failures }));`,
      ].join('\n'),
    );
    // Run from the artifacts folder: an example that writes a file (a SQLite store) writes it there.
    const result = spawnSync(`${ROOT}node_modules/.bin/tsx`, ['--tsconfig', `${ROOT}tsconfig.json`, file], { encoding: 'utf8', cwd: dir });
    // A syntax error points into the generated file, where a comment names the export above its example.
    expect(result.stderr, `running ${relative(ROOT, file)}`).toBe('');
    const { checks, failures } = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { checks: number; failures: string[] };
    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThan(150);
  });
});
