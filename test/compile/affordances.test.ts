import { describe, expect, it } from 'vitest';
import { type Instant, parseInstant } from '../../src/calendar/instant.ts';
import { type Affordance, affordances } from '../../src/compile/affordances.ts';
import { type CaseSnapshot, applyEvent, possibleEventTypes, startCase } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import type { Actor, CaseEvent } from '../../src/compile/types.ts';
import { actions, openSession } from '../../src/tui/session.ts';
import { birthRegistration2025 } from '../../procedures/birth-registration-2025.ts';
import { kitchenSinkSpec } from '../support/specs.ts';

const desk: Actor = { kind: 'agency', agency: 'desk' };
const applicant: Actor = { kind: 'applicant' };
const agency = (id: string): Actor => ({ kind: 'agency', agency: id });

/** `TYPE target by who`, for reading a list of affordances at a glance. */
const said = (a: Affordance) => [a.type, a.step ?? a.consult ?? a.interval, 'by', a.by.kind === 'agency' ? a.by.agency : a.by.kind].filter((x) => x !== undefined).join(' ');

const proc = compileProcedure(kitchenSinkSpec());
const at = (t: string) => parseInstant(t);

/** The case after `events`, each of which must be accepted. */
function after(events: readonly CaseEvent[]): CaseSnapshot {
  let { snapshot } = startCase(proc, { receivedAt: at('2025-03-03T09:00'), channel: 'in-person', dossier: { remote: false } });
  for (const e of events) {
    const r = applyEvent(proc, snapshot, e);
    if (!r.ok) throw new Error(`${e.type}: ${r.error.message}`);
    snapshot = r.snapshot;
  }
  return snapshot;
}

const accepted: CaseEvent[] = [
  { type: 'ACCEPT', at: at('2025-03-03T09:05'), by: desk },
  { type: 'TRANSFER', at: at('2025-03-03T10:00'), by: desk },
];

describe('what can be done now, and by whom', () => {
  it('at the desk: accept, ask for papers, refuse, or the applicant withdraws', () => {
    const b = compileProcedure(birthRegistration2025);
    const { snapshot } = startCase(b, { receivedAt: at('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
    expect(affordances(b, snapshot).map(said)).toEqual(['ACCEPT by desk', 'REQUEST_COMPLETION by desk', 'REFUSE by desk', 'WITHDRAW by applicant']);
    expect(possibleEventTypes(b, snapshot)).toEqual(['ACCEPT', 'REQUEST_COMPLETION', 'REFUSE', 'WITHDRAW']);
  });

  it('at a step: its agency completes, asks for papers or refuses; an apology from it or the desk', () => {
    expect(affordances(proc, after(accepted)).map(said)).toEqual([
      'COMPLETE verify by commune',
      'REQUEST_SUPPLEMENT verify by commune',
      'REFUSE verify by commune',
      'APOLOGIZE by commune',
      'APOLOGIZE by desk',
      'WITHDRAW by applicant',
    ]);
  });

  it('no second supplement request once the agency has used its one, the papers come from the applicant for that step, and the holder may refuse meanwhile', () => {
    const asked = after([...accepted, { type: 'REQUEST_SUPPLEMENT', at: at('2025-03-04T09:00'), by: agency('commune'), step: 'verify', missing: ['map'] }]);
    // While the papers are awaited the holder may still refuse the dossier (the machine accepts it).
    expect(affordances(proc, asked).map(said)).toEqual(['SUPPLY verify by applicant', 'REFUSE verify by commune', 'WITHDRAW by applicant']);
    const supplied = after([
      ...accepted,
      { type: 'REQUEST_SUPPLEMENT', at: at('2025-03-04T09:00'), by: agency('commune'), step: 'verify', missing: ['map'] },
      { type: 'SUPPLY', at: at('2025-03-05T09:00'), by: applicant, step: 'verify' },
    ]);
    expect(affordances(proc, supplied).map((a) => a.type)).not.toContain('REQUEST_SUPPLEMENT');
    expect(affordances(proc, supplied).map(said)).toContain('COMPLETE verify by commune');
  });

  it('a consultation: the consulted agency answers; a payment: the applicant ends it', () => {
    const consulting = after([...accepted, { type: 'COMPLETE', at: at('2025-03-04T09:00'), by: agency('commune'), step: 'verify' }]);
    expect(affordances(proc, consulting).map(said)).toEqual(['ANSWER opinions by fire', 'APOLOGIZE by desk', 'WITHDRAW by applicant']);
  });

  it('after the request to withdraw, only the desk closes the dossier', () => {
    const asked = after([...accepted, { type: 'WITHDRAW', at: at('2025-03-04T09:00'), by: applicant, reason: 'moved' }]);
    expect(affordances(proc, asked).map(said)).toEqual(['WITHDRAW by desk']);
  });

  it('an apology only until its last moment before the due date', () => {
    const s = after(accepted);
    const due = s.context.statutory!.due!;
    expect(affordances(proc, s, (due - 1) as Instant).map((a) => a.type)).not.toContain('APOLOGIZE');
  });

  it('the stepper offers exactly these, one apology slip', () => {
    const session = openSession(proc, { receivedAt: at('2025-03-03T09:00'), channel: 'in-person', dossier: { remote: false } });
    expect(actions(session).map((a) => a.key)).toEqual(['accept', 'complete?', 'refuse', 'withdraw']);
  });
});
