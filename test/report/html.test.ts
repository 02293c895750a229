import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/data.ts';
import { renderDashboardPage } from '../../src/report/dashboard-html.ts';
import { renderReport } from '../../src/report/html.ts';
import { smallReportData } from './fixture.ts';

const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

let data: ReportData;
beforeAll(async () => {
  data = await smallReportData();
});

describe('the HTML report', () => {
  it('is the same bytes for the same data and language, and for the same simulation run again', async () => {
    const html = renderReport(data, 'vi');
    expect(renderReport(data, 'vi')).toBe(html);
    expect(renderReport(await smallReportData(), 'vi')).toBe(html);
    expect(renderReport(JSON.parse(JSON.stringify(data)) as ReportData, 'vi')).toBe(html);
  });

  it('lists every parameter that shaped the run: receipt, dossier mix, consultations, excluded intervals, supplement and transfer times', () => {
    const en = renderReport(data, 'en');
    const scenario = en.slice(en.indexOf('<section id="scenario">'), en.indexOf('</section>', en.indexOf('<section id="scenario">')));
    expect(scenario).toContain('<th style="text-align:left">Applicant brings supplement papers after (calendar days)</th><td>uniform(0.5, 5)</td>');
    expect(scenario).toContain('<td>in person: triangular(0, 4, 12); postal: exponential(mean 8); online: fixed(0)</td>');
    expect(scenario).toContain('<td>receipt: exponential(mean 0.2) working hours<br>dossier remote: true 50%, false 50%<br>consultation opinions: exponential(mean 8) working hours; silent 30%<br>excluded pay: uniform(0.5, 6) calendar days</td>');
    const vi = renderReport(data, 'vi');
    expect(vi).toContain('lấy ý kiến opinions: exponential(mean 8) giờ làm việc; im lặng 30%');
  });

  it('needs nothing from outside the file: no script, stylesheet link, font, image or URL to fetch', () => {
    const html = renderReport(data, 'en');
    const withoutNamespaces = html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '');
    expect(withoutNamespaces).not.toMatch(/https?:|<script|<link|<img|<iframe|@import|url\(|src=|@font-face/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('draws per procedure a histogram with its statutory limit, and the split of resolved dossiers', () => {
    const html = renderReport(data, 'en');
    expect(count(html, /data-chart="histogram"/)).toBe(2);
    expect(count(html, /data-chart="split"/)).toBe(2);
    expect(count(html, /<line class="limit"/)).toBe(2);
    // The kitchen-sink procedure gives remote dossiers 10 more working days: 15 + 10.
    expect(html).toContain('<line class="limit extended"');
    expect(html).toContain('Limit 15 working days — Test procedure; 25 working days when: Remote');
    expect(count(html, /<line class="p50"/)).toBe(2);
    expect(count(html, /<line class="p90"/)).toBe(2);
  });

  it('marks the bottleneck among the stations, and compares the variant with the baseline', () => {
    const html = renderReport(data, 'en');
    const stations = data.report.stations.length;
    expect(count(html, /<rect class="bar utilisation/)).toBe(stations);
    expect(count(html, /<rect class="bar utilisation bottleneck"/)).toBe(1);
    expect(html).toContain(`Bottleneck: ${data.report.bottleneck!.station}`);
    expect(count(html, /data-chart="compare-cycle"/)).toBe(1);
    expect(count(html, /data-chart="compare-on-time"/)).toBe(1);
    expect(html).toContain('Variant “one more land officer”');
  });

  it('says how to reproduce it: the scenario file, the seed, the command', () => {
    const html = renderReport(data, 'en');
    expect(html).toContain('Seed 11 is set in the scenario file simulations/small.yaml');
    expect(html).toContain('motcua report simulations/small.yaml --replications 2 --compare -o report.html');
  });

  it('speaks Vietnamese or English', () => {
    const vi = renderReport(data, 'vi');
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain('Tỷ lệ đúng hạn');
    expect(vi).toContain('Điểm nghẽn');
    const en = renderReport(data, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('On-time rate');
  });

  it('escapes every text that comes from files', async () => {
    const hostile = await smallReportData({ name: '<script>alert("n")</script>', title: '<img src=x onerror=alert(1)>' });
    const html = renderReport(hostile, 'en');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;n&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the dashboard page', () => {
  it('shows the figures counted from cases, with procedure titles, in one table', () => {
    const html = renderDashboardPage(data.dashboard, 'en', { tiny: { vi: 'Nhỏ', en: 'Tiny <one>' } });
    expect(html).toContain('<td class="name">Tiny &lt;one&gt; (1)</td>');
    expect(count(html, /<tr class="total">/)).toBe(1);
    expect(html).not.toContain('<script');
  });
});
