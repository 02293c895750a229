import { parseArgs } from 'node:util';
import { formatLocalDate, parseLocalDate } from '../calendar/date.ts';
import { parseDuration } from '../calendar/duration.ts';
import { inForceOn, versionInForce } from '../dsl/in-force.ts';
import { limitWords, t } from '../i18n/translate.ts';
import { citeRef } from '../legal.ts';
import { EXIT, type Io, json, pickLang } from './io.ts';
import { loadCatalogue, loadProcedures } from '../node/load-procedures.ts';
import { LIST_USAGE } from './usage.ts';

/** `motcua list`. */
export async function listCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { 'allow-code': { type: 'boolean', default: false }, on: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  const lang = pickLang(values.lang, io.env);
  const on = values.on === undefined ? undefined : formatLocalDate(parseLocalDate(values.on, ['--on']));
  const loaded = positionals.length === 0 ? { procedures: await loadCatalogue(), errors: [] } : await loadProcedures(positionals, { allowCode: values['allow-code'] });
  const { errors } = loaded;
  for (const e of errors) io.err(`motcua: ${e.describe(lang)}\n`);
  const procedures = on === undefined ? loaded.procedures : inForce(loaded.procedures, on);
  const rows = procedures.map(({ spec, file }) => ({
    id: spec.id,
    version: spec.version,
    effectiveFrom: spec.effectiveFrom,
    ...(spec.effectiveTo === undefined ? {} : { effectiveTo: spec.effectiveTo }),
    title: spec.title[lang],
    level: spec.level,
    limit: `${spec.limit.duration} (${spec.limit.mode})`,
    agencies: Object.keys(spec.agencies).filter((a) => spec.agencies[a]?.desk !== true),
    linked: Object.values(spec.agencies).filter((a) => a.desk !== true).length > 1,
    legal: [spec.limit.ref, ...spec.legal].map((r) => citeRef(r)).filter((x, i, all) => all.indexOf(x) === i),
    file,
  }));
  if (values.json) {
    io.out(json(on === undefined ? { procedures: rows } : { on, procedures: rows }));
  } else {
    const col = (key: 'id' | 'version' | 'level' | 'limit' | 'agencies' | 'title' | 'legal') => t(lang, `list.col.${key}`);
    const table = [
      [col('id'), col('version'), col('level'), col('limit'), col('agencies'), col('title'), col('legal')],
      ...procedures.map(({ spec }, i) => {
        const r = rows[i]!;
        const limit = limitWords(parseDuration(spec.limit.duration), spec.limit.mode, lang);
        return [r.id, r.version, t(lang, `level.${spec.level}`), limit, r.agencies.join(', '), r.title, citeRef(spec.limit.ref, lang)];
      }),
    ];
    const widths = table[0]!.map((_, c) => Math.min(c >= 5 ? 60 : 40, Math.max(...table.map((row) => row[c]!.length))));
    for (const row of table) io.out(`${row.map((cell, c) => (cell.length > widths[c]! ? `${cell.slice(0, widths[c]! - 1)}…` : cell.padEnd(widths[c]!))).join('  ').trimEnd()}\n`);
    const counts = { n: rows.length, linked: rows.filter((r) => r.linked).length };
    io.out(`\n${on === undefined ? t(lang, 'list.summary', counts) : t(lang, 'list.summaryOn', { ...counts, on })}\n`);
  }
  return errors.length > 0 ? EXIT.badInput : EXIT.ok;
}

/**
 * One entry per procedure id: the version in force on `on` ({@link versionInForce}, the rule the
 * engine receives a dossier by); ids with no version in force that day are left out.
 */
function inForce<T extends { spec: Parameters<typeof versionInForce>[0][number] }>(procedures: readonly T[], on: string): T[] {
  const ids = [...new Set(procedures.map((p) => p.spec.id))];
  return ids.flatMap((id) => {
    const versions = procedures.filter((p) => p.spec.id === id && inForceOn(p.spec, on));
    if (versions.length === 0) return [];
    const spec = versionInForce(versions.map((p) => p.spec), on);
    return versions.filter((p) => p.spec === spec).slice(0, 1);
  });
}
