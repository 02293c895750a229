import { parentPort, workerData } from 'node:worker_threads';
import type { SimConfig } from '../sim/config.ts';
import { runReplication } from '../sim/engine.ts';
import { toData } from '../sim/transfer.ts';

// A worker runs the replications it is sent, one at a time, and posts each result back.
const config = (workerData as { config: SimConfig }).config;
parentPort!.on('message', (replication: number) => {
  parentPort!.postMessage({ replication, result: toData(runReplication(config, replication)) });
});
