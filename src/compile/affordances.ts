import type { Instant } from '../calendar/instant.ts';
import type { CaseSnapshot } from './case.ts';
import type { CompiledProcedure } from './compile.ts';
import { actorOfStep } from './rules.ts';
import type { Actor, CaseEvent, CaseEventType } from './types.ts';

/**
 * One thing that can be done to a case now: the event type, who may send it, and what it acts on
 * (a step, a consultation, an excluded interval). The receipt's REFUSE and SUPPLY have no step.
 */
export interface Affordance {
  readonly type: Exclude<CaseEventType, 'TIMER'>;
  readonly by: Actor;
  readonly step?: string;
  readonly consult?: string;
  readonly interval?: string;
}

const applicant: Actor = { kind: 'applicant' };
const agency = (id: string): Actor => ({ kind: 'agency', agency: id });

/**
 * What can be done to the case at `at` (the case's last instant by default), and by whom: every
 * event a party could send, kept when the compiled machine, whose guards are the reducer's rules,
 * accepts it. The TUI's actions, the graph analysis, the timed runs of `check` and the model test
 * all start from this list, so none of them re-decides what the machine allows. Timers are not in
 * it: the system clock fires them ({@link advance}).
 *
 * Deadlines that fall before `at` are not delivered here: give a snapshot advanced to `at` (as
 * {@link applyEvent} does) to ask about a later instant.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * affordances(proc, snapshot).map((a) => a.type) // → [ 'ACCEPT', 'REQUEST_COMPLETION', 'REFUSE', 'WITHDRAW' ]
 * affordances(proc, snapshot)[3]!.by // → { kind: 'applicant' }
 */
export function affordances(proc: CompiledProcedure, snapshot: CaseSnapshot, at: Instant = snapshot.context.now): Affordance[] {
  if (snapshot.status !== 'active') return [];
  return candidates(proc, snapshot).filter((a) => snapshot.can(affordedEvent(a, at, snapshot)));
}

/**
 * The event that does `a` at `at`, with plain contents where the event needs some (missing papers,
 * reasons, a rating, an answer that agrees, a new date one day after the due date for an apology);
 * hosts that ask a person for them put theirs in its place.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * const ask = affordedEvent(affordances(proc, snapshot)[1]!, parseInstant('2026-03-02T09:10'), snapshot);
 * ask.type === 'REQUEST_COMPLETION' && ask.missing // → [ 'papers' ]
 */
export function affordedEvent(a: Affordance, at: Instant, snapshot: CaseSnapshot): CaseEvent {
  const { type, by } = a;
  switch (type) {
    case 'ACCEPT':
    case 'TRANSFER':
    case 'RETURN_RESULT':
    case 'WITHDRAW':
      return { type, at, by };
    case 'REQUEST_COMPLETION':
      return { type, at, by, missing: ['papers'] };
    case 'REFUSE':
      return a.step === undefined ? { type, at, by, reasons: ['not eligible'] } : { type, at, by, step: a.step, reasons: ['not eligible'] };
    case 'SUPPLY':
      return a.step === undefined ? { type, at, by } : { type, at, by, step: a.step };
    case 'COMPLETE':
      return { type, at, by, step: a.step! };
    case 'REQUEST_SUPPLEMENT':
      return { type, at, by, step: a.step!, missing: ['papers'] };
    case 'ANSWER':
      return { type, at, by, consult: a.consult!, agree: true };
    case 'FINISH_INTERVAL':
      return { type, at, by, interval: a.interval! };
    case 'APOLOGIZE':
      return { type, at, by, newDue: ((snapshot.context.statutory?.due ?? at) + 86_400_000) as Instant, reason: 'the dossier will be late' };
    case 'RATE':
      return { type, at, by, rating: 'satisfied' };
  }
}

/** Every event a party could try in the case's structure, before the machine's guards. */
function candidates(proc: CompiledProcedure, snapshot: CaseSnapshot): Affordance[] {
  const { env } = proc;
  const ctx = snapshot.context;
  const desk = agency(env.desk);
  const out: Affordance[] = [
    { type: 'ACCEPT', by: desk },
    { type: 'REQUEST_COMPLETION', by: desk },
    { type: 'REFUSE', by: desk },
  ];
  // A SUPPLY naming no step also answers a step's supplement request: it is the receipt's only
  // while no step waits for papers.
  if (!Object.values(ctx.steps).some((r) => r.status === 'supplement')) out.push({ type: 'SUPPLY', by: applicant });
  out.push({ type: 'TRANSFER', by: desk });
  for (const [step, record] of Object.entries(ctx.steps)) {
    const by = actorOfStep(env, step);
    // Every act on an open step is a candidate, whatever its status: the machine's guards decide
    // (the holder may refuse the dossier while it waits for the applicant's papers, for one).
    if (record.status !== 'done') out.push({ type: 'SUPPLY', by: applicant, step }, { type: 'COMPLETE', by, step }, { type: 'REQUEST_SUPPLEMENT', by, step }, { type: 'REFUSE', by, step });
  }
  for (const [consult, answers] of Object.entries(ctx.answers)) {
    const node = env.nodes.get(consult);
    if (node?.kind !== 'consult') continue;
    for (const a of node.consulted) if (answers[a] === undefined) out.push({ type: 'ANSWER', by: agency(a), consult });
  }
  for (const node of env.nodes.values()) {
    if (node.kind === 'excluded' && node.lasts === undefined) out.push({ type: 'FINISH_INTERVAL', by: node.party === 'applicant' ? applicant : agency(node.party), interval: node.id });
  }
  // An apology slip comes from an agency holding the dossier, or from the desk.
  const holders = new Set([...Object.values(ctx.steps).filter((r) => r.status !== 'done').map((r) => r.agency), env.desk]);
  for (const holder of holders) out.push({ type: 'APOLOGIZE', by: agency(holder) });
  out.push({ type: 'WITHDRAW', by: applicant }, { type: 'WITHDRAW', by: desk }, { type: 'RETURN_RESULT', by: desk }, { type: 'RATE', by: applicant });
  return out;
}
