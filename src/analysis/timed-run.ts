import type { Instant } from '../calendar/instant.ts';
import { formatInstant } from '../calendar/instant.ts';
import { type CaseSnapshot, advance, applyEvent, nextDeadline, startCase } from '../compile/case.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import { actorOfStep } from '../compile/rules.ts';
import type { Actor, CaseEvent, CaseInput } from '../compile/types.ts';

/**
 * How a generated case unfolds: each party acts at a fraction of the time it is allowed, drawn in
 * order from `fractions` (0 = at once, 1 = at its very deadline).
 */
export interface Plan {
  readonly input: CaseInput;
  readonly fractions: readonly number[];
  /** Days the applicant takes to pay or to bring papers, drawn in order. */
  readonly applicantDays: readonly number[];
  /** Consulted agencies that stay silent (deemed consent), by index of their answer. */
  readonly silent: readonly boolean[];
  /** Ask for a supplement in the n-th step entered (counting from 0), if any. */
  readonly supplementAt?: number;
}

/** What a timed run observed, for the property checks. */
export interface RunResult {
  readonly snapshot: CaseSnapshot;
  readonly log: readonly string[];
  /** The statutory due just before the supplement request and just after the papers came, with the instants. */
  readonly supplement?: { readonly requestedAt: Instant; readonly suppliedAt: Instant; readonly dueBefore: Instant; readonly dueAfter: Instant };
}

const DAY = 86_400_000;

/**
 * Drives a case through its procedure according to a plan, until the result is ready or it ends.
 *
 * @example
 * const input = { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } } as const;
 * const run = timedRun(compileProcedure(birthRegistration), { input, fractions: [0.5], applicantDays: [1], silent: [] });
 * statusCode(run.snapshot) // → 9
 * run.log[2] // → '2026-03-02T09:30+07:00 COMPLETE register by committee'
 */
export function timedRun(proc: CompiledProcedure, plan: Plan): RunResult {
  const log: string[] = [];
  let snapshot = startCase(proc, plan.input).snapshot;
  let f = 0;
  let d = 0;
  let s = 0;
  const fraction = () => plan.fractions[f++ % plan.fractions.length] ?? 0.5;
  const office = proc.env.calendar;
  const applicantDelay = () => (plan.applicantDays[d++ % Math.max(1, plan.applicantDays.length)] ?? 1) * DAY;
  /** When the desk records what the applicant brings `applicantDelay()` after `t`: in office hours. */
  const applicantAt = (t: Instant) => office.nextWorkingInstant((t + Math.floor(applicantDelay())) as Instant);
  const desk: Actor = { kind: 'agency', agency: proc.env.desk };
  const planned = new Map<string, { at: Instant; event: CaseEvent }>();
  let entered = 0;
  const seen = new Set<string>();
  let supplement: RunResult['supplement'];
  let pending: { requestedAt: Instant; dueBefore: Instant } | undefined;

  const apply = (event: CaseEvent) => {
    const result = applyEvent(proc, snapshot, event);
    const who = event.by.kind === 'agency' ? event.by.agency : event.by.kind;
    const what = 'step' in event && event.step !== undefined ? ` ${event.step}` : 'timer' in event ? ` ${event.timer}` : '';
    log.push(`${formatInstant(event.at)} ${event.type}${what} by ${who}${result.ok ? '' : ` (refused: ${result.error.message})`}`);
    if (!result.ok) throw new Error(`the generated run was refused: ${result.error.message}\n${log.join('\n')}`);
    snapshot = result.snapshot;
  };

  log.push(`received ${formatInstant(plan.input.receivedAt)} via ${plan.input.channel}${plan.input.dossier === undefined || Object.keys(plan.input.dossier).length === 0 ? '' : `, dossier ${JSON.stringify(plan.input.dossier)}`}`);
  apply({ type: 'ACCEPT', at: plan.input.receivedAt, by: desk });
  for (let guard = 0; guard < 500 && snapshot.status === 'active' && !snapshot.matches('resultReady' as never); guard++) {
    const ctx = snapshot.context;
    const now = ctx.now;
    // Parties act inside office hours, at a fraction of the working time they have left: a
    // counterexample is then a case a desk could really see.
    const within = (due: Instant): Instant => {
      const span = due > now ? office.workingTimeBetween(now, due) : 0;
      return span <= 0 ? now : office.addWorkingTime(now, Math.floor(fraction() * span));
    };
    if (snapshot.matches({ active: 'transferring' } as never) && !planned.has('transfer')) {
      planned.set('transfer', { at: within(ctx.transferDue ?? now), event: { type: 'TRANSFER', at: now, by: desk } });
    }
    for (const [step, record] of Object.entries(ctx.steps)) {
      const key = `step:${step}:${record.enteredAt}`;
      if (record.status === 'active' && !planned.has(key) && !seen.has(key)) {
        seen.add(key);
        const by: Actor = actorOfStep(proc.env, step);
        const due = record.ledger.due ?? now;
        if (plan.supplementAt === entered++ && pending === undefined && supplement === undefined) {
          planned.set(key, { at: within(due), event: { type: 'REQUEST_SUPPLEMENT', at: now, by, step, missing: ['papers'] } });
        } else {
          planned.set(key, { at: within(due), event: { type: 'COMPLETE', at: now, by, step } });
        }
      }
      if (record.status === 'supplement' && !planned.has(`supply:${step}`)) {
        planned.set(`supply:${step}`, { at: applicantAt(now), event: { type: 'SUPPLY', at: now, by: { kind: 'applicant' }, step } });
      }
    }
    for (const [consult, answers] of Object.entries(ctx.answers)) {
      const node = proc.env.nodes.get(consult);
      if (node?.kind !== 'consult') continue;
      for (const agency of node.consulted) {
        const key = `answer:${consult}:${agency}`;
        if (answers[agency] !== undefined || planned.has(key) || seen.has(key)) continue;
        seen.add(key);
        if (plan.silent[s++ % Math.max(1, plan.silent.length)] === true && node.deemedConsent) continue;
        const timer = ctx.timers.find((t) => t.id === `${consult}:${agency}`);
        const due = timer?.at ?? (proc.env.calendarOf(node.lead).addToInstant(now, { unit: 'd', amount: 1 } as never) as Instant);
        planned.set(key, { at: within((due - 1) as Instant), event: { type: 'ANSWER', at: now, by: { kind: 'agency', agency }, consult, agree: true } });
      }
    }
    if (snapshot.hasTag('interval:payment' as never) || snapshot.hasTag('interval:other' as never) || snapshot.hasTag('interval:expert-assessment' as never) || snapshot.hasTag('interval:public-posting' as never)) {
      for (const node of proc.env.nodes.values()) {
        if (node.kind !== 'excluded' || node.lasts !== undefined) continue;
        const key = `interval:${node.id}`;
        if (planned.has(key) || seen.has(key)) continue;
        const by: Actor = node.party === 'applicant' ? { kind: 'applicant' } : { kind: 'agency', agency: node.party };
        const open = snapshot.context.timeline.some((e) => e.action === 'interval-start' && e.step === node.id);
        if (!open) continue;
        seen.add(key);
        planned.set(key, { at: applicantAt(now), event: { type: 'FINISH_INTERVAL', at: now, by, interval: node.id } });
      }
    }
    if (snapshot.matches({ active: 'awaitingCompletion' } as never)) {
      planned.set('completion', { at: applicantAt(now), event: { type: 'SUPPLY', at: now, by: { kind: 'applicant' } } });
    }

    const next = [...planned.entries()].sort((a, b) => a[1].at - b[1].at || a[0].localeCompare(b[0]))[0];
    const timer = nextDeadline(snapshot);
    if (timer !== null && (next === undefined || timer.at <= next[1].at)) {
      snapshot = advance(proc, snapshot, timer.at).snapshot;
      log.push(`${formatInstant(timer.at)} TIMER ${timer.id}`);
      continue;
    }
    if (next === undefined) break;
    planned.delete(next[0]);
    const event = { ...next[1].event, at: Math.max(next[1].at, snapshot.context.now) as Instant };
    if (event.type === 'REQUEST_SUPPLEMENT') pending = { requestedAt: event.at, dueBefore: snapshot.context.statutory?.due ?? event.at };
    apply(event);
    if (event.type === 'SUPPLY' && pending !== undefined && 'step' in event) {
      supplement = { ...pending, suppliedAt: event.at, dueAfter: snapshot.context.statutory?.due ?? event.at };
      pending = undefined;
    }
  }
  return supplement === undefined ? { snapshot, log } : { snapshot, log, supplement };
}
