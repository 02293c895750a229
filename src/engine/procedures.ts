import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { type CompiledProcedure, compileProcedure } from '../compile/compile.ts';
import type { ProcedureSpec } from '../dsl/spec.ts';
import { versionInForce } from '../dsl/in-force.ts';
import { validateProcedure } from '../dsl/validate.ts';
import { CaseError, MotcuaError } from '../errors.ts';
import { label, labelBy, t } from '../i18n/translate.ts';

/**
 * The procedures an engine runs, every version of each: a new case takes the version in force on
 * its day of receipt ({@link versionInForce}) and keeps it for life, so a
 * stored case names the exact version it needs. Compiled lazily, once per version.
 *
 * @example
 * const registry = new ProcedureRegistry([birthRegistration2025], new BusinessCalendar());
 * registry.inForce('birth-registration', '2026-03-02').spec.version // → '2025.1'
 * registry.inForce('birth-registration', '2010-01-01') // throws CaseError not-in-force: versions: 2025.1 from 2025-07-01
 */
export class ProcedureRegistry {
  private readonly byId = new Map<string, ProcedureSpec[]>();
  private readonly compiled = new Map<string, CompiledProcedure>();

  constructor(
    specs: readonly ProcedureSpec[],
    private readonly calendar: BusinessCalendar | undefined,
  ) {
    specs.forEach((raw, i) => {
      const spec = validateProcedure(raw, { file: `procedures[${i}]` });
      const versions = this.byId.get(spec.id) ?? [];
      if (versions.some((v) => v.version === spec.version)) {
        throw new CaseError('duplicate-procedure', label('error.engine.duplicate-procedure', { id: spec.id, version: spec.version }), { path: ['procedures', i] });
      }
      versions.push(spec);
      versions.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
      this.byId.set(spec.id, versions);
    });
  }

  /** The version of `id` in force on `date` (YYYY-MM-DD). */
  inForce(id: string, date: string): CompiledProcedure {
    const versions = this.byId.get(id);
    if (versions === undefined) {
      throw new CaseError('unknown-procedure', labelBy('error.engine.unknown-procedure', (lang) => ({ id, known: [...this.byId.keys()].sort().join(', ') || t(lang, 'error.none') })), { path: ['procedure'] });
    }
    let spec: ProcedureSpec;
    try {
      spec = versionInForce(versions, date);
    } catch (error) {
      throw new CaseError('not-in-force', error instanceof MotcuaError ? (error.messages ?? error.message) : String(error), { path: ['receivedAt'], cause: error });
    }
    return this.compile(spec);
  }

  /** The exact version a stored case runs on. */
  exact(id: string, version: string): CompiledProcedure {
    const spec = this.byId.get(id)?.find((v) => v.version === version);
    if (spec === undefined) {
      throw new CaseError('unknown-procedure-version', label('error.engine.unknown-version', { id, version, call: 'createEngine({ procedures })' }));
    }
    return this.compile(spec);
  }

  private compile(spec: ProcedureSpec): CompiledProcedure {
    const key = `${spec.id}@${spec.version}`;
    let proc = this.compiled.get(key);
    if (proc === undefined) {
      proc = compileProcedure(spec, this.calendar === undefined ? {} : { calendar: this.calendar });
      this.compiled.set(key, proc);
    }
    return proc;
  }
}
