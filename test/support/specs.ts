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
    receipt: { desk: 'desk', channels: ['in-person', 'online'], transferCutoff: '15:00', maxCompletionRequests: 1 },
    flow: [
      { kind: 'step', id: 'register', agency: 'justice', title: name('Register'), share: '1wd' },
      { kind: 'step', id: 'residence', agency: 'police', title: name('Residence'), share: '1wd' },
    ],
    limit: { duration: '3wd', mode: 'date', ref },
    ...overrides,
  };
}
