import { parseInstant } from '../../src/calendar/instant.ts';
import type { Actor, CaseContext, CaseEvent } from '../../src/compile/types.ts';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';
import type { ComplaintRecord } from '../../src/indicators/record.ts';
import { Driver, agency, applicant, desk } from '../support/drive.ts';
import { tinySpec } from '../support/specs.ts';

const justice = agency('justice');
const police = agency('police');
/**
 * desk → justice → police, 3 wd: counts for the police (the last step). Its supplement limit counts
 * per agency (a procedure's own departure from the period's once per dossier), so that a dossier
 * can have the two requests the Decision 766 computation calls late.
 */
export const tiny = tinySpec({ clock: { supplement: 'pause', maxSupplementsPerAgency: 1, supplementsPer: 'agency' } });
/** desk → police → justice, 3 wd: counts for the justice officer. */
export const other: ProcedureSpec = tinySpec({ id: 'other', title: { vi: 'Khác', en: 'Other' }, flow: [...tiny.flow].reverse() });

type Step = readonly [type: CaseEvent['type'], at: string, by: Actor, payload?: Record<string, unknown>];
/** A hand-built case as data, so that the same events go through the pure API and through an engine's store. */
export interface Script {
  readonly spec: ProcedureSpec;
  readonly receivedAt: string;
  readonly channel: 'online' | 'in-person';
  readonly events: readonly Step[];
}

const accept = (at: string): Step => ['ACCEPT', at, desk];
const complete = (at: string, step: 'register' | 'residence'): Step => ['COMPLETE', at, step === 'register' ? justice : police, { step }];
const both = (first: string, second: string, order: readonly ('register' | 'residence')[] = ['register', 'residence']): Step[] => [complete(first, order[0]!), complete(second, order[1]!)];
const script = (spec: ProcedureSpec, receivedAt: string, events: readonly Step[], channel: Script['channel'] = 'online'): Script => ({ spec, receivedAt, channel, events });

/**
 * The week of Monday 10 to Sunday 16 March 2025, seen on Thursday 20 March. A dossier of tiny
 * accepted on Monday 10 at 09:00 is due at the end of Thursday 13. Each case says what it adds.
 */
export const SCRIPTS = {
  // Ready Tuesday 11, returned, rated very satisfied: ended on time (one-stop: early).
  early: script(tiny, '2025-03-10T09:00', [accept('2025-03-10T09:00'), ...both('2025-03-10T10:00', '2025-03-11T10:00'), ['RETURN_RESULT', '2025-03-11T14:00', desk], ['RATE', '2025-03-12T09:00', applicant, { rating: 'very-satisfied' }]]),
  // Ready on its due date, rated not satisfied: ended on time, dissatisfied (one-stop: on time).
  onTimeUnhappy: script(tiny, '2025-03-10T09:00', [
    accept('2025-03-10T09:00'),
    ...both('2025-03-12T10:00', '2025-03-13T15:00'),
    ['RETURN_RESULT', '2025-03-13T16:00', desk],
    ['RATE', '2025-03-14T09:00', applicant, { rating: 'not-satisfied', comment: 'had to come back twice' }],
  ]),
  // Ready Friday 14, a day late, and rated not satisfied: late and dissatisfied at once.
  lateUnhappy: script(tiny, '2025-03-10T09:00', [accept('2025-03-10T09:00'), ...both('2025-03-12T10:00', '2025-03-14T10:00'), ['RETURN_RESULT', '2025-03-14T14:00', desk], ['RATE', '2025-03-14T15:00', applicant, { rating: 'not-satisfied' }]]),
  // Refused by the justice officer on Tuesday 11: ended on time (a refusal ends handling).
  refused: script(tiny, '2025-03-10T09:00', [accept('2025-03-10T09:00'), ['REFUSE', '2025-03-11T09:00', justice, { step: 'register', reasons: ['not competent'] }]]),
  // Refused at the desk, never received: not handled (by default).
  refusedAtDesk: script(tiny, '2025-03-11T09:00', [['REFUSE', '2025-03-11T09:05', desk, { reasons: ['wrong commune'] }]], 'in-person'),
  // Withdrawn by the applicant on Wednesday 12, before the due date: ended on time.
  withdrawn: script(tiny, '2025-03-10T09:00', [accept('2025-03-10T09:00'), ['WITHDRAW', '2025-03-12T09:00', applicant]]),
  // Received Friday 14, due Wednesday 19, still open: pending within the limit.
  pendingWithin: script(tiny, '2025-03-14T09:00', [accept('2025-03-14T09:00')]),
  // Received Thursday 6, due Tuesday 11, still open: pending past the limit (late).
  pendingPast: script(tiny, '2025-03-06T09:00', [accept('2025-03-06T09:00')]),
  // Two supplement requests (one per agency), ready early on Wednesday 12: late (more than one request).
  twoSupplements: script(tiny, '2025-03-10T09:00', [
    accept('2025-03-10T09:00'),
    ['REQUEST_SUPPLEMENT', '2025-03-10T10:00', justice, { step: 'register', missing: ['birth certificate'] }],
    ['SUPPLY', '2025-03-10T14:00', applicant],
    complete('2025-03-11T09:00', 'register'),
    ['REQUEST_SUPPLEMENT', '2025-03-11T10:00', police, { step: 'residence', missing: ['lease'] }],
    ['SUPPLY', '2025-03-11T14:00', applicant],
    complete('2025-03-12T10:00', 'residence'),
  ]),
  // Other procedure (justice), ready on its due date, complained about on Friday 14: on time, dissatisfied.
  complained: script(other, '2025-03-10T09:00', [accept('2025-03-10T09:00'), ...both('2025-03-12T10:00', '2025-03-13T15:00', ['residence', 'register'])]),
  // Other procedure, received Friday 14, still open: pending within the limit.
  otherPending: script(other, '2025-03-14T09:00', [accept('2025-03-14T09:00')]),
  // Done the week before, and received after it: not handled in the week.
  before: script(tiny, '2025-03-03T09:00', [accept('2025-03-03T09:00'), ...both('2025-03-04T10:00', '2025-03-05T10:00')]),
  after: script(tiny, '2025-03-17T09:00', [accept('2025-03-17T09:00')]),
} satisfies Record<string, Script>;

/** The scripts run through the pure case API. */
export function handBuilt(): Record<keyof typeof SCRIPTS, CaseContext> {
  const run = (s: Script) => s.events.reduce((d, [type, at, by, payload]) => d.send(type, at, by, payload as never), new Driver(s.spec, { receivedAt: s.receivedAt, channel: s.channel })).ctx;
  return Object.fromEntries(Object.entries(SCRIPTS).map(([name, s]) => [name, run(s)])) as Record<keyof typeof SCRIPTS, CaseContext>;
}

export const week = { from: parseInstant('2025-03-10T00:00'), to: parseInstant('2025-03-17T00:00'), now: parseInstant('2025-03-20T12:00') };

/** Complaints of the week (deadline 15 wd after filing): one per kind of link. */
export function complaintsOfWeek(complainedCode: string): { readonly records: ComplaintRecord[]; readonly byDossier: Map<string, ReturnType<typeof parseInstant>[]> } {
  const records: ComplaintRecord[] = [
    // About the dossier `complained` (justice), answered the same day: on time.
    { id: 'PA-1', agency: 'justice', dossier: complainedCode, openedAt: parseInstant('2025-03-14T09:00'), due: parseInstant('2025-04-04T17:00'), closedAt: parseInstant('2025-03-14T15:00'), feedback: 'satisfied' },
    // About the police, filed long before, still open past its deadline: late.
    { id: 'PA-2', agency: 'police', openedAt: parseInstant('2025-02-10T09:00'), due: parseInstant('2025-03-03T17:00'), closedAt: null, feedback: null },
    // About neither, answered late with "not satisfied" feedback: late and not satisfied (counted once).
    { id: 'PA-3', agency: null, openedAt: parseInstant('2025-02-12T09:00'), due: parseInstant('2025-03-05T17:00'), closedAt: parseInstant('2025-03-11T09:00'), feedback: 'not-satisfied' },
  ];
  return { records, byDossier: new Map([[complainedCode, [parseInstant('2025-03-14T09:00')]]]) };
}
