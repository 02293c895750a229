import { INDICATOR_LABELS } from '../indicators/labels.ts';
import { parseDuration } from '../calendar/duration.ts';
import { durationWords } from '../i18n/translate.ts';
import type { Comparison, ProcedureReport, SimReport } from '../sim/report.ts';
import type { Estimate } from '../sim/stats.ts';
import { type BarValue, type ForestValue, type Marker, type PanelRow, histogramSvg, panelChartSvg, stackedBarSvg } from './charts.ts';
import { dashboardNotes, dashboardTable } from './dashboard-html.ts';
import type { ReportData } from './data.ts';
import { escapeHtml as esc } from './escape.ts';
import { formatCount, formatNumber, formatPercent, formatSigned } from './format.ts';
import { LABELS, type Lang, type ReportLabels } from './labels.ts';
import { indicatorComparisonHtml, indicatorSectionHtml, indicatorSectionOfEstimates } from './indicators-html.ts';
import { htmlPage } from './page.ts';
import type { ProcedureInfo } from './procedure-info.ts';

/**
 * The HTML report of a simulation: one self-contained file (inline SVG charts, no script, nothing
 * fetched), every text escaped, and the same bytes for the same data and language.
 *
 * @example
 * writeFileSync('report.html', renderReport(reportData(run), 'vi'));
 */
export function renderReport(data: ReportData, lang: Lang): string {
  const L = LABELS[lang];
  const ctx: Ctx = { L, lang, data, info: (id, version) => data.procedures.find((p) => p.id === id && p.version === version) ?? data.procedures.find((p) => p.id === id) };
  const s = data.report.scenario;
  const nav = [
    ['reproduce', L.nav.reproduce],
    ['dashboard', L.nav.dashboard],
    ...(data.report.indicators === undefined ? [] : [['decision766', INDICATOR_LABELS.decision766[lang]]]),
    ['procedures', L.nav.procedures],
    ['stations', L.nav.stations],
    ...(data.variants.length > 0 || (data.scenario?.variants.length ?? 0) > 0 ? [['compare', L.nav.compare]] : []),
    ['scenario', L.nav.scenario],
    ['checks', L.nav.checks],
  ]
    .map(([id, text]) => `<a href="#${id!}">${esc(text!)}</a>`)
    .join('');
  const subtitle = L.subtitle({
    replications: String(s.replications),
    seed: String(s.seed),
    start: s.start,
    horizon: String(s.horizonDays),
    warmup: String(s.warmupDays),
    calendar: s.calendar,
    discipline: s.discipline,
  });
  const body = [
    `<header><h1>${esc(L.title)}: ${esc(s.name)}</h1><p class="sub">${esc(subtitle)}</p><nav>${nav}</nav></header>`,
    reproduceSection(ctx),
    data.warnings.length === 0 ? '' : `<section id="warnings"><h2>${esc(L.warningsTitle)}</h2>${data.warnings.map((w) => `<p class="warning">${esc(w)}</p>`).join('')}</section>`,
    `<section id="dashboard"><h2>${esc(L.nav.dashboard)}</h2>${dashboardNotes(data.dashboard, lang)}${dashboardTable(data.dashboard, lang, (id, version) => procedureName(ctx, id, version))}</section>`,
    data.report.indicators === undefined ? '' : indicatorSectionHtml(indicatorSectionOfEstimates(data.report.indicators.decision766), lang),
    proceduresSection(ctx),
    stationsSection(ctx),
    compareSection(ctx),
    scenarioSection(ctx),
    checksSection(ctx),
    `<footer>${esc(L.footer)}</footer>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
  return htmlPage(lang, `${L.title}: ${s.name}`, body);
}

interface Ctx {
  readonly L: ReportLabels;
  readonly lang: Lang;
  readonly data: ReportData;
  readonly info: (id: string, version: string | null) => ProcedureInfo | undefined;
}

function procedureName(ctx: Ctx, id: string, version: string | null): string {
  const info = ctx.info(id, version);
  return info === undefined ? id : info.title[ctx.lang];
}

const num = (ctx: Ctx, x: number, digits = 1) => formatNumber(x, digits, ctx.lang);
const withCi = (ctx: Ctx, e: Estimate, digits = 1) => (e.halfWidth > 0 ? `${num(ctx, e.mean, digits)} ±${num(ctx, e.halfWidth, digits)}` : num(ctx, e.mean, digits));
const pctCi = (ctx: Ctx, e: Estimate) => (e.halfWidth > 0 ? `${formatPercent(e.mean, 1, ctx.lang)} ±${num(ctx, e.halfWidth * 100, 1)}` : formatPercent(e.mean, 1, ctx.lang));

function reproduceSection(ctx: Ctx): string {
  const { L, data } = ctx;
  const s = data.report.scenario;
  const text = data.scenario === null ? L.reproduceUnknown(s.name, String(s.seed), String(s.replications)) : L.reproduceText(String(s.seed), data.scenario.file);
  const commands = data.reproduce.length === 0 ? '' : `<pre>${data.reproduce.map((c) => esc(c)).join('\n')}</pre>`;
  return `<section id="reproduce"><h2>${esc(L.reproduceTitle)}</h2><p>${esc(text)}</p>${commands}</section>`;
}

function proceduresSection(ctx: Ctx): string {
  const { L, data } = ctx;
  const cards = data.report.procedures.map((p) => procedureCard(ctx, p, data.report)).join('\n');
  return `<section id="procedures"><h2>${esc(L.proceduresTitle)}</h2><p class="note">${esc(L.proceduresNote)}</p><div class="cards">\n${cards}\n</div></section>`;
}

/** A limit such as `15wd` in words that say the unit ("15 ngày làm việc"); other texts as they are. */
function limitWords(text: string, lang: Lang): string {
  try {
    return durationWords(parseDuration(text), lang);
  } catch {
    return text;
  }
}

function procedureCard(ctx: Ctx, p: ProcedureReport, report: SimReport): string {
  const { L, lang } = ctx;
  const info = ctx.info(p.id, p.version);
  const name = procedureName(ctx, p.id, p.version);
  const markers: Marker[] = [];
  let limitText = L.limitUnknown;
  if (info !== undefined) {
    const days = num(ctx, info.limit.workingDays, Number.isInteger(info.limit.workingDays) ? 0 : 1);
    limitText = `${info.limit.approximate ? L.limit(limitWords(info.limit.text, lang), days, info.limit.basis) : L.limitExact(limitWords(info.limit.text, lang), info.limit.basis)}${info.limit.approximate ? ` (${L.limitApprox})` : ''}`;
    markers.push({ x: info.limit.workingDays, label: L.limitMarker(days), className: 'limit' });
    for (const x of info.extensions) {
      const total = num(ctx, x.total.workingDays, Number.isInteger(x.total.workingDays) ? 0 : 1);
      markers.push({ x: x.total.workingDays, label: L.extendedMarker(total), className: 'limit extended' });
      limitText += `; ${L.extendedLimit(total, x.reason[lang])}`;
    }
  }
  const cycle = p.cycleWorkingDays;
  markers.push({ x: cycle.p50.mean, label: `p50 ${num(ctx, cycle.p50.mean)}`, className: 'p50' }, { x: cycle.p90.mean, label: `p90 ${num(ctx, cycle.p90.mean)}`, className: 'p90' });
  const histogram = histogramSvg({
    counts: p.histogram.counts,
    binWidth: p.histogram.width,
    markers,
    xLabel: L.cycleAxis,
    yLabel: L.casesAxis(String(report.scenario.replications)),
    label: L.histogramLabel(name),
    format: (x, digits) => formatNumber(x, digits, lang),
    barTitle: L.barTitle,
    tailTitle: L.tailTitle,
  });
  const resolved = p.early.mean + p.onTime.mean + p.late.mean;
  const share = (x: number) => (resolved > 0 ? formatPercent(x / resolved, 1, lang) : '—');
  const parts = [
    { value: p.early.mean, className: 'early', label: L.col.early },
    { value: p.onTime.mean, className: 'on-time', label: L.col.onTime },
    { value: p.late.mean, className: 'late', label: L.col.late },
  ];
  const split = stackedBarSvg(
    parts.map((x) => ({ value: x.value, className: x.className, title: `${x.label}: ${formatCount(x.value, lang)} (${share(x.value)})` })),
    L.splitLabel(name),
    L.noneResolved,
  );
  const legend = `<div class="legend">${parts.map((x) => `<span><span class="swatch ${x.className}"></span>${esc(x.label)} ${esc(formatCount(x.value, lang))} (${esc(share(x.value))})</span>`).join('')}<span>${esc(L.col.onTimeRate)}: ${esc(pctCi(ctx, p.onTimeRate))}</span></div>`;
  const figures: [string, string][] = [
    [L.figures.started, `${withCi(ctx, p.started, 0)} ${L.figures.perReplication}`],
    [L.figures.resolved, formatCount(resolved, lang)],
    [L.figures.p50, withCi(ctx, cycle.p50)],
    [L.figures.p90, withCi(ctx, cycle.p90)],
    [L.figures.mean, withCi(ctx, cycle.mean)],
    [L.figures.p95, withCi(ctx, cycle.p95)],
    [L.figures.max, withCi(ctx, cycle.max)],
    ['', ''],
  ];
  const dl = `<dl class="figures">${figures.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
  return `<div class="card" id="procedure-${esc(p.id)}"><h3>${esc(name)} <span class="id">${esc(p.id)}@${esc(p.version)}</span></h3><p class="note">${esc(limitText)}</p>${histogram}${split}${legend}${dl}</div>`;
}

function stationsSection(ctx: Ctx): string {
  const { L, data, lang } = ctx;
  const r = data.report;
  const isBottleneck = (id: string) => r.bottleneck?.station === id;
  const rows: PanelRow[] = r.stations.map((st) => ({ label: st.id, highlight: isBottleneck(st.id), ...(isBottleneck(st.id) ? { note: L.bottleneck } : {}) }));
  const chart =
    r.stations.length === 0
      ? `<p>${esc(L.noBottleneck)}</p>`
      : panelChartSvg({
          kind: 'stations',
          label: `${L.utilisation}; ${L.queueWait}`,
          rows,
          panels: [
            {
              kind: 'bars',
              title: L.utilisation,
              width: 300,
              valueWidth: 100,
              series: ['utilisation'],
              max: 1,
              format: (x) => formatPercent(x, 0, lang),
              values: r.stations.map((st) => [{ value: st.utilisation.mean, halfWidth: st.utilisation.halfWidth, title: `${st.id}: ${pctCi(ctx, st.utilisation)}`, text: pctCi(ctx, st.utilisation) }]),
            },
            {
              kind: 'bars',
              title: `${L.queueWait}; ${L.queueWaitNote}`,
              width: 260,
              valueWidth: 90,
              series: ['wait'],
              format: (x) => formatNumber(x, x < 10 && !Number.isInteger(x) ? 1 : 0, lang),
              values: r.stations.map((st) => [
                {
                  value: st.queueWaitMean.mean,
                  halfWidth: st.queueWaitMean.halfWidth,
                  marker: { value: st.queueWaitP95.mean, title: L.p95Marker(num(ctx, st.queueWaitP95.mean)) },
                  title: `${st.id}: ${withCi(ctx, st.queueWaitMean)}`,
                  text: withCi(ctx, st.queueWaitMean),
                },
              ]),
            },
          ],
        });
  const C = L.stationCol;
  const tableRows = r.stations
    .map(
      (st) =>
        `<tr${isBottleneck(st.id) ? ' class="bottleneck"' : ''}><td>${esc(st.id)}${isBottleneck(st.id) ? ` ${esc(L.bottleneck)}` : ''}</td><td class="num">${st.officers}</td><td class="num">${esc(pctCi(ctx, st.utilisation))}</td><td class="num">${esc(num(ctx, st.jobs.mean, 0))}</td><td class="num">${esc(withCi(ctx, st.queueWaitMean))}</td><td class="num">${esc(num(ctx, st.queueWaitP95.mean))}</td><td class="num">${esc(num(ctx, st.longestQueue.mean, 0))}</td><td class="num">${esc(withCi(ctx, st.offHoursWaitMean))}</td></tr>`,
    )
    .join('\n');
  const table = `<div class="scroll"><table><thead><tr>${[C.station, C.officers, C.utilisation, C.jobs, C.queueWait, C.p95Wait, C.longestQueue, C.offHoursWait].map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>\n${tableRows}\n</tbody></table></div>`;
  const bottleneck = r.bottleneck === null ? '' : `<p><strong>${esc(L.bottleneckText(r.bottleneck.station, formatPercent(r.bottleneck.utilisation, 1, lang)))}</strong></p>`;
  return `<section id="stations"><h2>${esc(L.stationsTitle)}</h2><p class="note">${esc(L.stationsNote)}</p>${bottleneck}${chart}${table}</section>`;
}

function compareSection(ctx: Ctx): string {
  const { L, data } = ctx;
  if (data.variants.length === 0) {
    return (data.scenario?.variants.length ?? 0) > 0 ? `<section id="compare"><h2>${esc(L.compareTitle)}</h2><p>${esc(L.compareNone)}</p></section>` : '';
  }
  const blocks = data.variants.map((v) => variantBlock(ctx, v.name, v.comparison, v.report)).join('\n');
  return `<section id="compare"><h2>${esc(L.compareTitle)}</h2><p class="note">${esc(L.compareNote)}</p>${blocks}</section>`;
}

function variantBlock(ctx: Ctx, name: string, c: Comparison, variant: SimReport | null): string {
  const { L, lang, data } = ctx;
  const base = data.report;
  const legend = `<div class="legend"><span><span class="swatch baseline"></span>${esc(L.baseline)}</span><span><span class="swatch variant"></span>${esc(L.variant)} “${esc(name)}”</span></div>`;
  const fixed = (mean: number): Estimate => ({ mean, halfWidth: 0, n: 0 });
  // Side by side, each side's own mean and interval when the variant was simulated here (from a
  // JSON of motcua simulate only the means are known); then the paired difference, the sharper test.
  const sides = (id: string, pick: (p: ProcedureReport) => Estimate, baseline: number, variantMean: number): [Estimate, Estimate] => {
    const b = base.procedures.find((p) => p.id === id);
    const v = variant?.procedures.find((p) => p.id === id);
    return [b === undefined ? fixed(baseline) : pick(b), v === undefined ? fixed(variantMean) : pick(v)];
  };
  const bars = (pair: readonly [Estimate, Estimate], text: (e: Estimate) => string): BarValue[] =>
    pair.map((e, i) => ({ value: e.mean, halfWidth: e.halfWidth, title: `${i === 0 ? L.baseline : L.variant}: ${text(e)}`, text: text(e) }));
  const diff = (d: Estimate, scale: number): ForestValue => ({ mean: d.mean * scale, halfWidth: d.halfWidth * scale, text: `${formatSigned(d.mean * scale, 1, lang)} ±${num(ctx, d.halfWidth * scale)}` });
  const signed = (x: number) => formatSigned(x, Math.abs(x) < 10 && !Number.isInteger(x) ? 1 : 0, lang);
  const days = (x: number) => formatNumber(x, x < 10 && !Number.isInteger(x) ? 1 : 0, lang);
  const rows: PanelRow[] = c.procedures.map((p) => ({ label: procedureName(ctx, p.id, null) }));
  const cycle = panelChartSvg({
    kind: 'compare-cycle',
    label: L.meanCycle,
    rows,
    panels: [
      { kind: 'bars', title: L.meanCycle, width: 300, valueWidth: 90, series: ['baseline', 'variant'], format: days, values: c.procedures.map((p) => bars(sides(p.id, (x) => x.cycleWorkingDays.mean, p.meanCycleWorkingDays.baseline, p.meanCycleWorkingDays.variant), (e) => withCi(ctx, e))) },
      { kind: 'forest', title: L.differenceCi, width: 230, valueWidth: 110, format: signed, values: c.procedures.map((p) => diff(p.meanCycleWorkingDays.difference, 1)) },
    ],
  });
  const onTime = panelChartSvg({
    kind: 'compare-on-time',
    label: L.onTimeRateChart,
    rows,
    panels: [
      { kind: 'bars', title: L.onTimeRateChart, width: 300, valueWidth: 90, series: ['baseline', 'variant'], max: 1, format: (x) => formatPercent(x, 0, lang), values: c.procedures.map((p) => bars(sides(p.id, (x) => x.onTimeRate, p.onTimeRate.baseline, p.onTimeRate.variant), (e) => pctCi(ctx, e))) },
      { kind: 'forest', title: `${L.differenceCi}, ${L.points}`, width: 230, valueWidth: 110, format: signed, values: c.procedures.map((p) => diff(p.onTimeRate.difference, 100)) },
    ],
  });
  const changed = c.stations.filter((s) => Math.abs(s.utilisation.difference.mean) > 1e-9);
  const stationSides = (id: string, baseline: number, variantMean: number): [Estimate, Estimate] => {
    const b = base.stations.find((s) => s.id === id);
    const v = variant?.stations.find((s) => s.id === id);
    return [b === undefined ? fixed(baseline) : b.utilisation, v === undefined ? fixed(variantMean) : v.utilisation];
  };
  const utilisation =
    changed.length === 0
      ? `<p class="note">${esc(L.noStationChange)}</p>`
      : panelChartSvg({
          kind: 'compare-utilisation',
          label: L.utilisation,
          // The bottleneck is named, not coloured: here colours tell baseline from variant.
          rows: changed.map((s) => ({ label: s.id, ...(base.bottleneck?.station === s.id ? { note: L.bottleneck } : {}) })),
          panels: [
            { kind: 'bars', title: L.utilisation, width: 300, valueWidth: 90, series: ['baseline', 'variant'], max: 1, format: (x) => formatPercent(x, 0, lang), values: changed.map((s) => bars(stationSides(s.id, s.utilisation.baseline, s.utilisation.variant), (e) => pctCi(ctx, e))) },
            { kind: 'forest', title: `${L.differenceCi}, ${L.points}`, width: 230, valueWidth: 110, format: signed, values: changed.map((s) => diff(s.utilisation.difference, 100)) },
          ],
        });
  const decision766 = c.indicators === undefined ? '' : `<h4>${esc(INDICATOR_LABELS.decision766[lang])}</h4>${indicatorComparisonHtml(c.indicators.decision766, lang)}`;
  return `<div class="variant" id="variant-${esc(slug(name))}"><h3>${esc(L.variantTitle(name))}</h3>${legend}
${cycle}
${onTime}
${utilisation}
${decision766}</div>`;
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function scenarioSection(ctx: Ctx): string {
  const { L, data, lang } = ctx;
  const sc = data.scenario;
  if (sc === null) {
    const s = data.report.scenario;
    const rows: [string, string][] = [
      [L.param.name, s.name],
      [L.param.seed, String(s.seed)],
      [L.param.replications, String(s.replications)],
      [L.param.start, s.start],
      [L.param.horizon, L.param.days(String(s.horizonDays))],
      [L.param.warmup, L.param.days(String(s.warmupDays))],
      [L.param.calendar, s.calendar],
      [L.param.discipline, s.discipline],
    ];
    return `<section id="scenario"><h2>${esc(L.scenarioTitle)}</h2><p class="note">${esc(L.scenarioUnknown)}</p>${keyValues(rows)}</section>`;
  }
  const P = L.param;
  const rows: [string, string][] = [
    [P.file, sc.file],
    [P.name, sc.name],
    [P.seed, String(sc.seed)],
    [P.replications, String(sc.replications)],
    [P.start, sc.start],
    [P.horizon, P.days(String(sc.horizonDays))],
    [P.warmup, P.days(String(sc.warmupDays))],
    [P.calendar, sc.calendar],
    [P.discipline, sc.discipline],
    [P.drain, sc.drain ? P.yes : P.no],
    [P.apologyExtension, `${sc.apologyExtensionDays} ${L.figures.wd}`],
    [P.applicantResponse, sc.applicantResponse],
    [P.transfer, sc.transfer.map((t) => `${L.channel[t.channel]}: ${t.duration}`).join('; ')],
    [P.variants, sc.variants.length === 0 ? P.none : sc.variants.join('; ')],
  ];
  const stations = `<div class="scroll"><table><thead><tr><th>${esc(L.stationCol.station)}</th><th>${esc(L.stationCol.officers)}</th></tr></thead><tbody>${sc.stations.map((s) => `<tr><td>${esc(s.id)}</td><td class="num">${s.officers}</td></tr>`).join('')}</tbody></table></div>`;
  const pct = (x: number) => formatPercent(x, Math.abs(x * 100 - Math.round(x * 100)) < 1e-9 ? 0 : 1, lang);
  const A = L.arrivalsCol;
  const procRows = sc.procedures
    .map((p) => {
      const arrivals = p.arrivals.kind === 'poisson' ? L.poisson(formatNumber(p.arrivals.perDay, Number.isInteger(p.arrivals.perDay) ? 0 : 1, lang)) : L.replay(String(p.arrivals.count));
      const channels = p.channels.map((c) => `${L.channel[c.channel]} ${pct(c.p)}`).join(', ');
      const steps = p.steps.map((s) => esc(L.stepText(s.id, s.duration, pct(s.supplement), pct(s.refusal)))).join('<br>');
      const M = L.moreText;
      const more = [
        M.receipt(p.receipt),
        ...p.dossier.map((d) => M.dossier(d.field, d.mix.map((m) => `${String(m.value)} ${pct(m.p)}`).join(', '))),
        ...p.answers.map((a) => M.answer(a.consult, a.duration, pct(a.silence))),
        ...p.intervals.map((i) => M.interval(i.id, i.duration)),
      ]
        .map(esc)
        .join('<br>');
      return `<tr><td>${esc(procedureName(ctx, p.id, p.version))}<br><span class="muted">${esc(p.id)}@${esc(p.version)}</span></td><td>${esc(arrivals)}</td><td>${esc(channels)}</td><td class="num">${esc(pct(p.incomplete))}</td><td class="num">${esc(pct(p.withdrawal))}</td><td>${steps}</td><td>${more}</td></tr>`;
    })
    .join('\n');
  const procedures = `<div class="scroll"><table><thead><tr>${[A.procedure, A.arrivals, A.channels, A.incomplete, A.withdrawal, A.steps, A.more].map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>\n${procRows}\n</tbody></table></div>`;
  return `<section id="scenario"><h2>${esc(L.scenarioTitle)}</h2>${keyValues(rows)}${stations}${procedures}</section>`;
}

function keyValues(rows: readonly (readonly [string, string])[]): string {
  return `<table class="params"><tbody>${rows.map(([k, v]) => `<tr><th style="text-align:left">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;
}

function checksSection(ctx: Ctx): string {
  const { L, data, lang } = ctx;
  const c = data.report.checks;
  const gap = Math.max(0, ...c.little.map((l) => l.relativeError));
  const lines = [L.conservation(c.conservation.every((x) => x.holds)), L.little(formatPercent(gap, 2, lang)), L.events(formatNumber(data.report.events, 0, lang))];
  return `<section id="checks"><h2>${esc(L.checksTitle)}</h2>${lines.map((l) => `<p>${esc(l)}</p>`).join('')}</section>`;
}
