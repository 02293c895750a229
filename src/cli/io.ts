import { UsageError } from '../errors.ts';
import { label, type Lang } from '../i18n/translate.ts';

/** Where a command writes; the real process streams, or strings in tests. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Environment variables the CLI reads (`LANG`, `NO_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The wall clock, read only at this edge (a default seed); tests pass a fixed one. */
  readonly now: () => number;
  /** Whether stdout is a terminal (progress bars, full-screen views). */
  readonly isTty?: boolean;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, badInput: 2 } as const;

export type { Lang } from '../i18n/translate.ts';

/** The environment variable that carries a `--lang` given before the command. */
export const LANG_ENV = 'MOTCUA_LANG';

/**
 * The language of a command: its `--lang`, else the `--lang` given before the command (carried in
 * `MOTCUA_LANG`), else `vi` when the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) is Vietnamese, else `en`.
 */
export function pickLang(flag: string | undefined, env: Io['env']): Lang {
  const chosen = flag ?? env[LANG_ENV];
  if (chosen !== undefined) {
    if (chosen === 'vi' || chosen === 'en') return chosen;
    throw new UsageError('usage', label('error.lang.unknown', { lang: chosen }), { path: ['--lang'] });
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/**
 * Takes `--lang` off the command line wherever it stands — before the command (`motcua --lang vi
 * calendar …`) or after it, up to a `--` — so that every command accepts it; the language travels
 * to the command in the environment (`MOTCUA_LANG`), where {@link pickLang} reads it.
 */
export function globalOptions(argv: readonly string[], env: Io['env']): { argv: readonly string[]; env: Io['env'] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      lang = argv[i + 1];
      if (lang === undefined) throw new UsageError('usage', label('error.lang.missing'), { path: ['--lang'] });
      i += 1;
    } else if (arg.startsWith('--lang=')) {
      lang = arg.slice('--lang='.length);
    } else rest.push(arg);
  }
  if (lang === undefined) return { argv, env };
  pickLang(lang, env);
  return { argv: rest, env: { ...env, [LANG_ENV]: lang } };
}

/**
 * The language to print an error in, read from anywhere on the command line (`--lang vi` before or
 * after the command) or the locale; never throws, since it is used while reporting another error.
 */
export function errorLang(argv: readonly string[], env: Io['env']): Lang {
  const end = argv.indexOf('--');
  for (let i = (end === -1 ? argv.length : end) - 1; i >= 0; i--) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'vi' || value === 'en') return value;
  }
  try {
    return pickLang(undefined, env);
  } catch {
    return 'en';
  }
}

/** Pretty JSON with a trailing newline, the form of every `--json` output. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The most worker threads a simulation may ask for. */
export const MAX_WORKERS = 64;

/**
 * A whole-number flag such as `--replications 20`, from `min` to `max`.
 *
 * @throws UsageError naming the flag and the range
 */
export function wholeNumberFlag(text: string, flag: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    const message = max === Number.MAX_SAFE_INTEGER ? label('error.whole-number.min', { flag, text, min }) : label('error.whole-number.range', { flag, text, min, max });
    throw new UsageError('usage', message, { path: [flag] });
  }
  return n;
}
