/**
 * The simulator on worker threads against one thread, in the same run: 20 replications of the
 * default scenario, run by the built package (`dist/`, what users run: each worker loads the built
 * modules once, no compiler). Same seed, so both runs compute the same replications.
 */
import { availableParallelism } from 'node:os';
import { formatTable } from './harness.ts';

interface NodeEntry {
  loadScenario(file: string): Promise<{ baseline: { replications: number } & Record<string, unknown> }>;
  simulate(config: unknown, options?: { workers?: number }): Promise<unknown[]>;
  packageFile(path: string): string;
}

export async function runWorkersBench(replications = 20): Promise<{ oneMs: number; rows: { workers: number; ms: number; speedup: number }[] }> {
  const built = (await import(new URL('../dist/src/node/index.js', import.meta.url).href)) as NodeEntry;
  const scenario = await built.loadScenario(built.packageFile('simulations/province-2016.yaml'));
  const config = { ...scenario.baseline, replications };
  const time = async (workers: number) => {
    const t0 = performance.now();
    const results = await built.simulate(config, { workers });
    if (results.length !== replications) throw new Error(`expected ${replications} replications, got ${results.length}`);
    return performance.now() - t0;
  };
  await time(0); // warm the JIT and the calendar indexes of this thread
  const counts = [0, 1, 2, ...(availableParallelism() > 2 ? [availableParallelism() - 1] : [])];
  const ms = new Map<number, number[]>();
  for (let round = 0; round < 3; round++) for (const w of counts) ms.set(w, [...(ms.get(w) ?? []), await time(w)]);
  const best = (w: number) => Math.min(...ms.get(w)!);
  const oneMs = best(0);
  const rows = counts.map((workers) => ({ workers, ms: best(workers), speedup: oneMs / best(workers) }));
  console.log(`${replications} replications of simulations/province-2016.yaml, built code, best of 3 rounds; ${availableParallelism()} cores.\n`);
  console.log(formatTable(['worker threads', 'ms', 'speed-up over this thread alone'], rows.map((r) => [r.workers === 0 ? '0 (this thread alone)' : `${r.workers} beside this thread${r.workers === availableParallelism() - 1 ? ' (default)' : ''}`, r.ms.toFixed(0), `${r.speedup.toFixed(2)}×`]), ['l', 'r', 'r']));
  return { oneMs, rows };
}
