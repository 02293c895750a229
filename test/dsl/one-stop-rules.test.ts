import { describe, expect, it } from 'vitest';
import { birthRegistration2025 } from '../../procedures/birth-registration-2025.ts';
import { constructionPermitHouse2025 } from '../../procedures/construction-permit-house-2025.ts';
import { enterpriseRegistration } from '../../procedures/enterprise-registration.ts';
import { formatInstant, parseInstant } from '../../src/calendar/instant.ts';
import { startCase, applyEvent } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { ONE_STOP_RULE_SETS, appliedOneStopRules, oneStopRulesOn, supplementsPerOn } from '../../src/dsl/one-stop-rules.ts';
import { inForceOn } from '../../src/dsl/in-force.ts';
import { validateProcedure } from '../../src/dsl/validate.ts';
import { ProcedureError } from '../../src/errors.ts';

describe('the one-stop rules, one set per period', () => {
  it('follow each other without a gap or an overlap: Decision 09/2015, Decree 61/2018, Decree 118/2025', () => {
    expect(ONE_STOP_RULE_SETS.map((s) => [s.version, s.effectiveFrom, s.effectiveTo])).toEqual([
      ['decision-09-2015', '2015-05-15', '2018-06-20'],
      ['decree-61-2018', '2018-06-21', '2025-06-30'],
      ['decree-118-2025', '2025-07-01', undefined],
    ]);
    for (const day of ['2016-03-01', '2018-06-20', '2018-06-21', '2025-06-30', '2025-07-01', '2026-03-02']) {
      expect(ONE_STOP_RULE_SETS.filter((s) => inForceOn(s, day)), day).toHaveLength(1);
    }
  });

  it('are chosen by the day of receipt: the seed’s 2016, 2024 and 2026', () => {
    expect(oneStopRulesOn('2016-06-01').regulation.document).toBe('Decision 09/2015/QĐ-TTg on the one-stop and inter-agency one-stop mechanism');
    expect(oneStopRulesOn('2024-03-04').regulation.document).toBe('Decree 61/2018/NĐ-CP on the one-stop mechanism, as amended by Decree 107/2021/NĐ-CP');
    expect(oneStopRulesOn('2026-03-02').regulation.document).toBe('Decree 118/2025/NĐ-CP (9/6/2025) on the one-stop mechanism and the national public service portal, as amended by Decree 367/2025/NĐ-CP');
    expect(oneStopRulesOn('2026-03-02').forms?.document).toBe('Circular 03/2025/TT-VPCP (15/9/2025) guiding Decree 118/2025/NĐ-CP');
    expect(oneStopRulesOn('2024-03-04').forms?.document).toBe('Circular 01/2018/TT-VPCP guiding Decree 61/2018/NĐ-CP');
  });

  it('count supplement requests per dossier in every period, citing the practice and the Decision 766 computation, marked unchecked in the text', () => {
    for (const set of ONE_STOP_RULE_SETS) {
      expect(set.supplements.value, set.version).toEqual({ max: 1, per: 'dossier' });
      expect(set.supplements.ref.confidence, set.version).toBe('uncertain');
      expect(set.supplements.ref.note, set.version).toContain('Decision 766/QĐ-TTg');
    }
    expect(supplementsPerOn({ supplement: 'pause', maxSupplementsPerAgency: 1 }, '2016-06-01')).toBe('dossier');
    expect(supplementsPerOn({ supplement: 'pause', maxSupplementsPerAgency: 1 }, '2014-06-02')).toBe('dossier');
    expect(supplementsPerOn({ supplement: 'pause', maxSupplementsPerAgency: 1, supplementsPer: 'agency' }, '2026-03-02')).toBe('agency');
  });

  it('refuse a day before the first set, naming the sets and their dates', () => {
    expect(() => oneStopRulesOn('2014-01-02')).toThrow(ProcedureError);
    expect(() => oneStopRulesOn('2014-01-02')).toThrow(
      'no version of one-stop-rules is in force on 2014-01-02 (versions: decision-09-2015 from 2015-05-15 to 2018-06-20, decree-61-2018 from 2018-06-21 to 2025-06-30, decree-118-2025 from 2025-07-01).',
    );
  });

  it('cite a document for every rule, and say so where a figure is an assumption', () => {
    for (const set of ONE_STOP_RULE_SETS) {
      for (const rule of [set.transferCutoff, set.lateTransfer, set.completionRequests, set.supplements, set.apology, set.ratingWindow]) {
        expect(rule.ref.document.length, set.version).toBeGreaterThan(0);
      }
      expect(set.ratingWindow.ref).toMatchObject({ document: 'modelling assumption (no legal basis found for a rating window)', confidence: 'uncertain' });
    }
    expect(oneStopRulesOn('2024-03-04').transferCutoff).toMatchObject({ value: '15:00', ref: { article: 'Art. 16', confidence: 'mem' } });
    expect(oneStopRulesOn('2026-03-02').receivingPoints?.value).toBe('any-centre-in-province');
    expect(oneStopRulesOn('2024-03-04').receivingPoints).toBeUndefined();
  });
});

describe('the rules a case is held to', () => {
  it('are the rule set’s for a construction permit of 2026, the transfer at the start of the next working day included', () => {
    const rules = appliedOneStopRules(constructionPermitHouse2025, '2026-03-02');
    expect(rules.map((r) => [r.rule, r.value, r.source])).toEqual([
      ['transfer-cutoff', '15:00', 'rule-set'],
      ['late-transfer', 'start-of-next-working-day', 'rule-set'],
      ['completion-requests', 1, 'rule-set'],
      // Once per dossier, whichever agency asks (practice and the Decision 766 computation), the period's default.
      ['supplements', { max: 1, per: 'dossier' }, 'rule-set'],
      ['apology', { noticeBefore: '1wd', max: 1 }, 'rule-set'],
      ['rating-window', '10d', 'rule-set'],
      ['receiving-points', 'any-centre-in-province', 'rule-set'],
    ]);
    for (const r of rules.filter((r) => r.rule !== 'rating-window')) expect(r.ref.document, r.rule).toMatch(/^Decree 118\/2025\/NĐ-CP/);
  });

  it('cite the procedure itself where it departs from the period’s rules: the same-day apology, a modelling choice', () => {
    const rules = appliedOneStopRules(birthRegistration2025, '2026-03-02');
    expect(rules.find((r) => r.rule === 'apology')).toEqual({ rule: 'apology', value: { noticeBefore: '1wh', max: 1 }, ref: { document: 'modelling choice for same-day limits', documentVi: 'lựa chọn của mô hình cho thời hạn trong ngày', confidence: 'uncertain' }, source: 'procedure' });
    expect(rules.find((r) => r.rule === 'same-day-cutoff')?.ref.article).toBe('Art. 16');
    expect(rules.map((r) => r.rule)).not.toContain('transfer-cutoff');
  });

  it('cite Decree 61/2018 for an enterprise registered in 2024', () => {
    const rules = appliedOneStopRules(enterpriseRegistration, '2024-03-04');
    expect(rules.find((r) => r.rule === 'late-transfer')?.ref).toMatchObject({ document: 'Decree 61/2018/NĐ-CP on the one-stop mechanism, as amended by Decree 107/2021/NĐ-CP', article: 'Art. 16' });
  });

  it('say that a departure without a reference has none', () => {
    const late = validateProcedure({ ...enterpriseRegistration, receipt: { ...enterpriseRegistration.receipt, transferCutoff: '16:00' } });
    expect(appliedOneStopRules(late, '2024-03-04')[0]).toEqual({
      rule: 'transfer-cutoff',
      value: '16:00',
      ref: { document: "enterprise-registration 2021.1: the procedure's own transfer cut-off", documentVi: 'enterprise-registration 2021.1: giá trị riêng của thủ tục', confidence: 'uncertain', note: 'departs from Decree 61/2018/NĐ-CP on the one-stop mechanism, as amended by Decree 107/2021/NĐ-CP and gives no reference for it' },
      source: 'procedure',
    });
  });
});

describe('the transfer of a paper dossier', () => {
  const transferDue = (spec: Parameters<typeof compileProcedure>[0], at: string) => {
    const proc = compileProcedure(spec);
    const { snapshot } = startCase(proc, { receivedAt: parseInstant(at), channel: 'in-person' });
    const accepted = applyEvent(proc, snapshot, { type: 'ACCEPT', at: parseInstant(at), by: { kind: 'agency', agency: 'desk' } });
    if (!accepted.ok) throw new Error(accepted.error.message);
    return formatInstant(accepted.snapshot.context.transferDue!);
  };

  it('received at 15:30 on Monday 4 March 2024 is due at the start of Tuesday, 08:00, not later in the morning', () => {
    expect(transferDue(enterpriseRegistration, '2024-03-04T15:30')).toBe('2024-03-05T08:00+07:00');
    expect(transferDue(enterpriseRegistration, '2024-03-04T14:30')).toBe('2024-03-04T17:00+07:00');
  });

  it('follows the procedure’s own cut-off when it has one: at 16:00, a dossier of 15:30 goes the same day', () => {
    const late = validateProcedure({ ...enterpriseRegistration, receipt: { ...enterpriseRegistration.receipt, transferCutoff: '16:00' } });
    expect(transferDue(late, '2024-03-04T15:30')).toBe('2024-03-04T17:00+07:00');
  });
});
