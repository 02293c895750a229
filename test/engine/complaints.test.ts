import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/calendar/instant.ts';
import { BusinessCalendar } from '../../src/calendar/business-calendar.ts';
import { acknowledgeComplaint, answerComplaint, askComplaintInformation, complaintDeadlines, complaintRecord, openComplaint } from '../../src/indicators/complaint.ts';
import { join } from 'node:path';
import { PG_URL, freshDatabase } from '../support/postgres.ts';
import { runCli } from '../support/cli.ts';
import { at, tempDir } from './support.ts';
import { decision766 } from '../../src/indicators/decision766.ts';

const calendar = new BusinessCalendar();

describe('complaints and petitions', () => {
  it('get their deadlines in working days from filing, over the weekend', () => {
    // Filed on Friday 14 March 2025 at 10:00: 2, 5 and 15 working days later.
    const c = openComplaint({ id: 'PAKN-1', kind: 'feedback', dossier: 'MOTCUA-250310-0001', agency: 'police', text: 'Result late', at: at('2025-03-14T10:00') }, calendar);
    expect([c.deadlines.acknowledge, c.deadlines.askInformation, c.deadlines.answer].map(formatInstant)).toEqual(['2025-03-18T10:00+07:00', '2025-03-21T10:00+07:00', '2025-04-04T10:00+07:00']);
    expect([c.status, c.version, c.acknowledgedAt, c.informationRequest]).toEqual(['open', 1, null, null]);
  });

  it('are acknowledged, asked about and answered, each against its own deadline', () => {
    // Filed Friday 14 March 10:00: acknowledge by Tuesday 18 10:00, ask by Friday 21 10:00, answer by Friday 4 April 10:00.
    const c = openComplaint({ id: 'PAKN-4', kind: 'feedback', dossier: 'D-1', agency: 'police', text: 'Result late', at: at('2025-03-14T10:00') }, calendar);
    expect(complaintDeadlines(c, at('2025-03-18T10:00'))).toEqual({ acknowledge: 'pending', askInformation: 'pending', answer: 'pending' });
    expect(complaintDeadlines(c, at('2025-03-18T10:01'))).toEqual({ acknowledge: 'overdue', askInformation: 'pending', answer: 'pending' });
    // Acknowledged on Wednesday 19: a day late.
    const acknowledged = acknowledgeComplaint(c, at('2025-03-19T09:00'));
    expect([acknowledged.status, acknowledged.version, formatInstant(acknowledged.acknowledgedAt!)]).toEqual(['acknowledged', 2, '2025-03-19T09:00+07:00']);
    expect(() => acknowledgeComplaint(acknowledged, at('2025-03-19T10:00'))).toThrow('complaint PAKN-4 was acknowledged already; answer it (or ask the filer for information).');
    // Asked for information on Friday 21 at 10:00 sharp: kept.
    const asked = askComplaintInformation(acknowledged, { at: at('2025-03-21T10:00'), text: 'Which day did you come?' });
    expect([asked.status, asked.version, asked.informationRequest?.text]).toEqual(['awaiting-information', 3, 'Which day did you come?']);
    expect(() => askComplaintInformation(asked, { at: at('2025-03-24T10:00'), text: 'again' })).toThrow('the filer of complaint PAKN-4 was asked for information already; answer it now.');
    expect(complaintDeadlines(asked, at('2025-04-04T10:01'))).toEqual({ acknowledge: 'missed', askInformation: 'kept', answer: 'overdue' });
    const answered = answerComplaint(asked, { at: at('2025-04-03T16:00'), outcome: 'upheld', text: 'Apologised' });
    expect([answered.status, answered.version]).toEqual(['answered', 4]);
    expect(complaintDeadlines(answered, at('2025-05-01T00:00'))).toEqual({ acknowledge: 'missed', askInformation: 'kept', answer: 'kept' });
    expect(() => acknowledgeComplaint(answered, at('2025-04-04T09:00'))).toThrow('complaint PAKN-4 is already answered; open a new one to raise the matter again.');
    expect(() => askComplaintInformation(answered, { at: at('2025-04-04T09:00'), text: 'x' })).toThrow('complaint PAKN-4 is already answered');
  });

  it('count a refusal within two working days as acknowledged in time, and an ask as an acknowledgement', () => {
    const c = openComplaint({ id: 'PAKN-5', kind: 'petition', text: 'Anonymous', at: at('2025-03-14T10:00') }, calendar);
    const refused = answerComplaint(c, { at: at('2025-03-17T09:00'), outcome: 'refused', text: 'Not competent' });
    expect(refused.status).toBe('refused');
    expect(complaintDeadlines(refused, at('2025-05-01T00:00'))).toEqual({ acknowledge: 'kept', askInformation: 'not-needed', answer: 'kept' });
    // A refusal is judged against the 2 working days to refuse: on time on Monday 17, late on Wednesday 19.
    expect(complaintRecord(refused)).toMatchObject({ due: at('2025-03-18T10:00'), closedAt: at('2025-03-17T09:00') });
    const lateRefusal = answerComplaint(c, { at: at('2025-03-19T09:00'), outcome: 'refused', text: 'Not competent' });
    expect(complaintDeadlines(lateRefusal, at('2025-05-01T00:00'))).toEqual({ acknowledge: 'missed', askInformation: 'not-needed', answer: 'kept' });
    expect(decision766([], { from: at('2025-03-01T00:00'), to: at('2025-04-01T00:00'), now: at('2025-04-01T00:00'), complaints: [complaintRecord(refused), complaintRecord(lateRefusal)] }).complaints).toMatchObject({ total: 2, answeredOnTime: 1, late: 1 });
    const asked = askComplaintInformation(c, { at: at('2025-03-17T09:00'), text: 'Your address?' });
    expect([asked.status, formatInstant(asked.acknowledgedAt!)]).toEqual(['awaiting-information', '2025-03-17T09:00+07:00']);
    expect(() => askComplaintInformation(c, { at: at('2025-03-13T09:00'), text: 'x' })).toThrow('the request for information about complaint PAKN-5 cannot come before it was filed.');
    expect(() => askComplaintInformation(c, { at: at('2025-03-17T09:00'), text: ' ' })).toThrow('asking for information needs its text');
  });

  it('are answered once, and give the indicators their deadline and closing instant', () => {
    const c = openComplaint({ id: 'PAKN-2', kind: 'petition', text: 'Open on Saturdays', at: at('2025-03-14T10:00'), deadlines: { answer: 1 } }, calendar);
    const answered = answerComplaint(c, { at: at('2025-03-18T09:00'), outcome: 'dismissed', text: 'Not planned', feedback: 'not-satisfied' });
    expect(answered).toMatchObject({ status: 'answered', version: 2, outcome: { kind: 'dismissed', text: 'Not planned' }, feedback: 'not-satisfied' });
    expect(complaintRecord(answered)).toEqual({ id: 'PAKN-2', agency: null, dossier: null, openedAt: at('2025-03-14T10:00'), due: at('2025-03-17T10:00'), closedAt: at('2025-03-18T09:00'), feedback: 'not-satisfied' });
    expect(() => answerComplaint(answered, { at: at('2025-03-19T09:00'), outcome: 'upheld', text: 'again' })).toThrow('complaint PAKN-2 is already answered; open a new one to raise the matter again.');
    expect(() => openComplaint({ id: 'PAKN-3', kind: 'feedback', text: ' ', at: at('2025-03-14T10:00') }, calendar)).toThrow('a complaint needs its text');
  });
});

/** Where `motcua complaint --db` may point: a SQLite file, and PostgreSQL when the tests have a server. */
const DATABASES: [string, () => Promise<{ db: string; drop: () => Promise<void> }>][] = [
  ['a SQLite file', async () => ({ db: join(tempDir(), 'cases.db'), drop: async () => {} })],
  ...(PG_URL === undefined
    ? []
    : [
        [
          'PostgreSQL',
          async () => {
            const d = await freshDatabase();
            return { db: d.url, drop: d.drop };
          },
        ] as [string, () => Promise<{ db: string; drop: () => Promise<void> }>],
      ]),
];

describe.each(DATABASES)('motcua complaint on %s', (_name, open) => {
  it('opens, acknowledges, asks about, answers and lists a complaint, which motcua report --db then counts', { timeout: 60_000 }, async () => {
    const { db, drop } = await open();
    try {
      const cli = async (...args: string[]) => {
        const r = await runCli(['complaint', ...args, '--db', db]);
        expect(r.err).toBe('');
        return JSON.parse(r.out);
      };
      const c = await cli('open', '--kind', 'petition', '--agency', 'police', '--text', 'Open on Saturdays', '--at', '2025-03-14T10:00');
      expect([c.id, c.status, c.deadlines.answer]).toEqual(['PAKN-20250314-0001', 'open', '2025-04-04T10:00+07:00']);
      await cli('acknowledge', c.id, '--at', '2025-03-17T09:00');
      await cli('ask', c.id, '--text', 'Which Saturdays?', '--at', '2025-03-18T09:00');
      const answered = await cli('answer', c.id, '--outcome', 'dismissed', '--text', 'Not planned', '--feedback', 'not-satisfied', '--at', '2025-03-20T09:00');
      expect([answered.status, answered.version, answered.deadlinesKept]).toEqual(['answered', 4, { acknowledge: 'kept', askInformation: 'kept', answer: 'kept' }]);
      expect((await cli('list', '--status', 'answered')).map((x: { id: string; informationRequest: unknown }) => [x.id, x.informationRequest])).toEqual([[c.id, { at: '2025-03-18T09:00+07:00', text: 'Which Saturdays?' }]]);
      expect(await cli('list', '--status', 'open')).toEqual([]);
      // The indicators of the same store count it: answered on time, the filer not satisfied.
      const report = await runCli(['report', '--db', db, '--from', '2025-03-01', '--to', '2025-03-31', '--now', '2025-04-01T00:00', '--json']);
      expect(report.err).toBe('');
      expect(JSON.parse(report.out).indicators.decision766.complaints).toMatchObject({ total: 1, answeredOnTime: 1, notSatisfied: 1, onTimeRate: 1, satisfactionRate: 0 });
    } finally {
      await drop();
    }
  });
});
