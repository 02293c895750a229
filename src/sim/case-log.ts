import { ACTIVITY, type LogEvent, type LogTrace, caseEventLog, inTimeOrder } from '../export/event-log.ts';
import type { RunHooks } from './engine.ts';

interface OpenTrace {
  readonly id: string;
  readonly procedure: string;
  readonly channel: string;
  readonly desk: string;
  readonly events: LogEvent[];
}

/**
 * Hooks that turn one replication's cases into event-log traces: the officers' jobs (receipt, steps,
 * answers, with start and end), the machine's events (transfer, supplements, intervals, apologies,
 * refusals, withdrawals, result) and the entries into consultations and intervals. A trace is handed
 * to `onTrace` when its case ends, so memory follows the cases in progress; `flush` hands over the
 * cases still open at the end, with outcome `in-progress`. Case ids carry the replication, so
 * they are unique across replications.
 */
export function caseLogHooks(replication: number, onTrace: (trace: LogTrace) => void): { readonly hooks: RunHooks; flush(): void } {
  const open = new Map<number, OpenTrace>();
  const done = (t: OpenTrace, outcome: string, rating?: string): LogTrace => ({
    id: t.id,
    procedure: t.procedure,
    channel: t.channel,
    outcome,
    replication,
    ...(rating === undefined ? {} : { rating }),
    events: inTimeOrder(t.events),
  });
  const hooks: RunHooks = {
    started: (caseId, input) => {
      open.set(caseId, { id: `${input.procedure}-r${replication}-${caseId}`, procedure: input.procedure, channel: input.channel, desk: input.desk, events: [] });
    },
    activity: (a) => {
      const t = open.get(a.case);
      if (t === undefined) return;
      const resource = `${a.station}#${a.officer + 1}`;
      t.events.push({ activity: a.activity, at: a.start, lifecycle: 'start', resource, group: a.station });
      t.events.push({ activity: a.activity, at: a.end, lifecycle: 'complete', resource, group: a.station });
    },
    entered: (caseId, node) => {
      const t = open.get(caseId);
      if (t === undefined) return;
      if (node.kind === 'interval') t.events.push({ activity: node.id, at: node.at, lifecycle: 'start', group: node.to[0]! });
      else for (const agency of node.to) t.events.push({ activity: ACTIVITY.consultation(node.id), at: node.at, lifecycle: 'complete', group: agency });
    },
    trace: (caseId, event) => {
      const t = open.get(caseId);
      if (t !== undefined) t.events.push(...caseEventLog(event, t.desk));
    },
    ended: (caseId, result) => {
      const t = open.get(caseId);
      if (t === undefined) return;
      open.delete(caseId);
      // What the applicant said when the case ended (the scenario's feedback), as the engine's log has it.
      if (result.rating !== null) t.events.push({ activity: ACTIVITY.rating, at: result.at, lifecycle: 'complete', group: 'applicant' });
      if (result.complained) t.events.push({ activity: ACTIVITY.complaint, at: result.at, lifecycle: 'complete', group: 'applicant' });
      onTrace(done(t, result.outcome, result.rating ?? undefined));
    },
  };
  return {
    hooks,
    flush: () => {
      for (const t of open.values()) onTrace(done(t, 'in-progress'));
      open.clear();
    },
  };
}
