import { stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, relative as relativePath, resolve as resolvePath } from 'node:path';
import type { ProcedureSpec } from '../dsl/spec.ts';
import { MotcuaError, ScenarioError } from '../errors.ts';
import { type ProcedureResolver, type ReplayReader, type Scenario, parseScenario } from '../sim/scenario/index.ts';
import { label, labelBy, t } from '../i18n/translate.ts';
import { scenarioError } from '../sim/scenario/read.ts';
import { resolveProcedure } from './load-procedures.ts';
import { MAX_REPLAY_BYTES, MAX_SPEC_BYTES, readFileLimited } from './read-limited.ts';

// Scenario files on disk: the edge around the simulator's pure `parseScenario`.

/**
 * Reads and resolves a scenario file. Procedures are looked up by file (relative to the
 * scenario) or in the catalogue, replay CSVs are read relative to the scenario.
 *
 * @throws ScenarioError with the file, the path inside the YAML and how to fix it
 * @example
 * const { baseline, variants } = await loadScenario('simulations/province-2016.yaml');
 */
export async function loadScenario(file: string, options: ScenarioFileOptions = {}): Promise<Scenario> {
  let text: string;
  try {
    text = await readFileLimited(file, MAX_SPEC_BYTES, 'scenario', file);
  } catch (cause) {
    if (cause instanceof MotcuaError) throw cause;
    throw scenarioError('not-found', label('scenario.not-found'), file, [], cause);
  }
  return parseScenario(text, file, procedureResolver(file, options), replayReader(file, options));
}

/** What a scenario someone sent may reach: by default only data files inside its own folder. */
export interface ScenarioFileOptions {
  /** Load `.ts` procedure modules the scenario names (`--allow-code`): they run with the user's rights. */
  readonly allowCode?: boolean;
  /** Let procedure and replay paths leave the scenario's folder (`--allow-outside`). */
  readonly allowOutside?: boolean;
}

/** `name` resolved against the scenario's folder, refused when it leaves the folder and that is not allowed. */
function insideScenario(scenarioFile: string, name: string, options: ScenarioFileOptions, what: 'scenario.what.procedure-file' | 'scenario.what.replay-file'): string {
  const dir = resolvePath(dirname(scenarioFile));
  const path = resolvePath(dir, name);
  const rel = relativePath(dir, path);
  if (options.allowOutside !== true && (rel.startsWith('..') || isAbsolute(rel))) {
    throw new ScenarioError('outside-scenario', labelBy('scenario.outside', (lang) => ({ what: t(lang, what), name, dir })));
  }
  return path;
}

const PROCEDURE_EXTENSIONS = new Set(['.ts', '.json', '.yaml', '.yml']);

/**
 * The resolver `loadScenario` uses: a name with a path separator or a procedure file extension is
 * a file relative to the scenario; anything else a catalogue id, the version in force on the start
 * date, or exactly the version named with `id@version` whatever the date. Looks are cached.
 */
export function procedureResolver(scenarioFile: string, options: ScenarioFileOptions = {}): ProcedureResolver {
  const cache = new Map<string, Promise<ProcedureSpec>>();
  const look = async (name: string, on: string): Promise<ProcedureSpec> => {
    if (/[/\\]/.test(name) || PROCEDURE_EXTENSIONS.has(extname(name))) {
      const path = insideScenario(scenarioFile, name, options, 'scenario.what.procedure-file');
      if ((await stat(path).catch(() => undefined)) === undefined) {
        throw new ScenarioError('unknown-procedure', label('scenario.no-procedure-file', { name, path }));
      }
      return (await resolveProcedure(path, undefined, { allowCode: options.allowCode === true })).spec;
    }
    return (await resolveProcedure(name, name.includes('@') ? undefined : on)).spec;
  };
  return (name, on) => {
    const key = `${name}\u0000${on}`;
    let found = cache.get(key);
    if (found === undefined) cache.set(key, (found = look(name, on)));
    return found;
  };
}

/** The reader `loadScenario` uses: files relative to the scenario. */
export function replayReader(scenarioFile: string, options: ScenarioFileOptions = {}): ReplayReader {
  return async (csv) => readFileLimited(insideScenario(scenarioFile, csv, options, 'scenario.what.replay-file'), MAX_REPLAY_BYTES, 'replay', csv);
}
