import type { LegalRef } from '../legal.ts';

/**
 * Decision 766/QĐ-TTg of 23/6/2022: the index of service to citizens and businesses that every
 * province is scored and ranked by. Five groups, 100 points; the formulas below are as published
 * in summaries of the decision (the decision's annex itself was not read: see `confidence`).
 *
 * @example
 * citeRef(DECISION_766_REF) // → 'Decision 766/QĐ-TTg (23/6/2022) Annex (Bộ chỉ số)'
 */
export const DECISION_766_REF: LegalRef = {
  document: 'Decision 766/QĐ-TTg (23/6/2022)',
  article: 'Annex (Bộ chỉ số)',
  effectiveFrom: '2022-06-23',
  confidence: 'src',
  url: 'https://www.lamdong.dcs.vn/tin-tuc-su-kien/thong-tin-tong-hop/task/148/type/detail/id/33503',
  note: 'Satisfaction group (18 points) and its three rates seen in published summaries (lamdong.dcs.vn, vietjack.me); on-time rate per a published description of the formulas (secondary source).',
};

/**
 * The groups of the index and whether dossier and complaint records can compute them.
 *
 * @example
 * DECISION_766_GROUPS.filter((g) => g.computable).map((g) => g.id) // → [ 'progress', 'satisfaction' ]
 */
export const DECISION_766_GROUPS = [
  { id: 'publicity', computable: false, reason: 'publication of procedures on the portal, not dossier data' },
  { id: 'progress', computable: true, reason: 'on-time rate from dossier records; the group\'s other indicators (e.g. online payment) are not computed' },
  { id: 'online', computable: false, reason: 'online service provision: portal data, not dossier handling' },
  { id: 'satisfaction', computable: true, reason: 'satisfaction in receipt and handling from dossiers; complaint rates from complaint records' },
  { id: 'digitisation', computable: false, reason: 'digitisation of dossiers and results: not recorded by motcua' },
] as const;

/** Maximum points of the indicators motcua computes, and how a rate becomes points. */
export interface PointsConstraints {
  /** On-time handling in the "progress and results" group. */
  readonly onTime: number;
  /** Satisfaction in receipt and handling of dossiers. */
  readonly dossierSatisfaction: number;
  /** Complaints and petitions handled on time. */
  readonly complaintOnTime: number;
  /** Satisfaction in the handling of complaints and petitions. */
  readonly complaintSatisfaction: number;
}

/**
 * Default maximum points. 20 for on-time handling and 6 for satisfaction in receipt and handling:
 * shared/DOMAIN.md [src]; the satisfaction group totals 18 [src: summaries of the decision]; the
 * split of the remaining 12 between the two complaint rates (6 + 6) is **not verified**. Points =
 * rate × maximum (linear): **not verified** (the decision may score bands); configurable.
 *
 * @example
 * DEFAULT_POINTS.onTime // → 20
 * decision766(records, { from, to, now, points: { onTime: 25 } }); // the other maxima as in DEFAULT_POINTS
 */
export const DEFAULT_POINTS: PointsConstraints = { onTime: 20, dossierSatisfaction: 6, complaintOnTime: 6, complaintSatisfaction: 6 };

/**
 * Supplement requests a dossier may have before Decision 766 counts it late [src-2, shared/DOMAIN.md].
 *
 * @example
 * lateBy766({ at: parseInstant('2026-03-02T16:00'), classification: 'on-time' }, parseInstant('2026-03-02T17:00'), MAX_SUPPLEMENT_REQUESTS + 1) // → true
 */
export const MAX_SUPPLEMENT_REQUESTS = 1;

/**
 * Complaint and petition deadlines in working days from filing: 2 to acknowledge or refuse, 5 to
 * ask for more information, 15 to answer. Per shared/DOMAIN.md [src-2]; **not verified** against
 * the text (a search of the published formulas did not find them): configurable.
 *
 * @example
 * DEFAULT_COMPLAINT_DEADLINES.answer // → 15
 * openComplaint({ id: 'PAKN-1', kind: 'petition', text: 'Open on Saturdays', at, deadlines: { answer: 10 } }, calendar); // other days for one deadline
 */
export const DEFAULT_COMPLAINT_DEADLINES = { acknowledge: 2, askInformation: 5, answer: 15 } as const;

/**
 * Where {@link DEFAULT_COMPLAINT_DEADLINES} come from, with how sure that is (uncertain).
 *
 * @example
 * COMPLAINT_DEADLINES_REF.confidence // → 'uncertain'
 */
export const COMPLAINT_DEADLINES_REF: LegalRef = {
  document: 'Decision 766/QĐ-TTg (23/6/2022)',
  article: 'Annex, satisfaction group (formula description)',
  confidence: 'uncertain',
  note: '2 / 5 / 15 working days as a secondary source cites them; not found in the sources searched.',
};
