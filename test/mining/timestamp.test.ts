import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnyTimestamp, parseTimestamp } from '../../src/mining/timestamp.ts';
import { runs } from '../support/fuzz.ts';
import { checkProperty } from '../support/property.ts';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('reading timestamps', () => {
  it('reads the common form of the writers as the general reader does', () => {
    expect(parseTimestamp('2025-01-24T09:00:00.000+07:00', 0)).toBe(Date.UTC(2025, 0, 24, 2));
    expect(parseTimestamp('2025-01-24T09:00:00Z', 420)).toBe(Date.UTC(2025, 0, 24, 9));
    expect(parseTimestamp('2025-02-30T09:00:00Z', 420)).toBeUndefined();
  });

  it('gives what the regular expression gives for timestamps near the common form', () => {
    // Mostly well-formed parts, so that most texts take the fast path and its edges get tried.
    const part = (max: number, w: number) => fc.oneof({ arbitrary: fc.integer({ min: 0, max }).map((n) => pad(n, w)), weight: 12 }, { arbitrary: fc.constantFrom('', 'x', '9'.repeat(w + 1)), weight: 1 });
    const text = fc
      .tuple(part(9999, 4), part(13, 2), part(32, 2), fc.constantFrom('T', 'T', 'T', ' ', 't'), part(25, 2), part(61, 2), part(61, 2), fc.constantFrom('', '.000', '.5', '.123', '.1234', '.x12'), fc.constantFrom('Z', 'z', '+07:00', '-03:30', '+14:00', '+14:01', '+0700', '', ' ', '+7:00', '-00:00', '+<7:00', '+07:x0', '-0a:00', '+07:0.'))
      .map(([y, mo, d, t, h, mi, s, f, z]) => `${y}-${mo}-${d}${t}${h}:${mi}:${s}${f}${z}`);
    let quick = 0;
    checkProperty('timestamp fast path', fc.property(text, fc.constantFrom(0, 420, -180), (t, offset) => {
      const any = parseAnyTimestamp(t, offset);
      if (any !== undefined && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?(Z|[+-]\d\d:\d\d)$/.test(t)) quick++;
      expect(parseTimestamp(t, offset)).toBe(any);
    }), { numRuns: runs(20_000) });
    // The property is about the fast path: a good share of the texts must be in its form.
    expect(quick).toBeGreaterThan(runs(20_000) / 40);
  });
});
