import fc from 'fast-check';
import { expect } from 'vitest';
import { applyEvent, startCase } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { readProcedure } from '../../src/dsl/io.ts';
import type { FlowNode, ProcedureSpec } from '../../src/dsl/spec.ts';
import { MotcuaError } from '../../src/errors.ts';
import { RECEIVED, expectTyped, hostile, typed } from './fuzz.ts';
import { tinySpec } from './specs.ts';

/**
 * The property every procedure file must have: it reads as a procedure that compiles, opens a case
 * with a dossier of its fields and accepts it with a finite due date; or it is refused with a
 * one-line `ProcedureError` that names the file. Nothing else may happen.
 */
export function readsOrRefuses(text: string, file: string): ProcedureSpec | MotcuaError {
  const spec = typed(() => readProcedure(text, file), file);
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
    } else expectTyped(accepted.error);
  });
  return spec;
}

const name = (t: string) => ({ vi: t, en: t });
const AGENCIES = ['desk', 'justice', 'police', 'land', 'tax'] as const;
const agencyRef = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...AGENCIES.slice(1)) }, { weight: 1, arbitrary: hostile });
const duration = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('wd', 'wh', 'd')).map(([n, u]) => `${n}${u}`) },
  { weight: 1, arbitrary: fc.oneof(hostile, fc.tuple(fc.double({ min: -1e6, max: 1e31, noNaN: true }), fc.constantFrom('wd', 'wh', 'd', ' working days', '')).map(([n, u]) => `${n}${u}`)) },
);

/** A flow node, nested up to `depth`, with ids from a small set so that duplicates occur. */
function flowNode(depth: number): fc.Arbitrary<FlowNode> {
  const id = fc.oneof({ weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', '-', '1') }) }, { weight: 1, arbitrary: hostile });
  const step = fc.record({ kind: fc.constant('step' as const), id, agency: agencyRef, title: fc.oneof(fc.constant('Step'), hostile).map(name), share: duration });
  const consult = fc.record({
    kind: fc.constant('consult' as const),
    id,
    title: fc.constant(name('Consult')),
    lead: agencyRef,
    consulted: fc.array(agencyRef, { minLength: 0, maxLength: 3 }),
    answerWithin: duration,
    deemedConsent: fc.boolean(),
  });
  const excluded = fc.record(
    { kind: fc.constant('excluded' as const), id, title: fc.constant(name('Pay')), reason: fc.constantFrom('payment', 'public-posting', 'expert-assessment', 'other', 'bribe'), party: fc.oneof(fc.constant('applicant'), agencyRef), lasts: duration },
    { requiredKeys: ['kind', 'id', 'title', 'reason', 'party'] },
  );
  if (depth <= 0) return fc.oneof(step, step, consult, excluded) as fc.Arbitrary<FlowNode>;
  const inner = fc.array(flowNode(depth - 1), { minLength: 0, maxLength: 3 });
  const parallel = fc.record({ kind: fc.constant('parallel' as const), id, branches: fc.array(inner, { minLength: 0, maxLength: 4 }) });
  const branch = fc.record(
    {
      kind: fc.constant('branch' as const),
      id,
      field: fc.oneof(fc.constant('urgent'), hostile),
      cases: fc.array(fc.record({ when: fc.oneof(fc.boolean(), fc.constant('yes'), fc.integer()), flow: inner, extendLimit: duration }, { requiredKeys: ['when', 'flow'] }), { minLength: 0, maxLength: 2 }),
      otherwise: fc.record({ flow: inner }),
    },
    { requiredKeys: ['kind', 'id', 'field', 'cases'] },
  );
  return fc.oneof(step, step, consult, excluded, parallel, branch) as fc.Arbitrary<FlowNode>;
}

/** Procedures built from scratch: mostly valid, with some wrong references, durations and shapes. */
export const generatedProcedure: fc.Arbitrary<ProcedureSpec> = fc
  .record({
    flow: fc.array(flowNode(2), { minLength: 0, maxLength: 6 }),
    limit: duration,
    mode: fc.constantFrom('date', 'working-time', 'hours', 'bogus'),
    cutoff: fc.option(fc.oneof(fc.constantFrom('15:00', '24:00', '09:60'), hostile), { nil: undefined }),
    handover: fc.constantFrom('transfer', 'immediate', 'teleport'),
    channels: fc.subarray(['in-person', 'online', 'postal'] as const, { minLength: 0 }),
    effectiveFrom: fc.oneof(fc.constantFrom('2024-01-01', '2016-07-01', '2100-12-31', '2101-01-01', '0050-06-15', '2025-02-29'), hostile),
    urgent: fc.constantFrom('boolean', 'enum', 'number', 'string', 'date'),
    supplement: fc.constantFrom('pause', 'restart', 'stop'),
    maxSupplements: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant(1e9)),
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
