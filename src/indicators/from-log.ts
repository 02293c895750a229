import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { formatLocalDate } from '../calendar/date.ts';
import { type Instant, localDateOf } from '../calendar/instant.ts';
import type { Ledger } from '../calendar/ledger.ts';
import { buildEnv, type ProcedureEnv } from '../compile/env.ts';
import { clockAfterSupplement, openStatutory, pauseClock, resumeClock, statutoryClassification } from '../compile/policies.ts';
import { RATINGS, type Rating } from '../compile/types.ts';
import { inForceOn } from '../dsl/in-force.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';
import type { EventLog, Trace } from '../mining/log.ts';
import { procedureFacts } from './from-cases.ts';
import type { DossierEnd, DossierRecord } from './record.ts';

/** What the dossiers of an event log need besides the log. */
export interface LogRecordOptions {
  /** The procedures the traces name (`case:procedure`), every version: the one in force on the day of receipt is used. */
  readonly procedures: readonly ProcedureSpec[];
  /** The procedure of traces that name none (a log of one procedure without `case:procedure`). */
  readonly procedure?: string;
  /** The working calendar the limits are counted on (Vietnam's by default, as the engine's). */
  readonly calendar?: BusinessCalendar;
  /** Log activity name → built-in activity (`receipt`, `supplement-request`, `papers-received`, `refusal`, `withdrawal`, `result-ready`, `result-returned`, `rating`, `complaint`, `stop`) or an excluded interval's id: a mapping file's `activities`. */
  readonly activities?: Readonly<Record<string, string>>;
  /** Filing instants of complaints about each dossier (by trace id), beside `complaint` events of the log. */
  readonly complaints?: ReadonlyMap<string, readonly Instant[]>;
}

/** A trace that gave no record, and why. */
export interface SkippedTrace {
  readonly trace: string;
  readonly reason: string;
}

type Builtin = 'receipt' | 'completion' | 'completion-papers' | 'supplement' | 'papers' | 'refusal' | 'withdrawal' | 'ready' | 'returned' | 'rating' | 'complaint' | 'stop' | 'apology' | 'transfer';

/**
 * The built-in activities under the names motcua's logs give them (the writer's `ACTIVITY`, the
 * simulated log's, calibrate's `--map` targets), compared lower-case with `-`, `_` and spaces alike.
 */
const BUILTINS: Readonly<Record<string, Builtin>> = {
  receipt: 'receipt',
  'completion requested': 'completion',
  'completion request': 'completion',
  'supplement requested': 'supplement',
  'supplement request': 'supplement',
  'supplement papers received': 'papers',
  'completion papers received': 'completion-papers',
  'papers received': 'papers',
  refusal: 'refusal',
  withdrawal: 'withdrawal',
  'result ready': 'ready',
  'result returned': 'returned',
  rating: 'rating',
  complaint: 'complaint',
  stop: 'stop',
  stopped: 'stop',
  apology: 'apology',
  transfer: 'transfer',
};

const normal = (name: string) => name.trim().toLowerCase().replace(/[-_\s]+/g, ' ');

/**
 * The indicator records of an imported event log (CSV or XES, as `readLog` gives it): each trace
 * replayed on its procedure's statutory clock — opened when the receipt completes (the dossier is
 * accepted; after a completion request, the receipt once the missing papers arrived), paused from a supplement request to the papers received (or restarted, as the
 * procedure's clock policy says) and during its excluded intervals (start and complete of the
 * interval's id), with motcua's classification of the end against that due instant. The end is
 * the result ready (else returned), a refusal (before acceptance: refused at the desk), a
 * withdrawal or a stop. The rating is the trace's `rating` attribute (`case:rating`, as motcua's
 * writer puts it), at the `rating` event.
 *
 * What a log does not carry, the records cannot have: limit extensions of a branch (dossier
 * fields) and an apology's new date are not applied. Traces of a procedure not given, and traces
 * without any event, are skipped and listed.
 *
 * @example
 * const { records } = recordsFromLog(await readLog(chunks, 'cases.csv'), { procedures: CATALOGUE });
 * decision766(records, { from, to, now }).onTimeRate
 */
export function recordsFromLog(log: EventLog, options: LogRecordOptions): { readonly records: DossierRecord[]; readonly skipped: SkippedTrace[] } {
  const envs = new Map<ProcedureSpec, ProcedureEnv>();
  const envOf = (spec: ProcedureSpec) => {
    let env = envs.get(spec);
    if (env === undefined) envs.set(spec, (env = buildEnv(spec, options.calendar === undefined ? {} : { calendar: options.calendar })));
    return env;
  };
  const mapped = new Map(Object.entries(options.activities ?? {}).map(([k, v]) => [k, normal(v)]));
  const records: DossierRecord[] = [];
  const skipped: SkippedTrace[] = [];
  for (const trace of log.traces) {
    if (trace.events.length === 0) {
      skipped.push({ trace: trace.id, reason: 'no events' });
      continue;
    }
    const id = trace.attributes['procedure'] ?? options.procedure;
    if (id === undefined) {
      skipped.push({ trace: trace.id, reason: 'no case:procedure attribute (give the procedure of the log)' });
      continue;
    }
    const versions = options.procedures.filter((s) => s.id === id);
    const receivedAt = (trace.events.find((e) => (mapped.get(e.activity) ?? normal(e.activity)) === 'receipt') ?? trace.events[0]!).time as Instant;
    const day = formatLocalDate(localDateOf(receivedAt));
    const spec = versions.filter((v) => inForceOn(v, day)).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? versions.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
    if (spec === undefined) {
      skipped.push({ trace: trace.id, reason: `procedure "${id}" is not among the procedures given` });
      continue;
    }
    records.push(recordOfTrace(trace, spec, envOf(spec), receivedAt, mapped, options.complaints?.get(trace.id) ?? []));
  }
  return { records, skipped };
}

function recordOfTrace(trace: Trace, spec: ProcedureSpec, env: ProcedureEnv, receivedAt: Instant, mapped: ReadonlyMap<string, string>, complaints: readonly Instant[]): DossierRecord {
  const intervals = new Set([...env.nodes.values()].filter((n) => n.kind === 'excluded').map((n) => normal(n.id)));
  const cal = env.calendar;
  let ledger: Ledger | null = null;
  let end: { kind: DossierEnd; at: Instant } | null = null;
  let readyFirst: Instant | null = null;
  const supplements: Instant[] = [];
  const pauses: string[] = [];
  let ratedAt: Instant | null = null;
  let awaitingCompletion = false;
  const complained = [...complaints];
  for (const e of trace.events) {
    const at = e.time as Instant;
    const name = mapped.get(e.activity) ?? normal(e.activity);
    const builtin = BUILTINS[name];
    if (builtin === 'rating') ratedAt ??= at;
    if (builtin === 'complaint') complained.push(at);
    if (end !== null) continue;
    if (builtin === 'receipt' && e.lifecycle !== 'start' && ledger === null && !awaitingCompletion) ledger = openStatutory(env, at, []);
    else if (builtin === 'completion' && supplements.length === 0) {
      // The desk found the dossier incomplete: the receipt that came before did not accept it; the
      // receipt after the missing papers arrive does.
      ledger = null;
      awaitingCompletion = true;
    } else if ((builtin === 'completion-papers' || builtin === 'papers') && awaitingCompletion) awaitingCompletion = false;
    else if (builtin === 'supplement' && ledger !== null) {
      supplements.push(at);
      const reason = `supplement ${supplements.length}`;
      pauses.push(reason);
      ledger = pauseClock(cal, ledger, at, reason);
    } else if (builtin === 'papers' && pauses.length > 0) ledger = clockAfterSupplement(env, cal, ledger, at, pauses.shift()!);
    else if (builtin === 'refusal') end = { kind: ledger === null ? 'refused-at-receipt' : 'refused', at };
    else if (builtin === 'withdrawal') end = { kind: 'withdrawn', at };
    else if (builtin === 'stop') end = { kind: 'stopped', at };
    else if (builtin === 'ready') end = { kind: 'resolved', at };
    else if (builtin === 'returned') readyFirst ??= at;
    else if (builtin === undefined && intervals.has(name) && ledger !== null) {
      ledger = e.lifecycle === 'start' ? pauseClock(cal, ledger, at, `interval ${name}`) : resumeClock(cal, ledger, at, `interval ${name}`);
    }
  }
  // A log with the return but not the result ready: the dossier was resolved by its return.
  if (end === null && readyFirst !== null) end = { kind: 'resolved', at: readyFirst };
  const rating = trace.attributes['rating'];
  const value = RATINGS.includes(rating as Rating) ? (rating as Rating) : null;
  const facts = procedureFacts(spec);
  return {
    id: trace.id,
    procedure: spec.id,
    agency: facts.agency,
    level: facts.level,
    receivedAt,
    due: ledger?.due ?? null,
    end: end === null ? null : { ...end, classification: end.kind === 'resolved' || end.kind === 'refused' ? statutoryClassification(env, ledger, undefined, end.at) : null },
    supplementRequests: supplements,
    rating: value === null ? null : { value, at: ratedAt ?? end?.at ?? (trace.events.at(-1)!.time as Instant) },
    complaints: complained,
  };
}
