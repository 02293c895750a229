import type { Decision766, Decision766Figures } from '../indicators/decision766.ts';
import type { Decision766Comparison, Decision766Estimates, Decision766FigureEstimates, PairedFigure } from '../sim/indicators-report.ts';
import { INDICATOR_FORMULAS, INDICATOR_LABELS } from '../indicators/labels.ts';
import { type Panel, panelChartSvg } from './charts.ts';
import { escapeHtml as esc } from './escape.ts';
import { formatNumber, formatPercent, formatSigned } from './format.ts';
import type { Lang } from './labels.ts';

/** A figure: exact (from case records) or a mean over replications with its 95% half-width. */
export interface IndicatorValue {
  readonly mean: number;
  readonly halfWidth?: number;
}

/** One row of the indicator table: the total, an agency. */
export interface IndicatorRow {
  readonly label: string;
  readonly handled: IndicatorValue;
  readonly resolvedOnTime: IndicatorValue;
  readonly withinLimit: IndicatorValue;
  readonly late: IndicatorValue;
  readonly onTimeRate: IndicatorValue | null;
  readonly satisfactionRate: IndicatorValue | null;
  readonly oneStopOnTimeRate: IndicatorValue | null;
  readonly points: IndicatorValue;
  readonly rank?: number;
}

/** What the indicator section shows. */
export interface IndicatorSection {
  readonly total: IndicatorRow;
  /** Best first. */
  readonly byAgency: readonly IndicatorRow[];
  readonly satisfaction: 'union' | 'sum';
  readonly pointsOf: number;
  readonly notComputable: readonly { readonly group: string; readonly reason: string }[];
}

/**
 * The Decision 766 section of a report: the formulas, a table per agency with motcua's one-stop
 * on-time rate beside the 766 one, and the agency ranking as a chart of points and rates.
 */
export function indicatorSectionHtml(s: IndicatorSection, lang: Lang): string {
  const T = INDICATOR_LABELS;
  const F = INDICATOR_FORMULAS;
  const ci = (v: IndicatorValue, f: (x: number) => string) => (v.halfWidth === undefined ? f(v.mean) : `${f(v.mean)} ± ${f(v.halfWidth)}`);
  const pct = (v: IndicatorValue | null) => (v === null ? '—' : ci(v, (x) => formatPercent(x, 1, lang)));
  const num = (v: IndicatorValue) => ci(v, (x) => formatNumber(x, Number.isInteger(x) ? 0 : 1, lang));
  const formulas = [
    [T.onTimeRate, F.onTimeRate],
    [T.satisfactionRate, s.satisfaction === 'union' ? F.satisfactionUnion : F.satisfactionSum],
    [T.oneStopOnTimeRate, F.oneStopOnTimeRate],
    [T.points, F.points],
  ]
    .map(([name, formula]) => `<li><b>${esc(name![lang])}</b> = ${esc(formula![lang])}</li>`)
    .join('\n');
  const row = (r: IndicatorRow, cls = '') =>
    `<tr${cls === '' ? '' : ` class="${cls}"`}><td class="num">${r.rank ?? ''}</td><td class="name">${esc(r.label)}</td>${[num(r.handled), num(r.resolvedOnTime), num(r.withinLimit), num(r.late), pct(r.onTimeRate), pct(r.satisfactionRate), pct(r.oneStopOnTimeRate), num(r.points)]
      .map((x) => `<td class="num">${x}</td>`)
      .join('')}</tr>`;
  const heads = [T.rank, T.agency, T.handled, T.resolvedOnTime, T.withinLimit, T.late, T.onTimeRate, T.satisfactionRate, T.oneStopOnTimeRate, T.points].map((h) => `<th>${esc(h[lang])}</th>`).join('');
  const table = `<div class="scroll"><table class="indicators"><thead><tr>${heads}</tr></thead><tbody>
${s.byAgency.map((r) => row(r)).join('\n')}
${row({ ...s.total, label: lang === 'vi' ? 'Tổng' : 'Total' }, 'total')}
</tbody></table></div>`;
  const bars = (title: string, pick: (r: IndicatorRow) => IndicatorValue | null, max: number, format: (x: number) => string): Panel => ({
    kind: 'bars',
    title,
    width: 220,
    valueWidth: 110,
    series: ['baseline'],
    max,
    format,
    values: s.byAgency.map((r) => {
      const v = pick(r) ?? { mean: 0 };
      return [{ value: v.mean, ...(v.halfWidth === undefined ? {} : { halfWidth: v.halfWidth }), title: `${r.label}: ${ci(v, format)}`, text: ci(v, format) }];
    }),
  });
  const percent = (x: number) => formatPercent(x, 1, lang);
  const chart =
    s.byAgency.length === 0
      ? ''
      : panelChartSvg({
          kind: 'ranking',
          label: T.ranking[lang],
          rows: s.byAgency.map((r) => ({ label: `${r.rank ?? ''}. ${r.label}` })),
          labelWidth: 200,
          panels: [
            bars(`${T.points[lang]} / ${s.pointsOf}`, (r) => r.points, s.pointsOf, (x) => formatNumber(x, 1, lang)),
            bars(T.onTimeRate[lang], (r) => r.onTimeRate, 1, percent),
            bars(T.satisfactionRate[lang], (r) => r.satisfactionRate, 1, percent),
          ],
        });
  const missing = s.notComputable.map((g) => `${g.group} (${g.reason})`).join('; ');
  return `<section id="decision766">
<h2>${esc(T.decision766[lang])}</h2>
<ul class="formulas">
${formulas}
</ul>
<h3>${esc(T.ranking[lang])}</h3>
${chart}
${table}
<p class="note">${esc(T.notComputable[lang])}: ${esc(missing)}.</p>
</section>`;
}

/** The section of the indicators counted from case records (exact figures). */
export function indicatorSectionOf(d: Decision766, name: (agency: string) => string = (a) => a): IndicatorSection {
  const exact = (x: number): IndicatorValue => ({ mean: x });
  const rate = (x: number | null) => (x === null ? null : exact(x));
  const row = (f: Decision766Figures, label: string, rank?: number): IndicatorRow => ({
    label,
    handled: exact(f.handled),
    resolvedOnTime: exact(f.resolvedOnTime),
    withinLimit: exact(f.withinLimit),
    late: exact(f.late),
    onTimeRate: rate(f.onTimeRate),
    satisfactionRate: rate(f.satisfactionRate),
    oneStopOnTimeRate: rate(f.oneStop.onTimeRate),
    points: exact(f.points.total),
    ...(rank === undefined ? {} : { rank }),
  });
  return {
    total: row(d, ''),
    byAgency: d.byAgency.map((a) => row(a, name(a.agency), a.rank)),
    satisfaction: d.options.satisfaction,
    pointsOf: d.points.of,
    notComputable: d.notComputable,
  };
}

/** The section of a simulation's indicators: means over replications with their 95% intervals. */
export function indicatorSectionOfEstimates(e: Decision766Estimates, name: (agency: string) => string = (a) => a): IndicatorSection {
  const row = (f: Decision766FigureEstimates, label: string, rank?: number): IndicatorRow => ({
    label,
    handled: f.handled,
    resolvedOnTime: f.resolvedOnTime,
    withinLimit: f.withinLimit,
    late: f.late,
    onTimeRate: f.onTimeRate.n === 0 ? null : f.onTimeRate,
    satisfactionRate: f.satisfactionRate.n === 0 ? null : f.satisfactionRate,
    oneStopOnTimeRate: f.oneStopOnTimeRate.n === 0 ? null : f.oneStopOnTimeRate,
    points: f.points,
    ...(rank === undefined ? {} : { rank }),
  });
  return { total: row(e, ''), byAgency: e.byAgency.map((a) => row(a, name(a.agency), a.rank)), satisfaction: e.options.satisfaction, pointsOf: e.pointsOf, notComputable: e.notComputable };
}

/**
 * What a variant does to the Decision 766 indicators: per agency and in total, the paired
 * difference of the on-time rate, the satisfaction rate (percentage points) and the points, each
 * with its 95% interval around zero.
 */
export function indicatorComparisonHtml(c: Decision766Comparison, lang: Lang, name: (agency: string) => string = (a) => a): string {
  const T = INDICATOR_LABELS;
  const rows = [{ label: lang === 'vi' ? 'Tổng' : 'Total' }, ...c.byAgency.map((a) => ({ label: name(a.agency) }))];
  const signed = (x: number) => formatSigned(x, 1, lang);
  const forest = (title: string, pick: (x: Decision766Comparison | Decision766Comparison['byAgency'][number]) => PairedFigure, scale: number): Panel => ({
    kind: 'forest',
    title,
    width: 200,
    valueWidth: 110,
    format: signed,
    values: [c, ...c.byAgency].map((x) => {
      const d = pick(x).difference;
      return { mean: d.mean * scale, halfWidth: d.halfWidth * scale, text: `${signed(d.mean * scale)} ±${formatNumber(d.halfWidth * scale, 1, lang)}` };
    }),
  });
  const pts = lang === 'vi' ? 'điểm %' : 'pts';
  return panelChartSvg({
    kind: 'compare-decision766',
    label: T.decision766[lang],
    rows,
    labelWidth: 200,
    panels: [
      forest(`${T.onTimeRate[lang]} (${pts})`, (x) => x.onTimeRate, 100),
      forest(`${T.satisfactionRate[lang]} (${pts})`, (x) => x.satisfactionRate, 100),
      forest(T.points[lang], (x) => x.points, 1),
    ],
  });
}
