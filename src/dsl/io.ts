import { LineCounter, parseDocument, stringify, visit, type YAMLError } from 'yaml';
import { ProcedureError } from '../errors.ts';
import { procedureSchema } from './schema.ts';
import type { ProcedureSpec } from './spec.ts';
import { validateProcedure } from './validate.ts';

/** The two text forms of a procedure. */
export type ProcedureFormat = 'json' | 'yaml';

/**
 * Reads a procedure from the text of `file`: JSON for `.json`, YAML for `.yaml`/`.yml`, else JSON
 * when it parses as JSON, YAML otherwise. A top-level `"$schema"` (for editors) is ignored.
 *
 * @throws ProcedureError `syntax` naming the file, line and column of a syntax error, or any code of
 * {@link validateProcedure}; never another exception
 * @example
 * const spec = readProcedure(await readFile('procedures/birth.yaml', 'utf8'), 'procedures/birth.yaml');
 */
export function readProcedure(text: string, file: string): ProcedureSpec {
  const format = formatOf(file);
  let data: unknown;
  if (format !== undefined) {
    data = format === 'json' ? readJson(text, file) : readYaml(text, file);
  } else {
    try {
      data = readJson(text, file);
    } catch (jsonError) {
      // Text that starts like JSON was meant as JSON: its error is the useful one.
      if (/^\s*[[{"]/.test(text)) throw jsonError;
      data = readYaml(text, file);
    }
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && typeof (data as { $schema?: unknown }).$schema === 'string') {
    const { $schema: _, ...rest } = data as Record<string, unknown>;
    data = rest;
  }
  return validateProcedure(data, { file });
}

/**
 * Writes a procedure as JSON (two-space indent) or YAML, keys in the order of `ProcedureSpec`,
 * every default written out, with a final newline. `readProcedure(writeProcedure(spec, f), file)`
 * deep-equals `spec`.
 *
 * @example
 * await writeFile('procedures/birth.yaml', writeProcedure(spec, 'yaml'));
 */
export function writeProcedure(spec: ProcedureSpec, format: ProcedureFormat): string {
  // Parsing rebuilds every object with its keys in schema order, whatever order the spec was built in.
  const parsed = procedureSchema.safeParse(spec);
  const ordered: unknown = parsed.success ? parsed.data : spec;
  // compat 1.1: quote what a YAML 1.1 reader would take for a date, a boolean or a number (2025-07-01, yes, 15:00).
  return format === 'json' ? `${JSON.stringify(ordered, null, 2)}\n` : stringify(ordered, { lineWidth: 0, compat: 'yaml-1.1' });
}

function formatOf(file: string): ProcedureFormat | undefined {
  const name = file.toLowerCase();
  return name.endsWith('.json') ? 'json' : name.endsWith('.yaml') || name.endsWith('.yml') ? 'yaml' : undefined;
}

function syntaxError(file: string, text: string, offset: number, what: string, fix: string, cause?: unknown): ProcedureError {
  const { line, column } = lineColumn(text, offset);
  return new ProcedureError('syntax', `line ${line}, column ${column}: ${what}. ${fix}`, { file, ...(cause === undefined ? {} : { cause }) });
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

function readJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const found = jsonSyntaxError(text) ?? { offset: text.length, what: 'this is not valid JSON' };
    return throwing(syntaxError(file, text, found.offset, found.what, 'Fix the JSON there: strings and keys in double quotes, a comma between items, none after the last.', cause));
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/[.:]\s*$/, '');
}

function throwing(error: ProcedureError): never {
  throw error;
}

const YAML_FIXES: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'Each key may appear once in a mapping: remove or rename the repeated one.',
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  BAD_INDENT: 'Indent the keys of one mapping by the same number of spaces, and close every [ and {.',
  MISSING_CHAR: 'Close the quote or bracket that is open here.',
  MULTIPLE_DOCS: 'Keep one procedure per file: remove the second "---" document.',
  MISSING_ANCHOR: 'Define the anchor (&name) before using the alias (*name), or write the value out.',
};

function readYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  try {
    // logLevel 'error': warnings (keys stringified…) are not printed; 'silent' would also drop MULTIPLE_DOCS.
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    const error: YAMLError | undefined = doc.errors[0];
    if (error !== undefined) {
      const what = error.code === 'MULTIPLE_DOCS' ? 'the file holds more than one YAML document' : firstLine(error.message);
      throw syntaxError(file, text, error.pos[0], what, YAML_FIXES[error.code] ?? 'Fix the YAML there.', error);
    }
    let alias: number | undefined;
    visit(doc, {
      Alias(_, node) {
        alias ??= node.range?.[0];
        if (node.resolve(doc) === undefined) {
          throw syntaxError(file, text, node.range?.[0] ?? 0, `the alias *${node.source} has no anchor`, YAML_FIXES['MISSING_ANCHOR']!);
        }
      },
    });
    try {
      return doc.toJS({ maxAliasCount: 100 });
    } catch (cause) {
      // Alias expansion past maxAliasCount (the "billion laughs").
      throw syntaxError(file, text, alias ?? 0, `this YAML cannot be read: ${firstLine(String(cause))}`, 'Write the values out instead of repeating aliases.', cause);
    }
  } catch (cause) {
    if (cause instanceof ProcedureError) throw cause;
    throw syntaxError(file, text, 0, `this YAML cannot be read: ${firstLine(String(cause))}`, 'Fix the YAML.', cause);
  }
}

/**
 * Where and why `JSON.parse` refused the text; V8's messages do not always give the position. A
 * loop over an explicit stack rather than recursion, so deep nesting cannot overflow.
 */
function jsonSyntaxError(text: string): { offset: number; what: string } | undefined {
  type Found = { offset: number; what: string };
  let i = 0;
  const stack: string[] = [];
  const fail = (what: string): Found => ({ offset: i, what: `${what}, found ${i >= text.length ? 'the end of the text' : JSON.stringify(text[i])}` });
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const token = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  const string = (): Found | undefined => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) return { offset: i, what: 'a string is not closed: end it with "' };
      if (c === '"') break;
      if (c < ' ') return { offset: i, what: 'a line break or control character inside a string: close the string before it, or write \\n' };
      if (c !== '\\') i++;
      else if ('"\\/bfnrt'.includes(text[i + 1] ?? 'x')) i += 2;
      else if (/^u[0-9a-fA-F]{4}/.test(text.slice(i + 1, i + 6))) i += 6;
      else return { offset: i, what: 'a backslash in a string starts no valid escape: write \\\\ for a backslash' };
    }
    i++;
    return undefined;
  };
  const key = (): Found | undefined => {
    ws();
    if (text[i] !== '"') return fail('expected a key in double quotes');
    const bad = string();
    if (bad !== undefined) return bad;
    ws();
    if (text[i] !== ':') return fail('expected ":" after the key');
    i++;
    return undefined;
  };
  /** One value; a container is opened and pushed, its first key read, and the loop goes on inside it. */
  const value = (): Found | undefined => {
    for (;;) {
      ws();
      const c = text[i];
      if (c === '"') return string();
      if (c !== '{' && c !== '[') {
        return token(/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y) ? undefined : fail('expected a value (an object, a list, a string in double quotes, a number, true, false or null)');
      }
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return undefined;
      }
      stack.push(close);
      if (c === '{') {
        const bad = key();
        if (bad !== undefined) return bad;
      }
    }
  };

  let bad = value();
  while (bad === undefined) {
    ws();
    const close = stack[stack.length - 1];
    if (close === undefined) return i < text.length ? fail('expected the end of the text after the value') : undefined;
    if (text[i] === close) {
      stack.pop();
      i++;
    } else if (text[i] === ',') {
      i++;
      ws();
      if (text[i] === close) return fail('a comma after the last item is not JSON');
      bad = close === '}' ? (key() ?? value()) : value();
    } else {
      bad = fail(`expected "," or "${close}"`);
    }
  }
  return bad;
}
