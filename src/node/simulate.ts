import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SimConfig } from '../sim/config.ts';
import { type ReplicationResult, runReplication } from '../sim/engine.ts';
import { type ReplicationData, fromData } from '../sim/transfer.ts';

/**
 * The worker's module: the built JavaScript in the package (loaded once per worker, no compiler);
 * from the TypeScript sources (tests, tsx) a small `.mjs` that registers tsx first.
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './sim-worker-entry.mjs' : './sim-worker.js', import.meta.url);

export interface SimulateOptions {
  /** Worker threads; by default one per core beyond the first, none on one core. */
  readonly workers?: number;
  /** Called after each replication, with how many are done. */
  readonly onReplication?: (done: number, total: number) => void;
}

/**
 * Runs every replication of a configuration, on worker threads when more than one core is
 * available. Each replication draws from its own random stream and results are kept in
 * replication order, so the outcome does not depend on how many threads ran it.
 */
export async function simulate(config: SimConfig, options: SimulateOptions = {}): Promise<ReplicationResult[]> {
  const total = config.replications;
  const cores = availableParallelism();
  const workers = Math.min(options.workers ?? (cores > 1 ? cores : 0), total);
  if (workers <= 1) {
    const results: ReplicationResult[] = [];
    for (let r = 0; r < total; r++) {
      results.push(runReplication(config, r));
      options.onReplication?.(r + 1, total);
    }
    return results;
  }
  const results: (ReplicationResult | undefined)[] = new Array(total);
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const pool = Array.from({ length: workers }, () => new Worker(WORKER_ENTRY, { workerData: { config } }));
    const finish = (error?: unknown) => {
      for (const w of pool) void w.terminate();
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    for (const w of pool) {
      w.on('error', finish);
      w.on('message', (m: { replication: number; result: ReplicationData }) => {
        results[m.replication] = fromData(m.result);
        done++;
        options.onReplication?.(done, total);
        if (next < total) w.postMessage(next++);
        else if (done === total) finish();
      });
      if (next < total) w.postMessage(next++);
    }
  });
  return results as ReplicationResult[];
}
