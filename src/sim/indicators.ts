import { MS_PER_DAY, type Instant, instantAt } from '../calendar/instant.ts';
import type { LocalDate } from '../calendar/date.ts';
import type { Classification } from '../calendar/ledger.ts';
import type { OutcomeKind, Rating } from '../compile/types.ts';
import { type Decision766, type Decision766Key, Decision766Tally, lateBy766 } from '../indicators/decision766.ts';
import { type ProcedureFacts, procedureFacts } from '../indicators/from-cases.ts';
import type { DossierEnd, DossierRecord } from '../indicators/record.ts';
import type { SimConfig } from './config.ts';
import { type Random, randomStream } from './random.ts';
import { packedMap } from './kernel/packed.ts';

/**
 * How a dossier of a simulation ended, for the chance of a rating and of a complaint. `late` and
 * `on-time` are resolved dossiers late or not as Decision 766 counts them (`lateBy766`: motcua's
 * classification against the due instant, or more than one supplement request), not motcua's own
 * early / on time / late split.
 */
export type FeedbackOutcome = 'on-time' | 'late' | 'refused' | 'withdrawn';
export const FEEDBACK_OUTCOMES: readonly FeedbackOutcome[] = ['on-time', 'late', 'refused', 'withdrawn'];

/**
 * What applicants say after their dossier ended: per outcome, the probability of each rating (the
 * rest give none) and of a complaint about the dossier. Without it nobody rates or complains, and
 * the satisfaction rate is 1 − the late rate.
 */
export interface FeedbackBehaviour {
  readonly rating: Readonly<Record<FeedbackOutcome, Readonly<Record<Rating, number>>>>;
  readonly complaint: Readonly<Record<FeedbackOutcome, number>>;
}

const NONE = { 'very-satisfied': 0, satisfied: 0, 'not-satisfied': 0 } as const;
export const NO_FEEDBACK: FeedbackBehaviour = {
  rating: { 'on-time': NONE, late: NONE, refused: NONE, withdrawn: NONE },
  complaint: { 'on-time': 0, late: 0, refused: 0, withdrawn: 0 },
};

const NONE_AT: readonly Instant[] = [];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const NO_SAY = { rating: null, complained: false } as const;

/** A seed of its own, so that drawing ratings leaves every other figure of the run as it was. */
const FEEDBACK_SEED_MIX = 0x766;

/**
 * Collects the indicator records of one replication's counted dossiers (received after the
 * warm-up) and draws their ratings and complaints from their own random stream. The simulator
 * calls `ended` when a dossier ends and `open` for those still open at the end of the run.
 */
export class IndicatorCollector {
  /**
   * Counts each record as it comes and keeps none, so memory stays flat in the number of dossiers.
   * Open without an end: every instant of the run lies before the end of the period `result` gives.
   */
  private readonly tally: Decision766Tally;
  private readonly facts: readonly ProcedureFacts[];
  /** Whom each procedure's dossiers count for. */
  private readonly keys: readonly Decision766Key[];
  private readonly rng: Random;
  private readonly feedback: FeedbackBehaviour;
  /** Whether anybody rates or complains: without feedback no draws are made (all chances are 0). */
  private readonly anyFeedback: boolean;
  private readonly from: Instant;
  /** Open dossiers are judged against the end of the period, known only in `result`. */
  private readonly stillOpen: { readonly p: number; readonly arrival: Instant; readonly due: Instant | null; readonly supplements: number }[] = [];

  constructor(private readonly config: SimConfig, replication: number) {
    this.facts = packedMap(config.procedures, (p) => procedureFacts(p.spec));
    this.rng = randomStream(config.seed ^ FEEDBACK_SEED_MIX, replication);
    this.feedback = config.feedback ?? NO_FEEDBACK;
    this.anyFeedback = FEEDBACK_OUTCOMES.some((o) => this.feedback.complaint[o] > 0 || Object.values(this.feedback.rating[o]).some((p) => p > 0));
    this.from = instantAt((config.start + config.warmupDays) as LocalDate);
    this.tally = new Decision766Tally({ from: this.from, to: Infinity as Instant, now: Infinity as Instant });
    this.keys = packedMap(config.procedures, (p, k) => this.tally.key(this.facts[k]!.agency, p.spec.id, this.facts[k]!.level));
  }

  /** Records a dossier that ended and returns what its applicant said (drawn here). */
  ended(p: number, arrival: Instant, due: Instant | null, outcome: OutcomeKind, at: Instant, classification: Classification | null, supplements: number): { readonly rating: Rating | null; readonly complained: boolean } {
    const kind: DossierEnd = outcome === 'returned' ? 'resolved' : outcome;
    const end = this.end;
    end.kind = kind;
    end.at = at;
    end.classification = kind === 'resolved' || kind === 'refused' ? classification : null;
    let rating: Rating | null = null;
    let complained = false;
    if (this.anyFeedback) {
      // "late" as Decision 766 counts it (past the due instant, or more than one supplement request),
      // so that the ratings drawn follow the lateness the satisfaction rate subtracts.
      const said: FeedbackOutcome = kind === 'resolved' ? (lateBy766(end, due, supplements) ? 'late' : 'on-time') : kind === 'withdrawn' ? 'withdrawn' : 'refused';
      const u = this.rng.next();
      const odds = this.feedback.rating[said];
      rating = u < odds['very-satisfied'] ? 'very-satisfied' : u < odds['very-satisfied'] + odds.satisfied ? 'satisfied' : u < odds['very-satisfied'] + odds.satisfied + odds['not-satisfied'] ? 'not-satisfied' : null;
      complained = this.rng.next() < this.feedback.complaint[said];
    }
    this.tally.addEnded(this.keys[p]!, arrival, due, end, supplements, rating, complained);
    return rating === null && !complained ? NO_SAY : { rating, complained };
  }

  /** Records a dossier still open at the end of the run (counted against the end `result` is given). */
  open(p: number, arrival: Instant, due: Instant | null, supplements: number): void {
    this.stillOpen.push({ p, arrival, due, supplements });
  }

  /** The indicators of the replication: dossiers received after the warm-up, followed to the end of the run. */
  result(endedAt: Instant): Decision766 {
    // The period's end is exclusive: a millisecond after the last event keeps what ended then. A
    // run that ends before its warm-up does (nothing counted) still gives a period.
    this.tally.endPeriodAt(Math.max(endedAt + 1, this.from + MS_PER_DAY) as Instant);
    for (const o of this.stillOpen.splice(0)) this.#open(o.p, o.arrival, o.due, o.supplements);
    return this.tally.result();
  }

  /** The end of the dossier being counted, reused: the tally keeps nothing of it. */
  private readonly end: Mutable<NonNullable<DossierRecord['end']>> = { kind: 'resolved', at: 0 as Instant, classification: null };

  /** Counts a dossier still open at the end of the period. */
  #open(p: number, receivedAt: Instant, due: Instant | null, supplements: number): void {
    const facts = this.facts[p]!;
    const supplementRequests = supplements === 0 ? NONE_AT : Array.from({ length: supplements }, () => receivedAt);
    this.tally.addDossier({ id: '', procedure: this.config.procedures[p]!.spec.id, agency: facts.agency, level: facts.level, receivedAt, due, end: null, supplementRequests, rating: null, complaints: NONE_AT });
  }
}
