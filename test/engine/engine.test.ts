import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/calendar/instant.ts';
import { createEngine } from '../../src/engine/engine.ts';
import type { CaseStore } from '../../src/engine/store.ts';
import type { EngineNotice } from '../../src/engine/types.ts';
import { CaseError } from '../../src/errors.ts';
import { tinySpec } from '../support/specs.ts';
import { STORES, agency, applicant, at, desk, ev } from './support.ts';

const justice = agency('justice');
const police = agency('police');
const v1 = tinySpec();
const v2 = tinySpec({ version: '2', effectiveFrom: '2025-03-05', limit: { duration: '5wd', mode: 'date', ref: { document: 'Reform decree', confidence: 'mem' } } });

const openTiny = (receivedAt = '2025-03-03T09:00') => ({ procedure: 'tiny', channel: 'in-person' as const, receivedAt: at(receivedAt), by: desk });
const fmt = (t: number | null | undefined) => (t === null || t === undefined ? t : formatInstant(t as never));

describe.each(Object.entries(STORES))('the engine on the %s store', { timeout: 60_000 }, (_name, makeStore) => {
  const setup = (store: CaseStore = makeStore()) => ({ store, engine: createEngine({ procedures: [v1, v2], store }) });

  describe('opening a case', () => {
    it('takes the version in force on the day of receipt and keeps it for life', async () => {
      const { store, engine } = setup();
      const old = await engine.open(openTiny('2025-03-04T09:00'));
      const reformed = await engine.open(openTiny('2025-03-05T09:00'));
      expect([old.procedure.version, reformed.procedure.version]).toEqual(['1', '2']);
      expect(fmt(old.slip?.due)).toBe('2025-03-08T00:00+07:00');
      expect(fmt(reformed.slip?.due)).toBe('2025-03-13T00:00+07:00');
      // Later events still run on version 1: the limit does not change under the case.
      await engine.send(old.caseId, ev('TRANSFER', '2025-03-06T10:00', desk));
      expect(fmt((await engine.status(old.caseId)).due)).toBe('2025-03-08T00:00+07:00');
      // An engine that lost version 1 says what to do instead of guessing.
      const v2only = createEngine({ procedures: [v2], store });
      await expect(v2only.status(old.caseId)).rejects.toThrow('this case runs on tiny version 1, which the engine was not given. Add that version to createEngine({ procedures }): cases keep the version they were received under.');
      await store.close();
    });

    it('gives a dossier code per unit and day, and an appointment slip that says why', async () => {
      const { store, engine } = setup();
      const first = await engine.open(openTiny('2025-03-04T09:00'));
      const second = await engine.open(openTiny('2025-03-04T09:30'));
      expect([first.caseId, first.code, second.code]).toEqual(['MOTCUA-250304-0001', 'MOTCUA-250304-0001', 'MOTCUA-250304-0002']);
      expect(first.version).toBe(2);
      expect(first.status).toBe(2);
      expect(first.slip?.dueText).toEqual({ en: 'end of Friday 07/03/2025', vi: 'hết ngày Thứ sáu 07/03/2025' });
      expect(first.slip?.explanation.map((l) => l.text.en)).toEqual([
        'limit 3 working days, counted in whole days: Test procedure',
        'start day Tuesday 04/03/2025 is not counted',
        '3 working days end on Friday 07/03/2025, at the end of the day',
      ]);
      expect(first.effects.map((e) => e.kind)).toEqual(['appointment-slip']);
      await store.close();
    });

    it('explains the days skipped over Tết on the slip', async () => {
      const { store, engine } = setup();
      const opened = await engine.open(openTiny('2025-01-24T09:00'));
      expect(opened.slip?.explanation.map((l) => l.text.en)).toEqual([
        'limit 3 working days, counted in whole days: Test procedure',
        'start day Friday 24/01/2025 is not counted',
        'skipped 25/01/2025–02/02/2025: Tết holiday 2025 (Ất Tỵ), official',
        '3 working days end on Wednesday 05/02/2025, at the end of the day',
      ]);
      await store.close();
    });

    it('uses a code given by another system, and refuses to give one code twice', async () => {
      const { store, engine } = setup();
      const opened = await engine.open({ ...openTiny(), code: 'H23.01-250303-0007' });
      expect(opened.caseId).toBe('H23.01-250303-0007');
      await expect(engine.open({ ...openTiny(), code: 'H23.01-250303-0007' })).rejects.toMatchObject({ code: 'duplicate-code' });
      await store.close();
    });

    it('can leave the dossier at receipt for the desk to check (no slip, status 1)', async () => {
      const { store, engine } = setup();
      const opened = await engine.open({ ...openTiny(), channel: 'online', by: applicant, accept: false });
      expect([opened.version, opened.status, opened.slip]).toEqual([1, 1, null]);
      const accepted = await engine.send(opened.caseId, ev('ACCEPT', '2025-03-03T10:00', desk));
      expect(accepted.ok && accepted.status).toBe(4);
      await store.close();
    });

    it('refuses an acceptance by anyone but the desk: no case, no dossier number used, the attempt recorded', async () => {
      const { store, engine } = setup();
      await expect(engine.open({ ...openTiny(), by: justice })).rejects.toThrow('only the one-stop desk, One-stop desk (desk), can accept the dossier; Justice officer (justice) cannot.');
      expect(await engine.list()).toEqual([]);
      expect(await engine.refusals()).toMatchObject([{ caseId: null, caseVersion: 0, code: 'refused', event: { type: 'ACCEPT' } }]);
      expect((await engine.open(openTiny())).code).toBe('MOTCUA-250303-0001');
      await store.close();
    });

    it('checks the dossier against the procedure and names the field', async () => {
      const { store, engine } = setup();
      await expect(engine.open({ ...openTiny(), dossier: { remote: true } })).rejects.toThrow('the dossier has "remote", which tiny does not declare.');
      await expect(engine.open({ ...openTiny(), procedure: 'nope' })).rejects.toMatchObject({ code: 'unknown-procedure' });
      await expect(engine.open({ ...openTiny('2023-06-01T09:00') })).rejects.toMatchObject({ code: 'not-in-force' });
      await expect(engine.open({ ...openTiny(), channel: 'fax' as never })).rejects.toMatchObject({ code: 'bad-input', path: ['channel'] });
      await store.close();
    });
  });

  describe('sending events', () => {
    it('returns the new version, status and effects', async () => {
      const { store, engine } = setup();
      const { caseId } = await engine.open(openTiny());
      const sent = await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk), { expectedVersion: 2 });
      expect(sent).toEqual({ ok: true, caseId, version: 3, status: 4, effects: [{ kind: 'notify-agency', at: at('2025-03-03T10:00'), agency: 'justice', step: 'register' }] });
      expect((await engine.history(caseId)).map((l) => [l.version, l.entry.kind])).toEqual([
        [1, 'open'],
        [2, 'event'],
        [3, 'event'],
      ]);
      await store.close();
    });

    it('a stale expected version is a conflict and writes nothing', async () => {
      const { store, engine } = setup();
      const { caseId } = await engine.open(openTiny());
      await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk), { expectedVersion: 2 });
      const stale = await engine.send(caseId, ev('COMPLETE', '2025-03-03T11:00', justice, { step: 'register' }), { expectedVersion: 2 });
      expect(stale.ok).toBe(false);
      expect(!stale.ok && stale.error.code).toBe('conflict');
      expect(!stale.ok && stale.error.message).toBe(`case ${caseId} is at version 3, not 2: someone else changed it first. Read it again and decide again; nothing was written.`);
      expect((await engine.status(caseId)).version).toBe(3);
      expect(await engine.refusals(caseId)).toEqual([]);
      await store.close();
    });

    it('two writers racing on one version: one wins, the other gets a conflict', async () => {
      const { store, engine } = setup();
      const { caseId } = await engine.open(openTiny());
      const results = await Promise.all([
        engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk), { expectedVersion: 2 }),
        engine.send(caseId, ev('WITHDRAW', '2025-03-03T10:00', applicant), { expectedVersion: 2 }),
      ]);
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['conflict', 'ok']);
      expect((await engine.history(caseId)).map((l) => l.version)).toEqual([1, 2, 3]);
      await store.close();
    });

    it('two engines on one store: the copy an engine keeps of a case never hides the other engine\'s writes', async () => {
      const store = makeStore();
      const a = createEngine({ procedures: [v1], store });
      const b = createEngine({ procedures: [v1], store });
      const { caseId } = await a.open(openTiny());
      await a.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk));
      expect((await b.send(caseId, ev('COMPLETE', '2025-03-03T11:00', justice, { step: 'register' }))).ok).toBe(true);
      // A still holds version 3, where "residence" is not open: it must look at the store before refusing.
      const sent = await a.send(caseId, ev('COMPLETE', '2025-03-03T12:00', police, { step: 'residence' }));
      expect(sent.ok && sent.version).toBe(5);
      expect(await a.refusals(caseId)).toEqual([]);
      const stale = await b.send(caseId, ev('RETURN_RESULT', '2025-03-03T13:00', desk), { expectedVersion: 4 });
      expect(!stale.ok && stale.error.code).toBe('conflict');
      await store.close();
    });

    it('two retries of one request racing with the same idempotency key write it once and answer the same', async () => {
      const { store, engine } = setup();
      const { caseId } = await engine.open(openTiny());
      const event = ev('TRANSFER', '2025-03-03T10:00', desk);
      const [first, second] = await Promise.all([engine.send(caseId, event, { idempotencyKey: 'k' }), engine.send(caseId, event, { idempotencyKey: 'k' })]);
      expect(second).toEqual(first);
      expect(first.ok).toBe(true);
      expect((await engine.history(caseId)).length).toBe(3);
      await store.close();
    });

    it('a replayed idempotency key returns the first result and writes nothing', async () => {
      const { store, engine } = setup();
      const { caseId } = await engine.open(openTiny());
      const event = ev('TRANSFER', '2025-03-03T10:00', desk);
      const first = await engine.send(caseId, event, { idempotencyKey: 'req-1', expectedVersion: 2 });
      const again = await engine.send(caseId, event, { idempotencyKey: 'req-1', expectedVersion: 2 });
      expect(again).toEqual(first);
      expect((await engine.history(caseId)).length).toBe(3);
      const reused = await engine.send(caseId, ev('WITHDRAW', '2025-03-03T11:00', applicant), { idempotencyKey: 'req-1' });
      expect(!reused.ok && reused.error.code).toBe('idempotency-key-reused');
      // A refusal is an answer too: replaying its key gives it again without a second record.
      const wrong = ev('COMPLETE', '2025-03-03T11:00', police, { step: 'register' });
      const refused = await engine.send(caseId, wrong, { idempotencyKey: 'req-2' });
      const refusedAgain = await engine.send(caseId, wrong, { idempotencyKey: 'req-2' });
      expect(!refusedAgain.ok && refusedAgain.error.message).toBe(!refused.ok && refused.error.message);
      expect(await engine.refusals(caseId)).toHaveLength(1);
      await store.close();
    });

    it('an opening replayed with its idempotency key gives the same case, not a second one', async () => {
      const { store, engine } = setup();
      const first = await engine.open({ ...openTiny(), idempotencyKey: 'desk-42' });
      const again = await engine.open({ ...openTiny(), idempotencyKey: 'desk-42' });
      expect(again).toEqual(first);
      expect(await engine.list()).toHaveLength(1);
      await store.close();
    });
  });

  describe('authorisation comes from the machine', () => {
    it('refuses the wrong actor with the reason, changes nothing, and records the attempt', async () => {
      const { store, engine } = setup();
      const { caseId } = await engine.open(openTiny());
      await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk));
      const before = await engine.status(caseId);
      const attempts = [
        ev('COMPLETE', '2025-03-03T11:00', police, { step: 'register' }),
        ev('WITHDRAW', '2025-03-03T11:00', desk),
        ev('REQUEST_SUPPLEMENT', '2025-03-03T11:00', applicant, { step: 'register', missing: ['photo'] }),
      ];
      const reasons = [];
      for (const attempt of attempts) {
        const r = await engine.send(caseId, attempt);
        reasons.push(r.ok ? 'accepted' : r.error.message);
      }
      expect(reasons).toEqual([
        'only Justice officer (justice), which holds step "register", can complete it; Commune police (police) cannot.',
        'only the applicant can withdraw the dossier; One-stop desk (desk) cannot.',
        'only Justice officer (justice), which holds step "register", can request a supplement for it; the applicant cannot.',
      ]);
      expect(await engine.status(caseId)).toEqual(before);
      expect((await engine.refusals(caseId)).map((a) => [a.caseVersion, a.event.type, a.code])).toEqual([
        [3, 'COMPLETE', 'refused'],
        [3, 'WITHDRAW', 'refused'],
        [3, 'REQUEST_SUPPLEMENT', 'refused'],
      ]);
      await store.close();
    });

    it('only the desk returns the result and only the applicant rates it', async () => {
      const { store, engine } = setup();
      const { caseId } = await engine.open(openTiny());
      for (const e of [
        ev('TRANSFER', '2025-03-03T10:00', desk),
        ev('COMPLETE', '2025-03-03T16:00', justice, { step: 'register' }),
        ev('COMPLETE', '2025-03-04T16:00', police, { step: 'residence' }),
      ]) {
        expect((await engine.send(caseId, e)).ok).toBe(true);
      }
      const byPolice = await engine.send(caseId, ev('RETURN_RESULT', '2025-03-05T09:00', police));
      expect(!byPolice.ok && byPolice.error.message).toBe('only the one-stop desk, One-stop desk (desk), can return the result; Commune police (police) cannot.');
      expect((await engine.send(caseId, ev('RETURN_RESULT', '2025-03-05T09:00', desk))).ok).toBe(true);
      const byDesk = await engine.send(caseId, ev('RATE', '2025-03-05T10:00', desk, { rating: 'satisfied' }));
      expect(!byDesk.ok && byDesk.error.message).toBe('only the applicant can rate the service; One-stop desk (desk) cannot.');
      const rated = await engine.send(caseId, ev('RATE', '2025-03-05T10:00', applicant, { rating: 'satisfied' }));
      expect(rated.ok && rated.effects.map((e) => e.kind)).toEqual(['case-closed']);
      const after = await engine.send(caseId, ev('WITHDRAW', '2025-03-05T11:00', applicant));
      expect(!after.ok && after.error.code).toBe('case-ended');
      expect((await engine.status(caseId)).outcome?.kind).toBe('returned');
      await store.close();
    });
  });

  describe('bad input is refused before anything is written', () => {
    it('unknown cases, unknown event types, malformed and oversized events', async () => {
      const { store, engine } = setup();
      const { caseId } = await engine.open(openTiny());
      const results = await Promise.all([
        engine.send('nope', ev('TRANSFER', '2025-03-03T10:00', desk)),
        engine.send(caseId, { type: 'FLY', at: at('2025-03-03T10:00'), by: desk } as never),
        engine.send(caseId, { type: 'COMPLETE', at: at('2025-03-03T10:00'), by: justice } as never),
        engine.send(caseId, { type: 'TRANSFER', at: '10:00', by: desk } as never),
        engine.send(caseId, ev('WITHDRAW', '2025-03-03T10:00', applicant, { reason: 'x'.repeat(70_000) })),
      ]);
      expect(results.map((r) => (r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`))).toEqual([
        'unknown-case: no case "nope" in the store. Check the id (list the cases to see them).',
        'bad-event: unknown event type "FLY"; use one of ACCEPT, REQUEST_COMPLETION, REFUSE, TRANSFER, COMPLETE, REQUEST_SUPPLEMENT, SUPPLY, ANSWER, FINISH_INTERVAL, APOLOGIZE, WITHDRAW, RETURN_RESULT, RATE, TIMER.',
        "bad-event: Invalid input: expected string, received undefined in \"step\". An event looks like { type: 'COMPLETE', at: <instant in ms>, by: { kind: 'agency', agency: 'justice' }, step: 'register' }.",
        "bad-event: Invalid input: expected number, received string in \"at\". An event looks like { type: 'COMPLETE', at: <instant in ms>, by: { kind: 'agency', agency: 'justice' }, step: 'register' }.",
        'too-large: the event is 70076 bytes of JSON, more than the 65536 allowed. Keep documents out of events: store them elsewhere and put a reference in a note.',
      ]);
      expect((await engine.history(caseId)).length).toBe(2);
      expect(await engine.refusals()).toEqual([]);
      await expect(engine.status('nope')).rejects.toBeInstanceOf(CaseError);
      await store.close();
    });
  });

  describe('deadlines and subscribers', () => {
    it('tick fires every deadline passed, returns the effects and tells the subscribers', async () => {
      const { store, engine } = setup();
      const heard: EngineNotice[] = [];
      const unsubscribe = engine.subscribe((n) => heard.push(n));
      const a = await engine.open(openTiny('2025-03-03T09:00'));
      const b = await engine.open(openTiny('2025-03-04T09:00'));
      await engine.send(a.caseId, ev('TRANSFER', '2025-03-03T10:00', desk));
      expect((await engine.status(a.caseId)).nextDeadline).toEqual({ id: 'apology-due', kind: 'apology-due', at: at('2025-03-06T00:00') });
      const fired = await engine.tick(at('2025-03-07T08:00'));
      expect(fired.map((n) => [n.caseId, n.effect.kind, fmt(n.effect.at)])).toEqual([
        [a.caseId, 'apology-due', '2025-03-06T00:00+07:00'],
        [a.caseId, 'overdue', '2025-03-07T00:00+07:00'],
        [b.caseId, 'apology-due', '2025-03-07T00:00+07:00'],
      ]);
      expect(heard.map((n) => n.effect.kind)).toEqual(['appointment-slip', 'appointment-slip', 'notify-agency', 'apology-due', 'overdue', 'apology-due']);
      expect(await engine.tick(at('2025-03-07T08:00'))).toEqual([]);
      expect((await engine.history(a.caseId)).at(-1)).toMatchObject({ version: 4, entry: { kind: 'tick', to: at('2025-03-07T08:00') } });
      unsubscribe();
      await engine.send(b.caseId, ev('TRANSFER', '2025-03-07T09:00', desk));
      expect(heard).toHaveLength(6);
      await store.close();
    });

    it('a subscriber that throws does not undo the write', async () => {
      const store = makeStore();
      const errors: string[] = [];
      const engine = createEngine({ procedures: [v1], store, onListenerError: (e, n) => errors.push(`${n.effect.kind}: ${(e as Error).message}`) });
      engine.subscribe(() => {
        throw new Error('mail server down');
      });
      const { caseId } = await engine.open(openTiny());
      expect(errors).toEqual(['appointment-slip: mail server down']);
      expect((await engine.status(caseId)).version).toBe(2);
      await store.close();
    });
  });

  describe('queries', () => {
    it('lists cases by agency holding them, status, due date and overdue', async () => {
      const { store, engine } = setup();
      const a = await engine.open(openTiny('2025-03-03T09:00'));
      const b = await engine.open(openTiny('2025-03-04T09:00'));
      const c = await engine.open(openTiny('2025-03-04T10:00'));
      await engine.send(a.caseId, ev('TRANSFER', '2025-03-03T10:00', desk));
      await engine.send(b.caseId, ev('TRANSFER', '2025-03-04T10:00', desk));
      await engine.send(b.caseId, ev('COMPLETE', '2025-03-04T11:00', justice, { step: 'register' }));
      await engine.send(c.caseId, ev('WITHDRAW', '2025-03-04T11:00', applicant));
      const ids = async (filter: Parameters<typeof engine.list>[0]) => (await engine.list(filter)).map((s) => s.caseId);
      expect(await ids({})).toEqual([a.caseId, b.caseId, c.caseId]);
      expect(await ids({ agency: 'justice' })).toEqual([a.caseId]);
      expect(await ids({ agency: 'police' })).toEqual([b.caseId]);
      expect(await ids({ status: 4 })).toEqual([a.caseId, b.caseId]);
      expect(await ids({ status: [7] })).toEqual([c.caseId]);
      expect(await ids({ dueBefore: at('2025-03-07T12:00') })).toEqual([a.caseId]);
      expect(await ids({ overdue: at('2025-03-07T12:00') })).toEqual([a.caseId]);
      expect(await ids({ overdue: at('2025-03-06T12:00') })).toEqual([]);
      expect((await engine.list({ agency: 'police' }))[0]).toEqual({
        caseId: b.caseId,
        code: b.code,
        procedure: { id: 'tiny', version: '1' },
        version: 4,
        index: { status: 4, ended: false, inProgress: true, receivedAt: at('2025-03-04T09:00'), due: at('2025-03-08T00:00'), nextDeadline: at('2025-03-07T00:00'), holders: ['police'] },
      });
      await store.close();
    });

    it('gives the control slip and every due date with its reasons', async () => {
      const { store, engine } = setup();
      const { caseId } = await engine.open(openTiny());
      await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk));
      const timeline = await engine.timeline(caseId);
      expect(timeline.map((e) => `${e.action} ${e.from ?? ''}→${e.to ?? ''}`)).toEqual(['submit applicant→desk', 'accept applicant→desk', 'transfer desk→', 'handoff desk→justice']);
      const due = await engine.dueDates(caseId);
      expect(fmt(due.statutory?.due)).toBe('2025-03-07T00:00+07:00');
      expect(fmt(due.apologyBy)).toBe('2025-03-06T00:00+07:00');
      expect(due.steps.map((s) => [s.step, s.agency, fmt(s.due)])).toEqual([['register', 'justice', '2025-03-04T10:00+07:00']]);
      expect(due.explanation[0]).toBe('tiny 1 — Tiny');
      expect(due.explanation).toContain('  due: end of Thursday 06/03/2025');
      await store.close();
    });
  });
});

describe('idempotency fingerprints', () => {
  it('a retry whose client ordered the fields differently is the same request', async () => {
    const store = STORES.memory();
    const engine = createEngine({ procedures: [v1], store });
    const { caseId } = await engine.open(openTiny());
    const first = await engine.send(caseId, { type: 'TRANSFER', at: at('2025-03-03T10:00'), by: desk }, { idempotencyKey: 'k' });
    const reordered = await engine.send(caseId, { by: { agency: 'desk', kind: 'agency' }, at: at('2025-03-03T10:00'), type: 'TRANSFER' } as never, { idempotencyKey: 'k' });
    expect(reordered).toEqual(first);
  });
});
