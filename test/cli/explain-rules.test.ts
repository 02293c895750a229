import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../procedures/index.ts';
import type { AppliedRule } from '../../src/dsl/one-stop-rules.ts';
import { runCli } from '../support/cli.ts';

const ids = [...new Set(CATALOGUE.map((p) => p.id))];
const dossierOf = (id: string) => JSON.stringify(Object.fromEntries(Object.keys(CATALOGUE.find((p) => p.id === id)!.dossier).map((f) => [f, false])));
const rulesOf = async (id: string, received: string) => {
  const { code, out } = await runCli(['explain', id, '--received', received, '--dossier', dossierOf(id), '--json']);
  expect(code).toBe(0);
  return (JSON.parse(out) as { rules: AppliedRule[] }).rules;
};

describe('explain --json names the one-stop rules the engine applies, each with its reference', () => {
  it.each(ids)('%s on 2 March 2026 and on 4 March 2024: every rule cites a document, the period’s where the procedure keeps its value', async (id) => {
    for (const [received, regulation] of [
      ['2026-03-02T09:00', /^Decree 118\/2025\/NĐ-CP/],
      ['2024-03-04T09:00', /^Decree 61\/2018\/NĐ-CP/],
    ] as const) {
      const spec = CATALOGUE.find((p) => p.id === id && p.effectiveFrom <= received.slice(0, 10) && (p.effectiveTo ?? '9999') >= received.slice(0, 10));
      if (spec === undefined) continue; // not in force that day (the linked services and land before mid-2024)
      const rules = await rulesOf(id, received);
      const names = rules.map((r) => r.rule);
      expect(names).toEqual(expect.arrayContaining(['completion-requests', 'supplements', 'apology', 'rating-window']));
      expect(names.includes('late-transfer')).toBe(spec.receipt.handover === 'transfer');
      for (const r of rules) {
        expect(r.ref.document.length, `${id} ${received} ${r.rule}`).toBeGreaterThan(5);
        if (r.source === 'rule-set' && r.rule !== 'rating-window') expect(r.ref.document, `${id} ${received} ${r.rule}`).toMatch(regulation);
      }
    }
  });

  it('names the rating window an assumption', async () => {
    const rating = (await rulesOf('passport', '2026-03-02T09:00')).find((r) => r.rule === 'rating-window')!;
    expect(rating).toEqual({
      rule: 'rating-window',
      value: '10d',
      ref: { document: 'modelling assumption (no legal basis found for a rating window)', documentVi: 'giả định của mô hình (không tìm thấy căn cứ pháp lý cho thời hạn đánh giá)', confidence: 'uncertain', note: 'the applicant may rate the service for 10 days after the return; the case closes then' },
      source: 'rule-set',
    });
  });
});
