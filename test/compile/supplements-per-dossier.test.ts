import { describe, expect, it } from 'vitest';
import { enterpriseRegistration } from '../../procedures/enterprise-registration.ts';
import { appliedOneStopRules } from '../../src/dsl/one-stop-rules.ts';
import { validateProcedure } from '../../src/dsl/validate.ts';
import { Driver, agency, applicant, desk } from '../support/drive.ts';

/** The enterprise registration of 2024 with its one supplement request counted for the whole dossier. */
const perDossier = validateProcedure({ ...enterpriseRegistration, clock: { ...enterpriseRegistration.clock, supplementsPer: 'dossier' } });

/** Received online on Monday 4 March 2024; the registration office asks for papers once, which come back on Wednesday. */
const afterOneSupplement = (spec: typeof perDossier) =>
  new Driver(spec, { receivedAt: '2024-03-04T09:00', channel: 'online' })
    .send('ACCEPT', '2024-03-04T09:00', desk)
    .send('REQUEST_SUPPLEMENT', '2024-03-04T10:00', agency('registration'), { step: 'examine', missing: ['charter'] })
    .send('SUPPLY', '2024-03-06T09:00', applicant)
    .send('COMPLETE', '2024-03-06T10:00', agency('registration'), { step: 'examine' });

describe('the supplement limit, per agency or per dossier', () => {
  it('lets the tax authority ask after the registration office when counted per agency (the default)', () => {
    const c = afterOneSupplement(enterpriseRegistration).send('REQUEST_SUPPLEMENT', '2024-03-06T11:00', agency('tax'), { step: 'tax-code', missing: ['tax form'] });
    expect(c.status).toBe(5);
  });

  it('refuses the tax authority’s request when the dossier has had its one request, and says why', () => {
    const c = afterOneSupplement(perDossier);
    expect(c.refusal('REQUEST_SUPPLEMENT', '2024-03-06T11:00', agency('tax'), { step: 'tax-code', missing: ['tax form'] })).toBe(
      '1 supplement(s) have already been requested for this dossier, the most allowed per dossier (1).',
    );
  });

  it('is listed with the case’s rules as the procedure’s own when it departs from the period’s per-agency rule', () => {
    expect(appliedOneStopRules(perDossier, '2024-03-04').find((r) => r.rule === 'supplements')).toMatchObject({ value: { max: 1, per: 'dossier' }, source: 'procedure' });
  });
});
