import fc from 'fast-check';
import { expect } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { CASE_EVENT_TYPES, RATINGS } from '../../src/compile/types.ts';
import { MotcuaError } from '../../src/errors.ts';
import type { Mutation } from './mutate.ts';

/**
 * What the fuzz suites of issue 19 (`test/hardening/fuzz-*.test.ts`) share: the run counts, the
 * check that an error is one of the project's, and the hostile and extreme values they feed in.
 * `FUZZ_RUNS=<n>` multiplies every run count (the defaults give ≥ 10,000 cases per surface; the
 * counts and timings are in docs/RELIABILITY.md).
 */
export const FUZZ_SCALE = Number(process.env['FUZZ_RUNS'] ?? 1);
export const runs = (n: number): number => Math.max(1, Math.round(n * FUZZ_SCALE));
/** A hang guard, not a timing assertion: a property that runs past it has hung. */
export const FUZZ_TIMEOUT = 900_000;

/**
 * Asserts that `error` is one of the project's errors: a code, a one-line message that says
 * something, and (when `file` is given) a description that starts with the file it is about.
 */
export function expectTyped(error: unknown, file?: string, input?: string): asserts error is MotcuaError {
  if (!(error instanceof MotcuaError)) throw new Error(`untyped error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
  expect(error.code).toMatch(/^[a-z0-9-]+$/);
  expect(error.describe()).not.toContain('\n');
  // NaN the message computed (not one it quotes from the input: a quoted "NaN", zod's "received
  // NaN", an input text holding NaN anywhere), or an object printed as such.
  const quoted = error.message.replace(/"[^"]*"|'[^']*'/g, '""').replace(/(?:received|found) NaN/g, '');
  expect(quoted).not.toMatch(/\[object Object\]/);
  if (input === undefined || !/nan/i.test(input)) expect(quoted).not.toMatch(/\bNaN\b/);
  expect(error.message.length).toBeGreaterThan(10);
  if (file !== undefined) expect(error.describe().startsWith(`${file}`)).toBe(true);
}

/** Runs `f`; a thrown error must pass {@link expectTyped}. */
export function typed<T>(f: () => T, file?: string, input?: string): T | MotcuaError {
  try {
    return f();
  } catch (error) {
    expectTyped(error, file, input);
    return error;
  }
}

export async function typedAsync<T>(f: () => Promise<T>, file?: string, input?: string): Promise<T | MotcuaError> {
  try {
    return await f();
  } catch (error) {
    expectTyped(error, file, input);
    return error;
  }
}

/** Strings an attacker or a careless user types. */
export const hostile = fc.constantFrom(
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '=HYPERLINK("http://x"&A1)', '"; DROP TABLE cases; --',
  '<script>alert(1)</script>', 'a\nb', '\r\n', '../../../../etc/passwd', '\u0000', '\u001b[2J', '\ud800', 'desk', 'justice', 'police', 'applicant', 'system',
  '2099-12-31T10:00', '0050-06-15', '2025-03-03T09:00+99:99', '1e30wd', '100000wd', '-1wd', 'Infinity', 'NaN', '9'.repeat(400), 'x'.repeat(5000),
);
export const extremeNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, -1, 1e30, -1e30, 1.8e308, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 8.64e15, 8.64e15 + 1, 4_102_444_800_000, 0.5, 1e-300),
);
export const plausible = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  hostile,
  extremeNumber,
  fc.constantFrom<unknown>(true, false, null, [], {}, '3wd', '0wd', '10000wd', '10001wd', '0.5wd', '15:00', '24:00', '2025-02-29', '2024-02-29'),
);
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: plausible }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 6 }), hostile), value: plausible }),
);

/** Line edits of a text file (YAML, CSV): a value replaced, a line deleted, doubled, inserted or re-indented. */
export type LineEdit = readonly [kind: 'value' | 'delete' | 'double' | 'insert' | 'indent', at: number, text: string];
export const lineEdit = (values: fc.Arbitrary<string>): fc.Arbitrary<LineEdit> =>
  fc.tuple(fc.constantFrom('value' as const, 'value' as const, 'value' as const, 'delete' as const, 'double' as const, 'insert' as const, 'indent' as const), fc.nat(), values);

/** `text` with the edits applied, line by line. */
export function editLines(text: string, edits: readonly LineEdit[]): string {
  const lines = text.split('\n');
  for (const [kind, at, value] of edits) {
    const i = at % lines.length;
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (kind === 'value') lines[i] = colon < 0 ? value : `${line.slice(0, colon + 1)} ${value}`;
    else if (kind === 'delete') lines.splice(i, 1);
    else if (kind === 'double') lines.splice(i, 0, line);
    else if (kind === 'insert') lines.splice(i, 0, value);
    else lines[i] = ` ${line}`;
    if (lines.length === 0) lines.push('');
  }
  return lines.join('\n');
}

export const RECEIVED = parseInstant('2025-03-03T09:00');

/** Generated events: every type, hostile actors, steps and payloads, instants from the plausible to the absurd. */
export const actor = fc.oneof(
  fc.constantFrom({ kind: 'agency', agency: 'desk' }, { kind: 'agency', agency: 'justice' }, { kind: 'agency', agency: 'police' }, { kind: 'applicant' }, { kind: 'system' }),
  fc.record({ kind: fc.constant('agency'), agency: hostile }),
  fc.record({ kind: fc.constant('agency'), agency: fc.constantFrom('commune', 'land', 'tax', 'fire', 'desk'), role: hostile }),
  plausible,
);
export const instant = fc.oneof(
  fc.integer({ min: 0, max: 30 * 24 * 60 }).map((minutes) => RECEIVED + minutes * 60_000),
  extremeNumber,
);
export const event = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...CASE_EVENT_TYPES), hostile),
    at: instant,
    by: actor,
    step: fc.oneof(fc.constantFrom('register', 'residence', 'survey', 'verify', 'sign', 'draft', 'tax-notice'), hostile),
    missing: fc.array(fc.oneof(fc.string({ maxLength: 5 }), hostile), { maxLength: 2 }),
    reasons: fc.array(fc.oneof(fc.string({ maxLength: 5 }), hostile), { maxLength: 2 }),
    consult: fc.oneof(fc.constant('opinions'), hostile),
    agree: fc.oneof(fc.boolean(), plausible),
    interval: fc.oneof(fc.constant('pay'), hostile),
    newDue: instant,
    reason: fc.string({ maxLength: 5 }),
    rating: fc.oneof(fc.constantFrom(...RATINGS), hostile),
    timer: fc.oneof(fc.constantFrom('overdue', 'apology-due', 'opinions:fire'), hostile),
    note: fc.oneof(fc.string({ maxLength: 5 }), hostile),
  },
  { requiredKeys: ['type', 'at', 'by'] },
);
export const openRequest = (procedure: string) =>
  fc.record(
    {
      procedure: fc.oneof(fc.constant(procedure), hostile),
      channel: fc.oneof(fc.constantFrom('in-person', 'online', 'postal'), hostile),
      receivedAt: instant,
      by: actor,
      dossier: fc.oneof(fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), hostile), plausible, { maxKeys: 3 }), plausible),
      code: fc.oneof(fc.string({ maxLength: 8 }), hostile),
      accept: fc.oneof(fc.boolean(), plausible),
      idempotencyKey: fc.oneof(fc.string({ maxLength: 8 }), hostile),
    },
    { requiredKeys: [] },
  );

/**
 * The paths of every number in `value` that is not finite (NaN, ±Infinity). Walks the values
 * themselves rather than their JSON, where NaN becomes null and a scenario named "NaN" would look
 * like one.
 */
export function nonFinite(value: unknown, path = '$', seen = new Set<unknown>()): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  if (value instanceof Map) return [...value.entries()].flatMap(([k, v]) => nonFinite(v, `${path}.get(${String(k)})`, seen));
  if (value instanceof Set) return [...value].flatMap((v, i) => nonFinite(v, `${path}[set ${i}]`, seen));
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>).flatMap((v, i) => nonFinite(v, `${path}[${i}]`, seen));
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`, seen));
}
