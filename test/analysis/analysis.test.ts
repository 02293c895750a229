import { describe, expect, it } from 'vitest';
import { analyseGraph } from '../../src/analysis/graph.ts';
import { checkBudget, describePath } from '../../src/analysis/budget.ts';
import { checkProperties } from '../../src/analysis/properties.ts';
import { checkProcedure } from '../../src/analysis/check.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';
import { constructionPermitHouse2025 } from '../../procedures/construction-permit-house-2025.ts';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { tinySpec } from '../support/specs.ts';

const name = (en: string) => ({ vi: en, en });

describe('statutory budget', () => {
  it('reports the worst path of the land procedure: the desk transfer and the longest parallel branch count', () => {
    const report = checkBudget(landUseRightFirst);
    expect(report.ok).toBe(true);
    expect(report.paths).toHaveLength(2);
    expect(describePath(report.worst, report.unit)).toBe(
      'transfer (desk) 0.5wd → verify-origin (commune) 5wd → check-dossier (landOffice) 7wd → tax-notice (tax) 3wd → sign-certificate (issuer) 3wd = 18.5 wd of 20 wd [remoteCommune=otherwise]',
    );
  });

  it('names the path and the steps when the shares exceed the limit', () => {
    const over = tinySpec({
      flow: [
        { kind: 'step', id: 'register', agency: 'justice', title: name('Register'), share: '2wd' },
        { kind: 'step', id: 'residence', agency: 'police', title: name('Residence'), share: '1wd' },
      ],
    });
    const report = checkProcedure(over, { seed: 1, numRuns: 20 });
    expect(report.ok).toBe(false);
    expect(report.status).toBe('fail');
    expect(report.problems[0]).toEqual({
      check: 'budget',
      code: 'budget',
      message: 'the shares exceed the statutory limit (3 working days) on this path: transfer (desk) 0.5wd → register (justice) 2wd → residence (police) 1wd = 3.5 wd of 3 wd',
      text: {
        en: 'the shares exceed the statutory limit (3 working days) on this path: transfer (desk) 0.5wd → register (justice) 2wd → residence (police) 1wd = 3.5 wd of 3 wd',
        vi: 'tổng thời gian các bước vượt thời hạn giải quyết (3 ngày làm việc) trên đường này: transfer (desk) 0.5wd → register (justice) 2wd → residence (police) 1wd = 3,5 ngày LV trên 3 ngày LV',
      },
    });
  });
});

describe('graph analysis with xstate/graph', () => {
  it('reaches every state and every outcome of the land procedure, with no dead end', () => {
    const report = analyseGraph(compileProcedure(landUseRightFirst));
    expect(report.unreachable).toEqual([]);
    expect(report.deadEnds).toEqual([]);
    expect(report.outcomes).toEqual(['returned', 'refused', 'refused-at-receipt', 'withdrawn']);
    expect(report.truncated).toBe(false);
    expect(report.variants).toBe(4);
  });

  it('finds a branch with no way out, which only withdrawal ends (the validator also refuses it)', () => {
    const broken: ProcedureSpec = tinySpec({
      dossier: { remote: { type: 'boolean', label: name('Remote') } },
      flow: [
        { kind: 'branch', id: 'remote-check', field: 'remote', cases: [{ when: true, flow: [{ kind: 'step', id: 'survey', agency: 'police', title: name('Survey'), share: '1wd' }] }] },
        { kind: 'step', id: 'register', agency: 'justice', title: name('Register'), share: '1wd' },
      ],
    });
    const report = analyseGraph(compileProcedure(broken));
    expect(report.deadEnds.map((d) => [d.state, d.variant, d.path.join(' → ')])).toEqual([
      ['{"active":{"processing":{"remote-check":"decide"}}}', 'in-person, remote=false', 'ACCEPT → TRANSFER'],
    ]);
  });
});

describe('calendar-day limits and long holidays', () => {
  it('report, as a risk and not a failure, that a construction permit requested before Tết 2026 can be late although everyone meets their share', () => {
    // The commune version in force in 2026 (the district one ended on 30 June 2025).
    const report = checkProcedure(constructionPermitHouse2025, { seed: 23, numRuns: 20 });
    expect(report.ok).toBe(true);
    expect(report.status).toBe('warn');
    expect(report.properties[0]?.status).toBe('warning');
    const risk = report.warnings.find((w) => w.code === 'holiday-risk')?.message;
    expect(risk).toMatch(/^holiday risk: the limit is in calendar days, so around long holidays a dossier can be late even when every agency meets its share\. Example: seed 23, path "[\d:]+": the dossier was late although every party met its share\.\n {2}events:\n {4}received 2026-02-0/);
    // The same counterexample in Vietnamese: the trace says what each party did, in Vietnamese.
    const vi = report.warnings.find((w) => w.code === 'holiday-risk')?.text.vi ?? '';
    expect(vi).toMatch(/^rủi ro ngày nghỉ: thời hạn tính theo ngày, .* Ví dụ: hạt giống 23, đường "[\d:]+": hồ sơ trễ hạn dù mọi bên đều làm đúng thời gian của mình\.\n {2}các sự kiện:\n {4}tiếp nhận 2026-02-03T08:00\+07:00 qua kênh trực tiếp\n {4}2026-02-03T08:00\+07:00 Tiếp nhận — desk\n {4}2026-02-03T17:00\+07:00 Chuyển xử lý — desk\n/);
    expect(vi).not.toMatch(/\b(?:ACCEPT|TRANSFER|COMPLETE|TIMER|received|events|by)\b/);
  });
});

describe('property checks', () => {
  it('find that shares filling the whole limit still fit when the desk transfers at the start of the next working day (Decree 61/2018 Art. 16)', () => {
    const full = tinySpec({
      flow: [
        { kind: 'step', id: 'register', agency: 'justice', title: name('Register'), share: '1.5wd' },
        { kind: 'step', id: 'residence', agency: 'police', title: name('Residence'), share: '1.5wd' },
      ],
    });
    const [late] = checkProperties(compileProcedure(full), { seed: 7, numRuns: 200 });
    expect(late?.status).toBe('passed');
  });

  it('run on a version that starts after 2030, on days of its own validity (seed 891467576 found the empty range)', () => {
    const results = checkProperties(compileProcedure(tinySpec({ effectiveFrom: '2031-06-02' })), { seed: 3, numRuns: 5 });
    expect(results.map((r) => [r.key, r.status, r.runs])).toEqual([
      ['never-late', 'passed', 5],
      ['pause-moves-due', 'passed', 5],
      ['restart-not-earlier', 'not-applicable', 0],
    ]);
  });

  it('pass on the land procedure for a fixed seed, and say which do not apply', () => {
    const results = checkProperties(compileProcedure(landUseRightFirst), { seed: 42, numRuns: 30 });
    expect(results.map((r) => [r.name, r.status, r.runs])).toEqual([
      ['never late when every agency meets its share', 'passed', 30],
      ['a pause moves the due date by the paused working time', 'passed', 30],
      ['a restart never gives an earlier due date', 'not-applicable', 0],
    ]);
  });
});
