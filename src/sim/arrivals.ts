import { type LocalDate, weekday } from '../calendar/date.ts';
import { type Instant, MS_PER_HOUR, instantAt, localDateOf, msOfLocalDay } from '../calendar/instant.ts';
import type { vietnamDayCalendar } from '../calendar/vietnam.ts';
import type { SimProcedure } from './config.ts';
import type { Random } from './random.ts';

/**
 * Next arrival of a non-homogeneous Poisson process by thinning: candidates at the peak rate, each
 * kept with probability rate(t) / peak. Rates are per working day (per day on 24/7), shaped by the
 * weekday and hour profiles; non-working days have none on the Vietnamese calendar.
 */
export function nextPoisson(a: Extract<SimProcedure['arrivals'], { kind: 'poisson' }>, from: number, rng: Random, days: ReturnType<typeof vietnamDayCalendar>, allDays: boolean): number {
  return poissonArrivals(a, days, allDays)(from, rng);
}

/**
 * {@link nextPoisson} compiled once per arrival process (its peak rate and shape computed once),
 * for the simulator, which asks for every arrival.
 */
export function poissonArrivals(a: Extract<SimProcedure['arrivals'], { kind: 'poisson' }>, days: ReturnType<typeof vietnamDayCalendar>, allDays: boolean): (from: number, rng: Random) => number {
  const hourSum = a.hours.reduce((s, h) => s + h, 0);
  const peakWeekday = Math.max(...a.weekdays);
  const peakHour = Math.max(...a.hours);
  // Arrivals per millisecond at the peak.
  const peak = (a.perDay * peakWeekday * peakHour) / hourSum / MS_PER_HOUR;
  if (a.perDay <= 0 || hourSum <= 0 || !(peak > 0)) return () => Infinity;
  return (from, rng) => {
    let t = from;
    for (let guard = 0; guard < 1_000_000; guard++) {
      t += -Math.log(1 - rng.next()) / peak;
      const day = localDateOf(t as Instant);
      if (day > days.last) return Infinity;
      const dayRate = allDays || days.isWorkingDay(day) ? (a.weekdays[weekday(day as LocalDate)] ?? 0) : 0;
      const hour = Math.floor(msOfLocalDay(t as Instant) / MS_PER_HOUR);
      const rate = dayRate * (a.hours[hour] ?? 0);
      if (rate === 0) {
        // Nothing arrives in this hour: by memorylessness, start afresh from the next hour that may
        // have arrivals instead of drawing candidates through the night and the weekend.
        t = nextOpenHour(a.hours, t as Instant, dayRate === 0);
        continue;
      }
      if (rng.next() * peakWeekday * peakHour < rate) return Math.round(t);
    }
    return Infinity;
  };
}

function nextOpenHour(hours: readonly number[], t: Instant, skipDay: boolean): number {
  const day = localDateOf(t);
  const from = skipDay ? 24 : Math.floor(msOfLocalDay(t) / MS_PER_HOUR) + 1;
  for (let h = from; h < 24; h++) if ((hours[h] ?? 0) > 0) return instantAt(day, h * MS_PER_HOUR);
  const first = hours.findIndex((x) => x > 0);
  return instantAt((day + 1) as LocalDate, Math.max(0, first) * MS_PER_HOUR);
}
