import { closeSync, openSync, writeSync } from 'node:fs';
import { type LogTrace, logFormatOf } from '../export/event-log.ts';
import { logWriter } from '../export/xes-log.ts';
import { UsageError } from '../errors.ts';
import { label } from '../i18n/translate.ts';

/** An event-log file being written, trace by trace; the format comes from the name (.csv or .xes). */
export interface LogFile {
  write(trace: LogTrace): void;
  close(): void;
}

/**
 * Opens `file` for an event log and writes its head. Chunks are gathered and written about a
 * megabyte at a time, so memory stays flat however many cases pass through.
 * @throws UsageError `usage` for a name that is neither .csv nor .xes, or a file that cannot be created
 */
export function openLogFile(file: string, name: string, flag = '--events'): LogFile {
  const writer = logWriter(logFormatOf(file, flag), name);
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (error) {
    throw new UsageError('usage', label('error.file.create', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), { path: [flag], cause: error });
  }
  let pending = writer.head();
  const drain = (force: boolean) => {
    if (pending.length >= 1 << 20 || (force && pending.length > 0)) {
      writeSync(fd, pending);
      pending = '';
    }
  };
  return {
    write: (trace) => {
      pending += writer.trace(trace);
      drain(false);
    },
    close: () => {
      pending += writer.tail();
      drain(true);
      closeSync(fd);
    },
  };
}
