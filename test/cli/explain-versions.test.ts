import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../procedures/index.ts';
import { runCli } from '../support/cli.ts';

const ids = [...new Set(CATALOGUE.map((p) => p.id))];
type Explained = { procedure: { id: string; version: string; file: string } };
/** The plainest dossier of a procedure: every field false (every catalogue field is a boolean). */
const dossierOf = (id: string) => JSON.stringify(Object.fromEntries(Object.keys(CATALOGUE.find((p) => p.id === id)!.dossier).map((f) => [f, false])));
const explain = (id: string, received: string) => runCli(['explain', id, '--received', received, '--dossier', dossierOf(id), '--json']);
const versionOf = (id: string, version: string) => CATALOGUE.find((p) => p.id === id && p.version === version)!;

/** Procedures that did not exist on 4 March 2024: the linked services (Decree 63/2024) and the Land Law 2024. */
const NOT_YET_ON_2024_03_04 = ['birth-residence-insurance', 'death-residence-funeral', 'land-use-right-first'];

describe('explain picks the version in force on the day of receipt', () => {
  it.each(ids)('%s received on Monday 2 March 2026 runs on its post-reform version: no district agency, the one-stop regulation of 2025 cited', async (id) => {
    const { code, out } = await explain(id, '2026-03-02T09:00');
    expect(code).toBe(0);
    const { procedure } = JSON.parse(out) as Explained;
    const spec = versionOf(id, procedure.version);
    expect(spec.effectiveTo).toBeUndefined();
    expect(spec.effectiveFrom >= '2025-03-01').toBe(true);
    expect(spec.level).not.toBe('district');
    expect(Object.values(spec.agencies).map((a) => a.level)).not.toContain('district');
    expect(spec.legal.map((r) => r.document).some((d) => d.startsWith('Decree 118/2025/NĐ-CP'))).toBe(true);
  });

  it.each(ids.filter((id) => !NOT_YET_ON_2024_03_04.includes(id)))('%s received on Monday 4 March 2024 runs on its three-level version, which ends before the reform', async (id) => {
    const { code, out } = await explain(id, '2024-03-04T09:00');
    expect(code).toBe(0);
    const spec = versionOf(id, (JSON.parse(out) as Explained).procedure.version);
    expect(spec.effectiveTo! <= '2025-06-30').toBe(true);
    expect(spec.legal.map((r) => r.document).some((d) => d.startsWith('Decree 118/2025'))).toBe(false);
  });

  it('refuses a land dossier of 4 March 2024, before the Land Law 2024, with exit 2, naming both versions and their dates', async () => {
    const { code, out, err } = await explain('land-use-right-first', '2024-03-04T09:00');
    expect([code, out]).toEqual([2, '']);
    expect(err).toBe(
      'motcua: --received: no version of land-use-right-first is in force on 2024-03-04 (versions: 2024.1 from 2024-08-01 to 2025-06-30, 2025.1 from 2025-07-01). Give a date of receipt inside one of them, or add a version for that date.\n',
    );
  });

  it('refuses a judicial record of 2009, before the Law on Judicial Records took effect, with exit 2', async () => {
    const { code, err } = await explain('judicial-record', '2009-06-01T09:00');
    expect(code).toBe(2);
    expect(err).toBe(
      'motcua: --received: no version of judicial-record is in force on 2009-06-01 (versions: 2010.1 from 2010-07-01 to 2025-02-28, 2025.1 from 2025-03-01). Give a date of receipt inside one of them, or add a version for that date.\n',
    );
  });

  it('sends a judicial record of 28 February 2025 to the Department of Justice and one of 3 March 2025 to the police', async () => {
    const before = JSON.parse((await explain('judicial-record', '2025-02-28T09:00')).out) as Explained;
    const after = JSON.parse((await explain('judicial-record', '2025-03-03T09:00')).out) as Explained;
    expect([before.procedure.version, after.procedure.version]).toEqual(['2010.1', '2025.1']);
    expect(Object.keys(versionOf('judicial-record', '2025.1').agencies)).toEqual(['desk', 'police']);
  });

  it('runs the linked birth service of 2026 online only, in 3 working days', () => {
    const linked = versionOf('birth-residence-insurance', '2025.1');
    expect([linked.receipt.channels, linked.limit.duration, linked.limit.mode]).toEqual([['online'], '3wd', 'date']);
  });
});
