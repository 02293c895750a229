import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { workingDays } from '../calendar/duration.ts';
import type { Instant } from '../calendar/instant.ts';
import { CaseError } from '../errors.ts';
import { label, labelBy, t } from '../i18n/translate.ts';
import type { ComplaintRecord } from './record.ts';
import { DEFAULT_COMPLAINT_DEADLINES } from './rules.ts';

/** `feedback`: phản ánh (about how something was done); `petition`: kiến nghị (asking for a change). */
export type ComplaintKind = 'feedback' | 'petition';
/**
 * Every kind of complaint, for forms and input checks.
 *
 * @example
 * COMPLAINT_KINDS // → [ 'feedback', 'petition' ]
 */
export const COMPLAINT_KINDS: readonly ComplaintKind[] = ['feedback', 'petition'];

/** `upheld`: the complaint was right and something was done; `dismissed`: it was answered and not upheld; `refused`: not accepted for handling (not competent, anonymous, duplicate…). */
export type ComplaintOutcomeKind = 'upheld' | 'dismissed' | 'refused';
/**
 * Every outcome an answer may have.
 *
 * @example
 * COMPLAINT_OUTCOMES // → [ 'upheld', 'dismissed', 'refused' ]
 */
export const COMPLAINT_OUTCOMES: readonly ComplaintOutcomeKind[] = ['upheld', 'dismissed', 'refused'];

/**
 * `open`: filed, not yet acknowledged; `acknowledged`: accepted for handling; `awaiting-information`:
 * the filer was asked for more information; `answered` / `refused`: closed.
 */
export type ComplaintStatus = 'open' | 'acknowledged' | 'awaiting-information' | 'answered' | 'refused';
/**
 * Every status of a complaint, from filing to closing.
 *
 * @example
 * COMPLAINT_STATUSES.includes('awaiting-information') // → true
 */
export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['open', 'acknowledged', 'awaiting-information', 'answered', 'refused'];

/**
 * A complaint or petition (phản ánh, kiến nghị) about a dossier, an agency, or neither, with its
 * deadlines on the working-time calendar, its status and its outcome. Plain data: stores keep it
 * whole, with `version` counting its writes (1 when opened).
 */
export interface Complaint {
  readonly id: string;
  readonly kind: ComplaintKind;
  /** The dossier code it is about, when it is about one. */
  readonly dossier: string | null;
  /** The agency it is about (for a dossier: the agency the dossier counts for), when known. */
  readonly agency: string | null;
  readonly text: string;
  readonly openedAt: Instant;
  /** Working-day deadlines from filing (see `DEFAULT_COMPLAINT_DEADLINES`: not verified). */
  readonly deadlines: { readonly acknowledge: Instant; readonly askInformation: Instant; readonly answer: Instant };
  readonly status: ComplaintStatus;
  /** When it was acknowledged (accepted for handling); asking for information acknowledges it too. */
  readonly acknowledgedAt: Instant | null;
  /** The request to the filer for more information, when one was made (once). */
  readonly informationRequest: { readonly at: Instant; readonly text: string } | null;
  readonly outcome: { readonly kind: ComplaintOutcomeKind; readonly at: Instant; readonly text: string } | null;
  /** The filer's feedback on the answer. */
  readonly feedback: 'satisfied' | 'not-satisfied' | null;
  readonly version: number;
}

/** What opening a complaint needs. */
export interface ComplaintInput {
  readonly id: string;
  readonly kind: ComplaintKind;
  readonly dossier?: string | null;
  readonly agency?: string | null;
  readonly text: string;
  readonly at: Instant;
  /** Working days per deadline; the defaults otherwise. */
  readonly deadlines?: Partial<Record<keyof Complaint['deadlines'], number>>;
}

/**
 * A new complaint, its deadlines counted in working days on `calendar` from the filing instant.
 *
 * @example
 * const c = openComplaint({ id: 'PAKN-20250314-0001', kind: 'feedback', dossier: 'MOTCUA-250310-0001', text: 'Late', at }, calendar);
 * c.deadlines.answer // 15 working days later
 */
export function openComplaint(input: ComplaintInput, calendar: BusinessCalendar): Complaint {
  if (input.text.trim() === '') throw new CaseError('bad-input', label('error.complaint.text'), { path: ['text'] });
  const days = { ...DEFAULT_COMPLAINT_DEADLINES, ...input.deadlines };
  const due = (n: number) => calendar.addToInstant(input.at, workingDays(n));
  return {
    id: input.id,
    kind: input.kind,
    dossier: input.dossier ?? null,
    agency: input.agency ?? null,
    text: input.text,
    openedAt: input.at,
    deadlines: { acknowledge: due(days.acknowledge), askInformation: due(days.askInformation), answer: due(days.answer) },
    status: 'open',
    acknowledgedAt: null,
    informationRequest: null,
    outcome: null,
    feedback: null,
    version: 1,
  };
}

/**
 * The complaint answered (or refused) at `at`, optionally with the filer's feedback.
 *
 * @throws CaseError `complaint-closed` when it was already answered or refused; `bad-input` for an answer before the filing
 *
 * @example
 * const c = openComplaint({ id: 'PAKN-20260302-0001', kind: 'feedback', text: 'Late', at: parseInstant('2026-03-02T09:00') }, new BusinessCalendar());
 * const answered = answerComplaint(c, { at: parseInstant('2026-03-10T10:00'), outcome: 'upheld', text: 'We apologise', feedback: 'satisfied' });
 * answered.status // → 'answered'
 * answered.version // → 2
 */
export function answerComplaint(c: Complaint, answer: { readonly at: Instant; readonly outcome: ComplaintOutcomeKind; readonly text: string; readonly feedback?: 'satisfied' | 'not-satisfied' }): Complaint {
  stillOpen(c);
  notBefore(c, answer.at, 'answer');
  return {
    ...c,
    status: answer.outcome === 'refused' ? 'refused' : 'answered',
    outcome: { kind: answer.outcome, at: answer.at, text: answer.text },
    feedback: answer.feedback ?? c.feedback,
    version: c.version + 1,
  };
}

/**
 * The complaint acknowledged (accepted for handling) at `at`; due by `deadlines.acknowledge`.
 *
 * @throws CaseError `complaint-closed` when it was answered or refused; `complaint-acknowledged` when it was acknowledged already; `bad-input` before the filing
 *
 * @example
 * const c = openComplaint({ id: 'PAKN-20260302-0001', kind: 'feedback', text: 'Late', at: parseInstant('2026-03-02T09:00') }, new BusinessCalendar());
 * acknowledgeComplaint(c, parseInstant('2026-03-03T10:00')).status // → 'acknowledged'
 */
export function acknowledgeComplaint(c: Complaint, at: Instant): Complaint {
  stillOpen(c);
  if (c.acknowledgedAt !== null) throw new CaseError('complaint-acknowledged', label('error.complaint.acknowledged', { id: c.id }), { path: [c.id] });
  notBefore(c, at, 'acknowledgement');
  return { ...c, status: 'acknowledged', acknowledgedAt: at, version: c.version + 1 };
}

/**
 * The filer asked for more information at `at` (once; due by `deadlines.askInformation`). Asking
 * acknowledges a complaint not yet acknowledged. The answer's deadline stays where it was: whether
 * the wait for the filer is left out of it is not verified.
 *
 * @throws CaseError `complaint-closed` when it was answered or refused; `information-asked` when information was asked for already; `bad-input` without a text or before the filing
 *
 * @example
 * const c = openComplaint({ id: 'PAKN-20260302-0001', kind: 'feedback', text: 'Late', at: parseInstant('2026-03-02T09:00') }, new BusinessCalendar());
 * const asked = askComplaintInformation(c, { at: parseInstant('2026-03-03T10:00'), text: 'Which dossier?' });
 * asked.status // → 'awaiting-information'
 * asked.acknowledgedAt === asked.informationRequest?.at // → true
 */
export function askComplaintInformation(c: Complaint, request: { readonly at: Instant; readonly text: string }): Complaint {
  stillOpen(c);
  if (c.informationRequest !== null) throw new CaseError('information-asked', label('error.complaint.asked', { id: c.id }), { path: [c.id] });
  if (request.text.trim() === '') throw new CaseError('bad-input', label('error.complaint.ask-text'), { path: ['text'] });
  notBefore(c, request.at, 'request');
  return { ...c, status: 'awaiting-information', acknowledgedAt: c.acknowledgedAt ?? request.at, informationRequest: { at: request.at, text: request.text }, version: c.version + 1 };
}

/** Whether each deadline was kept: `kept` / `missed` when the action was taken, `pending` / `overdue` as of `now` when not; `not-needed` for the request for information of a closed complaint that made none. */
export type DeadlineState = 'kept' | 'missed' | 'pending' | 'overdue' | 'not-needed';

/**
 * How the complaint stands against each of its deadlines as of `now`. Acknowledging is also kept
 * by an answer or refusal in time; the request for information is optional.
 *
 * @example
 * const c = openComplaint({ id: 'PAKN-20260302-0001', kind: 'feedback', text: 'Late', at: parseInstant('2026-03-02T09:00') }, new BusinessCalendar());
 * formatInstant(c.deadlines.acknowledge) // → '2026-03-04T09:00+07:00'
 * complaintDeadlines(c, parseInstant('2026-03-05T09:00')) // → { acknowledge: 'overdue', askInformation: 'pending', answer: 'pending' }
 */
export function complaintDeadlines(c: Complaint, now: Instant): Readonly<Record<keyof Complaint['deadlines'], DeadlineState>> {
  const closedAt = c.outcome?.at ?? null;
  const state = (done: Instant | null, due: Instant, optional: boolean): DeadlineState =>
    done !== null ? (done <= due ? 'kept' : 'missed') : optional && closedAt !== null ? 'not-needed' : now > due ? (optional ? 'not-needed' : 'overdue') : 'pending';
  return {
    acknowledge: state(c.acknowledgedAt ?? closedAt, c.deadlines.acknowledge, false),
    askInformation: state(c.informationRequest?.at ?? null, c.deadlines.askInformation, true),
    answer: state(closedAt, c.deadlines.answer, false),
  };
}

/**
 * A stored complaint with the fields of later versions filled in (complaints written before
 * acknowledgement and requests for information existed have neither).
 *
 * @example
 * const { acknowledgedAt, informationRequest, ...older } = openComplaint({ id: 'PAKN-1', kind: 'feedback', text: 'Late', at: parseInstant('2026-03-02T09:00') }, new BusinessCalendar());
 * storedComplaint(older).acknowledgedAt // → null
 */
export function storedComplaint(body: Omit<Complaint, 'acknowledgedAt' | 'informationRequest'> & Partial<Pick<Complaint, 'acknowledgedAt' | 'informationRequest'>>): Complaint {
  return { ...body, acknowledgedAt: body.acknowledgedAt ?? null, informationRequest: body.informationRequest ?? null };
}

function stillOpen(c: Complaint): void {
  if (c.status === 'answered' || c.status === 'refused') throw new CaseError('complaint-closed', label(c.status === 'answered' ? 'error.complaint.closed.answered' : 'error.complaint.closed.refused', { id: c.id }), { path: [c.id] });
}

function notBefore(c: Complaint, at: Instant, what: 'answer' | 'acknowledgement' | 'request'): void {
  if (at < c.openedAt) throw new CaseError('bad-input', labelBy('error.complaint.before', (lang) => ({ what: t(lang, `complaint.what.${what}`), id: c.id })), { path: ['at'] });
}

/**
 * The indicator view of a complaint. Its deadline is the answer's, except for a complaint refused
 * (not accepted for handling): a refusal is due within the acknowledgement's 2 working days
 * (shared/DOMAIN.md [src-2]: "2 working days to refuse"; not verified against the decision).
 *
 * @example
 * const c = openComplaint({ id: 'PAKN-1', kind: 'feedback', text: 'Late', at: parseInstant('2026-03-02T09:00') }, new BusinessCalendar());
 * complaintRecord(c).due === c.deadlines.answer // → true
 * complaintRecord(c).closedAt // → null
 */
export function complaintRecord(c: Complaint): ComplaintRecord {
  const due = c.outcome?.kind === 'refused' ? c.deadlines.acknowledge : c.deadlines.answer;
  return { id: c.id, agency: c.agency, dossier: c.dossier, openedAt: c.openedAt, due, closedAt: c.outcome?.at ?? null, feedback: c.feedback };
}

/**
 * The filing instants of the complaints about each dossier, as `recordsFromCases` takes them.
 *
 * @example
 * const c = openComplaint({ id: 'PAKN-1', kind: 'feedback', dossier: 'MOTCUA-260302-0001', text: 'Late', at: parseInstant('2026-03-02T09:00') }, new BusinessCalendar());
 * complaintsByDossier([c]).get('MOTCUA-260302-0001') // → [ 1772416800000 ]
 */
export function complaintsByDossier(complaints: readonly Complaint[]): Map<string, Instant[]> {
  const map = new Map<string, Instant[]>();
  for (const c of complaints) {
    if (c.dossier === null) continue;
    const list = map.get(c.dossier);
    if (list === undefined) map.set(c.dossier, [c.openedAt]);
    else list.push(c.openedAt);
  }
  return map;
}
