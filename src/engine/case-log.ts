import { type LogTrace, slipEvents } from '../export/event-log.ts';
import type { CaseRecord, CaseStore } from './store.ts';

/**
 * A stored case as an event-log trace: its control slip in the log's activities (see `slipEvents`).
 *
 * @example
 * const store = memoryStore(), engine = createEngine({ procedures: [birthRegistration2025], store });
 * const { caseId } = await engine.open({ procedure: 'birth-registration', channel: 'in-person', receivedAt: parseInstant('2026-03-02T09:00'), dossier: { needsVerification: false }, by: { kind: 'agency', agency: 'desk' } });
 * const trace = caseTrace((await store.get(caseId))!);
 * [trace.id, trace.outcome] // → [ 'MOTCUA-260302-0001', 'in-progress' ]
 */
export function caseTrace(record: CaseRecord): LogTrace {
  const ctx = record.snapshot.context;
  return { id: record.caseId, procedure: ctx.procedure.id, channel: ctx.channel, outcome: ctx.outcome?.kind ?? 'in-progress', ...(ctx.rating === null ? {} : { rating: ctx.rating }), events: slipEvents(ctx.timeline) };
}

/**
 * Every case of a store as a trace, one at a time, in the order the store lists them.
 *
 * @example
 * const w = csvLogWriter();
 * let csv = w.head();
 * for await (const trace of storeTraces(store)) csv += w.trace(trace);
 * csv += w.tail();
 */
export async function* storeTraces(store: CaseStore): AsyncGenerator<LogTrace> {
  for (const summary of await store.list()) {
    const record = await store.get(summary.caseId);
    if (record !== null) yield caseTrace(record);
  }
}
