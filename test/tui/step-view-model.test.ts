import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { type Session, actions, advanceClock, current, openSession, perform } from '../../src/tui/session.ts';
import { stepLayout } from '../../src/tui/StepApp.tsx';
import { type FlowLine, clockFacts, fitLabel, fitMessage, flowLines, visibleFlow, wrapLines } from '../../src/tui/view-model.ts';
import { constructionPermitHouse } from '../../procedures/construction-permit-house.ts';
import { birthRegistration2025 } from '../../procedures/birth-registration-2025.ts';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';

const land = compileProcedure(landUseRightFirst);
const birth = compileProcedure(birthRegistration2025);

/** Performs the action whose key starts with `key` (it must be offered now). */
function act(s: Session, key: string, text?: string): Session {
  const action = actions(s).find((a) => a.key.startsWith(key));
  if (action === undefined) throw new Error(`no action ${key} among ${actions(s).map((a) => a.key).join(', ')}`);
  return perform(s, action, text);
}
const facts = (s: Session) => clockFacts(s.proc, current(s).snapshot, current(s).now, 'en');

describe('the stepper’s clocks follow the engine’s ledger', () => {
  it('counts whole working days in the date mode, so a supplement at 09:00 leaves "Used" where it was', () => {
    let s = openSession(land, { receivedAt: parseInstant('2025-03-03T09:00'), channel: 'in-person', dossier: { remoteCommune: false } });
    expect(facts(s).used).toBe('—');
    s = act(act(s, 'accept'), 'transfer');
    expect(facts(s)).toMatchObject({ used: '0 / 20 wd, left 20', running: 'running' });
    s = advanceClock(s, 'working-day');
    expect(facts(s).now).toBe('04/03/2025 09:00');
    // Tuesday is being used: a pause now charges it, and the figure says so before and after.
    expect(facts(s).used).toBe('1 / 20 wd, left 19');
    s = act(s, 'supplement:verify-origin');
    expect(facts(s)).toMatchObject({ used: '1 / 20 wd, left 19', running: 'paused: supplement:verify-origin', due: '—' });
    s = advanceClock(advanceClock(s, 'working-day'), 'working-day');
    expect(facts(s).used).toBe('1 / 20 wd, left 19');
    s = act(s, 'supply:verify-origin');
    expect(facts(s)).toMatchObject({ used: '1 / 20 wd, left 19', running: 'running', due: 'end of 02/04/2025' });
  });

  it('stops the clock when the result is ready, and offers nothing for the steps once the case has ended', () => {
    let s = openSession(birth, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
    s = act(s, 'accept');
    s = advanceClock(s, 'hour');
    const steps = actions(s).filter((a) => a.key.startsWith('complete:'));
    for (const step of steps) s = act(s, step.key);
    while (actions(s).some((a) => a.key.startsWith('complete:') || a.key === 'transfer')) s = act(s, actions(s).find((a) => a.key.startsWith('complete:') || a.key === 'transfer')!.key);
    const ready = facts(s);
    expect(ready.status).toBe('9 processed, result ready');
    expect(ready.running).toBe(`stopped at ${ready.now.slice(0, 5)} ${ready.now.slice(11)}`);
    s = advanceClock(s, 'hour');
    expect(facts(s)).toMatchObject({ running: ready.running, used: ready.used });
    s = act(s, 'return');
    expect(facts(s)).toMatchObject({ status: '10 result returned', running: ready.running, used: ready.used });
    expect(actions(s).map((a) => a.key)).toEqual(['rate:very-satisfied', 'rate:satisfied', 'rate:not-satisfied']);
  });
});

describe('the stepper’s layout', () => {
  it('at 80×24 puts the flow beside the clocks and the actions under them across the whole width, and drops the control slip', () => {
    expect(stepLayout(80, 24, 4)).toEqual({ wide: false, flow: { width: 35, height: 12 }, clocks: { width: 45 }, actions: { width: 80, height: 8 }, slip: { height: 0 } });
  });

  it('at 80×40 keeps the control slip below the actions', () => {
    expect(stepLayout(80, 40, 5)).toEqual({ wide: false, flow: { width: 35, height: 12 }, clocks: { width: 45 }, actions: { width: 80, height: 8 }, slip: { height: 16 } });
  });

  it('at 120×40 uses two columns of 60', () => {
    expect(stepLayout(120, 40, 4)).toEqual({ wide: true, flow: { width: 60, height: 18 }, clocks: { width: 60 }, actions: { width: 60, height: 24 }, slip: { height: 18 } });
  });

  it('leaves flow lines out around the step being worked on, saying how many, rather than squeezing them', () => {
    const lines: FlowLine[] = Array.from({ length: 10 }, (_, i) => ({ depth: 0, mark: i < 6 ? '✓' : i === 6 ? '▶' : '·', text: `step-${i}` }));
    const { shown, hidden } = visibleFlow(lines, 5);
    expect(shown.map((l) => l.text)).toEqual(['step-5', 'step-6', 'step-7', 'step-8']);
    expect(hidden).toBe(6);
    expect(visibleFlow(flowLines(land, openSession(land, { receivedAt: parseInstant('2025-03-03T09:00'), channel: 'in-person', dossier: { remoteCommune: false } }).history[0]!.snapshot, 'en'), 9).hidden).toBe(0);
  });

  it('names an agency by its id when its name does not fit, never cutting every label mid-word', () => {
    const action = { label: 'District Natural Resources and Environment Division completes check-permit', short: 'landDivision completes check-permit' };
    expect(fitLabel(action, 80)).toBe(action.label);
    expect(fitLabel(action, 60)).toBe('landDivision completes check-permit');
    expect(fitLabel({ label: 'Desk accepts the complete dossier (receipt slip)' }, 30)).toBe('Desk accepts the complete dossier (receipt slip)');
  });

  it('shortens a message that does not fit by naming the agencies by their ids', () => {
    const permit = compileProcedure(constructionPermitHouse);
    const said = 'District Economic and Infrastructure (Urban Management) Division completes appraise → notify-agency, notify-agency';
    expect(fitMessage(said, permit, 'en', 120)).toBe(said);
    expect(fitMessage(said, permit, 'en', 80)).toBe('permitting completes appraise → notify-agency, notify-agency');
  });

  it('wraps the explanation at word boundaries, continuation lines indented under their first', () => {
    expect(wrapLines(['Accepted: Monday 03/03/2025 09:00; the day of receipt is not counted', '  due: end of Monday 31/03/2025'], 32)).toEqual([
      'Accepted: Monday 03/03/2025',
      '  09:00; the day of receipt is',
      '  not counted',
      '  due: end of Monday 31/03/2025',
    ]);
  });
});
