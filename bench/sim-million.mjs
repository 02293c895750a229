// A million dossiers: the default scenario (simulations/province-2016.yaml) stretched to 16 years,
// one replication on this thread, through the built package (run `npm run build` first). Prints the
// CPU time of the run itself (scenario loading excluded); run it under `/usr/bin/time -v` for the
// process's CPU and maximum resident set size (BENCHMARKS.md, "A million dossiers").
//   /usr/bin/time -v node bench/sim-million.mjs [years]
import { loadScenario } from '../dist/src/node/scenario-files.js';
import { runReplication } from '../dist/src/sim/engine.js';

const years = Number(process.argv[2] ?? 16);
const scenario = await loadScenario(new URL('../simulations/province-2016.yaml', import.meta.url).pathname);
const config = { ...scenario.baseline, horizonDays: Math.round(365 * years), replications: 1 };
const before = process.cpuUsage();
const r = runReplication(config, 0);
const cpu = process.cpuUsage(before);
console.log(
  `${r.conservation.arrived} dossiers, ${r.events} events, CPU of the run ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, ` +
    `heap after it ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
);
