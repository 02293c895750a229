/** A valid procedure written as data, as a JSON or YAML author would: the fixture of the validator and reader tests. */
export const label = (en: string) => ({ vi: en, en });
export const step = (id: string, agency: string, share = '1wd') => ({ kind: 'step', id, agency, title: label(id), share });

/** desk, justice and police; a step, a parallel pair, a branch on `remote`, a consultation, a payment. */
export const VALID = {
  id: 'test',
  version: '1',
  effectiveFrom: '2025-07-01',
  title: label('Test'),
  level: 'commune',
  agencies: {
    desk: { name: label('Desk'), level: 'commune', desk: true },
    justice: { name: label('Justice'), level: 'commune' },
    police: { name: label('Police'), level: 'commune' },
  },
  dossier: { remote: { type: 'boolean', label: label('Remote commune') } },
  receipt: { desk: 'desk' },
  flow: [
    step('register', 'justice'),
    { kind: 'parallel', id: 'linked', branches: [[step('civil', 'justice')], [step('residence', 'police')]] },
    { kind: 'branch', id: 'remote?', field: 'remote', cases: [{ when: true, flow: [step('visit', 'police')], extendLimit: '10wd' }], otherwise: { flow: [] } },
    { kind: 'consult', id: 'c', title: label('Consult'), lead: 'justice', consulted: ['police'], answerWithin: '2wd', deemedConsent: true },
    { kind: 'excluded', id: 'pay', title: label('Pay'), reason: 'payment', party: 'applicant' },
  ],
  limit: { duration: '5wd', mode: 'date', ref: { document: 'Test', confidence: 'mem' } },
};

