import { stringify } from 'csv-stringify/sync';
import { type Instant, VN_OFFSET_MS } from '../calendar/instant.ts';
import type { CaseEvent, SlipEntry } from '../compile/types.ts';
import { UsageError } from '../errors.ts';
import { label } from '../i18n/translate.ts';

/**
 * Event logs for process-mining tools (pm4py, ProM, Disco): one writer for simulated cases and for
 * the cases of the engine's store, so both read alike. Pure: it turns traces into strings (CSV rows,
 * XES chunks); opening files is the caller's business.
 */

/** One event of a trace, in the XES standard extensions' terms. */
export interface LogEvent {
  /** `concept:name`: the activity. */
  readonly activity: string;
  /** `time:timestamp`. */
  readonly at: Instant;
  /** `lifecycle:transition`. */
  readonly lifecycle: 'start' | 'complete';
  /** `org:resource`: the officer, when known. */
  readonly resource?: string;
  /** `org:group`: the station or agency. */
  readonly group?: string;
}

/** One case: its attributes and its events in time order. */
export interface LogTrace {
  /** `concept:name` of the trace: unique in the log (across replications too). */
  readonly id: string;
  readonly procedure: string;
  readonly channel: string;
  /** `returned`, `refused`, `refused-at-receipt`, `withdrawn`, or `in-progress` at the end of the log. */
  readonly outcome: string;
  /** The simulation replication the case belongs to; absent for real cases. */
  readonly replication?: number;
  /** The applicant's rating (`very-satisfied`, `satisfied`, `not-satisfied`), when given: the `rating` event says when. */
  readonly rating?: string;
  readonly events: readonly LogEvent[];
}

/** The activity names every log uses, besides step, consultation and interval ids. */
export const ACTIVITY = {
  receipt: 'receipt',
  completionRequested: 'completion requested',
  completionReceived: 'completion papers received',
  transfer: 'transfer',
  supplementRequested: 'supplement requested',
  supplementReceived: 'supplement papers received',
  consultation: (consult: string) => `consultation ${consult}`,
  answer: (consult: string) => `answer ${consult}`,
  deemedConsent: (consult: string) => `deemed consent ${consult}`,
  apology: 'apology',
  refusal: 'refusal',
  withdrawal: 'withdrawal',
  resultReady: 'result ready',
  resultReturned: 'result returned',
  rating: 'rating',
  complaint: 'complaint',
} as const;

export type LogFormat = 'csv' | 'xes';

/** The format an event-log file's name says (`.csv` or `.xes`, any case), if it says one: the one rule for writing and reading logs. */
export function logFormatOfName(file: string): LogFormat | undefined {
  const lower = file.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xes') ? 'xes' : undefined;
}

/**
 * The format of a log file from its name: `.csv` or `.xes`.
 *
 * @example
 * logFormatOf('cases.XES') // → 'xes'
 * logFormatOf('cases.json') // throws UsageError: the event log's name must end in .csv or .xes
 */
export function logFormatOf(file: string, flag = '--events'): LogFormat {
  const format = logFormatOfName(file);
  if (format !== undefined) return format;
  throw new UsageError('usage', label('error.file.log-name', { file }), { path: [flag] });
}

/** `2025-03-03T10:00:00.000+07:00`: an xs:dateTime in Vietnamese local time, which XES and pm4py read. */
export function logTimestamp(t: Instant): string {
  return `${new Date(t + VN_OFFSET_MS).toISOString().slice(0, 23)}+07:00`;
}

/** The events of a case's control slip (the engine's timeline) in the log's terms. */
export function slipEvents(timeline: readonly SlipEntry[]): LogEvent[] {
  const out: LogEvent[] = [];
  for (const e of timeline) {
    // The officer who made the entry is its resource.
    const add = (activity: string, at: Instant, lifecycle: 'start' | 'complete', group?: string) =>
      out.push({ activity, at, lifecycle, ...(e.officer === undefined ? {} : { resource: e.officer }), ...(group === undefined ? {} : { group }) });
    switch (e.action) {
      case 'submit':
        add(ACTIVITY.receipt, e.at, 'start', e.to);
        break;
      case 'accept':
        add(ACTIVITY.receipt, e.at, 'complete', e.to);
        break;
      case 'request-completion':
        add(ACTIVITY.completionRequested, e.at, 'complete', e.from);
        break;
      case 'supply':
        add(e.step === undefined ? ACTIVITY.completionReceived : ACTIVITY.supplementReceived, e.at, 'complete', e.to);
        break;
      case 'transfer':
        add(ACTIVITY.transfer, e.at, 'complete', e.from);
        break;
      case 'handoff':
        add(e.step!, e.at, 'start', e.to);
        break;
      case 'complete':
        add(e.step!, e.at, 'complete', e.from);
        break;
      case 'request-supplement':
        add(ACTIVITY.supplementRequested, e.at, 'complete', e.from);
        break;
      case 'consult':
        add(ACTIVITY.consultation(e.step!), e.at, 'complete', e.to);
        break;
      case 'answer':
        add(ACTIVITY.answer(e.step!), e.at, 'complete', e.from);
        break;
      case 'deemed-consent':
        add(ACTIVITY.deemedConsent(e.step!), e.at, 'complete', e.from);
        break;
      case 'interval-start':
        add(e.step!, e.at, 'start', e.to);
        break;
      case 'interval-end':
        add(e.step!, e.at, 'complete', e.from);
        break;
      case 'apology':
        add(ACTIVITY.apology, e.at, 'complete', e.from);
        break;
      case 'refuse':
        add(ACTIVITY.refusal, e.at, 'complete', e.from);
        break;
      case 'withdraw':
        add(ACTIVITY.withdrawal, e.at, 'complete', 'applicant');
        break;
      case 'result-ready':
        add(ACTIVITY.resultReady, e.at, 'complete', e.to);
        break;
      case 'return':
        add(ACTIVITY.resultReturned, e.at, 'complete', e.from);
        break;
      case 'rate':
        add(ACTIVITY.rating, e.at, 'complete', 'applicant');
        break;
    }
  }
  return out;
}

/**
 * The log events of a machine event that no officer's job stands for (jobs give receipt, steps and
 * answers with their start and end): what a simulated case adds to its trace for each event.
 *
 * @example
 * const rated = caseEventLog({ type: 'RATE', rating: 'satisfied', at: parseInstant('2026-03-02T10:00'), by: { kind: 'applicant' } }, 'desk');
 * rated.map((e) => e.activity) // → [ 'rating' ]
 * caseEventLog({ type: 'ACCEPT', at: parseInstant('2026-03-02T09:05'), by: { kind: 'agency', agency: 'desk' } }, 'desk') // → []
 */
export function caseEventLog(event: CaseEvent, desk: string): LogEvent[] {
  const by = event.by.kind === 'agency' ? event.by.agency : event.by.kind;
  const one = (activity: string, group = by): LogEvent[] => [{ activity, at: event.at, lifecycle: 'complete', group }];
  switch (event.type) {
    case 'REQUEST_COMPLETION':
      return one(ACTIVITY.completionRequested);
    case 'SUPPLY':
      return one(event.step === undefined ? ACTIVITY.completionReceived : ACTIVITY.supplementReceived);
    case 'TRANSFER':
      return one(ACTIVITY.transfer);
    case 'REQUEST_SUPPLEMENT':
      return one(ACTIVITY.supplementRequested);
    case 'FINISH_INTERVAL':
      return one(event.interval);
    case 'APOLOGIZE':
      return one(ACTIVITY.apology);
    case 'REFUSE':
      return one(ACTIVITY.refusal);
    case 'WITHDRAW':
      return one(ACTIVITY.withdrawal);
    case 'RETURN_RESULT':
      return [...one(ACTIVITY.resultReady, desk), ...one(ACTIVITY.resultReturned, desk)];
    case 'RATE':
      return one(ACTIVITY.rating);
    case 'TIMER': {
      // A consultation's silence (`consult:agency`) or an interval's end.
      const colon = event.timer.indexOf(':');
      return colon < 0 ? one(event.timer) : one(ACTIVITY.deemedConsent(event.timer.slice(0, colon)), event.timer.slice(colon + 1));
    }
    case 'ACCEPT':
    case 'COMPLETE':
    case 'ANSWER':
      return [];
  }
}

/** Orders a trace's events by time, starts before completions at the same instant, else as given. */
export function inTimeOrder(events: readonly LogEvent[]): LogEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map(({ e }) => e);
}

/** A writer produces the log as chunks: its head, one chunk per trace, its tail. */
export interface LogWriter {
  head(): string;
  trace(trace: LogTrace): string;
  tail(): string;
}

/**
 * The columns of {@link csvLogWriter}'s CSV, pm4py's names, in order.
 *
 * @example
 * csvLogWriter().head() === CSV_COLUMNS.join(',') + '\n' // → true
 */
export const CSV_COLUMNS = [
  'case:concept:name',
  'concept:name',
  'time:timestamp',
  'lifecycle:transition',
  'org:resource',
  'org:group',
  'case:procedure',
  'case:channel',
  'case:outcome',
  'case:replication',
  'case:rating',
] as const;

/**
 * A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return first)
 * gets a leading apostrophe, as OWASP advises against CSV injection.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * pm4py's CSV columns, one row per event, quoted by csv-stringify (RFC 4180).
 *
 * @example
 * const w = csvLogWriter();
 * const row = w.trace({ id: 'birth-1', procedure: 'birth-registration', channel: 'online', outcome: 'returned', events: [{ activity: 'receipt', at: parseInstant('2026-03-02T09:00'), lifecycle: 'complete', resource: 'desk' }] });
 * row // → 'birth-1,receipt,2026-03-02T09:00:00.000+07:00,complete,desk,,birth-registration,online,returned,,\n'
 */
export function csvLogWriter(): LogWriter {
  return {
    head: () => stringify([CSV_COLUMNS as unknown as string[]]),
    trace: (t) =>
      t.events.length === 0
        ? ''
        : stringify(
            t.events.map((e) =>
              [t.id, e.activity, logTimestamp(e.at), e.lifecycle, e.resource ?? '', e.group ?? '', t.procedure, t.channel, t.outcome, t.replication === undefined ? '' : String(t.replication), t.rating ?? ''].map(neutralise),
            ),
          ),
    tail: () => '',
  };
}
