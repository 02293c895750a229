import { render } from 'ink';
import { type ScenarioRunOptions, runScenario, scenarioConfigs } from '../node/run-scenario.ts';
import type { Scenario } from '../sim/scenario/index.ts';
import { ProgressView } from '../tui/components/ProgressView.tsx';
import type { DashboardRun } from '../tui/dashboard-model.ts';
import { SimDashboard } from '../tui/SimDashboard.tsx';

/**
 * `motcua simulate --tui`: a live progress bar while the baseline and its variants run (through
 * the same pipeline as `simulate` and `report`), then the dashboard. The wall clock is read here,
 * at the edge, only for the estimated time left.
 */
export async function showSimulation(scenario: Scenario, options: Pick<ScenarioRunOptions, 'replications' | 'seed' | 'workers'>, view: { readonly lang: 'vi' | 'en'; readonly color: boolean }): Promise<void> {
  const configs = scenarioConfigs(scenario, options);
  const total = [configs.baseline, ...configs.variants.map((v) => v.config)].reduce((s, c) => s + c.replications, 0);
  const started = Date.now();
  let done = 0;
  const app = render(<ProgressView label="baseline" done={0} total={total} elapsed={0} color={view.color} />);
  const run = await runScenario(scenario, {
    ...options,
    compare: true,
    onProgress: (label, d) => {
      if (d === 0) return;
      done++;
      app.rerender(<ProgressView label={label} done={done} total={total} elapsed={(Date.now() - started) / 1000} color={view.color} />);
    },
  });
  const runs: DashboardRun[] = [
    { name: 'baseline', report: run.report, specs: run.baseline.procedures.map((p) => p.spec) },
    ...run.variants.map((v) => ({ name: v.name, report: v.report, specs: v.config.procedures.map((p) => p.spec) })),
  ];
  app.rerender(<SimDashboard runs={runs} lang={view.lang} color={view.color} width={Math.max(80, Math.min(120, process.stdout.columns ?? 80))} />);
  await app.waitUntilExit();
}
