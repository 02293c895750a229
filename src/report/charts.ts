import { escapeHtml as esc } from './escape.ts';

/**
 * Charts as inline SVG strings: no library, no script, nothing fetched when the page is viewed.
 * Each chart says what it is in `data-chart`, sizes itself with `width`/`height`/`viewBox`, and
 * marks its parts with classes (`bar`, `limit`, `seg`, `ci`…) that the page's stylesheet colours and
 * the browser test counts. Coordinates are rounded to 0.1 px so the output is stable text.
 */

const n = (x: number) => String(Math.round(x * 10) / 10);

function svg(kind: string, width: number, height: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="${kind}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}">${body}</svg>`;
}

/** Round steps (1, 2, 5 × 10^k) covering [0, max] in about `target` ticks. */
export function niceTicks(max: number, target = 6): number[] {
  if (!(max > 0)) return [0];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max * (1 + 1e-9); i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  return ticks;
}

/** A vertical marker on the histogram: the statutory limit, an extended limit, a percentile. */
export interface Marker {
  readonly x: number;
  readonly label: string;
  /** `limit`, `limit extended`, `p50`, `p90`: classes for the line. */
  readonly className: string;
}

export interface HistogramOptions {
  /** Counts per bin of `binWidth` working days, from 0. */
  readonly counts: readonly number[];
  readonly binWidth: number;
  readonly markers: readonly Marker[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly label: string;
  /** Formats an axis value. */
  readonly format: (x: number, digits: number) => string;
  /** Text of a bar's tooltip: `from–to: count`. */
  readonly barTitle: (from: string, to: string, count: string) => string;
  /** Text of the last bar's tooltip when it gathers the long tail: `≥ from: count`. */
  readonly tailTitle: (from: string, count: string) => string;
}

/**
 * A histogram of cycle times with vertical markers (the statutory limit, extended limits, p50,
 * p90). The axis runs to the 99.5th percentile or the farthest marker, whichever is further, and
 * the few cases beyond are gathered in a last `tail` bar, so that a long tail does not squash the
 * distribution; fine bins are merged so that at most 60 bars are drawn. A marker far beyond the data
 * (more than three times its extent) is drawn at the right edge with an arrow. Marker labels are
 * placed on up to four rows above the plot so that close lines stay readable.
 */
export function histogramSvg(o: HistogramOptions): string {
  const W = 460;
  const left = 46;
  const right = 14;
  const bottom = 34;
  const total = o.counts.reduce((s, c) => s + c, 0);
  let last = o.counts.length;
  for (let i = 0, cum = 0; i < o.counts.length; i++) {
    cum += o.counts[i]!;
    if (cum >= total * 0.995) {
      last = i + 1;
      break;
    }
  }
  const dataEnd = Math.max(o.counts.length * o.binWidth, o.binWidth);
  const onScale = o.markers.filter((m) => m.x <= dataEnd * 3);
  const shownEnd = Math.max(last * o.binWidth, ...onScale.map((m) => m.x));
  const wanted = Math.min(o.counts.length, Math.ceil(shownEnd / o.binWidth - 1e-9));
  const merge = Math.max(1, Math.ceil(wanted / 60));
  // Whole merged bars only, so that the tail starts where the last bar ends.
  const shownBins = Math.min(o.counts.length, Math.ceil(wanted / merge) * merge);
  const width = o.binWidth * merge;
  const bins: number[] = [];
  for (let i = 0; i < shownBins; i += merge) bins.push(o.counts.slice(i, Math.min(i + merge, shownBins)).reduce((s, c) => s + c, 0));
  const tail = o.counts.slice(shownBins).reduce((s, c) => s + c, 0);
  const xMax = Math.max(shownEnd, (bins.length + (tail > 0 ? 1 : 0)) * width, width) * 1.04;

  const labels = placeLabels(o.markers.map((m) => ({ x: m.x > dataEnd * 3 ? xMax : m.x, text: m.x > dataEnd * 3 ? `${m.label} →` : m.label })), (x) => left + (x / xMax) * (W - left - right), W - right);
  const rows = Math.max(1, ...labels.map((l) => l.row + 1));
  const top = 8 + rows * 12;
  const H = top + 168 + bottom;
  const yMax = Math.max(1, ...bins, tail);
  const yTicks = niceTicks(yMax, 4);
  const yTop = Math.max(yMax, yTicks[yTicks.length - 1]!);
  const px = (x: number) => left + (Math.min(x, xMax) / xMax) * (W - left - right);
  const py = (y: number) => top + (1 - y / yTop) * (H - top - bottom);
  const parts: string[] = [];
  for (const t of yTicks) parts.push(`<line class="grid" x1="${left}" x2="${W - right}" y1="${n(py(t))}" y2="${n(py(t))}"/><text class="tick" x="${left - 4}" y="${n(py(t) + 3.5)}" text-anchor="end">${esc(o.format(t, 0))}</text>`);
  const xTicks = niceTicks(xMax, 7).filter((t) => t <= xMax);
  const digits = xTicks.some((t) => !Number.isInteger(t)) ? 1 : 0;
  for (const t of xTicks) parts.push(`<line class="axis" x1="${n(px(t))}" x2="${n(px(t))}" y1="${H - bottom}" y2="${H - bottom + 4}"/><text class="tick" x="${n(px(t))}" y="${H - bottom + 15}" text-anchor="middle">${esc(o.format(t, digits))}</text>`);
  const bar = (i: number, count: number, cls: string, title: string) => {
    const x0 = px(i * width);
    const x1 = px((i + 1) * width);
    return `<rect class="${cls}" x="${n(x0 + 0.5)}" y="${n(py(count))}" width="${n(Math.max(0.8, x1 - x0 - 1))}" height="${n(py(0) - py(count))}"><title>${esc(title)}</title></rect>`;
  };
  bins.forEach((count, i) => {
    if (count > 0) parts.push(bar(i, count, 'bar', o.barTitle(o.format(i * width, 2), o.format((i + 1) * width, 2), o.format(count, 0))));
  });
  if (tail > 0) parts.push(bar(bins.length, tail, 'bar tail', o.tailTitle(o.format(bins.length * width, 2), o.format(tail, 0))));
  parts.push(`<line class="axis" x1="${left}" x2="${W - right}" y1="${H - bottom}" y2="${H - bottom}"/>`);
  o.markers.forEach((m, i) => {
    const far = m.x > dataEnd * 3;
    const x = far ? W - right - 1 : px(m.x);
    const l = labels[i]!;
    parts.push(
      `<line class="${esc(m.className)}${far ? ' offscale' : ''}" x1="${n(x)}" x2="${n(x)}" y1="${n(8 + l.row * 12)}" y2="${H - bottom}"><title>${esc(m.label)}</title></line>` +
        `<text class="marker-label ${esc(m.className)}" x="${n(l.anchor === 'end' ? x - 3 : x + 3)}" y="${n(16 + l.row * 12)}" text-anchor="${l.anchor}">${esc(l.text)}</text>`,
    );
  });
  parts.push(`<text class="axis-label" x="${n((left + W - right) / 2)}" y="${H - 4}" text-anchor="middle">${esc(o.xLabel)}</text>`);
  parts.push(`<text class="axis-label" transform="translate(11 ${n((top + H - bottom) / 2)}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`);
  return svg('histogram', W, H, o.label, parts.join(''));
}

/** Approximate width of a label in px at 11 px: good enough to keep labels apart. */
const textWidth = (text: string) => text.length * 6.2;

/**
 * Puts each marker's label on the first of four rows where it overlaps no label already placed,
 * to the right of its line, or to the left when it would run past the right edge.
 */
function placeLabels(items: readonly { readonly x: number; readonly text: string }[], px: (x: number) => number, rightEdge: number): { row: number; anchor: 'start' | 'end'; text: string }[] {
  const taken: [number, number][][] = [[], [], [], []];
  const order = items.map((item, i) => ({ ...item, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const placed: { row: number; anchor: 'start' | 'end'; text: string }[] = new Array(items.length);
  for (const item of order) {
    const x = px(item.x);
    const w = textWidth(item.text);
    const anchor = x + 3 + w > rightEdge ? 'end' : 'start';
    const span: [number, number] = anchor === 'start' ? [x, x + 3 + w] : [x - 3 - w, x];
    let row = taken.findIndex((spans) => spans.every(([a, b]) => span[1] + 4 < a || span[0] > b + 4));
    if (row === -1) row = taken.length - 1;
    taken[row]!.push(span);
    placed[item.i] = { row, anchor, text: item.text };
  }
  return placed;
}

/** One part of a stacked bar. */
export interface Segment {
  readonly value: number;
  /** `early`, `on-time`, `late`. */
  readonly className: string;
  readonly title: string;
}

/** A single horizontal bar split into parts proportional to their values (early / on time / late). */
export function stackedBarSvg(segments: readonly Segment[], label: string, emptyText: string): string {
  const W = 460;
  const H = 26;
  const total = segments.reduce((s, x) => s + x.value, 0);
  if (!(total > 0)) return svg('split', W, H, label, `<rect class="seg empty" x="0" y="3" width="${W}" height="20"/><text class="tick" x="${W / 2}" y="17" text-anchor="middle">${esc(emptyText)}</text>`);
  let x = 0;
  const parts = segments.map((s) => {
    const w = (s.value / total) * W;
    const rect = `<rect class="seg ${esc(s.className)}" x="${n(x)}" y="3" width="${n(w)}" height="20"><title>${esc(s.title)}</title></rect>`;
    x += w;
    return rect;
  });
  return svg('split', W, H, label, parts.join(''));
}

/** One bar: a mean, its 95% confidence half-width, an optional extra tick (p95), its tooltip and the text beside it. */
export interface BarValue {
  readonly value: number;
  readonly halfWidth?: number;
  readonly marker?: { readonly value: number; readonly title: string };
  readonly title: string;
  readonly text: string;
}

/** One difference of a forest panel, with its 95% confidence half-width. */
export interface ForestValue {
  readonly mean: number;
  readonly halfWidth: number;
  readonly text: string;
}

/** A row of a panel chart: the item (a station, a procedure), shared by every panel. */
export interface PanelRow {
  readonly label: string;
  /** The bottleneck: drawn in its own colour, with `note` after the label. */
  readonly highlight?: boolean;
  readonly note?: string;
}

/** A panel of a panel chart: bars (one per series in each row) or a forest of differences around zero. */
export type Panel =
  | {
      readonly kind: 'bars';
      readonly title: string;
      /** Width of the plot; the texts beside the bars take `valueWidth` more. */
      readonly width: number;
      readonly valueWidth: number;
      /** One class per bar of a row (`baseline`, `variant`), in order. */
      readonly series: readonly string[];
      /** Per row, one value per series. */
      readonly values: readonly (readonly BarValue[])[];
      /** The end of the axis; by default the largest value with its interval. */
      readonly max?: number;
      readonly format: (x: number) => string;
    }
  | {
      readonly kind: 'forest';
      readonly title: string;
      readonly width: number;
      readonly valueWidth: number;
      readonly values: readonly ForestValue[];
      readonly format: (x: number) => string;
    };

export interface PanelChartOptions {
  readonly kind: string;
  readonly label: string;
  readonly rows: readonly PanelRow[];
  readonly panels: readonly Panel[];
  readonly labelWidth?: number;
}

const BAR_H = 13;
const BAR_GAP = 3;
const PANEL_GAP = 28;

/**
 * Rows of items with panels side by side, sharing the row labels: bars with their 95% confidence
 * intervals as whiskers (utilisation, queue waits, baseline against variant), and forests of paired
 * differences around a zero line, where an interval that does not cross zero is a difference the
 * replications support (drawn as `sure`).
 */
export function panelChartSvg(o: PanelChartOptions): string {
  const labelW = o.labelWidth ?? 250;
  const maxSeries = Math.max(1, ...o.panels.map((p) => (p.kind === 'bars' ? p.series.length : 1)));
  const rowH = Math.max(20, maxSeries * (BAR_H + BAR_GAP) + 8);
  const top = 24;
  const bottom = 22;
  const W = labelW + o.panels.reduce((s, p) => s + p.width + p.valueWidth, 0) + PANEL_GAP * (o.panels.length - 1);
  const H = top + Math.max(1, o.rows.length) * rowH + bottom;
  const rowY = (i: number) => top + i * rowH;
  const parts: string[] = [];
  o.rows.forEach((row, i) => {
    const cls = `row-label${row.highlight === true ? ' bottleneck' : ''}`;
    const name = row.label.length > 38 ? `${row.label.slice(0, 37)}…` : row.label;
    parts.push(`<text class="${cls}" x="${labelW - 6}" y="${n(rowY(i) + rowH / 2 + 4)}" text-anchor="end"><title>${esc(row.label)}</title>${esc(name)}${row.note === undefined ? '' : ` ${esc(row.note)}`}</text>`);
  });
  let x = labelW;
  for (const panel of o.panels) {
    const x0 = x;
    const x1 = x + panel.width;
    parts.push(`<text class="panel-title" x="${x0}" y="12">${esc(panel.title)}</text>`);
    if (panel.kind === 'bars') parts.push(barsPanel(panel, o.rows, x0, x1, rowY, rowH, top, H - bottom));
    else parts.push(forestPanel(panel, x0, x1, rowY, rowH, top, H - bottom));
    x = x1 + panel.valueWidth + PANEL_GAP;
  }
  return svg(o.kind, W, H, o.label, parts.join(''));
}

function barsPanel(p: Extract<Panel, { kind: 'bars' }>, rows: readonly PanelRow[], x0: number, x1: number, rowY: (i: number) => number, rowH: number, top: number, bottom: number): string {
  const reach = p.values.flatMap((vs) => vs.map((v) => Math.max(v.value + (v.halfWidth ?? 0), v.marker?.value ?? 0)));
  const max = p.max ?? Math.max(1e-9, ...reach);
  const px = (x: number) => x0 + (Math.max(0, Math.min(x, max)) / max) * (x1 - x0);
  const parts: string[] = [];
  for (const t of niceTicks(max, 4)) {
    if (t > max) continue;
    parts.push(`<line class="grid" x1="${n(px(t))}" x2="${n(px(t))}" y1="${top}" y2="${bottom}"/><text class="tick" x="${n(px(t))}" y="${bottom + 14}" text-anchor="middle">${esc(p.format(t))}</text>`);
  }
  p.values.forEach((values, i) => {
    const highlight = rows[i]?.highlight === true;
    const block = values.length * (BAR_H + BAR_GAP) - BAR_GAP;
    const y = rowY(i) + (rowH - block) / 2;
    values.forEach((v, s) => {
      const by = y + s * (BAR_H + BAR_GAP);
      parts.push(`<rect class="bar ${esc(p.series[s] ?? '')}${highlight ? ' bottleneck' : ''}" x="${n(x0)}" y="${n(by)}" width="${n(Math.max(0.8, px(v.value) - x0))}" height="${BAR_H}"><title>${esc(v.title)}</title></rect>`);
      if (v.halfWidth !== undefined && v.halfWidth > 0) parts.push(whisker(px(v.value - v.halfWidth), px(v.value + v.halfWidth), by + BAR_H / 2, 'ci'));
      if (v.marker !== undefined) parts.push(`<path class="p95" d="M${n(px(v.marker.value))} ${n(by - 1)}V${n(by + BAR_H + 1)}"><title>${esc(v.marker.title)}</title></path>`);
      parts.push(`<text class="value" x="${n(x1 + 6)}" y="${n(by + BAR_H - 3)}">${esc(v.text)}</text>`);
    });
  });
  parts.push(`<line class="axis" x1="${n(x0)}" x2="${n(x0)}" y1="${top}" y2="${bottom}"/>`);
  return parts.join('');
}

function forestPanel(p: Extract<Panel, { kind: 'forest' }>, x0: number, x1: number, rowY: (i: number) => number, rowH: number, top: number, bottom: number): string {
  const reach = Math.max(1e-9, ...p.values.map((v) => Math.abs(v.mean) + Math.abs(v.halfWidth)));
  const px = (x: number) => x0 + ((x + reach) / (2 * reach)) * (x1 - x0);
  const parts: string[] = [];
  for (const t of niceTicks(reach, 2)) {
    if (t > reach) continue;
    for (const v of t === 0 ? [0] : [-t, t]) {
      parts.push(`<line class="${v === 0 ? 'zero' : 'grid'}" x1="${n(px(v))}" x2="${n(px(v))}" y1="${top}" y2="${bottom}"/><text class="tick" x="${n(px(v))}" y="${bottom + 14}" text-anchor="middle">${esc(p.format(v))}</text>`);
    }
  }
  p.values.forEach((v, i) => {
    const cy = rowY(i) + rowH / 2;
    const sure = Math.abs(v.mean) > v.halfWidth;
    if (v.halfWidth > 0) parts.push(whisker(px(v.mean - v.halfWidth), px(v.mean + v.halfWidth), cy, sure ? 'ci sure' : 'ci'));
    parts.push(`<circle class="dot${sure ? ' sure' : ''}" cx="${n(px(v.mean))}" cy="${n(cy)}" r="4"><title>${esc(v.text)}</title></circle>`);
    parts.push(`<text class="value" x="${n(x1 + 6)}" y="${n(cy + 4)}">${esc(v.text)}</text>`);
  });
  return parts.join('');
}

/** A horizontal interval with end caps. */
function whisker(a: number, b: number, y: number, cls: string): string {
  return `<path class="${cls}" d="M${n(a)} ${n(y)}H${n(b)}M${n(a)} ${n(y - 4)}V${n(y + 4)}M${n(b)} ${n(y - 4)}V${n(y + 4)}"/>`;
}
