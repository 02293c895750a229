/** Mutations of JSON values at random paths, shared by the fuzz suites. */

export type Path = readonly (string | number)[];

/** Every path in a JSON value, the root included. */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [at];
  return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, Array.isArray(value) ? Number(k) : k]))];
}

export type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'insert'; readonly at: number; readonly key: string; readonly value: unknown };

/**
 * Applies a mutation to `root` in place (the root itself may be replaced) and returns the root. The
 * value put in is a copy: fast-check reuses generated values while shrinking.
 */
export function mutate(root: unknown, m: Mutation): unknown {
  const value = 'value' in m ? structuredClone(m.value) : undefined;
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length]!;
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as Record<string | number, unknown> | unknown[];
  const last = path[path.length - 1];
  const target = last === undefined ? root : (parent as Record<string | number, unknown>)[last];
  switch (m.kind) {
    case 'delete':
      if (last === undefined) return root;
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      return root;
    case 'replace':
      if (last === undefined) return value;
      // defineProperty, so that a key named __proto__ becomes an own key, as JSON.parse makes it.
      Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
      return root;
    case 'insert':
      if (Array.isArray(target)) target.splice(m.at % (target.length + 1), 0, value);
      else if (typeof target === 'object' && target !== null) Object.defineProperty(target, m.key, { value, enumerable: true, writable: true, configurable: true });
      return root;
  }
}

