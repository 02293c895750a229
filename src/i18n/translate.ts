import type { Duration } from '../calendar/duration.ts';
import { EN, type MessageKey, VI } from './messages.ts';

/** The languages of every surface: Vietnamese and English. */
export type Lang = 'vi' | 'en';

/** The languages, Vietnamese first (the language of the administration). */
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** The catalogue of each language. */
export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { vi: VI, en: EN };

/**
 * The names inside `{…}` of a message: `'{n} working days'` → `'n'`. Braces around anything but
 * a name (`{ fixed: 2 }`, an example of YAML or JSON) are text, as they are to {@link t}; in
 * `{ {step}: … }` the name is the innermost.
 */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? PlaceholderName<Innermost<P>> | Placeholders<Rest> : never;
type Innermost<P extends string> = P extends `${string}{${infer Q}` ? Innermost<Q> : P;
type PlaceholderName<P extends string> = P extends '' | `${string}${' ' | ':' | ',' | '"' | "'" | '[' | ']' | '<' | '>' | '.' | '|' | '…' | '?' | '-'}${string}` ? never : P;

/** The arguments of {@link t} after the key: none, or one value per placeholder. */
export type MessageArgs<K extends MessageKey> = [Placeholders<(typeof EN)[K]>] extends [never] ? [] : [params: { readonly [P in Placeholders<(typeof EN)[K]>]: string | number }];

/**
 * The message `key` in `lang`, its `{placeholders}` filled in. The placeholders of each key are
 * checked by the compiler against the English text.
 *
 * @example
 * t('vi', 'unit.wd', { n: 15 }) // '15 ngày làm việc'
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: MessageArgs<K>): string {
  const text = CATALOGUES[lang][key];
  const params = args[0] as Readonly<Record<string, string | number>> | undefined;
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Both languages of a message, the `Label` form procedures and explanations carry. */
export function label<K extends MessageKey>(key: K, ...args: MessageArgs<K>): { readonly vi: string; readonly en: string } {
  return { vi: t('vi', key, ...args), en: t('en', key, ...args) };
}

/**
 * Both languages of a message whose parameters are themselves said differently in each language
 * (a list of versions, a date range).
 */
export function labelBy<K extends MessageKey>(key: K, params: (lang: Lang) => MessageArgs<K>[0]): { readonly vi: string; readonly en: string } {
  const say = (lang: Lang) => t(lang, key, ...([params(lang)] as unknown as MessageArgs<K>));
  return { vi: say('vi'), en: say('en') };
}

/** A number as the language writes it: `0.5` in English, `0,5` in Vietnamese. */
export function formatNumber(n: number, lang: Lang, digits?: number): string {
  const text = digits === undefined ? String(n) : n.toFixed(digits);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/**
 * A duration in words that say its unit: `15wd` is "15 ngày làm việc" / "15 working days", `15d`
 * is "15 ngày" / "15 calendar days", `4wh` "4 giờ làm việc" / "4 working hours".
 */
/**
 * A statutory limit in words: `5 working days, counted in whole days`; a same-day limit is only
 * `the same day` (it is neither one working day nor an hours limit, whatever its duration).
 *
 * @example
 * limitWords({ amount: 1, unit: 'wd' }, 'same-day', 'en') // → 'the same day'
 * limitWords({ amount: 5, unit: 'wd' }, 'date', 'vi') // → '5 ngày làm việc, tính theo ngày'
 */
export function limitWords(duration: Duration, mode: 'date' | 'hours' | 'same-day', lang: Lang): string {
  if (mode === 'same-day') return t(lang, 'mode.same-day');
  return `${durationWords(duration, lang)}, ${t(lang, `mode.${mode}`)}`;
}

export function durationWords(d: Duration, lang: Lang): string {
  const n = formatNumber(d.amount, lang);
  if (d.unit === 'wd') return d.amount === 1 ? t(lang, 'unit.wd.one', { n }) : t(lang, 'unit.wd', { n });
  if (d.unit === 'wh') return d.amount === 1 ? t(lang, 'unit.wh.one', { n }) : t(lang, 'unit.wh', { n });
  return d.amount === 1 ? t(lang, 'unit.d.one', { n }) : t(lang, 'unit.d', { n });
}
