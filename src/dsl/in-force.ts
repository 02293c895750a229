import { ProcedureError } from '../errors.ts';
import { type Lang, labelBy, t } from '../i18n/translate.ts';

/** What {@link versionInForce} reads of a version: its id, name and the days it applies. */
export interface Dated {
  readonly id: string;
  readonly version: string;
  /** `YYYY-MM-DD`, the first day the version applies. */
  readonly effectiveFrom: string;
  /** `YYYY-MM-DD`, the last day it applies; open-ended when absent. */
  readonly effectiveTo?: string;
}

/** Whether `v` applies on `date` (`YYYY-MM-DD`): from `effectiveFrom` to `effectiveTo`, both included. */
export function inForceOn(v: Pick<Dated, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return v.effectiveFrom <= date && (v.effectiveTo === undefined || date <= v.effectiveTo);
}

/** `2016.1 from 2016-01-01 to 2025-06-30, 2025.1 from 2025-07-01` (in English; `lang` for Vietnamese). */
export function describeVersions(versions: readonly Dated[], lang: Lang = 'en'): string {
  return [...versions]
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .map((v) => (v.effectiveTo === undefined ? t(lang, 'versions.item', { version: v.version, from: v.effectiveFrom }) : t(lang, 'versions.item.to', { version: v.version, from: v.effectiveFrom, to: v.effectiveTo })))
    .join(', ');
}

/**
 * The one version of a procedure in force on a date: the one whose validity holds the date; of
 * several (an open-ended old version and a newer one), the latest `effectiveFrom`. The engine,
 * `explain`, `check` and the simulator all choose with this function, so a case is received under
 * the same version everywhere.
 *
 * @throws ProcedureError `not-in-force` naming every version with its dates when none applies
 * @example
 * versionInForce([v2016, v2025], '2026-03-02').version // '2025.1'
 */
export function versionInForce<T extends Dated>(versions: readonly T[], date: string, path: readonly (string | number)[] = ['receivedAt']): T {
  let found: T | undefined;
  for (const v of versions) if (inForceOn(v, date) && (found === undefined || v.effectiveFrom > found.effectiveFrom)) found = v;
  if (found !== undefined) return found;
  const id = versions[0]?.id ?? 'the procedure';
  throw new ProcedureError('not-in-force', labelBy('error.not-in-force', (lang) => ({ id, date, versions: describeVersions(versions, lang) || t(lang, 'error.none') })), { path });
}
