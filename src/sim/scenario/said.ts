import { EN, type MessageKey } from '../../i18n/messages.ts';
import { type Lang, type Placeholders, t } from '../../i18n/translate.ts';
import type { Label } from '../../legal.ts';

/**
 * A message of the catalogue not yet said in a language: its key and parameters, which may be
 * messages too (`expected {what}` with `what` the form of a value), or a message already in both
 * languages (another module's error). The scenario's zod schema needs it because zod keeps an
 * issue's message, and a value's description, as one string: {@link inIssue} packs a `Said` into
 * that string and {@link fromIssue} unpacks it, so the schema's messages reach the CLI in both
 * languages with the file, path and line they belong to.
 *
 * @example
 * const s = said('scenario.probability', { value: 1.5 });
 * labelOf(s).vi // '1.5 không phải xác suất. Viết một số từ 0 đến 1, ví dụ 0.05.'
 */
export type Said = { readonly key: MessageKey; readonly params?: Readonly<Record<string, string | number | Said>> } | { readonly label: Label };

type SaidArgs<K extends MessageKey> = [Placeholders<(typeof EN)[K]>] extends [never] ? [] : [params: { readonly [P in Placeholders<(typeof EN)[K]>]: string | number | Said }];

/** The message `key` with its parameters, to be said later in either language. */
export function said<K extends MessageKey>(key: K, ...args: SaidArgs<K>): Said {
  return args[0] === undefined ? { key } : { key, params: args[0] };
}

/** A message already written in both languages, carried as a {@link Said}. */
export function saidAs(label: Label): Said {
  return { label };
}

/** The message in `lang`, its parameters said in the same language. */
export function sayIn(s: Said, lang: Lang): string {
  if ('label' in s) return s.label[lang];
  const params = Object.fromEntries(Object.entries(s.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? sayIn(v, lang) : v]));
  return (t as (l: Lang, k: MessageKey, p: object) => string)(lang, s.key, params);
}

/** The message in both languages, the form a `MotcuaError` carries. */
export function labelOf(s: Said): Label {
  return { vi: sayIn(s, 'vi'), en: sayIn(s, 'en') };
}

/** Marks a zod message or description that carries a {@link Said}; no text of a user starts so. */
const MARK = '\u0000said:';

/** A {@link Said} as a zod issue message or schema description. */
export function inIssue(s: Said): string {
  return MARK + JSON.stringify(s);
}

/** The {@link Said} a zod message or description carries, or `undefined` for zod's own text. */
export function fromIssue(text: string | undefined): Said | undefined {
  if (text === undefined || !text.startsWith(MARK)) return undefined;
  const s = JSON.parse(text.slice(MARK.length)) as Said;
  return 'key' in s && !Object.hasOwn(EN, s.key) ? undefined : s;
}
