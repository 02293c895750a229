import { readFileSync } from 'node:fs';
import { label } from '../i18n/translate.ts';
import type { DossierData } from '../compile/types.ts';
import { UsageError } from '../errors.ts';

/**
 * The dossier of `--dossier`: inline JSON (`'{"remoteCommune":true}'`) or the path of a JSON file
 * holding the same object. Every command that takes a dossier reads it here.
 */
const EXAMPLE = '{"remoteCommune":true}';

export function readDossierArg(text: string): DossierData {
  const inline = text.trimStart().startsWith('{');
  let source = text;
  if (!inline) {
    try {
      source = readFileSync(text, 'utf8');
    } catch {
      throw new UsageError('not-found', label('error.dossier.unreadable', { inline: `'{"field":value}'` }), { file: text, path: ['--dossier'] });
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const where = inline ? { path: ['--dossier'] } : { file: text };
    throw new UsageError('bad-dossier', label('error.dossier.not-json', { why: (error as Error).message, example: EXAMPLE }), where);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('bad-dossier', label('error.dossier.not-object', { example: EXAMPLE }), inline ? { path: ['--dossier'] } : { file: text });
  }
  return value as DossierData;
}
