import type { CaseIo } from './case-command.ts';

/** One subcommand: its name and how to load it. */
export interface Command {
  readonly name: string;
  /** Imported only when the command runs, so `motcua calendar` never loads ink or SQLite. */
  readonly load: () => Promise<(args: readonly string[], io: CaseIo) => number | Promise<number>>;
}

/**
 * Every subcommand of `motcua`. A command module is imported on first use: start-up costs only what
 * the command needs (see bench/startup.bench.ts). Add a command here and its usage in usage.ts.
 */
export const COMMANDS: readonly Command[] = [
  { name: 'calendar', load: async () => (await import('./calendar-command.ts')).calendarCommand },
  { name: 'check', load: async () => { const { checkCommand } = await import('./check-command.ts'); return (args, io) => checkCommand(args, io, () => io.now() % 2 ** 31); } },
  { name: 'list', load: async () => (await import('./list-command.ts')).listCommand },
  { name: 'explain', load: async () => (await import('./explain-command.ts')).explainCommand },
  { name: 'graph', load: async () => (await import('./graph-command.ts')).graphCommand },
  { name: 'step', load: async () => (await import('./step-command.tsx')).stepCommand },
  { name: 'simulate', load: async () => { const { simulateCommand } = await import('./simulate-command.ts'); return (args, io) => simulateCommand(args, io, io.isTty === true); } },
  { name: 'report', load: async () => (await import('./report-command.ts')).reportCommand },
  { name: 'case', load: async () => (await import('./case-command.ts')).caseCommand },
  { name: 'serve', load: async () => (await import('./serve-command.ts')).serveCommand },
  { name: 'token', load: async () => (await import('./serve-command.ts')).tokenCommand },
  { name: 'complaint', load: async () => (await import('./complaint-command.ts')).complaintCommand },
  { name: 'discover', load: async () => (await import('./discover-command.ts')).discoverCommand },
  { name: 'calibrate', load: async () => (await import('./calibrate-command.ts')).calibrateCommand },
  { name: 'validate', load: async () => (await import('./validate-command.ts')).validateCommand },
  { name: 'staff', load: async () => (await import('./staff-command.ts')).staffCommand },
  { name: 'demo', load: async () => { const { demoCommand } = await import('./demo-command.ts'); return demoCommand; } },
];

/** The command of that name, if there is one (own names only: `__proto__` is no command). */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
