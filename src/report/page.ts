import { escapeHtml as esc } from './escape.ts';
import type { Lang } from './labels.ts';

/**
 * The HTML document around a report's sections: one file with its stylesheet inline, system fonts
 * only, no script and no external resource, so it opens offline and prints as it shows.
 */
export function htmlPage(lang: Lang, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The report's stylesheet: its charts' classes are shared by the web pages (src/web). */
export const REPORT_STYLE = `
:root { --ink: #1d2430; --muted: #5b6473; --line: #d5dae1; --bar: #4a78b5; --baseline: #8c99ab; --variant: #2f9e8f;
  --early: #2b8a3e; --on-time: #74b816; --late: #e03131; --limit: #c92a2a; --extended: #e8590c; --bottleneck: #d9480f; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px 28px 48px; font: 14px/1.45 system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 0 0 4px; }
p { margin: 4px 0 8px; }
.sub, .note, .muted { color: var(--muted); }
.note { font-size: 12.5px; }
nav { margin: 10px 0 0; display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 13px; }
nav a { color: var(--ink); }
pre { background: #f3f5f8; border: 1px solid var(--line); padding: 8px 10px; overflow-x: auto; font-size: 12.5px; }
.warning { background: #fff4e6; border-left: 4px solid var(--extended); padding: 6px 10px; margin: 6px 0; }
table { border-collapse: collapse; font-size: 12.5px; margin: 6px 0 10px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; }
table.dashboard { font-size: 11.5px; width: 100%; }
table.dashboard th, table.dashboard td { padding: 2px 2px; }
table.dashboard th { font-weight: 600; font-size: 10.5px; hyphens: auto; overflow-wrap: anywhere; }
table.dashboard .name { min-width: 110px; width: 11%; text-align: left; }
th { background: #f3f5f8; font-weight: 600; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; background: #f8f9fb; }
tr.bottleneck td:first-child { color: var(--bottleneck); font-weight: 600; }
.scroll { overflow-x: auto; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(500px, 1fr)); gap: 16px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; break-inside: avoid; }
.card .id { color: var(--muted); font-weight: 400; font-size: 12px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; margin: 2px 0 6px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: -1px; }
.swatch.early { background: var(--early); } .swatch.on-time { background: var(--on-time); } .swatch.late { background: var(--late); }
.swatch.baseline { background: var(--baseline); } .swatch.variant { background: var(--variant); }
dl.figures { display: grid; grid-template-columns: repeat(4, auto); gap: 2px 12px; margin: 6px 0 0; font-size: 12.5px; }
dl.figures dt { color: var(--muted); } dl.figures dd { margin: 0; font-variant-numeric: tabular-nums; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 4px 0; }
.card svg.chart { width: 100%; }
svg text { font: 11px system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; fill: var(--ink); }
svg .tick, svg .axis-label { fill: var(--muted); }
svg .panel-title { font-weight: 600; }
svg .bar.tail { fill: #a5b4c8; }
svg .grid { stroke: #eceff3; } svg .axis { stroke: #98a2b3; } svg .zero { stroke: var(--ink); stroke-width: 1.2; }
svg .bar { fill: var(--bar); } svg .bar.baseline { fill: var(--baseline); } svg .bar.variant { fill: var(--variant); }
svg .bar.bottleneck { fill: var(--bottleneck); } svg .row-label.bottleneck { fill: var(--bottleneck); font-weight: 700; }
svg .seg.early { fill: var(--early); } svg .seg.on-time { fill: var(--on-time); } svg .seg.late { fill: var(--late); } svg .seg.empty { fill: #eceff3; }
svg line.limit { stroke: var(--limit); stroke-width: 2; } svg line.limit.extended { stroke: var(--extended); stroke-dasharray: 5 3; }
svg line.offscale { stroke-dasharray: 2 2; }
svg text.marker-label.limit { fill: var(--limit); font-weight: 600; } svg text.marker-label.extended { fill: var(--extended); }
svg line.p50, svg line.p90 { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 3 3; }
svg .ci { stroke: var(--ink); stroke-width: 1.2; fill: none; } svg .ci.sure { stroke: #0b7285; stroke-width: 1.6; }
svg .dot { fill: #868e96; } svg .dot.sure { fill: #0b7285; }
svg .p95 { stroke: var(--ink); stroke-width: 2; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media print { body { max-width: none; padding: 0; } nav { display: none; } .card { page-break-inside: avoid; } }
`;
