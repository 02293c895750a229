import { VN_OFFSET_MS } from '../calendar/instant.ts';
import type { OfficeHours } from '../calendar/office-hours.ts';
import type { Instance } from './instances.ts';

const SLOT_MS = 15 * 60_000;
const SLOTS = 96;
/** Fewer events than this and the hours are not inferred (a quiet slot would look like a closed one). */
export const MIN_EVENTS_FOR_HOURS = 200;

const hhmm = (slot: number) => `${String(Math.floor(slot / 4)).padStart(2, '0')}:${String((slot % 4) * 15).padStart(2, '0')}`;

/**
 * Office hours from when work happens: the quarter hours of the (Vietnamese) day in which some
 * piece of work started or ended, joined into shifts across gaps shorter than 30 minutes. A
 * completion at 12:00 sharp counts for 11:45–12:00, a start at 13:00 for 13:00–13:15. Returns the
 * shifts as `HH:MM-HH:MM`, or undefined with fewer than `MIN_EVENTS_FOR_HOURS` timed instances.
 */
export function shiftsOf(instances: readonly Instance[]): string[] | undefined {
  const timed = instances.filter((i) => i.started);
  if (timed.length * 2 < MIN_EVENTS_FOR_HOURS) return undefined;
  const used = new Uint32Array(SLOTS);
  const slot = (t: number) => Math.floor((((t + VN_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000 / SLOT_MS);
  for (const i of timed) {
    used[slot(i.start)]!++;
    used[slot(i.end - 1)]!++;
  }
  const shifts: [number, number][] = [];
  for (let s = 0; s < SLOTS; s++) {
    if (used[s] === 0) continue;
    const last = shifts[shifts.length - 1];
    if (last !== undefined && s - last[1] <= 2) last[1] = s + 1;
    else shifts.push([s, s + 1]);
  }
  return shifts.map(([a, b]) => `${hhmm(a)}-${b === SLOTS ? '24:00' : hhmm(b)}`);
}

/** The scenario's office hours for shifts, `vn-default` when they are 08:00–12:00 and 13:00–17:00. */
export function officeHoursFor(id: string, shifts: readonly string[] | undefined): OfficeHours | 'vn-default' {
  if (shifts === undefined || shifts.join(',') === '08:00-12:00,13:00-17:00') return 'vn-default';
  return { id: `${id}-observed`, versions: [{ validFrom: '2000-01-01', seasons: [{ from: '01-01', shifts: [...shifts] }] }] };
}
