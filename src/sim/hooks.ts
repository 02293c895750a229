import type { Instant } from '../calendar/instant.ts';
import type { Classification } from '../calendar/ledger.ts';
import type { CaseEvent, OutcomeKind, Rating } from '../compile/types.ts';
import type { Channel } from '../dsl/spec.ts';

/** One activity of one case at a station, as process-mining tools read it. */
export interface ActivityRecord {
  /** The case's number in its replication, as the other hooks name it. */
  readonly case: number;
  readonly caseId: string;
  readonly procedure: string;
  readonly activity: string;
  readonly agency: string;
  readonly station: string;
  /** Which officer of the station served it (0-based). */
  readonly officer: number;
  readonly enabled: Instant;
  readonly start: Instant;
  readonly end: Instant;
  readonly outcome: string;
}

export interface RunHooks {
  /** Called when a case arrives, with what opening it in the machine needs. */
  readonly started?: (
    caseId: number,
    input: { readonly procedure: string; readonly desk: string; readonly receivedAt: Instant; readonly channel: Channel; readonly dossier: Readonly<Record<string, string | number | boolean>> },
  ) => void;
  /** Receives every event the machine would receive, in order: the differential test replays them. */
  readonly trace?: (caseId: number, event: CaseEvent) => void;
  readonly activity?: (record: ActivityRecord) => void;
  /** Called when a case enters a consultation (`to`: the agencies consulted) or an excluded interval (`to`: its party). */
  readonly entered?: (caseId: number, node: { readonly kind: 'consult' | 'interval'; readonly id: string; readonly to: readonly string[]; readonly at: Instant }) => void;
  /**
   * Called when a case ends (returned, refused, withdrawn), with what the simulator concluded and
   * what the applicant said (the scenario's `feedback`, drawn for the cases counted after the warm-up).
   */
  readonly ended?: (
    caseId: number,
    result: { readonly outcome: OutcomeKind; readonly at: Instant; readonly classification: Classification | null; readonly due: Instant | null; readonly apologies: number; readonly rating: Rating | null; readonly complained: boolean },
  ) => void;
  /** Called every few thousand events with the simulated instant, for progress bars. */
  readonly progress?: (at: Instant) => void;
}
