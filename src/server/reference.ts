/**
 * The browsable API reference: one self-contained HTML page rendered on the server from the
 * OpenAPI document (no script, no CDN), with every operation by tag, its parameters, body and
 * answers, and the JSON Schemas folded under <details>.
 */
export function referencePage(doc: Record<string, unknown>): string {
  const paths = doc['paths'] as Record<string, Record<string, Operation>>;
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method, path, op });
    }
  }
  const info = doc['info'] as { title: string; version: string; description: string };
  const sections = [...byTag.entries()].map(
    ([tag, ops]) => `<section><h2 id="${esc(tag)}">${esc(tag)}</h2>${ops.map(({ method, path, op }) => operation(method, path, op)).join('\n')}</section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} API ${esc(info.version)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
article{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:.8rem 0}
.m{display:inline-block;min-width:3.5rem;font-weight:700;font-family:monospace}
.get{color:#05668d}.post{color:#7b2d26}code,pre{font-family:ui-monospace,monospace;font-size:13px}
pre{background:#f6f6f6;padding:.5rem;overflow:auto}table{border-collapse:collapse}td,th{padding:.15rem .6rem;text-align:left;border-bottom:1px solid #eee}
nav a{margin-right:1rem}
</style></head><body>
<h1>${esc(info.title)} API <small>${esc(info.version)}</small></h1>
<p>${esc(info.description)}</p>
<p>The machine-readable document: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<nav>${[...byTag.keys()].map((t) => `<a href="#${esc(t)}">${esc(t)}</a>`).join('')}</nav>
${sections.join('\n')}
</body></html>
`;
}

interface Operation {
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly parameters?: readonly { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
  readonly requestBody?: { content: Record<string, { schema: unknown }> };
  readonly responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>;
  readonly security: readonly unknown[];
}

function operation(method: string, path: string, op: Operation): string {
  const params = op.parameters ?? [];
  const paramTable =
    params.length === 0
      ? ''
      : `<table><tr><th>parameter</th><th>in</th><th>required</th><th>description</th></tr>${params
          .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${esc(p.description ?? '')}</td></tr>`)
          .join('')}</table>`;
  const body = op.requestBody === undefined ? '' : `<details><summary>request body</summary><pre>${esc(JSON.stringify(op.requestBody.content['application/json']?.schema, null, 2))}</pre></details>`;
  const answers = Object.entries(op.responses)
    .map(([status, r]) => {
      const schema = Object.values(r.content ?? {})[0]?.schema;
      return schema === undefined || status.startsWith('4') || status.startsWith('5')
        ? `<li><b>${esc(status)}</b> ${esc(r.description)}</li>`
        : `<li><b>${esc(status)}</b> ${esc(r.description)}<details><summary>schema</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details></li>`;
    })
    .join('');
  const auth = op.security.length > 0 ? ' · <i>bearer token</i>' : '';
  return `<article><div><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code>${auth}</div>
<p>${esc(op.summary)}${op.description === undefined ? '' : `<br>${esc(op.description)}`}</p>${paramTable}${body}<ul>${answers}</ul></article>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
