import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/calendar/instant.ts';
import { BusinessCalendar } from '../../src/calendar/business-calendar.ts';
import { answerComplaint, complaintRecord, openComplaint } from '../../src/indicators/complaint.ts';
import { STORES, at } from './support.ts';

const calendar = new BusinessCalendar();

describe('complaints and petitions', () => {
  it('get their deadlines in working days from filing, over the weekend', () => {
    // Filed on Friday 14 March 2025 at 10:00: 2, 5 and 15 working days later.
    const c = openComplaint({ id: 'PAKN-1', kind: 'feedback', dossier: 'tiny-20250310-0001', agency: 'police', text: 'Result late', at: at('2025-03-14T10:00') }, calendar);
    expect([c.deadlines.acknowledge, c.deadlines.askInformation, c.deadlines.answer].map(formatInstant)).toEqual(['2025-03-18T10:00+07:00', '2025-03-21T10:00+07:00', '2025-04-04T10:00+07:00']);
    expect([c.status, c.version]).toEqual(['open', 1]);
  });

  it('are answered once, and give the indicators their deadline and closing instant', () => {
    const c = openComplaint({ id: 'PAKN-2', kind: 'petition', text: 'Open on Saturdays', at: at('2025-03-14T10:00'), deadlines: { answer: 1 } }, calendar);
    const answered = answerComplaint(c, { at: at('2025-03-18T09:00'), outcome: 'dismissed', text: 'Not planned', feedback: 'not-satisfied' });
    expect(answered).toMatchObject({ status: 'answered', version: 2, outcome: { kind: 'dismissed', text: 'Not planned' }, feedback: 'not-satisfied' });
    expect(complaintRecord(answered)).toEqual({ id: 'PAKN-2', agency: null, openedAt: at('2025-03-14T10:00'), due: at('2025-03-17T10:00'), closedAt: at('2025-03-18T09:00'), feedback: 'not-satisfied' });
    expect(() => answerComplaint(answered, { at: at('2025-03-19T09:00'), outcome: 'upheld', text: 'again' })).toThrow('complaint PAKN-2 is already answered; open a new one to raise the matter again.');
    expect(() => openComplaint({ id: 'PAKN-3', kind: 'feedback', text: ' ', at: at('2025-03-14T10:00') }, calendar)).toThrow('a complaint needs its text');
  });

  describe.each(Object.entries(STORES))('on the %s store', (_name, makeStore) => {
    it('are written whole with a version check and listed by dossier, agency and status', async () => {
      const store = makeStore();
      const a = openComplaint({ id: 'PAKN-a', kind: 'feedback', dossier: 'D-1', agency: 'police', text: 'a', at: at('2025-03-14T10:00') }, calendar);
      const b = openComplaint({ id: 'PAKN-b', kind: 'petition', agency: 'justice', text: 'b', at: at('2025-03-13T10:00') }, calendar);
      expect(await store.putComplaint(a)).toEqual({ ok: true });
      expect(await store.putComplaint(b)).toEqual({ ok: true });
      // Creating it again, or writing a stale version, writes nothing.
      expect(await store.putComplaint(a)).toEqual({ ok: false, reason: 'conflict', actual: 1 });
      const answered = answerComplaint(a, { at: at('2025-03-15T10:00'), outcome: 'upheld', text: 'fixed' });
      expect(await store.putComplaint(answered)).toEqual({ ok: true });
      expect(await store.putComplaint({ ...answered, text: 'stale' })).toEqual({ ok: false, reason: 'conflict', actual: 2 });
      expect(await store.complaint('PAKN-a')).toEqual(answered);
      expect(await store.complaint('nope')).toBeNull();
      expect((await store.complaints()).map((c) => c.id)).toEqual(['PAKN-b', 'PAKN-a']);
      expect((await store.complaints({ dossier: 'D-1' })).map((c) => c.id)).toEqual(['PAKN-a']);
      expect((await store.complaints({ agency: 'justice', status: 'open' })).map((c) => c.id)).toEqual(['PAKN-b']);
      expect(await store.complaints({ status: 'refused' })).toEqual([]);
      await store.close();
    });
  });
});
