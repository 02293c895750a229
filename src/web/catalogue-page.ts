import type { FlowNode, ProcedureSpec } from '../dsl/spec.ts';
import { citeRef } from '../legal.ts';
import { escapeHtml as esc } from '../report/escape.ts';
import type { Lang } from '../report/labels.ts';
import { WEB_LABELS } from './labels.ts';
import { langField, link, notice, webPage } from './layout.ts';

const mark = (c: string) => (c === 'src' ? '' : ` [${c === 'mem' ? 'mem' : '?'}]`);

/**
 * The catalogue page: every procedure in force on a date (the latest version whose
 * `effectiveFrom` is on or before it), with its level, limit, version and legal basis.
 */
export function renderCataloguePage(lang: Lang, here: string, date: string, specs: readonly ProcedureSpec[], officer?: string): string {
  const W = WEB_LABELS[lang];
  const L = W.catalogue;
  const C = L.col;
  const rows = specs
    .map(
      (s) =>
        `<tr><td><a href="${esc(link(`/catalogue/${encodeURIComponent(s.id)}?date=${date}`, lang))}">${esc(s.title[lang])}</a></td><td>${esc(W.level[s.level])}</td><td>${esc(s.limit.duration)}</td><td>${esc(s.version)}</td><td>${s.legal.map((r) => esc(citeRef(r, lang) + mark(r.confidence))).join('<br>')}</td></tr>`,
    )
    .join('');
  return webPage(
    { lang, title: L.title, here, current: 'catalogue', ...(officer === undefined ? {} : { officer }) },
    `<form class="stack" method="get" action="/catalogue">${langField(lang)}<div class="field"><label for="date">${esc(L.date)}</label><input type="date" id="date" name="date" value="${esc(date)}" required></div><div><button type="submit">${esc(L.show)}</button></div></form>
<p>${esc(L.inForce(date, String(specs.length)))}</p>
<div class="scroll" tabindex="0" role="region" aria-label="${esc(L.title)}"><table class="list catalogue"><thead><tr><th scope="col">${esc(C.procedure)}</th><th scope="col">${esc(C.level)}</th><th scope="col">${esc(C.limit)}</th><th scope="col">${esc(C.version)}</th><th scope="col">${esc(C.basis)}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
  );
}

/** The flow as nested lists: steps with their agency and share, parallel branches, branches with their cases. */
export function flowOutline(spec: ProcedureSpec, lang: Lang): string {
  const L = WEB_LABELS[lang].catalogue;
  const agency = (id: string) => (id === 'applicant' ? (lang === 'vi' ? 'người nộp hồ sơ' : 'the applicant') : (spec.agencies[id]?.name[lang] ?? id));
  const list = (nodes: readonly FlowNode[]): string => `<ul class="flow">${nodes.map(item).join('')}</ul>`;
  const item = (n: FlowNode): string => {
    switch (n.kind) {
      case 'step':
        return `<li data-step="${esc(n.id)}"><strong>${esc(n.title[lang])}</strong> — ${esc(agency(n.agency))}${n.role === undefined ? '' : ` (${esc(n.role)})`}; ${esc(L.share)} <span class="share">${esc(n.share)}</span></li>`;
      case 'parallel':
        return `<li>${esc(n.title?.[lang] ?? L.parallel)}<ul class="flow">${n.branches.map((b) => (b.length === 1 ? item(b[0]!) : `<li>${list(b)}</li>`)).join('')}</ul></li>`;
      case 'branch': {
        const field = spec.dossier[n.field]?.label[lang] ?? n.field;
        const ways = n.cases.map((c) => `<li>${esc(L.when(String(c.when)))}${c.extendLimit === undefined ? '' : ` (${esc(L.extends(c.extendLimit))})`}${c.flow.length === 0 ? '' : list(c.flow)}</li>`);
        if (n.otherwise !== undefined) ways.push(`<li>${esc(L.otherwise)}${n.otherwise.extendLimit === undefined ? '' : ` (${esc(L.extends(n.otherwise.extendLimit))})`}${n.otherwise.flow.length === 0 ? '' : list(n.otherwise.flow)}</li>`);
        return `<li>${esc(L.branch(field))}<ul class="flow">${ways.join('')}</ul></li>`;
      }
      case 'consult':
        return `<li data-step="${esc(n.id)}"><strong>${esc(n.title[lang])}</strong> — ${esc(agency(n.lead))}: ${esc(L.consult(n.consulted.map(agency).join(', '), n.answerWithin, n.deemedConsent))}</li>`;
      case 'excluded':
        return `<li data-step="${esc(n.id)}"><strong>${esc(n.title[lang])}</strong> — ${esc(L.excluded(agency(n.party), n.lasts ?? null))}</li>`;
    }
  };
  return list(spec.flow);
}

/**
 * One procedure of the catalogue: limit and how it is counted, agencies, the steps with their
 * shares, the legal basis, and its diagram (the SVG Graphviz draws from the DOT export, inline).
 */
export function renderProcedurePage(lang: Lang, here: string, date: string, spec: ProcedureSpec, diagram: string | null, officer?: string): string {
  const W = WEB_LABELS[lang];
  const L = W.catalogue;
  const facts = [
    [L.limit, `${esc(spec.limit.duration)} — ${esc(L.mode[spec.limit.mode])}; ${esc(citeRef(spec.limit.ref, lang) + mark(spec.limit.ref.confidence))}`],
    [W.catalogue.col.level, esc(W.level[spec.level])],
    [W.catalogue.col.version, esc(spec.version)],
    [L.effective, esc(spec.effectiveFrom)],
    [L.agencies, esc(Object.values(spec.agencies).map((a) => a.name[lang]).join(', '))],
  ]
    .map(([k, d]) => `<dt>${esc(k!)}</dt><dd>${d!}</dd>`)
    .join('');
  const legal = `<ul>${spec.legal.map((r) => `<li>${esc(citeRef(r, lang) + mark(r.confidence))}${r.note === undefined ? '' : ` — ${esc(r.note)}`}</li>`).join('')}</ul>`;
  const figure = diagram === null ? notice('info', L.noDiagram) : `<figure class="diagram"><div class="scroll" tabindex="0" role="region" aria-label="${esc(L.diagramLabel(spec.title[lang]))}">${diagram}</div></figure>`;
  return webPage(
    { lang, title: spec.title[lang], here, current: 'catalogue', ...(officer === undefined ? {} : { officer }) },
    `<dl class="facts">${facts}</dl>
<section aria-labelledby="steps-h"><h2 id="steps-h">${esc(L.steps)}</h2>${flowOutline(spec, lang)}</section>
<section aria-labelledby="legal-h"><h2 id="legal-h">${esc(L.legal)}</h2>${legal}</section>
<section aria-labelledby="diagram-h"><h2 id="diagram-h">${esc(L.diagram)}</h2>${figure}</section>
<p><a href="${esc(link(`/catalogue?date=${date}`, lang))}">${esc(L.back)}</a></p>`,
  );
}

/**
 * The versions in force on `date` (`YYYY-MM-DD`), one per procedure id, sorted by level (province
 * first) then title.
 */
export function proceduresInForce(specs: readonly ProcedureSpec[], date: string): ProcedureSpec[] {
  const latest = new Map<string, ProcedureSpec>();
  for (const s of specs) {
    if (s.effectiveFrom > date) continue;
    const seen = latest.get(s.id);
    if (seen === undefined || seen.effectiveFrom < s.effectiveFrom) latest.set(s.id, s);
  }
  const order = { province: 0, district: 1, commune: 2 } as const;
  return [...latest.values()].sort((a, b) => order[a.level] - order[b.level] || (a.title.vi < b.title.vi ? -1 : a.title.vi > b.title.vi ? 1 : 0));
}
