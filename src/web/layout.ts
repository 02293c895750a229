import { escapeHtml as esc } from '../report/escape.ts';
import type { Lang } from '../report/labels.ts';
import { WEB_LABELS } from './labels.ts';

/** Where the stylesheet is served: the pages load nothing else. */
export const STYLESHEET_PATH = '/assets/motcua.css';

/**
 * The Content-Security-Policy of every page: only this server, no script at all, no inline style
 * (the charts and diagrams are styled by classes and SVG attributes), no framing, forms posting only
 * back here.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** What the frame of a page needs besides its content. */
export interface PageFrame {
  readonly lang: Lang;
  readonly title: string;
  /** The path and query of this page, so that the language switch keeps it. */
  readonly here: string;
  /** The officer's agency name when signed in: the officers' links and sign-out appear. */
  readonly officer?: string;
  /** Which navigation entry is the current page. */
  readonly current?: 'lookup' | 'queue' | 'dashboard' | 'catalogue';
}

/**
 * The same page in the other language: the path and query kept, `lang` set (Vietnamese is the
 * default, so it drops `lang`).
 *
 * @example
 * switchLanguage('/lookup?code=A-1', 'en') // '/lookup?code=A-1&lang=en'
 */
export function switchLanguage(here: string, to: Lang): string {
  const url = new URL(here, 'http://x');
  url.searchParams.delete('lang');
  if (to !== 'vi') url.searchParams.set('lang', to);
  const q = url.searchParams.toString();
  return `${url.pathname}${q === '' ? '' : `?${q}`}`;
}

/** A link inside the site in the page's language. */
export function link(path: string, lang: Lang): string {
  return switchLanguage(path, lang);
}

/** The hidden field that keeps the language across a form post. */
export function langField(lang: Lang): string {
  return lang === 'vi' ? '' : '<input type="hidden" name="lang" value="en">';
}

/**
 * The HTML document of a page: a skip link, the site's navigation with the language switch, the
 * content in `<main>`, and the footer. One stylesheet from this server, no script.
 */
export function webPage(frame: PageFrame, content: string): string {
  const L = WEB_LABELS[frame.lang];
  const other: Lang = frame.lang === 'vi' ? 'en' : 'vi';
  const item = (key: NonNullable<PageFrame['current']>, path: string, text: string) =>
    `<li><a href="${esc(link(path, frame.lang))}"${frame.current === key ? ' aria-current="page"' : ''}>${esc(text)}</a></li>`;
  const officerLinks =
    frame.officer === undefined
      ? ''
      : `${item('queue', '/queue', L.nav.queue)}${item('dashboard', '/dashboard', L.nav.dashboard)}`;
  const signOut =
    frame.officer === undefined
      ? ''
      : `<form method="post" action="${esc(link('/logout', frame.lang))}" class="signout"><span class="who">${esc(L.signedInAs(frame.officer))}</span> <button type="submit" class="link">${esc(L.nav.logout)}</button></form>`;
  return `<!DOCTYPE html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(frame.title)} — ${esc(L.site)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#main">${esc(L.skip)}</a>
<header class="site">
<p class="brand"><a href="${esc(link('/lookup', frame.lang))}">${esc(L.site)}</a></p>
<nav aria-label="${esc(L.site)}"><ul>${item('lookup', '/lookup', L.nav.lookup)}${officerLinks}${item('catalogue', '/catalogue', L.nav.catalogue)}<li><a href="${esc(switchLanguage(frame.here, other))}" hreflang="${other}" lang="${other}">${esc(L.switchTo)}</a></li></ul></nav>
${signOut}
</header>
<main id="main">
<h1>${esc(frame.title)}</h1>
${content}
</main>
<footer class="site">${esc(L.footer)}</footer>
</body>
</html>
`;
}

/** A notice in the page: `ok` after an action, `error` when it was refused, `info` otherwise. */
export function notice(kind: 'ok' | 'error' | 'info', text: string): string {
  return `<p class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${esc(text)}</p>`;
}
