/**
 * The key of a flow node's state in the compiled machine. XState reserves `.` (a path), `#` (an
 * id) and `\` (its escape), so those become `_`; two ids that then read alike would name one state,
 * and the validator refuses them (`duplicate-id`).
 *
 * @example
 * stateKey('check.docs') // → 'check_docs'
 */
export function stateKey(id: string): string {
  return id.replace(/[.#\\]/g, '_');
}
