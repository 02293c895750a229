/**
 * The one module of `src/mining` that calls the simulator: runs a configuration and hands back its
 * cases as an event log in the form the readers produce, through the project's one event-log
 * recorder (`caseLogHooks`, what `motcua simulate --events` writes), so that validation compares a
 * simulated log and a real one with the same activity names and the same code.
 */
import type { SimConfig } from '../sim/config.ts';
import { type ReplicationResult, caseLogHooks, runReplication } from '../sim/index.ts';
import { type EventLog, LogBuilder } from './log.ts';

/**
 * Runs every replication of `config` on this thread and returns the results with the event log of
 * all their cases (case ids `<procedure>-r<replication>-<case>`; attributes procedure, channel,
 * outcome, replication and rating, as the written log has them).
 */
export function simulatedLog(config: SimConfig, source = `simulation of ${config.name}`): { readonly log: EventLog; readonly results: ReplicationResult[] } {
  const builder = new LogBuilder(source);
  const results: ReplicationResult[] = [];
  for (let r = 0; r < config.replications; r++) {
    const recorder = caseLogHooks(r, (trace) => builder.addTrace(trace));
    results.push(runReplication(config, r, recorder.hooks));
    recorder.flush();
  }
  return { log: builder.build(), results };
}
