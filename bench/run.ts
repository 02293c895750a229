/**
 * Entry point of `npm run bench`. Runs every benchmark, or only those named on the command line
 * (`npm run bench -- calendar`).
 */
import { runCalendarBench } from './calendar.bench.ts';
import { runEngineBench } from './engine.bench.ts';
import { runServeBench } from './serve.bench.ts';
import { runMiningBench } from './mining.bench.ts';
import { runSimBench } from './sim.bench.ts';
import { runStartupBench } from './startup.bench.ts';
import { runWorkersBench } from './workers.bench.ts';

/** Every benchmark, by name, in the order they run. */
const BENCHES: Readonly<Record<string, () => unknown>> = {
  calendar: () => runCalendarBench(),
  sim: () => runSimBench(),
  engine: () => runEngineBench(),
  serve: () => runServeBench(),
  mining: () => runMiningBench(),
  startup: () => runStartupBench(),
  workers: () => runWorkersBench(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`## ${name}\n`);
  await run();
  console.log();
}
