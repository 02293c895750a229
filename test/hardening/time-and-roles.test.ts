import { describe, expect, it } from 'vitest';
import type { Instant } from '../../src/calendar/instant.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { tinySpec } from '../support/specs.ts';
import { agency, at, desk, ev } from '../engine/support.ts';

const openTiny = { procedure: 'tiny', channel: 'in-person' as const, receivedAt: at('2025-03-03T09:00'), by: desk };

describe('time comes from the host (issue 19 regressions)', () => {
  it('refuses an event dated after the host\'s now, records the attempt, and the case goes on normally with the next event', async () => {
    let now = at('2025-03-03T10:00');
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore(), now: () => now });
    const { caseId } = await engine.open(openTiny);
    const typo = await engine.send(caseId, ev('TRANSFER', '2099-12-31T10:00', desk));
    expect(!typo.ok && typo.error.code).toBe('in-future');
    expect(!typo.ok && typo.error.message).toBe("the TRANSFER event is dated 2099-12-31T10:00+07:00, after the host's clock (2025-03-03T10:00+07:00, with 5 min of tolerance). Give the instant it really happened; the case is unchanged.");
    expect((await engine.refusals(caseId)).map((r) => r.code)).toEqual(['in-future']);
    now = at('2025-03-03T10:30');
    const real = await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:29', desk));
    expect(real.ok && real.version).toBe(3);
    const next = await engine.send(caseId, ev('COMPLETE', '2025-03-03T10:30', agency('justice'), { step: 'register' }));
    expect(next.ok && next.version).toBe(4);
  });

  it('accepts an event a little ahead of the host\'s clock, within the configurable tolerance', async () => {
    const now = at('2025-03-03T10:00');
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore(), now: () => now, futureToleranceMs: 60_000 });
    const { caseId } = await engine.open(openTiny);
    expect((await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:02', desk))).ok).toBe(false);
    expect((await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:01', desk))).ok).toBe(true);
  });

  it('takes the host\'s instant per call, and refuses a receipt and a tick after it', async () => {
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore() });
    await expect(engine.open(openTiny, { now: at('2025-03-02T09:00') })).rejects.toMatchObject({ name: 'CaseError', code: 'in-future', path: ['receivedAt'] });
    const { caseId } = await engine.open(openTiny, { now: at('2025-03-03T09:00') });
    const early = await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk), { now: at('2025-03-03T09:30') });
    expect(!early.ok && early.error.code).toBe('in-future');
    const clocked = createEngine({ procedures: [tinySpec()], store: memoryStore(), now: () => at('2025-03-03T09:00') });
    await expect(clocked.tick(at('2025-04-01T09:00'))).rejects.toMatchObject({ code: 'in-future', path: ['now'] });
  });

  it('refuses a caller\'s timer event and any event from the system actor: deadlines fire only through tick', async () => {
    const engine = createEngine({ procedures: [tinySpec()], store: memoryStore() });
    const { caseId } = await engine.open(openTiny);
    const timer = await engine.send(caseId, { type: 'TIMER', at: at('2025-03-10T09:00'), by: { kind: 'system' }, timer: 'overdue' });
    expect(!timer.ok && timer.error.code).toBe('system-only');
    const system = await engine.send(caseId, { type: 'TRANSFER', at: at('2025-03-03T10:00'), by: { kind: 'system' } });
    expect(!system.ok && system.error.message).toBe('a TRANSFER event cannot come from the system clock through send: deadlines fire only when the host calls tick(now). Send events from a person or an agency; nothing was written.');
    expect((await engine.status(caseId)).version).toBe(2);
  });
});

describe('roles come from the procedure (issue 19 regressions)', () => {
  const signed = tinySpec({
    flow: [
      { kind: 'step', id: 'register', agency: 'justice', title: { vi: 'Ghi', en: 'Register' }, share: '1wd' },
      { kind: 'step', id: 'sign', agency: 'justice', role: 'chairman', title: { vi: 'Ký', en: 'Sign' }, share: '1wd' },
    ],
  });

  it('lets only the chairman complete the step the procedure gives the chairman', async () => {
    const engine = createEngine({ procedures: [signed], store: memoryStore() });
    const { caseId } = await engine.open(openTiny);
    await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk));
    expect((await engine.send(caseId, ev('COMPLETE', '2025-03-03T11:00', agency('justice'), { step: 'register' }))).ok).toBe(true);
    const clerk = await engine.send(caseId, { type: 'COMPLETE', at: at('2025-03-03T12:00'), by: { kind: 'agency', agency: 'justice', role: 'clerk' }, step: 'sign' });
    expect(!clerk.ok && clerk.error.message).toBe('only the chairman of Justice officer (justice) can complete step "sign"; the clerk cannot. It must come from that person: "by": {"agency": "justice", "role": "chairman"} (over HTTP, a token with role chairman).');
    const nobody = await engine.send(caseId, ev('COMPLETE', '2025-03-03T12:00', agency('justice'), { step: 'sign' }));
    expect(!nobody.ok && nobody.error.code).toBe('refused');
    const chairman = await engine.send(caseId, { type: 'COMPLETE', at: at('2025-03-03T12:30') as Instant, by: { kind: 'agency', agency: 'justice', role: 'chairman' }, step: 'sign' });
    expect(chairman.ok && chairman.status).toBe(9);
  });
});
