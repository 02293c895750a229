import { describe, expect, it } from 'vitest';
import { LogError } from '../../src/errors.ts';
import { LogBuilder } from '../../src/mining/log.ts';
import { versionOfLog } from '../../src/mining/log-version.ts';

const V2024 = { id: 'land', version: '2024.1', effectiveFrom: '2024-08-01', effectiveTo: '2025-06-30' };
const V2025 = { id: 'land', version: '2025.1', effectiveFrom: '2025-07-01' };

/** A log of one receipt per case, at the given instants (ISO, with their offset). */
function logOf(receipts: readonly (readonly [string, string | undefined])[]) {
  const b = new LogBuilder('log.csv');
  receipts.forEach(([at, procedure], i) => {
    const t = b.trace(`c${i}`);
    if (procedure !== undefined) b.attribute(t, 'procedure', procedure);
    b.event(t, 'receipt', Date.parse(at), 'complete', undefined, undefined);
  });
  return b.build();
}

describe('the version a log was received under', () => {
  it('is the version in force on every day of receipt, in Vietnamese time', () => {
    // 2025-06-30T23:30 in Hanoi is 16:30 UTC: still the old version's last day.
    const chosen = versionOfLog([V2025, V2024], logOf([['2025-03-03T08:00:00+07:00', 'land'], ['2025-06-30T16:30:00Z', 'land']]));
    expect(chosen).toEqual({ spec: V2024, cases: 2, from: '2025-03-03', to: '2025-06-30' });
  });

  it('counts only the cases of the procedure when the log names procedures', () => {
    const chosen = versionOfLog([V2024, V2025], logOf([['2025-07-01T08:00:00+07:00', 'land'], ['2025-03-03T08:00:00+07:00', 'birth']]));
    expect([chosen.spec.version, chosen.cases, chosen.from]).toEqual(['2025.1', 1, '2025-07-01']);
  });

  it('refuses a log whose receipts span two versions, naming each with its cases and days', () => {
    let error: unknown;
    try {
      versionOfLog([V2024, V2025], logOf([['2025-06-30T08:00:00+07:00', undefined], ['2025-07-01T00:30:00+07:00', undefined], ['2025-07-02T08:00:00+07:00', undefined]]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LogError);
    const e = error as LogError;
    expect(e.code).toBe('spans-versions');
    expect(e.describe()).toBe('log.csv: the cases of land in the log were received from 2025-06-30 to 2025-07-02, under more than one version (2024.1: 1 cases received from 2025-06-30 to 2025-06-30; 2025.1: 2 cases received from 2025-07-01 to 2025-07-02). Calibrate one version at a time: split the log by day of receipt and name the version, e.g. --procedure land@2024.1.');
    expect(e.describe('vi')).toContain('thuộc nhiều phiên bản (2024.1: 1 hồ sơ tiếp nhận từ 2025-06-30 đến 2025-06-30; 2025.1: 2 hồ sơ');
  });

  it('refuses receipts on days no version is in force', () => {
    expect(() => versionOfLog([V2024, V2025], logOf([['2024-03-04T08:00:00+07:00', undefined]]))).toThrow('1 cases were received on days when no version of land is in force (2024-03-04; versions: 2024.1 from 2024-08-01 to 2025-06-30, 2025.1 from 2025-07-01).');
  });

  it('gives the newest version to a log without a case of the procedure (calibrate then says so)', () => {
    expect(versionOfLog([V2024, V2025], logOf([['2025-03-03T08:00:00+07:00', 'birth']]))).toEqual({ spec: V2025, cases: 0, from: undefined, to: undefined });
  });
});
