import { MotcuaError, UsageError } from '../errors.ts';
import { CALENDAR_USAGE, calendarCommand } from './calendar-command.ts';
import { CALIBRATE_USAGE } from './calibrate-command.ts';
import { VALIDATE_USAGE } from './validate-command.ts';
import { STAFF_USAGE } from './staff-command.ts';
import { CASE_USAGE, caseCommand } from './case-command.ts';
import { CHECK_USAGE, checkCommand } from './check-command.ts';
import { COMPLAINT_USAGE, complaintCommand } from './complaint-command.ts';
import { demoCommand } from './demo-command.ts';
import { EXPLAIN_USAGE, explainCommand } from './explain-command.ts';
import { GRAPH_USAGE, graphCommand } from './graph-command.ts';
import { EXIT, type Io, globalOptions } from './io.ts';
import { LIST_USAGE, listCommand } from './list-command.ts';
import { REPORT_USAGE, reportCommand } from './report-command.ts';
import { SERVE_USAGE, serveCommand, tokenCommand } from './serve-command.ts';
import { SIMULATE_USAGE, simulateCommand } from './simulate-command.ts';
import { STEP_USAGE, stepCommand } from './step-command.tsx';

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
};

/**
 * Runs one command line and returns the exit code. User mistakes become a one-line message on
 * stderr and exit code 2, never a stack trace; anything else is a bug and is rethrown.
 */
export async function run(commandLine: readonly string[], ioAtStart: Io): Promise<number> {
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
    switch (command) {
      case 'calendar':
        return calendarCommand(rest, io);
      case 'check':
        return await checkCommand(rest, io, () => io.now() % 2 ** 31);
      case 'list':
        return await listCommand(rest, io);
      case 'explain':
        return await explainCommand(rest, io);
      case 'graph':
        return await graphCommand(rest, io);
      case 'step':
        return await stepCommand(rest, io);
      case 'simulate':
        return await simulateCommand(rest, io, io.isTty === true);
      case 'report':
        return await reportCommand(rest, io);
      case 'case':
        return await caseCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      case 'token':
        return tokenCommand(rest, io);
      case 'calibrate':
        return await (await import('./calibrate-command.ts')).calibrateCommand(rest, io);
      case 'staff':
        return await (await import('./staff-command.ts')).staffCommand(rest, io);
      case 'validate':
        return await (await import('./validate-command.ts')).validateCommand(rest, io);
      case 'complaint':
        return await complaintCommand(rest, io);
      case 'demo':
        return demoCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return command === undefined ? EXIT.badInput : EXIT.ok;
      default:
        throw new UsageError('usage', `unknown command "${command}". Run motcua --help for the list of commands.`);
    }
  } catch (error) {
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
