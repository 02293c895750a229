import { BusinessCalendar } from '../calendar/business-calendar.ts';
import { DayCalendar } from '../calendar/day-calendar.ts';
import type { OfficeHours } from '../calendar/office-hours.ts';
import { type CompiledProcedure, compileProcedure } from '../compile/compile.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';

// Calendars and compiled procedures are immutable: replications and stations with the same office
// hours share them instead of rebuilding their indexes (about 2 ms each).
const calendarCache = new WeakMap<object, Map<string, BusinessCalendar>>();
const compiledCache = new WeakMap<object, WeakMap<BusinessCalendar, CompiledProcedure>>();

export function calendarFor(days: DayCalendar, hours: OfficeHours): BusinessCalendar {
  const byHours = calendarCache.get(days) ?? calendarCache.set(days, new Map()).get(days)!;
  const key = JSON.stringify(hours);
  return byHours.get(key) ?? byHours.set(key, new BusinessCalendar({ days, hours })).get(key)!;
}

export function compiledFor(spec: ProcedureSpec, calendar: BusinessCalendar): CompiledProcedure {
  const byCalendar = compiledCache.get(spec) ?? compiledCache.set(spec, new WeakMap()).get(spec)!;
  return byCalendar.get(calendar) ?? byCalendar.set(calendar, compileProcedure(spec, { calendar })).get(calendar)!;
}

const allDaysCache = new WeakMap<object, DayCalendar>();

/** The same days with no holidays and no weekends: for validation against queueing theory. */
export function allDaysWorking(days: DayCalendar): DayCalendar {
  const cached = allDaysCache.get(days);
  if (cached !== undefined) return cached;
  const made = new DayCalendar({
    id: '24x7',
    rulesets: [
      {
        id: 'none',
        validFrom: '1900-01-01',
        weeklyRest: [],
        weeklyRestRef: { document: 'Validation calendar: every day works', documentVi: 'Lịch kiểm chứng: mọi ngày đều làm việc', confidence: 'src' },
        holidays: [],
        compensation: { enabled: false, ref: { document: 'Validation calendar', documentVi: 'Lịch kiểm chứng', confidence: 'src' } },
      },
    ],
    minYear: days.minYear,
    maxYear: days.maxYear,
  });
  allDaysCache.set(days, made);
  return made;
}
