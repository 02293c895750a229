import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Webhook } from '../engine/dispatcher.ts';
import { AuthError } from './auth.ts';
import { label, labelBy } from '../i18n/translate.ts';
import { zodIssueMessages } from '../i18n/zod-issue.ts';

/** The schema of webhooks.yaml: where the outbox delivers effects. */
export const webhooksFileSchema = z
  .object({
    maxAttempts: z.number().int().min(1).max(100).optional(),
    webhooks: z
      .array(
        z
          .object({
            name: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, ".", "_" or "-"'),
            url: z.url({ protocol: /^https?$/ }),
            secret: z.string().min(32, 'must be at least 32 characters (motcua token prints a random one)'),
            effects: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** webhooks.yaml, checked. @throws AuthError `bad-webhooks` naming the file and the path inside it */
export async function readWebhooks(file: string): Promise<{ webhooks: Webhook[]; maxAttempts?: number }> {
  let raw: unknown;
  try {
    raw = parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new AuthError('bad-webhooks', label('error.webhooks.yaml', { reason: (error as Error).message.split('\n')[0]! }), { file, cause: error });
  }
  const parsed = webhooksFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const said = zodIssueMessages(issue, raw);
    throw new AuthError('bad-webhooks', labelBy('error.webhooks.shape', (lang) => ({ issue: said[lang] })), { file, path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) });
  }
  const names = new Set<string>();
  parsed.data.webhooks.forEach((w, i) => {
    if (names.has(w.name)) throw new AuthError('bad-webhooks', label('error.webhooks.twice', { name: w.name }), { file, path: ['webhooks', i, 'name'] });
    names.add(w.name);
  });
  return { webhooks: parsed.data.webhooks.map((w): Webhook => ({ name: w.name, url: w.url, secret: w.secret, ...(w.effects === undefined ? {} : { effects: w.effects }) })), ...(parsed.data.maxAttempts === undefined ? {} : { maxAttempts: parsed.data.maxAttempts }) };
}
