import type { LimitMode } from '../calendar/ledger.ts';
import type { OfficeHours } from '../calendar/office-hours.ts';
import type { Label, LegalRef } from '../legal.ts';

/**
 * A procedure as plain, JSON-serialisable data: what a designer writes (through the builder, or as
 * JSON/YAML), what the compiler turns into an XState machine, and what analysis, export and the
 * simulator read. Durations are readable strings (`"3wd"`, `"0.5wd"`, `"15d"`), parsed and checked
 * by the validator; dates are `YYYY-MM-DD`.
 */
export interface ProcedureSpec {
  readonly id: string;
  readonly version: string;
  /** `YYYY-MM-DD` from which this version applies; a case stays on the version in force when received. */
  readonly effectiveFrom: string;
  /** `YYYY-MM-DD`, the last day a dossier may be received under this version; open-ended when absent. */
  readonly effectiveTo?: string;
  readonly title: Label;
  readonly level: Level;
  readonly legal: readonly LegalRef[];
  readonly agencies: Readonly<Record<string, AgencySpec>>;
  /** Fields of the dossier that branches may test (e.g. `remoteCommune`). */
  readonly dossier: Readonly<Record<string, DossierField>>;
  readonly receipt: ReceiptSpec;
  readonly flow: readonly FlowNode[];
  readonly limit: LimitSpec;
  readonly clock: ClockPolicy;
  readonly lateness: LatenessPolicy;
  readonly result: ResultSpec;
}

/** Administrative levels; `district` exists for procedures before 2025-07-01 (two-tier local government since). */
export type Level = 'province' | 'district' | 'commune';
/**
 * Every administrative level, from the top down.
 *
 * @example
 * LEVELS.includes('commune') // → true
 */
export const LEVELS: readonly Level[] = ['province', 'district', 'commune'];

/** How a dossier reaches the desk. */
export type Channel = 'in-person' | 'postal' | 'online';
/**
 * Every channel a receipt may offer.
 *
 * @example
 * CHANNELS // → [ 'in-person', 'postal', 'online' ]
 */
export const CHANNELS: readonly Channel[] = ['in-person', 'postal', 'online'];

export interface AgencySpec {
  readonly name: Label;
  readonly level: Level;
  /** The one-stop desk (Bộ phận Một cửa) receives and returns dossiers; exactly one agency is the desk. */
  readonly desk?: boolean;
  /** Office hours; standard hours when absent. */
  readonly hours?: OfficeHours;
  /** The agency that took over its competence, from a date (e.g. a district committee after 2025-07-01). */
  readonly succeededBy?: { readonly name: Label; readonly from: string; readonly ref: LegalRef };
}

export type DossierField =
  | { readonly type: 'boolean'; readonly label: Label }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly label: Label }
  | { readonly type: 'number'; readonly label: Label }
  | { readonly type: 'string'; readonly label: Label };

export interface ReceiptSpec {
  /** Id of the desk agency. */
  readonly desk: string;
  readonly channels: readonly Channel[];
  /**
   * `transfer`: the desk hands paper dossiers to the agency the same working day, or at the start of the next working day
   * after the cut-off (online ones at once); `immediate`: the desk officer processes the
   * dossier himself, as for same-day civil-status procedures at the commune.
   */
  readonly handover: 'transfer' | 'immediate';
  /** Paper dossiers received at or after this local time go to the agency at the start of the next working day (the one-stop rules of the period: 15:00). */
  readonly transferCutoff: string;
  /** How many times the desk may ask for missing papers before receipt (the request lists everything at once). */
  readonly maxCompletionRequests: number;
  /**
   * Where a dossier may be handed in when that is wider than the competent agency's own desk:
   * any public administration service centre of the province (Decree 118/2025/NĐ-CP), which
   * passes it on; the `desk` agency is then the receiving point the case is recorded at.
   */
  readonly receivingPoints?: { readonly scope: 'any-centre-in-province'; readonly ref: LegalRef };
  readonly ref?: LegalRef;
}

export interface LimitSpec {
  /** The statutory limit, e.g. `"15wd"`, `"15d"`; for a `same-day` limit the longest it can take, `"1wd"`. */
  readonly duration: string;
  /**
   * `date`: Civil Code Art. 147–148 (whole days, the receipt day not counted); `hours`: working
   * time from the receipt instant; `same-day`: the close of office hours on the day of receipt, or
   * of the next working day when received at or after `cutoff`.
   */
  readonly mode: LimitMode;
  /** `HH:MM`, for `same-day` limits: the cut-off after which the dossier is due the next working day; the one-stop rules of the period when absent (15:00). */
  readonly cutoff?: string;
  readonly ref: LegalRef;
}

export interface ClockPolicy {
  /** Whether a supplement request during processing pauses the clock or restarts it when the papers arrive. */
  readonly supplement: 'pause' | 'restart';
  readonly maxSupplementsPerAgency: number;
  /**
   * `dossier`: `maxSupplementsPerAgency` requests for the whole dossier, whichever agency asks;
   * `agency`: each agency may ask that many times. When absent, the one-stop rules of the period
   * of receipt decide (`supplementsPerOn` in one-stop-rules.ts: per dossier, the practice and what
   * the Decision 766 computation counts); set it only where a special law says otherwise.
   */
  readonly supplementsPer?: 'agency' | 'dossier';
  readonly ref?: LegalRef;
}

export interface LatenessPolicy {
  /** The apology slip must be issued at least this long before the due date (`"1wd"`), at most `max` times. */
  readonly apology: { readonly noticeBefore: string; readonly max: number; readonly ref?: LegalRef };
  /** A resolved dossier is early when finished on a date before the due date, or at least `before` ahead of it. */
  readonly early: 'before-due-date' | { readonly before: string };
  /** Whether a dossier finished after the original due date but by the apology's new date still counts late. */
  readonly apologyCountsAsLate: boolean;
}

export interface ResultSpec {
  /** How long after the return the applicant may rate the service (`"10d"`); the case closes then. */
  readonly ratingWindow: string;
}

export type FlowNode = StepNode | ParallelNode | BranchNode | ConsultNode | ExcludedNode;

/** Work done by one agency, with its share of the limit (from the special law or the province's internal process). */
export interface StepNode {
  readonly kind: 'step';
  readonly id: string;
  readonly agency: string;
  readonly title: Label;
  readonly share: string;
  readonly role?: string;
  readonly ref?: LegalRef;
}

/** Fan-out: every branch runs, and all must finish before the flow goes on. */
export interface ParallelNode {
  readonly kind: 'parallel';
  readonly id: string;
  readonly title?: Label;
  readonly branches: readonly (readonly FlowNode[])[];
  readonly ref?: LegalRef;
}

/** A choice on dossier data, e.g. a remote commune gets 10 more working days. */
export interface BranchNode {
  readonly kind: 'branch';
  readonly id: string;
  readonly title?: Label;
  readonly field: string;
  readonly cases: readonly BranchCase[];
  readonly otherwise?: BranchOtherwise;
  readonly ref?: LegalRef;
}

export interface BranchCase {
  readonly when: string | number | boolean;
  readonly flow: readonly FlowNode[];
  /** Extends the statutory limit for dossiers on this branch (e.g. `"10wd"` for remote communes). */
  readonly extendLimit?: string;
  readonly ref?: LegalRef;
}

export interface BranchOtherwise {
  readonly flow: readonly FlowNode[];
  readonly extendLimit?: string;
  readonly ref?: LegalRef;
}

/** The lead agency consults others; those that do not answer in time are deemed to agree when `deemedConsent`. */
export interface ConsultNode {
  readonly kind: 'consult';
  readonly id: string;
  readonly title: Label;
  readonly lead: string;
  readonly consulted: readonly string[];
  readonly answerWithin: string;
  readonly deemedConsent: boolean;
  readonly ref?: LegalRef;
}

/** Time excluded from the limit: the applicant paying fees or taxes, public posting, expert assessment. */
export interface ExcludedNode {
  readonly kind: 'excluded';
  readonly id: string;
  readonly title: Label;
  readonly reason: ExcludedReason;
  /** Who ends the interval: `applicant` or an agency id. */
  readonly party: string;
  /** A fixed length (`"15d"` of public posting): the interval ends by itself. */
  readonly lasts?: string;
  readonly ref?: LegalRef;
}

export type ExcludedReason = 'payment' | 'public-posting' | 'expert-assessment' | 'other';
/**
 * Every reason an excluded interval may give.
 *
 * @example
 * EXCLUDED_REASONS.includes('public-posting') // → true
 */
export const EXCLUDED_REASONS: readonly ExcludedReason[] = ['payment', 'public-posting', 'expert-assessment', 'other'];
