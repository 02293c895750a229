import { type CaseSnapshot, advance, applyEvent, startCase } from '../compile/case.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import type { Effect } from '../compile/types.ts';
import { CaseError } from '../errors.ts';
import { label, labelBy } from '../i18n/translate.ts';
import type { LogEntry } from './store.ts';

/**
 * Applies one log line to a case (null before the `open` line) through the pure case API. The
 * engine computes every write with this function and replays logs with it, so a replay cannot
 * disagree with what was written.
 *
 * @throws CaseError `corrupt-log` when the line does not apply (a log that was not written by the engine)
 *
 * @example
 * const proc = new ProcedureRegistry([birthRegistration2025], undefined).exact('birth-registration', '2025.1');
 * let snapshot: CaseSnapshot | null = null;
 * for (const { entry } of await store.log('MOTCUA-260302-0001')) snapshot = applyEntry(proc, snapshot, entry).snapshot;
 */
export function applyEntry(proc: CompiledProcedure, snapshot: CaseSnapshot | null, entry: LogEntry): { readonly snapshot: CaseSnapshot; readonly effects: readonly Effect[] } {
  if (entry.kind === 'open') {
    if (snapshot !== null) throw new CaseError('corrupt-log', label('error.engine.log-twice'));
    return startCase(proc, { receivedAt: entry.receivedAt, channel: entry.channel, dossier: entry.dossier, code: entry.code });
  }
  if (snapshot === null) throw new CaseError('corrupt-log', label('error.engine.log-start', { kind: entry.kind }));
  if (entry.kind === 'tick') return advance(proc, snapshot, entry.to);
  const applied = applyEvent(proc, snapshot, entry.event);
  if (!applied.ok) throw new CaseError('corrupt-log', labelBy('error.engine.log-apply', (lang) => ({ type: entry.event.type, reason: applied.error.messages?.[lang] ?? applied.error.message })), { cause: applied.error });
  return applied;
}

/**
 * Rebuilds a case from its log: what a store's snapshot must always equal.
 *
 * @example
 * const snapshot = replayCase(proc, (await store.log(caseId)).map((l) => l.entry));
 */
export function replayCase(proc: CompiledProcedure, entries: readonly LogEntry[]): CaseSnapshot {
  let snapshot: CaseSnapshot | null = null;
  for (const entry of entries) snapshot = applyEntry(proc, snapshot, entry).snapshot;
  if (snapshot === null) throw new CaseError('corrupt-log', label('error.engine.log-empty'));
  return snapshot;
}
