import type { ProcedureSpec } from '../../src/dsl/spec.ts';

const ref = { document: 'Test procedure', confidence: 'mem' } as const;
const name = (en: string) => ({ vi: en, en });

/** Defaults every spec gets from the validator, spelled out for tests that build specs by hand. */
export const DEFAULTS = {
  legal: [ref],
  dossier: {},
  clock: { supplement: 'pause', maxSupplementsPerAgency: 1 },
  lateness: { apology: { noticeBefore: '1wd', max: 1 }, early: 'before-due-date', apologyCountsAsLate: true },
  result: { ratingWindow: '10d' },
} as const;

/** A tiny procedure: desk → justice (1wd) → police (1wd), limit 3 wd in the date mode. */
export function tinySpec(overrides: Partial<ProcedureSpec> = {}): ProcedureSpec {
  return {
    id: 'tiny',
    version: '1',
    effectiveFrom: '2024-01-01',
    title: name('Tiny'),
    level: 'commune',
    ...DEFAULTS,
    agencies: {
      desk: { name: name('One-stop desk'), level: 'commune', desk: true },
      justice: { name: name('Justice officer'), level: 'commune' },
      police: { name: name('Commune police'), level: 'commune' },
    },
    receipt: { desk: 'desk', channels: ['in-person', 'online'], handover: 'transfer', transferCutoff: '15:00', maxCompletionRequests: 1 },
    flow: [
      { kind: 'step', id: 'register', agency: 'justice', title: name('Register'), share: '1wd' },
      { kind: 'step', id: 'residence', agency: 'police', title: name('Residence'), share: '1wd' },
    ],
    limit: { duration: '3wd', mode: 'date', ref },
    ...overrides,
  };
}

/**
 * Every construct at once: a branch with an extension, a parallel fan-out, a consultation with
 * deemed consent, a payment excluded from the limit; supplement policy as given.
 */
export function kitchenSinkSpec(supplement: 'pause' | 'restart' = 'pause'): ProcedureSpec {
  return tinySpec({
    id: 'kitchen-sink',
    agencies: {
      desk: { name: name('Desk'), level: 'district', desk: true },
      commune: { name: name('Commune'), level: 'commune' },
      land: { name: name('Land office'), level: 'district' },
      tax: { name: name('Tax'), level: 'district' },
      fire: { name: name('Fire police'), level: 'province' },
    },
    dossier: { remote: { type: 'boolean', label: name('Remote') } },
    flow: [
      {
        kind: 'branch',
        id: 'remote-check',
        field: 'remote',
        cases: [{ when: true, extendLimit: '10wd', flow: [{ kind: 'step', id: 'survey', agency: 'commune', title: name('Survey'), share: '5wd' }] }],
        otherwise: { flow: [] },
      },
      { kind: 'step', id: 'verify', agency: 'commune', title: name('Verify'), share: '3wd' },
      { kind: 'consult', id: 'opinions', title: name('Opinions'), lead: 'land', consulted: ['fire'], answerWithin: '3wd', deemedConsent: true },
      {
        kind: 'parallel',
        id: 'split',
        branches: [
          [{ kind: 'step', id: 'tax-notice', agency: 'tax', title: name('Tax notice'), share: '3wd' }],
          [{ kind: 'step', id: 'draft', agency: 'land', title: name('Draft'), share: '2wd' }],
        ],
      },
      { kind: 'excluded', id: 'pay', title: name('Pay'), reason: 'payment', party: 'applicant' },
      { kind: 'step', id: 'sign', agency: 'land', title: name('Sign'), share: '2wd' },
    ],
    limit: { duration: '15wd', mode: 'date', ref },
    clock: { supplement, maxSupplementsPerAgency: 1 },
  });
}

/** `n` parallel branches of two 1wd steps, each branch at its own agency: every interleaving is 7^n states. */
export function wideParallelSpec(n: number): ProcedureSpec {
  const agencies: Record<string, ProcedureSpec['agencies'][string]> = { desk: { name: name('Desk'), level: 'commune', desk: true } };
  const branches = Array.from({ length: n }, (_, i) => {
    agencies[`a${i + 1}`] = { name: name(`Agency ${i + 1}`), level: 'commune' };
    return [1, 2].map((k) => ({ kind: 'step' as const, id: `s${i + 1}-${k}`, agency: `a${i + 1}`, title: name(`Step ${i + 1}.${k}`), share: '1wd' }));
  });
  return tinySpec({ id: `wide-${n}`, agencies, flow: [{ kind: 'parallel', id: 'fan', branches }], limit: { duration: '5wd', mode: 'date', ref } });
}
