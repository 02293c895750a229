import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// A small M/M/c scenario with one variant, so both commands run quickly.
const dir = mkdtempSync(join(tmpdir(), 'motcua-pipeline-'));
copyFileSync(`${ROOT}simulations/single-step.yaml`, join(dir, 'single-step.yaml'));
const SCENARIO = join(dir, 'scenario.yaml');
writeFileSync(
  SCENARIO,
  `name: pipeline
start: 2025-01-01
horizon: 60d
warmup: 5d
replications: 3
seed: 1
calendar: 24x7
stations:
  desk: { officers: 2 }
  server: { officers: 3 }
procedures:
  - procedure: single-step.yaml
    arrivals: { poisson: { perDay: 57.6 } }
    channels: { online: 1 }
    receipt: { fixed: 0 }
    steps: { serve: { duration: { exponential: 1 } } }
    stations: { office: server }
variants:
  - name: a fourth server
    stations:
      server: { officers: 4 }
`,
);

describe('simulate and report run a scenario through one pipeline', () => {
  it('give the same report and the same comparisons for the same scenario, seed and replications', async () => {
    const flags = ['--replications', '2', '--seed', '77', '--workers', '0', '--compare', '--json'];
    const sim = await runCli(['simulate', SCENARIO, ...flags]);
    const rep = await runCli(['report', SCENARIO, ...flags]);
    expect([sim.code, rep.code]).toEqual([0, 0]);
    const simulated = JSON.parse(sim.out);
    const reported = JSON.parse(rep.out);
    const { warnings, comparisons, ...report } = simulated;
    expect(report.scenario).toMatchObject({ seed: 77, replications: 2 });
    expect(reported.report).toEqual(report);
    expect(reported.variants.map((v: { comparison: unknown }) => v.comparison)).toEqual(comparisons);
    expect(comparisons.length).toBeGreaterThan(0);
    // Each variant's own report is the run whose comparison is shown.
    expect(reported.variants.map((v: { name: string; report: { scenario: { seed: number } } }) => [v.name, v.report.scenario.seed])).toEqual(comparisons.map((c: { variant: string }) => [c.variant, 77]));
    expect(reported.warnings).toEqual(warnings);
  }, 60_000);
});
