import type { Rating } from '../compile/types.ts';
import type { Level } from '../dsl/spec.ts';
import type { Label } from '../legal.ts';
import { panelChartSvg } from '../report/charts.ts';
import type { Dashboard, DashboardFigures } from '../report/dashboard.ts';
import { dashboardNotes, dashboardTable } from '../report/dashboard-html.ts';
import { escapeHtml as esc } from '../report/escape.ts';
import { formatCount, formatNumber, formatPercent } from '../report/format.ts';
import { LABELS, type Lang } from '../report/labels.ts';
import { WEB_LABELS } from './labels.ts';
import { langField, webPage } from './layout.ts';

/** One row of the Decision 766 panel: the total, an agency, a level. */
export interface Decision766Row {
  readonly handled: number;
  readonly resolvedOnTime: number;
  readonly withinLimit: number;
  readonly late: number;
  /** Late, rated "not satisfied" or complained about (once each). */
  readonly dissatisfied: number;
  readonly onTimeRate: number | null;
  readonly satisfactionRate: number | null;
  /** The computable part of the 100-point index. */
  readonly points: number;
}

/**
 * The Decision 766 indicators of a period as the dashboard shows them: computed by
 * `src/indicators` through a `Decision766Source` (`liveDecision766` by default); the page only
 * displays them.
 */
export interface Decision766Panel extends Decision766Row {
  readonly ratings: { readonly verySatisfied: number; readonly satisfied: number; readonly notSatisfied: number };
  readonly withComplaint: number;
  readonly complaints: { readonly total: number; readonly answeredOnTime: number; readonly onTimeRate: number | null; readonly satisfactionRate: number | null };
  /** The maximum of `points`. */
  readonly pointsOf: number;
  /** motcua's own on-time rate of the same dossiers (early + on time / resolved), beside the 766 one. */
  readonly oneStopOnTimeRate: number | null;
  /** Each figure's definition, as the indicators module states it. */
  readonly formulas: readonly Label[];
  /** Best first. */
  readonly byAgency: readonly (Decision766Row & { readonly agency: Label; readonly level: Level | null; readonly rank: number })[];
  readonly byLevel: readonly (Decision766Row & { readonly level: Level | 'unknown' })[];
  /** Groups of the index that dossier data cannot give (publicity, online, digitisation). */
  readonly notComputable: readonly string[];
}

/** An agency's row: its steps finished in the period, early / on time / late, and the dossiers overdue it holds now. */
export interface AgencyFigures {
  readonly agency: Label;
  readonly level: Level | null;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
}

/** Everything the leaders' dashboard shows for a period. */
export interface DashboardView {
  /** `YYYY-MM-DD`, inclusive start and exclusive end. */
  readonly period: { readonly from: string; readonly to: string };
  readonly oneStop: Dashboard;
  readonly titles: Readonly<Record<string, Label>>;
  readonly byLevel: readonly { readonly level: Level; readonly figures: DashboardFigures }[];
  readonly byAgency: readonly AgencyFigures[];
  /** Ratings given in the period, by choice. */
  readonly ratings: Readonly<Record<Rating, number>>;
  /** Complaints opened in the period; null when the server keeps no complaints. */
  readonly complaints: number | null;
  readonly weeks: readonly { readonly from: string; readonly onTimeRate: number | null; readonly resolved: number }[];
  /** Null when no indicators module is wired in. */
  readonly decision766: Decision766Panel | null;
}

/** The Decision 766 panel: headline figures, the agency ranking as a chart and a table, the levels, the formulas. */
function decision766Html(d: Decision766Panel, lang: Lang, figure: (name: string, value: string, key: string) => string): string {
  const L = WEB_LABELS[lang].dashboard;
  const C = L.d766Col;
  const W = WEB_LABELS[lang];
  const points = (x: number) => formatNumber(x, 1, lang);
  const headline = `<div class="figure-row">${[
    figure(L.d766OnTime, pct(d.onTimeRate, lang), 'd766-on-time'),
    figure(L.d766Satisfaction, pct(d.satisfactionRate, lang), 'd766-satisfaction'),
    figure(L.d766Handled, formatCount(d.handled, lang), 'd766-handled'),
    figure(L.d766Complaints, formatCount(d.complaints.total, lang), 'd766-complaints'),
    figure(L.d766Points(d.pointsOf), points(d.points), 'd766-points'),
  ].join('')}</div>`;
  const facts = `<dl class="facts">${[
    [C.resolvedOnTime, formatCount(d.resolvedOnTime, lang), 'resolved-on-time'],
    [C.withinLimit, formatCount(d.withinLimit, lang), 'within-limit'],
    [C.late, formatCount(d.late, lang), 'late'],
    [C.dissatisfied, formatCount(d.dissatisfied, lang), 'dissatisfied'],
    [L.d766ComplaintOnTime, pct(d.complaints.onTimeRate, lang), 'complaint-on-time'],
    [L.d766OneStop, pct(d.oneStopOnTimeRate, lang), 'one-stop-on-time'],
  ]
    .map(([name, value, key]) => `<dt>${esc(name!)}</dt><dd data-d766="${key}">${esc(value!)}</dd>`)
    .join('')}</dl>`;
  const cells = (r: Decision766Row) =>
    [formatCount(r.handled, lang), formatCount(r.late, lang), pct(r.onTimeRate, lang), pct(r.satisfactionRate, lang), points(r.points)].map((x) => `<td class="num">${x}</td>`).join('');
  const heads = [C.handled, C.late, C.onTime, C.satisfaction, L.d766Points(d.pointsOf)].map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const ranking = `<div class="scroll" tabindex="0" role="region" aria-label="${esc(L.d766Ranking)}"><table class="list ranking"><thead><tr><th scope="col">${esc(C.rank)}</th><th scope="col">${esc(C.agency)}</th><th scope="col">${esc(C.level)}</th>${heads}</tr></thead><tbody>${d.byAgency
    .map((a) => `<tr data-agency-rank="${a.rank}"><td class="num">${a.rank}</td><th scope="row">${esc(a.agency[lang])}</th><td>${a.level === null ? '' : esc(W.level[a.level])}</td>${cells(a)}</tr>`)
    .join('')}</tbody></table></div>`;
  const levelName = (l: Level | 'unknown') => (l === 'unknown' ? '—' : W.level[l]);
  const levels = `<div class="scroll" tabindex="0" role="region" aria-label="${esc(L.d766ByLevel)}"><table class="list"><thead><tr><th scope="col">${esc(C.level)}</th>${heads}</tr></thead><tbody>${d.byLevel
    .map((l) => `<tr><th scope="row">${esc(levelName(l.level))}</th>${cells(l)}</tr>`)
    .join('')}</tbody></table></div>`;
  const percent = (x: number) => formatPercent(x, 0, lang);
  const bar = (title: string, pick: (r: Decision766Row) => number | null, max: number, format: (x: number) => string) => ({
    kind: 'bars' as const,
    title,
    width: 160,
    valueWidth: 70,
    series: ['bar'],
    max,
    format,
    values: d.byAgency.map((a) => {
      const x = pick(a);
      return [{ value: x ?? 0, title: `${a.agency[lang]}: ${x === null ? '—' : format(x)}`, text: x === null ? '—' : format(x) }];
    }),
  });
  const chart =
    d.byAgency.length === 0
      ? `<p class="muted">${esc(L.d766NoDossiers)}</p>`
      : panelChartSvg({
          kind: 'ranking',
          label: L.d766Ranking,
          labelWidth: 200,
          rows: d.byAgency.map((a) => ({ label: `${a.rank}. ${a.agency[lang]}` })),
          panels: [bar(L.d766Points(d.pointsOf), (r) => r.points, d.pointsOf, points), bar(C.onTime, (r) => r.onTimeRate, 1, percent), bar(C.satisfaction, (r) => r.satisfactionRate, 1, percent)],
        });
  return `${headline}${facts}
<h3>${esc(L.d766Ranking)}</h3>${chart}${ranking}
<h3>${esc(L.d766ByLevel)}</h3>${levels}
<ul class="note">${d.formulas.map((f) => `<li>${esc(f[lang])}</li>`).join('')}<li>${esc(L.d766NotComputable(d.notComputable))}</li></ul>`;
}

/** (very satisfied + satisfied) / ratings; null when nobody rated. */
export function satisfiedShare(r: Readonly<Record<Rating, number>>): number | null {
  const total = r['very-satisfied'] + r.satisfied + r['not-satisfied'];
  return total === 0 ? null : (r['very-satisfied'] + r.satisfied) / total;
}

const pct = (x: number | null, lang: Lang) => (x === null ? '—' : formatPercent(x, 1, lang));

/**
 * The dashboard page: the period form, headline figures, the one-stop table per procedure (the
 * report's), by level, by agency, satisfaction, the Decision 766 panel with the agency ranking, and
 * two charts (on-time rate by week, overdue by agency) drawn with the report's chart functions.
 */
export function renderDashboardPage(lang: Lang, here: string, officer: Label, v: DashboardView): string {
  const W = WEB_LABELS[lang];
  const L = W.dashboard;
  const R = LABELS[lang];
  const C = L.agencyCol;
  const t = v.oneStop.total;
  const share = satisfiedShare(v.ratings);
  const rated = v.ratings['very-satisfied'] + v.ratings.satisfied + v.ratings['not-satisfied'];
  const figure = (name: string, value: string, key: string) => `<div class="figure" data-figure="${key}"><span class="value">${esc(value)}</span><span class="name">${esc(name)}</span></div>`;
  const headline = `<div class="figure-row">${[
    figure(R.col.received, formatCount(t.received.total, lang), 'received'),
    figure(R.col.resolved, formatCount(t.resolved.total, lang), 'resolved'),
    figure(R.col.onTimeRate, pct(t.onTimeRate, lang), 'on-time-rate'),
    figure(R.col.overdue, formatCount(t.pending.overdue, lang), 'overdue'),
    figure(L.satisfiedShare, pct(share, lang), 'satisfaction'),
    figure(L.rated, formatCount(rated, lang), 'ratings'),
  ].join('')}</div>`;
  const form = `<form class="stack period" method="get" action="/dashboard">${langField(lang)}
<div class="field"><label for="from">${esc(L.from)}</label><input type="date" id="from" name="from" value="${esc(v.period.from)}" required></div>
<div class="field"><label for="to">${esc(L.to)}</label><input type="date" id="to" name="to" value="${esc(v.period.to)}" required></div>
<div><button type="submit">${esc(L.show)}</button></div></form>`;
  const title = (id: string, version: string | null) => `${v.titles[id]?.[lang] ?? id}${version === null ? '' : ` (${version})`}`;
  const levelRows = v.byLevel
    .map((l) => `<tr><th scope="row">${esc(W.level[l.level])}</th><td class="num">${formatCount(l.figures.received.total, lang)}</td><td class="num">${formatCount(l.figures.resolved.total, lang)}</td><td class="num">${pct(l.figures.onTimeRate, lang)}</td><td class="num">${formatCount(l.figures.pending.overdue, lang)}</td></tr>`)
    .join('');
  const levelTable = `<div class="scroll" tabindex="0" role="region" aria-label="${esc(L.byLevel)}"><table class="list"><thead><tr><th scope="col">${esc(C.level)}</th><th scope="col">${esc(R.col.received)}</th><th scope="col">${esc(R.col.resolved)}</th><th scope="col">${esc(C.onTimeRate)}</th><th scope="col">${esc(C.overdue)}</th></tr></thead><tbody>${levelRows}</tbody></table></div>`;
  const agencyRows = v.byAgency
    .map((a) => {
      const done = a.early + a.onTime + a.late;
      return `<tr><th scope="row">${esc(a.agency[lang])}</th><td>${a.level === null ? '' : esc(W.level[a.level])}</td><td class="num">${formatCount(done, lang)}</td><td class="num">${formatCount(a.early, lang)}</td><td class="num">${formatCount(a.onTime, lang)}</td><td class="num">${formatCount(a.late, lang)}</td><td class="num">${pct(done === 0 ? null : (a.early + a.onTime) / done, lang)}</td><td class="num">${formatCount(a.overdue, lang)}</td></tr>`;
    })
    .join('');
  const agencyTable = `<div class="scroll" tabindex="0" role="region" aria-label="${esc(L.byAgency)}"><table class="list"><thead><tr><th scope="col">${esc(C.agency)}</th><th scope="col">${esc(C.level)}</th><th scope="col">${esc(C.steps)}</th><th scope="col">${esc(C.early)}</th><th scope="col">${esc(C.onTime)}</th><th scope="col">${esc(C.late)}</th><th scope="col">${esc(C.onTimeRate)}</th><th scope="col">${esc(C.overdue)}</th></tr></thead><tbody>${agencyRows}</tbody></table></div>`;
  const ratingItems = (['very-satisfied', 'satisfied', 'not-satisfied'] as const).map((r) => `<dt>${esc(W.rating[r])}</dt><dd data-rating="${r}">${formatCount(v.ratings[r], lang)}</dd>`).join('');
  const satisfaction = `<dl class="facts">${ratingItems}<dt>${esc(L.satisfiedShare)}</dt><dd data-satisfied>${pct(share, lang)}</dd>${v.complaints === null ? '' : `<dt>${esc(L.complaints)}</dt><dd data-complaints>${formatCount(v.complaints, lang)}</dd>`}</dl><p class="note">${esc(L.satisfiedNote)}</p>`;
  const d = v.decision766;
  const d766 = d === null ? `<p class="muted" data-d766="missing">${esc(L.d766Missing)}</p>` : decision766Html(d, lang, figure);
  const trend = panelChartSvg({
    kind: 'on-time-trend',
    label: L.trendLabel,
    labelWidth: 150,
    rows: v.weeks.map((w) => ({ label: L.week(w.from) })),
    panels: [
      {
        kind: 'bars',
        title: L.trend,
        width: 200,
        valueWidth: 110,
        series: ['bar'],
        max: 1,
        values: v.weeks.map((w) => [{ value: w.onTimeRate ?? 0, title: `${L.week(w.from)}: ${pct(w.onTimeRate, lang)}`, text: `${pct(w.onTimeRate, lang)} (${formatNumber(w.resolved, 0, lang)})` }]),
        format: (x) => formatPercent(x, 0, lang),
      },
    ],
  });
  const overdue = v.byAgency.filter((a) => a.overdue > 0);
  const overdueChart =
    overdue.length === 0
      ? `<p class="muted">${esc(L.noOverdue)}</p>`
      : panelChartSvg({
          kind: 'overdue-by-agency',
          label: L.overdueLabel,
          labelWidth: 200,
          rows: overdue.map((a) => ({ label: a.agency[lang] })),
          panels: [
            {
              kind: 'bars',
              title: L.overdueChart,
              width: 200,
              valueWidth: 80,
              series: ['late'],
              values: overdue.map((a) => [{ value: a.overdue, title: `${a.agency[lang]}: ${a.overdue}`, text: `${formatNumber(a.overdue, 0, lang)} ${L.dossiers}` }]),
              format: (x) => formatNumber(x, 0, lang),
            },
          ],
        });
  return webPage(
    { lang, title: L.title, here, officer: officer[lang], current: 'dashboard' },
    `${form}
${headline}
<section aria-labelledby="d766-h"><h2 id="d766-h">${esc(L.d766)}</h2>${d766}</section>
<section aria-labelledby="sat-h"><h2 id="sat-h">${esc(L.satisfaction)}</h2>${satisfaction}</section>
<section aria-labelledby="charts-h" class="cards"><div class="card"><h2 id="charts-h">${esc(L.trend)}</h2>${trend}</div><div class="card"><h2>${esc(L.overdueChart)}</h2>${overdueChart}</div></section>
<section aria-labelledby="onestop-h"><h2 id="onestop-h">${esc(L.oneStop)}</h2>${dashboardNotes(v.oneStop, lang)}${dashboardTable(v.oneStop, lang, title).replace('<div class="scroll">', `<div class="scroll" tabindex="0" role="region" aria-label="${esc(L.oneStop)}">`)}</section>
<section aria-labelledby="level-h"><h2 id="level-h">${esc(L.byLevel)}</h2>${levelTable}</section>
<section aria-labelledby="agency-h"><h2 id="agency-h">${esc(L.byAgency)}</h2>${agencyTable}</section>`,
  );
}
