import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { formatLocalDate } from '../calendar/date.ts';
import { localDateOf } from '../calendar/instant.ts';
import { CaseError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import { type Complaint, type ComplaintInput, openComplaint } from '../indicators/complaint.ts';
import type { CaseStore } from './store.ts';

/** How often filing tries the next number when another writer took the one it counted. */
const ATTEMPTS = 5;

/**
 * Files a new complaint in the store, numbered `PAKN-YYYYMMDD-NNNN` per local day of filing from
 * the complaints already filed that day. A concurrent writer that took the same number makes the
 * store refuse the write (`putComplaint` creates only at version 1); filing then counts again.
 *
 * @throws CaseError `conflict` when every attempt found its number taken
 * @example
 * const c = await fileComplaint(store, { kind: 'feedback', dossier: 'H33-…', agency: 'justice', text: 'Late', at }, calendar);
 * c.id // 'PAKN-20250314-0001'
 */
export async function fileComplaint(store: CaseStore, input: Omit<ComplaintInput, 'id'>, calendar: BusinessCalendar): Promise<Complaint> {
  const prefix = `PAKN-${formatLocalDate(localDateOf(input.at)).replaceAll('-', '')}-`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const taken = (await store.complaints()).filter((c) => c.id.startsWith(prefix)).length;
    const complaint = openComplaint({ ...input, id: `${prefix}${String(taken + 1 + attempt).padStart(4, '0')}` }, calendar);
    if ((await store.putComplaint(complaint)).ok) return complaint;
  }
  throw new CaseError('conflict', label('error.engine.complaint-number', { attempts: ATTEMPTS }));
}
