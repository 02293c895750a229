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

/**
 * A copy of `text` that holds no reference to the string it was cut from. A parser hands over
 * values as slices of the chunk it read (V8 keeps the whole 64 KiB chunk alive for a slice of 13
 * characters or more): kept as they come, the names of a log kept the whole file in memory.
 * Concatenating then slicing makes V8 flatten into a fresh string of the value's length.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

/**
 * Collects events into traces as a reader streams them, then sorts each trace by time. Names
 * (activities, officers, groups, attribute values) are kept once each, detached from the text
 * they were read from: memory is the events', not the file's.
 */
export class LogBuilder {
  readonly #traces = new Map<string, Trace>();
  readonly #names = new Map<string, string>();
  #events = 0;

  constructor(readonly source: string) {}

  /** The one kept copy of a name that recurs in the log. */
  name(text: string): string;
  name(text: string | undefined): string | undefined;
  name(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    let kept = this.#names.get(text);
    if (kept === undefined) {
      kept = detached(text);
      this.#names.set(kept, kept);
    }
    return kept;
  }

  /** The trace of `caseId`, created on first sight. */
  trace(caseId: string): Trace {
    let t = this.#traces.get(caseId);
    if (t === undefined) {
      const id = detached(caseId);
      // No prototype: attribute names come from the log, and "__proto__" or "constructor" is just a name.
      t = { id, attributes: Object.create(null) as Record<string, string>, events: [] };
      this.#traces.set(id, t);
    }
    return t;
  }

  /** Sets a per-case attribute (the value kept once, like a name); `onlyIfUnset` keeps the first value seen. */
  attribute(trace: Trace, name: string, value: string, onlyIfUnset = false): void {
    if (onlyIfUnset && trace.attributes[name] !== undefined) return;
    trace.attributes[this.name(name)] = this.name(value);
  }

  /** Adds an event to `trace` (from {@link trace}); the names are kept once each. */
  event(trace: Trace, activity: string, time: number, lifecycle: Lifecycle, resource: string | undefined, group: string | undefined): void {
    trace.events.push({ activity: this.name(activity), time, lifecycle, resource: this.name(resource), group: this.name(group) });
    this.#events++;
  }

  add(caseId: string, event: LogEvent): void {
    this.event(this.trace(caseId), event.activity, event.time, event.lifecycle, event.resource, event.group);
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
