import { describe, expect, it } from 'vitest';
import { histogramSvg, niceTicks, panelChartSvg, stackedBarSvg } from '../../src/report/charts.ts';

const format = (x: number, digits: number) => x.toFixed(digits);
const histogram = (counts: number[], markers: { x: number; label: string; className: string }[]) =>
  histogramSvg({ counts, binWidth: 0.05, markers, xLabel: 'wd', yLabel: 'n', label: 'h', format, barTitle: (a, b, c) => `${a}-${b}: ${c}`, tailTitle: (a, c) => `≥${a}: ${c}` });
const count = (svg: string, pattern: RegExp) => svg.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

describe('axis ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(37, 4)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(0)).toEqual([0]);
  });
});

describe('the cycle-time histogram', () => {
  it('merges fine bins to at most 60 bars and gathers the long tail in one last bar', () => {
    const counts = Array.from({ length: 400 }, (_, i) => (i < 300 ? 10 : i === 399 ? 1 : 0));
    const svg = histogram(counts, [{ x: 3, label: 'limit 3 d', className: 'limit' }]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart" data-chart="histogram" width="460" height="\d+" viewBox="0 0 460 \d+"/);
    expect(count(svg, /<rect class="bar"/)).toBe(60);
    expect(count(svg, /<rect class="bar tail"/)).toBe(1);
    expect(svg).toContain('<title>≥15.00: 1</title>');
    expect(count(svg, /<line class="limit"/)).toBe(1);
  });

  it('draws a limit far beyond the data at the right edge, with an arrow, rather than squash the bars', () => {
    const svg = histogram([5, 5, 5], [{ x: 1000, label: 'limit 1000 d', className: 'limit' }]);
    expect(svg).toContain('<line class="limit offscale" x1="445"');
    expect(svg).toContain('limit 1000 d →</text>');
  });

  it('places close marker labels on different rows', () => {
    const svg = histogram([5, 5, 5, 5], [
      { x: 0.1, label: 'p50 0.1', className: 'p50' },
      { x: 0.11, label: 'limit 0.11 d', className: 'limit' },
    ]);
    const ys = [...svg.matchAll(/<text class="marker-label [^"]*" x="[^"]*" y="(\d+)"/g)].map((m) => m[1]);
    expect(ys).toEqual(['16', '28']);
  });
});

describe('bars', () => {
  it('a split bar has one segment per part, sized by its share', () => {
    const svg = stackedBarSvg([{ value: 3, className: 'early', title: 'e' }, { value: 1, className: 'late', title: 'l' }], 'split', 'none');
    expect(svg).toContain('<rect class="seg early" x="0" y="3" width="345" height="20">');
    expect(svg).toContain('<rect class="seg late" x="345" y="3" width="115" height="20">');
    expect(stackedBarSvg([], 'split', 'none resolved')).toContain('>none resolved</text>');
  });

  it('a panel chart shares its row labels between bars and a forest of differences', () => {
    const svg = panelChartSvg({
      kind: 'compare',
      label: 'c',
      rows: [{ label: 'a', highlight: true, note: '◀' }, { label: 'b' }],
      panels: [
        { kind: 'bars', title: 'mean', width: 200, valueWidth: 50, series: ['baseline', 'variant'], format: String, values: [[{ value: 1, halfWidth: 0.5, title: 't', text: '1' }, { value: 2, title: 't', text: '2' }], [{ value: 3, title: 't', text: '3' }, { value: 4, title: 't', text: '4' }]] },
        { kind: 'forest', title: 'diff', width: 100, valueWidth: 50, format: String, values: [{ mean: 1, halfWidth: 0.5, text: '+1' }, { mean: 0.1, halfWidth: 1, text: '+0.1' }] },
      ],
    });
    expect(count(svg, /<rect class="bar baseline/)).toBe(2);
    expect(count(svg, /<rect class="bar variant/)).toBe(2);
    expect(count(svg, /class="bar [a-z]+ bottleneck"/)).toBe(2);
    expect(count(svg, /<circle class="dot sure"/)).toBe(1);
    expect(count(svg, /<circle class="dot"/)).toBe(1);
    expect(count(svg, /<text class="row-label/)).toBe(2);
  });
});
