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

export type Lang = 'vi' | 'en';

/** `--lang`, else `vi` when the environment's locale is Vietnamese, else `en`. */
export function pickLang(flag: string | undefined, env: Io['env']): Lang {
  if (flag === 'vi' || flag === 'en') return flag;
  return (env.LC_ALL ?? env.LANG ?? '').toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** Pretty JSON with a trailing newline, the form of every `--json` output. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
