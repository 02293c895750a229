import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { parseDuration } from '../calendar/duration.ts';
import { type Instant, localDateOf } from '../calendar/instant.ts';
import { type Classification, type Ledger, classify, extendLedger, lastMomentBefore, lastMomentFinder, openLedger, pauseLedger, remainingAt, restartLedger, resumeLedger } from '../calendar/ledger.ts';
import type { Channel, FlowNode, ProcedureSpec } from '../dsl/spec.ts';
import { own } from '../own.ts';
import { type ProcedureEnv, supplementsPerFor } from './env.ts';
import type { DossierData } from './types.ts';

/**
 * The clock and flow policies of a procedure, once: the machine's reducer and guards, the simulator
 * and the analysis call these functions, so they cannot decide differently. Each is a pure function
 * of the procedure's environment and the case's facts.
 */

/** The dossier goes straight to the first step (no transfer from the desk): online, or when the procedure says so. */
export function handoverIsImmediate(env: ProcedureEnv, channel: Channel): boolean {
  return channel === 'online' || env.spec.receipt.handover === 'immediate';
}

/**
 * The instant by which the desk must hand a dossier accepted at `at` to the processing agency:
 * `at` itself when the handover is immediate (online, or the procedure says so); else, for paper
 * dossiers, the close of the day of acceptance, or the start (opening) of the next working day
 * when accepted at or after the procedure's transfer cut-off (the period's rule, 15:00) or on a
 * day without office hours (`sameDay` false). The reducer records it; the simulator transfers by
 * it ({@link transferAt}).
 */
export function transferDueOf(env: ProcedureEnv, channel: Channel, at: Instant): { readonly due: Instant; readonly sameDay: boolean } {
  return handoverIsImmediate(env, channel) ? { due: at, sameDay: true } : env.calendar.transferDue(at, env.transferCutoff);
}

/**
 * When a desk that needs `workMs` working milliseconds to hand over a dossier accepted at `at`
 * transfers it, by the rule of {@link transferDueOf}: a late paper dossier goes at the start of
 * the next working day; any other goes after its work, but no later than its due instant (the
 * close of the day). The simulator transfers at this instant, so it never breaks the rule the
 * engine records.
 */
export function transferAt(env: ProcedureEnv, channel: Channel, at: Instant, workMs: number): Instant {
  const { due, sameDay } = transferDueOf(env, channel, at);
  if (!sameDay || due === at) return due;
  return Math.min(env.calendar.addWorkingTime(at, Math.max(0, workMs)), due) as Instant;
}

/** A limit extension a branch grants, with the reason the ledger records. */
export interface LimitExtension {
  readonly amount: string;
  readonly reason: string;
}

/** The limit extensions of the branch cases a dossier takes, in flow order. */
export function extensionsFor(env: ProcedureEnv, dossier: DossierData): LimitExtension[] {
  const found: LimitExtension[] = [];
  const walk = (flow: readonly FlowNode[]) => {
    for (const node of flow) {
      if (node.kind === 'parallel') node.branches.forEach(walk);
      if (node.kind !== 'branch') continue;
      const taken = node.cases.find((c) => own(dossier, node.field) === c.when);
      const way = taken ?? node.otherwise;
      if (way === undefined) continue;
      if (way.extendLimit !== undefined) {
        found.push({ amount: way.extendLimit, reason: `${node.id}: ${node.field} = ${taken === undefined ? 'otherwise' : String(taken.when)}` });
      }
      walk(way.flow);
    }
  };
  walk(env.spec.flow);
  return found;
}

/**
 * The statutory ledger opened when the desk accepts at `at`: the limit in the procedure's mode, with
 * the extensions of the branches the dossier will take (known now, since branches depend on the
 * dossier alone, so the appointment slip gives the right date).
 */
export function openStatutory(env: ProcedureEnv, at: Instant, extensions: readonly LimitExtension[]): Ledger {
  return extensions.reduce((l, e) => extendLedger(env.calendar, l, parseDuration(e.amount), e.reason), openLedger(env.calendar, env.limit, env.spec.limit.mode, at, { cutoff: env.sameDayCutoff }));
}

/**
 * {@link openStatutory} for hosts that open many ledgers (the simulator): in the legal date mode the
 * ledger depends on the acceptance day, not the instant (the day of acceptance is not counted), so
 * it is opened once per day and dossier shape (`shape`: a key of the extensions) and the same
 * ledger is returned for every dossier of that day. Its `startedAt` is then the first acceptance
 * of the day: the host keeps each dossier's own acceptance instant beside it (the due date, pauses
 * and classification depend on the day alone; the apology moment takes the instant, see
 * {@link apologyDecider}).
 */
export function statutoryOpener(env: ProcedureEnv): (at: Instant, extensions: readonly LimitExtension[], shape: string) => Ledger {
  if (env.spec.limit.mode !== 'date') return (at, extensions) => openStatutory(env, at, extensions);
  const byShape = new Map<string, Map<number, Ledger>>();
  // The last answer: dossiers come in time order, so most of a day's are accepted one after another.
  let lastShape = '';
  let lastDay = Number.NaN;
  let last: Ledger | undefined;
  return (at, extensions, shape) => {
    const day = localDateOf(at);
    if (day === lastDay && shape === lastShape && last !== undefined) return last;
    lastShape = shape;
    lastDay = day;
    last = opened(at, extensions, shape, day);
    return last;
  };
  function opened(at: Instant, extensions: readonly LimitExtension[], shape: string, day: number): Ledger {
    let byDay = byShape.get(shape);
    if (byDay === undefined) byShape.set(shape, (byDay = new Map()));
    const known = byDay.get(day);
    if (known !== undefined) return known;
    const ledger = openStatutory(env, at, extensions);
    if (byDay.size > 4096) byDay.clear();
    byDay.set(day, ledger);
    return ledger;
  }
}

/**
 * When the engine stops counting the statutory limit: the instant the result was ready (the
 * outcome's `used` is counted to it), or the instant the case ended before that; null while it counts.
 */
export function statutoryStopOf(ctx: { readonly readyAt: Instant | null; readonly outcome: { readonly at: Instant } | null }): Instant | null {
  return ctx.readyAt ?? ctx.outcome?.at ?? null;
}

/** Why the statutory clock is paused, as ledgers record it. */
export const pauseReason = {
  supplement: (step: string) => `supplement:${step}`,
  interval: (interval: string) => `interval:${interval}`,
} as const;

/** Pauses a ledger (null stays null: the clock has not started). */
export function pauseClock(cal: BusinessCalendar, ledger: Ledger | null, at: Instant, reason: string): Ledger | null {
  return ledger === null ? null : pauseLedger(cal, ledger, at, reason);
}

/** Resumes a ledger paused for `reason` (an excluded interval; supplements go through {@link clockAfterSupplement}). */
export function resumeClock(cal: BusinessCalendar, ledger: Ledger | null, at: Instant, reason: string): Ledger | null {
  return ledger === null ? null : resumeLedger(cal, ledger, at, reason);
}

/** After the applicant supplies papers: the clock resumes where it stopped, or restarts from zero, as the procedure says. */
export function clockAfterSupplement(env: ProcedureEnv, cal: BusinessCalendar, ledger: Ledger | null, at: Instant, reason: string): Ledger | null {
  if (ledger === null) return null;
  return env.spec.clock.supplement === 'restart' ? restartLedger(cal, ledger, at) : resumeLedger(cal, ledger, at, reason);
}

/**
 * Whether an agency that has asked for `used` supplements, in a dossier received at `receivedAt`
 * with `inDossier` requests from every agency, may ask again: counted per dossier or per agency,
 * as the procedure or else the period's one-stop rules say (`env.supplementsPer`).
 */
export function maySupplement(env: Pick<ProcedureEnv, 'spec' | 'supplementsPer'>, receivedAt: Instant, used: number, inDossier: number = used): boolean {
  return (env.supplementsPer(receivedAt) === 'dossier' ? inDossier : used) < env.spec.clock.maxSupplementsPerAgency;
}

/**
 * Whether the agency holding a step may ask for a supplement in the case as it stands: the
 * {@link maySupplement} rule on the case's counts. The reducer's guard, the simulator and the desk's
 * pages ask this one question.
 */
export function maySupplementStep(spec: ProcedureSpec, ctx: { readonly receivedAt: Instant; readonly supplements: Readonly<Record<string, number>> }, agency: string): boolean {
  const used = Object.hasOwn(ctx.supplements, agency) ? ctx.supplements[agency]! : 0;
  const inDossier = Object.values(ctx.supplements).reduce((a, b) => a + b, 0);
  return maySupplement({ spec, supplementsPer: supplementsPerFor(spec) }, ctx.receivedAt, used, inDossier);
}

/**
 * When the apology must be decided: the last moment an apology slip can still be issued before the
 * due date (the notice the procedure requires), or null when none can be issued any more (clock
 * paused or not started, the most apologies already given, or that moment already past).
 */
export function apologyDecisionAt(env: ProcedureEnv, statutory: Ledger | null, apologies: number, now: Instant): Instant | null {
  if (statutory === null || statutory.due === null || apologies >= env.spec.lateness.apology.max) return null;
  const last = apologyDeadline(env, statutory);
  return last !== null && last >= now ? last : null;
}

/**
 * {@link apologyDecisionAt} for hosts that decide it for many dossiers (the simulator): dossiers
 * accepted on the same day share a due date, so the moment is searched once per due date.
 * `acceptedAt` is the dossier's acceptance instant (the ledger's `startedAt` when it is its own).
 */
export function apologyDecider(env: ProcedureEnv): (statutory: Ledger | null, apologies: number, now: Instant, acceptedAt: Instant) => Instant | null {
  const lastMoment = lastMomentFinder(env.calendar, env.apologyNotice);
  const max = env.spec.lateness.apology.max;
  return (statutory, apologies, now, acceptedAt) => {
    if (statutory === null || statutory.due === null || apologies >= max) return null;
    const last = lastMoment(statutory, acceptedAt);
    return last !== null && last >= now ? last : null;
  };
}

/** The last instant an apology slip may be issued: the procedure's notice before the due date (null while the clock is paused). */
export function apologyDeadline(env: ProcedureEnv, statutory: Ledger): Instant | null {
  return lastMomentBefore(env.calendar, statutory, env.apologyNotice);
}

/** The due instant a finished dossier is judged against: the statutory one, or the apology's new date when the policy says so. */
export function referenceDueOf(env: ProcedureEnv, statutory: Ledger | null, apologyNewDue: Instant | undefined): Instant | null {
  if (apologyNewDue !== undefined && !env.spec.lateness.apologyCountsAsLate) return apologyNewDue;
  return statutory?.due ?? null;
}

/** Early / on time / late of a dossier resolved at `at`: the one rule every host uses. */
export function statutoryClassification(env: ProcedureEnv, statutory: Ledger | null, apologyNewDue: Instant | undefined, at: Instant): Classification {
  const due = referenceDueOf(env, statutory, apologyNewDue);
  if (due !== null) return classify(env.calendar, at, due, env.earlyBefore);
  // The clock is paused (or never started): late only if the budget is already spent.
  return statutory !== null && remainingAt(env.calendar, statutory, at) < 0 ? 'late' : 'on-time';
}
