import { readFileSync } from 'node:fs';
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
 * not empty.
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
});
