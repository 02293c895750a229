import { describe, expect, it } from 'vitest';
import { possibleEventTypes } from '../../src/compile/case.ts';
import { actionsFor, type WebPrincipal } from '../../src/web/model.ts';
import { Driver, agency, applicant, desk } from '../support/drive.ts';
import { tinySpec } from '../support/specs.ts';

const justice: WebPrincipal = { kind: 'agency', name: 'justice-1', agency: 'justice' };
const police: WebPrincipal = { kind: 'agency', name: 'police-1', agency: 'police' };
const types = (c: Driver, who: WebPrincipal) => actionsFor(c.proc.spec, c.ctx, possibleEventTypes(c.proc, c.snapshot), who).map((a) => a.type);

/** A tiny case at the police's step, after the justice officer asked for (and got) papers once. */
function afterOneSupplement(supplementsPer?: 'agency' | 'dossier') {
  const base = tinySpec();
  const spec = supplementsPer === undefined ? base : { ...base, clock: { ...base.clock, supplementsPer } };
  const c = new Driver(spec, { receivedAt: '2025-03-03T09:00', channel: 'online' })
    .send('ACCEPT', '2025-03-03T09:00', desk)
    .send('REQUEST_SUPPLEMENT', '2025-03-03T10:00', agency('justice'), { step: 'register', missing: ['birth certificate'] })
    .send('SUPPLY', '2025-03-04T09:00', applicant)
    .send('COMPLETE', '2025-03-04T10:00', agency('justice'), { step: 'register' });
  return c;
}

describe("the desk's pages offer a supplement request only when the rule allows one", () => {
  it('offers none when the limit is per dossier (the period’s rule, the default) and the dossier has had its one', () => {
    const c = afterOneSupplement();
    expect(c.ctx.supplements).toEqual({ justice: 1 });
    expect(types(c, police)).toEqual(['COMPLETE', 'APOLOGIZE', 'REFUSE']);
    expect(c.refusal('REQUEST_SUPPLEMENT', '2025-03-04T11:00', agency('police'), { step: 'residence', missing: ['x'] })).toBe('1 supplement(s) have already been requested for this dossier, the most allowed per dossier (1).');
  });

  it('offers the police its own request when the procedure counts per agency, after the justice officer used his', () => {
    const c = afterOneSupplement('agency');
    expect(types(c, police)).toEqual(['COMPLETE', 'REQUEST_SUPPLEMENT', 'APOLOGIZE', 'REFUSE']);
    expect(types(c, justice)).toEqual([]);
  });
});
