import { LineCounter, parseDocument, stringify, visit, type YAMLError } from 'yaml';
import type { Label } from '../legal.ts';
import { ProcedureError } from '../errors.ts';
import { type Lang, label, labelBy, t } from '../i18n/translate.ts';
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

function syntaxError(file: string, text: string, offset: number, what: string | Label, fix: Label, cause?: unknown): ProcedureError {
  const { line, column } = lineColumn(text, offset);
  return new ProcedureError('syntax', labelBy('error.syntax', (lang) => ({ line, column, what: typeof what === 'string' ? what : what[lang], fix: fix[lang] })), { file, ...(cause === undefined ? {} : { cause }) });
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
    const found = jsonSyntaxError(text) ?? { offset: text.length, what: label('error.syntax.json') };
    return throwing(syntaxError(file, text, found.offset, found.what, label('error.syntax.json.fix'), cause));
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/[.:]\s*$/, '');
}

function throwing(error: ProcedureError): never {
  throw error;
}

const YAML_FIXES: Readonly<Record<string, Label>> = {
  DUPLICATE_KEY: label('error.syntax.yaml.DUPLICATE_KEY'),
  TAB_AS_INDENT: label('error.syntax.yaml.TAB_AS_INDENT'),
  BAD_INDENT: label('error.syntax.yaml.BAD_INDENT', { brace: '{' }),
  MISSING_CHAR: label('error.syntax.yaml.MISSING_CHAR'),
  MULTIPLE_DOCS: label('error.syntax.yaml.MULTIPLE_DOCS'),
  MISSING_ANCHOR: label('error.syntax.yaml.MISSING_ANCHOR'),
};

function readYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  try {
    // logLevel 'error': warnings (keys stringified…) are not printed; 'silent' would also drop MULTIPLE_DOCS.
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    const error: YAMLError | undefined = doc.errors[0];
    if (error !== undefined) {
      const what = error.code === 'MULTIPLE_DOCS' ? label('error.syntax.yaml.docs') : firstLine(error.message);
      throw syntaxError(file, text, error.pos[0], what, YAML_FIXES[error.code] ?? label('error.syntax.yaml.fix'), error);
    }
    let alias: number | undefined;
    visit(doc, {
      Alias(_, node) {
        alias ??= node.range?.[0];
        if (node.resolve(doc) === undefined) {
          throw syntaxError(file, text, node.range?.[0] ?? 0, label('error.syntax.yaml.alias', { alias: node.source }), YAML_FIXES['MISSING_ANCHOR']!);
        }
      },
    });
    try {
      return doc.toJS({ maxAliasCount: 100 });
    } catch (cause) {
      // Alias expansion past maxAliasCount (the "billion laughs").
      throw syntaxError(file, text, alias ?? 0, label('error.syntax.yaml.unreadable', { reason: firstLine(String(cause)) }), label('error.syntax.yaml.aliases'), cause);
    }
  } catch (cause) {
    if (cause instanceof ProcedureError) throw cause;
    throw syntaxError(file, text, 0, label('error.syntax.yaml.unreadable', { reason: firstLine(String(cause)) }), label('error.syntax.yaml.fix-all'), cause);
  }
}

/**
 * Where and why `JSON.parse` refused the text; V8's messages do not always give the position. A
 * loop over an explicit stack rather than recursion, so deep nesting cannot overflow.
 */
function jsonSyntaxError(text: string): { offset: number; what: Label } | undefined {
  type Found = { offset: number; what: Label };
  let i = 0;
  const stack: string[] = [];
  const fail = (what: (lang: Lang) => string): Found => {
    const at = i;
    return { offset: at, what: labelBy('json.found', (lang) => ({ what: what(lang), found: at >= text.length ? t(lang, 'json.end') : JSON.stringify(text[at]) })) };
  };
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
      if (c === undefined) return { offset: i, what: label('json.unclosed') };
      if (c === '"') break;
      if (c < ' ') return { offset: i, what: label('json.control') };
      if (c !== '\\') i++;
      else if ('"\\/bfnrt'.includes(text[i + 1] ?? 'x')) i += 2;
      else if (/^u[0-9a-fA-F]{4}/.test(text.slice(i + 1, i + 6))) i += 6;
      else return { offset: i, what: label('json.escape') };
    }
    i++;
    return undefined;
  };
  const key = (): Found | undefined => {
    ws();
    if (text[i] !== '"') return fail((lang) => t(lang, 'json.key'));
    const bad = string();
    if (bad !== undefined) return bad;
    ws();
    if (text[i] !== ':') return fail((lang) => t(lang, 'json.colon'));
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
        return token(/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y) ? undefined : fail((lang) => t(lang, 'json.value'));
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
    if (close === undefined) return i < text.length ? fail((lang) => t(lang, 'json.after')) : undefined;
    if (text[i] === close) {
      stack.pop();
      i++;
    } else if (text[i] === ',') {
      i++;
      ws();
      if (text[i] === close) return fail((lang) => t(lang, 'json.trailing-comma'));
      bad = close === '}' ? (key() ?? value()) : value();
    } else {
      bad = fail((lang) => t(lang, 'json.comma-or', { close }));
    }
  }
  return bad;
}
