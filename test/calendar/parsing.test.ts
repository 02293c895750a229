import { describe, expect, it } from 'vitest';
import { CalendarError, formatInstant, formatLocalDate, parseDuration, parseInstant, parseLocalDate, weekday } from '../../src/index.ts';

describe('durations', () => {
  it.each([
    ['3wd', 'wd', 3],
    ['0.5wd', 'wd', 0.5],
    ['4wh', 'wh', 4],
    ['10d', 'd', 10],
    ['3 working days', 'wd', 3],
    ['1 working day', 'wd', 1],
    ['4 working hours', 'wh', 4],
    ['10 calendar days', 'd', 10],
    ['15 days', 'd', 15],
    ['3 ngày làm việc', 'wd', 3],
    ['  2 WD ', 'wd', 2],
  ])('reads "%s" as %s × %d', (text, unit, amount) => {
    expect(parseDuration(text)).toEqual({ unit, amount });
  });

  it.each(['3xd', '-1wd', 'wd', '3', '', 'three days', '1e3wd'])('refuses "%s" and lists the accepted forms', (text) => {
    expect(() => parseDuration(text)).toThrow(CalendarError);
    expect(() => parseDuration(text)).toThrow(`"${text}" is not a duration. Write a non-negative number and a unit: 3wd, 0.5wd, 4wh, 10d, "3 working days", "4 working hours", "10 days".`);
  });
});

describe('dates and instants', () => {
  it('reads dates and knows their weekday', () => {
    expect(weekday(parseLocalDate('2025-01-24'))).toBe(5);
    expect(formatLocalDate(parseLocalDate('2024-02-29'))).toBe('2024-02-29');
  });

  it.each([
    ['2025-02-30', '"2025-02-30" is not a date: 2025-02 has 28 days. Write YYYY-MM-DD.'],
    ['2025-13-01', '"2025-13-01" is not a date: month 13 is not in 1–12. Write YYYY-MM-DD.'],
    ['24/01/2025', '"24/01/2025" is not a date. Write it as YYYY-MM-DD, e.g. 2025-01-24.'],
  ])('refuses %s', (text, message) => {
    expect(() => parseLocalDate(text)).toThrow(message);
  });

  it('reads local instants as UTC+7 and keeps explicit zones', () => {
    expect(new Date(parseInstant('2025-01-24T14:30')).toISOString()).toBe('2025-01-24T07:30:00.000Z');
    expect(formatInstant(parseInstant('2025-01-24T07:30Z'))).toBe('2025-01-24T14:30+07:00');
    expect(formatInstant(parseInstant('2025-01-24T09:30+09:00'))).toBe('2025-01-24T07:30+07:00');
  });

  it('refuses a time of day that does not exist', () => {
    expect(() => parseInstant('2025-01-24T24:30')).toThrow(/that time of day does not exist/);
  });
});
