import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Histogram } from '../../src/sim/stats/histogram.ts';
import { checkProperty } from '../support/property.ts';

/** Mean and sum of squared deviations by the two-pass formula, the reference. */
function twoPass(xs: readonly number[]): { mean: number; m2: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { mean, m2: xs.reduce((s, x) => s + (x - mean) ** 2, 0) };
}

describe('Histogram', () => {
  it('gives the mean, variance, maximum, bins and overflow of what it was given', () => {
    const h = new Histogram(0.5, 4);
    for (const x of [0.2, 0.7, 0.9, 1.4, 3.5]) h.add(x);
    expect(h.count).toBe(5);
    expect(h.mean).toBeCloseTo(1.34, 12);
    // Σ(x − 1.34)² = 1.2996 + 0.4096 + 0.1936 + 0.0036 + 4.6656 = 6.572, over n − 1 = 4.
    expect(h.variance).toBeCloseTo(1.643, 12);
    expect(h.max).toBe(3.5);
    expect([...h.bins]).toEqual([1, 2, 1, 0]);
    expect(h.overflow).toBe(1);
  });

  it('keeps the variance of values far from zero as exact as the two-pass formula (shifted sums)', () => {
    // Values near 10⁶ days with spread 10⁻³: naive Σx² − (Σx)²/n loses every digit here.
    const xs = Array.from({ length: 10_000 }, (_, i) => 1e6 + ((i * 7919) % 1000) * 1e-6);
    const h = new Histogram(1, 10);
    for (const x of xs) h.add(x);
    const ref = twoPass(xs);
    expect(h.mean).toBeCloseTo(ref.mean, 9);
    expect(h.variance / (ref.m2 / (xs.length - 1))).toBeCloseTo(1, 6);
  });

  it('is empty before its first value, and crosses a worker boundary unchanged', () => {
    const empty = new Histogram(1, 2);
    expect([empty.count, empty.mean, empty.variance, empty.quantile(0.5)]).toEqual([0, 0, 0, 0]);
    const h = new Histogram(0.25, 100);
    for (const x of [3, 1, 4, 1, 5, 9, 2, 6]) h.add(x);
    const back = Histogram.fromData(h.toData());
    expect([back.count, back.max, back.overflow, back.quantile(0.5)]).toEqual([h.count, h.max, h.overflow, h.quantile(0.5)]);
    expect(back.mean).toBeCloseTo(3.875, 12);
    expect(back.variance).toBeCloseTo(h.variance, 12);
    // Adding after the crossing continues the same sums.
    back.add(5);
    h.add(5);
    expect(back.mean).toBeCloseTo(h.mean, 12);
    expect(back.variance).toBeCloseTo(h.variance, 12);
  });

  it('counts values stored before it reads them (hundreds at a time) as if it counted each as it came', () => {
    // 1,000 values cross the store several times; reads at odd points count what is stored so far.
    const xs = Array.from({ length: 1000 }, (_, i) => ((i * 37) % 101) / 4);
    const h = new Histogram(1, 20);
    const seen: number[] = [];
    xs.forEach((x, i) => {
      h.add(x);
      if (i === 0 || i === 254 || i === 255 || i === 256 || i === 700) seen.push(h.count);
    });
    expect(seen).toEqual([1, 255, 256, 257, 701]);
    expect(h.count).toBe(1000);
    const ref = twoPass(xs);
    expect(h.mean).toBeCloseTo(ref.mean, 12);
    expect(h.variance).toBeCloseTo(ref.m2 / 999, 9);
    expect(h.max).toBe(25);
    const bins = Array.from({ length: 20 }, (_, b) => xs.filter((x) => Math.floor(x) === b).length);
    expect([...h.bins]).toEqual(bins);
    expect(h.overflow).toBe(xs.filter((x) => x >= 20).length);
    expect(h.overflow).toBeGreaterThan(0);
    // Written as JSON, it gives its figures, not only its width.
    const json = JSON.parse(JSON.stringify(h));
    expect([json.count, json.max, json.overflow, json.width]).toEqual([1000, 25, h.overflow, 1]);
    expect(json.mean).toBeCloseTo(ref.mean, 12);
  });

  it('takes values every stride of a buffer (addEvery), between single values, with the very figures of adding them one by one', () => {
    checkProperty(
      'addEvery = add in turn',
      fc.property(fc.array(fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 700 }), { maxLength: 6 }), fc.integer({ min: 1, max: 3 }), (batches, stride) => {
        const byOne = new Histogram(0.5, 40);
        const byBuffer = new Histogram(0.5, 40);
        batches.forEach((xs, b) => {
          // Odd batches are single values; even ones a buffer of `stride` interleaved series, the first taken.
          if (b % 2 === 1) {
            for (const x of xs) [byOne, byBuffer].forEach((h) => h.add(x));
            return;
          }
          const buffer = new Float64Array(xs.length * stride).fill(-1);
          xs.forEach((x, k) => (buffer[k * stride] = x));
          for (const x of xs) byOne.add(x);
          byBuffer.addEvery(buffer, 0, stride, xs.length);
        });
        const figures = (h: Histogram) => [h.count, h.mean, h.variance, h.max, h.overflow, [...h.bins]];
        expect(figures(byBuffer)).toEqual(figures(byOne));
      }),
      { numRuns: 200 },
    );
  });
});
