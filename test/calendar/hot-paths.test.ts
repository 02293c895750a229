import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/calendar/business-calendar.ts';
import { parseDuration } from '../../src/calendar/duration.ts';
import { type Instant, MS_PER_DAY, MS_PER_MINUTE, instantAt, parseInstant } from '../../src/calendar/instant.ts';
import { type LimitMode, lastMomentBefore, lastMomentFinder, openLedger } from '../../src/calendar/ledger.ts';
import { localDate } from '../../src/calendar/date.ts';
import { checkProperty } from '../support/property.ts';

const cal = new BusinessCalendar();
const from = instantAt(localDate(2025, 1, 1), 0);
/** Instants of 2025–2026 on whole minutes, weekends, nights and Tết included. */
const instant = fc.integer({ min: 0, max: 730 * 24 * 60 }).map((m) => (from + m * MS_PER_MINUTE) as Instant);
/** The ends of the default shifts (12:00, 17:00) on days of 2025–2026, working or not. */
const shiftEnd = fc.tuple(fc.integer({ min: 0, max: 729 }), fc.constantFrom(12, 17)).map(([d, h]) => (from + d * MS_PER_DAY + h * 60 * MS_PER_MINUTE) as Instant);

describe('the calendar look-ups the simulator uses on every job and dossier', () => {
  it('placeWork gives the start and end that nextWorkingInstant and addWorkingTime give, and the position of the instant (work ready at the end of a shift starts at the next opening)', () => {
    const out = new Float64Array(3);
    checkProperty(
      'placeWork = nextWorkingInstant + addWorkingTime',
      // Short work (up to a shift) half the time: placeWork's fast path, work that ends in the shift it starts in.
      fc.property(fc.oneof(instant, shiftEnd), fc.oneof(fc.integer({ min: 0, max: 40 * 60 * MS_PER_MINUTE }), fc.integer({ min: 0, max: 4 * 60 * MS_PER_MINUTE })), (t, ms) => {
        cal.placeWork(t, ms, out);
        const atShiftEnd = cal.isWorkingInstant(t) && !cal.isWorkingInstant((t + 1) as Instant);
        const start = cal.nextWorkingInstant(ms > 0 && atShiftEnd ? ((t + 1) as Instant) : t);
        expect([out[0], out[1], out[2]]).toEqual([start, cal.addWorkingTime(start, ms), cal.position(t)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('placeWork at 17:00 on Monday 3 March 2025 (the close) with 1 working hour starts at 08:00 on Tuesday and ends at 09:00; with none, at 17:00', () => {
    const out = new Float64Array(3);
    cal.placeWork(parseInstant('2025-03-03T17:00'), 60 * MS_PER_MINUTE, out);
    expect([out[0], out[1]]).toEqual([parseInstant('2025-03-04T08:00'), parseInstant('2025-03-04T09:00')]);
    cal.placeWork(parseInstant('2025-03-03T17:00'), 0, out);
    expect([out[0], out[1]]).toEqual([parseInstant('2025-03-03T17:00'), parseInstant('2025-03-03T17:00')]);
  });

  it('placeWork at 11:30 on Monday 3 March 2025 with 1 working hour starts at once and ends at 13:30, after lunch', () => {
    const out = new Float64Array(3);
    cal.placeWork(parseInstant('2025-03-03T11:30'), 60 * MS_PER_MINUTE, out);
    expect([out[0], out[1]]).toEqual([parseInstant('2025-03-03T11:30'), parseInstant('2025-03-03T13:30')]);
  });

  it('lastMomentFinder gives what lastMomentBefore gives, for ledgers sharing due dates or not', () => {
    const finders = new Map<string, ReturnType<typeof lastMomentFinder>>();
    checkProperty(
      'lastMomentFinder = lastMomentBefore',
      fc.property(
        fc.array(fc.tuple(instant, fc.constantFrom<LimitMode>('date', 'hours'), fc.constantFrom('1wd', '3wd', '10wd', '2d', '4wh'), fc.constantFrom('5wd', '60wd', '15d', '1wd', '6wh')), { minLength: 1, maxLength: 20 }),
        (rows) => {
          for (const [at, mode, notice, limit] of rows) {
            if (mode === 'date' && (limit.endsWith('wh') || notice.endsWith('wh'))) continue;
            const ledger = openLedger(cal, parseDuration(limit), mode, at);
            const key = `${mode} ${notice}`;
            const find = finders.get(key) ?? finders.set(key, lastMomentFinder(cal, parseDuration(notice))).get(key)!;
            // The same day twice: the second ledger shares the first one's due date.
            const later = openLedger(cal, parseDuration(limit), mode, (at + (mode === 'date' ? Math.min(MS_PER_DAY - 1, 3_600_000) : 0)) as Instant);
            for (const l of [ledger, later]) expect(find(l)).toBe(lastMomentBefore(cal, l, parseDuration(notice)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
