import { MotcuaError, UsageError } from '../errors.ts';
import type { CaseIo } from './case-command.ts';
import { findCommand } from './commands.ts';
import { label, labelBy, t } from '../i18n/translate.ts';
import { EXIT, errorLang, globalOptions } from './io.ts';
import {
  CALENDAR_USAGE,
  CALIBRATE_USAGE,
  COMPLAINT_USAGE,
  DISCOVER_USAGE,
  STAFF_USAGE,
  VALIDATE_USAGE,
  CASE_USAGE,
  CHECK_USAGE,
  EXPLAIN_USAGE,
  GRAPH_USAGE,
  LIST_USAGE,
  REPORT_USAGE,
  SERVE_USAGE,
  SIMULATE_USAGE,
  STEP_USAGE,
} from './usage.ts';

export const USAGE = `motcua — Vietnamese one-stop administrative procedures

Usage: motcua [--lang vi|en] <command> …   (--lang is also accepted after the command; default from LANG)
${CALENDAR_USAGE}
${CHECK_USAGE}
${LIST_USAGE}
${GRAPH_USAGE}
${EXPLAIN_USAGE}
${STEP_USAGE}
${SIMULATE_USAGE}
${CASE_USAGE}
${SERVE_USAGE}
${COMPLAINT_USAGE}
${REPORT_USAGE}
${DISCOVER_USAGE}
${CALIBRATE_USAGE}
${VALIDATE_USAGE}
${STAFF_USAGE}
motcua demo [--lang vi|en]
  The calendar at work on a few worked examples.

Exit codes: 0 success, 1 a check found problems, 2 bad input.`;

const COMMAND_USAGE: Readonly<Record<string, string>> = {
  calendar: CALENDAR_USAGE,
  check: CHECK_USAGE,
  list: LIST_USAGE,
  graph: GRAPH_USAGE,
  explain: EXPLAIN_USAGE,
  step: STEP_USAGE,
  simulate: SIMULATE_USAGE,
  case: CASE_USAGE,
  complaint: COMPLAINT_USAGE,
  report: REPORT_USAGE,
  discover: DISCOVER_USAGE,
  calibrate: CALIBRATE_USAGE,
  validate: VALIDATE_USAGE,
  staff: STAFF_USAGE,
  serve: SERVE_USAGE,
  token: SERVE_USAGE,
};

/**
 * Runs one command line and returns the exit code. User mistakes become a one-line message on
 * stderr and exit code 2, never a stack trace; anything else is a bug and is rethrown.
 */
export async function run(commandLine: readonly string[], ioAtStart: CaseIo): Promise<number> {
  let io = ioAtStart;
  try {
    const global = globalOptions(commandLine, io.env);
    io = { ...io, env: global.env };
    const [command, ...rest] = global.argv;
    // Usage is printed only when asked for: errors stay one line.
    const usage = command === undefined || !Object.hasOwn(COMMAND_USAGE, command) ? undefined : COMMAND_USAGE[command];
    if (usage !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
      io.out(`${usage}\n`);
      return EXIT.ok;
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(`${USAGE}\n`);
      return command === undefined ? EXIT.badInput : EXIT.ok;
    }
    const found = findCommand(command);
    if (found === undefined) throw new UsageError('usage', label('error.unknown-command', { command }));
    return await (await found.load())(rest, io);
  } catch (thrown) {
    const error = missingPeer(thrown) ?? thrown;
    const lang = errorLang(commandLine, io.env);
    if (error instanceof MotcuaError) {
      io.err(`motcua: ${error.describe(lang)}\n`);
      return EXIT.badInput;
    }
    if (isParseArgsError(error)) {
      io.err(`motcua: ${parseArgsMessage(error, lang)}\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}

/**
 * Node's `parseArgs` errors in the user's language. Its messages run to several sentences; the
 * option or argument they name is what the user needs, so the known kinds are said from the
 * catalogue and any other keeps node's first sentence.
 */
function parseArgsMessage(error: Error, lang: 'vi' | 'en'): string {
  const code = (error as Error & { code?: string }).code;
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t(lang, 'error.args.unknown-option', { option: quoted });
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return t(lang, 'error.args.unexpected', { argument: quoted });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return t(lang, 'error.args.value', { option: quoted.replace(/ <value>$/, '') });
  const first = error.message.split(/(?<=')\. /)[0]!.replace(/\.$/, '');
  return t(lang, 'error.args.other', { message: first });
}

function isParseArgsError(error: unknown): error is Error {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** The optional peer dependencies some commands need: what to call them, and the line that installs them. */
const PEERS: Readonly<Record<string, { readonly packages: readonly string[]; readonly install: string }>> = {
  ink: { packages: ['ink', 'react'], install: 'npm install ink@6.8.0 react@19.2.9' },
  react: { packages: ['ink', 'react'], install: 'npm install ink@6.8.0 react@19.2.9' },
  'better-sqlite3': { packages: ['better-sqlite3'], install: 'npm install better-sqlite3@12.6.2' },
};

/** A command whose optional peer dependency is not installed says which and how to install it. */
function missingPeer(error: unknown): UsageError | undefined {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const name = /Cannot find (?:package|module) '([^'/]+)/.exec((error as Error).message)?.[1];
  if (name === undefined || !Object.hasOwn(PEERS, name)) return undefined;
  const peer = PEERS[name]!;
  const [a, b] = peer.packages;
  const message =
    b === undefined
      ? label('error.missing-peer.one', { packages: a!, install: peer.install })
      : labelBy('error.missing-peer.many', (lang) => ({ packages: t(lang, 'error.and', { a: a!, b }), install: peer.install }));
  return new UsageError('missing-dependency', message, { cause: error });
}
