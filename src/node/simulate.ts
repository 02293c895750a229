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
  /**
   * Worker threads beside this one, which runs replications too; by default one per core beyond
   * the first (none on one core), so a run is never slower than on this thread alone.
   */
  readonly workers?: number;
  /** Called after each replication, with how many are done. */
  readonly onReplication?: (done: number, total: number) => void;
}

/** Replications sent ahead to each worker, so it never waits while this thread runs one. */
const AHEAD = 2;

/**
 * Runs every replication of a configuration: on this thread and, when more than one core is
 * available, on worker threads beside it. Each replication draws from its own random stream and
 * results are kept in replication order, so the outcome does not depend on how many threads ran it.
 */
export async function simulate(config: SimConfig, options: SimulateOptions = {}): Promise<ReplicationResult[]> {
  return (await simulateAll([config], options))[0]!;
}

/**
 * Runs every replication of several configurations on one pool of threads (the pool is started
 * once, each worker holding every configuration): what a staffing search needs to evaluate a batch
 * of allocations at once. Replication `r` of every configuration draws from the same random stream
 * (common random numbers), and the results, per configuration in replication order, do not depend
 * on how many threads ran them. `onReplication` counts replications over all configurations.
 *
 * @example
 * const [a, b] = await simulateAll([config, { ...config, stations: moreOfficers }], { workers: 1 });
 */
export async function simulateAll(configs: readonly SimConfig[], options: SimulateOptions = {}): Promise<ReplicationResult[][]> {
  const tasks = configs.flatMap((config, c) => Array.from({ length: config.replications }, (_, replication) => ({ c, replication })));
  const total = tasks.length;
  const workers = Math.max(0, Math.min(options.workers ?? availableParallelism() - 1, total - 1));
  const results: ReplicationResult[][] = configs.map((config) => new Array<ReplicationResult>(config.replications));
  let next = 0;
  let done = 0;
  const record = (c: number, replication: number, result: ReplicationResult) => {
    results[c]![replication] = result;
    done++;
    options.onReplication?.(done, total);
  };
  const runHere = (t: { c: number; replication: number }) => record(t.c, t.replication, runReplication(configs[t.c]!, t.replication));
  if (workers === 0) {
    for (const t of tasks) runHere(t);
    return results;
  }
  const pool = Array.from({ length: workers }, () => new Worker(WORKER_ENTRY, { workerData: { configs } }));
  let failure: Error | null = null;
  let settle = (): void => {};
  const finished = new Promise<void>((resolve, reject) => {
    settle = () => {
      if (failure !== null) reject(failure);
      else if (done === total) resolve();
    };
  });
  const inFlight = new Map<Worker, number>(pool.map((w) => [w, 0]));
  const feed = (w: Worker) => {
    while (failure === null && inFlight.get(w)! < AHEAD && next < total) {
      w.postMessage(tasks[next++]);
      inFlight.set(w, inFlight.get(w)! + 1);
    }
  };
  for (const w of pool) {
    w.on('error', (error) => {
      failure ??= error instanceof Error ? error : new Error(String(error));
      settle();
    });
    w.on('message', (m: { c: number; replication: number; result: ReplicationData }) => {
      inFlight.set(w, inFlight.get(w)! - 1);
      record(m.c, m.replication, fromData(m.result));
      feed(w);
      settle();
    });
    feed(w);
  }
  try {
    // This thread takes the next replication too, and lets the workers' messages in between.
    while (failure === null && next < total) {
      runHere(tasks[next++]!);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    settle();
    await finished;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
