import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { workingDays } from '../calendar/duration.ts';
import type { Instant } from '../calendar/instant.ts';
import { CaseError } from '../errors.ts';
import type { ComplaintRecord } from './record.ts';
import { DEFAULT_COMPLAINT_DEADLINES } from './rules.ts';

/** `feedback`: phản ánh (about how something was done); `petition`: kiến nghị (asking for a change). */
export type ComplaintKind = 'feedback' | 'petition';
export const COMPLAINT_KINDS: readonly ComplaintKind[] = ['feedback', 'petition'];

/** `upheld`: the complaint was right and something was done; `dismissed`: it was answered and not upheld; `refused`: not accepted for handling (not competent, anonymous, duplicate…). */
export type ComplaintOutcomeKind = 'upheld' | 'dismissed' | 'refused';
export const COMPLAINT_OUTCOMES: readonly ComplaintOutcomeKind[] = ['upheld', 'dismissed', 'refused'];

export type ComplaintStatus = 'open' | 'answered' | 'refused';

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
 * const c = openComplaint({ id: 'PAKN-20250314-0001', kind: 'feedback', dossier: 'tiny-20250310-0001', text: 'Late', at }, calendar);
 * c.deadlines.answer // 15 working days later
 */
export function openComplaint(input: ComplaintInput, calendar: BusinessCalendar): Complaint {
  if (input.text.trim() === '') throw new CaseError('bad-input', 'a complaint needs its text: say what it is about.', { path: ['text'] });
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
    outcome: null,
    feedback: null,
    version: 1,
  };
}

/**
 * The complaint answered (or refused) at `at`, optionally with the filer's feedback.
 *
 * @throws CaseError `complaint-closed` when it was already answered or refused; `bad-input` for an answer before the filing
 */
export function answerComplaint(c: Complaint, answer: { readonly at: Instant; readonly outcome: ComplaintOutcomeKind; readonly text: string; readonly feedback?: 'satisfied' | 'not-satisfied' }): Complaint {
  if (c.status !== 'open') throw new CaseError('complaint-closed', `complaint ${c.id} is already ${c.status}; open a new one to raise the matter again.`, { path: [c.id] });
  if (answer.at < c.openedAt) throw new CaseError('bad-input', `the answer to complaint ${c.id} cannot come before it was filed.`, { path: ['at'] });
  return {
    ...c,
    status: answer.outcome === 'refused' ? 'refused' : 'answered',
    outcome: { kind: answer.outcome, at: answer.at, text: answer.text },
    feedback: answer.feedback ?? c.feedback,
    version: c.version + 1,
  };
}

/** The indicator view of a complaint. */
export function complaintRecord(c: Complaint): ComplaintRecord {
  return { id: c.id, agency: c.agency, openedAt: c.openedAt, due: c.deadlines.answer, closedAt: c.outcome?.at ?? null, feedback: c.feedback };
}

/** The filing instants of the complaints about each dossier, as `recordsFromCases` takes them. */
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
