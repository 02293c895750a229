import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/data.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}bin/motcua.js`;
const ARTIFACTS = `${ROOT}test-artifacts`;
const dir = `${ARTIFACTS}/report`;
mkdirSync(dir, { recursive: true });
const motcua = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, LANG: 'C' } });

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

// The commune desk of replay-example.yaml, with a variant: a second officer at the committee.
const scenario = `${dir}/commune.yaml`;
writeFileSync(
  scenario,
  `${readFileSync(`${ROOT}simulations/replay-example.yaml`, 'utf8').replace('replay: replay-example.csv', `replay: ${ROOT}simulations/replay-example.csv`)}
variants:
  - name: two officers at the committee
    stations:
      committee: { officers: 2 }
`,
);

/** The little of the DOM the measurements use (the project's TypeScript has no DOM library). */
interface Drawn {
  getBoundingClientRect(): { readonly width: number; readonly height: number };
}
/** The parts of a table element the overflow check reads (the tests compile without the DOM library). */
interface Box {
  getBoundingClientRect(): { right: number };
  readonly parentElement: { readonly scrollWidth: number; readonly clientWidth: number } | null;
  closest(selector: string): { readonly id: string } | null;
  querySelector(selector: string): { readonly textContent: string | null } | null;
}
interface Svg extends Drawn {
  readonly dataset: Readonly<Record<string, string | undefined>>;
  querySelectorAll(selector: string): ArrayLike<Drawn>;
}

/** What the page shows, measured by the browser: every chart's size and its parts. */
interface Rendered {
  readonly charts: readonly {
    readonly kind: string;
    readonly width: number;
    readonly height: number;
    readonly bars: number;
    readonly visibleBars: number;
    readonly limits: number;
    readonly visibleLimits: number;
    readonly segments: number;
    readonly segmentsWidth: number;
    readonly baseline: number;
    readonly variant: number;
    readonly dots: number;
    readonly bottlenecks: number;
  }[];
  readonly requests: readonly string[];
  readonly errors: readonly string[];
  /** Tables wider than the page at 1280 px (a table in a scrolling box counts when it has to scroll). */
  readonly overflowing: readonly string[];
}

let browser: Browser;
// One simulation for the whole file: the English page and its data, from which the others are made.
const html = `${dir}/report.html`;
const dataFile = `${dir}/data.json`;
let data: ReportData;
beforeAll(async () => {
  const r = motcua('report', scenario, '--compare', '--lang', 'en', '-o', html, '--json', '--allow-outside');
  if (r.status !== 0) throw new Error(`motcua report failed: ${r.stderr}`);
  writeFileSync(dataFile, r.stdout);
  data = JSON.parse(r.stdout) as ReportData;
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing (${CHROMIUM}): the report is checked in a real browser. Run \`apt-get install chromium\` (.ci/run installs it).`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** Opens a report in headless Chromium, measures it, and saves a screenshot of the whole page. */
async function open(file: string, screenshot: string): Promise<Rendered> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const charts = await page.$$eval('svg.chart', (elements) =>
    (elements as unknown as Svg[]).map((svg) => {
      const box = svg.getBoundingClientRect();
      const all = (selector: string) => Array.from(svg.querySelectorAll(selector));
      const visible = (els: Drawn[]) => els.filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0).length;
      const bars = all('rect.bar');
      const limits = all('line.limit');
      const segments = all('rect.seg');
      return {
        kind: svg.dataset['chart'] ?? '',
        width: box.width,
        height: box.height,
        bars: bars.length,
        visibleBars: visible(bars),
        limits: limits.length,
        // A vertical line has no width: its height says it was drawn.
        visibleLimits: limits.filter((l) => l.getBoundingClientRect().height > 0).length,
        segments: segments.length,
        segmentsWidth: segments.reduce((s, e) => s + e.getBoundingClientRect().width, 0),
        baseline: all('rect.bar.baseline').length,
        variant: all('rect.bar.variant').length,
        dots: all('circle.dot').length,
        bottlenecks: all('rect.bar.bottleneck').length,
      };
    }),
  );
  const pageWidth = await page.evaluate('document.documentElement.clientWidth');
  const overflowing = await page.$$eval(
    'table',
    (tables, width) =>
      (tables as unknown as Box[])
        .filter((t) => t.getBoundingClientRect().right > (width as number) + 0.5 || (t.parentElement !== null && t.parentElement.scrollWidth > t.parentElement.clientWidth + 0.5))
        .map((t) => `${t.closest('section')?.id ?? '?'}: ${t.querySelector('th')?.textContent ?? ''}`),
    pageWidth,
  );
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { charts, requests, errors, overflowing };
}

describe('motcua report, opened in headless Chromium', () => {
  it('renders every chart of a scenario with a reform variant, and fetches nothing', async () => {
    const procedures = data.report.procedures.length;
    const stations = data.report.stations.length;
    expect(procedures).toBe(1);
    expect(data.variants.map((v) => v.name)).toEqual(['two officers at the committee']);

    const page = await open(html, `${ARTIFACTS}/report.png`);
    expect(page.errors).toEqual([]);
    expect(page.overflowing).toEqual([]);
    expect(page.requests).toEqual([pathToFileURL(html).href]);
    for (const chart of page.charts) {
      expect(chart.width, chart.kind).toBeGreaterThan(100);
      expect(chart.height, chart.kind).toBeGreaterThan(20);
    }
    const of = (kind: string) => page.charts.filter((c) => c.kind === kind);
    // The Decision 766 ranking follows the dashboard; what the variant does to the indicators closes its block.
    expect(page.charts.map((c) => c.kind)).toEqual(['ranking', 'histogram', 'split', 'stations', 'compare-cycle', 'compare-on-time', 'compare-utilisation', 'compare-decision766']);
    for (const h of of('histogram')) {
      expect(h.bars).toBeGreaterThan(3);
      expect(h.visibleBars).toBe(h.bars);
      // Birth registration: 1 working day, and 3 when the facts must be verified.
      expect(h.limits).toBe(2);
      expect(h.visibleLimits).toBe(2);
    }
    for (const s of of('split')) {
      expect(s.segments).toBe(3);
      expect(s.segmentsWidth).toBeCloseTo(s.width, 0);
    }
    const [st] = of('stations');
    expect(st!.bars).toBe(2 * stations);
    expect(st!.visibleBars).toBeGreaterThanOrEqual(stations);
    expect(st!.bottlenecks).toBe(2);
    for (const c of [...of('compare-cycle'), ...of('compare-on-time')]) {
      expect(c.baseline).toBe(procedures);
      expect(c.variant).toBe(procedures);
      expect(c.dots).toBe(procedures);
    }
    expect(of('compare-utilisation')[0]!.dots).toBeGreaterThanOrEqual(1);
    // One agency: the total and its row, each with three differences.
    expect(of('compare-decision766')[0]!.dots).toBe(6);
  }, 120_000);

  it('reads the same in Vietnamese', async () => {
    const vi = `${dir}/report-vi.html`;
    const r = motcua('report', dataFile, '--lang', 'vi', '-o', vi);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Báo cáo HTML: ${vi}\n`);
    const page = await open(vi, `${dir}/report-vi.png`);
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([pathToFileURL(vi).href]);
    expect(page.charts.length).toBe(8);
    expect(page.charts.every((c) => c.width > 0 && c.height > 0)).toBe(true);
    expect(readFileSync(vi, 'utf8')).toContain('Tỷ lệ đúng hạn');
  }, 60_000);
});

describe('motcua report, as a user runs it', () => {
  it('gives the same page from a scenario and from its JSON data', () => {
    const fromJson = `${dir}/from-json.html`;
    const again = motcua('report', dataFile, '-o', fromJson, '--lang', 'en');
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(fromJson, 'utf8')).toBe(readFileSync(html, 'utf8'));
  }, 60_000);

  it('reads what motcua simulate --json --compare printed, limits looked up in the catalogue', () => {
    const sim = motcua('simulate', scenario, '--json', '--compare', '--allow-outside');
    expect(sim.status, sim.stderr).toBe(0);
    writeFileSync(`${dir}/simulate.json`, sim.stdout);
    const html = `${dir}/from-simulate.html`;
    const r = motcua('report', `${dir}/simulate.json`, '-o', html, '--lang', 'en');
    expect(r.status, r.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<line class="limit"');
    expect(page).toContain('Variant “two officers at the committee”');
  }, 60_000);

  it('reports on the default scenario, printing the terminal summary and the page’s path', async () => {
    const html = `${dir}/default.html`;
    const r = motcua('report', '--replications', '1', '--summary', '-o', html);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Lào Cai-like province, 2025: 1 replications from 2025-01-01/);
    expect(r.stdout).toContain('land-office ◀ bottleneck');
    expect(r.stdout.endsWith(`HTML report: ${html}\n`)).toBe(true);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('motcua simulate simulations/province-2016.yaml --replications 1 --json');
    // The Decision 766 indicators with their formulas, and the agency ranking.
    expect(page).toContain('<section id="decision766">');
    expect(page).toContain('data-chart="ranking"');
    expect(page).toContain('(ended on time + pending within the limit) / all dossiers handled in the period');
    expect(r.stdout).toContain('Decision 766: on time');
    // Fifteen procedures and every station: the tables still fit a 1280 px screen.
    const shown = await open(html, `${dir}/default-1280.png`);
    expect(shown.overflowing).toEqual([]);
  }, 120_000);
});
