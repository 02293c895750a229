import { DEFAULT_HOURS_PER_WORKING_DAY, parseDuration } from '../calendar/duration.ts';
import type { ExportLang } from './words.ts';

const UNIT_NAMES = {
  wd: { vi: ['ngày làm việc', 'ngày làm việc'], en: ['working day', 'working days'] },
  wh: { vi: ['giờ làm việc', 'giờ làm việc'], en: ['working hour', 'working hours'] },
  d: { vi: ['ngày', 'ngày'], en: ['day', 'days'] },
} as const;

/**
 * A spec duration in words: `describeDuration('3wd', 'en')` is `3 working days`,
 * `describeDuration('15d', 'vi')` is `15 ngày`.
 */
export function describeDuration(text: string, lang: ExportLang): string {
  const d = parseDuration(text);
  return `${d.amount} ${UNIT_NAMES[d.unit][lang][d.amount === 1 ? 0 : 1]}`;
}

/**
 * The nearest ISO 8601 duration, for BPMN timers: `3wd` → `P3D`, `0.5wd` → `PT4H`, `4wh` → `PT4H`,
 * `15d` → `P15D`. ISO 8601 has no working days, so a `wd` timer only says how many days; the
 * documentation beside it says they are working days on the Vietnamese calendar.
 */
export function isoDuration(text: string): string {
  const d = parseDuration(text);
  switch (d.unit) {
    case 'wd':
      return Number.isInteger(d.amount) ? `P${d.amount}D` : `PT${d.amount * DEFAULT_HOURS_PER_WORKING_DAY}H`;
    case 'wh':
      return `PT${d.amount}H`;
    case 'd':
      return `P${d.amount}D`;
  }
}
