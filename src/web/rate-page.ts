import { RATINGS } from '../compile/types.ts';
import { escapeHtml as esc } from '../report/escape.ts';
import type { Lang } from '../report/labels.ts';
import { WEB_LABELS } from './labels.ts';
import { langField, link, notice, webPage } from './layout.ts';

/** The longest complaint the rating page takes (its textarea's maxlength, checked again on the server). */
export const MAX_COMPLAINT_CHARS = 2000;

/** What the rating page shows: the form, or the outcome of sending it. */
export type RateState =
  | { readonly kind: 'form' }
  | { readonly kind: 'not-yet' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'done'; readonly complaint: string | null };

/**
 * The rating and complaint page (Đánh giá): three choices in a fieldset and an optional complaint,
 * posted with the dossier code and the lookup secret (the applicant's credential). The complaint
 * field appears only when the server keeps complaints (`complaints`).
 *
 * @example
 * renderRatePage('en', '/rate?code=A-1&secret=S', 'A-1', 'S', { kind: 'form' }, true)
 */
export function renderRatePage(lang: Lang, here: string, code: string, secret: string, state: RateState, complaints: boolean): string {
  const L = WEB_LABELS[lang].rate;
  const back = `<p><a href="${esc(link(`/lookup?${new URLSearchParams({ code, secret }).toString()}`, lang))}">${esc(L.back)}</a></p>`;
  let content: string;
  if (state.kind === 'done') content = `${notice('ok', L.thanks)}${state.complaint === null ? '' : notice('ok', L.complaintRecorded(state.complaint))}${back}`;
  else if (state.kind === 'not-yet') content = `${notice('info', L.notYet)}${back}`;
  else {
    const choices = RATINGS.map(
      (r, i) => `<label><input type="radio" name="rating" value="${r}"${i === 0 ? ' required' : ''}> ${esc(WEB_LABELS[lang].rating[r])}</label>`,
    ).join('');
    content = `${state.kind === 'error' ? notice('error', state.message) : ''}<p>${esc(L.intro(code))}</p>
<form class="stack" method="post" action="/rate">
${langField(lang)}
<input type="hidden" name="code" value="${esc(code)}"><input type="hidden" name="secret" value="${esc(secret)}">
<fieldset><legend>${esc(L.legend)}</legend>${choices}</fieldset>
${complaints ? `<div class="field"><label for="complaint">${esc(L.complaint)}</label><textarea id="complaint" name="complaint" maxlength="${MAX_COMPLAINT_CHARS}" aria-describedby="complaint-hint"></textarea><span class="hint" id="complaint-hint">${esc(L.complaintHint)}</span></div>` : ''}
<div><button type="submit">${esc(L.submit)}</button></div>
</form>${back}`;
  }
  return webPage({ lang, title: L.title, here, current: 'lookup' }, content);
}
