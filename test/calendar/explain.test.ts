import { describe, expect, it } from 'vitest';
import { BusinessCalendar, explainDateDue, explainInstantDue, parseDuration, parseInstant, parseLocalDate } from '../../src/index.ts';

const cal = new BusinessCalendar();

describe('explanations say why a due date is what it is', () => {
  it('3 working days from 24 Jan 2025: start day not counted, Tết skipped as official, end of day', () => {
    const r = explainDateDue(cal, parseLocalDate('2025-01-24'), parseDuration('3wd'));
    expect(r.explanation.map((l) => l.text.en)).toEqual([
      'start day Friday 24/01/2025 is not counted',
      'skipped 25/01/2025–02/02/2025: Tết holiday 2025 (Ất Tỵ), official',
      '3 working days end on Wednesday 05/02/2025, at the end of the day',
    ]);
    expect(r.explanation.map((l) => l.ref?.article)).toEqual(['Art. 147', undefined, 'Art. 148']);
    expect(r.explanation[1]!.text.vi).toBe('bỏ qua 25/01/2025–02/02/2025: Nghỉ Tết Nguyên đán Ất Tỵ 2025, theo thông báo chính thức');
  });

  it('a weekend next to a compensation day is named as both', () => {
    const r = explainDateDue(cal, parseLocalDate('2026-04-24'), parseDuration('1wd'));
    expect(r.explanation[1]!.text.en).toBe('skipped 25/04/2026–27/04/2026: weekly rest; Hùng Kings day compensated (26 April 2026 is a Sunday), official');
  });

  it('a calendar-day period that ends on a holiday says it moved and why', () => {
    const r = explainDateDue(cal, parseLocalDate('2025-08-22'), parseDuration('10d'));
    expect(r.explanation.map((l) => l.text.en)).toEqual([
      'start day Friday 22/08/2025 is not counted',
      '10 calendar days end on Monday 01/09/2025',
      'skipped 01/09/2025–02/09/2025: National Day 2025 (Monday 1/9 and 2/9), official',
      '01/09/2025 is not a working day: the period ends at the end of the next working day, Wednesday 03/09/2025',
    ]);
  });

  it('the hours mode states the conversion, the late start and each skipped run', () => {
    const r = explainInstantDue(cal, parseInstant('2025-03-07T17:30'), parseDuration('1wd'));
    expect(r.explanation.map((l) => l.text.en)).toEqual([
      '1wd = 8 working hours (1 working day = 8 working hours), counted inside office hours 08:00–12:00, 13:00–17:00',
      'Friday 07/03/2025 17:30 is outside office hours: time counts from Monday 10/03/2025 08:00',
      'skipped Saturday–Sunday 08/03/2025–09/03/2025 (weekly rest)',
      'due Monday 10/03/2025 17:00',
    ]);
  });

  it('long spans summarise the weekends and list every holiday', () => {
    const r = explainDateDue(cal, parseLocalDate('2025-01-02'), parseDuration('60wd'));
    const texts = r.explanation.map((l) => l.text.en);
    expect(texts).toContain('skipped 22 weekly rest days (Saturdays and Sundays)');
    expect(texts.filter((t) => t.includes('Tết'))).toEqual(['skipped 25/01/2025–02/02/2025: Tết holiday 2025 (Ất Tỵ), official']);
  });
});
