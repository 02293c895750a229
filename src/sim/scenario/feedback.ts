import { z } from 'zod';
import { inIssue, said } from './said.ts';
import { FEEDBACK_OUTCOMES, type FeedbackBehaviour, type FeedbackOutcome, NO_FEEDBACK } from '../indicators.ts';

/**
 * The scenario's `feedback`: per outcome of a dossier (on time, late, refused, withdrawn), the
 * probability of each rating and of a complaint, e.g.
 * `feedback: { rating: { late: { not-satisfied: 0.4 } }, complaint: { late: 0.05 } }`. Missing
 * outcomes have no ratings and no complaints. Built from the scenario's probability schema (given,
 * so that this file and the scenario schema do not import each other).
 */
export function feedbackSchema(probabilitySchema: z.ZodNumber) {
  const ratingOdds = z
  .strictObject({ 'very-satisfied': probabilitySchema.default(0), satisfied: probabilitySchema.default(0), 'not-satisfied': probabilitySchema.default(0) })
  .describe(inIssue(said('scenario.form.rating')))
  .refine((o) => o['very-satisfied'] + o.satisfied + o['not-satisfied'] <= 1 + 1e-9, {
    error: inIssue(said('scenario.rating.sum')),
  });

  const perOutcome = <T extends z.ZodType>(item: T, what: 'scenario.form.rating-odds' | 'scenario.form.complaint-odds') =>
  z.strictObject(Object.fromEntries(FEEDBACK_OUTCOMES.map((o) => [o, item.optional()])) as Record<FeedbackOutcome, z.ZodOptional<T>>).describe(inIssue(said('scenario.form.per-outcome', { what: said(what) })));

  return z
    .strictObject({
      rating: perOutcome(ratingOdds, 'scenario.form.rating-odds').default({}),
      complaint: perOutcome(probabilitySchema, 'scenario.form.complaint-odds').default({}),
    })
    .describe('{ rating?, complaint? }');
}

/** A `feedback` entry after the schema. */
export type FeedbackEntry = z.output<ReturnType<typeof feedbackSchema>>;

/** The resolved behaviour of a `feedback` entry. */
export function feedbackBehaviour(entry: FeedbackEntry | undefined): FeedbackBehaviour {
  if (entry === undefined) return NO_FEEDBACK;
  const rating = Object.fromEntries(FEEDBACK_OUTCOMES.map((o) => [o, { ...NO_FEEDBACK.rating[o], ...entry.rating[o] }])) as FeedbackBehaviour['rating'];
  const complaint = Object.fromEntries(FEEDBACK_OUTCOMES.map((o) => [o, entry.complaint[o] ?? 0])) as FeedbackBehaviour['complaint'];
  return { rating, complaint };
}
