import { parseInstant } from '../../src/calendar/instant.ts';
import type { CaseContext } from '../../src/compile/types.ts';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';
import type { ComplaintRecord } from '../../src/indicators/record.ts';
import { Driver, agency, applicant, desk } from '../support/drive.ts';
import { tinySpec } from '../support/specs.ts';

const justice = agency('justice');
const police = agency('police');
/** desk → justice → police, 3 wd: counts for the police (the last step). */
export const tiny = tinySpec();
/** desk → police → justice, 3 wd: counts for the justice officer. */
export const other: ProcedureSpec = tinySpec({ id: 'other', title: { vi: 'Khác', en: 'Other' }, flow: [...tiny.flow].reverse() });

const accepted = (spec: ProcedureSpec, at: string) => new Driver(spec, { receivedAt: at, channel: 'online' }).send('ACCEPT', at, desk);
const both = (d: Driver, first: string, second: string, order: readonly ['register', 'residence'] | readonly ['residence', 'register'] = ['register', 'residence']) =>
  d.send('COMPLETE', first, order[0] === 'register' ? justice : police, { step: order[0] }).send('COMPLETE', second, order[1] === 'register' ? justice : police, { step: order[1] });

/**
 * The week of Monday 10 to Sunday 16 March 2025, seen on Thursday 20 March. A dossier of tiny
 * accepted on Monday 10 at 09:00 is due at the end of Thursday 13. Each case says what it adds.
 */
export function handBuilt(): Record<string, CaseContext> {
  return {
    // Ready Tuesday 11, returned, rated very satisfied: ended on time (one-stop: early).
    early: both(accepted(tiny, '2025-03-10T09:00'), '2025-03-10T10:00', '2025-03-11T10:00')
      .send('RETURN_RESULT', '2025-03-11T14:00', desk)
      .send('RATE', '2025-03-12T09:00', applicant, { rating: 'very-satisfied' }).ctx,
    // Ready on its due date, rated not satisfied: ended on time, dissatisfied (one-stop: on time).
    onTimeUnhappy: both(accepted(tiny, '2025-03-10T09:00'), '2025-03-12T10:00', '2025-03-13T15:00')
      .send('RETURN_RESULT', '2025-03-13T16:00', desk)
      .send('RATE', '2025-03-14T09:00', applicant, { rating: 'not-satisfied', comment: 'had to come back twice' }).ctx,
    // Ready Friday 14, a day late, and rated not satisfied: late and dissatisfied at once.
    lateUnhappy: both(accepted(tiny, '2025-03-10T09:00'), '2025-03-12T10:00', '2025-03-14T10:00')
      .send('RETURN_RESULT', '2025-03-14T14:00', desk)
      .send('RATE', '2025-03-14T15:00', applicant, { rating: 'not-satisfied' }).ctx,
    // Refused by the justice officer on Tuesday 11: ended on time (a refusal ends handling).
    refused: accepted(tiny, '2025-03-10T09:00').send('REFUSE', '2025-03-11T09:00', justice, { step: 'register', reasons: ['not competent'] }).ctx,
    // Refused at the desk, never received: not handled (by default).
    refusedAtDesk: new Driver(tiny, { receivedAt: '2025-03-11T09:00', channel: 'in-person' }).send('REFUSE', '2025-03-11T09:05', desk, { reasons: ['wrong commune'] }).ctx,
    // Withdrawn by the applicant on Wednesday 12, before the due date: ended on time.
    withdrawn: accepted(tiny, '2025-03-10T09:00').send('WITHDRAW', '2025-03-12T09:00', applicant).ctx,
    // Received Friday 14, due Wednesday 19, still open: pending within the limit.
    pendingWithin: accepted(tiny, '2025-03-14T09:00').ctx,
    // Received Thursday 6, due Tuesday 11, still open: pending past the limit (late).
    pendingPast: accepted(tiny, '2025-03-06T09:00').ctx,
    // Two supplement requests (one per agency), ready early on Wednesday 12: late (more than one request).
    twoSupplements: accepted(tiny, '2025-03-10T09:00')
      .send('REQUEST_SUPPLEMENT', '2025-03-10T10:00', justice, { step: 'register', missing: ['birth certificate'] })
      .send('SUPPLY', '2025-03-10T14:00', applicant)
      .send('COMPLETE', '2025-03-11T09:00', justice, { step: 'register' })
      .send('REQUEST_SUPPLEMENT', '2025-03-11T10:00', police, { step: 'residence', missing: ['lease'] })
      .send('SUPPLY', '2025-03-11T14:00', applicant)
      .send('COMPLETE', '2025-03-12T10:00', police, { step: 'residence' }).ctx,
    // Other procedure (justice), ready on its due date, complained about on Friday 14: on time, dissatisfied.
    complained: both(accepted(other, '2025-03-10T09:00'), '2025-03-12T10:00', '2025-03-13T15:00', ['residence', 'register']).ctx,
    // Other procedure, received Friday 14, still open: pending within the limit.
    otherPending: accepted(other, '2025-03-14T09:00').ctx,
    // Done the week before, and received after it: not handled in the week.
    before: both(accepted(tiny, '2025-03-03T09:00'), '2025-03-04T10:00', '2025-03-05T10:00').ctx,
    after: accepted(tiny, '2025-03-17T09:00').ctx,
  };
}

export const week = { from: parseInstant('2025-03-10T00:00'), to: parseInstant('2025-03-17T00:00'), now: parseInstant('2025-03-20T12:00') };

/** Complaints of the week (deadline 15 wd after filing): one per kind of link. */
export function complaintsOfWeek(complainedCode: string): { readonly records: ComplaintRecord[]; readonly byDossier: Map<string, ReturnType<typeof parseInstant>[]> } {
  const records: ComplaintRecord[] = [
    // About the dossier `complained` (justice), answered the same day: on time.
    { id: 'PA-1', agency: 'justice', openedAt: parseInstant('2025-03-14T09:00'), due: parseInstant('2025-04-04T17:00'), closedAt: parseInstant('2025-03-14T15:00'), feedback: 'satisfied' },
    // About the police, filed long before, still open past its deadline: late.
    { id: 'PA-2', agency: 'police', openedAt: parseInstant('2025-02-10T09:00'), due: parseInstant('2025-03-03T17:00'), closedAt: null, feedback: null },
    // About neither, answered late with "not satisfied" feedback: late and not satisfied (counted once).
    { id: 'PA-3', agency: null, openedAt: parseInstant('2025-02-12T09:00'), due: parseInstant('2025-03-05T17:00'), closedAt: parseInstant('2025-03-11T09:00'), feedback: 'not-satisfied' },
  ];
  return { records, byDossier: new Map([[complainedCode, [parseInstant('2025-03-14T09:00')]]]) };
}
