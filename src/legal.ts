/**
 * How sure we are of a legal fact: `src` seen in a published source, `mem` well known but not
 * re-checked against the text, `uncertain` a figure to treat as configurable.
 */
export type Confidence = 'src' | 'mem' | 'uncertain';

/**
 * A reference to the legal text a rule, a limit or a calendar day comes from.
 *
 * @example
 * const ref: LegalRef = { document: 'Labor Code 2019 (45/2019/QH14)', article: 'Art. 112', effectiveFrom: '2021-01-01', confidence: 'mem' };
 */
export interface LegalRef {
  readonly document: string;
  readonly article?: string;
  readonly url?: string;
  /** `YYYY-MM-DD` from which the rule applies. */
  readonly effectiveFrom?: string;
  /** `YYYY-MM-DD`, the last day the rule applies (repealed, replaced or amended after it). */
  readonly effectiveTo?: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

/** A label in Vietnamese and English. */
export interface Label {
  readonly vi: string;
  readonly en: string;
}

/**
 * `Labor Code 2019 (45/2019/QH14) Art. 112`.
 *
 * @example
 * citeRef({ document: 'Labor Code 2019 (45/2019/QH14)', article: 'Art. 112', confidence: 'mem' }) // → 'Labor Code 2019 (45/2019/QH14) Art. 112'
 * citeRef({ document: 'Decree 61/2018/NĐ-CP', confidence: 'mem' }) // → 'Decree 61/2018/NĐ-CP'
 */
export function citeRef(ref: LegalRef): string {
  return ref.article === undefined ? ref.document : `${ref.document} ${ref.article}`;
}
