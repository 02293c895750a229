import { expect } from 'vitest';
import { runCli } from './cli.ts';
import { EN, VI } from '../../src/i18n/messages.ts';
import { CATALOGUE_DIR, loadProcedures } from '../../src/node/load-procedures.ts';
import { LABELS } from '../../src/report/labels.ts';

// The words of the English catalogue that Vietnamese output must not contain, and the search for
// them in an output with its data (ids, paths, titles, document numbers) left out.

/** Every string of a labels tree, functions called with markers. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const r = (value as (...a: unknown[]) => unknown)(...Array.from({ length: value.length }, () => ''));
    return typeof r === 'string' ? [r] : [];
  }
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(texts);
  return [];
}

/**
 * The words of a text, leaving out placeholders, options (`--runs`), argument names (`<start>`),
 * quoted names (`"agencies"`, `"policee"`) and examples of YAML (`{ poisson: { perDay: 12 } }`,
 * `[min, max]`): what the user types is not a label.
 */
const words = (text: string) => new Set([...withoutCode(text.replace(/\{\w+\}|--[\w-]+|<[\w-]+>|"[^"\n]*"/g, ' ')).toLowerCase().matchAll(/\p{L}{4,}/gu)].map((m) => m[0]));

/** `text` without its flow mappings and lists (`{ fixed: 2 }`, `[1, 2, 4]`), innermost first. */
function withoutCode(text: string): string {
  let before = '';
  let after = text;
  while (after !== before) {
    before = after;
    after = after.replace(/\{ [^{}]*\}|\[[^[\]]*\]/g, ' ');
  }
  return after;
}
const viWords = words([...Object.values(VI), ...texts(LABELS.vi)].join(' '));
/** The English catalogue's words that Vietnamese never uses: their presence means an untranslated label. */
/** And the words of legal citations in English, which Vietnamese cites as Nghị định, Thông tư, Điều…  */
const CITATION_WORDS = ['decree', 'circular', 'decision', 'letter', 'notice', 'annex', 'amended', 'guiding', 'replacing'];
export const ENGLISH = [...new Set([...words([...Object.values(EN), ...texts(LABELS.en)].join(' ')), ...CITATION_WORDS])].filter((w) => !viWords.has(w));

/** Agency and station ids of the catalogue and the scenarios used here: data, not labels. */
const { procedures } = await loadProcedures([CATALOGUE_DIR]);
const IDS = new Set([...procedures.flatMap((p) => Object.keys(p.spec.agencies)), 'desk', 'server', 'office' /* mmc-validation's agency */].map((id) => id.toLowerCase()));

/** The procedures' English titles: data shown beside the Vietnamese one (the stepper's header), not labels. */
const TITLES_EN = [...new Set(procedures.map((p) => p.spec.title.en))].sort((a, b) => b.length - a.length);

/** Names that are data, not labels: ids, paths, DSL durations, document numbers, the other language's title. */
function labelsOnly(output: string): string {
  return TITLES_EN.reduce((text, title) => text.split(title).join(' '), output)
    .replace(/\S*\/\S*/g, ' ') // paths
    .replace(/\b[\w.@=-]*[-@=_.][\w.@=-]*\b/g, ' ') // ids such as land-use-right-first, remoteCommune=otherwise, 2024.1
    .replace(/\p{L}+/gu, (w) => (IDS.has(w.toLowerCase()) ? ' ' : w))
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ') // camelCase ids such as landOffice
    .replace(/= ?(?:true|false)\b/g, ' ') // branch conditions such as remoteCommune = true
    .replace(/\((?:desk|commune|tax|issuer|justice|police|committee|server)\)/g, ' ');
}

/** The English catalogue's words in `output`, data aside: an empty list for a Vietnamese output with no label left in English. */
export function englishIn(output: string): string[] {
  const found = words(labelsOnly(output));
  return ENGLISH.filter((w) => found.has(w));
}

/**
 * A command line that is a user's mistake, told in Vietnamese: exit 2, nothing on standard output,
 * one line on standard error beginning with `start`, and no English label in it once `data` has
 * taken out what is the user's own (subcommands, field names, a parser's reason).
 */
export async function expectMistakeInVietnamese(argv: readonly string[], start: string, data: (err: string) => string = (err) => err): Promise<void> {
  const { code, out, err } = await runCli(argv);
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err.startsWith(start), err).toBe(true);
  expect(err.split('\n')).toHaveLength(2);
  expect(englishIn(data(err))).toEqual([]);
}
