import { open } from 'node:fs/promises';
import { UsageError } from '../errors.ts';
import { labelBy, t } from '../i18n/translate.ts';

/** The largest procedure or scenario file read: 1 MiB (the catalogue's largest is a few KiB). */
export const MAX_SPEC_BYTES = 1024 * 1024;
/** The largest replay CSV read: 16 MiB, about 800,000 receipt instants. */
export const MAX_REPLAY_BYTES = 16 * 1024 * 1024;

/** What is being read, for the too-large message: a scenario, replay or procedure file, or stdin. */
export type ReadWhat = 'scenario' | 'replay' | 'procedure' | 'stdin';

function tooLarge(where: string, max: number, what: ReadWhat): UsageError {
  return new UsageError('too-large', labelBy('error.file.too-large', (lang) => ({ what: t(lang, `file.what.${what}`), max })), { file: where });
}

/**
 * Reads a UTF-8 file, refusing it before reading past `max` bytes: a huge or endless file (a
 * device, a FIFO) costs no more memory than the limit.
 *
 * @throws UsageError `too-large`; the file system's own errors as they are
 */
export async function readFileLimited(path: string, max: number, what: ReadWhat, shown = path): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, max + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) throw tooLarge(shown, max, what);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Reads a stream (standard input) as UTF-8, stopping as soon as it passes `max` bytes.
 *
 * @throws UsageError `too-large`
 */
export async function readStreamLimited(stream: AsyncIterable<unknown>, max: number, what: ReadWhat, shown: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > max) throw tooLarge(shown, max, what);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
