import type { Instant } from '../calendar/instant.ts';
import type { Classification } from '../calendar/ledger.ts';
import type { StatusCode } from '../compile/case.ts';
import type { Rating } from '../compile/types.ts';
import type { Label } from '../legal.ts';
import { escapeHtml as esc } from '../report/escape.ts';
import type { Lang } from '../report/labels.ts';
import { formatDue, formatWhen } from './format.ts';
import { WEB_LABELS } from './labels.ts';
import { langField, link, notice, webPage } from './layout.ts';

/** One step of a dossier as the public sees it: what, which agency, and how it stands. */
export interface StepView {
  readonly title: Label;
  readonly agency: Label;
  readonly state: 'active' | 'supplement' | 'done';
  readonly due: Instant | null;
  readonly finishedAt: Instant | null;
  readonly classification: Classification | null;
}

/**
 * A dossier's progress for the public lookup: no personal data (no dossier fields, no names), only
 * the procedure, the official status, the dates and each step. `details` is there only when the
 * lookup secret was given: what is missing, the apology, and the rating.
 */
export interface LookupView {
  readonly code: string;
  readonly procedure: Label;
  readonly status: { readonly code: StatusCode; readonly label: Label };
  readonly receivedAt: Instant;
  /** The return date now in force; null before acceptance. */
  readonly due: Instant | null;
  readonly paused: boolean;
  readonly steps: readonly StepView[];
  readonly readyAt: Instant | null;
  readonly returnedAt: Instant | null;
  readonly details: LookupDetails | null;
}

/** What only the holder of the lookup secret sees. */
export interface LookupDetails {
  /** The last request for papers still waiting for them: by whom (null: the desk, before receipt), when, what. */
  readonly supplement: { readonly agency: Label | null; readonly at: Instant; readonly missing: readonly string[] } | null;
  readonly apology: { readonly agency: Label; readonly at: Instant; readonly newDue: Instant; readonly reason: string } | null;
  readonly canRate: boolean;
  readonly rating: Rating | null;
}

/** What the lookup page shows under its form. */
export type LookupResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'not-found'; readonly code: string }
  | { readonly kind: 'found'; readonly view: LookupView; readonly wrongSecret: boolean };

/** The classification of a step or a result as a tag. */
export function standingTag(c: Classification | null, lang: Lang): string {
  return c === null ? '' : `<span class="tag ${c}">${esc(WEB_LABELS[lang].classification[c])}</span>`;
}

/**
 * The progress lookup page (Tra cứu hồ sơ): a form (code, optional secret) that works without
 * script by GET, and the dossier's progress under it.
 *
 * @example
 * renderLookupPage('vi', '/lookup', { code: '', secret: '' }, { kind: 'none' })
 */
export function renderLookupPage(lang: Lang, here: string, form: { readonly code: string; readonly secret: string }, result: LookupResult, officer?: string): string {
  const L = WEB_LABELS[lang].lookup;
  const formHtml = `<p>${esc(L.intro)}</p>
<form class="stack" method="get" action="/lookup">
${langField(lang)}
<div class="field"><label for="code">${esc(L.code)}</label><input type="text" id="code" name="code" required autocomplete="off" spellcheck="false" value="${esc(form.code)}" aria-describedby="code-hint"><span class="hint" id="code-hint">${esc(L.codeHint)}</span></div>
<div class="field"><label for="secret">${esc(L.secret)}</label><input type="password" id="secret" name="secret" autocomplete="off" value="${esc(form.secret)}" aria-describedby="secret-hint"><span class="hint" id="secret-hint">${esc(L.secretHint)}</span></div>
<div><button type="submit">${esc(L.submit)}</button></div>
</form>`;
  let body = '';
  if (result.kind === 'not-found') body = notice('error', L.notFound(result.code));
  if (result.kind === 'found') body = (result.wrongSecret ? notice('error', L.wrongSecret) : '') + lookupResult(lang, result.view, form.secret);
  return webPage({ lang, title: L.title, here, current: 'lookup', ...(officer === undefined ? {} : { officer }) }, `${formHtml}\n${body}`);
}

function lookupResult(lang: Lang, v: LookupView, secret: string): string {
  const W = WEB_LABELS[lang];
  const L = W.lookup;
  const facts = [
    [L.procedure, esc(v.procedure[lang])],
    [L.status, `<span class="status" data-status="${v.status.code}">${esc(v.status.label[lang])}</span>`],
    [L.receivedAt, esc(formatWhen(v.receivedAt, lang))],
    ...(v.due === null ? [] : [[L.appointment, `<span data-due>${esc(formatDue(v.due, lang))}</span>${v.paused ? ` <span class="tag paused">${esc(L.paused)}</span>` : ''}`]]),
  ]
    .map(([k, d]) => `<dt>${esc(k!)}</dt><dd>${d!}</dd>`)
    .join('');
  const C = L.stepCol;
  const steps =
    v.steps.length === 0
      ? `<p class="muted">${esc(L.noSteps)}</p>`
      : `<div class="scroll" tabindex="0" role="region" aria-label="${esc(L.steps)}"><table class="list steps stack-sm" aria-labelledby="steps-h"><thead><tr><th scope="col">${esc(C.step)}</th><th scope="col">${esc(C.agency)}</th><th scope="col">${esc(C.state)}</th><th scope="col">${esc(C.due)}</th><th scope="col">${esc(C.finished)}</th><th scope="col">${esc(C.standing)}</th></tr></thead><tbody>${v.steps
          .map(
            (s) =>
              `<tr><td data-label="${esc(C.step)}">${esc(s.title[lang])}</td><td data-label="${esc(C.agency)}">${esc(s.agency[lang])}</td><td data-label="${esc(C.state)}">${esc(W.stepState[s.state])}</td><td data-label="${esc(C.due)}">${s.due === null ? '—' : esc(formatWhen(s.due, lang))}</td><td data-label="${esc(C.finished)}">${s.finishedAt === null ? '—' : esc(formatWhen(s.finishedAt, lang))}</td><td data-label="${esc(C.standing)}">${standingTag(s.classification, lang) || '—'}</td></tr>`,
          )
          .join('')}</tbody></table></div>`;
  const result =
    v.returnedAt !== null ? `<p>${esc(L.resultReturned(formatWhen(v.returnedAt, lang)))}</p>` : v.readyAt !== null ? `<p>${esc(L.resultReady(formatWhen(v.readyAt, lang)))}</p>` : '';
  const d = v.details;
  let details = '';
  if (d === null) details = `<p class="muted">${esc(L.detailsHint)}</p>`;
  else {
    if (d.supplement !== null) {
      const at = formatWhen(d.supplement.at, lang);
      details += `<section aria-labelledby="supplement-h"><h2 id="supplement-h">${esc(L.supplementTitle)}</h2><p>${esc(d.supplement.agency === null ? L.completionText(at) : L.supplementText(d.supplement.agency[lang], at))}</p><ul class="missing">${d.supplement.missing.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></section>`;
    }
    if (d.apology !== null) {
      details += `<section aria-labelledby="apology-h"><h2 id="apology-h">${esc(L.apologyTitle)}</h2><p>${esc(L.apologyText(d.apology.agency[lang], formatDue(d.apology.newDue, lang), d.apology.reason))}</p></section>`;
    }
    if (d.rating !== null) details += `<p>${esc(L.rated(W.rating[d.rating]))}</p>`;
    else if (d.canRate) {
      const q = new URLSearchParams({ code: v.code, secret });
      details += `<p><a class="button" href="${esc(link(`/rate?${q.toString()}`, lang))}">${esc(L.rateLink)}</a></p>`;
    }
  }
  return `<section aria-labelledby="dossier-h" class="dossier">
<h2 id="dossier-h">${esc(v.code)}</h2>
<dl class="facts">${facts}</dl>
${result}
<h3 id="steps-h">${esc(L.steps)}</h3>
${steps}
${details}
<p class="note">${esc(L.noPersonalData)}</p>
</section>`;
}
