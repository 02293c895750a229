import { z } from 'zod';
import { CalendarError } from '../errors.ts';
import { label, labelBy } from '../i18n/translate.ts';
import { zodIssueMessages } from '../i18n/zod-issue.ts';
import type { Label, LegalRef } from '../legal.ts';
import { type LocalDate, parseLocalDate } from './date.ts';

/**
 * An official yearly announcement (e.g. the Prime Minister's decision on Tết for civil servants):
 * days off, Saturdays worked, and which provisional rule days it replaces. Stored as data in
 * `calendars/vn/<year>.json`; it always wins over the rules for the days it names.
 */
export interface OfficialAnnouncement {
  readonly year: number;
  readonly entries: readonly AnnouncementEntry[];
}

export interface AnnouncementEntry {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly working: boolean;
  /**
   * Part of a swap of days (a weekday off against a Saturday worked, làm bù) that the holiday rules
   * cannot foresee; the test comparing the provisional rules with each official year leaves it out.
   */
  readonly swap: boolean;
  /** Ids of the holiday rules whose provisional days this entry replaces for the year. */
  readonly replaces: readonly string[];
  readonly reason: Label;
  readonly source: LegalRef;
}

const labelSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });
const refSchema = z.object({
  document: z.string().min(1),
  article: z.string().optional(),
  url: z.string().optional(),
  effectiveFrom: z.string().optional(),
  confidence: z.enum(['src', 'mem', 'uncertain']),
  note: z.string().optional(),
});
const entrySchema = z
  .object({
    date: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    working: z.boolean(),
    swap: z.boolean().default(false),
    replaces: z.array(z.string()).default([]),
    reason: labelSchema,
    source: refSchema,
  })
  .strict();
const announcementSchema = z.object({ year: z.number().int(), entries: z.array(entrySchema) }).strict();

/**
 * Validates the JSON of an announcement file. Each entry has either `date` or `from` and `to`.
 *
 * @throws CalendarError with code `bad-announcement`, naming the file and the path inside it
 *
 * @example
 * parseAnnouncement({ year: 2027, entries: [] }, 'calendars/vn/2027.json').entries // → []
 * parseAnnouncement({ year: 2027 }, 'calendars/vn/2027.json') // throws CalendarError bad-announcement: entries: expected array
 * const a = parseAnnouncement(JSON.parse(readFileSync('calendars/vn/2025.json', 'utf8')), 'calendars/vn/2025.json');
 * const cal = vietnamDayCalendar([a]); // its entries win over the rules
 */
export function parseAnnouncement(json: unknown, file: string): OfficialAnnouncement {
  const parsed = announcementSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const said = zodIssueMessages(issue, json);
    throw new CalendarError('bad-announcement', labelBy('error.cal.announcement', (lang) => ({ issue: said[lang] })), {
      file,
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    });
  }
  const { year, entries } = parsed.data;
  return {
    year,
    entries: entries.map((e, i) => {
      const path = ['entries', i];
      const single = e.date;
      if ((single === undefined) === (e.from === undefined || e.to === undefined)) {
        throw new CalendarError('bad-announcement', label('error.cal.date-or-range'), { file, path });
      }
      const from = dateIn(file, single ?? e.from!, [...path, single === undefined ? 'from' : 'date']);
      const to = dateIn(file, single ?? e.to!, [...path, single === undefined ? 'to' : 'date']);
      if (to < from) throw new CalendarError('bad-announcement', label('error.cal.to-before-from'), { file, path });
      const source = dropUndefined(e.source) as LegalRef;
      return { from, to, working: e.working, swap: e.swap, replaces: e.replaces, reason: e.reason, source };
    }),
  };
}

/** {@link parseLocalDate} for a date inside an announcement file: the error names the file too. */
function dateIn(file: string, text: string, path: readonly (string | number)[]): LocalDate {
  try {
    return parseLocalDate(text, path);
  } catch (e) {
    if (e instanceof CalendarError) throw new CalendarError(e.code, e.messages ?? e.message, { file, path: e.path, cause: e });
    throw e;
  }
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
