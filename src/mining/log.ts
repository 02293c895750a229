import type { LogTrace } from '../export/event-log.ts';

/**
 * An event log as process-mining tools see it: traces (one per case) of events, each naming an
 * activity, an instant, a lifecycle transition and who did it. The readers (CSV, XES, the engine's
 * store) all produce this one form; discovery, calibration and validation read only this.
 */

/** `start` and `complete` pair up into an activity instance; a complete-only log has only `complete`. */
export type Lifecycle = 'start' | 'complete' | 'other';

export interface LogEvent {
  readonly activity: string;
  /** Milliseconds since the epoch (UTC), like the project's `Instant`. */
  readonly time: number;
  readonly lifecycle: Lifecycle;
  /** `org:resource`: the officer. */
  readonly resource: string | undefined;
  /** `org:group`: the station, office or agency. */
  readonly group: string | undefined;
}

export interface Trace {
  readonly id: string;
  /** Per-case attributes without their `case:` prefix (`procedure`, `channel`, `outcome`, …). */
  readonly attributes: Record<string, string>;
  /** In time order (ties keep the order of the log). */
  readonly events: LogEvent[];
}

export interface EventLog {
  /** Where it came from, for messages. */
  readonly source: string;
  /** Traces in the order their first event appeared in the log. */
  readonly traces: readonly Trace[];
  readonly events: number;
}

/** Collects events into traces as a reader streams them, then sorts each trace by time. */
export class LogBuilder {
  readonly #traces = new Map<string, Trace>();
  #events = 0;

  constructor(readonly source: string) {}

  /** The trace of `caseId`, created on first sight. */
  trace(caseId: string): Trace {
    let t = this.#traces.get(caseId);
    if (t === undefined) {
      // No prototype: attribute names come from the log, and "__proto__" or "constructor" is just a name.
      t = { id: caseId, attributes: Object.create(null) as Record<string, string>, events: [] };
      this.#traces.set(caseId, t);
    }
    return t;
  }

  add(caseId: string, event: LogEvent): void {
    this.trace(caseId).events.push(event);
    this.#events++;
  }

  /**
   * Adds a trace as the project's writer hands it over (a simulated case, a case of the engine's
   * store): what reading its CSV or XES back would give, without the text in between.
   */
  addTrace(t: LogTrace): void {
    const trace = this.trace(t.id);
    trace.attributes['procedure'] = t.procedure;
    trace.attributes['channel'] = t.channel;
    trace.attributes['outcome'] = t.outcome;
    if (t.replication !== undefined) trace.attributes['replication'] = String(t.replication);
    if (t.rating !== undefined) trace.attributes['rating'] = t.rating;
    for (const e of t.events) this.add(t.id, { activity: e.activity, time: e.at, lifecycle: e.lifecycle, resource: e.resource, group: e.group });
  }

  build(): EventLog {
    const traces = [...this.#traces.values()];
    for (const t of traces) {
      const e = t.events;
      let sorted = true;
      for (let i = 1; i < e.length; i++) if (e[i]!.time < e[i - 1]!.time) sorted = false;
      // Array.prototype.sort is stable: events at the same instant keep the order of the log.
      if (!sorted) e.sort((a, b) => a.time - b.time);
    }
    return { source: this.source, traces, events: this.#events };
  }
}

/** Reads `lifecycle:transition` values; anything other than start/complete (suspend, resume…) is `other`. */
export function lifecycleOf(text: string | undefined): Lifecycle {
  if (text === undefined || text === '') return 'complete';
  const t = text.toLowerCase();
  if (t === 'complete' || t === 'completed' || t === 'end') return 'complete';
  if (t === 'start' || t === 'started' || t === 'begin') return 'start';
  return 'other';
}
