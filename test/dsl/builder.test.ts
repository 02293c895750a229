import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { procedure } from '../../src/dsl/builder.ts';
import { deriveVariant } from '../../src/dsl/variant.ts';
import { ProcedureError } from '../../src/errors.ts';
import { Driver, agency, desk } from '../support/drive.ts';

const name = (en: string) => ({ vi: en, en });
const ref = { document: 'Test', confidence: 'mem' } as const;

const base = () =>
  procedure({
    id: 'household-business',
    version: '2021.1',
    effectiveFrom: '2021-03-04',
    title: { vi: 'Đăng ký hộ kinh doanh', en: 'Household business registration' },
    level: 'district',
    legal: [{ document: 'Decree 01/2021/NĐ-CP', confidence: 'mem' }],
    agencies: {
      desk: { name: name('District one-stop desk'), level: 'district', desk: true },
      finance: { name: name('Finance-planning division'), level: 'district' },
      tax: { name: name('Tax authority'), level: 'district' },
    },
    dossier: { kind: { type: 'enum', values: ['new', 'change'], label: name('Kind') } },
  });

describe('the builder', () => {
  it('yields a validated plain-data spec with the defaults filled in', () => {
    const spec = base()
      .receipt({ desk: 'desk', channels: ['in-person', 'online'] })
      .flow(({ step }) => [step('register', { agency: 'finance', title: name('Register'), share: '2wd' }), step('tax-code', { agency: 'tax', title: name('Tax code'), share: '1wd' })])
      .limit({ duration: '3wd', mode: 'date', ref })
      .build();
    expect(spec.receipt).toEqual({ desk: 'desk', channels: ['in-person', 'online'], handover: 'transfer', transferCutoff: '15:00', maxCompletionRequests: 1 });
    expect(spec.clock).toEqual({ supplement: 'pause', maxSupplementsPerAgency: 1 });
    expect(spec.flow.map((n) => n.id)).toEqual(['register', 'tax-code']);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    const c = new Driver(compileProcedure(spec), { receivedAt: '2025-03-03T09:00', channel: 'online', dossier: { kind: 'new' } })
      .send('ACCEPT', '2025-03-03T09:05', desk)
      .send('COMPLETE', '2025-03-04T09:00', agency('finance'), { step: 'register' })
      .send('COMPLETE', '2025-03-04T10:00', agency('tax'), { step: 'tax-code' });
    expect(c.status).toBe(9);
  });

  it('a missing part is a ProcedureError naming the path', () => {
    const build = () => base().flow(({ step }) => [step('register', { agency: 'finance', title: name('Register'), share: '2wd' })]).limit({ duration: '3wd', mode: 'date', ref }).build();
    expect(build).toThrow(ProcedureError);
    try {
      build();
    } catch (e) {
      expect((e as ProcedureError).path).toEqual(['receipt']);
    }
  });

  it('derives a reform variant with shorter shares and a step removed, checked against the base step ids', () => {
    const before = base()
      .receipt({ desk: 'desk', channels: ['in-person'] })
      .flow(({ step, parallel }) => [
        step('register', { agency: 'finance', title: name('Register'), share: '2wd' }),
        parallel('notify', [[step('tax-code', { agency: 'tax', title: name('Tax code'), share: '1wd' })], [step('archive', { agency: 'finance', title: name('Archive'), share: '1wd' })]]),
      ])
      .limit({ duration: '3wd', mode: 'date', ref })
      .build();
    const after = deriveVariant(before, { version: '2025.1', effectiveFrom: '2025-07-01', shares: { register: '1wd' }, remove: ['archive'], channels: ['in-person', 'online'] });
    expect(after.flow).toEqual([
      { kind: 'step', id: 'register', agency: 'finance', title: name('Register'), share: '1wd' },
      { kind: 'step', id: 'tax-code', agency: 'tax', title: name('Tax code'), share: '1wd' },
    ]);
    expect(after.receipt.channels).toEqual(['in-person', 'online']);
    expect(before.flow[0]).toMatchObject({ share: '2wd' });
    // @ts-expect-error: "registr" is not a step of the base procedure
    expect(() => deriveVariant(before, { version: '2', effectiveFrom: '2025-07-01', shares: { registr: '1wd' } })).not.toThrow();
  });
});

/** Never called: these lines must fail to compile, which `tsc --noEmit` (in npm test) checks. */
export function typeTests(): void {
  const b = base().receipt({ desk: 'desk', channels: ['in-person'] });
  // @ts-expect-error: the desk must be a declared agency
  base().receipt({ desk: 'front-office', channels: ['in-person'] });
  // @ts-expect-error: "police" is not a declared agency
  b.flow(({ step }) => [step('x', { agency: 'police', title: name('X'), share: '1wd' })]);
  // @ts-expect-error: "3xd" is not a duration
  b.flow(({ step }) => [step('x', { agency: 'tax', title: name('X'), share: '3xd' })]);
  // @ts-expect-error: branches test declared dossier fields only
  b.flow(({ branch }) => [branch('b', { field: 'remote', cases: [] })]);
  // @ts-expect-error: an enum field's cases use its values
  b.flow(({ branch }) => [branch('b', { field: 'kind', cases: [{ when: 'renew', flow: [] }] })]);
  // @ts-expect-error: consulted agencies must be declared
  b.flow(({ consult }) => [consult('c', { title: name('C'), lead: 'finance', consulted: ['army'], answerWithin: '5d', deemedConsent: true })]);
  // @ts-expect-error: the party of an excluded interval is an agency or the applicant
  b.flow(({ excluded }) => [excluded('e', { title: name('E'), reason: 'payment', party: 'bank' })]);
  const built = b.flow(({ step }) => [step('register', { agency: 'finance', title: name('R'), share: '1wd' })]).limit({ duration: '1wd', mode: 'date', ref }).build();
  // @ts-expect-error: variants may only remove steps the procedure has
  deriveVariant(built, { version: '2', effectiveFrom: '2025-07-01', remove: ['archive'] });
  deriveVariant(built, { version: '2', effectiveFrom: '2025-07-01', remove: ['register'] });
}
