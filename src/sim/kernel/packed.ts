/**
 * `xs.map(f)`, as an array whose elements are always packed. V8 gives the array that `map` makes
 * packed elements while its caller runs unoptimised and holey ones once the caller is optimised
 * (seen on Node 20). A replication builds its stations, plans and samplers afresh, and the hot
 * path, optimised on one replication's arrays, then meets arrays of the other kind on the next
 * and deoptimises ("wrong map") in a dozen functions. Built by `push`, the arrays are packed in
 * every replication, so the code optimised on the first one serves all of them.
 */
export function packedMap<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!, i));
  return out;
}
