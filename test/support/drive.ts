import { formatInstant, parseInstant } from '../../src/calendar/instant.ts';
import { type CaseSnapshot, advance, applyEvent, startCase, statusCode } from '../../src/compile/case.ts';
import { type CompiledProcedure, compileProcedure } from '../../src/compile/compile.ts';
import type { Actor, CaseEvent, CaseInput, Effect } from '../../src/compile/types.ts';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';

type Payload<T extends CaseEvent['type']> = Omit<Extract<CaseEvent, { type: T }>, 'type' | 'at' | 'by'>;

/**
 * Drives one case in a test with readable local times: `c.send('COMPLETE', '2025-03-03T10:00', justice, { step: 'register' })`.
 * Refused events throw with their reason, unless `expectRefusal` is used.
 */
export class Driver {
  readonly proc: CompiledProcedure;
  snapshot: CaseSnapshot;
  readonly effects: Effect[] = [];

  constructor(spec: ProcedureSpec | CompiledProcedure, input: Omit<CaseInput, 'receivedAt'> & { receivedAt: string }) {
    this.proc = 'machine' in spec ? spec : compileProcedure(spec);
    const started = startCase(this.proc, { ...input, receivedAt: parseInstant(input.receivedAt) });
    this.snapshot = started.snapshot;
    this.effects.push(...started.effects);
  }

  send<T extends CaseEvent['type']>(type: T, at: string, by: Actor, payload?: Payload<T>): this {
    const event = { type, at: parseInstant(at), by, ...payload } as CaseEvent;
    const result = applyEvent(this.proc, this.snapshot, event);
    if (!result.ok) throw new Error(`${type} at ${at} refused: ${result.error.message}`);
    this.snapshot = result.snapshot;
    this.effects.push(...result.effects);
    return this;
  }

  /** The refusal message of an event that must be refused; the case must stay unchanged. */
  refusal<T extends CaseEvent['type']>(type: T, at: string, by: Actor, payload?: Payload<T>): string {
    const event = { type, at: parseInstant(at), by, ...payload } as CaseEvent;
    const result = applyEvent(this.proc, this.snapshot, event);
    if (result.ok) throw new Error(`${type} at ${at} was accepted`);
    return result.error.message;
  }

  advanceTo(at: string): this {
    const result = advance(this.proc, this.snapshot, parseInstant(at));
    this.snapshot = result.snapshot;
    this.effects.push(...result.effects);
    return this;
  }

  get ctx() {
    return this.snapshot.context;
  }

  get status() {
    return statusCode(this.snapshot);
  }

  get due(): string | null {
    const due = this.ctx.statutory?.due;
    return due === null || due === undefined ? null : formatInstant(due);
  }

  /** The control slip as readable lines: `time action from→to step classification due`. */
  slip(): string[] {
    return this.ctx.timeline.map((e) =>
      [formatInstant(e.at).slice(0, 16), e.action, `${e.from ?? ''}→${e.to ?? ''}`, e.step ?? '', e.classification ?? '', e.due === undefined ? '' : `due ${formatInstant(e.due).slice(0, 16)}`]
        .filter((x) => x !== '')
        .join(' '),
    );
  }

  effectKinds(): string[] {
    return this.effects.map((e) => e.kind);
  }
}

export const desk: Actor = { kind: 'agency', agency: 'desk' };
export const applicant: Actor = { kind: 'applicant' };
export const agency = (id: string): Actor => ({ kind: 'agency', agency: id });
