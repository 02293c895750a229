import { describe, expect, it } from 'vitest';
import { EN, type MessageKey, SAME_IN_BOTH, VI } from '../../src/i18n/messages.ts';
import { durationWords, t } from '../../src/i18n/translate.ts';
import { LABELS } from '../../src/report/labels.ts';
import { parseDuration } from '../../src/calendar/duration.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('the message catalogue', () => {
  const keys = Object.keys(EN) as MessageKey[];

  it('has the same keys in Vietnamese and English', () => {
    expect(Object.keys(VI).sort()).toEqual([...keys].sort());
  });

  it('renders every key in both languages, with every placeholder filled and no text left untranslated', () => {
    const missing: string[] = [];
    const untranslated: string[] = [];
    const badPlaceholders: string[] = [];
    for (const key of keys) {
      const en = EN[key];
      const vi = VI[key];
      if (typeof vi !== 'string' || vi.trim() === '') missing.push(key);
      if (vi === en && !SAME_IN_BOTH.has(key)) untranslated.push(key);
      if (placeholders(vi).join() !== placeholders(en).join()) badPlaceholders.push(`${key}: en {${placeholders(en)}} vi {${placeholders(vi)}}`);
      const params = Object.fromEntries(placeholders(en).map((p) => [p, `<${p}>`]));
      for (const lang of ['vi', 'en'] as const) {
        const text = (t as (l: string, k: string, p: object) => string)(lang, key, params);
        expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect({ missing, untranslated, badPlaceholders }).toEqual({ missing: [], untranslated: [], badPlaceholders: [] });
  });

  it('keeps symbols only where the list of texts equal in both languages allows it', () => {
    for (const key of SAME_IN_BOTH) expect(VI[key], key).toBe(EN[key]);
  });

  it('says working days and calendar days apart in both languages', () => {
    expect(durationWords(parseDuration('15wd'), 'vi')).toBe('15 ngày làm việc');
    expect(durationWords(parseDuration('15d'), 'vi')).toBe('15 ngày');
    expect(durationWords(parseDuration('15wd'), 'en')).toBe('15 working days');
    expect(durationWords(parseDuration('15d'), 'en')).toBe('15 calendar days');
    expect(durationWords(parseDuration('1wd'), 'en')).toBe('1 working day');
    expect(durationWords(parseDuration('0.5wd'), 'vi')).toBe('0,5 ngày làm việc');
    expect(durationWords(parseDuration('4wh'), 'vi')).toBe('4 giờ làm việc');
  });
});

/** Labels that are functions of a yes/no. */
const BOOLEAN_LABELS = new Set(['conservation']);

/** Every leaf of a labels tree, rendered: functions are called with a marker for each argument. */
function leaves(value: unknown, path: string, out: Map<string, string>): void {
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') {
    const args = Array.from({ length: value.length }, (_, i) => `‹${i}›`);
    const result = (value as (...a: unknown[]) => unknown)(...args);
    // Functions of a boolean (conservation) give two texts.
    if (typeof result === 'string') out.set(path, result);
    if (BOOLEAN_LABELS.has(path)) {
      const t = (value as (a: unknown) => unknown)(true);
      const f = (value as (a: unknown) => unknown)(false);
      if (typeof t === 'string' && typeof f === 'string' && t !== f) {
        out.set(`${path}(true)`, t);
        out.set(`${path}(false)`, f);
      }
    }
  } else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) leaves(v, path === '' ? k : `${path}.${k}`, out);
}

describe('the report labels, part of the same catalogue', () => {
  const vi = new Map<string, string>();
  const en = new Map<string, string>();
  leaves(LABELS.vi, '', vi);
  leaves(LABELS.en, '', en);
  /** Abbreviations and symbols that are the same in both languages. */
  const same = new Set(['figures.p90', 'figures.p95', 'p95Marker', 'stepText']);

  it('has every label in both languages, translated', () => {
    expect([...vi.keys()].sort()).toEqual([...en.keys()].sort());
    const untranslated = [...en.keys()].filter((k) => vi.get(k) === en.get(k) && !same.has(k));
    expect(untranslated).toEqual([]);
  });

  it('writes a limit in working days with the unit, not as bare days', () => {
    expect(LABELS.vi.limitMarker('15')).toBe('thời hạn 15 ngày làm việc');
    expect(LABELS.en.limitMarker('15')).toBe('limit 15 wd');
  });
});
