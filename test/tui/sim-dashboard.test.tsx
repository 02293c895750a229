import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/sim/engine.ts';
import { buildReport } from '../../src/sim/report.ts';
import { SimDashboard } from '../../src/tui/SimDashboard.tsx';
import { histogramRows, limitInWorkingDays } from '../../src/tui/dashboard-model.ts';
import { birthResidenceInsurance } from '../../procedures/birth-residence-insurance.ts';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { simOf } from '../support/sim.ts';

const tick = () => new Promise((r) => setTimeout(r, 20));

function runOf(name: string, officers: number) {
  const base = simOf(landUseRightFirst, { seed: 9, perDay: 4, days: 60, officers, supplement: 0.1, refusal: 0.02, incomplete: 0, withdrawal: 0, silence: 0, stepMean: 5 });
  const birth = simOf(birthResidenceInsurance, { seed: 9, perDay: 6, days: 60, officers, supplement: 0.1, refusal: 0.02, incomplete: 0, withdrawal: 0, silence: 0, stepMean: 2 });
  const config = { ...base, procedures: [...base.procedures, ...birth.procedures], stations: { ...base.stations, ...birth.stations } };
  return { name, report: buildReport(config, [runReplication(config, 0)]), specs: config.procedures.map((p) => p.spec) };
}

describe('the simulation dashboard', () => {
  const runs = [runOf('baseline', 1), runOf('more officers', 3)];

  it('draws the cycle-time histogram against the limit, the split and the bottleneck', () => {
    const { lastFrame } = render(<SimDashboard runs={runs} lang="en" color={false} />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('baseline (1/2) · 1/2 land-use-right-first@2024.1');
    expect(frame).toContain('Cycle time (working days) · limit 20.0');
    expect(frame.split('\n').filter((l) => l.includes('◀') && /\d–/.test(l))).toHaveLength(1);
    expect(frame).toMatch(/on-time rate \d+\.\d% ±0\.0/);
    expect(frame).toContain(`${runs[0]!.report.bottleneck!.station}`);
  });

  it('switches procedure with the arrows and variant with tab', async () => {
    const { lastFrame, stdin } = render(<SimDashboard runs={runs} lang="en" color={false} />);
    stdin.write('\u001B[C');
    await tick();
    expect(lastFrame()).toContain('2/2 birth-residence-insurance@2024.1');
    stdin.write('\t');
    await tick();
    expect(lastFrame()).toContain('more officers (2/2)');
  });

  it('groups the histogram into bars from zero to past the limit, counting every case once', () => {
    const p = runs[0]!.report.procedures[0]!;
    const rows = histogramRows(p, limitInWorkingDays(landUseRightFirst), 8);
    expect(rows).toHaveLength(8);
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(p.histogram.counts.reduce((s, n) => s + n, 0));
    expect(rows.filter((r) => r.limitHere)).toHaveLength(1);
    expect(limitInWorkingDays(landUseRightFirst)).toBe(20);
  });
});
