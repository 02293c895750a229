/**
 * The one module of `src/mining` that calls the simulator: runs a configuration and hands back its
 * cases as an event log in the form the readers produce, so that validation compares a simulated
 * log and a real one with the same code. (When the simulator writes its own pm4py log, this is
 * where the switch happens.)
 */
import type { CaseEvent } from '../compile/types.ts';
import type { SimConfig } from '../sim/config.ts';
import { type ReplicationResult, runReplication } from '../sim/engine.ts';
import { type EventLog, LogBuilder } from './log.ts';

/** Activity names the simulated log uses for what is not a station's job (as issue 16's writer names them). */
export const BUILT_IN_ACTIVITIES = {
  completionRequest: 'completion request',
  supplementRequest: 'supplement request',
  papersReceived: 'papers received',
  transfer: 'transfer',
  refusal: 'refusal',
  withdrawal: 'withdrawal',
  apology: 'apology',
  resultReturned: 'result returned',
  receipt: 'receipt',
} as const;

const EVENT_ACTIVITY: Partial<Record<CaseEvent['type'], string>> = {
  REQUEST_COMPLETION: BUILT_IN_ACTIVITIES.completionRequest,
  REQUEST_SUPPLEMENT: BUILT_IN_ACTIVITIES.supplementRequest,
  SUPPLY: BUILT_IN_ACTIVITIES.papersReceived,
  TRANSFER: BUILT_IN_ACTIVITIES.transfer,
  REFUSE: BUILT_IN_ACTIVITIES.refusal,
  WITHDRAW: BUILT_IN_ACTIVITIES.withdrawal,
  APOLOGIZE: BUILT_IN_ACTIVITIES.apology,
  RETURN_RESULT: BUILT_IN_ACTIVITIES.resultReturned,
};

/**
 * Runs every replication of `config` on this thread and returns the results with the event log of
 * all their cases (case ids `<replication>-<case>`; attributes procedure, channel, outcome,
 * replication and the dossier fields).
 */
export function simulatedLog(config: SimConfig, source = `simulation of ${config.name}`): { readonly log: EventLog; readonly results: ReplicationResult[] } {
  const builder = new LogBuilder(source);
  const results: ReplicationResult[] = [];
  const intervals = new Set<string>();
  for (const p of config.procedures) for (const id of Object.keys(p.intervals)) intervals.add(id);
  for (let r = 0; r < config.replications; r++) {
    const id = (c: number) => `${r}-${c}`;
    results.push(
      runReplication(config, r, {
        started: (c, input) => {
          const t = builder.trace(id(c));
          t.attributes['channel'] = input.channel;
          t.attributes['replication'] = String(r);
          for (const [k, v] of Object.entries(input.dossier)) t.attributes[k] = String(v);
        },
        activity: (a) => {
          const caseId = a.caseId.includes('-') ? `${r}-${a.caseId.split('-').pop()}` : id(Number(a.caseId));
          const t = builder.trace(caseId);
          t.attributes['procedure'] ??= a.procedure;
          // The first receipt job was enabled when the dossier arrived: the log's submission instant.
          if (a.activity === 'receipt' && t.events.length === 0) builder.add(caseId, { activity: a.activity, time: a.enabled, lifecycle: 'other', resource: undefined, group: a.station });
          builder.add(caseId, { activity: a.activity, time: a.start, lifecycle: 'start', resource: undefined, group: a.station });
          builder.add(caseId, { activity: a.activity, time: a.end, lifecycle: 'complete', resource: undefined, group: a.station });
        },
        trace: (c, e) => {
          let activity = EVENT_ACTIVITY[e.type];
          if (e.type === 'FINISH_INTERVAL') activity = e.interval;
          if (e.type === 'TIMER' && intervals.has(e.timer)) activity = e.timer;
          if (activity === undefined) return;
          builder.add(id(c), { activity, time: e.at, lifecycle: 'complete', resource: undefined, group: e.by.kind === 'agency' ? e.by.agency : undefined });
        },
        ended: (c, result) => {
          builder.trace(id(c)).attributes['outcome'] = result.outcome;
        },
      }),
    );
  }
  const log = builder.build();
  // A case that ended before any work (withdrawn while waiting at the desk) has no activity record to name its procedure.
  const only = config.procedures.length === 1 ? config.procedures[0]!.spec.id : undefined;
  if (only !== undefined) for (const t of log.traces) t.attributes['procedure'] ??= only;
  return { log, results };
}
