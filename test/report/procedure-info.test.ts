import { describe, expect, it } from 'vitest';
import { procedureInfo } from '../../src/report/procedure-info.ts';
import { kitchenSinkSpec, tinySpec } from '../support/specs.ts';

const ref = { document: 'Test law', article: 'Art. 1', confidence: 'mem' } as const;

describe('the statutory limit on a working-day axis', () => {
  it('a limit in working days is drawn where it is, with the law that sets it', () => {
    expect(procedureInfo(tinySpec({ limit: { duration: '3wd', mode: 'date', ref } })).limit).toEqual({ text: '3wd', workingDays: 3, approximate: false, mode: 'date', basis: 'Test law Art. 1' });
  });

  it('working hours count 8 to the day; calendar days 5 working days a week, marked approximate', () => {
    expect(procedureInfo(tinySpec({ limit: { duration: '12wh', mode: 'hours', ref } })).limit.workingDays).toBe(1.5);
    const fifteen = procedureInfo(tinySpec({ limit: { duration: '15d', mode: 'date', ref } })).limit;
    expect(fifteen.workingDays).toBeCloseTo(75 / 7, 12);
    expect(fifteen.approximate).toBe(true);
  });

  it('a branch that extends the limit gives a second line, named by the dossier field', () => {
    expect(procedureInfo(kitchenSinkSpec()).extensions).toEqual([
      { reason: { vi: 'Remote', en: 'Remote' }, extension: '+10wd', total: { text: '15wd + 10wd', workingDays: 25, approximate: false } },
    ]);
  });
});
