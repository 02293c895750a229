import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocalDate, localDate, type LocalDate } from '../../src/calendar/date.ts';
import {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  lunarMonths,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
  type LunarDate,
} from '../../src/calendar/lunar.ts';
import { CalendarError } from '../../src/errors.ts';
import { checkProperty } from '../support/property.ts';

const lunar = (year: number, month: number, day: number, leap = false): LunarDate => ({ year, month, day, leap });

function thrown(f: () => unknown): CalendarError {
  try {
    f();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError, nothing was thrown');
}

describe('Tết (lunar New Year)', () => {
  it.each([
    [1985, '1985-01-21'], // China: 20 February (a month later)
    [2007, '2007-02-17'], // China: 18 February
    [2030, '2030-02-02'], // China: 3 February
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [1968, '1968-01-29'], // the North's UTC+7 date; the South still used UTC+8 and had 30 January
  ])('falls in %i on %s, the Vietnamese date (UTC+7)', (year, expected) => {
    expect(formatLocalDate(lunarNewYear(year))).toBe(expected);
  });

  it('makes 2030-02-02 lunar 1/1/2030 although in China it is still the last day of the old year', () => {
    expect(solarToLunar(localDate(2030, 2, 2))).toEqual(lunar(2030, 1, 1));
    expect(solarToLunar(localDate(2030, 2, 1))).toEqual(lunar(2029, 12, 29));
  });

  it('gives 1900-01-01 the lunar date 1/12/1899, so that all of 1900–2100 is covered', () => {
    expect(solarToLunar(localDate(1900, 1, 1))).toEqual(lunar(1899, 12, 1));
  });
});

describe('leap months', () => {
  it.each([
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2012, 4],
    [2014, 9],
    [1985, 2], // China had its leap month in 1984 (10) instead
    [2033, 11], // the month after month 11: the "2033 problem" of the Chinese rules
  ])('lunar year %i has leap month %i', (year, month) => {
    const leaps = lunarMonths(year).filter((m) => m.leap);
    expect(leaps.map((m) => m.month)).toEqual([month]);
  });

  it.each([2021, 2022, 2024, 2026, 2027])('lunar year %i has no leap month', (year) => {
    expect(lunarMonths(year).filter((m) => m.leap)).toEqual([]);
    expect(lunarMonths(year)).toHaveLength(12);
  });

  it('lists the months of 2025 in order, with the leap 6th month after the 6th', () => {
    const months = lunarMonths(2025);
    expect(months.map((m) => `${m.month}${m.leap ? 'L' : ''}`)).toEqual([
      '1', '2', '3', '4', '5', '6', '6L', '7', '8', '9', '10', '11', '12',
    ]);
    expect(formatLocalDate(months[0]!.start)).toBe('2025-01-29');
    const leap = months[6]!;
    expect([formatLocalDate(leap.start), leap.length]).toEqual(['2025-07-25', 29]);
    expect(lunarToSolar(lunar(2025, 6, 1, true))).toBe(leap.start);
  });
});

describe('Hùng Kings day (lunar 10/3)', () => {
  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('falls in %i on %s', (year, expected) => {
    const date = lunarToSolar(lunar(year, 3, 10));
    expect(formatLocalDate(date)).toBe(expected);
    expect(solarToLunar(date)).toEqual(lunar(year, 3, 10));
  });
});

describe('the whole supported range', () => {
  const first = lunarNewYear(LUNAR_MIN_YEAR);
  const last = (lunarNewYear(LUNAR_MAX_YEAR) + lunarMonths(LUNAR_MAX_YEAR).reduce((n, m) => n + m.length, 0) - 1) as LocalDate;

  it('covers every civil day from 1900-01-01 to 2100-12-31', () => {
    expect(first).toBeLessThanOrEqual(localDate(1900, 1, 1));
    expect(last).toBeGreaterThanOrEqual(localDate(2100, 12, 31));
  });

  it('round-trips every day solar → lunar → solar, and consecutive days have consecutive lunar dates', () => {
    const started = performance.now();
    let previous: LunarDate | undefined;
    let days = 0;
    for (let d = first; d <= last; d = (d + 1) as LocalDate) {
      const l = solarToLunar(d);
      if (lunarToSolar(l) !== d) expect.fail(`${formatLocalDate(d)} → ${JSON.stringify(l)} → ${formatLocalDate(lunarToSolar(l))}`);
      if (previous !== undefined) {
        const sameMonth = l.year === previous.year && l.month === previous.month && l.leap === previous.leap;
        const ok = sameMonth ? l.day === previous.day + 1 : l.day === 1 && (previous.day === 29 || previous.day === 30);
        if (!ok) expect.fail(`${formatLocalDate(d)}: ${JSON.stringify(previous)} is followed by ${JSON.stringify(l)}`);
      } else {
        expect(l).toEqual(lunar(LUNAR_MIN_YEAR, 1, 1));
      }
      previous = l;
      days += 1;
    }
    expect(previous).toEqual(lunar(LUNAR_MAX_YEAR, 12, lunarMonths(LUNAR_MAX_YEAR).at(-1)!.length));
    expect(days).toBeGreaterThan(73_000);
    console.log(`round-tripped ${days} days in ${Math.round(performance.now() - started)} ms`);
  });

  it('gives every year 12 or 13 months of 29 or 30 days, exactly one leap month in a 13-month year, and no gaps', () => {
    for (let year = LUNAR_MIN_YEAR; year <= LUNAR_MAX_YEAR; year += 1) {
      const months = lunarMonths(year);
      expect([12, 13]).toContain(months.length);
      const leaps = months.filter((m) => m.leap);
      expect(leaps).toHaveLength(months.length - 12);
      // Numbered 1–12 in order, the leap month right after the month whose number it repeats.
      expect(months.filter((m) => !m.leap).map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      for (const [i, m] of months.entries()) {
        expect([29, 30]).toContain(m.length);
        if (m.leap) expect(months[i - 1]?.month).toBe(m.month);
        const next = months[i + 1]?.start ?? (year < LUNAR_MAX_YEAR ? lunarNewYear(year + 1) : undefined);
        if (next !== undefined) expect(next - m.start).toBe(m.length);
      }
      expect(months[0]!.start).toBe(lunarNewYear(year));
    }
  });

  it('puts Tết between 21 January and 20 February, and the winter solstice (21 or 22 December) in month 11', () => {
    for (let year = LUNAR_MIN_YEAR; year <= LUNAR_MAX_YEAR; year += 1) {
      const tet = lunarNewYear(year);
      expect(tet).toBeGreaterThanOrEqual(localDate(year, 1, 21));
      expect(tet).toBeLessThanOrEqual(localDate(year, 2, 20));
      const month11 = lunarMonths(year).find((m) => m.month === 11 && !m.leap)!;
      const end = month11.start + month11.length;
      const holds = [21, 22].some((day) => month11.start <= localDate(year, 12, day) && localDate(year, 12, day) < end);
      expect(holds, `month 11 of ${year} starts ${formatLocalDate(month11.start)}`).toBe(true);
    }
  });

  it('round-trips random lunar dates lunar → solar → lunar (fast-check)', () => {
    const date = fc
      .record({
        year: fc.integer({ min: LUNAR_MIN_YEAR, max: LUNAR_MAX_YEAR }),
        index: fc.nat(),
        day: fc.integer({ min: 1, max: 30 }),
      })
      .map(({ year, index, day }) => {
        const months = lunarMonths(year);
        const m = months[index % months.length]!;
        return lunar(year, m.month, Math.min(day, m.length), m.leap);
      });
    checkProperty(
      'lunar round trip',
      fc.property(date, (l) => {
        const solar = lunarToSolar(l);
        expect(solarToLunar(solar)).toEqual(l);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps random civil days to a lunar date inside a month that contains them (fast-check)', () => {
    checkProperty(
      'solar day inside its lunar month',
      fc.property(fc.integer({ min: first, max: last }), (d) => {
        const l = solarToLunar(d as LocalDate);
        const m = lunarMonths(l.year).find((x) => x.month === l.month && x.leap === l.leap)!;
        expect(d - m.start).toBe(l.day - 1);
        expect(l.day).toBeLessThanOrEqual(m.length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('errors', () => {
  it.each([
    ['lunarNewYear', () => lunarNewYear(LUNAR_MIN_YEAR - 1)],
    ['lunarMonths', () => lunarMonths(LUNAR_MAX_YEAR + 1)],
    ['lunarToSolar', () => lunarToSolar(lunar(2101, 1, 1))],
  ])('%s rejects a year outside the supported range with out-of-range, naming the year and the range', (_, f) => {
    const e = thrown(f);
    expect(e.code).toBe('out-of-range');
    expect(e.message).toMatch(/\b(1898|2101)\b/);
    expect(e.message).toContain(`${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  });

  it('solarToLunar rejects a date outside the supported range with out-of-range, naming the date and the range', () => {
    const e = thrown(() => solarToLunar(localDate(1850, 6, 1)));
    expect(e.code).toBe('out-of-range');
    expect(e.message).toContain('1850-06-01');
    expect(e.message).toContain(formatLocalDate(lunarNewYear(LUNAR_MIN_YEAR)));
    expect(thrown(() => solarToLunar(localDate(2101, 12, 31))).code).toBe('out-of-range');
  });

  it('rejects day 30 of a 29-day month with bad-lunar-date and says how many days the month has', () => {
    const short = lunarMonths(2025).find((m) => m.length === 29)!;
    const e = thrown(() => lunarToSolar(lunar(2025, short.month, 30, short.leap)));
    expect(e.code).toBe('bad-lunar-date');
    expect(e.message).toContain('29 days');
    expect(lunarToSolar(lunar(2025, short.month, 29, short.leap))).toBe(short.start + 28);
  });

  it('rejects a leap month that the year does not have with bad-lunar-date, naming the leap month it does have', () => {
    const none = thrown(() => lunarToSolar(lunar(2024, 4, 1, true)));
    expect(none.code).toBe('bad-lunar-date');
    expect(none.message).toContain('has no leap month');
    const other = thrown(() => lunarToSolar(lunar(2025, 5, 1, true)));
    expect(other.code).toBe('bad-lunar-date');
    expect(other.message).toContain('month 6');
  });

  it.each([
    ['month 13', lunar(2025, 13, 1)],
    ['month 0', lunar(2025, 0, 1)],
    ['day 0', lunar(2025, 1, 0)],
    ['day 31', lunar(2025, 1, 31)],
    ['a fractional day', lunar(2025, 1, 1.5)],
  ])('rejects %s with bad-lunar-date', (_, l) => {
    expect(thrown(() => lunarToSolar(l)).code).toBe('bad-lunar-date');
  });
});
