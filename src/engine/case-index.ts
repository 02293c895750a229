import type { PersistedCase, StatusCode } from '../compile/case.ts';
import type { CaseIndex } from './store.ts';

/**
 * The columns a store indexes for a case, derived from its stored form alone (no procedure needed,
 * so a migration can backfill them from old snapshots): status, due instant, next deadline and the
 * agencies holding the dossier.
 *
 * @example
 * indexCase(persistCase(snapshot), statusCode(snapshot)).holders // ['justice']
 */
export function indexCase(persisted: PersistedCase, status: StatusCode): CaseIndex {
  const ctx = persisted.context;
  return {
    status,
    ended: caseEnded(ctx.outcome !== null, status),
    inProgress: ctx.outcome === null && ctx.readyAt === null,
    receivedAt: ctx.receivedAt,
    due: ctx.statutory?.due ?? null,
    nextDeadline: ctx.timers[0]?.at ?? null,
    holders: holdersOf(persisted, status),
  };
}

/**
 * Whether a case has ended: its outcome is decided and no officer has anything left to do. A
 * withdrawal request (status 7) has its outcome but the desk still holds it until an officer
 * closes it (8), so it has not ended.
 *
 * @example
 * caseEnded(true, 7) // → false
 * caseEnded(true, 8) // → true
 */
export function caseEnded(hasOutcome: boolean, status: StatusCode): boolean {
  return hasOutcome && status !== 7;
}

/**
 * Who holds the dossier: the desk while it receives, transfers, has the result ready or has a
 * withdrawal request to close; during
 * processing, the agencies with an open step (also while they wait for papers), the consulted
 * agencies that have not answered and their lead, and the agency that must end an excluded interval.
 */
function holdersOf(persisted: PersistedCase, status: StatusCode): string[] {
  const ctx = persisted.context;
  const desk = ctx.timeline[0]?.to;
  // The applicant asked to withdraw: the desk holds the dossier until an officer closes it.
  if (status === 7) return desk === undefined ? [] : [desk];
  if (ctx.outcome !== null) return [];
  if (status === 1 || status === 2 || status === 9) return desk === undefined ? [] : [desk];
  if (status === 3) return [];
  const holders = new Set<string>();
  for (const step of Object.values(ctx.steps)) if (step.status !== 'done') holders.add(step.agency);
  const openIntervals = new Map<string, string>();
  for (const entry of ctx.timeline) {
    if (entry.action === 'consult' && entry.step !== undefined && entry.to !== undefined && ctx.answers[entry.step]?.[entry.to] === undefined) {
      holders.add(entry.to);
      if (entry.from !== undefined) holders.add(entry.from);
    }
    if (entry.action === 'interval-start' && entry.step !== undefined && entry.to !== undefined) openIntervals.set(entry.step, entry.to);
    if (entry.action === 'interval-end' && entry.step !== undefined) openIntervals.delete(entry.step);
  }
  for (const party of openIntervals.values()) if (party !== 'applicant') holders.add(party);
  return [...holders].sort();
}
