import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  formatLocalDate,
  localDate,
  lunarNewYear,
  lunarToSolar,
  parseAnnouncement,
  parseLocalDate,
  vietnamDayCalendar,
  weekday,
  type LocalDate,
} from '../../src/index.ts';

const days = vietnamDayCalendar();
const off = (d: string) => !days.isWorkingDay(parseLocalDate(d));

describe('statutory holidays, every year 2020–2035', () => {
  for (let year = 2020; year <= 2035; year++) {
    it(`the first three days of Tết ${year} are not working days`, () => {
      const tet = lunarNewYear(year);
      for (let k = 0; k < 3; k++) expect(days.isWorkingDay((tet + k) as LocalDate), formatLocalDate((tet + k) as LocalDate)).toBe(false);
    });

    it(`Hùng Kings day ${year}, or its compensation day when it falls on a weekend, is not a working day`, () => {
      const hung = lunarToSolar({ year, month: 3, day: 10, leap: false });
      expect(days.isWorkingDay(hung)).toBe(false);
      if ([0, 6].includes(weekday(hung))) {
        const statuses = [1, 2, 3, 4].map((k) => days.status((hung + k) as LocalDate));
        const compensated = statuses.find((s) => s.source !== 'weekly' && s.reason.en.includes('Hùng Kings'));
        expect(compensated?.working, `compensation for ${formatLocalDate(hung)}`).toBe(false);
      }
    });
  }
});

describe('official announcements override the provisional rules', () => {
  it('the whole official Tết 2025 span, 25 January to 2 February, is non-working', () => {
    for (let d = parseLocalDate('2025-01-25'); d <= parseLocalDate('2025-02-02'); d = (d + 1) as LocalDate) {
      expect(days.status(d)).toMatchObject({ working: false, source: 'official', ruleId: 'tet' });
    }
    expect(off('2025-01-24')).toBe(false);
    expect(off('2025-02-03')).toBe(false);
  });

  it('Saturday 26 April 2025 is worked and Friday 2 May 2025 is off', () => {
    expect(days.status(parseLocalDate('2025-04-26'))).toMatchObject({ working: true, source: 'official' });
    expect(off('2025-05-02')).toBe(true);
  });

  it('lists exactly the 2026 days that differ from the weekly pattern', () => {
    expect(days.exceptions(2026).map((s) => `${formatLocalDate(s.date)} ${s.source} ${s.ruleId}`)).toEqual([
      '2026-01-01 official new-year',
      '2026-01-02 official undefined',
      '2026-01-10 official undefined',
      '2026-02-16 official tet',
      '2026-02-17 official tet',
      '2026-02-18 official tet',
      '2026-02-19 official tet',
      '2026-02-20 official tet',
      '2026-04-27 official hung-kings',
      '2026-04-30 rule reunification',
      '2026-05-01 rule labour-day',
      '2026-08-22 official undefined',
      '2026-08-31 official undefined',
      '2026-09-01 official national-day',
      '2026-09-02 official national-day',
    ]);
  });

  it('a service can add its own announcement, which wins over the shipped data', () => {
    const swap = parseAnnouncement(
      {
        year: 2027,
        entries: [
          { date: '2027-05-03', working: true, reason: { vi: 'Làm bù', en: 'Worked' }, source: { document: 'Test', confidence: 'uncertain' } },
          { date: '2027-04-29', working: false, reason: { vi: 'Nghỉ', en: 'Off' }, source: { document: 'Test', confidence: 'uncertain' } },
        ],
      },
      'test.json',
    );
    const custom = vietnamDayCalendar([swap]);
    expect(custom.isWorkingDay(parseLocalDate('2027-05-03'))).toBe(true);
    expect(custom.isWorkingDay(parseLocalDate('2027-04-29'))).toBe(false);
    expect(days.isWorkingDay(parseLocalDate('2027-05-03'))).toBe(false);
  });
});

describe('the rules and the announcements agree on earlier years', () => {
  it('2023: Hùng Kings (Saturday 29/4) and 30/4 (Sunday) are compensated on 2 and 3 May', () => {
    expect(['2023-04-28', '2023-05-01', '2023-05-02', '2023-05-03', '2023-05-04'].map(off)).toEqual([false, true, true, true, false]);
  });

  it('2022: New Year on Saturday is compensated on Monday 3 January', () => {
    expect(off('2022-01-03')).toBe(true);
  });

  it('National Day is one day until 2020 and two days from 2021 (Labor Code 2019)', () => {
    expect(off('2020-09-02')).toBe(true);
    expect(off('2020-09-01')).toBe(false);
    expect(off('2021-09-01')).toBe(false);
    expect(off('2021-09-02')).toBe(true);
    expect(off('2021-09-03')).toBe(true);
  });

  it('Tết 2023 (New Year on Sunday): Friday before and Monday–Thursday after', () => {
    expect(['2023-01-19', '2023-01-20', '2023-01-23', '2023-01-26', '2023-01-27'].map(off)).toEqual([false, true, true, true, false]);
  });

  it('every holiday carries its legal reference and confidence', () => {
    const s = days.status(parseLocalDate('2030-04-30'));
    expect(s.ref).toMatchObject({ document: 'Labor Code 2019 (45/2019/QH14)', article: 'Art. 112', confidence: 'mem' });
  });
});

describe('announcement data files are validated', () => {
  const attempt = (json: unknown) => {
    try {
      parseAnnouncement(json, 'calendars/vn/2099.json');
    } catch (e) {
      return e as CalendarError;
    }
    throw new Error('expected an error');
  };

  it('names the file and the path of a missing field', () => {
    const e = attempt({ year: 2099, entries: [{ date: '2099-01-02', reason: { vi: 'a', en: 'b' }, source: { document: 'x', confidence: 'mem' } }] });
    expect(e.code).toBe('bad-announcement');
    expect(e.file).toBe('calendars/vn/2099.json');
    expect(e.path).toEqual(['entries', 0, 'working']);
  });

  it('rejects a date that does not exist, with its path', () => {
    const e = attempt({ year: 2099, entries: [{ date: '2099-02-30', working: false, reason: { vi: 'a', en: 'b' }, source: { document: 'x', confidence: 'mem' } }] });
    expect(e.code).toBe('bad-date');
    expect(e.path).toEqual(['entries', 0, 'date']);
  });

  it('rejects a range given backwards', () => {
    const e = attempt({ year: 2099, entries: [{ from: '2099-02-03', to: '2099-02-01', working: false, reason: { vi: 'a', en: 'b' }, source: { document: 'x', confidence: 'mem' } }] });
    expect(e.message).toBe('"to" is before "from".');
  });

  it('covers 2008 to 2100 and refuses other years', () => {
    expect(days.first).toBe(localDate(2008, 1, 1));
    expect(() => days.exceptions(2101)).toThrow('year 2101 is outside the years this calendar supports (2008–2100).');
  });
});
