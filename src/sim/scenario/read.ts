import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { z } from 'zod';
import { ScenarioError } from '../../errors.ts';
import { type ScenarioFile, scenarioSchema } from './schema.ts';

type Path = readonly (string | number)[];

/** Builds a `ScenarioError` naming the scenario file, keeping the cause. */
export function scenarioError(code: string, message: string, file: string, path: Path = [], cause?: unknown): ScenarioError {
  return new ScenarioError(code, message, { file, path, ...(cause === undefined ? {} : { cause }) });
}

const YAML_FIXES: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'Each key may appear once in a mapping: remove or rename the repeated one.',
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  BAD_INDENT: 'Indent the keys of one mapping by the same number of spaces, and close every [ and {.',
  MISSING_CHAR: 'Close the quote or bracket that is open here.',
  MULTIPLE_DOCS: 'Keep one scenario per file: remove the second "---" document.',
};

/**
 * The data of a scenario's YAML text.
 *
 * @throws ScenarioError `syntax` whose message starts with the line and column, e.g.
 * `line 4, column 3: …`
 */
export function readScenarioYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const at = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `line ${line}, column ${col}`;
  };
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const error: YAMLError | undefined = doc.errors[0];
  if (error !== undefined) {
    const what = error.code === 'MULTIPLE_DOCS' ? 'the file holds more than one YAML document' : error.message.split('\n')[0]!.replace(/[.:]\s*$/, '');
    throw scenarioError('syntax', `${at(error.pos[0])}: ${what}. ${YAML_FIXES[error.code] ?? 'Fix the YAML there.'}`, file, [], error);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw scenarioError('syntax', `this YAML cannot be read: ${String(cause).split('\n')[0]}. Write the values out instead of repeating aliases.`, file, [], cause);
  }
}

/**
 * Checks the shape of a scenario and fills in its defaults.
 *
 * @throws ScenarioError for the first problem, with its path inside the YAML
 */
export function parseScenarioStructure(data: unknown, file: string): ScenarioFile {
  const result = scenarioSchema.safeParse(data, { error: messageOf });
  if (result.success) return result.data;
  throw fromIssue(result.error.issues[0]!, [], data, file);
}

/** How a value looks in a message: a scalar as YAML would show it, containers by kind. */
function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const s = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

function described(schema: unknown): string | undefined {
  return schema === undefined ? undefined : z.globalRegistry.get(schema as z.core.$ZodType)?.description;
}

/** The messages of the schema's own issues, for those whose schema gives none. */
function messageOf(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const def = (issue.inst as z.core.$ZodTypes | undefined)?._zod.def;
      const allowed = def?.type === 'object' ? Object.keys(def.shape).join(', ') : undefined;
      return `unknown key "${issue.keys[0]}". ${allowed === undefined ? '' : `Allowed here: ${allowed}. `}Remove it or fix its name.`;
    }
    case 'invalid_type': {
      const what = described(issue.inst) ?? `a ${issue.expected}`;
      return issue.input === undefined ? `missing:${what}` : `expected ${what}, found ${show(issue.input)}.`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${show(issue.input)}.`;
    case 'invalid_union':
      return `expected ${described(issue.inst) ?? 'another form'}, found ${show(issue.input)}.`;
    default:
      return undefined;
  }
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

/** The option errors of a union that fit the value's kind, if one option does. */
function closestOption(errors: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  return errors.find((option) => !option.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')));
}

function fromIssue(issue: z.core.$ZodIssue, prefix: Path, data: unknown, file: string): ScenarioError {
  const path: Path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  switch (issue.code) {
    case 'unrecognized_keys':
      return scenarioError('invalid', issue.message, file, [...path, issue.keys[0] ?? '']);
    case 'invalid_union': {
      const option = closestOption(issue.errors);
      if (option !== undefined && option[0] !== undefined) return fromIssue(option[0], path, data, file);
      return scenarioError('invalid', issue.message, file, path);
    }
    case 'invalid_key': {
      const inner = issue.issues[0];
      return scenarioError('invalid', inner?.message ?? issue.message, file, path);
    }
    case 'custom':
      return scenarioError(typeof issue.params?.['code'] === 'string' ? issue.params['code'] : 'invalid', issue.message, file, path);
    case 'invalid_type':
      if (issue.message.startsWith('missing:')) {
        const what = issue.message.slice('missing:'.length);
        const key = path[path.length - 1];
        if (key === undefined || valueAt(data, path.slice(0, -1)) === undefined) {
          return scenarioError('invalid', `the file is empty. Write ${what}.`, file, path);
        }
        return scenarioError('invalid', `"${key}" is missing. Add ${key}: ${what}.`, file, path);
      }
      return scenarioError('invalid', issue.message, file, path);
    default:
      return scenarioError('invalid', issue.message, file, path);
  }
}
