import { describe, expect, it } from 'vitest';
import { enterpriseRegistration } from '../../procedures/enterprise-registration.ts';
import { appliedOneStopRules } from '../../src/dsl/one-stop-rules.ts';
import { validateProcedure } from '../../src/dsl/validate.ts';
import { Driver, agency, applicant, desk } from '../support/drive.ts';

/** The enterprise registration of 2024 with its one supplement request counted for each agency: a procedure's own departure from the period's rule. */
const perAgency = validateProcedure({ ...enterpriseRegistration, clock: { ...enterpriseRegistration.clock, supplementsPer: 'agency' } });

/** Received online on Monday 4 March 2024; the registration office asks for papers once, which come back on Wednesday. */
const afterOneSupplement = (spec: typeof perAgency) =>
  new Driver(spec, { receivedAt: '2024-03-04T09:00', channel: 'online' })
    .send('ACCEPT', '2024-03-04T09:00', desk)
    .send('REQUEST_SUPPLEMENT', '2024-03-04T10:00', agency('registration'), { step: 'examine', missing: ['charter'] })
    .send('SUPPLY', '2024-03-06T09:00', applicant)
    .send('COMPLETE', '2024-03-06T10:00', agency('registration'), { step: 'examine' });

describe('the supplement limit, per dossier (the period’s rule) or per agency (the procedure’s own)', () => {
  it('refuses the tax authority’s request when the dossier has had its one request (per dossier, the default of every period), and says why', () => {
    const c = afterOneSupplement(enterpriseRegistration);
    expect(c.refusal('REQUEST_SUPPLEMENT', '2024-03-06T11:00', agency('tax'), { step: 'tax-code', missing: ['tax form'] })).toBe(
      '1 supplement(s) have already been requested for this dossier, the most allowed per dossier (1).',
    );
  });

  it('lets the tax authority ask after the registration office when the procedure counts per agency', () => {
    const c = afterOneSupplement(perAgency).send('REQUEST_SUPPLEMENT', '2024-03-06T11:00', agency('tax'), { step: 'tax-code', missing: ['tax form'] });
    expect([c.status, c.ctx.supplements]).toEqual([5, { registration: 1, tax: 1 }]);
  });

  it('is listed with the case’s rules as the rule set’s when the procedure keeps it, and as the procedure’s own when it counts per agency', () => {
    expect(appliedOneStopRules(enterpriseRegistration, '2024-03-04').find((r) => r.rule === 'supplements')).toMatchObject({ value: { max: 1, per: 'dossier' }, source: 'rule-set', ref: { document: 'Decree 61/2018/NĐ-CP on the one-stop mechanism, as amended by Decree 107/2021/NĐ-CP' } });
    expect(appliedOneStopRules(perAgency, '2024-03-04').find((r) => r.rule === 'supplements')).toMatchObject({ value: { max: 1, per: 'agency' }, source: 'procedure' });
  });
});
