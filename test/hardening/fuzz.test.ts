import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../procedures/index.ts';
import { type Instant, parseInstant } from '../../src/calendar/instant.ts';
import { applyEvent, startCase } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { CASE_EVENT_TYPES, RATINGS } from '../../src/compile/types.ts';
import { readProcedure, writeProcedure } from '../../src/dsl/io.ts';
import { checkEvent, checkOpenRequest } from '../../src/engine/check-event.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { MotcuaError } from '../../src/errors.ts';
import { parseScenario } from '../../src/sim/scenario.ts';
import { runCli } from '../support/cli.ts';
import { type Mutation, mutate } from '../support/mutate.ts';
import { checkProperty } from '../support/property.ts';
import { kitchenSinkSpec, tinySpec } from '../support/specs.ts';

/**
 * The fuzz suite of issue 19: every surface that reads input, fed mutated and generated input.
 * Properties: nothing escapes but the project's error classes; every message is one line with no
 * NaN; valid input gives an answer without NaN. `FUZZ_RUNS=<n>` multiplies every run count (the
 * defaults keep `npm test` within about a minute on 2 shared cores); the counts are in
 * docs/RELIABILITY.md.
 */
const SCALE = Number(process.env['FUZZ_RUNS'] ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const TIMEOUT = 600_000;

/** Runs `f`; a thrown error must be one of the project's, with a code and a one-line message. */
function typed<T>(f: () => T): T | MotcuaError {
  try {
    return f();
  } catch (error) {
    expectTyped(error);
    return error as MotcuaError;
  }
}

async function typedAsync<T>(f: () => Promise<T>): Promise<T | MotcuaError> {
  try {
    return await f();
  } catch (error) {
    expectTyped(error);
    return error as MotcuaError;
  }
}

function expectTyped(error: unknown): void {
  if (!(error instanceof MotcuaError)) throw new Error(`untyped error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
  expect(error.code).toMatch(/^[a-z0-9-]+$/);
  expect(error.describe()).not.toContain('\n');
  expect(error.message.length).toBeGreaterThan(10);
}

/** Strings an attacker or a careless user types. */
const hostile = fc.constantFrom(
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', '=HYPERLINK("http://x"&A1)', '"; DROP TABLE cases; --',
  '<script>alert(1)</script>', 'a\nb', '../../../../etc/passwd', '\u0000', 'desk', 'justice', 'police', 'applicant', 'system',
  '2099-12-31T10:00', '0050-06-15', '2025-03-03T09:00+99:99', '1e30wd', '100000wd', '-1wd', 'Infinity', '9'.repeat(400),
);
const extremeNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, 1e30, -1e30, 1.8e308, Number.MAX_SAFE_INTEGER, 8.64e15, 8.64e15 + 1, 4_102_444_800_000, 0.5));
const plausible = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostile, extremeNumber, fc.constantFrom<unknown>(true, false, null, [], {}, '3wd', '0wd', '10000wd', '10001wd', '15:00'));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: plausible }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 6 }), hostile), value: plausible }),
);

const RECEIVED = parseInstant('2025-03-03T09:00');

describe('fuzz: procedure files mutated from the catalogue', () => {
  const texts = CATALOGUE.map((p) => writeProcedure(p, 'json'));
  it('read as a valid procedure that compiles and accepts a dossier, or refused with a ProcedureError; never anything else', () => {
    checkProperty(
      'procedure files',
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const root = mutations.reduce<unknown>((r, m) => mutate(r, m), JSON.parse(texts[which % texts.length]!));
        const spec = typed(() => readProcedure(JSON.stringify(root), 'mutated.json'));
        if (spec instanceof MotcuaError) {
          expect(spec.name).toBe('ProcedureError');
          return;
        }
        typed(() => {
          const proc = compileProcedure(spec);
          const dossier = Object.fromEntries(Object.entries(spec.dossier).map(([k, f]) => [k, f.type === 'enum' ? f.values[0]! : f.type === 'boolean' ? true : f.type === 'number' ? 1 : 'x']));
          const { snapshot } = startCase(proc, { receivedAt: RECEIVED, channel: spec.receipt.channels[0]!, dossier });
          const accepted = applyEvent(proc, snapshot, { type: 'ACCEPT', at: RECEIVED, by: { kind: 'agency', agency: spec.receipt.desk } });
          if (accepted.ok) expect(Number.isFinite(accepted.snapshot.context.statutory?.due ?? 0)).toBe(true);
          else expectTyped(accepted.error);
        });
      }),
      { numRuns: runs(300) },
    );
  }, TIMEOUT);
});

const actor = fc.oneof(
  fc.constantFrom({ kind: 'agency', agency: 'desk' }, { kind: 'agency', agency: 'justice' }, { kind: 'agency', agency: 'police' }, { kind: 'applicant' }, { kind: 'system' }),
  fc.record({ kind: fc.constant('agency'), agency: hostile }),
  fc.record({ kind: fc.constant('agency'), agency: fc.constantFrom('commune', 'land', 'tax', 'fire', 'desk'), role: hostile }),
  plausible,
);
const instant = fc.oneof(
  fc.integer({ min: 0, max: 30 * 24 * 60 }).map((minutes) => RECEIVED + minutes * 60_000),
  extremeNumber,
);
const event = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...CASE_EVENT_TYPES), hostile),
    at: instant,
    by: actor,
    step: fc.oneof(fc.constantFrom('register', 'residence', 'survey', 'verify', 'land-check', 'tax-check'), hostile),
    missing: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
    reasons: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
    consult: fc.oneof(fc.constant('opinions'), hostile),
    agree: fc.boolean(),
    interval: fc.oneof(fc.constant('payment'), hostile),
    newDue: instant,
    reason: fc.string({ maxLength: 5 }),
    rating: fc.oneof(fc.constantFrom(...RATINGS), hostile),
    timer: fc.oneof(fc.constantFrom('overdue', 'apology-due', 'opinions:fire'), hostile),
  },
  { requiredKeys: ['type', 'at', 'by'] },
);

describe('fuzz: event lists and case requests through the engine', () => {
  it('checks any JSON as an event: a CaseEvent or a one-line CaseError', () => {
    checkProperty(
      'event shapes',
      fc.property(fc.oneof(event, fc.jsonValue()), (value) => {
        const checked = typed(() => checkEvent(value));
        if (checked instanceof MotcuaError) expect(checked.name).toBe('CaseError');
      }),
      { numRuns: runs(1500) },
    );
  }, TIMEOUT);

  it('answers every event of a random list with a result, never a throw, and the case stays readable without NaN', async () => {
    await checkProperty(
      'event lists',
      fc.asyncProperty(fc.boolean(), fc.array(event, { minLength: 1, maxLength: 25 }), async (sink, events) => {
        const spec = sink ? kitchenSinkSpec() : tinySpec();
        const engine = createEngine({ procedures: [spec], store: memoryStore(), now: () => (RECEIVED + 40 * 86_400_000) as Instant });
        const opened = await engine.open({ procedure: spec.id, channel: 'in-person', receivedAt: RECEIVED, by: { kind: 'agency', agency: 'desk' }, ...(sink ? { dossier: { remote: true } } : {}) });
        for (const e of events) {
          const result = await engine.send(opened.caseId, e as never);
          if (!result.ok) expectTyped(result.error);
        }
        const status = await engine.status(opened.caseId);
        expect(JSON.stringify(status)).not.toMatch(/\bNaN\b|null,"now"/);
        expect(Number.isInteger(status.now)).toBe(true);
      }),
      { numRuns: runs(60) },
    );
  }, TIMEOUT);

  const request = fc.record(
    {
      procedure: fc.oneof(fc.constant('tiny'), hostile),
      channel: fc.oneof(fc.constantFrom('in-person', 'online', 'postal'), hostile),
      receivedAt: instant,
      by: actor,
      dossier: fc.oneof(fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), hostile), plausible, { maxKeys: 3 }), plausible),
      code: fc.oneof(fc.string({ maxLength: 8 }), hostile),
      accept: fc.boolean(),
      idempotencyKey: fc.string({ maxLength: 8 }),
    },
    { requiredKeys: [] },
  );

  it('checks any JSON as an opening request: a request or a one-line CaseError', () => {
    checkProperty(
      'request shapes',
      fc.property(fc.oneof(request, fc.jsonValue()), (value) => {
        const checked = typed(() => checkOpenRequest(value));
        if (checked instanceof MotcuaError) expect(checked.name).toBe('CaseError');
      }),
      { numRuns: runs(1500) },
    );
  }, TIMEOUT);

  it('opens a case or refuses the request with a CaseError, and never uses up a dossier number on a refusal', async () => {
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore(), now: () => (RECEIVED + 86_400_000) as Instant });
    const numbered = new Map<string, number[]>();
    await checkProperty(
      'case requests',
      fc.asyncProperty(request, async (value) => {
        const opened = await typedAsync(() => engine.open(value as never));
        if (opened instanceof MotcuaError) expect(opened.name).toBe('CaseError');
        else if ((value as { code?: unknown }).code === undefined) {
          const [, day, n] = /^tiny-(\d{8})-(\d{4})$/.exec(opened.code)!;
          numbered.set(day!, [...(numbered.get(day!) ?? []), Number(n)]);
        }
      }),
      { numRuns: runs(500) },
    );
    // Generated numbers run 1, 2, 3… per day with no gap: no refusal used one up.
    for (const numbers of numbered.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  }, TIMEOUT);
});

describe('fuzz: calendar arguments on the command line', () => {
  const date = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc.tuple(fc.integer({ min: 2000, max: 2110 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom('', 'Z', '+07:00', '+99:99', '-14:00', '+14:01')).map(
      ([y, h, m, z]) => `${y}-03-03T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}${z}`,
    ),
    hostile,
    fc.string({ maxLength: 12 }),
  );
  const duration = fc.oneof(fc.tuple(fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e6, noNaN: true })), fc.constantFrom('wd', 'wh', 'd', ' working days', 'x')).map(([n, u]) => `${n}${u}`), hostile);
  const argv = fc.oneof(
    fc.tuple(fc.constantFrom('lunar', 'solar'), date).map(([s, d]) => ['calendar', s, d]),
    fc.tuple(date, duration).map(([d, u]) => ['calendar', 'add', d, u]),
    fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), hostile).map((y) => ['calendar', 'holidays', y]),
  );
  it('answers with exit 0 and no NaN, or exit 2 and one line on stderr', async () => {
    await checkProperty(
      'calendar arguments',
      fc.asyncProperty(argv, async (args) => {
        const { code, out, err } = await runCli([...args, '--json']);
        expect([0, 2]).toContain(code);
        if (code === 2) {
          expect(err.endsWith('\n')).toBe(true);
          expect(err.slice(0, -1)).not.toContain('\n');
        } else expect(out).not.toMatch(/\bNaN\b|Invalid Date/);
      }),
      { numRuns: runs(800) },
    );
  }, TIMEOUT);
});

describe('fuzz: scenarios mutated from the examples', () => {
  const yaml = readFileSync('simulations/replay-example.yaml', 'utf8');
  const csv = readFileSync('simulations/replay-example.csv', 'utf8');
  const specs = new Map(CATALOGUE.map((p) => [p.id, p]));
  const resolve = async (name: string) => {
    const spec = Object.hasOwn(Object.fromEntries(specs), name) ? specs.get(name) : undefined;
    if (spec === undefined) throw new MotcuaError('unknown-procedure', `no procedure "${name}" in the catalogue.`);
    return spec;
  };
  const base = yaml.split('\n');
  it('resolve to a scenario with finite numbers, or a one-line ScenarioError naming the file', async () => {
    const edit = fc.tuple(fc.nat(), fc.oneof(hostile.map(String), extremeNumber.map(String), fc.constantFrom('0', '-1', '1e7', '1.8e308', '0.5', 'yes', '[]', '{}', '')));
    await checkProperty(
      'scenarios',
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const lines = [...base];
        for (const [at, value] of edits) {
          const i = at % lines.length;
          const line = lines[i]!;
          const colon = line.indexOf(':');
          lines[i] = colon < 0 ? value : `${line.slice(0, colon + 1)} ${value}`;
        }
        const scenario = await typedAsync(() => parseScenario(lines.join('\n'), 'fuzzed.yaml', resolve, async () => csv));
        if (scenario instanceof MotcuaError) return;
        expect(JSON.stringify(scenario.baseline)).not.toMatch(/\bNaN\b|null/);
      }),
      { numRuns: runs(250) },
    );
  }, TIMEOUT);
});
