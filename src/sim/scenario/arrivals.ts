import { type LocalDate, formatLocalDate } from '../../calendar/date.ts';
import { type Instant, MS_PER_DAY, instantAt, looksLikeInstant, parseInstant } from '../../calendar/instant.ts';
import { MotcuaError, type ScenarioError } from '../../errors.ts';
import type { ArrivalProcess } from '../config.ts';
import { scenarioError } from './read.ts';
import { type Said, said, saidAs } from './said.ts';
import type { ArrivalsEntry } from './schema.ts';
import { SCENARIO_LIMITS, WEEKDAY_KEYS } from './values.ts';

type Path = readonly (string | number)[];

/** Office hours of the default arrival profile on the Vietnamese calendar: 08:00–17:00. */
export const DEFAULT_ARRIVAL_HOURS = { from: 8, to: 17 } as const;

/** The relative arrival rate of each hour 0–23 when the scenario gives none. */
export function defaultHourProfile(calendar: 'vn' | '24x7'): number[] {
  return Array.from({ length: 24 }, (_, h) => (calendar === '24x7' || (h >= DEFAULT_ARRIVAL_HOURS.from && h < DEFAULT_ARRIVAL_HOURS.to) ? 1 : 0));
}

/** Where a replay file is read from, and what the arrivals must fit in. */
export interface ArrivalsContext {
  readonly file: string;
  readonly path: Path;
  readonly calendar: 'vn' | '24x7';
  readonly start: LocalDate;
  readonly horizonDays: number;
  /** The text of a replay file, named as written in the scenario. */
  readonly read: (csv: string) => Promise<string>;
}

/**
 * The arrival process of one procedure entry: Poisson rates filled out to 7 weekdays and 24 hours,
 * or the replayed instants that fall inside the horizon, in order.
 *
 * @throws ScenarioError `bad-profile` or `bad-replay`
 */
export async function buildArrivals(a: ArrivalsEntry, ctx: ArrivalsContext): Promise<ArrivalProcess> {
  const at = [...ctx.path, 'arrivals'];
  if (a.poisson !== undefined) {
    const p = a.poisson;
    const weekdays = WEEKDAY_KEYS.map((k) => p.weekdays?.[k] ?? 1);
    const hours = defaultHourProfile(ctx.calendar);
    for (const [key, rate] of Object.entries(p.hours ?? {})) hours[Number(key)] = rate;
    if (weekdays.every((w) => w === 0)) throw scenarioError('bad-profile', said('scenario.weekdays.zero'), ctx.file, [...at, 'poisson', 'weekdays']);
    if (hours.every((h) => h === 0)) throw scenarioError('bad-profile', said('scenario.hours.zero'), ctx.file, [...at, 'poisson', 'hours']);
    const busiest = busiestDayProblem(p.perDay, weekdays);
    if (busiest !== undefined) throw scenarioError('bad-profile', busiest, ctx.file, [...at, 'poisson', 'weekdays']);
    return { kind: 'poisson', perDay: p.perDay, weekdays, hours };
  }
  const csv = a.replay!;
  const bad = (message: Said, cause?: unknown): ScenarioError => scenarioError('bad-replay', message, ctx.file, [...at, 'replay'], cause);
  let text: string;
  try {
    text = await ctx.read(csv);
  } catch (cause) {
    if (cause instanceof MotcuaError) throw bad(saidAs({ vi: cause.messageIn('vi'), en: cause.messageIn('en') }), cause);
    const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw bad(said('scenario.replay.unreadable', { csv, why: why! }), cause);
  }
  const instants = parseReplay(text, csv, bad);
  const from = instantAt(ctx.start);
  const to = from + ctx.horizonDays * MS_PER_DAY;
  const inside = instants.filter((t) => t >= from && t < to);
  if (inside.length === 0) {
    throw bad(said('scenario.replay.outside-horizon', { n: instants.length, csv, start: formatLocalDate(ctx.start), days: ctx.horizonDays }));
  }
  return { kind: 'replay', instants: inside };
}

/**
 * Why `perDay` on the busiest weekday is above {@link SCENARIO_LIMITS}`.perDay`, or undefined: a
 * weekday's rate is `perDay × weekdays[day]`.
 */
export function busiestDayProblem(perDay: number, weekdays: readonly number[]): Said | undefined {
  const peak = perDay * Math.max(...weekdays);
  if (peak <= SCENARIO_LIMITS.perDay) return undefined;
  return said('scenario.busiest-day', { perDay, rate: Math.max(...weekdays), peak, max: SCENARIO_LIMITS.perDay });
}

/**
 * Receipt instants from a CSV: one `YYYY-MM-DDTHH:MM` (Vietnamese time) per line, in the first
 * column; an optional header line, blank lines and `#` comments are skipped. Sorted.
 */
export function parseReplay(text: string, csv: string, bad: (message: Said, cause?: unknown) => ScenarioError): Instant[] {
  const instants: Instant[] = [];
  let first = true;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cell = line.split(/[,;\t]/)[0]!.trim().replace(/^"(.*)"$/, '$1');
    const header = first && !looksLikeInstant(cell);
    first = false;
    if (header) return;
    try {
      instants.push(parseInstant(cell));
    } catch (cause) {
      if (!(cause instanceof MotcuaError)) throw cause;
      // The cell is not quoted back: a path pointing at another file must not print its content.
      throw bad(said('scenario.replay.bad-line', { csv, line: i + 1 }), cause);
    }
  });
  if (instants.length === 0) throw bad(said('scenario.replay.empty', { csv }));
  return instants.sort((a, b) => a - b);
}
