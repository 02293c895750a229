import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BusinessCalendar,
  type Instant,
  type LocalDate,
  MS_PER_MINUTE,
  formatInstant,
  instantAt,
  localDate,
  parseDuration,
  parseInstant,
  workingDays,
  workingHours,
} from '../../src/index.ts';
import { chargedAt, consumedAt, openLedger, pauseLedger, restartLedger, resumeLedger } from '../../src/calendar/ledger.ts';
import { checkProperty } from '../support/property.ts';

const cal = new BusinessCalendar();
const due = (l: { due: Instant | null }) => (l.due === null ? null : formatInstant(l.due));

describe('ledgers: a deadline is a budget plus a ledger', () => {
  it('in the date mode, 3 working days from Friday 24 January 2025 end at midnight after Wednesday 5 February', () => {
    expect(due(openLedger(cal, parseDuration('3wd'), 'date', parseInstant('2025-01-24T10:00')))).toBe('2025-02-06T00:00+07:00');
  });

  it('in the date mode, 10 days ending on National Day 2025 end after Wednesday 3 September', () => {
    expect(due(openLedger(cal, parseDuration('10d'), 'date', parseInstant('2025-08-22T10:00')))).toBe('2025-09-04T00:00+07:00');
  });

  it('a pause in the date mode moves the due date by the working days it spans', () => {
    const open = openLedger(cal, parseDuration('5wd'), 'date', parseInstant('2025-03-03T09:00'));
    expect(due(open)).toBe('2025-03-11T00:00+07:00');
    const paused = pauseLedger(cal, open, parseInstant('2025-03-04T10:00'), 'supplement');
    expect(paused.consumed).toBe(86_400_000);
    expect(due(resumeLedger(cal, paused, parseInstant('2025-03-06T15:00'), 'supplement'))).toBe('2025-03-13T00:00+07:00');
  });

  it('charges what a pause would record: in the date mode the day in progress counts whole, so the figure does not jump when the clock stops', () => {
    const open = openLedger(cal, parseDuration('20wd'), 'date', parseInstant('2025-03-03T09:00'));
    const tuesday = parseInstant('2025-03-04T09:00');
    expect(consumedAt(cal, open, tuesday)).toBe(9 * 3_600_000);
    expect(chargedAt(cal, open, tuesday)).toBe(86_400_000);
    const paused = pauseLedger(cal, open, tuesday, 'supplement');
    expect(chargedAt(cal, paused, tuesday)).toBe(86_400_000);
    expect(chargedAt(cal, paused, parseInstant('2025-03-07T09:00'))).toBe(86_400_000);
    // The day of receipt is not counted; in the hours mode nothing is rounded.
    expect(chargedAt(cal, open, parseInstant('2025-03-03T16:00'))).toBe(0);
    const hours = openLedger(cal, parseDuration('8wh'), 'hours', parseInstant('2025-03-03T09:00'));
    expect(chargedAt(cal, hours, parseInstant('2025-03-03T10:30'))).toBe(consumedAt(cal, hours, parseInstant('2025-03-03T10:30')));
  });

  it('pauses nest: the clock runs again only when every pause is over', () => {
    const at = (s: string) => parseInstant(s);
    let l = openLedger(cal, parseDuration('16wh'), 'hours', at('2025-03-03T08:00'));
    l = pauseLedger(cal, l, at('2025-03-03T10:00'), 'supplement:a');
    l = pauseLedger(cal, l, at('2025-03-03T11:00'), 'supplement:b');
    l = resumeLedger(cal, l, at('2025-03-04T08:00'), 'supplement:a');
    expect(l.due).toBeNull();
    l = resumeLedger(cal, l, at('2025-03-05T08:00'), 'supplement:b');
    expect(due(l)).toBe('2025-03-06T15:00+07:00');
  });
});

const anyInstant = fc
  .tuple(fc.integer({ min: localDate(2015, 1, 1), max: localDate(2090, 12, 31) }), fc.integer({ min: 0, max: 24 * 60 - 1 }))
  .map(([d, m]) => instantAt(d as LocalDate, m * MS_PER_MINUTE));

describe('ledger properties', () => {
  it('in the hours mode, a pause moves the due instant by exactly the paused working time', () => {
    checkProperty(
      'pause moves due by paused working time',
      fc.property(anyInstant, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 100 * 60 }), fc.integer({ min: 0, max: 500 * 60 }), (start, hours, beforeMin, pauseMin) => {
        const l = openLedger(cal, workingHours(hours), 'hours', start);
        // A pause within the period (one after the due instant cannot move it back).
        const pauseAt = cal.addWorkingTime(start, Math.min(beforeMin, hours * 60) * MS_PER_MINUTE);
        const resumeAt = (pauseAt + pauseMin * MS_PER_MINUTE) as Instant;
        const resumed = resumeLedger(cal, pauseLedger(cal, l, pauseAt, 'x'), resumeAt, 'x');
        expect(cal.workingTimeBetween(l.due!, resumed.due!)).toBe(cal.workingTimeBetween(pauseAt, resumeAt));
      }),
    );
  });

  it('in the date mode, a pause moves the due date by the working days from the pause day to the resume day', () => {
    checkProperty(
      'date-mode pause moves due by whole working days',
      fc.property(anyInstant, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 40 }), (start, n, beforeDays, pauseDays) => {
        const l = openLedger(cal, workingDays(n), 'date', start);
        const pauseAt = (start + beforeDays * 86_400_000) as Instant;
        const resumeAt = (pauseAt + pauseDays * 86_400_000) as Instant;
        const resumed = resumeLedger(cal, pauseLedger(cal, l, pauseAt, 'x'), resumeAt, 'x');
        const dayOf = (t: Instant) => Math.floor((t + 7 * 3_600_000) / 86_400_000) as LocalDate;
        const spanned = cal.days.workingDaysBefore((dayOf(resumeAt) + 1) as LocalDate) - cal.days.workingDaysBefore((dayOf(pauseAt) + 1) as LocalDate);
        const dueDay = (t: Instant) => dayOf((t - 1) as Instant);
        if (l.due! <= pauseAt) return; // paused after the period had already ended
        expect(cal.days.workingDaysBefore((dueDay(resumed.due!) + 1) as LocalDate) - cal.days.workingDaysBefore((dueDay(l.due!) + 1) as LocalDate)).toBe(spanned);
      }),
    );
  });

  it('a restart never gives an earlier due date than the first one', () => {
    checkProperty(
      'restart never earlier',
      fc.property(anyInstant, fc.integer({ min: 0, max: 40 }), fc.constantFrom<'date' | 'hours'>('date', 'hours'), fc.integer({ min: 0, max: 60 * 24 * 30 }), (start, n, mode, afterMin) => {
        const l = openLedger(cal, workingDays(n), mode, start);
        const restarted = restartLedger(cal, l, (start + afterMin * MS_PER_MINUTE) as Instant);
        expect(restarted.due!).toBeGreaterThanOrEqual(l.due!);
      }),
    );
  });
});
