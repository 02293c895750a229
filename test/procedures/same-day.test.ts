import { describe, expect, it } from 'vitest';
import { birthRegistration } from '../../procedures/birth-registration.ts';
import { birthRegistration2025 } from '../../procedures/birth-registration-2025.ts';
import { deathRegistration } from '../../procedures/death-registration.ts';
import { deathRegistration2025 } from '../../procedures/death-registration-2025.ts';
import { marriageRegistration } from '../../procedures/marriage-registration.ts';
import { marriageRegistration2025 } from '../../procedures/marriage-registration-2025.ts';
import { BusinessCalendar, explainSameDayDue, formatInstant, parseInstant } from '../../src/calendar/index.ts';
import { createEngine, memoryStore } from '../../src/engine/index.ts';

const desk = { kind: 'agency', agency: 'desk' } as const;
const open = async (receivedAt: string, procedure = 'birth-registration', dossier: Record<string, boolean> = { needsVerification: false }) => {
  const engine = createEngine({ procedures: [birthRegistration, birthRegistration2025, marriageRegistration, marriageRegistration2025, deathRegistration, deathRegistration2025], store: memoryStore() });
  const opened = await engine.open({ procedure, channel: 'in-person', receivedAt: parseInstant(receivedAt), by: desk, dossier });
  return opened.slip!;
};

describe('same-day limits (civil status at the commune)', () => {
  it('a birth dossier received on Monday 2/3/2026 at 09:00 is due that day, at the close of office hours', async () => {
    const slip = await open('2026-03-02T09:00');
    expect(formatInstant(slip.due)).toBe('2026-03-02T17:00+07:00');
    expect(slip.explanation.map((l) => l.text.en).slice(1)).toEqual([
      'same day: received Monday 02/03/2026 09:00, before the 15:00 cut-off',
      'due at the close of office hours, Monday 02/03/2026 17:00',
    ]);
  });

  it('a birth dossier received on Monday 2/3/2026 at 15:30, after the cut-off, is due on Tuesday 3/3', async () => {
    expect(formatInstant((await open('2026-03-02T15:30')).due)).toBe('2026-03-03T17:00+07:00');
  });

  it('a dossier received at 15:30 on the Friday before Tết 2026 is due on the first working day after it', () => {
    const r = explainSameDayDue(new BusinessCalendar(), parseInstant('2026-02-13T15:30'));
    expect(formatInstant(r.due)).toBe('2026-02-23T17:00+07:00');
    expect(r.explanation.map((l) => l.text.en)).toEqual([
      'same day: received Friday 13/02/2026 15:30, at or after the 15:00 cut-off: due the next working day',
      'skipped 14/02/2026–22/02/2026: Tết holiday 2026 (Bính Ngọ), official',
      'due at the close of office hours, Monday 23/02/2026 17:00',
    ]);
  });

  it('a marriage whose conditions need verification gets 4 more working days: 5 in all', async () => {
    expect(formatInstant((await open('2026-03-02T09:00', 'marriage-registration', { needsVerification: true })).due)).toBe('2026-03-06T17:00+07:00');
  });

  it('a death declared on a Saturday is due at the close of Monday', async () => {
    expect(formatInstant((await open('2026-03-07T09:00', 'death-registration', { needsVerification: false })).due)).toBe('2026-03-09T17:00+07:00');
  });
});
