import { readFileSync, writeFileSync } from 'node:fs';
import { label } from '../i18n/translate.ts';
import { parseArgs } from 'node:util';
import { render } from 'ink';
import { formatLocalDate } from '../calendar/date.ts';
import { localDateOf, parseInstant } from '../calendar/instant.ts';
import { compileProcedure } from '../compile/compile.ts';
import type { DossierData } from '../compile/types.ts';
import type { Channel, ProcedureSpec } from '../dsl/spec.ts';
import { UsageError } from '../errors.ts';
import { type Session, loadSession, openSession, saveSession } from '../tui/session.ts';
import { StepApp } from '../tui/StepApp.tsx';
import { EXIT, type Io, pickLang } from './io.ts';
import { readDossierArg } from './dossier-arg.ts';
import { resolveProcedure } from '../node/load-procedures.ts';
import { STEP_USAGE } from './usage.ts';

/** `motcua step`: the edge that reads files and the terminal; the app itself renders only. */
export async function stepCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      'allow-code': { type: 'boolean', default: false },
      received: { type: 'string' },
      channel: { type: 'string' },
      dossier: { type: 'string' },
      case: { type: 'string' },
      save: { type: 'string' },
      lang: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('usage', label('error.takes-one-procedure', { command: 'step' }));
  const receivedText = values.received ?? '2025-03-03T09:00';
  if (io.isTty !== true) {
    throw new UsageError('not-a-terminal', label('error.not-a-terminal.step', { command: `motcua explain ${positionals[0]} --received ${receivedText} --events events.json` }));
  }
  const receivedAt = parseInstant(receivedText, ['--received']);
  const { spec } = await resolveProcedure(positionals[0]!, formatLocalDate(localDateOf(receivedAt)), { allowCode: values['allow-code'] });
  const proc = compileProcedure(spec);
  const savePath = values.save ?? values.case ?? 'motcua-case.json';
  const lang = pickLang(values.lang, io.env);
  let session: Session;
  if (values.case !== undefined) {
    const path = values.case;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new UsageError('bad-case-file', label('error.case-file.not-json', { why: (error as Error).message }), { file: path });
    }
    session = loadSession(proc, json, path);
  } else {
    const { dossier, note } = dossierFor(spec, values.dossier, lang);
    const channel = (values.channel ?? spec.receipt.channels[0]) as Channel;
    session = { ...openSession(proc, { receivedAt, channel, dossier }), message: note };
  }
  const color = io.env['NO_COLOR'] === undefined;
  const onSave = (s: Session) => {
    writeFileSync(savePath, `${JSON.stringify(saveSession(s), null, 2)}\n`);
    return lang === 'vi' ? `Đã lưu vào ${savePath} (mở lại bằng --case ${savePath}).` : `Saved to ${savePath} (open it again with --case ${savePath}).`;
  };
  const app = render(<StepApp initial={session} lang={lang} color={color} onSave={onSave} />);
  await app.waitUntilExit();
  return EXIT.ok;
}

/** The dossier from a JSON file, or defaults for the fields the branches test (and a note saying so). */
function dossierFor(spec: ProcedureSpec, file: string | undefined, lang: 'vi' | 'en'): { dossier: DossierData; note: string | null } {
  if (file !== undefined) return { dossier: readDossierArg(file), note: null };
  const entries = Object.entries(spec.dossier).map(([name, field]) => [name, field.type === 'boolean' ? false : field.type === 'enum' ? field.values[0]! : field.type === 'number' ? 0 : ''] as const);
  const fields = entries.map(([k, v]) => `${k}=${String(v)}`).join(', ');
  const note = entries.length === 0 ? null : lang === 'vi' ? `Hồ sơ: ${fields} (đổi bằng --dossier file.json hoặc --dossier '{…}').` : `Dossier: ${fields} (give --dossier file.json or --dossier '{…}' to change).`;
  return { dossier: Object.fromEntries(entries), note };
}
