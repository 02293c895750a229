import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/calendar/date.ts';
import { loadScenario } from '../../src/node/scenario-files.ts';
import { stationLoad } from '../../src/sim/scenario/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the merged two-tier province in 2026, province-2026.yaml (what npm start runs)', async () => {
  const scenario = await loadScenario(`${ROOT}simulations/province-2026.yaml`);
  const { baseline } = scenario;

  it('runs a year from 2026-01-01 on the Vietnamese calendar', () => {
    expect(baseline).toMatchObject({ name: 'Merged two-tier province (Lào Cai-like), 2026', start: localDate(2026, 1, 1), horizonDays: 365, warmupDays: 30, replications: 5, seed: 2026, calendar: 'vn' });
  });

  it('runs every catalogue procedure on its post-reform version, about 250 dossiers a working day', () => {
    expect(baseline.procedures.map((p) => `${p.spec.id}@${p.spec.version}`)).toEqual([
      'birth-registration@2025.1',
      'marriage-registration@2025.1',
      'death-registration@2025.1',
      'permanent-residence@2025.1',
      'temporary-residence@2025.1',
      'birth-residence-insurance@2025.1',
      'death-residence-funeral@2025.1',
      'household-business-registration@2025.1',
      'construction-permit-house@2025.1',
      'land-use-right-first@2025.1',
      'enterprise-registration@2025.1',
      'investment-registration@2025.1',
      'judicial-record@2025.1',
      'passport@2025.1',
    ]);
    const perDay = baseline.procedures.reduce((s, p) => s + (p.arrivals.kind === 'poisson' ? p.arrivals.perDay : 0), 0);
    expect(perDay).toBeCloseTo(250.4, 9);
  });

  it('has no district station and no district agency: land goes to the commune centre, the land office, the local tax office and the commune chairman', () => {
    expect(Object.keys(baseline.stations).filter((s) => s.startsWith('district'))).toEqual([]);
    for (const p of baseline.procedures) expect(Object.values(p.spec.agencies).map((a) => a.level), p.spec.id).not.toContain('district');
    expect(baseline.procedures.find((p) => p.spec.id === 'land-use-right-first')!.stationOf).toEqual({
      desk: 'commune-centre',
      commune: 'commune-cadastral',
      landOffice: 'land-office',
      tax: 'local-tax',
      issuer: 'commune-committee',
    });
  });

  it('files the linked birth service online only', () => {
    expect(baseline.procedures.find((p) => p.spec.id === 'birth-residence-insurance')!.channels).toEqual([{ value: 'online', p: 1 }]);
  });

  it('has the land registration office as its bottleneck, every station below 1', () => {
    const loads = stationLoad(baseline);
    expect(loads.reduce((a, b) => (b.utilisation > a.utilisation ? b : a)).station).toBe('land-office');
    expect(loads.filter((l) => l.utilisation >= 1)).toEqual([]);
  });

  it('compares two variants with the baseline', () => {
    expect(scenario.variants.map((v) => v.name)).toEqual(['more land officers', 'two more commune centre officers']);
  });
});
