import type { Instant } from '../calendar/instant.ts';
import type { Classification } from '../calendar/ledger.ts';
import type { StatusCode } from '../compile/case.ts';
import type { CaseEventType } from '../compile/types.ts';
import type { Label } from '../legal.ts';
import { escapeHtml as esc } from '../report/escape.ts';
import type { Lang } from '../report/labels.ts';
import { formatDue, formatWhen } from './format.ts';
import { WEB_LABELS } from './labels.ts';
import { langField, link, notice, webPage } from './layout.ts';
import { type StepView, standingTag } from './lookup-page.ts';
import { dueDateValue, queueFlags, type QueueRow } from './queue-page.ts';

/**
 * An action the officer's agency may take now, with what its short form asks: reasons for a
 * refusal, the missing papers for a request, a new date and a reason for an apology, agree or not
 * for a consultation.
 */
export type ActionView =
  | { readonly type: 'ACCEPT' | 'TRANSFER' | 'RETURN_RESULT' }
  | { readonly type: 'REQUEST_COMPLETION' }
  | { readonly type: 'REFUSE'; readonly step?: string; readonly stepTitle?: Label }
  | { readonly type: 'COMPLETE' | 'REQUEST_SUPPLEMENT'; readonly step: string; readonly stepTitle: Label }
  | { readonly type: 'ANSWER'; readonly consult: string; readonly title: Label }
  | { readonly type: 'FINISH_INTERVAL'; readonly interval: string; readonly title: Label }
  | { readonly type: 'APOLOGIZE'; readonly suggested: Instant | null }
  /** The desk closes a dossier the applicant asked to withdraw (status 7 → 8). */
  | { readonly type: 'WITHDRAW' };

/** Events that refuse or withdraw: the page asks again before sending them. */
export const CONFIRMED_EVENTS: readonly CaseEventType[] = ['REFUSE', 'WITHDRAW'];

/** One line of the control slip, with names resolved. */
export interface SlipRow {
  readonly at: Instant;
  readonly action: string;
  readonly from: Label | null;
  readonly to: Label | null;
  readonly step: Label | null;
  readonly due: Instant | null;
  readonly classification: Classification | null;
  readonly note: string | null;
}

/** A dossier as its agency's officer sees it. */
export interface DossierView {
  readonly row: QueueRow;
  readonly receivedAt: Instant;
  readonly holders: readonly Label[];
  readonly held: boolean;
  readonly steps: readonly StepView[];
  readonly slip: readonly SlipRow[];
  readonly actions: readonly ActionView[];
  /** The case version the forms name, so a stale page gets a conflict instead of acting twice. */
  readonly version: number;
  /** Whether the signed-in agency is this procedure's desk (it may print the appointment slip). */
  readonly desk: boolean;
}

function textarea(id: string, name: string, label: string, hint?: string): string {
  return `<div class="field"><label for="${id}">${esc(label)}</label><textarea id="${id}" name="${name}" required${hint === undefined ? '' : ` aria-describedby="${id}-hint"`}></textarea>${hint === undefined ? '' : `<span class="hint" id="${id}-hint">${esc(hint)}</span>`}</div>`;
}

/** The title of an action button: the event, and its step when it has one. */
export function actionTitle(a: ActionView, lang: Lang): string {
  if (a.type === 'WITHDRAW') return WEB_LABELS[lang].dossier.closeWithdrawal;
  const name = WEB_LABELS[lang].event[a.type];
  if ('stepTitle' in a && a.stepTitle !== undefined) return `${name}: ${a.stepTitle[lang]}`;
  if ('title' in a) return `${name}: ${a.title[lang]}`;
  return name;
}

/** The hidden fields that name an action's event and its target. */
function actionHidden(a: ActionView): string {
  const fields: [string, string][] = [['type', a.type]];
  if ('step' in a && a.step !== undefined) fields.push(['step', a.step]);
  if (a.type === 'ANSWER') fields.push(['consult', a.consult]);
  if (a.type === 'FINISH_INTERVAL') fields.push(['interval', a.interval]);
  return fields.map(([k, v]) => `<input type="hidden" name="${k}" value="${esc(v)}">`).join('');
}

function actionForm(a: ActionView, i: number, code: string, version: number, lang: Lang): string {
  const L = WEB_LABELS[lang].dossier;
  const id = (f: string) => `a${i}-${f}`;
  let fields = '';
  switch (a.type) {
    case 'REQUEST_COMPLETION':
    case 'REQUEST_SUPPLEMENT':
      fields = textarea(id('missing'), 'missing', L.missing, L.missingHint);
      break;
    case 'REFUSE':
      fields = textarea(id('reasons'), 'reasons', L.reasons);
      break;
    case 'COMPLETE':
      fields = `<div class="field"><label for="${id('note')}">${esc(L.note)}</label><input type="text" id="${id('note')}" name="note"></div>`;
      break;
    case 'ANSWER':
      fields = `<fieldset><legend>${esc(actionTitle(a, lang))}</legend><label><input type="radio" name="agree" value="true" required> ${esc(L.agree)}</label><label><input type="radio" name="agree" value="false"> ${esc(L.disagree)}</label></fieldset><div class="field"><label for="${id('note')}">${esc(L.note)}</label><input type="text" id="${id('note')}" name="note"></div>`;
      break;
    case 'APOLOGIZE':
      fields = `<div class="field"><label for="${id('newDue')}">${esc(L.newDue)}</label><input type="date" id="${id('newDue')}" name="newDue" required value="${esc(dueDateValue(a.suggested))}"></div><div class="field"><label for="${id('reason')}">${esc(L.reason)}</label><input type="text" id="${id('reason')}" name="reason" required></div>`;
      break;
    default:
      break;
  }
  const danger = CONFIRMED_EVENTS.includes(a.type);
  return `<div class="action" data-event="${a.type}"><form method="post" action="${esc(`/queue/${encodeURIComponent(code)}/act`)}">
${langField(lang)}<input type="hidden" name="version" value="${version}">${actionHidden(a)}
${fields}
<div><button type="submit"${danger ? ' class="danger"' : ''}>${esc(actionTitle(a, lang))}</button></div>
</form></div>`;
}

/** The control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ) as a table. */
export function slipTable(rows: readonly SlipRow[], lang: Lang): string {
  const W = WEB_LABELS[lang];
  const C = W.dossier.slipCol;
  const name = (l: Label | null) => (l === null ? '' : esc(l[lang]));
  return `<div class="scroll" tabindex="0" role="region" aria-label="${esc(W.dossier.slip)}"><table class="list slip-table"><thead><tr><th scope="col">${esc(C.at)}</th><th scope="col">${esc(C.action)}</th><th scope="col">${esc(C.from)}</th><th scope="col">${esc(C.to)}</th><th scope="col">${esc(C.step)}</th><th scope="col">${esc(C.due)}</th><th scope="col">${esc(C.standing)}</th><th scope="col">${esc(C.note)}</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><td>${esc(formatWhen(r.at, lang))}</td><td>${esc(W.slipAction[r.action] ?? r.action)}</td><td>${name(r.from)}</td><td>${name(r.to)}</td><td>${name(r.step)}</td><td>${r.due === null ? '' : esc(formatWhen(r.due, lang))}</td><td>${standingTag(r.classification, lang)}</td><td>${r.note === null ? '' : esc(r.note)}</td></tr>`,
    )
    .join('')}</tbody></table></div>`;
}

/**
 * The officer's page of one dossier: where it stands, the actions the machine allows the agency now
 * (each a small form), and the control slip.
 */
export function renderDossierPage(lang: Lang, here: string, agency: Label, v: DossierView, message?: { readonly kind: 'ok' | 'error'; readonly text: string }): string {
  const W = WEB_LABELS[lang];
  const L = W.dossier;
  const r = v.row;
  const facts = [
    [W.lookup.procedure, esc(r.procedure[lang])],
    [W.lookup.status, `<span class="status" data-status="${r.status.code}">${esc(r.status.label[lang])}</span>`],
    [W.lookup.receivedAt, esc(formatWhen(v.receivedAt, lang))],
    [W.lookup.appointment, r.due === null ? '—' : esc(formatDue(r.due, lang))],
    [W.queue.col.flags, queueFlags(r, lang) || '—'],
    [W.lookup.stepCol.agency, esc(v.holders.map((h) => h[lang]).join(', ') || '—')],
  ]
    .map(([k, d]) => `<dt>${esc(k!)}</dt><dd>${d!}</dd>`)
    .join('');
  const actions = !v.held
    ? `<p class="muted">${esc(L.notHeld)}</p>`
    : v.actions.length === 0
      ? `<p class="muted">${esc(L.noActions)}</p>`
      : `<div class="actions">${v.actions.map((a, i) => actionForm(a, i, r.code, v.version, lang)).join('\n')}</div>`;
  const slipLink = v.desk ? `<p><a href="${esc(link(`/queue/${encodeURIComponent(r.code)}/slip`, lang))}">${esc(W.appointment.title)}</a></p>` : '';
  return webPage(
    { lang, title: L.title(r.code), here, officer: agency[lang], current: 'queue' },
    `${message === undefined ? '' : notice(message.kind, message.text)}<dl class="facts">${facts}</dl>
${slipLink}
<section aria-labelledby="actions-h"><h2 id="actions-h">${esc(L.actions)}</h2>${actions}</section>
<section aria-labelledby="slip-h"><h2 id="slip-h">${esc(L.slip)}</h2>${slipTable(v.slip, lang)}</section>
<p><a href="${esc(link('/queue', lang))}">${esc(L.back)}</a></p>`,
  );
}

/**
 * The page that asks again before a refusal or a withdrawal: the fields already typed travel in
 * hidden inputs, with `confirm=yes` added.
 */
export function renderConfirmPage(lang: Lang, here: string, agency: Label, code: string, event: CaseEventType, fields: readonly (readonly [string, string])[]): string {
  const L = WEB_LABELS[lang].dossier;
  const hidden = fields
    .filter(([k]) => k !== 'confirm' && k !== 'lang')
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return webPage(
    { lang, title: L.confirmTitle, here, officer: agency[lang], current: 'queue' },
    // Officers send WITHDRAW only to close the applicant's request: the page says so.
    `<p>${esc(event === 'WITHDRAW' ? L.confirmClose(code) : L.confirmText(WEB_LABELS[lang].event[event], code))}</p>
<form method="post" action="${esc(`/queue/${encodeURIComponent(code)}/act`)}" class="stack">
${langField(lang)}${hidden}<input type="hidden" name="confirm" value="yes">
<div><button type="submit" class="danger">${esc(L.confirm)}</button> <a class="button secondary" href="${esc(link(`/queue/${encodeURIComponent(code)}`, lang))}">${esc(L.cancel)}</a></div>
</form>`,
  );
}
