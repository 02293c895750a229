import type { LegalRef } from '../legal.ts';
import type { ClockPolicy, ProcedureSpec } from './spec.ts';
import { type Dated, inForceOn, versionInForce } from './in-force.ts';

/**
 * The one-stop regulations, as references: the documents the rule sets below cite. Procedures of
 * a period cite them too, so each document is written once.
 *
 * @example
 * ONE_STOP_REGULATIONS.decree118of2025.effectiveFrom // → '2025-07-01'
 */
export const ONE_STOP_REGULATIONS = {
  decision09of2015: {
    document: 'Decision 09/2015/QĐ-TTg on the one-stop and inter-agency one-stop mechanism',
    effectiveFrom: '2015-05-15',
    effectiveTo: '2018-06-20',
    confidence: 'mem',
    note: 'dates from memory (signed 25/3/2015, in force 15/5/2015); replaced by Decree 61/2018/NĐ-CP',
  },
  decree61of2018: {
    document: 'Decree 61/2018/NĐ-CP on the one-stop mechanism, as amended by Decree 107/2021/NĐ-CP',
    effectiveFrom: '2018-06-21',
    effectiveTo: '2025-06-30',
    confidence: 'src',
    note: 'signed 23/4/2018 (seen cited in provincial decisions, 2026-12 search); the first day in force (21/6/2018) is from memory [mem]; replaced by Decree 118/2025/NĐ-CP from 1/7/2025',
  },
  circular01of2018: {
    document: 'Circular 01/2018/TT-VPCP guiding Decree 61/2018/NĐ-CP',
    effectiveFrom: '2018-06-21',
    effectiveTo: '2025-06-30',
    confidence: 'src',
    note: 'six forms; the dossier code in Art. 19. Signed 23/11/2018 (seen cited in provincial decisions, 2026-12 search), so it cannot have applied before that day: the first day here is the decree’s, not verified [?] (the forms are dated from 6/1/2019 in src/forms/form-sets.ts)',
  },
  decree118of2025: {
    document: 'Decree 118/2025/NĐ-CP (9/6/2025) on the one-stop mechanism and the national public service portal, as amended by Decree 367/2025/NĐ-CP',
    effectiveFrom: '2025-07-01',
    confidence: 'src',
    note: 'Decree 118/2025 dated 9/6/2025 (as cited by Circular 03/2025/TT-VPCP); Decree 367/2025/NĐ-CP amending it seen issued 31/12/2025 (luatvietnam.vn, 2026-12 search), its first day in force not seen [?]',
  },
  circular03of2025: {
    document: 'Circular 03/2025/TT-VPCP (15/9/2025) guiding Decree 118/2025/NĐ-CP',
    effectiveFrom: '2025-09-15',
    confidence: 'src',
    note: 'seven forms (Annex I), among them the apology with a request to extend and the stop notice; it also sets the dossier code (mã số hồ sơ), whose form was not seen [?] (verified 2026-12: date, the seven forms)',
  },
} as const satisfies Record<string, LegalRef>;

/** A rule and the text that sets it. */
export interface CitedRule<T> {
  readonly value: T;
  readonly ref: LegalRef;
}

/**
 * The one-stop rules of one period: the transfer of paper dossiers, the completion request at
 * receipt, supplement requests during processing, the apology slip and the rating window. A case
 * takes the set in force on its day of receipt ({@link oneStopRulesOn}).
 */
export interface OneStopRuleSet extends Dated {
  /** The regulation of the period. */
  readonly regulation: LegalRef;
  /** Paper dossiers received at or after this local time go to the agency at the start of the next working day. */
  readonly transferCutoff: CitedRule<string>;
  /** When a late paper dossier must reach the agency: at the start of the next working day (its opening). */
  readonly lateTransfer: CitedRule<'start-of-next-working-day'>;
  /** How many times the desk may ask for missing papers at receipt; the request lists everything at once. */
  readonly completionRequests: CitedRule<number>;
  /** How many supplement requests are allowed during processing, and whether per dossier or per agency. */
  readonly supplements: CitedRule<{ readonly max: number; readonly per: 'dossier' | 'agency' }>;
  /** The apology slip: at least `noticeBefore` before the due date, at most `max` times. */
  readonly apology: CitedRule<{ readonly noticeBefore: string; readonly max: number }>;
  /** How long after the return the applicant may rate the service. */
  readonly ratingWindow: CitedRule<string>;
  /** Where a dossier may be handed in beyond the competent agency's desk, when the period allows it. */
  readonly receivingPoints?: CitedRule<'any-centre-in-province'>;
  /** The forms of the period (receipt slip, supplement request, refusal, apology, control slip…). */
  readonly forms?: LegalRef;
}

const D09 = ONE_STOP_REGULATIONS.decision09of2015;
const D61 = ONE_STOP_REGULATIONS.decree61of2018;
const D118 = ONE_STOP_REGULATIONS.decree118of2025;

/** No text found for a rating window in any period: a modelling assumption, said so. */
const RATING_ASSUMPTION: LegalRef = {
  document: 'modelling assumption (no legal basis found for a rating window)',
  documentVi: 'giả định của mô hình (không tìm thấy căn cứ pháp lý cho thời hạn đánh giá)',
  confidence: 'uncertain',
  note: 'the applicant may rate the service for 10 days after the return; the case closes then',
};

/**
 * Supplements once per dossier, whichever agency asks: the practice of the national portal, and
 * what the Decision 766/QĐ-TTg (23/6/2022) computation counts (a dossier with more than one
 * supplement request is late) [src-2]. The regulations' own text was not checked; as remembered
 * it reads "at most once per agency" [mem].
 */
const SUPPLEMENT_PRACTICE = 'once per dossier, whichever agency asks: the national portal practice, and the Decision 766/QĐ-TTg computation makes a dossier with more than one supplement request late [src-2]; the regulation’s text, not checked, reads once per agency as remembered [mem]';

/**
 * The one-stop rule sets, one per period, oldest first. Figures carried from one period to the
 * next are marked where only the earlier text was seen; articles not checked against the text
 * are left out rather than guessed.
 *
 * @example
 * ONE_STOP_RULE_SETS.map((s) => s.version) // → ['decision-09-2015', 'decree-61-2018', 'decree-118-2025']
 */
export const ONE_STOP_RULE_SETS: readonly OneStopRuleSet[] = [
  {
    id: 'one-stop-rules',
    version: 'decision-09-2015',
    effectiveFrom: D09.effectiveFrom,
    effectiveTo: D09.effectiveTo,
    regulation: D09,
    transferCutoff: { value: '15:00', ref: { ...D09, confidence: 'uncertain', note: 'the 15:00 cut-off as in Decree 61/2018; not checked in the 2015 text' } },
    lateTransfer: { value: 'start-of-next-working-day', ref: { ...D09, confidence: 'uncertain', note: 'as in Decree 61/2018; not checked in the 2015 text' } },
    completionRequests: { value: 1, ref: { ...D09, note: 'the desk guides the applicant to complete the dossier once, listing everything' } },
    supplements: { value: { max: 1, per: 'dossier' }, ref: { ...D09, confidence: 'uncertain', note: `${SUPPLEMENT_PRACTICE}; carried back to the 2015 text, which was not checked` } },
    apology: { value: { noticeBefore: '1wd', max: 1 }, ref: { ...D09, confidence: 'uncertain', note: 'an apology slip with a new date before the due date; the one working day of notice as in Decree 61/2018' } },
    ratingWindow: { value: '10d', ref: RATING_ASSUMPTION },
  },
  {
    id: 'one-stop-rules',
    version: 'decree-61-2018',
    effectiveFrom: D61.effectiveFrom,
    effectiveTo: D61.effectiveTo,
    regulation: D61,
    transferCutoff: { value: '15:00', ref: { ...D61, article: 'Art. 16', confidence: 'mem', note: 'paper dossiers received after 15:00 go to the agency the next working day' } },
    lateTransfer: { value: 'start-of-next-working-day', ref: { ...D61, article: 'Art. 16', confidence: 'mem', note: 'at the start of the next working day; online dossiers at once' } },
    completionRequests: { value: 1, ref: { ...D61, article: 'Art. 15', confidence: 'mem', note: 'one request listing everything missing' } },
    supplements: { value: { max: 1, per: 'dossier' }, ref: { ...D61, confidence: 'uncertain', note: SUPPLEMENT_PRACTICE } },
    apology: { value: { noticeBefore: '1wd', max: 1 }, ref: { ...D61, confidence: 'mem', note: 'the apology slip with a new return date no later than 1 day before the due date, once' } },
    ratingWindow: { value: '10d', ref: RATING_ASSUMPTION },
    forms: ONE_STOP_REGULATIONS.circular01of2018,
  },
  {
    id: 'one-stop-rules',
    version: 'decree-118-2025',
    effectiveFrom: D118.effectiveFrom,
    regulation: D118,
    transferCutoff: { value: '15:00', ref: { ...D118, confidence: 'mem', note: 'carried over from Decree 61/2018 Art. 16 as far as known; the article in Decree 118/2025 not checked' } },
    lateTransfer: { value: 'start-of-next-working-day', ref: { ...D118, confidence: 'mem', note: 'carried over from Decree 61/2018 as far as known' } },
    completionRequests: { value: 1, ref: { ...D118, confidence: 'mem', note: 'one request listing everything missing, carried over from Decree 61/2018' } },
    supplements: { value: { max: 1, per: 'dossier' }, ref: { ...D118, confidence: 'uncertain', note: `${SUPPLEMENT_PRACTICE}; carried over from Decree 61/2018, the article in Decree 118/2025 not checked` } },
    apology: {
      value: { noticeBefore: '1wd', max: 1 },
      ref: { ...D118, confidence: 'mem', note: 'the apology now also asks to extend the time (Circular 03/2025/TT-VPCP form 4); 1 day of notice and once carried over from Decree 61/2018' },
    },
    ratingWindow: { value: '10d', ref: RATING_ASSUMPTION },
    receivingPoints: { value: 'any-centre-in-province', ref: { ...D118, note: 'dossiers accepted regardless of administrative boundary within the province' } },
    forms: ONE_STOP_REGULATIONS.circular03of2025,
  },
];

/**
 * The one-stop rule set in force on a day of receipt (`YYYY-MM-DD`), chosen like a procedure
 * version ({@link versionInForce}).
 *
 * @throws ProcedureError `not-in-force` for a day before the first set (15/5/2015), naming the sets and their dates
 * @example
 * oneStopRulesOn('2026-03-02').version // → 'decree-118-2025'
 * oneStopRulesOn('2024-03-04').regulation.document // → 'Decree 61/2018/NĐ-CP on the one-stop mechanism, as amended by Decree 107/2021/NĐ-CP'
 */
export function oneStopRulesOn(date: string, path: readonly (string | number)[] = ['receivedAt']): OneStopRuleSet {
  return versionInForce(ONE_STOP_RULE_SETS, date, path);
}

/**
 * The rule set a case received on `date` (`YYYY-MM-DD`) is held to: the one in force
 * ({@link oneStopRulesOn}), or, before the first (15/5/2015), the first set's figures cited to
 * Decision 93/2007/QĐ-TTg, whose rules are not modelled. Never throws.
 *
 * @example
 * oneStopRulesFor('2014-06-02').version // → 'decision-93-2007'
 */
export function oneStopRulesFor(date: string): OneStopRuleSet {
  return ONE_STOP_RULE_SETS.some((s) => inForceOn(s, date)) ? oneStopRulesOn(date) : before(ONE_STOP_RULE_SETS[0]!);
}

/**
 * Whether a procedure's supplement limit counts per dossier or per agency for a case received on
 * `date` (`YYYY-MM-DD`): the procedure's own `clock.supplementsPer` when it sets one (a special
 * law), else the period's rule ({@link oneStopRulesFor}: once per dossier).
 *
 * @example
 * supplementsPerOn({ supplement: 'pause', maxSupplementsPerAgency: 1 }, '2026-03-02') // → 'dossier'
 * supplementsPerOn({ supplement: 'pause', maxSupplementsPerAgency: 1, supplementsPer: 'agency' }, '2026-03-02') // → 'agency'
 */
export function supplementsPerOn(clock: ClockPolicy, date: string): 'agency' | 'dossier' {
  return clock.supplementsPer ?? oneStopRulesFor(date).supplements.value.per;
}

/** The one-stop rules a case is held to, by name. */
export type OneStopRuleName = 'transfer-cutoff' | 'late-transfer' | 'completion-requests' | 'supplements' | 'apology' | 'rating-window' | 'same-day-cutoff' | 'receiving-points';

/** One rule the engine applies to a case: its value and the text it comes from. */
export interface AppliedRule {
  readonly rule: OneStopRuleName;
  readonly value: unknown;
  readonly ref: LegalRef;
  /** `rule-set`: the period's one-stop rules; `procedure`: the procedure's own value (a special law, or a modelling choice). */
  readonly source: 'rule-set' | 'procedure';
}

/** The same-day cut-off when a same-day limit names none (compile/env.ts applies the same). */
const SAME_DAY_DEFAULT = '15:00';

/**
 * Every one-stop rule the engine applies to a case of `spec` received on `date` (`YYYY-MM-DD`),
 * each with its reference: the period's rule set ({@link oneStopRulesOn}) where the procedure
 * keeps its value, else the procedure's own reference, or a note that it departs from the rule
 * set without one. `explain --json` lists them.
 *
 * @example
 * appliedOneStopRules(birthRegistration2025, '2026-03-02').map((r) => r.rule) // → ['completion-requests', 'supplements', 'apology', 'rating-window', 'same-day-cutoff', 'receiving-points']
 */
export function appliedOneStopRules(spec: ProcedureSpec, date: string): AppliedRule[] {
  const set = oneStopRulesFor(date);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const departure = (what: string): LegalRef => ({
    document: `${spec.id} ${spec.version}: the procedure's own ${what}`,
    documentVi: `${spec.id} ${spec.version}: giá trị riêng của thủ tục`,
    confidence: 'uncertain',
    note: `departs from ${set.regulation.document} and gives no reference for it`,
  });
  const rule = <T>(name: OneStopRuleName, value: T, cited: CitedRule<T>, own: LegalRef | undefined, what: string): AppliedRule =>
    same(value, cited.value) ? { rule: name, value, ref: cited.ref, source: 'rule-set' } : { rule: name, value, ref: own ?? departure(what), source: 'procedure' };
  const rules: AppliedRule[] = [];
  if (spec.receipt.handover === 'transfer') {
    rules.push(rule('transfer-cutoff', spec.receipt.transferCutoff, set.transferCutoff, spec.receipt.ref, 'transfer cut-off'));
    rules.push({ rule: 'late-transfer', value: set.lateTransfer.value, ref: set.lateTransfer.ref, source: 'rule-set' });
  }
  rules.push(rule('completion-requests', spec.receipt.maxCompletionRequests, set.completionRequests, spec.receipt.ref, 'number of completion requests'));
  rules.push(rule('supplements', { max: spec.clock.maxSupplementsPerAgency, per: supplementsPerOn(spec.clock, date) }, set.supplements, spec.clock.ref, 'supplement limit'));
  const { ref: apologyRef, ...apology } = spec.lateness.apology;
  rules.push(rule('apology', apology, set.apology, apologyRef, 'apology notice'));
  rules.push(rule('rating-window', spec.result.ratingWindow, set.ratingWindow, undefined, 'rating window'));
  if (spec.limit.mode === 'same-day') rules.push({ rule: 'same-day-cutoff', value: spec.limit.cutoff ?? SAME_DAY_DEFAULT, ref: spec.limit.ref, source: 'procedure' });
  const points = spec.receipt.receivingPoints;
  if (points !== undefined) {
    rules.push(set.receivingPoints !== undefined && set.receivingPoints.value === points.scope ? { rule: 'receiving-points', value: points.scope, ref: points.ref, source: 'rule-set' } : { rule: 'receiving-points', value: points.scope, ref: { ...points.ref, note: `${points.ref.note ?? ''}; not a rule of ${set.regulation.document}`.replace(/^; /, '') }, source: 'procedure' });
  }
  return rules;
}

/**
 * Before the first rule set (15/5/2015) Decision 93/2007/QĐ-TTg was the one-stop regulation; its
 * rules are not modelled, so the figures of the first set are used and every reference says so.
 */
function before(first: OneStopRuleSet): OneStopRuleSet {
  const regulation: LegalRef = {
    document: 'Decision 93/2007/QĐ-TTg (22/6/2007) on the one-stop mechanism',
    effectiveTo: '2015-05-14',
    confidence: 'uncertain',
    note: 'its rules are not modelled: the figures of Decision 09/2015/QĐ-TTg are used instead',
  };
  const cite = <T>(r: CitedRule<T>): CitedRule<T> => ({ value: r.value, ref: regulation });
  return {
    ...first,
    version: 'decision-93-2007',
    effectiveFrom: '2007-01-01',
    regulation,
    transferCutoff: cite(first.transferCutoff),
    lateTransfer: cite(first.lateTransfer),
    completionRequests: cite(first.completionRequests),
    supplements: cite(first.supplements),
    apology: cite(first.apology),
  };
}
