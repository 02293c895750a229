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

/**
 * The value at `path` inside `root`, following own properties only (a zod issue's path into the
 * input it read); undefined where the path leaves the data.
 *
 * @example
 * valueAt({ limit: { duration: 5 } }, ['limit', 'duration']) === 5
 */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || typeof segment === 'symbol') return undefined;
    value = Object.hasOwn(value, segment) ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return value;
}
