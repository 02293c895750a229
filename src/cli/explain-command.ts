import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { explainCase } from '../analysis/explain-case.ts';
import { formatLocalDate } from '../calendar/date.ts';
import { formatInstant, localDateOf, parseInstant } from '../calendar/instant.ts';
import { applyEvent, persistCase, startCase } from '../compile/case.ts';
import { compileProcedure } from '../compile/compile.ts';
import type { Channel } from '../dsl/spec.ts';
import { appointmentSlip } from '../engine/slip.ts';
import { CaseError, UsageError } from '../errors.ts';
import { readDossierArg } from './dossier-arg.ts';
import { parseEvent } from './events.ts';
import { EXIT, type Io, json, pickLang } from './io.ts';
import { resolveProcedure } from '../node/load-procedures.ts';
import { EXPLAIN_USAGE } from './usage.ts';

/** `motcua explain`. */
export async function explainCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      'allow-code': { type: 'boolean', default: false },
      received: { type: 'string' },
      events: { type: 'string' },
      channel: { type: 'string' },
      dossier: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('usage', `explain takes one procedure (a file or a catalogue id). Run motcua explain --help for the usage.`);
  if (values.received === undefined) throw new UsageError('usage', `explain needs --received <YYYY-MM-DDTHH:MM>, the instant the desk received the dossier.`);
  const receivedAt = parseInstant(values.received, ['--received']);
  const { spec, file } = await resolveProcedure(positionals[0]!, formatLocalDate(localDateOf(receivedAt)), { allowCode: values['allow-code'] });
  const proc = compileProcedure(spec);
  const channel = (values.channel ?? spec.receipt.channels[0]) as Channel;
  const dossier = values.dossier === undefined ? {} : readDossierArg(values.dossier);
  let snapshot = startCase(proc, { receivedAt, channel, dossier }).snapshot;
  if (values.events !== undefined) {
    const path = values.events;
    const text = await readFile(path, 'utf8').catch(() => {
      throw new UsageError('not-found', 'cannot read the events file. Give a JSON file with an array of events.', { file: path });
    });
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch (error) {
      throw new CaseError('bad-events', `is not JSON (${(error as Error).message}). Write an array of events.`, { file: path });
    }
    if (!Array.isArray(list)) throw new CaseError('bad-events', 'must hold a JSON array of events.', { file: path });
    for (const [i, raw] of list.entries()) {
      const event = parseEvent(raw, [i], path);
      const result = applyEvent(proc, snapshot, event);
      if (!result.ok) throw new CaseError(result.error.code, `event ${i} (${event.type} at ${formatInstant(event.at)}) is refused: ${result.error.message}`, { file: path, path: [i] });
      snapshot = result.snapshot;
    }
  }
  const lang = pickLang(values.lang, io.env);
  const lines = explainCase(proc, snapshot, lang);
  // The same rule as the appointment slip: the due date rests on days with no official announcement.
  const ledger = snapshot.context.statutory;
  const provisional = ledger !== null && appointmentSlip(proc, snapshot.context.code, ledger)?.provisional === true;
  if (values.json) io.out(json({ procedure: { id: spec.id, version: spec.version, file }, ...(provisional ? { provisional: true } : {}), explanation: lines, case: persistCase(snapshot) }));
  else io.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
