import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { nextDeadline, persistCase, restoreCase, whyNot } from '../../src/compile/case.ts';
import { Driver, agency, applicant, desk } from '../support/drive.ts';
import { tinySpec } from '../support/specs.ts';

const justice = agency('justice');
const police = agency('police');
const name = (en: string) => ({ vi: en, en });

describe('sequential handoffs and the control slip', () => {
  it('records who handed what to whom, when, and how each step went', () => {
    const c = new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'in-person' })
      .send('ACCEPT', '2025-03-03T09:10', desk)
      .send('TRANSFER', '2025-03-03T10:00', desk)
      .send('COMPLETE', '2025-03-03T16:00', justice, { step: 'register' })
      .send('COMPLETE', '2025-03-05T16:00', police, { step: 'residence' })
      .send('RETURN_RESULT', '2025-03-06T08:30', desk);
    expect(c.slip()).toEqual([
      '2025-03-03T09:00 submit applicant→desk',
      '2025-03-03T09:10 accept applicant→desk due 2025-03-07T00:00',
      '2025-03-03T10:00 transfer desk→ on-time due 2025-03-03T17:00',
      '2025-03-03T10:00 handoff desk→justice register due 2025-03-04T10:00',
      '2025-03-03T16:00 complete justice→ register early due 2025-03-04T10:00',
      '2025-03-03T16:00 handoff justice→police residence due 2025-03-04T16:00',
      '2025-03-05T16:00 complete police→ residence late due 2025-03-04T16:00',
      '2025-03-05T16:00 result-ready police→desk early due 2025-03-07T00:00',
      '2025-03-06T08:30 return desk→applicant',
    ]);
    expect(c.effectKinds()).toEqual(['appointment-slip', 'notify-agency', 'notify-agency', 'result-ready', 'result-returned']);
    expect(c.status).toBe(10);
  });

  it('only the agency holding a step can complete it, and the case stays unchanged', () => {
    const c = new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'online' }).send('ACCEPT', '2025-03-03T09:10', desk);
    const before = c.snapshot;
    expect(c.refusal('COMPLETE', '2025-03-03T10:00', police, { step: 'register' })).toBe(
      'only Justice officer (justice), which holds step "register", can complete it; Commune police (police) cannot.',
    );
    expect(c.refusal('COMPLETE', '2025-03-03T10:00', police, { step: 'residence' })).toBe('"residence" is not open now; open: register.');
    expect(c.snapshot).toBe(before);
  });

  it('online dossiers go to the agency at once; paper ones after 15:00 go at the start of the next working day', () => {
    const online = new Driver(tinySpec(), { receivedAt: '2025-03-03T16:00', channel: 'online' }).send('ACCEPT', '2025-03-03T16:05', desk);
    expect(online.ctx.steps['register']?.enteredAt).toBe(parseInstant('2025-03-03T16:05'));
    const paper = new Driver(tinySpec(), { receivedAt: '2025-03-07T16:00', channel: 'in-person' }).send('ACCEPT', '2025-03-07T16:05', desk);
    expect(paper.status).toBe(2);
    expect(paper.send('TRANSFER', '2025-03-10T13:00', desk).slip()[2]).toBe('2025-03-10T13:00 transfer desk→ late due 2025-03-10T08:00');
  });
});

describe('receipt at the desk', () => {
  it('with handover "immediate", the desk officer processes a paper dossier himself: no transfer', () => {
    const spec = tinySpec({ receipt: { desk: 'desk', channels: ['in-person'], handover: 'immediate', transferCutoff: '15:00', maxCompletionRequests: 1 } });
    const c = new Driver(spec, { receivedAt: '2025-03-03T16:00', channel: 'in-person' }).send('ACCEPT', '2025-03-03T16:05', desk);
    expect(c.status).toBe(4);
    expect(c.slip().slice(2, 4)).toEqual(['2025-03-03T16:05 transfer desk→ on-time due 2025-03-03T16:05', '2025-03-03T16:05 handoff desk→justice register due 2025-03-04T16:05']);
  });

  it('an incomplete dossier gets one request listing everything; the clock does not start', () => {
    const c = new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'in-person' }).send('REQUEST_COMPLETION', '2025-03-03T09:05', desk, {
      missing: ['birth certificate', 'ID card copy'],
    });
    // 5, Yêu cầu bổ sung giấy tờ: 3 is a refusal at receipt.
    expect(c.status).toBe(5);
    expect(c.ctx.statutory).toBeNull();
    c.send('SUPPLY', '2025-03-04T08:30', applicant);
    expect(c.refusal('REQUEST_COMPLETION', '2025-03-04T08:40', desk, { missing: ['photo'] })).toBe(
      'the desk has already asked for missing papers 1 time(s), the most allowed (1): one request must list everything. Accept or refuse the dossier.',
    );
    c.send('ACCEPT', '2025-03-04T08:45', desk);
    expect(c.due).toBe('2025-03-08T00:00+07:00');
  });

  it('a refusal at receipt ends the case, not counted against the limit', () => {
    const c = new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'in-person' }).send('REFUSE', '2025-03-03T09:05', desk, {
      reasons: ['not under this commune'],
    });
    expect(c.snapshot.status).toBe('done');
    expect(c.snapshot.output).toEqual({
      kind: 'refused-at-receipt',
      at: parseInstant('2025-03-03T09:05'),
      classification: 'not-counted',
      timings: { receivedAt: parseInstant('2025-03-03T09:00'), acceptedAt: null, readyAt: null, due: null, budget: null, used: null },
    });
    expect(c.status).toBe(3);
    expect(c.refusal('ACCEPT', '2025-03-03T09:06', desk)).toBe('the case has ended (refused-at-receipt); no event can change it.');
  });

  it('refuses events that go back in time, and actors other than the desk at receipt', () => {
    const c = new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'in-person' });
    expect(c.refusal('ACCEPT', '2025-03-03T08:00', desk)).toBe(
      'events must come in time order: this one is at 2025-03-03T08:00+07:00, before the last one at 2025-03-03T09:00+07:00.',
    );
    expect(c.refusal('ACCEPT', '2025-03-03T09:30', justice)).toBe('only the one-stop desk, One-stop desk (desk), can accept the dossier; Justice officer (justice) cannot.');
    expect(c.refusal('COMPLETE', '2025-03-03T09:30', justice, { step: 'register' })).toBe(
      'COMPLETE is not possible now (status 1 submitted); possible now: ACCEPT, REQUEST_COMPLETION, REFUSE, WITHDRAW.',
    );
  });
});

describe('supplement requests during processing', () => {
  const received = (policy: 'pause' | 'restart', supplementsPer?: 'agency') =>
    new Driver(tinySpec({ clock: { supplement: policy, maxSupplementsPerAgency: 1, ...(supplementsPer === undefined ? {} : { supplementsPer }) } }), { receivedAt: '2025-03-03T09:00', channel: 'online' })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('REQUEST_SUPPLEMENT', '2025-03-04T09:00', justice, { step: 'register', missing: ['witness statement'] });

  it('pause: the due date moves by exactly the working time spent waiting (Mon–Fri: 3 working days)', () => {
    const c = received('pause');
    expect(c.status).toBe(5);
    expect(c.due).toBeNull();
    expect(nextDeadline(c.snapshot)).toBeNull();
    c.send('SUPPLY', '2025-03-07T09:00', applicant);
    expect(c.due).toBe('2025-03-12T00:00+07:00');
  });

  it('restart: the limit counts again from the day after the papers arrive', () => {
    const c = received('restart').send('SUPPLY', '2025-03-07T09:00', applicant);
    expect(c.due).toBe('2025-03-13T00:00+07:00');
    expect(c.ctx.statutory?.restarts).toEqual([parseInstant('2025-03-07T09:00')]);
  });

  it('the dossier may have one supplement request (per dossier, the period’s rule); a procedure counting per agency names the agency', () => {
    const c = received('pause').send('SUPPLY', '2025-03-05T09:00', applicant);
    expect(c.refusal('REQUEST_SUPPLEMENT', '2025-03-05T10:00', justice, { step: 'register', missing: ['x'] })).toBe(
      '1 supplement(s) have already been requested for this dossier, the most allowed per dossier (1).',
    );
    const perAgency = received('pause', 'agency').send('SUPPLY', '2025-03-05T09:00', applicant);
    expect(perAgency.refusal('REQUEST_SUPPLEMENT', '2025-03-05T10:00', justice, { step: 'register', missing: ['x'] })).toBe(
      'Justice officer (justice) has already requested 1 supplement(s), the most allowed per agency (1).',
    );
  });
});

describe('refusal, withdrawal and the end of a case', () => {
  it('a refusal during processing ends the case with a classification against the limit', () => {
    const c = new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'online' })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('REFUSE', '2025-03-10T09:00', justice, { step: 'register', reasons: ['forged papers'] });
    expect(c.snapshot.output).toMatchObject({ kind: 'refused', at: parseInstant('2025-03-10T09:00'), classification: 'late' });
    expect(c.status).toBe(8);
  });

  it('the applicant may ask to withdraw at any time before the result, but not after; the desk then closes the dossier', () => {
    const early = new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'online' }).send('ACCEPT', '2025-03-03T09:00', desk);
    expect(early.refusal('WITHDRAW', '2025-03-03T10:00', desk)).toBe('only the applicant can withdraw the dossier; One-stop desk (desk) cannot.');
    early.send('WITHDRAW', '2025-03-03T10:00', applicant, { reason: 'moved away' });
    // The request ends the clock (7, Công dân yêu cầu rút hồ sơ): the outcome is decided, not counted late.
    expect(early.ctx.outcome).toMatchObject({ kind: 'withdrawn', at: parseInstant('2025-03-03T10:00'), classification: 'not-counted' });
    expect([early.status, early.snapshot.status, early.ctx.timers]).toEqual([7, 'active', []]);
    expect(early.refusal('WITHDRAW', '2025-03-03T10:30', applicant)).toBe('only the one-stop desk, One-stop desk (desk), can withdraw the dossier; the applicant cannot.');
    early.send('WITHDRAW', '2025-03-03T11:00', desk);
    // An officer closes it (8, Dừng xử lý): the case has ended, with the outcome of the request.
    expect([early.status, early.snapshot.status]).toEqual([8, 'done']);
    expect(early.snapshot.output).toMatchObject({ kind: 'withdrawn', at: parseInstant('2025-03-03T10:00') });
    expect(early.ctx.timeline.slice(-2).map((e) => [e.action, e.from, e.to, e.note])).toEqual([
      ['withdraw', 'applicant', undefined, 'moved away'],
      ['withdraw', 'desk', 'applicant', ''],
    ]);
    expect(early.ctx.effects.at(-1)).toEqual({ kind: 'case-closed', at: parseInstant('2025-03-03T11:00') });

    const ready = new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'online' })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('COMPLETE', '2025-03-03T10:00', justice, { step: 'register' })
      .send('COMPLETE', '2025-03-03T11:00', police, { step: 'residence' });
    expect(ready.status).toBe(9);
    expect(ready.refusal('WITHDRAW', '2025-03-03T12:00', applicant)).toBe('WITHDRAW is not possible now (status 9 processed, result ready); possible now: RETURN_RESULT.');
  });

  it('result ready and result returned are two states; the rating closes the case, or the rating window does', () => {
    const c = new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'online' })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('COMPLETE', '2025-03-03T10:00', justice, { step: 'register' })
      .send('COMPLETE', '2025-03-03T11:00', police, { step: 'residence' })
      .send('RETURN_RESULT', '2025-03-04T09:00', desk);
    expect(nextDeadline(c.snapshot)).toEqual({ id: 'rating-window', kind: 'rating-window', at: parseInstant('2025-03-14T09:00') });
    const rated = new Driver(c.proc, { receivedAt: '2025-03-03T09:00', channel: 'online' });
    rated.snapshot = c.snapshot;
    rated.send('RATE', '2025-03-05T09:00', applicant, { rating: 'very-satisfied' });
    expect(rated.ctx.rating).toBe('very-satisfied');
    expect(rated.snapshot.status).toBe('done');
    c.advanceTo('2025-03-14T09:00');
    expect(c.snapshot.status).toBe('done');
    // Ready on the day of receipt, which is not counted (Civil Code Art. 147): none of the 3 working days was used.
    expect(c.snapshot.output).toEqual({
      kind: 'returned',
      at: parseInstant('2025-03-04T09:00'),
      classification: 'early',
      timings: {
        receivedAt: parseInstant('2025-03-03T09:00'),
        acceptedAt: parseInstant('2025-03-03T09:00'),
        readyAt: parseInstant('2025-03-03T11:00'),
        due: parseInstant('2025-03-07T00:00'),
        budget: 3 * 86_400_000,
        used: 0,
      },
    });
  });
});

describe('lateness: apology slips and overdue notices', () => {
  const accepted = () => new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'online' }).send('ACCEPT', '2025-03-03T09:00', desk);

  it('warns when the last moment for an apology comes, then when the dossier is overdue', () => {
    const c = accepted().advanceTo('2025-03-10T00:00');
    expect(c.effects.slice(-2)).toEqual([
      { kind: 'apology-due', at: parseInstant('2025-03-06T00:00'), agencies: ['justice'], due: parseInstant('2025-03-07T00:00') },
      { kind: 'overdue', at: parseInstant('2025-03-07T00:00'), due: parseInstant('2025-03-07T00:00') },
    ]);
  });

  it('an apology is issued at most once, no later than one working day before the due date, with a later date', () => {
    const c = accepted();
    expect(c.refusal('APOLOGIZE', '2025-03-05T10:00', justice, { newDue: parseInstant('2025-03-06T17:00'), reason: 'x' })).toBe(
      'the new return date 2025-03-06T17:00+07:00 must be after the due date 2025-03-07T00:00+07:00.',
    );
    expect(c.refusal('APOLOGIZE', '2025-03-06T10:00', justice, { newDue: parseInstant('2025-03-10T17:00'), reason: 'x' })).toBe(
      'too late for an apology slip: it had to be issued by 2025-03-06T00:00+07:00, 1 working day before the due date 2025-03-07T00:00+07:00.',
    );
    expect(c.refusal('APOLOGIZE', '2025-03-05T10:00', police, { newDue: parseInstant('2025-03-10T17:00'), reason: 'x' })).toMatch(/^only an agency holding the dossier/);
    c.send('APOLOGIZE', '2025-03-05T10:00', justice, { newDue: parseInstant('2025-03-10T17:00'), reason: 'verification with another commune' });
    expect(c.refusal('APOLOGIZE', '2025-03-05T11:00', justice, { newDue: parseInstant('2025-03-11T17:00'), reason: 'x' })).toBe(
      'an apology slip has already been issued; at most 1 per dossier.',
    );
    c.send('COMPLETE', '2025-03-07T10:00', justice, { step: 'register' }).send('COMPLETE', '2025-03-07T11:00', police, { step: 'residence' });
    expect(c.ctx.classification).toBe('late');
  });

  it('with apologyCountsAsLate off, a dossier ready by the new date counts on time', () => {
    const spec = tinySpec({ lateness: { apology: { noticeBefore: '1wd', max: 1 }, early: 'before-due-date', apologyCountsAsLate: false } });
    const c = new Driver(spec, { receivedAt: '2025-03-03T09:00', channel: 'online' })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('APOLOGIZE', '2025-03-05T10:00', justice, { newDue: parseInstant('2025-03-10T17:00'), reason: 'verification' })
      .send('COMPLETE', '2025-03-07T10:00', justice, { step: 'register' })
      .send('COMPLETE', '2025-03-10T11:00', police, { step: 'residence' });
    expect(c.ctx.classification).toBe('on-time');
  });
});

describe('constructs', () => {
  it('parallel handoffs: both branches must finish, in any order', () => {
    const spec = tinySpec({
      agencies: {
        desk: { name: name('Desk'), level: 'commune', desk: true },
        justice: { name: name('Justice'), level: 'commune' },
        police: { name: name('Police'), level: 'commune' },
        insurance: { name: name('Social insurance'), level: 'district' },
      },
      flow: [
        { kind: 'step', id: 'register', agency: 'justice', title: name('Register birth'), share: '1wd' },
        {
          kind: 'parallel',
          id: 'linked',
          branches: [
            [{ kind: 'step', id: 'residence', agency: 'police', title: name('Residence'), share: '1wd' }],
            [{ kind: 'step', id: 'card', agency: 'insurance', title: name('Health-insurance card'), share: '2wd' }],
          ],
        },
      ],
    });
    const c = new Driver(spec, { receivedAt: '2025-03-03T09:00', channel: 'online' })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('COMPLETE', '2025-03-03T10:00', justice, { step: 'register' })
      .send('COMPLETE', '2025-03-04T10:00', agency('insurance'), { step: 'card' });
    expect(c.status).toBe(4);
    c.send('COMPLETE', '2025-03-04T11:00', police, { step: 'residence' });
    expect(c.status).toBe(9);
    expect(c.slip().filter((l) => l.includes('handoff'))).toEqual([
      '2025-03-03T09:00 handoff desk→justice register due 2025-03-04T09:00',
      '2025-03-03T10:00 handoff justice→police residence due 2025-03-04T10:00',
      '2025-03-03T10:00 handoff justice→insurance card due 2025-03-05T10:00',
    ]);
  });

  it('a branch on dossier data extends the limit for remote communes', () => {
    const spec = tinySpec({
      dossier: { remote: { type: 'boolean', label: name('Remote commune') } },
      flow: [
        { kind: 'step', id: 'register', agency: 'justice', title: name('Register'), share: '1wd' },
        {
          kind: 'branch',
          id: 'remote-check',
          field: 'remote',
          cases: [{ when: true, extendLimit: '10wd', flow: [{ kind: 'step', id: 'survey', agency: 'police', title: name('Field survey'), share: '10wd' }] }],
          otherwise: { flow: [] },
        },
      ],
    });
    const remote = new Driver(spec, { receivedAt: '2025-03-03T09:00', channel: 'online', dossier: { remote: true } })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('COMPLETE', '2025-03-03T10:00', justice, { step: 'register' });
    expect(remote.due).toBe('2025-03-21T00:00+07:00');
    expect(remote.ctx.steps['survey']?.agency).toBe('police');
    const near = new Driver(spec, { receivedAt: '2025-03-03T09:00', channel: 'online', dossier: { remote: false } })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('COMPLETE', '2025-03-03T10:00', justice, { step: 'register' });
    expect(near.due).toBe('2025-03-07T00:00+07:00');
    expect(near.status).toBe(9);
  });

  it('consultation: an answer is recorded; silence past the time allowed is deemed consent', () => {
    const spec = tinySpec({
      agencies: {
        desk: { name: name('Desk'), level: 'district', desk: true },
        permits: { name: name('Permitting authority'), level: 'district' },
        fire: { name: name('Fire police'), level: 'province' },
        culture: { name: name('Culture office'), level: 'district' },
      },
      flow: [
        { kind: 'consult', id: 'opinions', title: name('Ask for opinions'), lead: 'permits', consulted: ['fire', 'culture'], answerWithin: '8d', deemedConsent: true },
        { kind: 'step', id: 'decide', agency: 'permits', title: name('Decide'), share: '3wd' },
      ],
      limit: { duration: '15d', mode: 'date', ref: { document: 'Construction Law 2014', article: 'Art. 102', confidence: 'mem' } },
    });
    const c = new Driver(spec, { receivedAt: '2025-03-03T09:00', channel: 'online' })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('ANSWER', '2025-03-05T09:00', agency('fire'), { consult: 'opinions', agree: true });
    expect(c.refusal('ANSWER', '2025-03-05T10:00', agency('fire'), { consult: 'opinions', agree: false })).toBe(
      'only the consulted agency Culture office (culture) can answer for itself; Fire police (fire) cannot.',
    );
    c.advanceTo('2025-03-12T00:00');
    expect(c.ctx.answers).toEqual({ opinions: { fire: 'agree', culture: 'deemed' } });
    expect(c.effects.find((e) => e.kind === 'deemed-consent')).toEqual({ kind: 'deemed-consent', at: parseInstant('2025-03-11T09:00'), consult: 'opinions', agency: 'culture' });
    expect(c.ctx.steps['decide']?.enteredAt).toBe(parseInstant('2025-03-11T09:00'));
    expect(c.due).toBe('2025-03-19T00:00+07:00');
  });

  it('an excluded interval (the applicant paying) stops the clock and shows status 6; a public posting ends by itself', () => {
    const spec = tinySpec({
      flow: [
        { kind: 'step', id: 'register', agency: 'justice', title: name('Assess'), share: '1wd' },
        { kind: 'excluded', id: 'pay', title: name('Applicant pays the fee'), reason: 'payment', party: 'applicant' },
        { kind: 'excluded', id: 'post', title: name('Public posting'), reason: 'public-posting', party: 'justice', lasts: '15d' },
        { kind: 'step', id: 'residence', agency: 'police', title: name('Issue'), share: '1wd' },
      ],
    });
    const c = new Driver(spec, { receivedAt: '2025-03-03T09:00', channel: 'online' })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('COMPLETE', '2025-03-03T10:00', justice, { step: 'register' });
    expect(c.status).toBe(6);
    expect(c.due).toBeNull();
    expect(c.refusal('FINISH_INTERVAL', '2025-03-10T10:00', justice, { interval: 'pay' })).toBe('only the applicant can end "pay"; Justice officer (justice) cannot.');
    c.send('FINISH_INTERVAL', '2025-03-10T10:00', applicant, { interval: 'pay' });
    expect(c.status).toBe(4);
    expect(nextDeadline(c.snapshot)?.id).toBe('post');
    c.advanceTo('2025-03-25T10:00');
    expect(c.ctx.steps['residence']?.enteredAt).toBe(parseInstant('2025-03-25T10:00'));
    // Nothing of the 3 wd was used on the receipt day; counting resumes the day after the posting.
    expect(c.due).toBe('2025-03-29T00:00+07:00');
  });
});

describe('hosts', () => {
  it('a stored case restores to the same state and goes on', () => {
    const c = new Driver(tinySpec(), { receivedAt: '2025-03-03T09:00', channel: 'online' })
      .send('ACCEPT', '2025-03-03T09:00', desk)
      .send('COMPLETE', '2025-03-03T10:00', justice, { step: 'register' });
    const stored = JSON.parse(JSON.stringify(persistCase(c.snapshot)));
    const restored = restoreCase(c.proc, stored);
    expect(restored.value).toEqual(c.snapshot.value);
    expect(restored.context).toEqual(c.snapshot.context);
    expect(nextDeadline(restored)).toEqual(nextDeadline(c.snapshot));
    const event = { type: 'COMPLETE', step: 'residence', at: parseInstant('2025-03-03T11:00'), by: police } as const;
    expect(whyNot(c.proc, restored, event)).toBeNull();
  });
});
