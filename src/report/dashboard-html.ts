import type { Dashboard, DashboardFigures } from './dashboard.ts';
import { escapeHtml as esc } from './escape.ts';
import { formatCount, formatPercent } from './format.ts';
import { LABELS, type Lang } from './labels.ts';
import { type IndicatorSection, indicatorSectionHtml } from './indicators-html.ts';
import { htmlPage } from './page.ts';
import { INDICATOR_LABELS } from '../indicators/labels.ts';

/**
 * The one-stop dashboard as an HTML table: a row per procedure and a total row, with the columns of
 * the offices' periodic report (received, resolved, pending, supplements, refusals, withdrawals,
 * apology slips, on-time rate). `title` gives a procedure's display name from its id.
 */
export function dashboardTable(d: Dashboard, lang: Lang, title: (id: string, version: string | null) => string): string {
  const L = LABELS[lang].col;
  // A simulation gives means per replication: a decimal where it carries information.
  const num = (x: number | null) => (x === null ? '—' : formatCount(x, lang));
  const cell = (x: number | null) => `<td class="num">${num(x)}</td>`;
  const row = (name: string, f: DashboardFigures, cls: string) =>
    `<tr${cls === '' ? '' : ` class="${cls}"`}><td class="name">${name}</td>${[
      cell(f.received.total),
      cell(f.received.carriedOver),
      cell(f.received.new),
      cell(f.received.byChannel?.online ?? null),
      cell(f.received.byChannel?.['in-person'] ?? null),
      cell(f.received.byChannel?.postal ?? null),
      cell(f.resolved.total),
      cell(f.resolved.early),
      cell(f.resolved.onTime),
      cell(f.resolved.late),
      `<td class="num">${f.onTimeRate === null ? '—' : formatPercent(f.onTimeRate, 1, lang)}</td>`,
      cell(f.pending.total),
      cell(f.pending.withinLimit),
      cell(f.pending.overdue),
      cell(f.supplements.atReceipt),
      cell(f.supplements.duringProcessing),
      cell(f.refusals.atReceipt),
      cell(f.refusals.duringProcessing),
      cell(f.withdrawals),
      cell(f.apologySlips),
    ].join('')}</tr>`;
  const head = `<thead>
<tr><th rowspan="3" class="name">${esc(L.procedure)}</th><th colspan="6">${esc(L.received)}</th><th colspan="5">${esc(L.resolved)}</th><th colspan="3">${esc(L.pending)}</th><th colspan="2">${esc(L.supplements)}</th><th colspan="2">${esc(L.refusals)}</th><th rowspan="3">${esc(L.withdrawals)}</th><th rowspan="3">${esc(L.apologies)}</th></tr>
<tr><th rowspan="2">${esc(L.total)}</th><th rowspan="2">${esc(L.carriedOver)}</th><th colspan="4">${esc(L.new)}</th><th rowspan="2">${esc(L.total)}</th><th rowspan="2">${esc(L.early)}</th><th rowspan="2">${esc(L.onTime)}</th><th rowspan="2">${esc(L.late)}</th><th rowspan="2">${esc(L.onTimeRate)}</th><th rowspan="2">${esc(L.total)}</th><th rowspan="2">${esc(L.withinLimit)}</th><th rowspan="2">${esc(L.overdue)}</th><th rowspan="2">${esc(L.atReceipt)}</th><th rowspan="2">${esc(L.duringProcessing)}</th><th rowspan="2">${esc(L.atReceipt)}</th><th rowspan="2">${esc(L.duringProcessing)}</th></tr>
<tr><th>${esc(L.total)}</th><th>${esc(L.online)}</th><th>${esc(L.inPerson)}</th><th>${esc(L.postal)}</th></tr>
</thead>`;
  // The "new" group has four columns: the total of new dossiers, then by channel.
  const rows = d.procedures.map((p) => row(esc(title(p.id, p.version)), p, '')).join('\n');
  return `<div class="scroll"><table class="dashboard">${head}<tbody>\n${rows}\n${row(esc(L.allProcedures), d.total, 'total')}\n</tbody></table></div>`;
}

/** The notes under a dashboard: its period, where its figures come from, and what "—" means. */
export function dashboardNotes(d: Dashboard, lang: Lang): string {
  const L = LABELS[lang];
  const notes = [L.period(d.period.from, d.period.to), d.source === 'simulation' ? L.dashboardSimulation : L.dashboardCases(d.period.to)];
  if (d.total.received.carriedOver === null) notes.push(L.carriedOverUnknown);
  if (d.source === 'simulation' && d.total.received.byChannel !== null) notes.push(L.channelsEstimated);
  return notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n');
}

/**
 * A page holding the dashboard, for figures counted from case records (an engine's store), and
 * the Decision 766 indicators when given.
 *
 * @example
 * writeFileSync('dashboard.html', renderDashboardPage(dashboardFromCases(cases, period), 'vi'));
 */
export function renderDashboardPage(d: Dashboard, lang: Lang, titles: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {}, indicators?: IndicatorSection): string {
  const L = LABELS[lang];
  const title = (id: string, version: string | null) => `${titles[id]?.[lang] ?? id}${version === null ? '' : ` (${version})`}`;
  const body = `<header><h1>${esc(L.dashboardTitle)}</h1></header>
<section id="dashboard">
${dashboardNotes(d, lang)}
${dashboardTable(d, lang, title)}
</section>
${indicators === undefined ? '' : indicatorSectionHtml(indicators, lang)}
<footer>${esc(L.footer)}</footer>`;
  return htmlPage(lang, L.dashboardTitle, body);
}

/**
 * A page holding only the Decision 766 indicators, for records that give no one-stop dashboard
 * (an imported event log): the section with its formulas and ranking, and what the figures were
 * counted from.
 *
 * @example
 * writeFileSync('log.html', renderIndicatorsPage(indicatorSectionOf(decision766(records, period)), 'vi', ['From cases.xes: 1880 cases']));
 */
export function renderIndicatorsPage(indicators: IndicatorSection, lang: Lang, notes: readonly string[] = []): string {
  const L = LABELS[lang];
  const title = INDICATOR_LABELS.decision766[lang];
  const body = `<header><h1>${esc(title)}</h1></header>
${notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n')}
${indicatorSectionHtml(indicators, lang)}
<footer>${esc(L.footer)}</footer>`;
  return htmlPage(lang, title, body);
}
