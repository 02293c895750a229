import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { z } from 'zod';
import { ScenarioError } from '../../errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { labelBy } from '../../i18n/translate.ts';
import type { Label } from '../../legal.ts';
import { type Said, fromIssue as saidIn, inIssue, labelOf, said, sayIn } from './said.ts';
import { type ScenarioFile, scenarioSchema } from './schema.ts';
import { valueAt } from '../../own.ts';

type Path = readonly (string | number)[];

/**
 * Builds a `ScenarioError` naming the scenario file, keeping the cause. The message is a catalogue
 * message (`said(…)` or `label(…)`), so the error carries it in both languages; a plain string is
 * English only.
 */
export function scenarioError(code: string, message: string | Label | Said, file: string, path: Path = [], cause?: unknown): ScenarioError {
  const text = typeof message === 'string' || ('vi' in message && 'en' in message) ? message : labelOf(message);
  return new ScenarioError(code, text, { file, path, ...(cause === undefined ? {} : { cause }) });
}

/** YAML errors with a fix of their own; others are told to fix the YAML there. */
const YAML_FIXES: ReadonlySet<string> = new Set(['DUPLICATE_KEY', 'TAB_AS_INDENT', 'BAD_INDENT', 'MISSING_CHAR', 'MULTIPLE_DOCS']);

/**
 * The data of a scenario's YAML text.
 *
 * @throws ScenarioError `syntax` whose message starts with the line and column, e.g.
 * `line 4, column 3: …` (`dòng 4, cột 3: …`)
 */
export function readScenarioYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const error: YAMLError | undefined = doc.errors[0];
  if (error !== undefined) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    // The YAML library says what it found in English; Vietnamese says that the YAML is wrong there, and the fix.
    const found = error.message.split('\n')[0]!.replace(/[.:]\s*$/, '');
    const fix = (YAML_FIXES.has(error.code) ? `scenario.yaml.fix.${error.code}` : 'scenario.yaml.fix.other') as MessageKey;
    const message = labelBy('scenario.yaml.at', (lang) => ({
      line,
      col,
      what: error.code === 'MULTIPLE_DOCS' ? sayIn(said('scenario.yaml.what.multiple-docs'), lang) : lang === 'en' ? found : sayIn(said('scenario.yaml.what.other'), lang),
      fix: sayIn({ key: fix }, lang),
    }));
    throw scenarioError('syntax', message, file, [], error);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw scenarioError('syntax', said('scenario.yaml.aliases', { why: String(cause).split('\n')[0]! }), file, [], cause);
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
  throw fromZodIssue(result.error.issues[0]!, [], data, file);
}

/** How a value looks in a message: a scalar as YAML would show it, containers by kind. */
function show(value: unknown): string | Said {
  if (value === null) return 'null';
  if (Array.isArray(value)) return said('scenario.found.list');
  if (typeof value === 'object') return said('scenario.found.mapping');
  const s = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** The form a schema describes (`.describe(inIssue(said(…)))`, or a literal form such as `{ mean, sd }`). */
function described(schema: unknown): string | Said | undefined {
  const description = schema === undefined ? undefined : z.globalRegistry.get(schema as z.core.$ZodType)?.description;
  return saidIn(description) ?? description;
}

const TYPES: Readonly<Record<string, MessageKey>> = {
  number: 'scenario.type.number',
  string: 'scenario.type.string',
  boolean: 'scenario.type.boolean',
  object: 'scenario.type.object',
  array: 'scenario.type.array',
  int: 'scenario.type.int',
};

/** A type zod expected, in words. */
function typeWords(expected: string): string | Said {
  const key = TYPES[expected];
  return key === undefined ? expected : { key };
}

/**
 * The messages of the schema's own issues, for those whose schema gives none, as catalogue
 * messages: a missing key is marked `scenario.zod.missing` and finished in {@link fromZodIssue},
 * which knows the path.
 */
function messageOf(issue: z.core.$ZodRawIssue): string {
  const say = (s: Said) => inIssue(s);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const def = (issue.inst as z.core.$ZodTypes | undefined)?._zod.def;
      const allowed = def?.type === 'object' ? Object.keys(def.shape).join(', ') : undefined;
      const key = issue.keys[0] ?? '';
      return say(allowed === undefined ? said('scenario.zod.unknown-key.bare', { key }) : said('scenario.zod.unknown-key', { key, allowed }));
    }
    case 'invalid_type': {
      const what = described(issue.inst) ?? typeWords(issue.expected);
      return say(issue.input === undefined ? said('scenario.zod.missing', { key: '', what }) : said('scenario.zod.expected', { what, found: show(issue.input) }));
    }
    case 'invalid_value':
      return say(said('scenario.zod.one-of', { values: issue.values.map((v) => JSON.stringify(v)).join(', '), found: show(issue.input) }));
    case 'invalid_union':
      return say(said('scenario.zod.expected', { what: described(issue.inst) ?? said('scenario.zod.another-form'), found: show(issue.input) }));
    case 'too_small':
      return say(said('scenario.zod.too-small', { found: show(issue.input), min: String(issue.minimum) }));
    case 'too_big':
      return say(said('scenario.zod.too-big', { found: show(issue.input), max: String(issue.maximum) }));
    default:
      return say(said('scenario.zod.invalid', { found: show(issue.input), what: described(issue.inst) ?? said('scenario.zod.a-value') }));
  }
}

/** The option errors of a union that fit the value's kind, if one option does. */
function closestOption(errors: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  return errors.find((option) => !option.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')));
}

/** The catalogue message an issue carries; zod's own English when it carries none. */
function messageIn(issue: z.core.$ZodIssue | undefined): string | Said {
  return saidIn(issue?.message) ?? issue?.message ?? '';
}

function fromZodIssue(issue: z.core.$ZodIssue, prefix: Path, data: unknown, file: string): ScenarioError {
  const path: Path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  switch (issue.code) {
    case 'unrecognized_keys':
      return scenarioError('invalid', messageIn(issue), file, [...path, issue.keys[0] ?? '']);
    case 'invalid_union': {
      const option = closestOption(issue.errors);
      if (option !== undefined && option[0] !== undefined) return fromZodIssue(option[0], path, data, file);
      return scenarioError('invalid', messageIn(issue), file, path);
    }
    case 'invalid_key':
      return scenarioError('invalid', messageIn(issue.issues[0] ?? issue), file, path);
    case 'custom':
      return scenarioError(typeof issue.params?.['code'] === 'string' ? issue.params['code'] : 'invalid', messageIn(issue), file, path);
    case 'invalid_type': {
      const message = messageIn(issue);
      if (typeof message === 'object' && 'key' in message && message.key === 'scenario.zod.missing') {
        const what = message.params?.['what'] ?? said('scenario.zod.a-value');
        const key = path[path.length - 1];
        if (key === undefined || valueAt(data, path.slice(0, -1)) === undefined) return scenarioError('invalid', said('scenario.zod.empty-file', { what }), file, path);
        return scenarioError('invalid', said('scenario.zod.missing', { key: String(key), what }), file, path);
      }
      return scenarioError('invalid', message, file, path);
    }
    default:
      return scenarioError('invalid', messageIn(issue), file, path);
  }
}
