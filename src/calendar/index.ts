export { type AnnouncementEntry, type OfficialAnnouncement, parseAnnouncement } from './announcement.ts';
export { BusinessCalendar, type BusinessCalendarOptions } from './business-calendar.ts';
export {
  type LocalDate,
  type Ymd,
  daysInMonth,
  formatLocalDate,
  formatVnDate,
  localDate,
  parseLocalDate,
  toYmd,
  weekday,
  weekdayName,
} from './date.ts';
export { DayCalendar, type DayCalendarOptions, type DayStatus, parseDateIn } from './day-calendar.ts';
export {
  type CalendarDays,
  DEFAULT_HOURS_PER_WORKING_DAY,
  DURATION_FORMS,
  type Duration,
  type DurationUnit,
  type WorkingDays,
  type WorkingHours,
  calendarDays,
  formatDuration,
  parseDuration,
  workingDays,
  workingHours,
  workingMs,
} from './duration.ts';
export { type ExplanationLine, type Explained, describeDue, explainDateDue, explainInstantDue, explainSameDayDue, isProvisional } from './explain.ts';
export type { HolidayRule, HolidayRuleset, TetPattern } from './holiday-rules.ts';
export {
  type Instant,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  VN_OFFSET_MS,
  formatInstant,
  formatTimeOfDay,
  instantAt,
  localDateOf,
  parseInstant,
} from './instant.ts';
export { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, type LunarDate, type LunarMonth, lunarMonths, lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';
export {
  ALWAYS_OPEN,
  type CompiledOfficeHours,
  type OfficeHours,
  type OfficeHoursVersion,
  type OfficeSeason,
  type Shift,
  VN_DEFAULT_OFFICE_HOURS,
  compileOfficeHours,
  formatShift,
  parseShift,
} from './office-hours.ts';
export { VN_MAX_YEAR, VN_MIN_YEAR, VN_OFFICIAL_ANNOUNCEMENTS, vietnamDayCalendar } from './vietnam.ts';
export { VN_RULESETS, VN_TET_WEEKDAYS_PATTERN } from './vietnam-rules.ts';
// The statutory ledger (open, pause, resume, restart, classify) is the engine's and the
// simulator's bookkeeping, not an API: only its vocabulary is public.
export type { Classification, MeasureKind } from './ledger.ts';
