import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUnit, dossierCode, dossierCounter } from '../../src/engine/dossier-code.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { postgresStore } from '../../src/engine/postgres-store.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import type { CaseStore } from '../../src/engine/store.ts';
import { PG_URL, freshDatabase } from '../support/postgres.ts';
import { tinySpec } from '../support/specs.ts';
import { STORES, at, desk, tempDir } from './support.ts';

/** Circular 01/2018/TT-VPCP Art. 19: `<unit>-YYMMDD-XXXX`. */
const PORTAL_CODE = /^[0-9A-Z.]+-\d{6}-\d{4}$/;
const H33 = '000.00.12.H33';
const X01 = '000.00.35.X01';

const receipt = (local: string, unit?: string) => ({ procedure: 'tiny', channel: 'in-person' as const, receivedAt: at(local), by: desk, ...(unit === undefined ? {} : { unit }) });

describe.each(Object.entries(STORES))('dossier codes on the %s store', { timeout: 60_000 }, (_name, makeStore) => {
  it('are <unit>-YYMMDD-XXXX, numbered per unit per day from 0001, the unit from the receipt or else the engine', async () => {
    const store = makeStore();
    const engine = createEngine({ procedures: [tinySpec()], store, receivingUnit: H33 });
    const codes: string[] = [];
    for (const [local, unit] of [
      ['2025-03-03T09:00', undefined],
      ['2025-03-03T09:10', undefined],
      ['2025-03-03T09:20', X01],
      ['2025-03-03T16:59', undefined],
      ['2025-03-04T08:00', undefined],
      ['2025-03-04T08:05', X01],
    ] as const) {
      codes.push((await engine.open(receipt(local, unit))).code);
    }
    expect(codes).toEqual([
      '000.00.12.H33-250303-0001',
      '000.00.12.H33-250303-0002',
      '000.00.35.X01-250303-0001',
      '000.00.12.H33-250303-0003',
      '000.00.12.H33-250304-0001',
      '000.00.35.X01-250304-0001',
    ]);
    for (const code of codes) expect(code).toMatch(PORTAL_CODE);
    // The code is the case's key: lookups and listings find it as given.
    expect((await engine.status('000.00.35.X01-250303-0001')).receivedAt).toBe(at('2025-03-03T09:20'));
    expect((await engine.list()).map((c) => c.code)).toEqual(codes);
    await store.close();
  });

  it('start with the placeholder MOTCUA when no unit is configured, and a unit that is no identifier is refused with nothing written', async () => {
    const store = makeStore();
    const engine = createEngine({ procedures: [tinySpec()], store });
    await expect(engine.open(receipt('2025-03-03T09:00', 'h33 desk'))).rejects.toMatchObject({
      code: 'bad-input',
      path: ['unit'],
      message: '"h33 desk" is not a receiving unit identifier: give upper-case letters and digits in groups separated by dots, as in 000.00.12.H33 (the unit code under QCVN 102:2016/BTTTT), at most 40 characters.',
    });
    expect((await engine.open(receipt('2025-03-03T09:00'))).code).toBe('MOTCUA-250303-0001');
    await store.close();
  });
});

describe('a dossier code', () => {
  it('is the counter of the unit and Vietnamese day of receipt, then the number in four digits', () => {
    // 23:30 UTC on 2 March is 06:30 on 3 March in Vietnam.
    expect(dossierCounter(H33, Date.parse('2025-03-02T23:30:00Z') as never)).toBe('000.00.12.H33-250303');
    expect(dossierCode('000.00.12.H33-250303', 42)).toBe('000.00.12.H33-250303-0042');
  });

  it('cannot go past the 9999th dossier of a unit’s day', () => {
    expect(dossierCode('000.00.12.H33-250303', 9999)).toBe('000.00.12.H33-250303-9999');
    expect(() => dossierCode('000.00.12.H33-250303', 10_000)).toThrow('unit 000.00.12.H33 has already received 9999 dossiers on this day');
  });

  it('takes a unit of upper-case letters and digits in dotted groups only', () => {
    expect(checkUnit('H33', ['unit'])).toBe('H33');
    for (const bad of ['', '000..12', '.H33', 'H33.', 'h33', '000-12', 'A'.repeat(41)]) expect(() => checkUnit(bad, ['unit']), bad).toThrow('is not a receiving unit identifier');
  });
});

/** Opens two dossiers at a unit on one day, closes the store, opens it again and opens a third. */
async function acrossRestart(open: () => Promise<CaseStore>): Promise<string[]> {
  const codes: string[] = [];
  const first = await open();
  const before = createEngine({ procedures: [tinySpec()], store: first, receivingUnit: H33 });
  codes.push((await before.open(receipt('2025-03-03T09:00'))).code, (await before.open(receipt('2025-03-03T09:30'))).code);
  await first.close();
  const second = await open();
  const after = createEngine({ procedures: [tinySpec()], store: second, receivingUnit: H33 });
  codes.push((await after.open(receipt('2025-03-03T10:00'))).code, (await after.open(receipt('2025-03-04T10:00'))).code);
  await second.close();
  return codes;
}

const AFTER_RESTART = ['000.00.12.H33-250303-0001', '000.00.12.H33-250303-0002', '000.00.12.H33-250303-0003', '000.00.12.H33-250304-0001'];

describe('the numbering of a unit’s day', { timeout: 60_000 }, () => {
  it('survives closing and reopening the SQLite file', async () => {
    const file = join(tempDir(), 'cases.db');
    expect(await acrossRestart(async () => sqliteStore(file))).toEqual(AFTER_RESTART);
  });

  it.runIf(PG_URL !== undefined)('survives closing and reopening the PostgreSQL store', async () => {
    const db = await freshDatabase();
    try {
      expect(await acrossRestart(() => postgresStore(db.url))).toEqual(AFTER_RESTART);
    } finally {
      await db.drop();
    }
  });

  it.runIf(PG_URL !== undefined)('gives no number twice when two servers share one PostgreSQL database and receive at once', async () => {
    const db = await freshDatabase();
    const stores = [await postgresStore(db.url), await postgresStore(db.url)];
    try {
      const engines = stores.map((store) => createEngine({ procedures: [tinySpec()], store, receivingUnit: H33 }));
      const opened = await Promise.all(Array.from({ length: 12 }, (_, i) => engines[i % 2]!.open(receipt(`2025-03-03T09:${String(i).padStart(2, '0')}`))));
      expect(opened.map((o) => o.code).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `000.00.12.H33-250303-${String(i + 1).padStart(4, '0')}`));
    } finally {
      for (const store of stores) await store.close();
      await db.drop();
    }
  });
});
