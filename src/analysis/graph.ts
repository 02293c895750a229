import { type AnyStateNode, getStateNodes } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { instantAt } from '../calendar/instant.ts';
import { localDate } from '../calendar/date.ts';
import { affordances, affordedEvent } from '../compile/affordances.ts';
import type { CaseSnapshot } from '../compile/case.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import type { Actor, CaseEvent, CaseInput, DossierData, OutcomeKind } from '../compile/types.ts';
import type { Channel, FlowNode } from '../dsl/spec.ts';

export interface DeadEnd {
  /** The state the dossier is stuck in, as XState's state value in JSON. */
  readonly state: string;
  /** The dossier data and channel of the traversal that found it. */
  readonly variant: string;
  /** Events from receipt to the stuck state. */
  readonly path: readonly string[];
}

export interface GraphReport {
  /** Distinct abstract states visited (over every dossier variant and channel). */
  readonly states: number;
  readonly transitions: number;
  /** Ids of state nodes of the machine that no traversal reached. */
  readonly unreachable: readonly string[];
  /** States from which the case can end only by withdrawal: the procedure cannot finish from there. */
  readonly deadEnds: readonly DeadEnd[];
  /** Outcomes some path reaches. */
  readonly outcomes: readonly OutcomeKind[];
  /** Whether a traversal hit the state limit even with the reduction (reachability is then not reported). */
  readonly truncated: boolean;
  readonly variants: number;
  /**
   * Parallel blocks whose branches were explored one after the other instead of in every
   * interleaving, because the full graph passed the limit: `id (n branches)`. Branches share no
   * state but the supplement counts, so each state of a branch is still reached and each dead end
   * still found; mixed states of several half-done branches are not visited.
   */
  readonly sequential: readonly string[];
}

export interface GraphOptions {
  /** Most abstract states per traversal; past it, parallel branches are explored one after the other, then the result is reported as truncated. */
  readonly limit?: number;
  /** Most dossier variants traversed (2 channels × every combination of the values branches test); 64 by default. */
  readonly maxVariants?: number;
}

/** The adjacency map as XState's graph module returns it, keyed by our serialised states. */
type Adjacency = Record<string, { readonly state: CaseSnapshot; readonly transitions: Record<string, { readonly event: CaseEvent; readonly state: CaseSnapshot }> }>;

const system: Actor = { kind: 'system' };

/**
 * Explores the compiled machine with XState's graph module: every state reachable, every state
 * able to finish (other than by withdrawal), and the outcomes reached. The traversal is bounded by
 * abstracting states: the control-slip timeline, effects and instants are left out of a state's
 * key, and each dossier value a branch tests is tried in turn.
 *
 * @example
 * const report = analyseGraph(compileProcedure(birthRegistration2025));
 * report.deadEnds.length // → 0
 * report.outcomes // → [ 'returned', 'refused', 'refused-at-receipt', 'withdrawn' ]
 */
export function analyseGraph(proc: CompiledProcedure, options: GraphOptions = {}): GraphReport {
  const limit = options.limit ?? 20_000;
  const visitedNodes = new Set<string>();
  const outcomes = new Set<OutcomeKind>();
  const deadEnds: DeadEnd[] = [];
  let states = 0;
  let transitions = 0;
  let truncated = false;
  const sequential = new Set<string>();
  const all = inputVariants(proc);
  const variants = all.slice(0, options.maxVariants ?? 64);
  if (variants.length < all.length) truncated = true;
  const regions = parallelRegions(proc.spec.flow);

  const traverse = (input: CaseInput, reduced: boolean): Adjacency | null => {
    try {
      return getAdjacencyMap<CaseSnapshot, CaseEvent, CaseInput>(proc.machine as never, {
        input,
        events: (snapshot) => {
          const events = eventsFor(proc, snapshot);
          return reduced ? onlyFirstOpenBranch(proc, regions, snapshot, events) : events;
        },
        serializeState: (snapshot) => stateKey(proc, snapshot),
        serializeEvent: (event) => eventKey(event),
        limit,
      }) as unknown as Adjacency;
    } catch (error) {
      if (error instanceof Error && error.message === 'Traversal limit exceeded') return null;
      throw error;
    }
  };

  // Every interleaving of wide parallel blocks is a product of their branches' states: when that
  // alone passes the limit, do not spend the time to find out.
  const tooWide = interleavings(proc.spec.flow) > limit;
  for (const { input, label } of variants) {
    let adjacency = tooWide ? null : traverse(input, false);
    if (adjacency === null && regions.blocks.size > 0) {
      adjacency = traverse(input, true);
      if (adjacency !== null) for (const [id, n] of regions.blocks) sequential.add(`${id} (${n} branches)`);
    }
    if (adjacency === null) {
      truncated = true;
      continue;
    }

    const keys = Object.keys(adjacency);
    states += keys.length;
    const edges = new Map<string, { to: string; event: CaseEvent }[]>();
    for (const key of keys) {
      const entry = adjacency[key]!;
      for (const node of getStateNodes(proc.machine.root, entry.state.value)) if (isLeaf(node)) visitedNodes.add(node.id);
      if (entry.state.status === 'done' && entry.state.output) outcomes.add(entry.state.output.kind);
      const out = Object.values(entry.transitions).map((t) => ({ to: stateKey(proc, t.state), event: t.event }));
      transitions += out.filter((t) => t.to !== key).length;
      edges.set(key, out);
    }

    // Backwards from the final states, without the applicant's withdrawal edges: what can still
    // finish (the desk closing a withdrawal request finishes it).
    const withdrawal = (event: CaseEvent) => event.type === 'WITHDRAW' && event.by.kind === 'applicant';
    const canFinish = new Set(keys.filter((k) => adjacency[k]!.state.status === 'done'));
    for (let changed = true; changed; ) {
      changed = false;
      for (const [from, out] of edges) {
        if (canFinish.has(from)) continue;
        if (out.some((t) => !withdrawal(t.event) && canFinish.has(t.to))) {
          canFinish.add(from);
          changed = true;
        }
      }
    }
    // Report where the dossier gets stuck, not every state upstream of it: the dead states with no
    // way forward but withdrawal (or, for a cycle of dead states, all of them).
    const parents = shortestParents(keys[0]!, edges);
    const dead = keys.filter((k) => !canFinish.has(k));
    const stuck = dead.filter((k) => (edges.get(k) ?? []).every((t) => withdrawal(t.event) || t.to === k));
    for (const key of stuck.length > 0 ? stuck : dead) {
      deadEnds.push({ state: JSON.stringify(adjacency[key]!.state.value), variant: label, path: pathTo(key, parents) });
    }
  }

  // Nested final states are bookkeeping (a finished step hands over at once); the lifecycle's own
  // final states, and every atomic state that waits for an event, must be reachable.
  const expected = allLeaves(proc.machine.root).filter((n) => !isTransient(n) && (n.type === 'atomic' || n.parent === proc.machine.root));
  // A traversal cut off proves nothing about what it did not visit.
  const unreachable = truncated ? [] : expected.map((n) => n.id).filter((id) => !visitedNodes.has(id));
  return {
    states,
    transitions,
    unreachable,
    deadEnds: dedupe(deadEnds),
    outcomes: (['returned', 'refused', 'refused-at-receipt', 'withdrawn'] as const).filter((o) => outcomes.has(o)),
    truncated,
    variants: variants.length,
    sequential: [...sequential],
  };
}

/** A rough count of a flow's states: steps 3 (working, supplement, working again), a parallel block the product of its branches. */
function interleavings(flow: readonly FlowNode[]): number {
  let total = 1;
  for (const node of flow) {
    if (node.kind === 'step') total += 3;
    else if (node.kind === 'consult') total += 2 ** Math.min(node.consulted.length, 30);
    else if (node.kind === 'excluded') total += 1;
    else if (node.kind === 'branch') total += Math.max(1, ...node.cases.map((c) => interleavings(c.flow)), node.otherwise === undefined ? 1 : interleavings(node.otherwise.flow));
    else total += node.branches.reduce((product, b) => product * interleavings(b), 1);
  }
  return total;
}

/** Where each flow node sits in parallel blocks: the chain of (block state key, branch index) around it. */
interface Regions {
  readonly around: ReadonlyMap<string, readonly { readonly block: string; readonly branch: number }[]>;
  /** Parallel block ids and their number of branches. */
  readonly blocks: ReadonlyMap<string, number>;
}

function parallelRegions(flow: readonly FlowNode[]): Regions {
  const around = new Map<string, { block: string; branch: number }[]>();
  const blocks = new Map<string, number>();
  const visit = (nodes: readonly FlowNode[], chain: { block: string; branch: number }[]) => {
    for (const node of nodes) {
      around.set(node.id, chain);
      if (node.kind === 'parallel') {
        blocks.set(node.id, node.branches.length);
        node.branches.forEach((b, i) => visit(b, [...chain, { block: node.id.replace(/[.#]/g, '_'), branch: i + 1 }]));
      }
      if (node.kind === 'branch') {
        node.cases.forEach((c) => visit(c.flow, chain));
        if (node.otherwise !== undefined) visit(node.otherwise.flow, chain);
      }
    }
  };
  visit(flow, []);
  return { around, blocks };
}

/**
 * The partial-order reduction used past the limit: inside a parallel block only the first branch
 * not yet finished may move, so the branches run one after the other.
 */
function onlyFirstOpenBranch(proc: CompiledProcedure, regions: Regions, snapshot: CaseSnapshot, events: CaseEvent[]): CaseEvent[] {
  const active = getStateNodes(proc.machine.root, snapshot.value);
  const finished = new Set<string>();
  const open = new Set<string>();
  for (const node of active) {
    const region = node.parent;
    const block = region?.parent;
    if (region === undefined || block === undefined || block.type !== 'parallel' || !region.key.startsWith('branch')) continue;
    const id = `${block.key}/${region.key.slice('branch'.length)}`;
    if (node.key === 'done' && node.type === 'final') finished.add(id);
    else open.add(id);
  }
  const target = (event: CaseEvent): string | undefined => {
    if ('step' in event && event.step !== undefined) return event.step;
    if ('consult' in event) return event.consult;
    if ('interval' in event) return event.interval;
    if ('timer' in event) return proc.env.nodes.has(event.timer) ? event.timer : event.timer.slice(0, event.timer.lastIndexOf(':'));
    return undefined;
  };
  return events.filter((event) => {
    const id = target(event);
    const chain = id === undefined ? undefined : regions.around.get(id);
    if (chain === undefined) return true;
    // Allowed when every earlier branch of each enclosing block is finished (or not entered yet).
    return chain.every(({ block, branch }) => {
      for (let j = 1; j < branch; j++) if (open.has(`${block}/${j}`) && !finished.has(`${block}/${j}`)) return false;
      return true;
    });
  });
}

/**
 * Every combination of the dossier values branches test, for a paper and an online channel.
 *
 * @example
 * inputVariants(compileProcedure(birthRegistration2025)).map((v) => v.label)[0] // → 'in-person, needsVerification=true'
 * inputVariants(compileProcedure(birthRegistration2025)).length // → 4
 */
export function inputVariants(proc: CompiledProcedure): { input: CaseInput; label: string }[] {
  const { spec } = proc;
  const tested = new Map<string, Set<string | number | boolean>>();
  const visit = (flow: readonly FlowNode[]) => {
    for (const node of flow) {
      if (node.kind === 'parallel') node.branches.forEach(visit);
      if (node.kind === 'branch') {
        const values = tested.get(node.field) ?? new Set();
        for (const c of node.cases) values.add(c.when);
        tested.set(node.field, values);
        node.cases.forEach((c) => visit(c.flow));
        if (node.otherwise !== undefined) visit(node.otherwise.flow);
      }
    }
  };
  visit(spec.flow);
  let dossiers: Record<string, string | number | boolean>[] = [{}];
  for (const [name, field] of Object.entries(spec.dossier)) {
    const named = tested.get(name) ?? new Set();
    const values: (string | number | boolean)[] =
      field.type === 'boolean'
        ? [true, false]
        : field.type === 'enum'
          ? [...field.values]
          : field.type === 'number'
            ? [...named, Math.max(0, ...[...named].map(Number)) + 1]
            : [...named, `not ${[...named].join('/')}`];
    const pick = named.size === 0 ? values.slice(0, 1) : values;
    dossiers = dossiers.flatMap((d) => pick.map((v) => ({ ...d, [name]: v })));
  }
  const channels: Channel[] = [
    ...spec.receipt.channels.filter((c) => c !== 'online').slice(0, 1),
    ...spec.receipt.channels.filter((c) => c === 'online'),
  ];
  // Monday 3 March 2025, 09:00: an ordinary working morning.
  const receivedAt = instantAt(localDate(2025, 3, 3), 9 * 3_600_000);
  return channels.flatMap((channel) =>
    dossiers.map((dossier) => ({
      input: { receivedAt, channel, dossier: dossier as DossierData },
      label: [channel, ...Object.entries(dossier).map(([k, v]) => `${k}=${String(v)}`)].join(', '),
    })),
  );
}

/**
 * The events worth trying in a state: what each party may do now ({@link affordances}), but the
 * apology slip (a notice that changes no path), and the timers that change the flow (deemed
 * consent, the end of a fixed interval, the rating window), at the case's current instant.
 */
function eventsFor(proc: CompiledProcedure, snapshot: CaseSnapshot): CaseEvent[] {
  if (snapshot.status !== 'active') return [];
  const ctx = snapshot.context;
  const at = ctx.now;
  const events = affordances(proc, snapshot)
    .filter((a) => a.type !== 'APOLOGIZE')
    .map((a) => affordedEvent(a, at, snapshot));
  for (const timer of ctx.timers) {
    if (timer.kind === 'deemed-consent' || timer.kind === 'interval-end' || timer.kind === 'rating-window') {
      events.push({ type: 'TIMER', at: timer.at > at ? timer.at : at, by: system, timer: timer.id });
    }
  }
  return events;
}

/**
 * A state's key without the timeline, effects and instants, so that the traversal ends. An
 * agency's supplement count is kept only while it has a step left to do (the flow has no loops, so
 * a count nobody can use again makes no difference to what follows).
 */
function stateKey(proc: CompiledProcedure, snapshot: CaseSnapshot): string {
  const ctx = snapshot.context;
  const timers = ctx.timers.filter((t) => t.kind === 'deemed-consent' || t.kind === 'interval-end' || t.kind === 'rating-window').map((t) => t.id);
  const pending = new Set<string>();
  for (const [id, step] of proc.env.steps) if (ctx.steps[id]?.status !== 'done') pending.add(step.agency);
  const supplements = Object.entries(ctx.supplements).filter(([agency]) => pending.has(agency));
  return JSON.stringify([snapshot.value, ctx.completionRequests, supplements, timers, snapshot.status]);
}

function eventKey(event: CaseEvent): string {
  const detail = 'step' in event ? event.step : 'consult' in event ? `${event.consult}:${event.by.kind === 'agency' ? event.by.agency : ''}` : 'interval' in event ? event.interval : 'timer' in event ? event.timer : '';
  return `${event.type}${detail === undefined || detail === '' ? '' : `(${detail})`}`;
}

function isLeaf(node: AnyStateNode): boolean {
  return node.type === 'atomic' || node.type === 'final';
}

/** States left at once by an eventless transition are never observed between events. */
function isTransient(node: AnyStateNode): boolean {
  return node.always !== undefined && node.always.length > 0;
}

function allLeaves(node: AnyStateNode): AnyStateNode[] {
  const children = Object.values(node.states) as AnyStateNode[];
  return children.length === 0 ? [node] : children.flatMap(allLeaves);
}

function shortestParents(start: string, edges: ReadonlyMap<string, { to: string; event: CaseEvent }[]>): Map<string, { from: string; event: string }> {
  const parents = new Map<string, { from: string; event: string }>();
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i]!;
    for (const { to, event } of edges.get(from) ?? []) {
      if (seen.has(to)) continue;
      seen.add(to);
      parents.set(to, { from, event: eventKey(event) });
      queue.push(to);
    }
  }
  return parents;
}

function pathTo(key: string, parents: ReadonlyMap<string, { from: string; event: string }>): string[] {
  const path: string[] = [];
  for (let p = parents.get(key); p !== undefined; p = parents.get(p.from)) path.unshift(p.event);
  return path;
}

function dedupe(deadEnds: DeadEnd[]): DeadEnd[] {
  const seen = new Set<string>();
  return deadEnds.filter((d) => (seen.has(d.state) ? false : (seen.add(d.state), true)));
}
