import { readFile } from 'node:fs/promises';
import { label, labelBy } from '../i18n/translate.ts';
import { parseArgs } from 'node:util';
import { explainCase } from '../analysis/explain-case.ts';
import { formatLocalDate } from '../calendar/date.ts';
import { formatInstant, localDateOf, parseInstant } from '../calendar/instant.ts';
import { applyEvent, persistCase, startCase } from '../compile/case.ts';
import { compileProcedure } from '../compile/compile.ts';
import { appliedOneStopRules } from '../dsl/one-stop-rules.ts';
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
  if (positionals.length !== 1) throw new UsageError('usage', label('error.takes-one-procedure', { command: 'explain' }));
  if (values.received === undefined) throw new UsageError('usage', label('error.explain.received'), { path: ['--received'] });
  const receivedAt = parseInstant(values.received, ['--received']);
  const { spec, file } = await resolveProcedure(positionals[0]!, formatLocalDate(localDateOf(receivedAt)), { allowCode: values['allow-code'] });
  const proc = compileProcedure(spec);
  const channel = (values.channel ?? spec.receipt.channels[0]) as Channel;
  const dossier = values.dossier === undefined ? {} : readDossierArg(values.dossier);
  let snapshot = startCase(proc, { receivedAt, channel, dossier }).snapshot;
  if (values.events !== undefined) {
    const path = values.events;
    const text = await readFile(path, 'utf8').catch(() => {
      throw new UsageError('not-found', label('error.events.unreadable'), { file: path });
    });
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch (error) {
      throw new CaseError('bad-events', label('error.events.not-json', { why: (error as Error).message }), { file: path });
    }
    if (!Array.isArray(list)) throw new CaseError('bad-events', label('error.events.not-array'), { file: path });
    for (const [i, raw] of list.entries()) {
      const event = parseEvent(raw, [i], path);
      const result = applyEvent(proc, snapshot, event);
      if (!result.ok) throw new CaseError(result.error.code, labelBy('error.events.refused', (lang) => ({ i, type: event.type, at: formatInstant(event.at), why: result.error.messageIn(lang) })), { file: path, path: [i] });
      snapshot = result.snapshot;
    }
  }
  const lang = pickLang(values.lang, io.env);
  const lines = explainCase(proc, snapshot, lang);
  // The same rule as the appointment slip: the due date rests on days with no official announcement.
  const ledger = snapshot.context.statutory;
  const provisional = ledger !== null && appointmentSlip(proc, snapshot.context.code, ledger)?.provisional === true;
  // The one-stop rules of the period of receipt the engine holds this case to, each with its reference.
  const rules = appliedOneStopRules(spec, formatLocalDate(localDateOf(receivedAt)));
  if (values.json) io.out(json({ procedure: { id: spec.id, version: spec.version, file }, ...(provisional ? { provisional: true } : {}), explanation: lines, rules, case: persistCase(snapshot) }));
  else io.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
