import type { Label, LegalRef } from '../legal.ts';

/**
 * How the provisional days of lunar New Year (Tết) are placed, before the year's official
 * announcement is known.
 * - `weekdays`: `total` weekdays off, `weekdaysBefore[w]` of them before New Year's day when New
 *   Year falls on weekday `w` (0 = Sunday), the rest from New Year's day on; what civil servants
 *   have been given in practice.
 * - `calendar-days`: `days` consecutive days starting `daysBefore` days before New Year; days
 *   falling on a weekly rest day are compensated.
 */
export type TetPattern =
  | { readonly kind: 'weekdays'; readonly total: number; readonly weekdaysBefore: readonly number[] }
  | { readonly kind: 'calendar-days'; readonly days: number; readonly daysBefore: number };

/** One statutory holiday, as a rule that yields its days for any year. */
export type HolidayRule =
  | {
      readonly kind: 'solar';
      readonly id: string;
      readonly name: Label;
      readonly month: number;
      readonly day: number;
      /**
       * A second day next to it, e.g. National Day 2/9 plus the day before or after; `byWeekday[w]`
       * picks the side when the day falls on weekday `w` (0 = Sunday).
       */
      readonly adjacent?: 'before' | 'after' | { readonly byWeekday: readonly ('before' | 'after')[] };
      /** The days are fixed each year by the Prime Minister: without an announcement they are provisional. */
      readonly decidedYearly?: boolean;
      readonly ref: LegalRef;
    }
  | {
      readonly kind: 'lunar';
      readonly id: string;
      readonly name: Label;
      readonly month: number;
      readonly day: number;
      readonly ref: LegalRef;
    }
  | {
      readonly kind: 'lunar-new-year';
      readonly id: string;
      readonly name: Label;
      readonly pattern: TetPattern;
      /** The days are fixed each year by the Prime Minister: without an announcement they are provisional. */
      readonly decidedYearly?: boolean;
      readonly ref: LegalRef;
    };

/**
 * The holiday rules in force from a date: the weekly rest days, the holidays, and whether a holiday
 * that falls on a rest day is compensated on the next working day.
 */
export interface HolidayRuleset {
  readonly id: string;
  /** `YYYY-MM-DD`; a holiday belongs to the ruleset in force on its first day. */
  readonly validFrom: string;
  readonly weeklyRest: readonly number[];
  readonly weeklyRestRef: LegalRef;
  readonly holidays: readonly HolidayRule[];
  readonly compensation: { readonly enabled: boolean; readonly ref: LegalRef };
}
