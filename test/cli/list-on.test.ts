import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeProcedure } from '../../src/dsl/io.ts';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { landUseRightFirst2025 } from '../../procedures/land-use-right-first-2025.ts';
import { runCli } from '../support/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${ROOT}test-artifacts/cli/list-on`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// Two versions of one procedure, the first closed on 30/6/2025, the second open-ended from 1/7/2025.
writeFileSync(`${dir}/land-2024.json`, writeProcedure({ ...landUseRightFirst, version: '2024.1', effectiveFrom: '2024-08-01', effectiveTo: '2025-06-30' }, 'json'));
writeFileSync(`${dir}/land-2025.json`, writeProcedure(landUseRightFirst2025, 'json'));

type Row = { id: string; version: string; effectiveFrom: string; effectiveTo?: string; level: string };
const listOn = async (on: string) => {
  const { code, out } = await runCli(['list', dir, '--on', on, '--json']);
  expect(code).toBe(0);
  return JSON.parse(out) as { on: string; procedures: Row[] };
};

describe('motcua list --on', () => {
  it('shows the version closed on 30/6/2025 on its last day and the new one from 1/7/2025, one line per procedure', async () => {
    const last = await listOn('2025-06-30');
    expect(last.on).toBe('2025-06-30');
    expect(last.procedures.map((r) => [r.id, r.version, r.effectiveFrom, r.effectiveTo])).toEqual([['land-use-right-first', '2024.1', '2024-08-01', '2025-06-30']]);
    const next = await listOn('2025-07-01');
    expect(next.procedures.map((r) => [r.id, r.version, r.level, r.effectiveTo])).toEqual([['land-use-right-first', '2025.1', 'commune', undefined]]);
  });

  it('lists nothing on a day before every version, and says so in both languages', async () => {
    expect((await listOn('2024-07-31')).procedures).toEqual([]);
    const en = await runCli(['list', dir, '--on', '2024-07-31', '--lang', 'en']);
    expect(en.out.endsWith('\n0 procedures in force on 2024-07-31, 0 inter-agency (liên thông).\n')).toBe(true);
    const vi = await runCli(['list', dir, '--on', '2025-07-01', '--lang', 'vi']);
    expect(vi.out.split('\n').filter((l) => l.startsWith('land-use-right-first')).map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual([['land-use-right-first', '2025.1', 'xã']]);
    expect(vi.out.endsWith('\n1 thủ tục có hiệu lực ngày 2025-07-01, 1 thủ tục liên thông.\n')).toBe(true);
  });

  it('without --on lists every version, as before', async () => {
    const { out } = await runCli(['list', dir, '--json']);
    expect((JSON.parse(out) as { procedures: Row[] }).procedures.map((r) => r.version)).toEqual(['2024.1', '2025.1']);
  });

  it('on the catalogue picks the 2021 household business version in 2024 and the 2025 one in 2026', async () => {
    const pick = async (on: string) => {
      const { out } = await runCli(['list', '--on', on, '--json']);
      return (JSON.parse(out) as { procedures: Row[] }).procedures.filter((r) => r.id === 'household-business-registration').map((r) => [r.version, r.level]);
    };
    expect(await pick('2024-03-04')).toEqual([['2021.1', 'district']]);
    expect(await pick('2026-03-02')).toEqual([['2025.1', 'commune']]);
  });

  it('refuses a date that does not exist with exit 2 and one line naming --on', async () => {
    const { code, out, err } = await runCli(['list', '--on', '2026-02-30']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('motcua: --on: "2026-02-30" is not a date: 2026-02 has 28 days. Write YYYY-MM-DD.\n');
  });
});
