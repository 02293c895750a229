import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, type CalendarError, DayCalendar, type HolidayRuleset, VN_MAX_YEAR, VN_MIN_YEAR, VN_OFFICIAL_ANNOUNCEMENTS, VN_RULESETS, parseAnnouncement, parseLocalDate, vietnamDayCalendar } from '../../src/index.ts';
import { createEngine, memoryStore } from '../../src/engine/index.ts';
import { tinySpec } from '../support/specs.ts';
import { at, desk, tempDir } from './support.ts';

// A day off the law may add: Politburo Resolution 80-NQ/TW (7/1/2026) intends 24/11 as Vietnamese
// Culture Day, a paid day off; whether it was enacted is not known (DOMAIN.md). The announcement is
// test data, so its source says it is no real document.
const SOURCE = {
  document: 'Hypothetical announcement of a 24/11 day off (test data, no such document)',
  confidence: 'uncertain',
  note: 'Politburo Resolution 80-NQ/TW (7/1/2026) intends 24/11 as a paid day off; enactment not verified.',
} as const;
const ANNOUNCEMENT = {
  year: 2026,
  entries: [{ date: '2026-11-24', working: false, reason: { vi: 'Ngày Văn hóa Việt Nam 2026', en: 'Vietnamese Culture Day 2026' }, source: SOURCE }],
};

const tiny = tinySpec();
const open = { procedure: 'tiny', channel: 'in-person' as const, receivedAt: at('2026-11-20T09:00'), by: desk };

describe('a statutory day off added as dated data', () => {
  it('moves a due date the engine computes by one working day and is cited on the slip', async () => {
    // Written and read back the way calendars/vn/<year>.json are: JSON, validated by parseAnnouncement.
    const dir = join(tempDir(), 'calendars');
    mkdirSync(dir);
    const file = join(dir, '2026-culture-day.json');
    writeFileSync(file, JSON.stringify(ANNOUNCEMENT, null, 2));
    const announcement = parseAnnouncement(JSON.parse(readFileSync(file, 'utf8')), file);
    const calendar = new BusinessCalendar({ days: vietnamDayCalendar([announcement]) });

    const before = memoryStore();
    const without = await createEngine({ procedures: [tiny], store: before }).open(open);
    expect(without.slip?.dueText.en).toBe('end of Wednesday 25/11/2026');

    const after = memoryStore();
    const opened = await createEngine({ procedures: [tiny], store: after, calendar }).open(open);
    expect(opened.slip?.dueText.en).toBe('end of Thursday 26/11/2026');
    expect(opened.slip !== null && 'provisional' in opened.slip).toBe(false);
    expect(opened.slip?.explanation.map((l) => l.text.en)).toEqual([
      'limit 3 working days, counted in whole days: Test procedure',
      'start day Friday 20/11/2026 is not counted',
      'skipped Saturday–Sunday 21/11/2026–22/11/2026 (weekly rest)',
      'skipped 24/11/2026: Vietnamese Culture Day 2026, official',
      '3 working days end on Thursday 26/11/2026, at the end of the day',
    ]);
    expect(opened.slip?.explanation[3]?.ref).toEqual(SOURCE);
    await before.close();
    await after.close();
  });

  it('refuses an announcement file with a bad date, naming the file and the path inside it', () => {
    const bad = { ...ANNOUNCEMENT, entries: [{ ...ANNOUNCEMENT.entries[0]!, date: '2026-11-31' }] };
    let error: unknown;
    try {
      parseAnnouncement(bad, 'calendars/vn/2026-culture-day.json');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'bad-date', file: 'calendars/vn/2026-culture-day.json', path: ['entries', 0, 'date'] });
    expect((error as CalendarError).describe()).toBe('calendars/vn/2026-culture-day.json: entries.0.date: "2026-11-31" is not a date: 2026-11 has 30 days. Write YYYY-MM-DD.');
  });
});

describe('a statutory day off added as a dated rule', () => {
  // The Labor Code's list grows by one day from a date (hypothetical: 24/11 from 1/1/2027): a new
  // ruleset valid from that day, the last one plus the new holiday, through the public API.
  const last = VN_RULESETS[VN_RULESETS.length - 1]!;
  const rule = { kind: 'solar', id: 'culture-day', name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnamese Culture Day' }, month: 11, day: 24, ref: { ...SOURCE, effectiveFrom: '2027-01-01' } } as const;
  const from2027: HolidayRuleset = { ...last, id: 'vn-test-culture-day', validFrom: '2027-01-01', holidays: [...last.holidays, rule] };
  const days = new DayCalendar({ id: 'vn', rulesets: [...VN_RULESETS, from2027], announcements: VN_OFFICIAL_ANNOUNCEMENTS, minYear: VN_MIN_YEAR, maxYear: VN_MAX_YEAR });
  const calendar = new BusinessCalendar({ days });

  it('applies from its effective date only: 24/11/2026 stays a working day, 24/11/2027 is off and cited', async () => {
    expect([days.isWorkingDay(parseLocalDate('2026-11-24')), days.isWorkingDay(parseLocalDate('2027-11-24'))]).toEqual([true, false]);
    const store = memoryStore();
    const engine = createEngine({ procedures: [tiny], store, calendar });
    const in2026 = await engine.open(open);
    expect(in2026.slip?.dueText.en).toBe('end of Wednesday 25/11/2026');
    const in2027 = await engine.open({ ...open, receivedAt: at('2027-11-23T09:00') });
    expect(in2027.slip?.dueText.en).toBe('end of Monday 29/11/2027');
    const skipped = in2027.slip?.explanation.filter((l) => l.ref?.document === SOURCE.document);
    expect(skipped?.map((l) => l.text.en)).toEqual([
      'skipped 24/11/2027: Vietnamese Culture Day, Hypothetical announcement of a 24/11 day off (test data, no such document); provisional: no official announcement for Vietnamese Culture Day 2027',
    ]);
    expect(in2027.slip?.provisional).toBe(true);
    await store.close();
  });
});
