import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../../src/calendar/instant.ts';
import { Decision766Tally, decision766 } from '../../src/indicators/decision766.ts';
import type { DossierRecord } from '../../src/indicators/record.ts';
import { checkProperty } from '../support/property.ts';

const DAY = 86_400_000;
const from = Date.UTC(2026, 0, 5) as Instant;
const period = { from, to: (from + 30 * DAY) as Instant, now: (from + 40 * DAY) as Instant };
const levels = ['commune', 'province'] as const;

/** A dossier of one of three agencies, two procedures and two levels, ending in any way or not at all. */
const record = fc
  .record({
    agency: fc.constantFrom('so-tu-phap', 'so-xay-dung', 'ubnd-xa'),
    procedure: fc.constantFrom('p1', 'p2'),
    level: fc.constantFrom(...levels),
    received: fc.integer({ min: -5 * DAY, max: 35 * DAY }),
    due: fc.option(fc.integer({ min: 0, max: 45 * DAY })),
    end: fc.option(fc.record({ kind: fc.constantFrom('resolved', 'refused', 'refused-at-receipt', 'stopped', 'withdrawn' as const), after: fc.integer({ min: 0, max: 20 * DAY }), classification: fc.constantFrom('early', 'on-time', 'late', null) })),
    supplements: fc.integer({ min: 0, max: 3 }),
    rating: fc.option(fc.constantFrom('very-satisfied', 'satisfied', 'not-satisfied' as const)),
    complained: fc.boolean(),
  })
  .map((r): DossierRecord => {
    const receivedAt = (from + r.received) as Instant;
    const endAt = r.end === null ? null : ((receivedAt + r.end.after) as Instant);
    return {
      id: '',
      agency: r.agency,
      procedure: r.procedure,
      level: r.level,
      receivedAt,
      due: r.due === null ? null : ((receivedAt + r.due) as Instant),
      end: r.end === null ? null : { kind: r.end.kind, at: endAt!, classification: r.end.kind === 'resolved' || r.end.kind === 'refused' ? r.end.classification : null },
      supplementRequests: Array.from({ length: r.supplements }, () => receivedAt),
      rating: r.rating === null ? null : { value: r.rating, at: (endAt ?? receivedAt) as Instant },
      complaints: r.complained ? [receivedAt] : [],
    };
  });

/** The figures of a group (every key but its name and rank), and the same keys of the indicators of the group's records alone. */
function compare(group: object, alone: object): void {
  const keys = Object.keys(group).filter((k) => !['agency', 'procedure', 'level', 'rank'].includes(k));
  expect(keys.length).toBeGreaterThan(5);
  expect(Object.fromEntries(keys.map((k) => [k, (group as Record<string, unknown>)[k]]))).toEqual(Object.fromEntries(keys.map((k) => [k, (alone as Record<string, unknown>)[k]])));
}

describe('Decision 766 groups', () => {
  it('give for each agency, procedure and level what the records of that group alone give (property)', () => {
    checkProperty(
      'decision766 groups = decision766 of the group',
      fc.property(fc.array(record, { maxLength: 60 }), (records) => {
        const all = decision766(records, period);
        for (const a of all.byAgency) compare(a, decision766(records.filter((r) => r.agency === a.agency), period));
        for (const p of all.byProcedure) compare(p, decision766(records.filter((r) => r.procedure === p.procedure), period));
        for (const l of all.byLevel) compare(l, decision766(records.filter((r) => r.level === l.level), period));
        // The groups listed are those that handled a dossier, and the total counts each dossier once.
        expect(all.byAgency.reduce((n, a) => n + a.handled, 0)).toBe(all.handled);
        const handling = (['p1', 'p2'] as const).filter((p) => decision766(records.filter((r) => r.procedure === p), period).handled > 0);
        expect(all.byProcedure.map((p) => p.procedure)).toEqual(handling);
      }),
      { numRuns: 200 },
    );
  });

  it('count a dossier through addEnded as through its record, in the period or not (property)', () => {
    checkProperty(
      'addEnded = addDossier',
      fc.property(fc.array(record, { maxLength: 60 }), (records) => {
        const byRecord = new Decision766Tally(period);
        const byFacts = new Decision766Tally(period);
        // One key per agency, procedure and level, reused as a host reuses it.
        const keys = new Map<string, ReturnType<Decision766Tally['key']>>();
        for (const r of records) {
          if (r.end === null) {
            byRecord.addDossier(r);
            byFacts.addDossier(r);
            continue;
          }
          // What addEnded is told: the requests made at receipt, the rating and the complaint at the end.
          const at = r.end.at;
          byRecord.addDossier({ ...r, rating: r.rating === null ? null : { value: r.rating.value, at }, complaints: r.complaints.map(() => at) });
          const name = `${r.agency}/${r.procedure}/${r.level}`;
          if (!keys.has(name)) keys.set(name, byFacts.key(r.agency, r.procedure, r.level));
          byFacts.addEnded(keys.get(name)!, r.receivedAt, r.due, r.end, r.supplementRequests.length, r.rating?.value ?? null, r.complaints.length > 0);
        }
        const result = byFacts.result();
        expect(result).toEqual(byRecord.result());
        expect(result.handled).toBe(decision766(records, period).handled);
      }),
      { numRuns: 300 },
    );
    const other = new Decision766Tally(period);
    const end = { kind: 'resolved' as const, at: from, classification: 'on-time' as const };
    expect(() => new Decision766Tally(period).addEnded(other.key('a', 'p1', null), from, null, end, 0, null, false)).toThrow('a Decision 766 key of another tally');
  });
});
