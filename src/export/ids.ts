/**
 * Hands out identifiers that are unique within one export and legal in the target format: each
 * key is cleaned with `clean`, and a clash (two ids that clean to the same text) gets `_2`, `_3`…
 * The same keys in the same order always give the same ids, so exports are deterministic.
 *
 * @example
 * const ids = new IdAllocator((s) => s.replace(/[^A-Za-z0-9_]/g, '_'));
 * ids.take('step_verify-origin'); // 'step_verify_origin'
 */
export class IdAllocator {
  readonly #used = new Set<string>();
  readonly #clean: (raw: string) => string;

  constructor(clean: (raw: string) => string = (raw) => raw) {
    this.#clean = clean;
  }

  take(raw: string): string {
    const base = this.#clean(raw);
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = `${base}_${n}`;
    this.#used.add(id);
    return id;
  }
}
