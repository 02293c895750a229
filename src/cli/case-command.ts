import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { type Instant, formatInstant, parseInstant } from '../calendar/instant.ts';
import type { StatusCode } from '../compile/case.ts';
import { DEFAULT_MAX_PAYLOAD_BYTES } from '../engine/check-event.ts';
import { checkUnit } from '../engine/dossier-code.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';
import { fillForm } from '../forms/case-form.ts';
import { formHtml, formText } from '../forms/render-form.ts';
import { createEngine, unknownCase } from '../engine/engine.ts';
import { sqliteStore } from '../engine/sqlite-store.ts';
import { storeTraces } from '../engine/case-log.ts';
import type { CaseFilter, CaseStore } from '../engine/store.ts';
import { logFormatOf } from '../export/event-log.ts';
import { type OpenRequest, openRequestJsonSchema } from '../engine/request-schema.ts';
import type { Engine } from '../engine/types.ts';
import { CaseError, UsageError } from '../errors.ts';
import { type Lang, label, labelBy, t } from '../i18n/translate.ts';
import { zodIssueMessages } from '../i18n/zod-issue.ts';
import { parseEvent } from './events.ts';
import { readStreamLimited } from '../node/read-limited.ts';
import { EXIT, type Io, json, pickLang } from './io.ts';
import { loadCatalogue, loadProcedures, proceduresFor } from '../node/load-procedures.ts';
import { openLogFile } from '../node/log-file.ts';
import { CASE_USAGE } from './usage.ts';

/** What `case` reads besides the common streams: standard input, for `-`. */
export type CaseIo = Io & { readonly readStdin?: () => Promise<string> };

/** Codes of an answer that is not bad input: the machine refused, or another writer got in first (exit 1). */
const REFUSALS = new Set(['refused', 'not-now', 'case-ended', 'in-future', 'conflict', 'duplicate-code']);

/** `motcua case`. */
export async function caseCommand(args: readonly string[], io: CaseIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      'allow-code': { type: 'boolean', default: false },
      db: { type: 'string' },
      procedures: { type: 'string' },
      only: { type: 'boolean', default: false },
      key: { type: 'string' },
      'expect-version': { type: 'string' },
      log: { type: 'boolean', default: false },
      agency: { type: 'string' },
      status: { type: 'string' },
      'due-before': { type: 'string' },
      overdue: { type: 'string' },
      procedure: { type: 'string' },
      now: { type: 'string' },
      output: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      unit: { type: 'string' },
      text: { type: 'boolean', default: false },
      json: { type: 'boolean', default: true },
    },
    allowPositionals: true,
    strict: true,
  });
  const [sub, ...rest] = positionals;
  const subcommands = ['open', 'send', 'show', 'list', 'tick', 'log', 'form'];
  if (sub === undefined || !subcommands.includes(sub)) {
    throw new UsageError('usage', sub === undefined ? label('error.case.sub.missing', { subs: subcommands.join(', ') }) : label('error.case.sub.unknown', { sub, subs: subcommands.join(', ') }));
  }
  const file = values.db;
  const lang: Lang = pickLang(values.lang, io.env);
  if (file === undefined) throw new UsageError('usage', label('error.case.db', { sub }));
  if (sub !== 'open' && !existsSync(file)) {
    throw new UsageError('not-found', label('error.case.no-db'), { file });
  }
  const arity: Record<string, number> = { open: 1, send: 2, show: 1, list: 0, tick: 0, log: 0, form: 2 };
  if (rest.length !== arity[sub]) throw new UsageError('usage', label('error.case.arity', { sub, n: arity[sub]!, got: rest.length }));

  if (sub === 'log') {
    if (values.output === undefined) throw new UsageError('usage', label('error.case.log-output'));
    logFormatOf(values.output, '-o');
  }
  const procedures = await proceduresFor(values.procedures === undefined ? undefined : [values.procedures], { allowCode: values['allow-code'], only: values.only });
  const store = sqliteStore(file);
  try {
    const engine = createEngine({ procedures: procedures.map((p) => p.spec), store, now: () => io.now() as Instant, ...(values.unit === undefined ? {} : { receivingUnit: checkUnit(values.unit, ['--unit']) }) });
    switch (sub) {
      case 'open':
        return await openCase(engine, await readJson(rest[0]!, 'request', io), values.key, lang, io);
      case 'send':
        return await sendEvent(engine, rest[0]!, await readJson(rest[1]!, 'event', io), values, lang, io);
      case 'show':
        return await showCase(engine, rest[0]!, values.log, lang, io);
      case 'list':
        return await listCases(engine, values, io);
      case 'log':
        return await writeCaseLog(store, values.output!, file);
      case 'form':
        return await printForm(store, procedures.map((p) => p.spec), rest[0]!, rest[1]!, { text: values.text, output: values.output }, io);
      default:
        return await tickCases(engine, values.now === undefined ? (io.now() as Instant) : parseInstant(values.now, ['--now']), io);
    }
  } catch (error) {
    // "No such case" is about the database given, so the message names it.
    if (error instanceof CaseError && error.code === 'unknown-case') throw new CaseError(error.code, error.messages ?? error.message, { file, cause: error });
    throw error;
  } finally {
    await store.close();
  }
}

/** `case form`: a form of the case's period, filled from its record, as printable HTML or text. */
async function printForm(store: CaseStore, specs: readonly ProcedureSpec[], caseId: string, name: string, options: { readonly text: boolean; readonly output: string | undefined }, io: Io): Promise<number> {
  const record = await store.get(caseId);
  if (record === null) throw unknownCase(caseId);
  const { id, version } = record.procedure;
  const spec = specs.find((s) => s.id === id && s.version === version);
  if (spec === undefined) throw new CaseError('unknown-procedure', label('error.engine.unknown-version.cli', { caseId, id, version }), { path: ['caseId'] });
  const filled = fillForm({ code: record.code, status: record.index.status, snapshot: record.snapshot, spec }, name);
  const text = options.text ? formText(filled) : formHtml(filled);
  if (options.output === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  try {
    await writeFile(options.output, text);
  } catch (cause) {
    throw new UsageError('not-written', label('error.case.form-written', { reason: cause instanceof Error ? cause.message : String(cause) }), { file: options.output, cause });
  }
  return EXIT.ok;
}

async function openCase(engine: Engine, input: { value: unknown; where: string }, key: string | undefined, lang: Lang, io: Io): Promise<number> {
  const request = openRequest(input.value, input.where, key);
  try {
    io.out(json(view(await engine.open(request))));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CaseError && REFUSALS.has(error.code)) return refused(io, error, lang);
    if (error instanceof CaseError && error.file === undefined) throw new CaseError(error.code, error.messages ?? error.message, { file: input.where, path: error.path, cause: error });
    throw error;
  }
}

async function sendEvent(engine: Engine, caseId: string, input: { value: unknown; where: string }, values: { key?: string | undefined; 'expect-version'?: string | undefined }, lang: Lang, io: Io): Promise<number> {
  const event = parseEvent(input.value, [], input.where);
  const expected = values['expect-version'];
  if (expected !== undefined && !/^\d+$/.test(expected)) throw new UsageError('usage', label('error.case.expect-version', { text: expected }), { path: ['--expect-version'] });
  const result = await engine.send(caseId, event, {
    ...(values.key === undefined ? {} : { idempotencyKey: values.key }),
    ...(expected === undefined ? {} : { expectedVersion: Number(expected) }),
  });
  if (result.ok) {
    io.out(json(view(result)));
    return EXIT.ok;
  }
  if (REFUSALS.has(result.error.code)) return refused(io, result.error, lang);
  // Bad input: no such case, a malformed or oversized event, a reused key. Nothing was written.
  if (result.error.code === 'unknown-case') throw result.error;
  throw new CaseError(result.error.code, result.error.messages ?? result.error.message, { file: input.where, path: result.error.path, cause: result.error });
}

async function writeCaseLog(store: CaseStore, output: string, db: string): Promise<number> {
  const log = openLogFile(output, `motcua cases ${basename(db)}`, '-o');
  try {
    for await (const trace of storeTraces(store)) log.write(trace);
  } finally {
    log.close();
  }
  return EXIT.ok;
}

function refused(io: Io, error: CaseError, lang: Lang): number {
  io.out(json({ ok: false, error: { code: error.code, message: error.message } }));
  io.err(`motcua: ${t(lang, error.code === 'conflict' || error.code === 'duplicate-code' ? 'error.case.conflict' : 'error.case.refused')}: ${error.messageIn(lang)}\n`);
  return EXIT.problems;
}

async function showCase(engine: Engine, caseId: string, log: boolean, lang: 'vi' | 'en', io: Io): Promise<number> {
  const shown = {
    status: await engine.status(caseId),
    dueDates: await engine.dueDates(caseId, { lang }),
    timeline: await engine.timeline(caseId),
    refusals: await engine.refusals(caseId),
    ...(log ? { log: await engine.history(caseId) } : {}),
  };
  io.out(json(view(shown)));
  return EXIT.ok;
}

async function listCases(engine: Engine, values: { agency?: string | undefined; status?: string | undefined; 'due-before'?: string | undefined; overdue?: string | undefined; procedure?: string | undefined }, io: Io): Promise<number> {
  let status: StatusCode[] | undefined;
  if (values.status !== undefined) {
    status = values.status.split(',').map((s) => {
      const n = Number(s.trim());
      if (!Number.isInteger(n) || n < 1 || n > 10) throw new UsageError('usage', label('error.case.status', { text: values.status ?? '' }), { path: ['--status'] });
      return n as StatusCode;
    });
  }
  const filter: CaseFilter = {
    ...(values.agency === undefined ? {} : { agency: values.agency }),
    ...(status === undefined ? {} : { status }),
    ...(values['due-before'] === undefined ? {} : { dueBefore: parseInstant(values['due-before'], ['--due-before']) }),
    ...(values.overdue === undefined ? {} : { overdue: parseInstant(values.overdue, ['--overdue']) }),
    ...(values.procedure === undefined ? {} : { procedure: values.procedure }),
  };
  const cases = (await engine.list(filter)).map((c) => ({ caseId: c.caseId, code: c.code, procedure: c.procedure, version: c.version, ...c.index }));
  io.out(json(view({ cases })));
  return EXIT.ok;
}

async function tickCases(engine: Engine, now: Instant, io: Io): Promise<number> {
  const notices = await engine.tick(now);
  io.out(json(view({ now, notices })));
  return EXIT.ok;
}

/** A JSON argument, or standard input for `-`; refused before parsing when larger than the engine takes. */
async function readJson(arg: string, what: 'request' | 'event', io: CaseIo): Promise<{ value: unknown; where: string }> {
  const where = arg === '-' ? '<stdin>' : `<${what}>`;
  const text = arg === '-' ? await (io.readStdin ?? readProcessStdin)() : arg;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > DEFAULT_MAX_PAYLOAD_BYTES) {
    throw new CaseError('too-large', labelBy('error.case.too-large', (lang) => ({ what: t(lang, what === 'event' ? 'error.case.what.event' : 'error.case.what.request'), size, max: DEFAULT_MAX_PAYLOAD_BYTES })), { file: where });
  }
  try {
    return { value: JSON.parse(text), where };
  } catch (error) {
    const example = what === 'event' ? `{"type":"TRANSFER","at":"2025-01-24T10:00","by":"desk"}` : `{"procedure":"birth-registration","receivedAt":"2025-01-24T09:00","channel":"in-person","by":"desk"}`;
    throw new CaseError('bad-json', labelBy('error.case.not-json', (lang) => ({ reason: (error as Error).message, what: t(lang, what === 'event' ? 'error.case.what.event' : 'error.case.what.request'), example })), { file: where });
  }
}

/** Standard input, read no further than the engine takes (a `case send -` fed 200 MB stops at 64 KiB). */
async function readProcessStdin(): Promise<string> {
  return readStreamLimited(process.stdin, DEFAULT_MAX_PAYLOAD_BYTES, 'stdin', '<stdin>');
}

/** The JSON form of an opening request (local instants, the actor by name), read by its one schema. */
function openRequest(value: unknown, where: string, key: string | undefined): OpenRequest {
  const parsed = openRequestJsonSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const field = path[0];
    const missing = issue.code === 'invalid_type' && path.length === 1 && typeof value === 'object' && value !== null && (value as Record<string, unknown>)[String(field)] === undefined;
    const said = zodIssueMessages(issue, value);
    const message =
      issue.code === 'unrecognized_keys'
        ? label('error.case.request-field', { field: issue.keys[0] ?? '', fields: Object.keys(openRequestJsonSchema.shape).join(', ') })
        : missing
          ? label('error.case.request-needs', { field: String(field), example: REQUEST_EXAMPLE })
          : issue.code === 'custom'
            ? said
            : labelBy('error.case.request-other', (lang) => ({ issue: said[lang], example: REQUEST_EXAMPLE }));
    throw new CaseError('bad-input', message, { file: where, path });
  }
  return key === undefined ? parsed.data : { ...parsed.data, idempotencyKey: key };
}

const REQUEST_EXAMPLE = '{"procedure":"birth-registration","receivedAt":"2025-01-24T09:00","channel":"in-person","by":"desk"}';

/** Instant-valued fields, printed as local date-times in the output. */
const INSTANT_KEYS = new Set(['at', 'due', 'newDue', 'receivedAt', 'now', 'readyAt', 'acceptedAt', 'startedAt', 'runningSince', 'transferDue', 'apologyBy', 'finishedAt', 'enteredAt', 'nextDeadline', 'from', 'to']);

/** The output form: instants as `YYYY-MM-DDTHH:MM+07:00`, everything else as it is. */
function view(value: unknown, key = ''): unknown {
  if (typeof value === 'number' && INSTANT_KEYS.has(key)) return formatInstant(value as Instant);
  if (Array.isArray(value)) return value.map((v) => view(v, key === 'restarts' ? 'at' : ''));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, view(v, k)]));
  return value;
}
