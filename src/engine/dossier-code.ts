import { formatLocalDate } from '../calendar/date.ts';
import { type Instant, localDateOf } from '../calendar/instant.ts';
import { CaseError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import type { LegalRef } from '../legal.ts';

/**
 * The legal form of a dossier code (mã số hồ sơ): `<unit>-YYMMDD-XXXX`, the identifier of the
 * receiving unit, the day of receipt and the number of the dossier among those the unit received
 * that day (Circular 01/2018/TT-VPCP, Art. 19.1).
 *
 * @example
 * citeRef(DOSSIER_CODE_REF) // → 'Circular 01/2018/TT-VPCP Art. 19.1'
 */
export const DOSSIER_CODE_REF: LegalRef = {
  document: 'Circular 01/2018/TT-VPCP',
  article: 'Art. 19.1',
  confidence: 'src',
  note: 'V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX: the unit code under Circular 10/2016/TT-BTTTT (QCVN 102:2016/BTTTT), the day of receipt, the number of the dossier received that day; also Decree 61/2018/NĐ-CP Art. 26. Whether Circular 03/2025/TT-VPCP changed it is not verified.',
};

/**
 * The unit identifier used when neither the receipt nor the engine names one. It is no official
 * identifier: a deployment configures its own (`receivingUnit`, a desk token's `unit`).
 *
 * @example
 * PLACEHOLDER_UNIT // → 'MOTCUA'
 */
export const PLACEHOLDER_UNIT = 'MOTCUA';

/** A unit identifier: upper-case letters and digits in dot-separated groups, as `000.00.12.H33`. */
const UNIT = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/;

/** The highest number a unit can give in one day: XXXX has four digits. */
export const MAX_DOSSIERS_PER_DAY = 9999;

/**
 * Checks a receiving unit's identifier and returns it.
 * @throws CaseError `bad-input` naming where it came from and what an identifier looks like
 *
 * @example
 * checkUnit('000.00.12.H33', ['unit']) // → '000.00.12.H33'
 * checkUnit('h33 desk', ['unit']) // throws CaseError bad-input at unit
 */
export function checkUnit(unit: string, path: readonly (string | number)[]): string {
  if (unit.length > 40 || !UNIT.test(unit)) {
    throw new CaseError('bad-input', label('error.engine.bad-unit', { unit }), { path: [...path] });
  }
  return unit;
}

/**
 * The counter that numbers the dossiers of one unit on one day: the code without its number.
 *
 * @example
 * dossierCounter('000.00.12.H33', parseInstant('2026-03-02T09:00')) // → '000.00.12.H33-260302'
 */
export function dossierCounter(unit: string, receivedAt: Instant): string {
  return `${unit}-${formatLocalDate(localDateOf(receivedAt)).replaceAll('-', '').slice(2)}`;
}

/**
 * The code of the `n`th dossier a counter gives.
 * @throws CaseError `too-many-dossiers` past the 9999th of the day
 *
 * @example
 * dossierCode('000.00.12.H33-260302', 7) // → '000.00.12.H33-260302-0007'
 */
export function dossierCode(counter: string, n: number): string {
  if (n > MAX_DOSSIERS_PER_DAY) {
    throw new CaseError('too-many-dossiers', label('error.engine.too-many-dossiers', { unit: counter.slice(0, counter.lastIndexOf('-')), max: MAX_DOSSIERS_PER_DAY }), { path: ['code'] });
  }
  return `${counter}-${String(n).padStart(4, '0')}`;
}
