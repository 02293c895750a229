import { parentPort, workerData } from 'node:worker_threads';
import type { SimConfig } from '../sim/config.ts';
import { runReplication } from '../sim/engine.ts';
import { toData } from '../sim/transfer.ts';

// A worker runs the replications it is sent (configuration `c`, replication), one at a time, and
// posts each result back.
const configs = (workerData as { configs: readonly SimConfig[] }).configs;
parentPort!.on('message', ({ c, replication }: { c: number; replication: number }) => {
  parentPort!.postMessage({ c, replication, result: toData(runReplication(configs[c]!, replication)) });
});
