import { readFileSync } from 'node:fs';
import type { DossierData } from '../compile/types.ts';
import { UsageError } from '../errors.ts';

/**
 * The dossier of `--dossier`: inline JSON (`'{"remoteCommune":true}'`) or the path of a JSON file
 * holding the same object. Every command that takes a dossier reads it here.
 */
export function readDossierArg(text: string): DossierData {
  const inline = text.trimStart().startsWith('{');
  let source = text;
  if (!inline) {
    try {
      source = readFileSync(text, 'utf8');
    } catch {
      throw new UsageError('not-found', `is neither a JSON object nor a readable file. Give --dossier '{"field":value}' or --dossier dossier.json.`, { file: text, path: ['--dossier'] });
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const where = inline ? { path: ['--dossier'] } : { file: text };
    throw new UsageError('bad-dossier', `is not JSON (${(error as Error).message}). Write an object of dossier fields such as {"remoteCommune":true}.`, where);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('bad-dossier', 'must be a JSON object of dossier fields such as {"remoteCommune":true}.', inline ? { path: ['--dossier'] } : { file: text });
  }
  return value as DossierData;
}
