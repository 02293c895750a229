import { MS_PER_DAY, type Instant, instantAt } from '../calendar/instant.ts';
import type { LocalDate } from '../calendar/date.ts';
import type { Classification } from '../calendar/ledger.ts';
import type { OutcomeKind, Rating } from '../compile/types.ts';
import { type Decision766, decision766, lateBy766 } from '../indicators/decision766.ts';
import { type ProcedureFacts, procedureFacts } from '../indicators/from-cases.ts';
import type { DossierEnd, DossierRecord } from '../indicators/record.ts';
import type { SimConfig } from './config.ts';
import { type Random, randomStream } from './random.ts';

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

/** A seed of its own, so that drawing ratings leaves every other figure of the run as it was. */
const FEEDBACK_SEED_MIX = 0x766;

/**
 * Collects the indicator records of one replication's counted dossiers (received after the
 * warm-up) and draws their ratings and complaints from their own random stream. The simulator
 * calls `ended` when a dossier ends and `open` for those still open at the end of the run.
 */
export class IndicatorCollector {
  private readonly records: DossierRecord[] = [];
  private readonly facts: readonly ProcedureFacts[];
  private readonly rng: Random;
  private readonly feedback: FeedbackBehaviour;

  constructor(private readonly config: SimConfig, replication: number) {
    this.facts = config.procedures.map((p) => procedureFacts(p.spec));
    this.rng = randomStream(config.seed ^ FEEDBACK_SEED_MIX, replication);
    this.feedback = config.feedback ?? NO_FEEDBACK;
  }

  /** Records a dossier that ended and returns what its applicant said (drawn here). */
  ended(p: number, id: number, c: { readonly arrival: Instant; readonly due: Instant | null; readonly outcome: OutcomeKind; readonly at: Instant; readonly classification: Classification | null; readonly supplements: number }): { readonly rating: Rating | null; readonly complained: boolean } {
    const kind: DossierEnd = c.outcome === 'returned' ? 'resolved' : c.outcome;
    // "late" as Decision 766 counts it (past the due instant, or more than one supplement request),
    // so that the ratings drawn follow the lateness the satisfaction rate subtracts.
    const outcome: FeedbackOutcome = kind === 'resolved' ? (lateBy766({ at: c.at, classification: c.classification }, c.due, c.supplements) ? 'late' : 'on-time') : kind === 'withdrawn' ? 'withdrawn' : 'refused';
    const u = this.rng.next();
    const odds = this.feedback.rating[outcome];
    const rating: Rating | null = u < odds['very-satisfied'] ? 'very-satisfied' : u < odds['very-satisfied'] + odds.satisfied ? 'satisfied' : u < odds['very-satisfied'] + odds.satisfied + odds['not-satisfied'] ? 'not-satisfied' : null;
    const complained = this.rng.next() < this.feedback.complaint[outcome];
    this.push(p, id, c.arrival, c.due, c.supplements, {
      end: { kind, at: c.at, classification: kind === 'resolved' || kind === 'refused' ? c.classification : null },
      rating: rating === null ? null : { value: rating, at: c.at },
      complaints: complained ? [c.at] : [],
    });
    return { rating, complained };
  }

  open(p: number, id: number, c: { readonly arrival: Instant; readonly due: Instant | null; readonly supplements: number }): void {
    this.push(p, id, c.arrival, c.due, c.supplements, { end: null, rating: null, complaints: [] });
  }

  /** The indicators of the replication: dossiers received after the warm-up, followed to the end of the run. */
  result(endedAt: Instant): Decision766 {
    const from = instantAt((this.config.start + this.config.warmupDays) as LocalDate);
    // The period's end is exclusive: a millisecond after the last event keeps what ended then. A
    // run that ends before its warm-up does (nothing counted) still gives a period.
    const to = Math.max(endedAt + 1, from + MS_PER_DAY) as Instant;
    return decision766(this.records, { from, to, now: to });
  }

  private push(p: number, id: number, arrival: Instant, due: Instant | null, supplements: number, rest: Pick<DossierRecord, 'end' | 'rating' | 'complaints'>): void {
    const facts = this.facts[p]!;
    this.records.push({
      id: String(id),
      procedure: this.config.procedures[p]!.spec.id,
      agency: facts.agency,
      level: facts.level,
      receivedAt: arrival,
      due,
      supplementRequests: Array.from({ length: supplements }, () => arrival),
      ...rest,
    });
  }
}
