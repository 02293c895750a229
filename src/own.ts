/**
 * The value of `record[key]` when `key` is the record's own property, else undefined: lookups by a
 * name from input (an agency id, a dossier field) must never reach `__proto__`, `constructor` or
 * `toString` on the prototype.
 *
 * @example
 * own({ desk: 1 }, '__proto__') === undefined
 */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
