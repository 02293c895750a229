import type { Instant } from '../calendar/instant.ts';
import type { Classification, Ledger } from '../calendar/ledger.ts';
import type { Channel } from '../dsl/spec.ts';

// Events, actors and ratings are defined once, as zod schemas (event-schema.ts).
export { type Actor, CASE_EVENT_TYPES, type CaseEvent, type CaseEventType, RATINGS, type Rating } from './event-schema.ts';
import type { CaseEvent, Rating } from './event-schema.ts';

/** A party on the control slip: an agency id or the applicant. */
export type Party = string;

/** One line of the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ). */
export interface SlipEntry {
  readonly at: Instant;
  readonly action:
    | 'submit'
    | 'request-completion'
    | 'accept'
    | 'transfer'
    | 'handoff'
    | 'complete'
    | 'request-supplement'
    | 'supply'
    | 'consult'
    | 'answer'
    | 'deemed-consent'
    | 'interval-start'
    | 'interval-end'
    | 'apology'
    | 'refuse'
    | 'withdraw'
    | 'result-ready'
    | 'return'
    | 'rate';
  readonly from?: Party;
  readonly to?: Party;
  readonly step?: string;
  /** Early / on time / late for the handoff or the step, against its own due instant. */
  readonly classification?: Classification;
  readonly due?: Instant;
  readonly note?: string;
  /** The officer who did it, when the event names one (`by.officer`): the log's `org:resource`. */
  readonly officer?: string;
}

/** What the host should do after an event: print a slip, notify someone, wake up later. */
export type Effect =
  | { readonly kind: 'appointment-slip'; readonly at: Instant; readonly code: string; readonly due: Instant }
  | { readonly kind: 'completion-requested'; readonly at: Instant; readonly missing: readonly string[] }
  | { readonly kind: 'notify-agency'; readonly at: Instant; readonly agency: string; readonly step: string }
  | { readonly kind: 'supplement-requested'; readonly at: Instant; readonly agency: string; readonly step: string; readonly missing: readonly string[] }
  | { readonly kind: 'apology-due'; readonly at: Instant; readonly agencies: readonly string[]; readonly due: Instant }
  | { readonly kind: 'apology-issued'; readonly at: Instant; readonly agency: string; readonly newDue: Instant }
  | { readonly kind: 'overdue'; readonly at: Instant; readonly due: Instant }
  | { readonly kind: 'deemed-consent'; readonly at: Instant; readonly consult: string; readonly agency: string }
  | { readonly kind: 'refusal'; readonly at: Instant; readonly by: string; readonly reasons: readonly string[] }
  | { readonly kind: 'result-ready'; readonly at: Instant; readonly classification: Classification }
  | { readonly kind: 'result-returned'; readonly at: Instant }
  | { readonly kind: 'withdrawn'; readonly at: Instant }
  | { readonly kind: 'case-closed'; readonly at: Instant };

/** A deadline the host must deliver as a `TIMER` event when its instant passes. */
export interface Timer {
  readonly id: string;
  readonly kind: 'apology-due' | 'overdue' | 'deemed-consent' | 'interval-end' | 'rating-window';
  readonly at: Instant;
}

export interface StepRecord {
  readonly agency: string;
  readonly status: 'active' | 'supplement' | 'done';
  readonly enteredAt: Instant;
  readonly ledger: Ledger;
  readonly finishedAt?: Instant;
  readonly classification?: Classification;
}

export type OutcomeKind = 'returned' | 'refused' | 'refused-at-receipt' | 'withdrawn';

/** How a case ended: one outcome and one classification (`not-counted` when the clock never decided it). */
export interface Outcome {
  readonly kind: OutcomeKind;
  readonly at: Instant;
  readonly classification: Classification | 'not-counted';
  readonly timings: OutcomeTimings;
}

/** When the case was received, accepted and ready, and how much of the statutory budget it used. */
export interface OutcomeTimings {
  readonly receivedAt: Instant;
  readonly acceptedAt: Instant | null;
  readonly readyAt: Instant | null;
  /** The statutory due instant at the end (null when never accepted, or paused). */
  readonly due: Instant | null;
  /** Budget and consumption of the statutory ledger, in its own units (see `Ledger.measure`). */
  readonly budget: number | null;
  readonly used: number | null;
}

export type DossierData = Readonly<Record<string, string | number | boolean>>;

/** Everything a case knows, as plain data: stored in snapshots, explained by the TUI and reports. */
export interface CaseContext {
  readonly procedure: { readonly id: string; readonly version: string };
  readonly code: string;
  readonly channel: Channel;
  readonly dossier: DossierData;
  readonly receivedAt: Instant;
  /** The instant of the last event: time only moves forward. */
  readonly now: Instant;
  readonly lastActor: Party;
  readonly completionRequests: number;
  readonly transferDue: Instant | null;
  /** The statutory clock; null until the desk accepts the dossier. */
  readonly statutory: Ledger | null;
  readonly steps: Readonly<Record<string, StepRecord>>;
  readonly supplements: Readonly<Record<string, number>>;
  readonly answers: Readonly<Record<string, Readonly<Record<string, 'agree' | 'disagree' | 'deemed'>>>>;
  readonly apologies: readonly { readonly at: Instant; readonly agency: string; readonly newDue: Instant; readonly reason: string }[];
  readonly notified: { readonly apologyDue: boolean; readonly overdue: boolean };
  readonly readyAt: Instant | null;
  readonly classification: Classification | null;
  readonly rating: Rating | null;
  /** The applicant's comment with the rating, when given (absent in snapshots written before comments existed). */
  readonly ratingComment?: string;
  readonly timers: readonly Timer[];
  readonly timeline: readonly SlipEntry[];
  readonly effects: readonly Effect[];
  readonly outcome: Outcome | null;
}

/** What opening a case needs. */
export interface CaseInput {
  readonly receivedAt: Instant;
  readonly channel: Channel;
  readonly dossier?: DossierData;
  /** The dossier code (mã hồ sơ); derived from the procedure and receipt instant when absent. */
  readonly code?: string;
}

/**
 * Events raised by XState itself (done events, eventless transitions) carry no instant and no actor.
 *
 * @example
 * const events: { type: string }[] = [{ type: 'ACCEPT' }, { type: 'xstate.done.actor.register' }];
 * events.filter(isCaseEvent).map((e) => e.type) // → [ 'ACCEPT' ]
 */
export function isCaseEvent(event: { readonly type: string }): event is CaseEvent {
  return !event.type.startsWith('xstate.');
}
