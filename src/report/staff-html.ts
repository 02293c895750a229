import { type StaffResult, isRate } from '../mining/staff.ts';
import { panelChartSvg } from './charts.ts';
import { escapeHtml as esc } from './escape.ts';
import type { Lang } from './labels.ts';
import { htmlPage } from './page.ts';

const T = {
  title: { vi: 'Biên chế tối thiểu đạt mục tiêu', en: 'The least staff that meets the target' },
  frontier: { vi: 'Tổng số cán bộ → chỉ tiêu (khoảng tin cậy 95%)', en: 'Total officers → target figure (95% confidence interval)' },
  officers: { vi: 'cán bộ', en: 'officers' },
  station: { vi: 'Trạm', en: 'Station' },
  scenario: { vi: 'Kịch bản', en: 'Scenario' },
  answer: { vi: 'Đề xuất', en: 'Answer' },
  none: { vi: 'Không tìm được phương án đạt mục tiêu trong giới hạn.', en: 'No allocation met the target within the limits.' },
} as const;

/**
 * The staffing answer as one self-contained page: the frontier chart (best figure found at each
 * total, with its interval, the target marked) and the table of officers per station.
 */
export function renderStaffPage(r: StaffResult, lang: Lang): string {
  const pct = isRate(r.target.metric);
  const fmt = (x: number) => (pct ? `${(x * 100).toFixed(1)}%` : x.toFixed(2));
  const chart = panelChartSvg({
    kind: 'staff-frontier',
    label: T.frontier[lang],
    labelWidth: 140,
    rows: r.frontier.map((p) => ({ label: `${p.total} ${T.officers[lang]}`, highlight: r.best !== undefined && p.total === r.best.total })),
    panels: [
      {
        kind: 'bars',
        title: T.frontier[lang],
        width: 420,
        valueWidth: 150,
        series: ['bar'],
        ...(pct ? { max: 1 } : {}),
        values: r.frontier.map((p) => [{ value: p.mean, halfWidth: (p.high - p.low) / 2, text: `${fmt(p.mean)} [${fmt(p.low)}, ${fmt(p.high)}]`, title: `${p.total}: ${fmt(p.mean)}`, marker: { value: r.target.value, title: r.target.text } }]),
        format: fmt,
      },
    ],
  });
  const rows = r.changes.map((c) => `<tr><td>${esc(c.station)}</td><td>${c.scenario}</td><td>${c.best ?? '—'}</td></tr>`).join('');
  const body = `<h1>${esc(T.title[lang])}: ${esc(r.target.text)}</h1>
<p>${r.best === undefined ? esc(T.none[lang]) : `${esc(T.answer[lang])}: ${r.best.total} ${esc(T.officers[lang])} (${fmt(r.best.value.mean)} ± ${fmt(r.best.value.halfWidth)}); ${esc(T.scenario[lang])}: ${r.scenario.total} (${fmt(r.scenario.value.mean)} ± ${fmt(r.scenario.value.halfWidth)})`}</p>
<section>${chart}</section>
<table><thead><tr><th>${esc(T.station[lang])}</th><th>${esc(T.scenario[lang])}</th><th>${esc(T.answer[lang])}</th></tr></thead><tbody>${rows}</tbody></table>`;
  return htmlPage(lang, `${T.title[lang]}: ${r.target.text}`, body);
}
