import { describe, expect, it } from 'vitest';
import { householdBusiness2021 } from '../../procedures/household-business-2021.ts';
import { householdBusiness2025 } from '../../procedures/household-business-2025.ts';
import { judicialRecord } from '../../procedures/judicial-record.ts';
import { judicialRecord2025 } from '../../procedures/judicial-record-2025.ts';
import type { FlowNode } from '../../src/dsl/spec.ts';
import { listProblems } from '../../src/dsl/validate.ts';

describe('an agency with a successor', () => {
  it('is valid in a version that ends the day before the successor takes over', () => {
    expect(householdBusiness2021.agencies['division']?.succeededBy?.from).toBe('2025-07-01');
    expect(listProblems(householdBusiness2021)).toEqual([]);
  });

  it('is refused in a version that runs past the day its successor takes over, with the fix', () => {
    const { effectiveTo: _end, ...open } = householdBusiness2021;
    const problems = listProblems(open);
    expect(problems.map((p) => [p.code, p.path.join('.'), p.message])).toEqual([
      ['bad-date', 'effectiveTo', 'agency "desk" is succeeded from 2025-07-01, but this version is open-ended. End the version the day before (effectiveTo) and add a version with the successor.'],
      ['bad-date', 'effectiveTo', 'agency "division" is succeeded from 2025-07-01, but this version is open-ended. End the version the day before (effectiveTo) and add a version with the successor.'],
    ]);
  });

  it('is refused in a version that starts on or after the successor took over, and the date must be a date', () => {
    const late = { ...householdBusiness2021, effectiveFrom: '2025-07-01', effectiveTo: '2025-12-31' };
    expect(listProblems(late).map((p) => p.message)[0]).toBe('agency "desk" is succeeded from 2025-07-01, on or before this version\'s first day 2025-07-01: it is never competent under this version. Name the successor as the agency instead.');
    const bad = { ...householdBusiness2021, agencies: { ...householdBusiness2021.agencies, division: { ...householdBusiness2021.agencies['division']!, succeededBy: { ...householdBusiness2021.agencies['division']!.succeededBy!, from: '2025-02-30' } } } };
    expect(listProblems(bad).map((p) => [p.code, p.path.join('.')])[0]).toEqual(['bad-date', 'agencies.division.succeededBy.from']);
  });

  it('is carried into the next version by deriveVariant without its succeededBy, the successor in its place', () => {
    expect(householdBusiness2025.agencies['division']).toEqual({ name: { vi: 'Phòng Kinh tế UBND xã', en: 'Commune Economic Division' }, level: 'commune' });
    expect(listProblems(householdBusiness2025)).toEqual([]);
  });
});

describe('a competence moved to an agency already in the procedure', () => {
  it('is derived from the earlier version: judicial records 2025 move the steps of the Department of Justice to the police, drop the Department and the separate lookup, and keep the dossier field and the branch', () => {
    expect(Object.keys(judicialRecord2025.agencies)).toEqual(['desk', 'police']);
    const steps: string[] = [];
    const walk = (flow: readonly FlowNode[]) => flow.forEach((n) => (n.kind === 'step' ? steps.push(`${n.id}@${n.agency} ${n.share}`) : n.kind === 'branch' ? n.cases.forEach((c) => walk(c.flow)) : undefined));
    walk(judicialRecord2025.flow);
    expect(steps).toEqual(['verify-further@police 3wd', 'check@police 3wd', 'issue@police 1wd']);
    expect(judicialRecord2025.dossier).toEqual(judicialRecord.dossier);
    expect([judicialRecord2025.effectiveFrom, judicialRecord2025.effectiveTo, judicialRecord.effectiveTo]).toEqual(['2025-03-01', undefined, '2025-02-28']);
    expect(listProblems(judicialRecord2025)).toEqual([]);
  });
});
