import { render } from 'ink';
import type { SimConfig } from '../sim/config.ts';
import { buildReport } from '../sim/report.ts';
import { simulate } from '../node/simulate.ts';
import { ProgressView } from '../tui/components/ProgressView.tsx';
import type { DashboardRun } from '../tui/dashboard-model.ts';
import { SimDashboard } from '../tui/SimDashboard.tsx';

/**
 * `motcua simulate --tui`: a live progress bar while the baseline and its variants run, then the
 * dashboard. The wall clock is read here, at the edge, only for the estimated time left.
 */
export async function showSimulation(configs: readonly { readonly name: string; readonly config: SimConfig }[], options: { readonly lang: 'vi' | 'en'; readonly color: boolean; readonly workers?: number }): Promise<void> {
  const total = configs.reduce((s, c) => s + c.config.replications, 0);
  const started = Date.now();
  let done = 0;
  const app = render(<ProgressView label={configs[0]?.name ?? ''} done={0} total={total} elapsed={0} color={options.color} />);
  const runs: DashboardRun[] = [];
  for (const { name, config } of configs) {
    const results = await simulate(config, {
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      onReplication: () => {
        done++;
        app.rerender(<ProgressView label={name} done={done} total={total} elapsed={(Date.now() - started) / 1000} color={options.color} />);
      },
    });
    runs.push({ name, report: buildReport(config, results), specs: config.procedures.map((p) => p.spec) });
  }
  app.rerender(<SimDashboard runs={runs} lang={options.lang} color={options.color} width={Math.max(80, Math.min(120, process.stdout.columns ?? 80))} />);
  await app.waitUntilExit();
}
