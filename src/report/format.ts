import type { Lang } from './labels.ts';

/**
 * Formats a number with fixed decimals in the reader's convention: `1.234,5` in Vietnamese,
 * `1,234.5` in English. Written out rather than `toLocaleString`, whose output depends on the ICU
 * data Node was built with: the same report must give the same bytes everywhere.
 *
 * @example
 * formatNumber(12345.678, 1, 'vi') // '12.345,7'
 */
export function formatNumber(x: number, digits: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '—';
  const fixed = Math.abs(x).toFixed(digits);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const group = lang === 'vi' ? '.' : ',';
  const point = lang === 'vi' ? ',' : '.';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = x < 0 && Number(fixed) !== 0;
  return `${negative ? '−' : ''}${grouped}${fraction === undefined ? '' : point + fraction}`;
}

/** A share as a percentage: `formatPercent(0.9234, 1, 'en')` is `92.3%`. */
export function formatPercent(x: number, digits: number, lang: Lang): string {
  return `${formatNumber(x * 100, digits, lang)}%`;
}

/** A signed figure, `+1.5` or `−0.3`, for differences. */
export function formatSigned(x: number, digits: number, lang: Lang): string {
  const text = formatNumber(x, digits, lang);
  return text.startsWith('−') || Number(Math.abs(x).toFixed(digits)) === 0 ? text : `+${text}`;
}

/**
 * A count, or a mean count per replication: whole when it is whole (to one decimal) or at least
 * 100, else with one decimal: `9.382`, `82,5`, `0`.
 */
export function formatCount(x: number, lang: Lang): string {
  const whole = Math.abs(x) >= 100 || Math.abs(x * 10 - Math.round(x) * 10) < 0.5;
  return formatNumber(x, whole ? 0 : 1, lang);
}
