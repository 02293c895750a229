import { citeRef } from '../legal.ts';
import type { FilledForm } from './case-form.ts';

/** What a blank line of a form looks like in text: room to write by hand. */
const BLANK = '……………………………………';

/** `Ban hành kèm theo Thông tư 01/2018/TT-VPCP`: the circular that issues the form, in Vietnamese. */
const issuedBy = (f: FilledForm) => `Ban hành kèm theo ${citeRef({ document: f.set.ref.document, confidence: f.set.ref.confidence }, 'vi')}`;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A filled form as a printable HTML page in Vietnamese: the national heading, the form's number and
 * name, each field (a blank, dotted line where the record has no value), its list or table, and the
 * signature boxes; print CSS sets the paper the form is designed for (A5 or A4) and its margins.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * const source = { code: '000.00.12.H33-260302-0001', status: 1, snapshot: persistCase(snapshot), spec: birthRegistration2025 } as const;
 * formHtml(fillForm(source, 'receipt')).startsWith('<!doctype html>') // → true
 */
export function formHtml(f: FilledForm): string {
  const value = (v: string | null) => (v === null ? '<span class="blank"></span>' : escape(v));
  const fields = f.fields.map((x) => `<p class="field"><span class="label">${escape(x.label)}:</span> ${value(x.value)}</p>`).join('\n');
  const list =
    f.list === undefined
      ? ''
      : `<p class="field"><span class="label">${escape(f.list.label)}:</span></p>\n${f.list.items === null ? '<p class="blank-lines"><span class="blank"></span></p>' : `<ol>${f.list.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ol>`}`;
  const table =
    f.table === undefined
      ? ''
      : `<table>\n<thead><tr>${f.table.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead>\n<tbody>\n${f.table.rows.map((r) => `<tr>${r.map((c) => `<td>${c === null ? '' : escape(c)}</td>`).join('')}</tr>`).join('\n')}\n</tbody>\n</table>`;
  const signatures = f.signatures.length === 0 ? '' : `<div class="signatures">${f.signatures.map((s) => `<div class="signature"><strong>${escape(s.toUpperCase())}</strong><br><em>(Ký, ghi rõ họ tên)</em></div>`).join('')}</div>`;
  const paper = f.form.paper;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Mẫu số ${f.form.number} – ${escape(f.form.title.vi)}</title>
<style>
@page { size: ${paper}; margin: ${paper === 'A5' ? '12mm 12mm' : '20mm 15mm 20mm 30mm'}; }
body { font-family: 'Times New Roman', Times, serif; font-size: ${paper === 'A5' ? '11pt' : '13pt'}; line-height: 1.4; color: #000; margin: 0 auto; max-width: ${paper === 'A5' ? '148mm' : '210mm'}; }
.form-number { text-align: right; font-style: italic; margin: 0; }
.heading { display: flex; justify-content: space-between; text-align: center; gap: 1em; }
.heading p { margin: 0; }
h1 { text-align: center; font-size: 1.15em; margin: 1.2em 0 0.2em; text-transform: uppercase; }
.code { text-align: center; margin: 0 0 1em; }
.field { margin: 0.25em 0; }
.label { font-weight: normal; }
.blank { display: inline-block; min-width: 45%; border-bottom: 1px dotted #000; }
.blank-lines .blank { width: 100%; }
table { width: 100%; border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
.signatures { display: flex; justify-content: space-around; margin-top: 1.5em; text-align: center; }
.signature { min-height: 6em; }
</style>
</head>
<body>
<p class="form-number">Mẫu số ${f.form.number}<br>(${escape(issuedBy(f))})</p>
<div class="heading">
<div><p>${escape(f.agency.toUpperCase())}</p></div>
<div><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p><p><strong>Độc lập - Tự do - Hạnh phúc</strong></p></div>
</div>
<h1>${escape(f.form.title.vi)}</h1>
${fields}
${list}
${table}
${signatures}
</body>
</html>
`;
}

/**
 * A filled form as plain text, one field a line (a dotted blank where the record has no value).
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * const source = { code: '000.00.12.H33-260302-0001', status: 1, snapshot: persistCase(snapshot), spec: birthRegistration2025 } as const;
 * formText(fillForm(source, 'receipt')).split('\n')[0] // → 'Mẫu số 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Ban hành kèm theo Thông tư 03/2025/TT-VPCP)'
 */
export function formText(f: FilledForm): string {
  const lines = [`Mẫu số ${f.form.number} – ${f.form.title.vi} (${issuedBy(f)})`, f.agency, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập - Tự do - Hạnh phúc', ''];
  for (const x of f.fields) lines.push(`${x.label}: ${x.value ?? BLANK}`);
  if (f.list !== undefined) {
    lines.push(`${f.list.label}:`);
    if (f.list.items === null) lines.push(`  ${BLANK}`);
    else f.list.items.forEach((item, i) => lines.push(`  ${i + 1}. ${item}`));
  }
  if (f.table !== undefined) {
    for (const row of f.table.rows) {
      lines.push('');
      row.forEach((cell, i) => lines.push(`${f.table!.columns[i]}: ${cell ?? BLANK}`));
    }
  }
  if (f.signatures.length > 0) lines.push('', ...f.signatures.map((s) => `${s} (ký, ghi rõ họ tên): ${BLANK}`));
  return `${lines.join('\n')}\n`;
}
