/**
 * A process tree mined from traces by the cuts of the Inductive Miner (Leemans, Fahland and van der
 * Aalst, 2013), in its simplest infrequent-behaviour form: the directly-follows graph of a sub-log
 * keeps the edges seen in at least `minFrequency` of its traces, then an exclusive, a sequence or a
 * parallel cut splits the activities, each part mined again; traces that skip a part make it
 * optional. Loops are not cut here: the caller folds a repeated activity into its first occurrence
 * (rework), which the engine models as a supplement request, not as flow.
 */

export type ProcessTree =
  | { readonly kind: 'activity'; readonly activity: string }
  | { readonly kind: 'skip' }
  | { readonly kind: 'sequence'; readonly children: readonly ProcessTree[] }
  /** `cases[i]`: how many traces of the sub-log took child `i`. */
  | { readonly kind: 'exclusive'; readonly children: readonly ProcessTree[]; readonly cases: readonly number[] }
  | { readonly kind: 'parallel'; readonly children: readonly ProcessTree[] };

export interface MinedTree {
  readonly tree: ProcessTree;
  /** Sets of activities no cut could split, put in sequence by their mean position instead. */
  readonly fellThrough: readonly (readonly string[])[];
}

type Sublog = readonly (readonly string[])[];

/**
 * Mines a process tree from traces of distinct activities (each activity at most once a trace).
 * `concurrent` pairs (`a\u0000b`, both orders) were seen overlapping in time: they count as
 * directly following each other both ways.
 *
 * @example mineTree([['a', 'b', 'c'], ['a', 'c', 'b']], 0.05).tree // sequence(a, parallel(b, c))
 */
export function mineTree(traces: Sublog, minFrequency: number, concurrent: ReadonlySet<string> = new Set()): MinedTree {
  const fellThrough: string[][] = [];

  const mine = (log: Sublog): ProcessTree => {
    const nonEmpty = log.filter((t) => t.length > 0);
    const empty = log.length - nonEmpty.length;
    if (nonEmpty.length === 0) return { kind: 'skip' };
    if (empty > 0 && empty >= minFrequency * log.length) {
      const rest = mine(nonEmpty);
      return rest.kind === 'exclusive' ? { kind: 'exclusive', children: [{ kind: 'skip' }, ...rest.children], cases: [empty, ...rest.cases] } : { kind: 'exclusive', children: [{ kind: 'skip' }, rest], cases: [empty, nonEmpty.length] };
    }
    const alphabet = [...new Set(nonEmpty.flat())].sort();
    if (alphabet.length === 1) return { kind: 'activity', activity: alphabet[0]! };
    const edges = directlyFollows(nonEmpty, Math.max(1, minFrequency * nonEmpty.length), concurrent);
    const has = (a: string, b: string) => edges.get(a)?.has(b) === true;

    // Exclusive: the parts the directly-follows graph does not connect at all.
    const parts = components(alphabet, (a, b) => has(a, b) || has(b, a));
    if (parts.length > 1) {
      const partOf = new Map(parts.flatMap((p, i) => p.map((a) => [a, i] as const)));
      const logs: string[][][] = parts.map(() => []);
      for (const t of nonEmpty) {
        const votes = parts.map(() => 0);
        for (const a of t) votes[partOf.get(a)!]!++;
        const i = votes.indexOf(Math.max(...votes));
        logs[i]!.push(t.filter((a) => partOf.get(a) === i));
      }
      const order = parts.map((_, i) => i).sort((x, y) => logs[y]!.length - logs[x]!.length || (parts[x]![0]! < parts[y]![0]! ? -1 : 1));
      return { kind: 'exclusive', children: order.map((i) => mine(logs[i]!)), cases: order.map((i) => logs[i]!.length) };
    }

    // Sequence: groups each of which reaches every later one and none of the earlier ones.
    const reach = closure(alphabet, edges);
    const reaches = (a: string, b: string) => reach.get(a)!.has(b);
    const groups = components(alphabet, (a, b) => reaches(a, b) === reaches(b, a));
    if (groups.length > 1) {
      const ordered = [...groups].sort((x, y) => (reaches(x[0]!, y[0]!) ? -1 : 1));
      const total = ordered.every((g, i) => ordered.slice(i + 1).every((h) => g.every((a) => h.every((b) => reaches(a, b) && !reaches(b, a)))));
      if (total) return { kind: 'sequence', children: ordered.map((g) => mine(project(nonEmpty, g))) };
    }

    // Parallel: groups every activity of which follows and is followed by every other group's.
    const strands = components(alphabet, (a, b) => !(has(a, b) && has(b, a)));
    if (strands.length > 1) return { kind: 'parallel', children: strands.map((g) => mine(project(nonEmpty, g))) };

    fellThrough.push(alphabet);
    const position = new Map(alphabet.map((a) => [a, 0]));
    const seen = new Map(alphabet.map((a) => [a, 0]));
    for (const t of nonEmpty) t.forEach((a, i) => (position.set(a, position.get(a)! + i / t.length), seen.set(a, seen.get(a)! + 1)));
    const byPosition = [...alphabet].sort((a, b) => position.get(a)! / seen.get(a)! - position.get(b)! / seen.get(b)!);
    return { kind: 'sequence', children: byPosition.map((activity) => ({ kind: 'activity', activity })) };
  };

  return { tree: mine(traces), fellThrough };
}

/** Edges `a → b` seen at least `least` times, and both ways for concurrent pairs. */
function directlyFollows(log: Sublog, least: number, concurrent: ReadonlySet<string>): Map<string, Set<string>> {
  const counts = new Map<string, number>();
  for (const t of log) for (let i = 1; i < t.length; i++) counts.set(`${t[i - 1]}\u0000${t[i]}`, (counts.get(`${t[i - 1]}\u0000${t[i]}`) ?? 0) + 1);
  const edges = new Map<string, Set<string>>();
  const add = (a: string, b: string) => (edges.get(a) ?? edges.set(a, new Set()).get(a)!).add(b);
  for (const [key, n] of counts) {
    if (n < least) continue;
    const [a, b] = key.split('\u0000') as [string, string];
    add(a, b);
  }
  const present = new Set(log.flat());
  for (const key of concurrent) {
    const [a, b] = key.split('\u0000') as [string, string];
    if (present.has(a) && present.has(b)) {
      add(a, b);
      add(b, a);
    }
  }
  return edges;
}

/** Who reaches whom along the edges (not oneself unless on a cycle). */
function closure(nodes: readonly string[], edges: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const start of nodes) {
    const seen = new Set<string>();
    const stack = [...(edges.get(start) ?? [])];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(edges.get(n) ?? []));
    }
    out.set(start, seen);
  }
  return out;
}

/** Connected components of the graph whose edges `linked` says, each sorted, in order of their first node. */
function components(nodes: readonly string[], linked: (a: string, b: string) => boolean): string[][] {
  const parent = new Map(nodes.map((n) => [n, n]));
  const find = (n: string): string => (parent.get(n) === n ? n : find(parent.get(n)!));
  for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) if (linked(nodes[i]!, nodes[j]!)) parent.set(find(nodes[i]!), find(nodes[j]!));
  const groups = new Map<string, string[]>();
  for (const n of nodes) (groups.get(find(n)) ?? groups.set(find(n), []).get(find(n))!).push(n);
  return [...groups.values()];
}

function project(log: Sublog, keep: readonly string[]): string[][] {
  const set = new Set(keep);
  return log.map((t) => t.filter((a) => set.has(a)));
}

/** The activities of a tree. */
export function activitiesOf(tree: ProcessTree): string[] {
  return tree.kind === 'activity' ? [tree.activity] : tree.kind === 'skip' ? [] : tree.children.flatMap(activitiesOf);
}

/**
 * Whether the tree can produce exactly this trace (of distinct activities): a parallel part's
 * children interleave, each producing its own activities of the trace.
 * @example accepts({ kind: 'sequence', children: [{ kind: 'activity', activity: 'a' }] }, ['a']) // → true
 */
export function accepts(tree: ProcessTree, trace: readonly string[]): boolean {
  return ends(tree, trace, 0).has(trace.length);
}

function ends(tree: ProcessTree, t: readonly string[], i: number): Set<number> {
  switch (tree.kind) {
    case 'activity':
      return new Set(t[i] === tree.activity ? [i + 1] : []);
    case 'skip':
      return new Set([i]);
    case 'sequence': {
      let at = new Set([i]);
      for (const c of tree.children) at = new Set([...at].flatMap((j) => [...ends(c, t, j)]));
      return at;
    }
    case 'exclusive':
      return new Set(tree.children.flatMap((c) => [...ends(c, t, i)]));
    case 'parallel': {
      const alphabets = tree.children.map((c) => new Set(activitiesOf(c)));
      const out = new Set<number>();
      for (let j = i; ; j++) {
        const run = t.slice(i, j);
        if (tree.children.every((c, k) => accepts(c, run.filter((a) => alphabets[k]!.has(a))))) out.add(j);
        if (j >= t.length || !alphabets.some((s) => s.has(t[j]!))) break;
      }
      return out;
    }
  }
}
