import { CalendarError } from '../errors.ts';
import { type Lang, labelBy, t } from '../i18n/translate.ts';
import { formatLocalDate, localDate, toYmd, type LocalDate } from './date.ts';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from the astronomy at Vietnam's time zone,
 * UTC+7, with the low-precision series that Hồ Ngọc Đức's published algorithm uses (the source of
 * the calendars printed in Vietnam). A Chinese calendar library must not be used instead: China
 * computes at UTC+8, and when a new moon or a solar term falls between 16:00 and 17:00 UTC the
 * two calendars disagree by a day, or by a whole month (Tết 1985 was on 21 January in Vietnam and
 * on 20 February in China).
 *
 * Rules: a month starts on the local day that contains the new moon; month 11 is the month that
 * contains the winter solstice; when 13 new moons separate two month-11 starts, the first month
 * after month 11 that contains no major solar term (the sun's longitude crossing a multiple of 30°)
 * is a leap month and repeats the number of the month before it.
 *
 * @example
 * formatLocalDate(lunarNewYear(2025)) === '2025-01-29'
 * solarToLunar(localDate(2025, 4, 7)) // { year: 2025, month: 3, day: 10, leap: false }
 */

/** A date of the Vietnamese lunar calendar; `leap` marks a day of the leap month (tháng nhuận). */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

/** One month of a lunar year: its number, whether it is the leap month, its first civil day and its length. */
export interface LunarMonth {
  readonly month: number;
  readonly leap: boolean;
  readonly start: LocalDate;
  readonly length: 29 | 30;
}

/**
 * First and last lunar years supported as whole years. Lunar year 1899 is included so that every
 * civil day of 1900–2100 has a lunar date (1900-01-01 to 1900-01-30 are in month 12 of
 * lunar 1899); lunar year 2100 ends in January 2101. The series below are good for centuries
 * either side, but the calendar that Vietnam actually used before 1968 was computed at UTC+8, so
 * dates before then are the proleptic UTC+7 calendar.
 *
 * @example
 * formatLocalDate(lunarNewYear(LUNAR_MIN_YEAR)) // → '1899-02-10'
 * formatLocalDate(lunarNewYear(1900)) // → '1900-01-31'
 */
export const LUNAR_MIN_YEAR = 1899;
/**
 * Last lunar year supported as a whole year (see {@link LUNAR_MIN_YEAR}).
 *
 * @example
 * formatLocalDate(lunarNewYear(LUNAR_MAX_YEAR)) // → '2100-02-09'
 */
export const LUNAR_MAX_YEAR = 2100;

/** UTC+7, as a fraction of a day. */
const TIME_ZONE_DAYS = 7 / 24;
/** Julian Day Number of 1970-01-01, the day a {@link LocalDate} counts from. */
const JDN_OF_EPOCH = 2_440_588;
/** Mean synodic month (new moon to new moon), in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the mean new moon of 1900-01-01, lunation k = 0 of the series below. */
const LUNATION_ZERO_JD = 2_415_021.076998695;
const DEG = Math.PI / 180;

/**
 * Julian date (UT) of new moon number `k`, counted from the one of 1900-01-01.
 *
 * Meeus's series: a mean lunation (uniform motion plus the slow secular terms) corrected by the
 * largest periodic terms. Those come from the eccentricity of the Moon's orbit (M′, by far the
 * largest: up to ±10 h), of the Earth's orbit (M), and the Moon's inclination (F); together they
 * put the true conjunction within about 3 minutes of the exact one for 1900–2100. The series is in
 * dynamical time; subtracting ΔT gives the civil (rotational) time that the local day depends on.
 */
function newMoonJd(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-00.5 (1236.85 lunations a century)
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEG; // Sun's mean anomaly
  const mp = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEG; // Moon's mean anomaly
  const f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEG; // Moon's argument of latitude
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(m) + 0.0021 * Math.sin(2 * m) -
    0.4068 * Math.sin(mp) + 0.0161 * Math.sin(2 * mp) - 0.0004 * Math.sin(3 * mp) +
    0.0104 * Math.sin(2 * f) - 0.0051 * Math.sin(m + mp) - 0.0074 * Math.sin(m - mp) +
    0.0004 * Math.sin(2 * f + m) - 0.0004 * Math.sin(2 * f - m) - 0.0006 * Math.sin(2 * f + mp) +
    0.001 * Math.sin(2 * f - mp) + 0.0005 * Math.sin(2 * mp + m);
  // ΔT (dynamical minus universal time) in days, as a fitted polynomial; the second branch covers
  // the centuries before the telescope era and is never reached in the supported range.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/**
 * Apparent longitude of the Sun, in degrees in [0, 360), at Julian date `jd`.
 *
 * Mean longitude plus the equation of the centre (the Earth's elliptic orbit makes the Sun run
 * ahead of or behind its mean place by up to ~1.9°). Nutation and aberration are left out, as in
 * the published algorithm, so that the calendar agrees with the tables printed from it; the error,
 * under 0.02° (half an hour of the Sun's motion), matters only for a solar term that falls within
 * minutes of a local midnight that begins a month.
 */
function sunLongitudeDeg(jd: number): number {
  const t = (jd - 2_451_545) / 36_525; // Julian centuries since J2000.0
  const t2 = t * t;
  const m = (357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG; // mean anomaly
  const meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(m) + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.00029 * Math.sin(3 * m);
  const l = (meanLongitude + centre) % 360;
  return l < 0 ? l + 360 : l;
}

/** The local (UTC+7) civil day that contains new moon number `k`: the first day of its month. */
function newMoonDay(k: number): LocalDate {
  return (Math.floor(newMoonJd(k) + 0.5 + TIME_ZONE_DAYS) - JDN_OF_EPOCH) as LocalDate;
}

/**
 * Which 30° sector (0–11) the Sun is in at the local midnight that begins `day`. Sector 9 starts
 * at 270°, the winter solstice. A month from day `a` up to day `b` contains a major solar term
 * exactly when the sector at the start of `a` differs from the one at the start of `b`.
 */
function sunSector(day: LocalDate): number {
  // A Julian date is 0.5 at 00:00 UT of a JDN; local midnight is TIME_ZONE_DAYS earlier.
  return Math.floor(sunLongitudeDeg(day + JDN_OF_EPOCH - 0.5 - TIME_ZONE_DAYS) / 30);
}

const SOLSTICE_SECTOR = 9;

/** Whether the Sun has reached the winter solstice (270°) by the start of a day of November–February. */
function pastSolstice(day: LocalDate): boolean {
  // In these months the sector is 7–11, so "≥ 9" never meets the wrap-around at 0°.
  return sunSector(day) >= SOLSTICE_SECTOR;
}

/** Lunation number of lunar month 11 of `year` (the month containing that December's solstice). */
function month11Lunation(year: number): number {
  // The mean lunation that starts on or before 31 December; the true new moon is up to ~14 hours
  // from the mean one, so step to the neighbour when the guess is a month off.
  let k = Math.floor((localDate(year, 12, 31) + JDN_OF_EPOCH - LUNATION_ZERO_JD) / SYNODIC_MONTH);
  while (pastSolstice(newMoonDay(k))) k -= 1;
  while (!pastSolstice(newMoonDay(k + 1))) k += 1;
  return k;
}

/** A month with the lunar year it belongs to. */
interface LabelledMonth extends LunarMonth {
  readonly year: number;
}

/**
 * The months from month 11 of `year - 1` up to (not including) month 11 of `year`: the span that
 * contains the Tết of `year`. Its first months (11, 12 and a leap 11 or 12) belong to lunar year
 * `year - 1`, the rest to `year`.
 */
interface SolsticeSpan {
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly months: readonly LabelledMonth[];
}

const spans = new Map<number, SolsticeSpan>();

function solsticeSpan(year: number): SolsticeSpan {
  const cached = spans.get(year);
  if (cached !== undefined) return cached;
  const first = month11Lunation(year - 1);
  const count = month11Lunation(year) - first; // 12, or 13 in a leap year
  const starts: LocalDate[] = [];
  for (let i = 0; i <= count; i += 1) starts.push(newMoonDay(first + i));
  const start = (i: number): LocalDate => starts[i] as LocalDate;

  // With 13 months between two solstices, the sun passes only 12 sector boundaries, so at least
  // one month has none; the first such month after month 11 is the leap month.
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i += 1) {
      if (sunSector(start(i)) === sunSector(start(i + 1))) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: LabelledMonth[] = [];
  for (let i = 0; i < count; i += 1) {
    const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i; // months since month 11, not counting the leap month
    const month = ((10 + ordinal) % 12) + 1;
    const length = start(i + 1) - start(i);
    if (length !== 29 && length !== 30) {
      throw new CalendarError('internal', `Lunar month starting ${formatLocalDate(start(i))} has ${length} days; this is a bug in the lunar calendar.`);
    }
    months.push(
      Object.freeze({
        year: month >= 11 && i < 4 ? year - 1 : year,
        month,
        leap: i === leapIndex,
        start: start(i),
        length,
      }),
    );
  }
  const span: SolsticeSpan = { start: start(0), end: start(count), months: Object.freeze(months) };
  spans.set(year, span);
  return span;
}

const RANGE_TEXT = `${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`;

function checkLunarYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new CalendarError(
      'out-of-range',
      `${what} ${year} is outside the supported lunar years ${RANGE_TEXT}; use a year from ${LUNAR_MIN_YEAR} to ${LUNAR_MAX_YEAR}.`,
    );
  }
}

const yearMonths = new Map<number, readonly LunarMonth[]>();

function monthsOf(year: number): readonly LunarMonth[] {
  const cached = yearMonths.get(year);
  if (cached !== undefined) return cached;
  const labelled = [...solsticeSpan(year).months, ...solsticeSpan(year + 1).months].filter((m) => m.year === year);
  const result = Object.freeze(
    labelled.map((m): LunarMonth => Object.freeze({ month: m.month, leap: m.leap, start: m.start, length: m.length })),
  );
  yearMonths.set(year, result);
  return result;
}

let supportedDays: { readonly first: LocalDate; readonly last: LocalDate } | undefined;

/** First and last civil days with a lunar date in the supported lunar years. */
function supportedDayRange(): { readonly first: LocalDate; readonly last: LocalDate } {
  supportedDays ??= {
    first: tetOf(LUNAR_MIN_YEAR),
    last: (tetOf(LUNAR_MAX_YEAR + 1) - 1) as LocalDate,
  };
  return supportedDays;
}

function tetOf(year: number): LocalDate {
  const first = solsticeSpan(year).months.find((m) => m.year === year && m.month === 1 && !m.leap);
  if (first === undefined) throw new CalendarError('internal', `No month 1 found for lunar year ${year}; this is a bug in the lunar calendar.`);
  return first.start;
}

/**
 * Vietnamese lunar date of a civil date.
 *
 * @example
 * solarToLunar(parseLocalDate('2025-01-29')) // → { year: 2025, month: 1, day: 1, leap: false }
 */
export function solarToLunar(date: LocalDate): LunarDate {
  const { first, last } = supportedDayRange();
  if (!Number.isInteger(date) || date < first || date > last) {
    const shown = Number.isInteger(date) ? formatLocalDate(date) : String(date);
    throw new CalendarError(
      'out-of-range',
      `${shown} is outside the dates the lunar calendar supports, ${formatLocalDate(first)} to ${formatLocalDate(last)} (lunar years ${RANGE_TEXT}); use a date in that range.`,
    );
  }
  const civilYear = toYmd(date).year;
  let span = solsticeSpan(civilYear);
  if (date >= span.end) span = solsticeSpan(civilYear + 1);
  let found = span.months[0] as LabelledMonth;
  for (const m of span.months) {
    if (m.start > date) break;
    found = m;
  }
  return { year: found.year, month: found.month, day: date - found.start + 1, leap: found.leap };
}

/**
 * Civil date of a Vietnamese lunar date; throws CalendarError for one that does not exist.
 *
 * @example
 * formatLocalDate(lunarToSolar({ year: 2025, month: 3, day: 10, leap: false })) // → '2025-04-07'
 */
export function lunarToSolar(lunar: LunarDate): LocalDate {
  const { year, month, day, leap } = lunar;
  checkLunarYear(year, 'Lunar year');
  const shown = (lang: Lang) => t(lang, leap ? 'error.cal.lunar-shown.leap' : 'error.cal.lunar-shown', { day, month, year });
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new CalendarError('bad-lunar-date', labelBy('error.cal.lunar-month', (lang) => ({ shown: shown(lang) })));
  }
  const months = monthsOf(year);
  const target = months.find((m) => m.month === month && m.leap === leap);
  if (target === undefined) {
    const leapMonth = months.find((m) => m.leap);
    throw new CalendarError(
      'bad-lunar-date',
      leapMonth === undefined
        ? labelBy('error.cal.lunar-no-leap', (lang) => ({ shown: shown(lang), year }))
        : labelBy('error.cal.lunar-leap-is', (lang) => ({ shown: shown(lang), year, leap: leapMonth.month })),
    );
  }
  if (!Number.isInteger(day) || day < 1 || day > target.length) {
    throw new CalendarError('bad-lunar-date', labelBy(target.length === 29 ? 'error.cal.lunar-day.29' : 'error.cal.lunar-day', (lang) => ({ shown: shown(lang), n: target.length })));
  }
  return (target.start + day - 1) as LocalDate;
}

/**
 * Civil date of lunar New Year (Tết, 1/1) of the lunar year that starts in the given solar year.
 *
 * @example
 * formatLocalDate(lunarNewYear(2025)) // → '2025-01-29'
 */
export function lunarNewYear(year: number): LocalDate {
  checkLunarYear(year, 'Year');
  return tetOf(year);
}

/**
 * Months of a lunar year in order: { month, leap, start: LocalDate, length: 29|30 }.
 *
 * @example
 * lunarMonths(2025).length // → 13
 * lunarMonths(2025).find((m) => m.leap)?.month // → 6
 */
export function lunarMonths(year: number): readonly LunarMonth[] {
  checkLunarYear(year, 'Lunar year');
  return monthsOf(year);
}
