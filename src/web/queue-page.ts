import { formatLocalDate } from '../calendar/date.ts';
import type { Instant } from '../calendar/instant.ts';
import type { StatusCode } from '../compile/case.ts';
import type { Channel, DossierField } from '../dsl/spec.ts';
import type { Label } from '../legal.ts';
import { escapeHtml as esc } from '../report/escape.ts';
import type { Lang } from '../report/labels.ts';
import { dueDay, formatDay, formatDue } from './format.ts';
import { WEB_LABELS } from './labels.ts';
import { langField, link, notice, webPage } from './layout.ts';

/** A dossier in an agency's queue, with what needs attention. */
export interface QueueRow {
  readonly code: string;
  readonly procedure: Label;
  readonly status: { readonly code: StatusCode; readonly label: Label };
  readonly due: Instant | null;
  readonly dueToday: boolean;
  readonly overdue: boolean;
  /** The last moment an apology slip may still be issued, when the dossier risks being late and none was issued. */
  readonly apologyBy: Instant | null;
  readonly paused: boolean;
}

/** A procedure the signed-in desk receives, for the "new dossier" form. */
export interface DeskProcedure {
  readonly id: string;
  readonly title: Label;
  readonly channels: readonly Channel[];
  readonly dossier: readonly { readonly key: string; readonly field: DossierField }[];
}

/** The officer's queue: the dossiers the agency holds, sorted by due time (none last). */
export interface QueueView {
  readonly agency: Label;
  readonly rows: readonly QueueRow[];
  /** The procedures whose desk this agency is; empty when it is no desk. */
  readonly desk: readonly DeskProcedure[];
}

/** The officers' sign-in page: one token field (the credential of `auth.yaml`), posted once. */
export function renderLoginPage(lang: Lang, here: string, wrong: boolean, next: string): string {
  const L = WEB_LABELS[lang].login;
  return webPage(
    { lang, title: L.title, here, current: 'queue' },
    `${wrong ? notice('error', L.wrong) : ''}<p>${esc(L.intro)}</p>
<form class="stack" method="post" action="/login">
${langField(lang)}<input type="hidden" name="next" value="${esc(next)}">
<div class="field"><label for="token">${esc(L.token)}</label><input type="password" id="token" name="token" required autocomplete="current-password"></div>
<div><button type="submit">${esc(L.submit)}</button></div>
</form>`,
  );
}

/** The tags of a queue row: overdue, due today, apology needed by, paused. */
export function queueFlags(row: QueueRow, lang: Lang): string {
  const L = WEB_LABELS[lang].queue;
  const tags: string[] = [];
  if (row.overdue) tags.push(`<span class="tag overdue">${esc(L.overdue)}</span>`);
  if (row.dueToday) tags.push(`<span class="tag due-today">${esc(L.dueToday)}</span>`);
  if (row.apologyBy !== null) tags.push(`<span class="tag apology">${esc(L.apologyBy(formatDue(row.apologyBy, lang)))}</span>`);
  if (row.paused) tags.push(`<span class="tag paused">${esc(L.paused)}</span>`);
  return tags.join(' ');
}

/**
 * The queue page: the dossiers held by the officer's agency, each with its due date and flags,
 * linking to the dossier; for a desk, the form that starts receiving a new dossier.
 */
export function renderQueuePage(lang: Lang, here: string, v: QueueView, message?: { readonly kind: 'ok' | 'error'; readonly text: string }): string {
  const W = WEB_LABELS[lang];
  const L = W.queue;
  const C = L.col;
  const rows =
    v.rows.length === 0
      ? `<p class="muted">${esc(L.empty)}</p>`
      : `<div class="scroll" tabindex="0" role="region" aria-label="${esc(L.title(v.agency[lang]))}"><table class="list queue stack-sm"><thead><tr><th scope="col">${esc(C.code)}</th><th scope="col">${esc(C.procedure)}</th><th scope="col">${esc(C.status)}</th><th scope="col">${esc(C.due)}</th><th scope="col">${esc(C.flags)}</th></tr></thead><tbody>${v.rows
          .map(
            (r) =>
              `<tr data-code="${esc(r.code)}"><td data-label="${esc(C.code)}"><a href="${esc(link(`/queue/${encodeURIComponent(r.code)}`, lang))}">${esc(r.code)}</a></td><td data-label="${esc(C.procedure)}">${esc(r.procedure[lang])}</td><td data-label="${esc(C.status)}">${esc(r.status.label[lang])}</td><td data-label="${esc(C.due)}">${r.due === null ? '—' : esc(formatDue(r.due, lang))}</td><td data-label="${esc(C.flags)}">${queueFlags(r, lang) || '—'}</td></tr>`,
          )
          .join('')}</tbody></table></div>`;
  const desk =
    v.desk.length === 0
      ? ''
      : `<section aria-labelledby="new-h"><h2 id="new-h">${esc(L.newTitle)}</h2>
<form class="stack" method="get" action="/queue/new">
${langField(lang)}
<div class="field"><label for="procedure">${esc(L.procedure)}</label><select id="procedure" name="procedure" required>${v.desk.map((p) => `<option value="${esc(p.id)}">${esc(p.title[lang])}</option>`).join('')}</select></div>
<div><button type="submit">${esc(L.openSubmit)}</button></div>
</form></section>`;
  return webPage(
    { lang, title: L.title(v.agency[lang]), here, officer: v.agency[lang], current: 'queue' },
    `${message === undefined ? '' : notice(message.kind, message.text)}${rows}\n${desk}`,
  );
}

/** The form receiving a dossier of one procedure: channel, the dossier's fields, whether it is complete. */
export function renderNewDossierPage(lang: Lang, here: string, agency: Label, p: DeskProcedure, error?: string): string {
  const W = WEB_LABELS[lang];
  const L = W.queue;
  const fields = p.dossier
    .map(({ key, field }, i) => {
      const id = `f${i}`;
      const name = `dossier.${key}`;
      const label = `<label for="${id}">${esc(field.label[lang])}</label>`;
      if (field.type === 'boolean') return `<div class="field">${label}<select id="${id}" name="${esc(name)}"><option value="false">${esc(L.no)}</option><option value="true">${esc(L.acceptYes)}</option></select></div>`;
      if (field.type === 'enum') return `<div class="field">${label}<select id="${id}" name="${esc(name)}">${field.values.map((x) => `<option value="${esc(x)}">${esc(x)}</option>`).join('')}</select></div>`;
      return `<div class="field">${label}<input type="text" id="${id}" name="${esc(name)}"${field.type === 'number' ? ' inputmode="decimal"' : ''}></div>`;
    })
    .join('\n');
  return webPage(
    { lang, title: `${L.newTitle}: ${p.title[lang]}`, here, officer: agency[lang], current: 'queue' },
    `${error === undefined ? '' : notice('error', error)}<form class="stack" method="post" action="/queue/new">
${langField(lang)}<input type="hidden" name="procedure" value="${esc(p.id)}">
<div class="field"><label for="channel">${esc(L.channel)}</label><select id="channel" name="channel">${p.channels.map((c) => `<option value="${c}">${esc(W.channel[c])}</option>`).join('')}</select></div>
${fields}
<fieldset><legend>${esc(L.accept)}</legend><label><input type="radio" name="accept" value="true" checked> ${esc(L.acceptYes)}</label><label><input type="radio" name="accept" value="false"> ${esc(L.acceptNo)}</label></fieldset>
<div><button type="submit">${esc(L.openSubmit)}</button></div>
</form>`,
  );
}

/** `YYYY-MM-DD` of a due instant's last day, for a date field's default. */
export function dueDateValue(due: Instant | null): string {
  return due === null ? '' : formatLocalDate(dueDay(due));
}

/** A due day for a notice, in the page's format. */
export function dueDayText(due: Instant, lang: Lang): string {
  return formatDay(dueDay(due), lang);
}
