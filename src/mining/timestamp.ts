import { LogError } from '../errors.ts';
import { label } from '../i18n/translate.ts';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Minutes east of UTC of an offset written `+07:00`, `+0700`, `+07`, `-03:30` or `Z`.
 * @example parseOffset('+07:00') // 420
 */
export function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (m === null) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * Reads an ISO 8601 timestamp as pm4py and XES write them (`2025-01-24T09:00:00+07:00`,
 * `2025-01-24 09:00:00.123Z`, `2025-01-24T09:00`); a timestamp without an offset is in the log's
 * time zone, `defaultOffsetMinutes` east of UTC (Vietnam, +420, unless the mapping says otherwise).
 * Returns milliseconds since the epoch, or undefined when the text is not such a timestamp.
 *
 * @example parseTimestamp('2025-01-24 09:00:00', 420) === Date.UTC(2025, 0, 24, 2)
 */
export function parseTimestamp(text: string, defaultOffsetMinutes: number): number | undefined {
  const quick = parseCommonTimestamp(text);
  return quick === undefined ? parseAnyTimestamp(text, defaultOffsetMinutes) : quick;
}

const digit = (text: string, i: number) => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/**
 * The form the writers of pm4py, XES tools and motcua use, `2025-01-24T09:00:00.000+07:00` or
 * `…Z` (seconds and an explicit offset, milliseconds optional), read without a regular
 * expression: a log of a million events spends much of its time here. Anything else is
 * undefined, for {@link parseAnyTimestamp}.
 */
function parseCommonTimestamp(text: string): number | undefined {
  const n = text.length;
  if (n < 20 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return undefined;
  let i = 19;
  let ms = 0;
  if (text[i] === '.') {
    if (n !== 24 && n !== 29) return undefined;
    ms = digit(text, 20) * 100 + two(text, 21);
    i = 23;
  }
  let offset: number;
  if (i === n - 1 && text[i] === 'Z') offset = 0;
  else if (i === n - 6 && (text[i] === '+' || text[i] === '-') && text[i + 3] === ':') {
    offset = (two(text, i + 1) * 60 + two(text, i + 4)) * (text[i] === '-' ? -1 : 1);
    // Written so that NaN (a non-digit in the offset, `+<7:00`) is refused too.
    if (!(Math.abs(offset) <= 14 * 60)) return undefined;
  } else return undefined;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  // NaN (a non-digit) fails every comparison: the general reader decides then.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour <= 23 && minute <= 59 && second <= 59 && ms >= 0 && year >= 0)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}

/** Every accepted form, by a regular expression; see {@link parseTimestamp}. */
export function parseAnyTimestamp(text: string, defaultOffsetMinutes: number): number | undefined {
  const m = PATTERN.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const offset = zone === undefined ? defaultOffsetMinutes : parseOffset(zone);
  if (offset === undefined) return undefined;
  const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 February over into March: reject days the month does not have.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return utc - offset * 60_000;
}

/** Where a timestamp was read, for the error; asked for only when the timestamp is bad (a log has millions). */
export type TimestampWhere = () => { readonly file: string; readonly line?: number; readonly column?: number; readonly what: string };

/** Reads a timestamp or throws a `LogError` naming where it is. */
export function timestampAt(text: string, offset: number, whereOf: TimestampWhere): number {
  const t = parseTimestamp(text, offset);
  if (t === undefined) {
    const where = whereOf();
    throw new LogError('bad-timestamp', label('error.log.bad-timestamp', { what: where.what, text }), {
      file: where.file,
      ...(where.line === undefined ? {} : { line: where.line }),
      ...(where.column === undefined ? {} : { column: where.column }),
    });
  }
  return t;
}
