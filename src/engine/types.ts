import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import type { Instant } from '../calendar/instant.ts';
import type { Classification } from '../calendar/ledger.ts';
import type { StatusCode } from '../compile/case.ts';
import type { Actor, CaseEvent, CaseEventType, DossierData, Effect, Outcome, SlipEntry, Timer } from '../compile/types.ts';
import type { Channel, ProcedureSpec } from '../dsl/spec.ts';
import type { CaseError } from '../errors.ts';
import type { Label } from '../legal.ts';
import type { AppointmentSlip } from './slip.ts';
import type { CaseFilter, CaseStore, CaseSummary, RefusedAttempt, StoredEntry } from './store.ts';

/**
 * Options of `createEngine`.
 *
 * @example
 * const options: EngineOptions = { procedures: CATALOGUE, store: memoryStore(), calendar: new BusinessCalendar(), now: () => Date.now() as Instant };
 * const engine = createEngine(options);
 * (await engine.list()).length // → 0
 */
export interface EngineOptions {
  /** Every version of every procedure the engine may run; a case takes the version in force on its day of receipt. */
  readonly procedures: readonly ProcedureSpec[];
  /** The desk's business calendar; Vietnam with standard office hours by default. */
  readonly calendar?: BusinessCalendar;
  readonly store: CaseStore;
  /**
   * The identifier of the receiving unit (mã đơn vị, QCVN 102:2016/BTTTT, e.g. `000.00.12.H33`)
   * that generated dossier codes start with, for receipts that name no `unit` of their own:
   * `<unit>-YYMMDD-XXXX`, numbered per unit per day (Circular 01/2018/TT-VPCP Art. 19). `MOTCUA`
   * (no official identifier) when absent.
   */
  readonly receivingUnit?: string;
  /** The largest event or opening request accepted, in bytes of UTF-8 JSON; 64 KiB by default. */
  readonly maxPayloadBytes?: number;
  /**
   * How many cases the engine keeps as it last wrote them (256 by default; 0 for none), so that the
   * next event to one of them needs no read of its snapshot. Other writers are still caught by the
   * store's version check.
   */
  readonly recentCases?: number;
  /**
   * The host's clock, read at every call: an event (or a receipt, or a `tick`) dated after it by
   * more than `futureToleranceMs` is refused, so that one mistyped year cannot block a case (every
   * later event would come "before the last one"). Without it the engine takes the caller's word
   * for time; `SendOptions.now` gives the instant per call instead.
   */
  readonly now?: () => Instant;
  /** How far ahead of the host's clock an instant may be (clocks of desks drift): 5 minutes by default. */
  readonly futureToleranceMs?: number;
  /** Called when a subscriber throws; the case is already stored. By default the error is printed on stderr. */
  readonly onListenerError?: (error: unknown, notice: EngineNotice) => void;
}

export type { OpenRequest, OpenRequestJson } from './request-schema.ts';
import type { OpenRequest } from './request-schema.ts';

/** Options of `open`. */
export interface OpenOptions {
  /** The host's instant for this call, instead of `EngineOptions.now`. */
  readonly now?: Instant;
}

/** A case just opened. */
export interface Opened {
  /** The key of the case in the engine: its dossier code. */
  readonly caseId: string;
  readonly code: string;
  readonly procedure: { readonly id: string; readonly version: string };
  /** The case's version: what the next `send` names as `expectedVersion`. */
  readonly version: number;
  readonly status: StatusCode;
  /** The appointment slip; null when the dossier was not accepted at opening. */
  readonly slip: AppointmentSlip | null;
  readonly effects: readonly Effect[];
}

/** Options of `send`. */
export interface SendOptions {
  /** A key the caller makes up per request: a retried request with the same key gets the first answer and writes nothing. */
  readonly idempotencyKey?: string;
  /**
   * The version the caller last read. When the case is at another version the event is not
   * applied (`conflict`). Without it, the event applies to the current version.
   */
  readonly expectedVersion?: number;
  /** The host's instant for this call, instead of `EngineOptions.now`. */
  readonly now?: Instant;
}

/**
 * The answer to `send`: the new version, status and effects; or why nothing changed. Error codes:
 * `refused`, `not-now`, `case-ended`, `in-future` (the machine or the clock refused: recorded as a refused attempt),
 * `system-only` (a TIMER or a `system` actor: deadlines fire only through `tick`),
 * `conflict`, `unknown-case`, `bad-event`, `too-large`, `idempotency-key-reused` (nothing written).
 *
 * @example
 * const engine = createEngine({ procedures: [birthRegistration2025], store: memoryStore() });
 * const { caseId, version } = await engine.open({ procedure: 'birth-registration', channel: 'in-person', receivedAt: parseInstant('2026-03-02T09:00'), dossier: { needsVerification: false }, by: { kind: 'agency', agency: 'desk' } });
 * const result: SendResult = await engine.send(caseId, { type: 'RATE', rating: 'satisfied', at: parseInstant('2026-03-02T09:40'), by: { kind: 'applicant' } }, { expectedVersion: version });
 * result.ok ? result.status : result.error.code // → 'not-now'
 */
export type SendResult =
  | { readonly ok: true; readonly caseId: string; readonly version: number; readonly status: StatusCode; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: CaseError };

/** Where a case stands. */
export interface CaseStatus {
  readonly caseId: string;
  readonly code: string;
  readonly procedure: { readonly id: string; readonly version: string };
  readonly version: number;
  /** One-stop status code 1–10 and its label. */
  readonly status: StatusCode;
  readonly label: Label;
  /** How the dossier came, with the portal's channel code (1 in person, 2 online, 3 postal) and its label. */
  readonly channel: { readonly kind: Channel; readonly code: 1 | 2 | 3; readonly label: Label };
  readonly receivedAt: Instant;
  /** The instant of the last event. */
  readonly now: Instant;
  readonly holders: readonly string[];
  /** The statutory due instant; null before acceptance and while the clock is paused. */
  readonly due: Instant | null;
  readonly nextDeadline: Timer | null;
  /** Early / on time / late, once the result is ready. */
  readonly classification: Classification | null;
  readonly outcome: Outcome | null;
  /** Event types the current state accepts (from whom is checked when they arrive). */
  readonly possible: readonly CaseEventType[];
}

/** Every due date of a case and why. */
export interface CaseDueDates {
  readonly statutory: { readonly due: Instant | null; readonly dueText: Label | null; readonly startedAt: Instant; readonly paused: boolean } | null;
  /** The last instant at which an apology slip may still be issued. */
  readonly apologyBy: Instant | null;
  readonly transferDue: Instant | null;
  readonly steps: readonly {
    readonly step: string;
    readonly agency: string;
    readonly status: 'active' | 'supplement' | 'done';
    readonly due: Instant | null;
    readonly finishedAt: Instant | null;
    readonly classification: Classification | null;
  }[];
  readonly timers: readonly Timer[];
  /** The explanation of each due date, line by line (as `motcua explain` prints it). */
  readonly explanation: readonly string[];
}

/** An effect of one case, as subscribers and `tick` receive it. */
export interface EngineNotice {
  readonly caseId: string;
  readonly code: string;
  readonly procedure: { readonly id: string; readonly version: string };
  /** The case's version once the effect's event was stored. */
  readonly version: number;
  readonly effect: Effect;
}

/** A subscriber: called after each write, once per effect, in order. */
export type EngineListener = (notice: EngineNotice) => void;

/**
 * The embedding runtime: cases opened, moved by events and timers, kept in a store. No wall clock
 * inside: every call that changes a case carries its instant.
 *
 * @example
 * const engine: Engine = createEngine({ procedures: [birthRegistration2025], store: memoryStore() });
 * const { caseId } = await engine.open({ procedure: 'birth-registration', channel: 'in-person', receivedAt: parseInstant('2026-03-02T09:00'), dossier: { needsVerification: false }, by: { kind: 'agency', agency: 'desk' } });
 * (await engine.status(caseId)).status // → 4
 * (await engine.tick(parseInstant('2026-03-03T09:00'))).map((n) => n.effect.kind) // → [ 'apology-due', 'overdue' ]
 */
export interface Engine {
  /**
   * Opens a case on the version of the procedure in force on the day of receipt.
   * @throws CaseError `bad-input`, `too-large`, `unknown-procedure`, `not-in-force`, `duplicate-code`, `idempotency-key-reused`, `in-future`, `system-only`, or the machine's refusal of the acceptance
   */
  open(request: OpenRequest, options?: OpenOptions): Promise<Opened>;
  /** Applies an event with its actor; a refusal changes nothing and is recorded as a refused attempt. */
  send(caseId: string, event: CaseEvent, options?: SendOptions): Promise<SendResult>;
  /** @throws CaseError `unknown-case` */
  status(caseId: string): Promise<CaseStatus>;
  /** The control slip: who handed what to whom, when, early / on time / late. @throws CaseError `unknown-case` */
  timeline(caseId: string): Promise<readonly SlipEntry[]>;
  /** @throws CaseError `unknown-case` */
  dueDates(caseId: string, options?: { readonly lang?: 'vi' | 'en' }): Promise<CaseDueDates>;
  list(filter?: CaseFilter): Promise<CaseSummary[]>;
  /** Fires every deadline at or before `now` in every case and returns the effects (also sent to subscribers). */
  tick(now: Instant): Promise<EngineNotice[]>;
  /** Receives the effects of every later write; returns the function that unsubscribes. */
  subscribe(listener: EngineListener): () => void;
  /** The append-only log of a case. @throws CaseError `unknown-case` */
  history(caseId: string): Promise<StoredEntry[]>;
  /** Refused attempts, of one case or all. */
  refusals(caseId?: string): Promise<RefusedAttempt[]>;
}
