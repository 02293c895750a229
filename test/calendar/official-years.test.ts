import { describe, expect, it } from 'vitest';
import {
  DayCalendar,
  VN_MAX_YEAR,
  VN_MIN_YEAR,
  VN_OFFICIAL_ANNOUNCEMENTS,
  VN_RULESETS,
  formatLocalDate,
  type OfficialAnnouncement,
} from '../../src/index.ts';
import { runCli } from '../support/cli.ts';

const calendarWith = (announcements: readonly OfficialAnnouncement[]) =>
  new DayCalendar({ id: 'test', rulesets: VN_RULESETS, announcements, minYear: VN_MIN_YEAR, maxYear: VN_MAX_YEAR });
const withoutSwaps = VN_OFFICIAL_ANNOUNCEMENTS.map((a) => ({ ...a, entries: a.entries.filter((e) => !e.swap) }));
const rulesOnly = calendarWith([]);
const officialNoSwaps = calendarWith(withoutSwaps);
const exceptions = (cal: DayCalendar, year: number) => cal.exceptions(year).map((s) => `${formatLocalDate(s.date)} ${s.working ? 'worked' : 'off'}`);

describe('the provisional rules reproduce every official year', () => {
  it('an announcement is shipped for every year from 2016 to 2026', () => {
    expect(VN_OFFICIAL_ANNOUNCEMENTS.map((a) => a.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  for (let year = 2016; year <= 2026; year++) {
    it(`the rules alone give the days off of ${year} that the announcement gives, apart from its swaps`, () => {
      expect(exceptions(rulesOnly, year)).toEqual(exceptions(officialNoSwaps, year));
    });
  }

  it('Tết 2016 (New Year on Monday 8/2) puts no weekday off before New Year', () => {
    expect(exceptions(rulesOnly, 2016).filter((d) => d.startsWith('2016-02'))).toEqual([
      '2016-02-08 off', '2016-02-09 off', '2016-02-10 off', '2016-02-11 off', '2016-02-12 off',
    ]);
  });

  it('National Day 2021 (2/9 on Thursday) takes the Friday after as its adjacent day', () => {
    expect(exceptions(rulesOnly, 2021).filter((d) => d.startsWith('2021-09'))).toEqual(['2021-09-02 off', '2021-09-03 off']);
  });
});

const due = async (start: string, duration = '1wd') => JSON.parse((await runCli(['calendar', 'add', start, duration, '--json'])).out).due as string;

describe('calendar add gives the law’s answer on every announcement of shared/DOMAIN.md', () => {
  it('2016 Tết: a working day from Thursday 4/2 ends on Friday 5/2, and from Friday 5/2 on Monday 15/2 (Notice 4659/TB-LĐTBXH)', async () => {
    expect([await due('2016-02-04'), await due('2016-02-05')]).toEqual(['2016-02-05', '2016-02-15']);
  });
  it('2021 National Day: a working day from Wednesday 1/9 ends on Monday 6/9, Friday 3/9 being the adjacent day', async () => {
    expect(await due('2021-09-01')).toBe('2021-09-06');
  });
  it('2024 Tết: a working day from Wednesday 7/2 ends on Thursday 15/2 (letter 8662/VPCP-KGVX)', async () => {
    expect(await due('2024-02-07')).toBe('2024-02-15');
  });
  it('2024 30/4–1/5: Monday 29/4 is off and Saturday 4/5 is worked (letter 2450/VPCP-KGVX)', async () => {
    expect([await due('2024-04-26'), await due('2024-05-03')]).toEqual(['2024-05-02', '2024-05-04']);
  });
  it('2024 National Day: a working day from Friday 30/8 ends on Wednesday 4/9 (Notice 5015/TB-LĐTBXH)', async () => {
    expect(await due('2024-08-30')).toBe('2024-09-04');
  });
  it('2025 Tết: a working day from Friday 24/1 ends on Monday 3/2 (letter 8726/VPCP-KGVX)', async () => {
    expect(await due('2025-01-24')).toBe('2025-02-03');
  });
  it('2025 30/4–1/5: Saturday 26/4 is worked and Friday 2/5 is off', async () => {
    expect([await due('2025-04-25'), await due('2025-04-29')]).toEqual(['2025-04-26', '2025-05-05']);
  });
  it('2025 National Day: a working day from Friday 29/8 ends on Wednesday 3/9', async () => {
    expect(await due('2025-08-29')).toBe('2025-09-03');
  });
  it('2026 New Year: a working day from Thursday 1/1 ends on Monday 5/1, and Saturday 10/1 is worked (letter 12729/VPCP-KGVX)', async () => {
    expect([await due('2026-01-01'), await due('2026-01-09')]).toEqual(['2026-01-05', '2026-01-10']);
  });
  it('2026 Tết: a working day from Friday 13/2 ends on Monday 23/2 (Notice 9441/TB-BNV)', async () => {
    expect(await due('2026-02-13')).toBe('2026-02-23');
  });
  it('2026 Hùng Kings day (Sunday 26/4): a working day from Friday 24/4 ends on Tuesday 28/4', async () => {
    expect(await due('2026-04-24')).toBe('2026-04-28');
  });
  it('2026 National Day: Saturday 22/8 is worked, and a working day from Friday 28/8 ends on Thursday 3/9 (Notice 9441/TB-BNV)', async () => {
    expect([await due('2026-08-21'), await due('2026-08-28')]).toEqual(['2026-08-22', '2026-09-03']);
  });
});

describe('a year with no official announcement is said to be provisional', () => {
  it('calendar holidays 2027 marks every day the rules place, and 2026 none', async () => {
    const days2027 = JSON.parse((await runCli(['calendar', 'holidays', '2027', '--json'])).out).days as { date: string; provisional?: boolean; note?: string }[];
    expect(days2027.length).toBeGreaterThan(0);
    expect(days2027.every((d) => d.provisional === true)).toBe(true);
    expect(days2027.find((d) => d.date === '2027-02-04')).toMatchObject({ provisional: true, note: 'no official announcement for Tết 2027' });
    const days2026 = JSON.parse((await runCli(['calendar', 'holidays', '2026', '--json'])).out).days as { provisional?: boolean }[];
    expect(days2026.filter((d) => d.provisional === true)).toEqual([]);
  });

  it('a due date counted through Tết 2027 says so', async () => {
    const r = JSON.parse((await runCli(['calendar', 'add', '2027-02-03', '1wd', '--json'])).out);
    expect(r.due).toBe('2027-02-11');
    expect(r.provisional).toBe(true);
    expect(r.explanation[1]).toBe('skipped 04/02/2027–10/02/2027: weekly rest; Tết (Lunar New Year), Labor Code 2019 (45/2019/QH14) Art. 112; provisional: no official announcement for Tết 2027');
  });
});
