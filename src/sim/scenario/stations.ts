import { ALWAYS_OPEN, type OfficeHours, VN_DEFAULT_OFFICE_HOURS, compileOfficeHours } from '../../calendar/office-hours.ts';
import { MotcuaError } from '../../errors.ts';
import type { Station } from '../config.ts';
import { scenarioError } from './read.ts';
import type { StationHoursEntry } from './schema.ts';

type Path = readonly (string | number)[];

/**
 * The office hours a station's `hours` names: `vn-default`, `24x7`, or hours written out (checked
 * here); when absent, standard hours, or round the clock on a 24/7 calendar.
 *
 * @throws ScenarioError `bad-office-hours` at the path of the bad part
 */
export function stationHours(hours: StationHoursEntry | undefined, calendar: 'vn' | '24x7', file: string, path: Path): OfficeHours {
  if (hours === undefined) return calendar === '24x7' ? ALWAYS_OPEN : VN_DEFAULT_OFFICE_HOURS;
  if (hours === 'vn-default') return VN_DEFAULT_OFFICE_HOURS;
  if (hours === '24x7') return ALWAYS_OPEN;
  try {
    compileOfficeHours(hours);
  } catch (e) {
    if (!(e instanceof MotcuaError)) throw e;
    throw scenarioError('bad-office-hours', e.messages ?? e.message, file, [...path, ...e.path], e);
  }
  return hours;
}

/** The stations of a scenario with their office hours resolved, in the order declared. */
export function buildStations(
  stations: Readonly<Record<string, { readonly officers: number; readonly hours?: StationHoursEntry }>>,
  calendar: 'vn' | '24x7',
  file: string,
): Record<string, Station> {
  return Object.fromEntries(
    Object.entries(stations).map(([id, s]) => [id, { officers: s.officers, hours: stationHours(s.hours, calendar, file, ['stations', id, 'hours']) }]),
  );
}
