import { z } from 'zod';
import { valueAt } from '../own.ts';
import type { Label } from '../legal.ts';

// zod ships its own message catalogues ("locales"), Vietnamese among them: a structural problem
// (a missing key, a wrong type, a number out of range, an unknown option) is said by zod's own
// translation rather than by a second table of ours.
const VI = z.locales.vi().localeError;
const EN = z.locales.en().localeError;

/**
 * A zod issue's message in both languages. zod's built-in messages come in Vietnamese from zod's
 * own `vi` locale; a message a schema wrote itself (a `refine`, an `error:` option) is the same
 * text in both. `root` is the value that was parsed: zod's messages name the type that was
 * received, and the issue keeps only its path.
 *
 * @example
 * const parsed = z.object({ n: z.number() }).safeParse({ n: 'x' });
 * if (!parsed.success) zodIssueMessages(parsed.error.issues[0]!, { n: 'x' }).vi // → 'Đầu vào không hợp lệ: mong đợi số, nhận được chuỗi'
 */
export function zodIssueMessages(issue: z.core.$ZodIssue, root: unknown): Label {
  const raw = { ...issue, input: valueAt(root, issue.path) } as unknown as z.core.$ZodRawIssue;
  const inEnglish = said(EN(raw));
  // A schema's own wording (not zod's) is kept as it is: there is no catalogue entry for it.
  if (inEnglish !== issue.message) return { vi: issue.message, en: issue.message };
  const vi = said(VI(raw));
  return { vi: vi === undefined ? issue.message : vi.replace(TYPE_AFTER, (_, lead: string, type: string) => `${lead}${TYPE_WORDS[type] ?? type}`), en: issue.message };
}

// zod 4.6's Vietnamese leaves some type names in English ("mong đợi string, nhận được undefined").
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'chuỗi',
  number: 'số',
  int: 'số nguyên',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  array: 'mảng',
  undefined: 'không có giá trị',
  null: 'null',
};
const TYPE_AFTER = /(mong đợi |nhận được )(string|number|int|boolean|object|array|undefined)\b/g;

function said(result: string | { message: string } | undefined | null): string | undefined {
  if (result === undefined || result === null) return undefined;
  return typeof result === 'string' ? result : result.message;
}
