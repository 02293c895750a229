import type { LogEvent, Trace } from './log.ts';

/** One piece of work: an activity from its start to its completion (or from the previous event, in a complete-only log). */
export interface Instance {
  readonly activity: string;
  readonly start: number;
  readonly end: number;
  readonly group: string | undefined;
  readonly resource: string | undefined;
  /** False when the log had no start event for it and `start` is the previous event's instant. */
  readonly started: boolean;
}

/**
 * Pairs each completion with the earliest unmatched start of the same activity in the trace; a
 * completion without a start begins at the previous event of the trace (or at itself, for the
 * first event). `rename` maps log names to the names the caller uses.
 */
export function instancesOf(trace: Trace, rename: (activity: string) => string = (a) => a): Instance[] {
  const open = new Map<string, LogEvent[]>();
  const out: Instance[] = [];
  let previous: number | undefined;
  for (const e of trace.events) {
    const activity = rename(e.activity);
    if (e.lifecycle === 'start') {
      let q = open.get(activity);
      if (q === undefined) open.set(activity, (q = []));
      q.push(e);
    } else if (e.lifecycle === 'complete') {
      const s = open.get(activity)?.shift();
      out.push({
        activity,
        start: s?.time ?? previous ?? e.time,
        end: e.time,
        group: e.group ?? s?.group,
        resource: e.resource ?? s?.resource,
        started: s !== undefined,
      });
    }
    previous = e.time;
  }
  return out;
}
