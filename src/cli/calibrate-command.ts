import { existsSync } from 'node:fs';
import { type Lang, label, t } from '../i18n/translate.ts';
import { writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { calibrate } from '../mining/calibrate.ts';
import { EXIT, type Io, json, pickLang } from './io.ts';
import { type LoadedProcedure, loadCatalogue, resolveProcedure } from '../node/load-procedures.ts';
import type { EventLog } from '../mining/log.ts';
import { versionOfLog } from '../mining/log-version.ts';
import { loadLogOrStore, loadMapping } from './log-input.ts';
import { CALIBRATE_USAGE } from './usage.ts';

/** `motcua calibrate`. */
export async function calibrateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { procedure: { type: 'string' }, db: { type: 'string' }, map: { type: 'string' }, output: { type: 'string', short: 'o' }, json: { type: 'boolean', default: false }, seed: { type: 'string' }, lang: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new UsageError('usage', label('error.takes-one-log', { command: 'calibrate' }));
  if (values.procedure === undefined) throw new UsageError('usage', label('error.calibrate.procedure'), { path: ['--procedure'] });
  const lang = pickLang(values.lang, io.env);
  const mapping = await loadMapping(values.map);
  const log = await loadLogOrStore(positionals[0], values.db, mapping, 'calibrate');
  // The scenario names a catalogue procedure by id, a file by its path from where the scenario is written.
  const inCatalogue = !existsSync(resolve(values.procedure));
  // A catalogue id without @version: the version in force on the days the log's cases were received.
  const byDates = inCatalogue && !values.procedure.includes('@');
  const loaded = byDates ? await versionForLog(values.procedure, log, io, lang) : await resolveProcedure(values.procedure);
  const outDir = values.output === undefined ? process.cwd() : dirname(resolve(values.output));
  const procedure = inCatalogue ? `${loaded.spec.id}@${loaded.spec.version}` : relative(outDir, isAbsolute(loaded.file) ? loaded.file : resolve(loaded.file));
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  const result = calibrate(log, { spec: loaded.spec, procedure, activities: mapping.activities, seed });
  if (values.output !== undefined) {
    await writeFile(values.output, result.yaml);
    io.err(`motcua: ${t(lang, 'mining.calibrate.written', { cases: result.cases, id: loaded.spec.id, file: values.output })}\n`);
  }
  if (values.json) {
    const { yaml, ...figures } = result;
    io.out(json(figures));
  } else if (values.output === undefined) io.out(result.yaml);
  return EXIT.ok;
}

/** The catalogue version of `id` in force for the log's days of receipt, said on stderr. */
async function versionForLog(id: string, log: EventLog, io: Io, lang: Lang): Promise<LoadedProcedure> {
  const versions = (await loadCatalogue()).filter((p) => p.spec.id === id);
  // An unknown id: resolveProcedure's message lists the catalogue's ids.
  if (versions.length === 0) return resolveProcedure(id);
  const chosen = versionOfLog(versions.map((v) => v.spec), log);
  if (chosen.from !== undefined) io.err(`motcua: ${t(lang, 'mining.calibrate.version', { id, version: chosen.spec.version, cases: chosen.cases, from: chosen.from, to: chosen.to ?? '' })}\n`);
  return versions.find((v) => v.spec === chosen.spec)!;
}
