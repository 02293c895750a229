import { MotcuaError, UsageError } from '../errors.ts';
import type { CaseIo } from './case-command.ts';
import { findCommand } from './commands.ts';
import { EXIT, globalOptions } from './io.ts';
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
    if (found === undefined) throw new UsageError('usage', `unknown command "${command}". Run motcua --help for the list of commands.`);
    return await (await found.load())(rest, io);
  } catch (thrown) {
    const error = missingPeer(thrown) ?? thrown;
    if (error instanceof MotcuaError) {
      io.err(`motcua: ${error.describe()}\n`);
      return EXIT.badInput;
    }
    if (isParseArgsError(error)) {
      // Node's messages run to several sentences; the first one names the problem.
      const first = error.message.split(/(?<=')\. /)[0]!.replace(/^Unknown/, 'unknown').replace(/\.$/, '');
      io.err(`motcua: ${first}. Run motcua --help for the accepted options.\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** The optional peer dependencies some commands need: what to call them, and the line that installs them. */
const PEERS: Readonly<Record<string, { readonly what: string; readonly install: string }>> = {
  ink: { what: 'packages ink and react, which are not installed. Install them', install: 'npm install ink@6.8.0 react@19.2.9' },
  react: { what: 'packages ink and react, which are not installed. Install them', install: 'npm install ink@6.8.0 react@19.2.9' },
  'better-sqlite3': { what: 'package better-sqlite3, which is not installed. Install it', install: 'npm install better-sqlite3@12.6.2' },
};

/** A command whose optional peer dependency is not installed says which and how to install it. */
function missingPeer(error: unknown): UsageError | undefined {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const name = /Cannot find (?:package|module) '([^'/]+)/.exec((error as Error).message)?.[1];
  if (name === undefined || !Object.hasOwn(PEERS, name)) return undefined;
  const peer = PEERS[name]!;
  return new UsageError('missing-dependency', `this command needs the optional ${peer.what} beside motcua: ${peer.install}.`, { cause: error });
}
