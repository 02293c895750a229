import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import type { LocalDate } from '../calendar/date.ts';
import { type Duration, calendarDays, parseDuration, workingDays, workingHours } from '../calendar/duration.ts';
import { limitWords } from '../i18n/translate.ts';
import { type ExplanationLine, describeDue, explainDateDue, explainInstantDue, explainSameDayDue, explainSkipped, isProvisional } from '../calendar/explain.ts';
import { type Instant, MS_PER_DAY, MS_PER_HOUR, instantAt, localDateOf } from '../calendar/instant.ts';
import type { Ledger } from '../calendar/ledger.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import type { Label } from '../legal.ts';
import { citeRef } from '../legal.ts';

/** The appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả): the return date and why. */
export interface AppointmentSlip {
  readonly code: string;
  readonly due: Instant;
  /** "end of Thursday 06/02/2025" for a deadline at midnight, else the day and time. */
  readonly dueText: Label;
  /**
   * Present when the due date rests on days with no official announcement yet (a year or an
   * occasion the government has not announced): the date may still move. The explanation line that
   * skips those days says which announcement is missing.
   */
  readonly provisional?: true;
  /** The limit and the law that sets it, extensions, how counting starts, the days skipped, the end. */
  readonly explanation: readonly ExplanationLine[];
}

/**
 * A due instant as people say it (kept under this name for the engine's API).
 *
 * @example
 * dueText(parseInstant('2026-03-02T17:00')) // → { en: 'Monday 02/03/2026 17:00', vi: '17:00 Thứ hai 02/03/2026' }
 */
export const dueText = describeDue;

/**
 * The slip of a case whose statutory clock has just started: its due instant explained by the
 * calendar (Civil Code counting in the date mode, office hours in the hours mode), with the law.
 *
 * @example
 * const store = memoryStore(), proc = new ProcedureRegistry([birthRegistration2025], undefined).exact('birth-registration', '2025.1');
 * const { caseId } = await createEngine({ procedures: [birthRegistration2025], store }).open({ procedure: 'birth-registration', channel: 'in-person', receivedAt: parseInstant('2026-03-02T09:00'), dossier: { needsVerification: false }, by: { kind: 'agency', agency: 'desk' } });
 * const { context } = (await store.get(caseId))!.snapshot;
 * appointmentSlip(proc, context.code, context.statutory!)?.dueText.en // → 'Monday 02/03/2026 17:00'
 */
export function appointmentSlip(proc: CompiledProcedure, code: string, ledger: Ledger): AppointmentSlip | null {
  if (ledger.due === null) return null;
  const { spec, env } = proc;
  const cal = env.calendar;
  const limit = parseDuration(spec.limit.duration);
  const lines: ExplanationLine[] = [
    {
      kind: 'start',
      text: { en: `limit ${limitWords(limit, spec.limit.mode, 'en')}: ${citeRef(spec.limit.ref)}`, vi: `thời hạn ${limitWords(limit, spec.limit.mode, 'vi')}: ${citeRef(spec.limit.ref, 'vi')}` },
      ref: spec.limit.ref,
    },
    ...ledger.extensions.map((e): ExplanationLine => ({ kind: 'start', text: { en: `limit extended: ${e.reason}`, vi: `gia hạn: ${e.reason}` } })),
  ];
  lines.push(...(spec.limit.mode === 'same-day' ? explainSameDay(cal, ledger, env.sameDayCutoff) : explainLedger(cal, ledger)));
  return { code, due: ledger.due, dueText: dueText(ledger.due), ...(isProvisional(lines) ? { provisional: true as const } : {}), explanation: lines };
}

/** A same-day clock: the calendar's reasons while nothing moved it, else the plain due instant. */
function explainSameDay(cal: BusinessCalendar, ledger: Ledger, cutoff: number): ExplanationLine[] {
  const explained = explainSameDayDue(cal, ledger.startedAt, cutoff);
  if (explained.due === ledger.due) return [...explained.explanation];
  return explainLedger(cal, ledger);
}

/** The calendar's explanation of a running ledger's due instant, checked against the ledger itself. */
function explainLedger(cal: BusinessCalendar, ledger: Ledger): ExplanationLine[] {
  const due = ledger.due!;
  const total: Duration =
    ledger.measure === 'working-days'
      ? workingDays(ledger.budget / MS_PER_DAY)
      : ledger.measure === 'calendar-days'
        ? calendarDays(ledger.budget / MS_PER_DAY)
        : workingHours(ledger.budget / MS_PER_HOUR);
  if (ledger.pauses.length === 0 && ledger.restarts.length === 0 && ledger.consumed === 0) {
    if (ledger.dateMode) {
      const explained = explainDateDue(cal, localDateOf(ledger.startedAt), total);
      if (instantAt((explained.due + 1) as LocalDate, 0) === due) return [...explained.explanation];
    } else {
      const explained = explainInstantDue(cal, ledger.startedAt, total);
      if (explained.due === due) return [...explained.explanation];
    }
  }
  // Paused or restarted clocks: the days skipped between the start and the due date, then the end.
  const from = (localDateOf(ledger.startedAt) + 1) as LocalDate;
  const to = localDateOf((due - 1) as Instant);
  const text = dueText(due);
  return [...(to >= from ? explainSkipped(cal, from, to) : []), { kind: 'result', text: { en: `due ${text.en}`, vi: `hạn ${text.vi}` } }];
}
