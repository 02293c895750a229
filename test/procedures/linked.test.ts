import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { birthResidenceInsurance } from '../../procedures/birth-residence-insurance.ts';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { Driver, agency, applicant, desk } from '../support/drive.ts';

const birth = compileProcedure(birthResidenceInsurance);
const land = compileProcedure(landUseRightFirst);

describe('liên thông birth + permanent residence + health-insurance card', () => {
  const open = () => new Driver(birth, { receivedAt: '2025-03-03T09:00', channel: 'online' }).send('ACCEPT', '2025-03-03T09:10', desk);

  it('is returned after the justice officer, then police and social insurance in parallel', () => {
    const c = open()
      .send('COMPLETE', '2025-03-03T15:00', agency('justice'), { step: 'register-birth' })
      .send('COMPLETE', '2025-03-05T10:00', agency('insurance'), { step: 'issue-card' })
      .send('COMPLETE', '2025-03-05T11:00', agency('police'), { step: 'register-residence' })
      .send('RETURN_RESULT', '2025-03-06T09:00', desk)
      .send('RATE', '2025-03-06T09:05', applicant, { rating: 'satisfied' });
    expect(c.snapshot.output).toMatchObject({ kind: 'returned', at: parseInstant('2025-03-06T09:00'), classification: 'early' });
    expect(c.due).toBe('2025-03-11T00:00+07:00');
    expect(c.slip().filter((l) => l.includes('handoff'))).toEqual([
      '2025-03-03T09:10 handoff desk→justice register-birth due 2025-03-04T09:10',
      '2025-03-03T15:00 handoff justice→police register-residence due 2025-03-05T15:00',
      '2025-03-03T15:00 handoff justice→insurance issue-card due 2025-03-05T15:00',
    ]);
  });

  it('is refused by the police with reasons', () => {
    const c = open()
      .send('COMPLETE', '2025-03-03T15:00', agency('justice'), { step: 'register-birth' })
      .send('REFUSE', '2025-03-04T10:00', agency('police'), { step: 'register-residence', reasons: ['the address does not exist'] });
    expect(c.snapshot.output).toMatchObject({ kind: 'refused', at: parseInstant('2025-03-04T10:00'), classification: 'early' });
  });

  it('is withdrawn by the parents: their request (7), then the desk closes it (8)', () => {
    const c = open().send('WITHDRAW', '2025-03-04T10:00', applicant, { reason: 'moving abroad' });
    expect([c.status, c.ctx.outcome?.kind]).toEqual([7, 'withdrawn']);
    c.send('WITHDRAW', '2025-03-04T10:30', desk);
    expect([c.status, c.snapshot.output?.kind]).toEqual([8, 'withdrawn']);
  });

  it('is refused at receipt', () => {
    const c = new Driver(birth, { receivedAt: '2025-03-03T09:00', channel: 'in-person' }).send('REFUSE', '2025-03-03T09:05', desk, { reasons: ['wrong commune'] });
    expect(c.snapshot.output?.kind).toBe('refused-at-receipt');
  });
});

describe('first land-use-right certificate', () => {
  const tax = agency('tax');
  const landOffice = agency('landOffice');

  it('runs with a supplement, the posting and the tax payment excluded, an apology, and a late return', () => {
    const c = new Driver(land, { receivedAt: '2025-03-03T09:00', channel: 'in-person', dossier: { remoteCommune: false } })
      .send('ACCEPT', '2025-03-03T09:30', desk)
      .send('TRANSFER', '2025-03-03T14:00', desk);
    expect(c.due).toBe('2025-04-01T00:00+07:00');
    c.send('REQUEST_SUPPLEMENT', '2025-03-04T10:00', agency('commune'), { step: 'verify-origin', missing: ['land use history confirmation'] })
      .send('SUPPLY', '2025-03-06T10:00', applicant)
      .send('COMPLETE', '2025-03-10T16:00', agency('commune'), { step: 'verify-origin' });
    // The posting lasts 15 days and is excluded: the clock stands still until it ends on 25 March.
    // Used so far: Tuesday 4 (the day of the request), Friday 7 and Monday 10 (the day the posting started).
    expect(c.due).toBeNull();
    c.advanceTo('2025-03-25T16:00');
    expect(c.due).toBe('2025-04-19T00:00+07:00');
    c.send('COMPLETE', '2025-04-02T10:00', landOffice, { step: 'check-dossier' })
      .send('COMPLETE', '2025-04-03T10:00', landOffice, { step: 'draft-certificate' })
      .send('COMPLETE', '2025-04-08T10:00', tax, { step: 'tax-notice' });
    expect(c.status).toBe(6);
    // The applicant pays on 15 April: the 5 working days from 9 to 15 April are excluded.
    c.send('FINISH_INTERVAL', '2025-04-15T10:00', applicant, { interval: 'pay-land-tax' });
    expect(c.due).toBe('2025-04-26T00:00+07:00');
    expect(c.refusal('APOLOGIZE', '2025-04-18T09:00', agency('issuer'), { newDue: parseInstant('2025-04-25T17:00'), reason: 'x' })).toBe(
      'the new return date 2025-04-25T17:00+07:00 must be after the due date 2025-04-26T00:00+07:00.',
    );
    c.send('APOLOGIZE', '2025-04-18T09:00', agency('issuer'), { newDue: parseInstant('2025-04-29T17:00'), reason: 'the signatory is away' })
      .send('COMPLETE', '2025-04-28T10:00', agency('issuer'), { step: 'sign-certificate' })
      .send('RETURN_RESULT', '2025-04-28T15:00', desk);
    // Finished after the original due date: late, although within the apology's new date.
    expect(c.snapshot.context.outcome).toMatchObject({ kind: 'returned', at: parseInstant('2025-04-28T15:00'), classification: 'late' });
    expect(c.effectKinds().filter((k) => ['apology-issued', 'apology-due', 'overdue'].includes(k))).toEqual(['apology-issued', 'overdue']);
  });

  it('gives a remote commune 10 more working days, on the appointment slip already', () => {
    const paper = new Driver(land, { receivedAt: '2025-03-03T09:00', channel: 'in-person', dossier: { remoteCommune: true } }).send('ACCEPT', '2025-03-03T09:30', desk);
    expect(paper.effects.find((e) => e.kind === 'appointment-slip')).toMatchObject({ due: parseInstant('2025-04-16T00:00') });

    const c = new Driver(land, { receivedAt: '2025-03-03T09:00', channel: 'online', dossier: { remoteCommune: true } }).send('ACCEPT', '2025-03-03T09:30', desk);
    // 30 working days from Tuesday 4 March; Hùng Kings day, Monday 7 April, is skipped.
    expect(c.due).toBe('2025-04-16T00:00+07:00');
  });

  it('is refused by the land office, withdrawn, or refused at receipt', () => {
    const start = () => new Driver(land, { receivedAt: '2025-03-03T09:00', channel: 'online', dossier: { remoteCommune: false } });
    expect(start().send('REFUSE', '2025-03-03T09:10', desk, { reasons: ['not the land user'] }).snapshot.output?.kind).toBe('refused-at-receipt');
    expect(start().send('ACCEPT', '2025-03-03T09:10', desk).send('WITHDRAW', '2025-03-05T09:00', applicant).send('WITHDRAW', '2025-03-05T09:30', desk).snapshot.output?.kind).toBe('withdrawn');
    const refused = start()
      .send('ACCEPT', '2025-03-03T09:10', desk)
      .send('COMPLETE', '2025-03-05T09:00', agency('commune'), { step: 'verify-origin' })
      .advanceTo('2025-03-21T09:00')
      .send('REFUSE', '2025-03-24T09:00', landOffice, { step: 'check-dossier', reasons: ['land under dispute'] });
    expect(refused.snapshot.output).toMatchObject({ kind: 'refused', at: parseInstant('2025-03-24T09:00'), classification: 'early' });
  });
});
