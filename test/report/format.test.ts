import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/escape.ts';
import { formatCount, formatNumber, formatPercent, formatSigned } from '../../src/report/format.ts';

describe('numbers in the reader’s convention', () => {
  it('groups thousands and marks decimals the Vietnamese and the English way', () => {
    expect(formatNumber(12345.678, 1, 'vi')).toBe('12.345,7');
    expect(formatNumber(12345.678, 1, 'en')).toBe('12,345.7');
    expect(formatNumber(1234567, 0, 'vi')).toBe('1.234.567');
    expect(formatNumber(-1.5, 1, 'en')).toBe('−1.5');
    expect(formatNumber(-0.01, 1, 'en')).toBe('0.0');
    expect(formatNumber(Number.NaN, 1, 'en')).toBe('—');
  });

  it('writes shares, differences and mean counts', () => {
    expect(formatPercent(0.9234, 1, 'vi')).toBe('92,3%');
    expect(formatSigned(1.25, 1, 'en')).toBe('+1.3');
    expect(formatSigned(-0.3, 1, 'en')).toBe('−0.3');
    expect(formatSigned(0.01, 1, 'en')).toBe('0.0');
    expect([formatCount(9382.4, 'vi'), formatCount(82.5, 'vi'), formatCount(45, 'en'), formatCount(0.04, 'en'), formatCount(12.96, 'en')]).toEqual(['9.382', '82,5', '45', '0', '13']);
  });
});

describe('escaping', () => {
  it('turns every character that could open markup or close an attribute into an entity', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & more`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; more');
  });
});
