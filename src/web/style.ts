import { REPORT_STYLE } from '../report/page.ts';

/**
 * The pages' stylesheet, served from this server: the report's (its charts keep their classes and
 * colours) with the pages' own rules after it. Readable from 360 px up: tables scroll inside their
 * box, forms stack. Colours keep a contrast of at least 4.5:1 on white.
 */
export const WEB_STYLE = `${REPORT_STYLE}
body { padding: 0 16px 32px; font-size: 15px; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: 6px 10px; border: 2px solid #1d2430; }
.skip:focus { left: 8px; top: 8px; z-index: 10; }
header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; padding: 10px 0; border-bottom: 1px solid var(--line); }
header.site .brand { margin: 0; font-weight: 700; }
header.site .brand a { color: var(--ink); text-decoration: none; }
header.site nav { margin: 0; }
header.site nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 14px; }
header.site nav a[aria-current="page"] { font-weight: 700; }
form.signout { margin: 0 0 0 auto; font-size: 13px; }
.who { color: var(--muted); }
button.link { background: none; border: none; color: #0b57d0; text-decoration: underline; padding: 0; font: inherit; cursor: pointer; }
main h1 { margin-top: 18px; }
a { color: #0b57d0; }
:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
form.stack { display: grid; gap: 10px; max-width: 560px; margin: 10px 0 18px; }
form.stack label, fieldset legend { font-weight: 600; }
.field { display: grid; gap: 3px; }
.hint { color: var(--muted); font-size: 13px; }
input[type="text"], input[type="password"], input[type="date"], input[type="datetime-local"], select, textarea { font: inherit; padding: 7px 8px; border: 1px solid #6b7484; border-radius: 4px; width: 100%; max-width: 560px; background: #fff; color: var(--ink); }
textarea { min-height: 4.5em; }
fieldset { border: 1px solid var(--line); border-radius: 4px; padding: 8px 12px; margin: 0; }
fieldset label { font-weight: 400; display: block; padding: 3px 0; }
button, .button { font: inherit; padding: 8px 14px; border-radius: 4px; border: 1px solid #174ea6; background: #174ea6; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: #174ea6; }
button.danger { background: #a61b1b; border-color: #a61b1b; }
.actions { display: grid; gap: 12px; }
.action { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.action form { margin: 0; display: grid; gap: 8px; }
.notice { padding: 8px 12px; border-radius: 4px; border-left: 4px solid; }
.notice.ok { background: #ebfbee; border-color: #2b8a3e; }
.notice.error { background: #fff5f5; border-color: #c92a2a; }
.notice.info { background: #f1f5fb; border-color: #4a78b5; }
dl.facts { display: grid; grid-template-columns: minmax(120px, max-content) 1fr; gap: 4px 14px; margin: 8px 0 14px; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
.status { font-weight: 700; }
.tag { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12.5px; border: 1px solid; margin: 1px 4px 1px 0; white-space: nowrap; }
.tag.overdue, .tag.late { color: #a61b1b; border-color: #a61b1b; }
.tag.due-today, .tag.apology { color: #8a4500; border-color: #8a4500; }
.tag.paused { color: #3b4a5e; border-color: #3b4a5e; }
.tag.early, .tag.on-time { color: #1e6b30; border-color: #1e6b30; }
table.list { width: 100%; font-size: 14px; }
table.list th { text-align: left; }
.figure-row { display: flex; flex-wrap: wrap; gap: 10px 24px; margin: 8px 0 14px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 150px; }
.figure .value { font-size: 24px; font-weight: 700; display: block; font-variant-numeric: tabular-nums; }
.figure .name { color: var(--muted); font-size: 13px; }
.qr svg { width: 168px; height: 168px; display: block; }
.slip { border: 1px solid var(--ink); padding: 12px 16px; max-width: 640px; }
.secret { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 18px; letter-spacing: 1px; }
figure.diagram { margin: 8px 0; }
figure.diagram svg { max-width: 100%; height: auto; min-width: 640px; }
svg.graphviz text { font: 13px Helvetica, Arial, "DejaVu Sans", sans-serif; fill: #000; }
ul.flow, ul.flow ul { margin: 4px 0; padding-left: 20px; }
ul.flow li { margin: 3px 0; }
.muted { color: var(--muted); }
@media (max-width: 600px) {
  body { padding: 0 10px 24px; }
  h1 { font-size: 21px; }
  dl.facts { grid-template-columns: 1fr; gap: 0 0; }
  dl.facts dd { margin-bottom: 6px; }
  form.signout { margin: 0; }
  .cards { grid-template-columns: 1fr; }
  table.stack-sm, table.stack-sm tbody, table.stack-sm tr, table.stack-sm td { display: block; width: 100%; }
  table.stack-sm thead { position: absolute; left: -9999px; }
  table.stack-sm tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 8px; padding: 4px 0; }
  table.stack-sm td { border: none; display: grid; grid-template-columns: 7.5em 1fr; gap: 8px; padding: 2px 8px; }
  table.stack-sm td::before { content: attr(data-label); color: var(--muted); }
  table.stack-sm td .tag { justify-self: start; }
}
`;
