import { type LogTrace, slipEvents } from '../export/event-log.ts';
import type { CaseRecord, CaseStore } from './store.ts';

/** A stored case as an event-log trace: its control slip in the log's activities (see `slipEvents`). */
export function caseTrace(record: CaseRecord): LogTrace {
  const ctx = record.snapshot.context;
  return { id: record.caseId, procedure: ctx.procedure.id, channel: ctx.channel, outcome: ctx.outcome?.kind ?? 'in-progress', ...(ctx.rating === null ? {} : { rating: ctx.rating }), events: slipEvents(ctx.timeline) };
}

/** Every case of a store as a trace, one at a time, in the order the store lists them. */
export async function* storeTraces(store: CaseStore): AsyncGenerator<LogTrace> {
  for (const summary of await store.list()) {
    const record = await store.get(summary.caseId);
    if (record !== null) yield caseTrace(record);
  }
}
