import type { LegalRef } from '../legal.ts';
import type { HolidayRule, HolidayRuleset, TetPattern } from './holiday-rules.ts';

// The law as dated data. Confidence marks follow shared/DOMAIN.md: figures marked `mem` are well
// known but were not re-checked against the text; `uncertain` ones are heuristics to override.

const WEEKLY_REST_REF: LegalRef = {
  document: 'Decision 188/1999/QĐ-TTg on the 40-hour working week for state agencies',
  effectiveFrom: '1999-10-02',
  confidence: 'mem',
  note: 'Civil servants work Monday to Friday; Saturday and Sunday are weekly rest days.',
};

const LC2019: LegalRef = {
  document: 'Labor Code 2019 (45/2019/QH14)',
  article: 'Art. 112',
  effectiveFrom: '2021-01-01',
  confidence: 'mem',
};
const LC2019_COMPENSATION: LegalRef = { ...LC2019, article: 'Art. 111.3' };

const LC2012: LegalRef = {
  document: 'Labor Code 2012 (10/2012/QH13)',
  article: 'Art. 115',
  effectiveFrom: '2013-05-01',
  confidence: 'mem',
};
const LC2012_COMPENSATION: LegalRef = { ...LC2012, article: 'Art. 115.3' };

const LC1994_2007: LegalRef = {
  document: 'Labor Code 1994 as amended by Law 84/2007/QH11',
  article: 'Art. 73',
  effectiveFrom: '2007-07-01',
  confidence: 'uncertain',
  note: 'Tết was 4 days and Hùng Kings day 1 day; dates before 2013-05-01 are modelled for completeness only.',
};

/**
 * Provisional Tết for civil servants: 5 weekdays, placed to make one long break. Reproduces every
 * announcement shipped for 2016–2026 (a test checks it): New Year on Monday 2016: none before
 * (Notice 4659/TB-LĐTBXH); Tuesday 2019, 2022, 2026: 1; Wednesday 2025: 2; Friday 2018, 2021: 2;
 * Saturday 2017, 2020, 2024: 2; Sunday 2023: 1. Thursday has no example since 2015: 2 is a guess.
 * Official announcements in calendars/vn/ replace these days.
 *
 * @example
 * VN_TET_WEEKDAYS_PATTERN.kind // → 'weekdays'
 * VN_TET_WEEKDAYS_PATTERN.kind === 'weekdays' && VN_TET_WEEKDAYS_PATTERN.weekdaysBefore[weekday(lunarNewYear(2025))] // → 2
 */
export const VN_TET_WEEKDAYS_PATTERN: TetPattern = {
  kind: 'weekdays',
  total: 5,
  //               Sun Mon Tue Wed Thu Fri Sat
  weekdaysBefore: [1, 0, 1, 2, 2, 2, 2],
};

/**
 * Which side of 2/9 the second National Day day falls (Labor Code 2019 Art. 112.1.đ lets the
 * Prime Minister choose). Reproduces 2021 (Thursday: Friday 3/9 after, Notice 4875/TB-LĐTBXH),
 * 2022 (Friday: Thursday 1/9 before), 2023 (Saturday: Friday 1/9, Monday 4/9 compensation), 2024
 * (Monday: Sunday 1/9 compensated on Tuesday 3/9), 2025 (Tuesday: Monday 1/9) and 2026
 * (Wednesday: Tuesday 1/9). Sunday is a guess.
 */
export const VN_NATIONAL_DAY_ADJACENT: { readonly byWeekday: readonly ('before' | 'after')[] } = {
  //          Sun       Mon       Tue       Wed       Thu      Fri       Sat
  byWeekday: ['before', 'before', 'before', 'before', 'after', 'before', 'before'],
};

const fixedHolidays = (ref: LegalRef): HolidayRule[] => [
  { kind: 'solar', id: 'new-year', name: { vi: 'Tết Dương lịch', en: "New Year's Day" }, month: 1, day: 1, ref },
  { kind: 'lunar', id: 'hung-kings', name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings Commemoration Day' }, month: 3, day: 10, ref },
  { kind: 'solar', id: 'reunification', name: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' }, month: 4, day: 30, ref },
  { kind: 'solar', id: 'labour-day', name: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' }, month: 5, day: 1, ref },
];

const TET_NAME = { vi: 'Tết Âm lịch', en: 'Tết (Lunar New Year)' };
const NATIONAL_DAY_NAME = { vi: 'Quốc khánh', en: 'National Day' };

/**
 * Vietnam's statutory holiday rules, oldest first.
 *
 * @example
 * VN_RULESETS.map((r) => r.validFrom) // → [ '2008-01-01', '2013-05-01', '2021-01-01' ]
 * const rulesOnly = new DayCalendar({ id: 'vn-rules', rulesets: VN_RULESETS, minYear: VN_MIN_YEAR, maxYear: VN_MAX_YEAR });
 * rulesOnly.status(parseLocalDate('2025-01-29')).provisional?.en // → 'no official announcement for Tết 2025'
 */
export const VN_RULESETS: readonly HolidayRuleset[] = [
  {
    id: 'vn-lc1994-2007',
    validFrom: '2008-01-01',
    weeklyRest: [0, 6],
    weeklyRestRef: WEEKLY_REST_REF,
    holidays: [
      ...fixedHolidays(LC1994_2007),
      { kind: 'lunar-new-year', id: 'tet', name: TET_NAME, pattern: { kind: 'calendar-days', days: 4, daysBefore: 1 }, ref: LC1994_2007 },
      { kind: 'solar', id: 'national-day', name: NATIONAL_DAY_NAME, month: 9, day: 2, ref: LC1994_2007 },
    ],
    compensation: { enabled: true, ref: LC1994_2007 },
  },
  {
    id: 'vn-lc2012',
    validFrom: '2013-05-01',
    weeklyRest: [0, 6],
    weeklyRestRef: WEEKLY_REST_REF,
    holidays: [
      ...fixedHolidays(LC2012),
      { kind: 'lunar-new-year', id: 'tet', name: TET_NAME, pattern: VN_TET_WEEKDAYS_PATTERN, decidedYearly: true, ref: LC2012 },
      { kind: 'solar', id: 'national-day', name: NATIONAL_DAY_NAME, month: 9, day: 2, ref: LC2012 },
    ],
    compensation: { enabled: true, ref: LC2012_COMPENSATION },
  },
  {
    id: 'vn-lc2019',
    validFrom: '2021-01-01',
    weeklyRest: [0, 6],
    weeklyRestRef: WEEKLY_REST_REF,
    holidays: [
      ...fixedHolidays(LC2019),
      { kind: 'lunar-new-year', id: 'tet', name: TET_NAME, pattern: VN_TET_WEEKDAYS_PATTERN, decidedYearly: true, ref: LC2019 },
      // Art. 112: 2/9 and one adjacent day, chosen by the Prime Minister each year.
      {
        kind: 'solar',
        id: 'national-day',
        name: NATIONAL_DAY_NAME,
        month: 9,
        day: 2,
        adjacent: VN_NATIONAL_DAY_ADJACENT,
        decidedYearly: true,
        ref: { ...LC2019, note: 'The adjacent day (1/9 or 3/9) is decided yearly; the side by weekday is provisional.' },
      },
    ],
    compensation: { enabled: true, ref: LC2019_COMPENSATION },
  },
];
