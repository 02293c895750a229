import type { Instant } from '../calendar/instant.ts';
import type { CaseContext } from '../compile/types.ts';
import type { FlowNode, Level, ProcedureSpec } from '../dsl/spec.ts';
import type { DossierEnd, DossierRecord } from './record.ts';

/** When the dossier was resolved: its result was ready, or it was refused after receipt. */
export function resolvedAt(c: CaseContext): Instant | null {
  if (c.readyAt !== null) return c.readyAt;
  return c.outcome?.kind === 'refused' ? c.outcome.at : null;
}

/** When the dossier stopped being open: resolved, refused at the desk or withdrawn. */
export function doneAt(c: CaseContext): Instant | null {
  return resolvedAt(c) ?? c.outcome?.at ?? null;
}

/**
 * The agency a dossier of this procedure counts for in the indicators: the agency of the last step
 * of the flow (the one that signs the result). The procedure format names no "competent agency",
 * so this is a convention; pass `agencyOf` to `recordsFromCases` to attribute otherwise.
 */
export function competentAgency(spec: Pick<ProcedureSpec, 'flow' | 'receipt'>): string {
  return lastAgency(spec.flow) ?? spec.receipt.desk;
}

function lastAgency(flow: readonly FlowNode[]): string | null {
  for (let i = flow.length - 1; i >= 0; i--) {
    const node = flow[i]!;
    const found =
      node.kind === 'step'
        ? node.agency
        : node.kind === 'consult'
          ? node.lead
          : node.kind === 'parallel'
            ? [...node.branches].reverse().map(lastAgency).find((a) => a !== null) ?? null
            : node.kind === 'branch'
              ? lastAgency(node.otherwise?.flow ?? []) ?? node.cases.map((c) => lastAgency(c.flow)).find((a) => a !== null) ?? null
              : null;
    if (found !== null) return found;
  }
  return null;
}

/** What the indicators need to know of a procedure besides its cases. */
export interface ProcedureFacts {
  readonly agency: string;
  readonly level: Level | null;
}

/**
 * The facts of a procedure from its spec.
 *
 * @example
 * procedureFacts(birthRegistration2025) // → { agency: 'committee', level: 'commune' }
 * procedureFacts(landUseRightFirst) // → { agency: 'issuer', level: 'district' }
 */
export function procedureFacts(spec: Pick<ProcedureSpec, 'flow' | 'receipt' | 'level'>): ProcedureFacts {
  return { agency: competentAgency(spec), level: spec.level };
}

/**
 * The indicator records of engine cases (`CaseContext`s as the machine keeps them and a store
 * returns them). `facts` gives each procedure's agency and level (by procedure id; a procedure it
 * does not know counts for agency `unknown`, level null); `complaints` the filing instants of the
 * complaints about each dossier code.
 *
 * @example
 * const records = recordsFromCases(cases, (id) => facts[id], complaintsByDossier(complaints));
 */
export function recordsFromCases(
  cases: readonly CaseContext[],
  facts: (procedure: string, version: string) => ProcedureFacts | undefined,
  complaints: ReadonlyMap<string, readonly Instant[]> = new Map(),
): DossierRecord[] {
  return cases.map((c) => recordOfCase(c, facts(c.procedure.id, c.procedure.version) ?? { agency: 'unknown', level: null }, complaints.get(c.code) ?? []));
}

/**
 * The indicator record of one case.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * recordOfCase(snapshot.context, procedureFacts(birthRegistration2025)).end // → null
 */
export function recordOfCase(c: CaseContext, facts: ProcedureFacts, complaints: readonly Instant[] = []): DossierRecord {
  const at = doneAt(c);
  const kind: DossierEnd | null = c.readyAt !== null ? 'resolved' : (c.outcome?.kind ?? null) === 'returned' ? 'resolved' : (c.outcome?.kind as DossierEnd | undefined) ?? null;
  const ratedAt = c.timeline.find((e) => e.action === 'rate')?.at ?? null;
  return {
    id: c.code,
    procedure: c.procedure.id,
    agency: facts.agency,
    level: facts.level,
    receivedAt: c.receivedAt,
    due: c.statutory?.due ?? null,
    end: at === null || kind === null ? null : { kind, at, classification: kind === 'resolved' || kind === 'refused' ? c.classification : null },
    supplementRequests: c.timeline.filter((e) => e.action === 'request-supplement').map((e) => e.at),
    rating:
      c.rating === null || ratedAt === null
        ? null
        : { value: c.rating, at: ratedAt, ...(c.ratingComment === undefined ? {} : { comment: c.ratingComment }) },
    complaints,
  };
}
