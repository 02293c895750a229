import type { Instant } from '../calendar/instant.ts';
import type { Classification } from '../calendar/ledger.ts';
import type { Rating } from '../compile/types.ts';
import type { Level } from '../dsl/spec.ts';

/**
 * How handling of a dossier ended (Decision 766 counts every one of them as the end of handling):
 * `resolved` result ready; `refused` refused after receipt; `refused-at-receipt` refused at the
 * desk (status 3, never received); `stopped` handling stopped (Thông báo dừng giải quyết, status 8);
 * `withdrawn` the applicant withdrew.
 */
export type DossierEnd = 'resolved' | 'refused' | 'refused-at-receipt' | 'stopped' | 'withdrawn';

/**
 * One dossier as the indicators read it: the small record an engine store's cases, a simulation's
 * cases and an imported event log all map to. It holds instants, not a state as of some day, so
 * one record serves every period: the indicators look only at what happened before a period's end.
 *
 * @example
 * const r: DossierRecord = { id: 'H33-250310-0001', procedure: 'birth', agency: 'justice', level: 'commune',
 *   receivedAt, due, end: { kind: 'resolved', at: readyAt, classification: 'on-time' },
 *   supplementRequests: [], rating: null, complaints: [] };
 */
export interface DossierRecord {
  /** The dossier code (or the simulator's case number). */
  readonly id: string;
  readonly procedure: string;
  /** The agency the dossier counts for: the competent agency (see `competentAgency`). */
  readonly agency: string;
  readonly level: Level | null;
  readonly receivedAt: Instant;
  /**
   * The statutory due instant with the applicant's supplement time already left out (the engine's
   * ledger pauses or restarts the clock; a log importer must do the same). Null before acceptance
   * and while the clock is paused: such a dossier is within the limit.
   */
  readonly due: Instant | null;
  /** How and when handling ended; null while it goes on. */
  readonly end: {
    readonly kind: DossierEnd;
    readonly at: Instant;
    /** motcua's own early / on time / late of a dossier resolved or refused after receipt (lateness policy and apology rules applied); null otherwise. */
    readonly classification: Classification | null;
  } | null;
  /** When each request for supplementary papers during processing was made (not the desk's completion request before receipt). */
  readonly supplementRequests: readonly Instant[];
  readonly rating: { readonly value: Rating; readonly at: Instant; readonly comment?: string } | null;
  /** When complaints or petitions about this dossier were filed. */
  readonly complaints: readonly Instant[];
}

/** A complaint or petition as the indicators read it. */
export interface ComplaintRecord {
  readonly id: string;
  /** The agency it concerns (the dossier's agency when it is about a dossier); null when neither is known. */
  readonly agency: string | null;
  /** The dossier it is about, when it is: it then also counts for that dossier's procedure and level. */
  readonly dossier?: string | null;
  readonly openedAt: Instant;
  /** The deadline of the answer. */
  readonly due: Instant;
  /** When it was answered or refused; null while open. */
  readonly closedAt: Instant | null;
  /** The filer's feedback on the answer, when given. */
  readonly feedback: 'satisfied' | 'not-satisfied' | null;
}
