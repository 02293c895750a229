import { parseArgs } from 'node:util';
import { parseDuration } from '../calendar/duration.ts';
import { durationWords, t } from '../i18n/translate.ts';
import { citeRef } from '../legal.ts';
import { EXIT, type Io, json, pickLang } from './io.ts';
import { loadCatalogue, loadProcedures } from '../node/load-procedures.ts';
import { LIST_USAGE } from './usage.ts';

/** `motcua list`. */
export async function listCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { 'allow-code': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  const lang = pickLang(values.lang, io.env);
  const { procedures, errors } = positionals.length === 0 ? { procedures: await loadCatalogue(), errors: [] } : await loadProcedures(positionals, { allowCode: values['allow-code'] });
  for (const e of errors) io.err(`motcua: ${e.describe()}\n`);
  const rows = procedures.map(({ spec, file }) => ({
    id: spec.id,
    version: spec.version,
    effectiveFrom: spec.effectiveFrom,
    title: spec.title[lang],
    level: spec.level,
    limit: `${spec.limit.duration} (${spec.limit.mode})`,
    agencies: Object.keys(spec.agencies).filter((a) => spec.agencies[a]?.desk !== true),
    linked: Object.values(spec.agencies).filter((a) => a.desk !== true).length > 1,
    legal: [spec.limit.ref, ...spec.legal].map(citeRef).filter((x, i, all) => all.indexOf(x) === i),
    file,
  }));
  if (values.json) {
    io.out(json({ procedures: rows }));
  } else {
    const col = (key: 'id' | 'version' | 'level' | 'limit' | 'agencies' | 'title' | 'legal') => t(lang, `list.col.${key}`);
    const table = [
      [col('id'), col('version'), col('level'), col('limit'), col('agencies'), col('title'), col('legal')],
      ...procedures.map(({ spec }, i) => {
        const r = rows[i]!;
        const limit = `${durationWords(parseDuration(spec.limit.duration), lang)}, ${t(lang, `mode.${spec.limit.mode}`)}`;
        return [r.id, r.version, t(lang, `level.${spec.level}`), limit, r.agencies.join(', '), r.title, r.legal[0] ?? ''];
      }),
    ];
    const widths = table[0]!.map((_, c) => Math.min(c >= 5 ? 60 : 40, Math.max(...table.map((row) => row[c]!.length))));
    for (const row of table) io.out(`${row.map((cell, c) => (cell.length > widths[c]! ? `${cell.slice(0, widths[c]! - 1)}…` : cell.padEnd(widths[c]!))).join('  ').trimEnd()}\n`);
    io.out(`\n${t(lang, 'list.summary', { n: rows.length, linked: rows.filter((r) => r.linked).length })}\n`);
  }
  return errors.length > 0 ? EXIT.badInput : EXIT.ok;
}
