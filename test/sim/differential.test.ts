import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, localDateOf } from '../../src/calendar/instant.ts';
import type { Instant } from '../../src/calendar/instant.ts';
import { applyEvent, startCase, type CaseSnapshot } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import type { CaseEvent } from '../../src/compile/types.ts';
import type { FlowNode, ProcedureSpec } from '../../src/dsl/spec.ts';
import { parseDuration, workingDays, workingMs } from '../../src/calendar/duration.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { buildModel } from '../../src/sim/model.ts';
import { CATALOGUE } from '../../procedures/index.ts';
import { checkProperty } from '../support/property.ts';
import { simOf } from '../support/sim.ts';
import { kitchenSinkSpec } from '../support/specs.ts';

const perAgency = (spec: ProcedureSpec): ProcedureSpec => ({ ...spec, version: `${spec.version}-per-agency`, clock: { ...spec.clock, supplementsPer: 'agency' } });
/** The catalogue, and every construct at once with both supplement clocks, and with the limit counted per agency (a procedure's own departure). */
const SPECS = [...CATALOGUE, kitchenSinkSpec('pause'), kitchenSinkSpec('restart'), perAgency(kitchenSinkSpec('pause'))];

/**
 * Runs a generated simulation, then replays every case's events through the XState machine and
 * compares: every event must be accepted, and the machine must reach the same outcome, at the same
 * instant, with the same classification, due date, apology count and step timings.
 */
function differential(specIndex: number, knobs: Parameters<typeof simOf>[1]): string[] {
  return run(specIndex, knobs).problems;
}

/** The differential check of one simulation, and what it went through (see {@link expectedCoverage}). */
function run(specIndex: number, knobs: Parameters<typeof simOf>[1], answerHours?: number): { problems: string[]; seen: Set<string> } {
  const spec = SPECS[specIndex % SPECS.length]!;
  const generated = simOf(spec, knobs);
  // Consultations answered well inside their deadline, when asked: else most are deemed answered.
  const config =
    answerHours === undefined
      ? generated
      : { ...generated, procedures: generated.procedures.map((p) => ({ ...p, answers: Object.fromEntries(Object.entries(p.answers).map(([id, a]) => [id, { ...a, duration: { kind: 'exponential' as const, mean: answerHours } }])) })) };
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
  const seen = new Set<string>();
  for (const end of ends.values()) seen.add(`outcome ${end.outcome}`);
  for (const trace of traces.values()) for (const event of trace) seen.add(coverageOf(event));
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
    // The transfer of a paper dossier follows the period's rule the machine records (transferDue):
    // by the close of the day of acceptance, or exactly at the start of the next working day when
    // accepted at or after the cut-off.
    const accepted = traces.get(id)?.find((e) => e.type === 'ACCEPT');
    const transfer = traces.get(id)?.find((e) => e.type === 'TRANSFER');
    if (accepted !== undefined && transfer !== undefined) {
      const late = ctx.transferDue !== null && localDateOf(ctx.transferDue) !== localDateOf(accepted.at);
      if (late) seen.add('late TRANSFER');
      if (ctx.transferDue === null || (late ? transfer.at !== ctx.transferDue : transfer.at > ctx.transferDue)) {
        problems.push(`${log.join('\n')}\n  → transferred at ${formatInstant(transfer.at)}, the machine's transfer is due ${ctx.transferDue === null ? 'never' : formatInstant(ctx.transferDue)}${late ? ' (a late paper dossier: at the start of the next working day)' : ''}`);
      }
    }
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
  return { problems, seen };
}

/** What an event shows was covered: its type, with the step, consultation or interval it concerns. */
function coverageOf(event: CaseEvent): string {
  switch (event.type) {
    case 'COMPLETE':
    case 'REFUSE':
    case 'REQUEST_SUPPLEMENT':
      return `${event.type} ${event.step}`;
    case 'ANSWER':
      return `ANSWER ${event.consult}`;
    case 'TIMER':
      return `TIMER ${event.timer.split(':')[0]}`;
    case 'FINISH_INTERVAL':
      return `FINISH_INTERVAL ${event.interval}`;
    default:
      return event.type;
  }
}

function walk(flow: readonly FlowNode[], visit: (n: FlowNode) => void): void {
  for (const n of flow) {
    visit(n);
    if (n.kind === 'parallel') n.branches.forEach((b) => walk(b, visit));
    if (n.kind === 'branch') {
      n.cases.forEach((c) => walk(c.flow, visit));
      if (n.otherwise !== undefined) walk(n.otherwise.flow, visit);
    }
  }
}

/**
 * What a busy run of a procedure must go through: every outcome (returned, refused, withdrawn),
 * every step completed (so every branch arm and parallel branch with a step in it taken), every
 * consultation answered (and deemed answered when silence counts as consent), every excluded
 * interval ended, supplements and completion requests where the procedure allows them, the
 * transfer of paper dossiers (one accepted after the cut-off among them, which goes at the start
 * of the next working day), and apology slips where one can be needed: the simulated agency
 * apologises when the shares still ahead do not fit in the time left at the notice, so never
 * when all the shares together fit in the notice (household business registration 2025: 0.75 wd
 * of shares, 1 wd of notice).
 */
function expectedCoverage(spec: ProcedureSpec): string[] {
  const out = ['outcome returned', 'outcome refused', 'outcome withdrawn', 'ACCEPT', 'RETURN_RESULT', 'WITHDRAW'];
  const notice = parseDuration(spec.lateness.apology.noticeBefore);
  // Calendar days as the model counts shares: five working days a week.
  const noticeMs = notice.unit === 'd' ? workingMs(workingDays((notice.amount * 5) / 7)) : workingMs(notice);
  if (spec.lateness.apology.max > 0 && Math.max(...buildModel(compileProcedure(spec)).shareToEnd) > noticeMs) out.push('APOLOGIZE');
  if (spec.receipt.maxCompletionRequests > 0) out.push('REQUEST_COMPLETION');
  if (spec.receipt.handover !== 'immediate' && spec.receipt.channels.some((c) => c !== 'online')) out.push('TRANSFER', 'late TRANSFER');
  walk(spec.flow, (n) => {
    if (n.kind === 'step') {
      out.push(`COMPLETE ${n.id}`);
      if (spec.clock.maxSupplementsPerAgency > 0) out.push(`REQUEST_SUPPLEMENT ${n.id}`);
    }
    if (n.kind === 'consult') {
      out.push(`ANSWER ${n.id}`);
      if (n.deemedConsent) out.push(`TIMER ${n.id}`);
    }
    if (n.kind === 'excluded') out.push(n.lasts === undefined ? `FINISH_INTERVAL ${n.id}` : `TIMER ${n.id}`);
  });
  if (spec.clock.maxSupplementsPerAgency > 0) out.push('SUPPLY');
  return [...new Set(out)].sort();
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
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 30) },
    );
  }, 120_000);

  it.each(SPECS.map((spec, i) => [spec.id, spec.version, spec.clock.supplement, i] as const))('on a busy month of %s %s (supplement clock: %s), through every node, outcome and event it can have', (_, __, ___, index) => {
    // Overloaded (one officer per agency, long work): dossiers run late, so apology slips are issued.
    // Seven weeks of arrivals: with one supplement request per dossier (the period's rule) the last
    // step of a long flow is asked for papers only when no step before it was.
    const { problems, seen } = run(index, { seed: 20_261_202 + index, perDay: 5, days: 49, officers: 1, supplement: 0.25, refusal: 0.08, incomplete: 0.25, withdrawal: 0.15, silence: 0.3, stepMean: 10 }, 4);
    expect(problems).toEqual([]);
    expect(expectedCoverage(SPECS[index]!).filter((c) => !seen.has(c))).toEqual([]);
  }, 60_000);
});
