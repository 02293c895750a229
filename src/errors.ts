/**
 * The error hierarchy of motcua. Every error carries a machine-readable `code`, the `path` of the
 * offending input (a file and/or a path inside it), a message that says what is wrong and how to
 * fix it, and the original `cause` when there was one.
 *
 * @example
 * throw new CalendarError('bad-date', '2025-02-30 is not a date: February 2025 has 28 days. Use YYYY-MM-DD.', { path: ['start'] });
 */
export class MotcuaError extends Error {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly file: string | undefined;
  /**
   * The message in both languages when it was written from the message catalogue (`label(key, …)`);
   * `message` is then its English text. Absent for messages that exist in English only.
   */
  readonly messages: { readonly vi: string; readonly en: string } | undefined;

  constructor(
    code: string,
    message: string | { readonly vi: string; readonly en: string },
    options: { readonly path?: readonly (string | number)[]; readonly file?: string; readonly cause?: unknown } = {},
  ) {
    // Messages quote what the user gave; a line break or a terminal escape in it must not make a
    // second line (or move the cursor): control characters are shown as escapes.
    super(oneLine(typeof message === 'string' ? message : message.en), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.path = options.path ?? [];
    this.file = options.file;
    this.messages = typeof message === 'string' ? undefined : { vi: oneLine(message.vi), en: oneLine(message.en) };
  }

  /** The message in `lang`: the catalogue's translation when there is one, else the English text. */
  messageIn(lang: 'vi' | 'en'): string {
    return this.messages?.[lang] ?? this.message;
  }

  /** `file: path.inside: message`, the one-line form printed by the CLI, in `lang` (English by default). */
  describe(lang: 'vi' | 'en' = 'en'): string {
    const where = [this.file, this.path.length > 0 ? this.path.join('.') : undefined].filter((x) => x !== undefined).map(oneLine);
    const message = this.messageIn(lang);
    return where.length > 0 ? `${where.join(': ')}: ${message}` : message;
  }
}

/** `text` with control characters written as escapes (`\n`, `\u001b`), so that it stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * Bad dates, durations, calendar data or a year outside the supported range.
 *
 * @example
 * try { parseDuration('3xd', ['limit', 'duration']); } catch (e) { if (e instanceof CalendarError) console.error(e.describe()); }
 * // prints: limit.duration: "3xd" is not a duration. Write a non-negative number and a unit: …
 */
export class CalendarError extends MotcuaError {}

/**
 * A command line that cannot be understood: unknown command, missing or extra argument.
 *
 * @example
 * const e = new UsageError('not-found', 'no such file or folder. Give a procedure file (.ts, .json, .yaml) or a folder of them.', { file: 'procs/' });
 * e.describe() // → 'procs/: no such file or folder. Give a procedure file (.ts, .json, .yaml) or a folder of them.'
 */
export class UsageError extends MotcuaError {}

/**
 * An invalid procedure definition: unknown agency, duplicate id, a branch with no way out…
 *
 * @example
 * try { readProcedure('{', 'birth.json'); } catch (e) { if (e instanceof ProcedureError) console.error(e.code, e.describe()); }
 * // prints: syntax birth.json: line 1, column 2: expected a key in double quotes, found the end of the text. …
 */
export class ProcedureError extends MotcuaError {}

/**
 * An event that is not allowed now, or a case that cannot be opened; the case is left unchanged.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * const refused = applyEvent(proc, snapshot, { type: 'RATE', rating: 'satisfied', at: parseInstant('2026-03-02T09:10'), by: { kind: 'applicant' } });
 * !refused.ok && refused.error instanceof CaseError // → true
 */
export class CaseError extends MotcuaError {}

/**
 * An invalid simulation scenario: bad YAML, an unknown procedure or station, probabilities that do not add up…
 *
 * @example
 * const e = new ScenarioError('unknown-procedure', 'no procedure "birth"; the catalogue has birth-registration.', { file: 'simulations/commune.yaml', path: ['arrivals', 0, 'procedure'] });
 * e.describe() // → 'simulations/commune.yaml: arrivals.0.procedure: no procedure "birth"; the catalogue has birth-registration.'
 */
export class ScenarioError extends MotcuaError {}

/**
 * The case store could not do its work: disk full, read-only file or folder, locked by another
 * writer, an I/O error, an unreachable database. Nothing was written (and no dossier number used);
 * the message says what to do. Any store may throw it (SQLite, PostgreSQL…).
 *
 * @example
 * try { await engine.send(caseId, event); }
 * catch (e) { if (e instanceof StoreError) reply(503, e.message); else throw e; } // nothing was written: retry later
 */
export class StoreError extends MotcuaError {}

/**
 * A malformed event log or mapping: a row that cannot be read, a timestamp without a date, an XES
 * element out of place. `line` and `column` (1-based) point into the log when known.
 *
 * @example
 * throw new LogError('bad-timestamp', '"24/01" is not a timestamp. Write 2025-01-24T09:00:00+07:00.', { file: 'log.csv', line: 12, column: 3 });
 */
export class LogError extends MotcuaError {
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    code: string,
    message: string | { readonly vi: string; readonly en: string },
    options: { readonly file?: string; readonly line?: number; readonly column?: number; readonly path?: readonly (string | number)[]; readonly cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.line = options.line;
    this.column = options.column;
  }

  /** `file:line:column: message`, the position as compilers print it. */
  override describe(lang: 'vi' | 'en' = 'en'): string {
    if (this.line === undefined) return super.describe(lang);
    const at = [this.file ?? '(log)', this.line, this.column].filter((x) => x !== undefined).join(':');
    return `${at}: ${this.messageIn(lang)}`;
  }
}
