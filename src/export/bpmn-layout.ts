import type { PlanFlow, PlanNode, PlanNodeType, ProcessPlan } from './bpmn-plan.ts';

// A deliberately simple, deterministic layout for BPMN DI: lanes stacked in plan order, one
// column per node in flow order (so nothing ever overlaps), boundary events on the bottom edge of
// their task, event sub-processes after the last column in the desk's lane, and orthogonal edges.
// Modelers (bpmn-js, Camunda) open it as is and can re-layout from there.

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Layout {
  readonly participant: Bounds;
  /** Lanes, nodes, boundary events, event sub-processes and their nodes, by id. */
  readonly shapes: ReadonlyMap<string, Bounds>;
  /** Every sequence flow's waypoints, by id. */
  readonly edges: ReadonlyMap<string, readonly Point[]>;
}

const HEADER = 30;
const LANE_HEIGHT = 160;
const MAIN_ROW = 80;
const BELOW_ROW = 130;
const FIRST_COLUMN = HEADER + 70;
const COLUMN = 150;
const SUB_WIDTH = 220;
const SUB_HEIGHT = 100;
const SUB_GAP = 40;

const SIZES: Readonly<Record<PlanNodeType, readonly [number, number]>> = {
  userTask: [100, 80],
  parallelGateway: [50, 50],
  exclusiveGateway: [50, 50],
  startEvent: [36, 36],
  endEvent: [36, 36],
  intermediateCatchEvent: [36, 36],
  boundaryEvent: [36, 36],
};

const centred = (cx: number, cy: number, [width, height]: readonly [number, number]): Bounds => ({ x: cx - width / 2, y: cy - height / 2, width, height });
const cx = (b: Bounds) => b.x + b.width / 2;
const cy = (b: Bounds) => b.y + b.height / 2;
const right = (b: Bounds) => b.x + b.width;
const bottom = (b: Bounds) => b.y + b.height;

/** Bounds for every shape and waypoints for every flow of a plan. */
export function layoutPlan(plan: ProcessPlan): Layout {
  const laneTop = new Map(plan.lanes.map((lane, i) => [lane.id, i * LANE_HEIGHT]));
  const shapes = new Map<string, Bounds>();
  const rowY = (node: PlanNode) => laneTop.get(node.lane)! + (node.row === 'below' ? BELOW_ROW : MAIN_ROW);

  let column = 0;
  for (const node of plan.nodes) {
    if (node.type === 'boundaryEvent') {
      const host = shapes.get(node.attachedTo!)!;
      shapes.set(node.id, { x: host.x + (host.width - 36) / 2, y: bottom(host) - 18, width: 36, height: 36 });
    } else {
      shapes.set(node.id, centred(FIRST_COLUMN + column++ * COLUMN, rowY(node), SIZES[node.type]));
    }
  }

  let x = FIRST_COLUMN + column * COLUMN - COLUMN / 2 + SUB_GAP;
  for (const sub of plan.subProcesses) {
    const box = { x, y: laneTop.get(sub.lane)! + (LANE_HEIGHT - SUB_HEIGHT) / 2, width: SUB_WIDTH, height: SUB_HEIGHT };
    shapes.set(sub.id, box);
    sub.nodes.forEach((node, i) => shapes.set(node.id, centred(box.x + 50 + i * (SUB_WIDTH - 100), cy(box), SIZES[node.type])));
    x += SUB_WIDTH + SUB_GAP;
  }

  const width = x + 20;
  plan.lanes.forEach((lane, i) => shapes.set(lane.id, { x: HEADER, y: i * LANE_HEIGHT, width: width - HEADER, height: LANE_HEIGHT }));

  const types = new Map([...plan.nodes, ...plan.subProcesses.flatMap((sub) => sub.nodes)].map((n) => [n.id, n.type]));
  const edges = new Map<string, readonly Point[]>();
  const seen = new Map<string, number>();
  const allFlows: readonly PlanFlow[] = [...plan.flows, ...plan.subProcesses.flatMap((s) => s.flows)];
  for (const flow of allFlows) {
    const pair = `${flow.source}→${flow.target}`;
    const repeat = seen.get(pair) ?? 0;
    seen.set(pair, repeat + 1);
    edges.set(flow.id, route(shapes.get(flow.source)!, shapes.get(flow.target)!, types.get(flow.source)!, repeat));
  }
  return { participant: { x: 0, y: 0, width, height: plan.lanes.length * LANE_HEIGHT }, shapes, edges };
}

/**
 * Forward edges leave on the right and enter on the left, turning just before the target (a
 * gateway's own column is free, so gateways turn at once); a repeated edge between the same two nodes and an edge from a boundary event go round below;
 * backward edges (the completion loop) go round above.
 */
function route(s: Bounds, t: Bounds, from: PlanNodeType, repeat: number): Point[] {
  const fromBoundary = from === 'boundaryEvent';
  const fromGateway = from === 'parallelGateway' || from === 'exclusiveGateway';
  if (fromBoundary || repeat > 0) {
    const y = Math.max(bottom(s), bottom(t)) + 12 + 10 * repeat;
    return [
      { x: cx(s), y: bottom(s) },
      { x: cx(s), y },
      { x: cx(t), y },
      { x: cx(t), y: bottom(t) },
    ];
  }
  if (t.x < right(s)) {
    const y = Math.min(s.y, t.y) - 20;
    return [
      { x: cx(s), y: s.y },
      { x: cx(s), y },
      { x: cx(t), y },
      { x: cx(t), y: t.y },
    ];
  }
  if (cy(s) === cy(t)) return [{ x: right(s), y: cy(s) }, { x: t.x, y: cy(t) }];
  if (fromGateway) {
    // A gateway fans out from its top or bottom corner; its own column is free in every lane.
    return [
      { x: cx(s), y: cy(t) > cy(s) ? bottom(s) : s.y },
      { x: cx(s), y: cy(t) },
      { x: t.x, y: cy(t) },
    ];
  }
  const turn = t.x - 25;
  return [
    { x: right(s), y: cy(s) },
    { x: turn, y: cy(s) },
    { x: turn, y: cy(t) },
    { x: t.x, y: cy(t) },
  ];
}
