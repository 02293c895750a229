import fc from 'fast-check';
import { expect } from 'vitest';
import { applyEvent, startCase } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { readProcedure } from '../../src/dsl/io.ts';
import type { FlowNode, ProcedureSpec } from '../../src/dsl/spec.ts';
import type { LimitMode } from '../../src/calendar/ledger.ts';

const LIMIT_MODES: readonly LimitMode[] = ['date', 'hours', 'same-day'];
import { MotcuaError } from '../../src/errors.ts';
import { RECEIVED, expectTyped, hostile, typed } from './fuzz.ts';
import { tinySpec } from './specs.ts';

/**
 * The property every procedure file must have: it reads as a procedure that compiles, opens a case
 * with a dossier of its fields and accepts it with a finite due date; or it is refused with a
 * one-line `ProcedureError` that names the file. Nothing else may happen.
 */
export function readsOrRefuses(text: string, file: string): ProcedureSpec | MotcuaError {
  const spec = typed(() => readProcedure(text, file), file, text);
  if (spec instanceof MotcuaError) {
    expect(spec.name).toBe('ProcedureError');
    return spec;
  }
  typed(() => {
    const proc = compileProcedure(spec);
    const dossier = Object.fromEntries(Object.entries(spec.dossier).map(([k, f]) => [k, f.type === 'enum' ? f.values[0]! : f.type === 'boolean' ? true : f.type === 'number' ? 1 : 'x']));
    const { snapshot } = startCase(proc, { receivedAt: RECEIVED, channel: spec.receipt.channels[0]!, dossier });
    const accepted = applyEvent(proc, snapshot, { type: 'ACCEPT', at: RECEIVED, by: { kind: 'agency', agency: spec.receipt.desk } });
    if (accepted.ok) {
      const due = accepted.snapshot.context.statutory?.due ?? 0;
      expect(Number.isFinite(due)).toBe(true);
    } else expectTyped(accepted.error, undefined, text);
  }, undefined, text);
  return spec;
}

const name = (t: string) => ({ vi: t, en: t });
/** Mostly `valid`, now and then `invalid`: each wrong field alone is enough for a refusal, so wrong ones are kept rare. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) => fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: invalid });
const AGENCIES = ['desk', 'justice', 'police', 'land', 'tax'] as const;
const agencyRef = mostly(fc.constantFrom(...AGENCIES.slice(1)), hostile);
const duration = fc.oneof(
  { weight: 40, arbitrary: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('wd', 'wh', 'd')).map(([n, u]) => `${n}${u}`) },
  { weight: 1, arbitrary: fc.oneof(hostile, fc.tuple(fc.double({ min: -1e6, max: 1e31, noNaN: true }), fc.constantFrom('wd', 'wh', 'd', ' working days', '')).map(([n, u]) => `${n}${u}`)) },
);

/** A flow node, nested up to `depth`, with ids from a small set so that duplicates occur. */
function flowNode(depth: number): fc.Arbitrary<FlowNode> {
  const id = mostly(fc.string({ minLength: 2, maxLength: 6, unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '-', '1') }), hostile);
  const step = fc.record({ kind: fc.constant('step' as const), id, agency: agencyRef, title: fc.oneof(fc.constant('Step'), hostile.filter((h) => h.trim() !== '')).map(name), share: duration });
  const consult = fc.record({
    kind: fc.constant('consult' as const),
    id,
    title: fc.constant(name('Consult')),
    lead: mostly(fc.constant('justice'), agencyRef),
    consulted: mostly(fc.uniqueArray(fc.constantFrom('police', 'land', 'tax'), { minLength: 1, maxLength: 3 }), fc.array(agencyRef, { maxLength: 3 })),
    answerWithin: duration,
    deemedConsent: fc.boolean(),
  });
  const excluded = fc.record(
    { kind: fc.constant('excluded' as const), id, title: fc.constant(name('Pay')), reason: fc.oneof({ weight: 200, arbitrary: fc.constantFrom('payment', 'public-posting', 'expert-assessment', 'other') }, { weight: 1, arbitrary: fc.constant('bribe') }), party: fc.oneof(fc.constant('applicant'), agencyRef), lasts: duration },
    { requiredKeys: ['kind', 'id', 'title', 'reason', 'party'] },
  );
  if (depth <= 0) return fc.oneof(step, step, consult, excluded) as fc.Arbitrary<FlowNode>;
  const inner = fc.array(flowNode(depth - 1), { minLength: 1, maxLength: 3 });
  const parallel = fc.record({ kind: fc.constant('parallel' as const), id, branches: fc.array(inner, { minLength: 2, maxLength: 4 }) });
  const branch = fc.record(
    {
      kind: fc.constant('branch' as const),
      id,
      field: mostly(fc.constant('urgent'), hostile),
      cases: fc.uniqueArray(fc.record({ when: mostly(fc.boolean(), fc.constantFrom('yes', 1)), flow: inner, extendLimit: mostly(fc.constant(undefined), duration) }, { requiredKeys: ['when', 'flow'] }), { minLength: 1, maxLength: 2, selector: (c) => c.when }),
      otherwise: fc.record({ flow: inner }),
    },
    { requiredKeys: ['kind', 'id', 'field', 'cases'] },
  );
  return fc.oneof(step, step, consult, excluded, parallel, branch) as fc.Arbitrary<FlowNode>;
}

/** Procedures built from scratch: mostly valid, with some wrong references, durations and shapes. */
export const generatedProcedure: fc.Arbitrary<ProcedureSpec> = fc
  .record({
    flow: fc.array(flowNode(2), { minLength: 1, maxLength: 6 }),
    limit: duration,
    mode: mostly(fc.constantFrom(...LIMIT_MODES), fc.constant('bogus')),
    cutoff: mostly(fc.constant(undefined), fc.oneof(fc.constantFrom('15:00', '11:30', '24:00', '09:60'), hostile)),
    handover: mostly(fc.constantFrom('transfer', 'immediate'), fc.constant('teleport')),
    channels: mostly(fc.subarray(['in-person', 'online', 'postal'] as const, { minLength: 1 }), fc.constant([])),
    effectiveFrom: mostly(fc.constantFrom('2024-01-01', '2016-07-01', '2025-01-01'), fc.oneof(fc.constantFrom('2100-12-31', '2101-01-01', '0050-06-15', '2025-02-29'), hostile)),
    urgent: mostly(fc.constant('boolean'), fc.constantFrom('enum', 'number', 'string', 'date')),
    supplement: mostly(fc.constantFrom('pause', 'restart'), fc.constant('stop')),
    maxSupplements: mostly(fc.integer({ min: 0, max: 3 }), fc.constantFrom(-1, 1e9, 0.5)),
  })
  .map(({ flow, limit, mode, cutoff, handover, channels, effectiveFrom, urgent, supplement, maxSupplements }) => {
    const base = tinySpec();
    return {
      ...base,
      id: 'generated',
      effectiveFrom,
      agencies: Object.fromEntries(AGENCIES.map((a) => [a, { name: name(a), level: 'commune' as const, ...(a === 'desk' ? { desk: true } : {}) }])),
      dossier: { urgent: urgent === 'enum' ? { type: 'enum', values: ['yes', 'no'], label: name('Urgent') } : ({ type: urgent, label: name('Urgent') } as never) },
      receipt: { ...base.receipt, handover: handover as 'transfer', channels },
      flow,
      limit: { ...base.limit, duration: limit, mode: mode as 'date', ...(cutoff === undefined ? {} : { cutoff }) },
      clock: { supplement: supplement as 'pause', maxSupplementsPerAgency: maxSupplements },
    };
  });
