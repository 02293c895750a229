import { existsSync } from 'node:fs';
import { label } from '../i18n/translate.ts';
import { writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { calibrate } from '../mining/calibrate.ts';
import { EXIT, type Io, json } from './io.ts';
import { resolveProcedure } from '../node/load-procedures.ts';
import { loadLogOrStore, loadMapping } from './log-input.ts';
import { CALIBRATE_USAGE } from './usage.ts';

/** `motcua calibrate`. */
export async function calibrateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { procedure: { type: 'string' }, db: { type: 'string' }, map: { type: 'string' }, output: { type: 'string', short: 'o' }, json: { type: 'boolean', default: false }, seed: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new UsageError('usage', label('error.takes-one-log', { command: 'calibrate' }));
  if (values.procedure === undefined) throw new UsageError('usage', label('error.calibrate.procedure'), { path: ['--procedure'] });
  const mapping = await loadMapping(values.map);
  const loaded = await resolveProcedure(values.procedure);
  const log = await loadLogOrStore(positionals[0], values.db, mapping, 'calibrate');
  // The scenario names a catalogue procedure by id, a file by its path from where the scenario is written.
  const inCatalogue = !existsSync(resolve(values.procedure));
  const outDir = values.output === undefined ? process.cwd() : dirname(resolve(values.output));
  const procedure = inCatalogue ? `${loaded.spec.id}@${loaded.spec.version}` : relative(outDir, isAbsolute(loaded.file) ? loaded.file : resolve(loaded.file));
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  const result = calibrate(log, { spec: loaded.spec, procedure, activities: mapping.activities, seed });
  if (values.output !== undefined) {
    await writeFile(values.output, result.yaml);
    io.err(`motcua: calibrated ${result.cases} cases of ${loaded.spec.id}; scenario written to ${values.output}\n`);
  }
  if (values.json) {
    const { yaml, ...figures } = result;
    io.out(json(figures));
  } else if (values.output === undefined) io.out(result.yaml);
  return EXIT.ok;
}
