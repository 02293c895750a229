import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/calendar/instant.ts';
import type { Instant } from '../../src/calendar/instant.ts';
import { applyEvent, startCase, type CaseSnapshot } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import type { CaseEvent } from '../../src/compile/types.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { CATALOGUE } from '../../procedures/index.ts';
import { checkProperty } from '../support/property.ts';
import { simOf } from '../support/sim.ts';
import { kitchenSinkSpec } from '../support/specs.ts';

const SPECS = [...CATALOGUE, kitchenSinkSpec('pause'), kitchenSinkSpec('restart')];

/**
 * Runs a generated simulation, then replays every case's events through the XState machine and
 * compares: every event must be accepted, and the machine must reach the same outcome, at the same
 * instant, with the same classification, due date, apology count and step timings.
 */
function differential(specIndex: number, knobs: Parameters<typeof simOf>[1]): string[] {
  const spec = SPECS[specIndex % SPECS.length]!;
  const config = simOf(spec, knobs);
  const proc = compileProcedure(spec);
  const inputs = new Map<number, Parameters<typeof startCase>[1]>();
  const traces = new Map<number, CaseEvent[]>();
  const ends = new Map<number, { outcome: string; at: Instant; classification: string | null; due: Instant | null; apologies: number }>();
  const activities = new Map<number, { step: string; enabled: Instant; end: Instant }[]>();
  runReplication(config, 0, {
    started: (id, input) => inputs.set(id, input),
    trace: (id, event) => (traces.get(id) ?? traces.set(id, []).get(id)!).push(event),
    ended: (id, r) => ends.set(id, r),
    activity: (a) => {
      const id = Number(a.caseId.slice(a.caseId.lastIndexOf('-') + 1));
      (activities.get(id) ?? activities.set(id, []).get(id)!).push({ step: a.activity, enabled: a.enabled, end: a.end });
    },
  }, [proc]);

  const problems: string[] = [];
  for (const [id, input] of inputs) {
    let snapshot: CaseSnapshot = startCase(proc, input).snapshot;
    const log: string[] = [`case ${id} of ${spec.id}: received ${formatInstant(input.receivedAt)} via ${input.channel} ${JSON.stringify(input.dossier)}`];
    for (const event of traces.get(id) ?? []) {
      log.push(`  ${formatInstant(event.at)} ${event.type}${'step' in event && event.step !== undefined ? ` ${event.step}` : ''}${'timer' in event ? ` ${event.timer}` : ''}`);
      const result = applyEvent(proc, snapshot, event);
      if (!result.ok) {
        problems.push(`${log.join('\n')}\n  → the machine refused it: ${result.error.message}`);
        break;
      }
      snapshot = result.snapshot;
    }
    const end = ends.get(id);
    const ctx = snapshot.context;
    const machine = ctx.outcome === null ? null : { outcome: ctx.outcome.kind, at: ctx.outcome.at, classification: ctx.outcome.classification === 'not-counted' ? null : ctx.outcome.classification, due: ctx.statutory?.due ?? null, apologies: ctx.apologies.length };
    const sim = end === undefined ? null : { outcome: end.outcome, at: end.at, classification: end.outcome === 'withdrawn' || end.outcome === 'refused-at-receipt' ? null : end.classification, due: end.due, apologies: end.apologies };
    if (JSON.stringify(machine) !== JSON.stringify(sim)) problems.push(`${log.join('\n')}\n  → machine ${JSON.stringify(machine)}\n    simulator ${JSON.stringify(sim)}`);
    // Every step the simulator completed was entered and finished at the same instants in the machine.
    for (const a of activities.get(id) ?? []) {
      const record = ctx.steps[a.step];
      if (record === undefined || record.finishedAt === undefined || record.finishedAt !== a.end) continue;
      if (record.enteredAt > a.enabled) problems.push(`${log.join('\n')}\n  → step ${a.step} entered at ${formatInstant(record.enteredAt)} in the machine, enabled at ${formatInstant(a.enabled)} in the simulator`);
    }
  }
  return problems;
}

describe('the simulator and the XState machine agree', () => {
  it('on random cases of every catalogue procedure (differential property test)', () => {
    checkProperty(
      'simulator = machine',
      fc.property(
        fc.nat({ max: SPECS.length - 1 }),
        fc.record({
          seed: fc.integer({ min: 1, max: 2 ** 30 }),
          perDay: fc.integer({ min: 1, max: 6 }),
          days: fc.integer({ min: 1, max: 10 }),
          officers: fc.integer({ min: 1, max: 3 }),
          supplement: fc.constantFrom(0, 0.2, 0.5),
          refusal: fc.constantFrom(0, 0.05, 0.2),
          incomplete: fc.constantFrom(0, 0.3),
          withdrawal: fc.constantFrom(0, 0.2),
          silence: fc.constantFrom(0, 0.5, 1),
          stepMean: fc.constantFrom(0.5, 4, 16, 60),
        }),
        (specIndex, knobs) => {
          const problems = differential(specIndex, knobs);
          if (problems.length > 0) throw new Error(`${problems.length} case(s) differ; the first:\n${problems[0]}`);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('covers every outcome and apology slips on a long busy run of the land procedure', () => {
    const land = SPECS.findIndex((s) => s.id === 'land-use-right-first');
    const problems = differential(land, { seed: 3, perDay: 8, days: 60, officers: 1, supplement: 0.3, refusal: 0.05, incomplete: 0.2, withdrawal: 0.1, silence: 0.5, stepMean: 6 });
    expect(problems).toEqual([]);
  }, 60_000);
});
