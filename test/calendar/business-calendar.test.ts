import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BusinessCalendar,
  CalendarError,
  type Instant,
  type LocalDate,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  type OfficeHours,
  calendarDays,
  formatInstant,
  formatLocalDate,
  instantAt,
  localDate,
  parseDuration,
  parseInstant,
  parseLocalDate,
  workingDays,
  workingHours,
} from '../../src/index.ts';
import { checkProperty } from '../support/property.ts';

const cal = new BusinessCalendar();
const due = (start: string, duration: string) => formatLocalDate(cal.addToDate(parseLocalDate(start), parseDuration(duration)));
const dueAt = (start: string, duration: string, c = cal) => formatInstant(c.addToInstant(parseInstant(start), parseDuration(duration)));

describe('legal date mode (Civil Code 2015 Art. 147–148)', () => {
  it('3 working days from Friday 24 Jan 2025 end on Wednesday 5 Feb 2025 because of Tết', () => {
    expect(due('2025-01-24', '3wd')).toBe('2025-02-05');
  });

  it('1 working day from Friday 24 April 2026 ends on Tuesday 28 April, because Hùng Kings day falls on Sunday and Monday is off', () => {
    expect(due('2026-04-24', '1wd')).toBe('2026-04-28');
  });

  it('1 working day from Friday 25 April 2025 ends on Saturday 26 April, a Saturday worked in exchange for 2 May', () => {
    expect(due('2025-04-25', '1wd')).toBe('2025-04-26');
    expect(due('2025-04-26', '1wd')).toBe('2025-04-28');
    expect(due('2025-04-29', '1wd')).toBe('2025-05-05');
  });

  it('2 working days from Sunday 27 April 2025 end on Tuesday 29 April: counting starts on the next working day', () => {
    expect(due('2025-04-27', '2wd')).toBe('2025-04-29');
  });

  it('0 working days is due the same day, even on a non-working day', () => {
    expect(due('2025-01-24', '0wd')).toBe('2025-01-24');
    expect(due('2025-01-25', '0wd')).toBe('2025-01-25');
  });

  it('10 days from Monday 25 August 2025 end on Thursday 4 September, whatever lies between', () => {
    expect(due('2025-08-25', '10d')).toBe('2025-09-04');
  });

  it('10 days from Friday 22 August 2025 would end on Monday 1 September, National Day: the period ends on Wednesday 3 September', () => {
    expect(due('2025-08-22', '10d')).toBe('2025-09-03');
  });

  it('15 days from Saturday 5 April 2025 end on Sunday 20 April, moved to Monday 21 April', () => {
    expect(due('2025-04-05', '15d')).toBe('2025-04-21');
  });

  it('refuses fractional days and working hours, saying how to count them instead', () => {
    expect(() => due('2025-01-24', '0.5wd')).toThrow(/whole days.*YYYY-MM-DDTHH:MM/);
    expect(() => due('2025-01-24', '4wh')).toThrow(/working hours.*hours mode/);
  });

  it('refuses a start outside the supported years with code out-of-range', () => {
    const error = (() => {
      try {
        due('2101-01-03', '1wd');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as CalendarError).code).toBe('out-of-range');
    expect((error as CalendarError).message).toBe('start 2101-01-03 is outside the years this calendar supports (2008–2100). Use a date in that range.');
  });
});

describe('hours mode (working time inside office hours)', () => {
  it('3 working days from 14:30 on Friday 24 Jan 2025 fall due at 14:30 on Wednesday 5 Feb 2025', () => {
    expect(dueAt('2025-01-24T14:30', '3wd')).toBe('2025-02-05T14:30+07:00');
  });

  it('4 working hours from 16:00 on Tuesday 29 April 2025 fall due at 11:00 on Monday 5 May 2025', () => {
    expect(dueAt('2025-04-29T16:00', '4wh')).toBe('2025-05-05T11:00+07:00');
  });

  it('a dossier received at 18:00 starts counting at the next opening, 08:00 the next working day', () => {
    expect(dueAt('2025-03-03T18:00', '4wh')).toBe('2025-03-04T12:00+07:00');
    expect(formatInstant(cal.nextWorkingInstant(parseInstant('2025-03-03T18:00')))).toBe('2025-03-04T08:00+07:00');
    expect(formatInstant(cal.nextWorkingInstant(parseInstant('2025-03-03T12:30')))).toBe('2025-03-03T13:00+07:00');
  });

  it('a deadline reached at the end of a shift falls due at the closing time, not at the next opening', () => {
    expect(dueAt('2025-03-03T08:00', '4wh')).toBe('2025-03-03T12:00+07:00');
    expect(dueAt('2025-03-03T08:00', '0.5wd')).toBe('2025-03-03T12:00+07:00');
  });

  it('counts half a working day across lunch: 10:00 + 0.5wd = 15:00', () => {
    expect(dueAt('2025-03-03T10:00', '0.5wd')).toBe('2025-03-03T15:00+07:00');
  });

  it('10 calendar days from a Friday afternoon keep the time of day, moved past a weekend end', () => {
    expect(dueAt('2025-03-07T15:00', '10d')).toBe('2025-03-17T15:00+07:00');
    expect(dueAt('2025-03-05T15:00', '10d')).toBe('2025-03-17T15:00+07:00');
  });

  it('measures 2 working hours from 16:00 on Friday to 09:00 on Monday', () => {
    expect(cal.workingTimeBetween(parseInstant('2025-03-07T16:00'), parseInstant('2025-03-10T09:00'))).toBe(2 * MS_PER_HOUR);
  });

  it('uses 1 wd = 8 wh by default and another ratio when configured', () => {
    const sixHourDays = new BusinessCalendar({ hoursPerWorkingDay: 6 });
    expect(dueAt('2025-03-03T08:00', '1wd', sixHourDays)).toBe('2025-03-03T15:00+07:00');
  });
});

describe('office hours per agency, dated and seasonal', () => {
  const laoCai: OfficeHours = {
    id: 'example-province',
    versions: [
      { validFrom: '2020-01-01', seasons: [{ from: '01-01', shifts: ['07:30-11:30', '13:30-17:00'] }] },
      {
        validFrom: '2025-01-01',
        seasons: [
          { from: '04-15', shifts: ['07:00-11:30', '14:00-17:30'], name: { vi: 'Mùa hè', en: 'Summer' } },
          { from: '10-15', shifts: ['07:30-11:30', '13:30-17:00'], name: { vi: 'Mùa đông', en: 'Winter' } },
        ],
      },
    ],
  };
  const province = new BusinessCalendar({ hours: laoCai });

  it('applies the version in force and the season of the day', () => {
    const shifts = (d: string) => province.shiftsOn(parseLocalDate(d)).map((s) => [s.start / MS_PER_MINUTE, s.end / MS_PER_MINUTE]);
    expect(shifts('2024-06-03')).toEqual([[450, 690], [810, 1020]]);
    expect(shifts('2025-06-02')).toEqual([[420, 690], [840, 1050]]);
    expect(shifts('2025-03-03')).toEqual([[450, 690], [810, 1020]]);
    expect(shifts('2025-11-03')).toEqual([[450, 690], [810, 1020]]);
    expect(shifts('2025-06-07')).toEqual([]);
  });

  it('counts a summer working day of 8 hours from 07:00', () => {
    expect(dueAt('2025-06-02T07:00', '8wh', province)).toBe('2025-06-02T17:30+07:00');
  });

  it('rejects overlapping shifts with the path of the bad shift', () => {
    const bad: OfficeHours = { id: 'x', versions: [{ validFrom: '2020-01-01', seasons: [{ from: '01-01', shifts: ['08:00-12:00', '11:00-17:00'] }] }] };
    expect(() => new BusinessCalendar({ hours: bad })).toThrow(CalendarError);
    try {
      new BusinessCalendar({ hours: bad });
    } catch (e) {
      expect((e as CalendarError).path).toEqual(['versions', 0, 'seasons', 0, 'shifts', 1]);
    }
  });
});

describe('the 15:00 transfer cut-off for paper dossiers', () => {
  const transfer = (t: string) => {
    const r = cal.transferDue(parseInstant(t));
    return [formatInstant(r.due), r.sameDay];
  };
  it('a dossier received at 14:59 on a working day is transferred the same day', () => {
    expect(transfer('2025-03-03T14:59')).toEqual(['2025-03-03T17:00+07:00', true]);
  });
  it('a dossier received at 15:00 goes at the start of the next working day', () => {
    expect(transfer('2025-03-03T15:00')).toEqual(['2025-03-04T08:00+07:00', false]);
  });
  it('a dossier received on Friday evening or on Saturday goes on Monday morning', () => {
    expect(transfer('2025-03-07T16:00')).toEqual(['2025-03-10T08:00+07:00', false]);
    expect(transfer('2025-03-08T09:00')).toEqual(['2025-03-10T08:00+07:00', false]);
  });
});

// Properties over the whole range the benchmarks use: 2015–2090.
const FIRST = localDate(2015, 1, 1);
const LAST = localDate(2090, 12, 31);
const anyDate = fc.integer({ min: FIRST, max: LAST }).map((d) => d as LocalDate);
const anyInstant = fc
  .tuple(anyDate, fc.integer({ min: 0, max: 24 * 60 - 1 }))
  .map(([d, minute]) => instantAt(d, minute * MS_PER_MINUTE));
/** Working time up to about two years, in whole minutes. */
const anyWorkingMs = fc.integer({ min: 0, max: 500 * 8 * 60 }).map((m) => m * MS_PER_MINUTE);

describe('properties of the hours mode', () => {
  it('adding in two parts equals adding once', () => {
    checkProperty(
      'hours: a + b = (a then b)',
      fc.property(anyInstant, anyWorkingMs, anyWorkingMs, (s, a, b) => {
        expect(cal.addWorkingTime(cal.addWorkingTime(s, a), b)).toBe(cal.addWorkingTime(s, a + b));
      }),
    );
  });

  it('results are monotone in the start', () => {
    checkProperty(
      'hours: monotone',
      fc.property(anyInstant, anyInstant, anyWorkingMs, (s1, s2, d) => {
        const [a, b] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(cal.addWorkingTime(a, d)).toBeLessThanOrEqual(cal.addWorkingTime(b, d));
      }),
    );
  });

  it('a result never falls in non-working time', () => {
    checkProperty(
      'hours: result inside office hours',
      fc.property(anyInstant, anyWorkingMs, (s, d) => {
        expect(cal.isWorkingInstant(cal.addWorkingTime(s, d))).toBe(true);
      }),
    );
  });

  it('working time between a start and start + d equals d', () => {
    checkProperty(
      'hours: between(s, s + d) = d',
      fc.property(anyInstant, anyWorkingMs, (s, d) => {
        expect(cal.workingTimeBetween(s, cal.addWorkingTime(s, d))).toBe(d);
      }),
    );
  });

  it('agrees with a naive minute-by-minute count over short spans', () => {
    checkProperty(
      'hours: equals naive walk',
      fc.property(anyInstant, fc.integer({ min: 1, max: 3 * 8 * 60 }), (s, minutes) => {
        let t = s as number;
        let left = minutes;
        while (left > 0) {
          if (isOpenDuring(t)) left--;
          t += MS_PER_MINUTE;
        }
        expect(cal.addWorkingTime(s, minutes * MS_PER_MINUTE)).toBe(t);
      }),
      { numRuns: 60 },
    );
  });
});

/** Whether the minute starting at `t` lies inside one shift (not across lunch). */
function isOpenDuring(t: number): boolean {
  return cal.workingTimeBetween(t as Instant, (t + MS_PER_MINUTE) as Instant) === MS_PER_MINUTE;
}

describe('properties of the legal date mode', () => {
  const anyWd = fc.integer({ min: 0, max: 600 });

  it('adding in two parts equals adding once', () => {
    checkProperty(
      'date: a + b = (a then b)',
      fc.property(anyDate, anyWd, anyWd, (s, a, b) => {
        const once = cal.addToDate(s, workingDays(a + b));
        expect(cal.addToDate(cal.addToDate(s, workingDays(a)), workingDays(b))).toBe(once);
      }),
    );
  });

  it('results are monotone in the start', () => {
    checkProperty(
      'date: monotone',
      fc.property(anyDate, anyDate, anyWd, (s1, s2, n) => {
        const [a, b] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(cal.addToDate(a, workingDays(n))).toBeLessThanOrEqual(cal.addToDate(b, workingDays(n)));
        expect(cal.addToDate(a, calendarDays(n))).toBeLessThanOrEqual(cal.addToDate(b, calendarDays(n)));
      }),
    );
  });

  it('a period of one or more days always ends on a working day', () => {
    checkProperty(
      'date: ends on a working day',
      fc.property(anyDate, fc.integer({ min: 1, max: 600 }), (s, n) => {
        expect(cal.isWorkingDay(cal.addToDate(s, workingDays(n)))).toBe(true);
        expect(cal.isWorkingDay(cal.addToDate(s, calendarDays(n)))).toBe(true);
      }),
    );
  });

  it('agrees with a naive day-by-day count', () => {
    checkProperty(
      'date: equals naive count',
      fc.property(anyDate, fc.integer({ min: 1, max: 300 }), (s, n) => {
        let d = s as number;
        for (let counted = 0; counted < n; ) if (cal.isWorkingDay(++d as LocalDate)) counted++;
        expect(cal.addToDate(s, workingDays(n))).toBe(d);
      }),
    );
  });

  it('counts working hours and working days consistently: N wd in hours mode from an opening end on the N-th working day', () => {
    checkProperty(
      'hours vs date mode',
      fc.property(anyDate, fc.integer({ min: 1, max: 300 }), (s, n) => {
        const opening = cal.nextWorkingInstant(instantAt((s + 1) as LocalDate, 0));
        const end = cal.addToInstant(opening, workingDays(n));
        const lastDay = cal.addToDate(s, workingDays(n));
        expect(formatInstant(end)).toBe(`${formatLocalDate(lastDay)}T17:00+07:00`);
        expect(cal.workingTimeBetween(opening, end)).toBe(n * 8 * MS_PER_HOUR);
        expect(workingHours(n * 8).amount).toBe(n * 8);
      }),
    );
  });
});
