import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The pure core (DESIGN.md, "Time is an input"): no clock, no randomness, no file, no terminal, no
 * native module. Every module reachable from these folders by relative imports is held to it.
 */
const PURE_FOLDERS = ['src/calendar', 'src/dsl', 'src/compile', 'src/analysis', 'src/export', 'src/indicators', 'src/mining', 'src/sim', 'src/forms'];
/** The entry files that must load in a browser bundle. */
const PURE_ENTRIES = ['src/index.ts', 'src/sim/index.ts'];

const FORBIDDEN_PACKAGES = new Set(['better-sqlite3', 'ink', 'react', 'tsx', 'pg', ...builtinModules]);

const FORBIDDEN_CALLS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /\bDate\.now\s*\(/, what: 'reads the wall clock (Date.now)' },
  { pattern: /\bnew Date\s*\(\s*\)/, what: 'reads the wall clock (new Date() without an argument)' },
  { pattern: /\bperformance\.now\s*\(/, what: 'reads the clock (performance.now)' },
  { pattern: /\bMath\.random\s*\(/, what: 'draws unseeded randomness (Math.random)' },
  { pattern: /\bprocess\.(env|argv|stdout|stderr|stdin|exit|cwd)\b/, what: 'touches the process' },
];

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly what: string;
}

/** Blanks out comments, keeping line numbers, so that prose about `Date.now` is not code. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\s)import\s*['"]([^'"]+)['"]/g;

/** The violations in one module's source, and the relative modules it imports. */
export function scan(file: string, source: string): { violations: Violation[]; imports: string[] } {
  const code = stripComments(source);
  const violations: Violation[] = [];
  const imports: string[] = [];
  const lineOf = (index: number) => code.slice(0, index).split('\n').length;
  for (const m of code.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (spec.startsWith('.')) {
      imports.push(spec);
      continue;
    }
    const pkg = spec.startsWith('node:') ? spec : spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
    if (spec.startsWith('node:') || FORBIDDEN_PACKAGES.has(pkg)) violations.push({ file, line: lineOf(m.index + m[0].search(/\S/)), what: `imports "${spec}"` });
  }
  code.split('\n').forEach((text, i) => {
    for (const { pattern, what } of FORBIDDEN_CALLS) if (pattern.test(text)) violations.push({ file, line: i + 1, what });
  });
  return { violations, imports };
}

function filesUnder(folder: string): string[] {
  const full = join(ROOT, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const path = join(full, name);
    if (statSync(path).isDirectory()) return filesUnder(relative(ROOT, path));
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Walks every module reachable from the pure folders and entries; JSON data files are pure by nature. */
function walk(): { checked: string[]; violations: Violation[] } {
  const queue = [...PURE_FOLDERS.flatMap(filesUnder), ...PURE_ENTRIES.map((f) => join(ROOT, f))];
  const seen = new Set<string>();
  const violations: Violation[] = [];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || file.endsWith('.json')) continue;
    seen.add(file);
    const shown = relative(ROOT, file);
    const result = scan(shown, readFileSync(file, 'utf8'));
    violations.push(...result.violations);
    for (const spec of result.imports) queue.push(resolve(dirname(file), spec));
  }
  return { checked: [...seen], violations };
}

describe('the pure core stays pure', () => {
  it('no module reachable from the core folders imports node:*, a native module or a terminal, or reads the clock or Math.random', () => {
    const { checked, violations } = walk();
    expect(checked.length).toBeGreaterThan(50);
    expect(checked).toContain(join(ROOT, 'src/index.ts'));
    expect(checked).toContain(join(ROOT, 'src/calendar/lunar.ts'));
    expect(violations.map((v) => `${v.file}:${v.line}: ${v.what}`)).toEqual([]);
  });

  it('the scanner names the file and line of each kind of violation', () => {
    const source = [
      "import { readFile } from 'node:fs/promises';",
      "import Database from 'better-sqlite3';",
      '// Date.now() in a comment is prose, not code',
      'const t = Date.now();',
      'const d = new Date();',
      'const ok = new Date(0);',
      'const r = Math.random();',
      "const ink = await import('ink');",
      "import { x } from './sibling.ts';",
    ].join('\n');
    const { violations, imports } = scan('src/calendar/bad.ts', source);
    expect(violations).toEqual([
      { file: 'src/calendar/bad.ts', line: 1, what: 'imports "node:fs/promises"' },
      { file: 'src/calendar/bad.ts', line: 2, what: 'imports "better-sqlite3"' },
      { file: 'src/calendar/bad.ts', line: 8, what: 'imports "ink"' },
      { file: 'src/calendar/bad.ts', line: 4, what: 'reads the wall clock (Date.now)' },
      { file: 'src/calendar/bad.ts', line: 5, what: 'reads the wall clock (new Date() without an argument)' },
      { file: 'src/calendar/bad.ts', line: 7, what: 'draws unseeded randomness (Math.random)' },
    ]);
    expect(imports).toEqual(['./sibling.ts']);
  });
});
