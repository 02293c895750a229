import type { Instant } from '../calendar/instant.ts';
import type { Label } from '../legal.ts';
import { escapeHtml as esc } from '../report/escape.ts';
import type { Lang } from '../report/labels.ts';
import { formatDue, formatWhen } from './format.ts';
import { WEB_LABELS } from './labels.ts';
import { link, webPage } from './layout.ts';

/** The receipt and appointment slip (form 1) as printed at the desk. */
export interface SlipView {
  readonly code: string;
  readonly procedure: Label;
  readonly receivedAt: Instant;
  readonly due: Instant | null;
  /** How the return date was counted, line by line, in the page language. */
  readonly explanation: readonly string[];
  readonly secret: string;
  /** The QR code (inline SVG) of the lookup address with the code and secret. */
  readonly qr: string;
  readonly lookupUrl: string;
}

/**
 * The appointment slip page: the code, the return date and how it was counted, the applicant's
 * lookup secret, and a QR code that opens the lookup with both.
 */
export function renderSlipPage(lang: Lang, here: string, agency: Label, v: SlipView): string {
  const W = WEB_LABELS[lang];
  const L = W.appointment;
  const facts = [
    [L.code, `<strong>${esc(v.code)}</strong>`],
    [L.procedure, esc(v.procedure[lang])],
    [L.received, esc(formatWhen(v.receivedAt, lang))],
    [L.due, v.due === null ? '—' : `<strong>${esc(formatDue(v.due, lang))}</strong>`],
    [L.secret, `<span class="secret" data-secret>${esc(v.secret)}</span>`],
  ]
    .map(([k, d]) => `<dt>${esc(k!)}</dt><dd>${d!}</dd>`)
    .join('');
  return webPage(
    { lang, title: L.title, here, officer: agency[lang], current: 'queue' },
    `<div class="slip">
<dl class="facts">${facts}</dl>
<p class="note">${esc(L.secretNote)}</p>
<figure class="qr"><a href="${esc(v.lookupUrl)}">${v.qr}</a><figcaption>${esc(L.qr)}</figcaption></figure>
${v.explanation.length === 0 ? '' : `<h2>${esc(L.why)}</h2><ul>${v.explanation.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`}
</div>
<p><a href="${esc(link(`/queue/${encodeURIComponent(v.code)}`, lang))}">${esc(W.dossier.title(v.code))}</a></p>`,
  );
}
