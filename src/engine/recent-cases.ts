import type { CaseSnapshot } from '../compile/case.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import type { CaseRecord } from './store.ts';

/** A case as this engine last wrote it. */
export interface RecentCase {
  readonly record: Pick<CaseRecord, 'caseId' | 'code' | 'procedure' | 'version'>;
  readonly proc: CompiledProcedure;
  readonly snapshot: CaseSnapshot;
}

/**
 * The cases this engine wrote last, as it left them, least recently used first out. A send to one
 * of them skips reading, parsing and restoring the stored snapshot; it is only a guess at the
 * current version: the commit's version check still catches other writers, and a refusal is
 * always decided again on what the store holds.
 */
export class RecentCases {
  private readonly cases = new Map<string, RecentCase>();

  constructor(private readonly capacity: number) {}

  get(caseId: string): RecentCase | undefined {
    const found = this.cases.get(caseId);
    if (found !== undefined) {
      this.cases.delete(caseId);
      this.cases.set(caseId, found);
    }
    return found;
  }

  set(entry: RecentCase): void {
    if (this.capacity <= 0) return;
    this.cases.delete(entry.record.caseId);
    this.cases.set(entry.record.caseId, entry);
    if (this.cases.size > this.capacity) this.cases.delete(this.cases.keys().next().value!);
  }

  forget(caseId: string): void {
    this.cases.delete(caseId);
  }
}
