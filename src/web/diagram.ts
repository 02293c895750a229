import { spawnSync } from 'node:child_process';
import type { ProcedureSpec } from '../dsl/spec.ts';
import { toDot } from '../export/dot.ts';
import { escapeHtml as esc } from '../report/escape.ts';
import type { Lang } from '../report/labels.ts';

/**
 * Draws a procedure with Graphviz (`dot -Tsvg` on the DOT export: agencies as clusters) and gives
 * the SVG ready to inline in a page: without its XML prolog and comments, named for screen readers,
 * scaled by its viewBox. Null when `dot` is not installed or fails. Each version is drawn once per
 * language and kept.
 *
 * @example
 * const draw = graphvizDiagrams();
 * draw(spec, 'vi') // '<svg role="img" aria-label="…" …>…</svg>'
 */
export function graphvizDiagrams(label: (spec: ProcedureSpec, lang: Lang) => string = (s, lang) => s.title[lang]): (spec: ProcedureSpec, lang: Lang) => string | null {
  const cache = new Map<string, string | null>();
  return (spec, lang) => {
    const key = `${spec.id}@${spec.version}:${lang}`;
    if (cache.has(key)) return cache.get(key)!;
    const run = spawnSync('dot', ['-Tsvg'], { input: toDot(spec, { lang }), encoding: 'utf8', timeout: 10_000 });
    const svg = run.status === 0 ? inlineSvg(run.stdout, label(spec, lang)) : null;
    cache.set(key, svg);
    return svg;
  };
}

/** Graphviz's SVG document as an element for a page. */
export function inlineSvg(document: string, name: string): string {
  const start = document.indexOf('<svg');
  const body = document
    .slice(start < 0 ? 0 : start)
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  // Graphviz sizes the drawing in points: let the viewBox scale it to the page instead.
  return body.replace(/^<svg([^>]*?)\swidth="[^"]*"\s+height="[^"]*"/, '<svg$1').replace(/^<svg/, `<svg role="img" aria-label="${esc(name)}" class="graphviz"`);
}
