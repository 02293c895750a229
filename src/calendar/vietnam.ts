import y2016 from '../../calendars/vn/2016.json' with { type: 'json' };
import y2017 from '../../calendars/vn/2017.json' with { type: 'json' };
import y2018 from '../../calendars/vn/2018.json' with { type: 'json' };
import y2019 from '../../calendars/vn/2019.json' with { type: 'json' };
import y2020 from '../../calendars/vn/2020.json' with { type: 'json' };
import y2021 from '../../calendars/vn/2021.json' with { type: 'json' };
import y2022 from '../../calendars/vn/2022.json' with { type: 'json' };
import y2023 from '../../calendars/vn/2023.json' with { type: 'json' };
import y2024 from '../../calendars/vn/2024.json' with { type: 'json' };
import y2025 from '../../calendars/vn/2025.json' with { type: 'json' };
import y2026 from '../../calendars/vn/2026.json' with { type: 'json' };
import { type OfficialAnnouncement, parseAnnouncement } from './announcement.ts';
import { DayCalendar } from './day-calendar.ts';
import { VN_RULESETS } from './vietnam-rules.ts';

/**
 * Years the Vietnamese calendar covers: holiday rules are modelled from 2008; the lunar calendar ends in 2100.
 *
 * @example
 * vietnamDayCalendar().minYear // → 2008
 */
export const VN_MIN_YEAR = 2008;
/**
 * The last year the Vietnamese calendar covers (see {@link VN_MIN_YEAR}).
 *
 * @example
 * vietnamDayCalendar().maxYear // → 2100
 */
export const VN_MAX_YEAR = 2100;

/**
 * The official announcements shipped in `calendars/vn/`, validated once.
 *
 * @example
 * VN_OFFICIAL_ANNOUNCEMENTS.length // → 11
 * VN_OFFICIAL_ANNOUNCEMENTS[0]?.year // → 2016
 */
export const VN_OFFICIAL_ANNOUNCEMENTS: readonly OfficialAnnouncement[] = [
  parseAnnouncement(y2016, 'calendars/vn/2016.json'),
  parseAnnouncement(y2017, 'calendars/vn/2017.json'),
  parseAnnouncement(y2018, 'calendars/vn/2018.json'),
  parseAnnouncement(y2019, 'calendars/vn/2019.json'),
  parseAnnouncement(y2020, 'calendars/vn/2020.json'),
  parseAnnouncement(y2021, 'calendars/vn/2021.json'),
  parseAnnouncement(y2022, 'calendars/vn/2022.json'),
  parseAnnouncement(y2023, 'calendars/vn/2023.json'),
  parseAnnouncement(y2024, 'calendars/vn/2024.json'),
  parseAnnouncement(y2025, 'calendars/vn/2025.json'),
  parseAnnouncement(y2026, 'calendars/vn/2026.json'),
];

let shared: DayCalendar | undefined;

/**
 * Vietnam's working days for civil servants: Monday–Friday, statutory holidays (Labor Code 2019
 * Art. 112, with earlier codes for earlier years), compensation days, and the official
 * announcements shipped in `calendars/vn/` plus any `extra` ones (which win).
 *
 * @example
 * // 27/04/2026: Hùng Kings day compensated
 * vietnamDayCalendar().isWorkingDay(parseLocalDate('2026-04-27')) // → false
 */
export function vietnamDayCalendar(extra: readonly OfficialAnnouncement[] = []): DayCalendar {
  shared ??= new DayCalendar({
    id: 'vn',
    rulesets: VN_RULESETS,
    announcements: VN_OFFICIAL_ANNOUNCEMENTS,
    minYear: VN_MIN_YEAR,
    maxYear: VN_MAX_YEAR,
  });
  return extra.length === 0 ? shared : shared.withAnnouncements(extra);
}
