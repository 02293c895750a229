import { type BpmnElementTypes, BpmnModdle } from 'bpmn-moddle';
import type { BpmnFlowElement, BpmnFlowNode, BpmnSequenceFlow } from 'bpmn-moddle/types';
import type { ModdleElement } from 'moddle';
import type { ProcedureSpec } from '../dsl/spec.ts';
import { type Bounds, type Layout, layoutPlan } from './bpmn-layout.ts';
import { type PlanFlow, type PlanNode, type ProcessPlan, type Trigger, ncName, planProcess } from './bpmn-plan.ts';
import { IdAllocator } from './ids.ts';
import type { ExportOptions } from './words.ts';

type FlowNodeElement = ModdleElement<BpmnFlowNode>;
type Element = ModdleElement;

/** Creates the bpmn-moddle elements of one export; all references are to elements made here. */
class BpmnFactory {
  readonly moddle = new BpmnModdle();
  readonly messages = new Map<string, BpmnElementTypes['bpmn:Message']>();
  readonly diagram: Element[] = [];
  readonly #layout: Layout;
  readonly #ids = new IdAllocator(ncName);

  /** The plan's ids are reserved first, so that ids made here (DI, event definitions) never clash. */
  constructor(plan: ProcessPlan, layout: Layout) {
    this.#layout = layout;
    const planIds = [
      ...plan.lanes,
      ...plan.messages,
      ...plan.nodes,
      ...plan.flows,
      ...plan.subProcesses.flatMap((s) => [s, ...s.nodes, ...s.flows]),
    ];
    for (const { id } of planIds) this.#ids.take(id);
  }

  id(raw: string): string {
    return this.#ids.take(raw);
  }

  docs(texts: readonly string[]): BpmnElementTypes['bpmn:Documentation'][] {
    return texts.map((text) => this.moddle.create('bpmn:Documentation', { text }));
  }

  expression(body: string): BpmnElementTypes['bpmn:FormalExpression'] {
    return this.moddle.create('bpmn:FormalExpression', { body });
  }

  eventDefinitions(owner: string, trigger: Trigger | undefined): Element[] {
    if (trigger === undefined) return [];
    if (trigger.kind === 'timer') {
      return [this.moddle.create('bpmn:TimerEventDefinition', { id: this.id(`${owner}_timer`), timeDuration: this.expression(trigger.duration) })];
    }
    return [this.moddle.create('bpmn:MessageEventDefinition', { id: this.id(`${owner}_message`), messageRef: this.messages.get(trigger.message)! })];
  }

  node(n: PlanNode, elements: ReadonlyMap<string, FlowNodeElement>): FlowNodeElement {
    const base = { id: n.id, ...(n.name === '' ? {} : { name: n.name }), documentation: this.docs(n.docs) };
    const events = this.eventDefinitions(n.id, n.trigger);
    switch (n.type) {
      case 'userTask':
        return this.moddle.create('bpmn:UserTask', base);
      case 'parallelGateway':
        return this.moddle.create('bpmn:ParallelGateway', { ...base, gatewayDirection: n.direction! });
      case 'exclusiveGateway':
        return this.moddle.create('bpmn:ExclusiveGateway', { ...base, gatewayDirection: n.direction! });
      case 'startEvent':
        return this.moddle.create('bpmn:StartEvent', { ...base, eventDefinitions: events, ...(n.interrupting === false ? { isInterrupting: false } : {}) });
      case 'endEvent':
        return this.moddle.create('bpmn:EndEvent', base);
      case 'intermediateCatchEvent':
        return this.moddle.create('bpmn:IntermediateCatchEvent', { ...base, eventDefinitions: events });
      case 'boundaryEvent': {
        const host = elements.get(n.attachedTo!)!;
        return this.moddle.create('bpmn:BoundaryEvent', { ...base, eventDefinitions: events, attachedToRef: host, cancelActivity: n.interrupting !== false });
      }
    }
  }

  /** Nodes and flows of one container, wired both ways (`sourceRef`/`targetRef`, `incoming`/`outgoing`, `default`). */
  container(nodes: readonly PlanNode[], flows: readonly PlanFlow[]): { nodes: Map<string, FlowNodeElement>; flows: ModdleElement<BpmnSequenceFlow>[] } {
    const elements = new Map<string, FlowNodeElement>();
    for (const n of nodes) elements.set(n.id, this.node(n, elements));
    const made = flows.map((f) => {
      const source = elements.get(f.source)!;
      const target = elements.get(f.target)!;
      const flow = this.moddle.create('bpmn:SequenceFlow', {
        id: f.id,
        sourceRef: source,
        targetRef: target,
        ...(f.name === undefined ? {} : { name: f.name }),
        ...(f.condition === undefined ? {} : { conditionExpression: this.expression(f.condition) }),
      });
      source.outgoing = [...(source.outgoing ?? []), flow];
      target.incoming = [...(target.incoming ?? []), flow];
      this.edge(flow);
      return flow;
    });
    for (const n of nodes) {
      const el = elements.get(n.id)!;
      this.shape(el, n.type === 'exclusiveGateway' ? { isMarkerVisible: true } : {});
      if (n.default !== undefined) (el as BpmnElementTypes['bpmn:ExclusiveGateway']).default = made.find((f) => f.id === n.default)!;
    }
    return { nodes: elements, flows: made };
  }

  bounds(b: Bounds): BpmnElementTypes['dc:Bounds'] {
    return this.moddle.create('dc:Bounds', { x: b.x, y: b.y, width: b.width, height: b.height });
  }

  shape(el: Element & { id?: string }, extra: Partial<BpmnElementTypes['bpmndi:BPMNShape']> = {}, at = this.#layout.shapes.get(el.id!)!): void {
    this.diagram.push(this.moddle.create('bpmndi:BPMNShape', { id: this.id(`${el.id!}_di`), bpmnElement: el, bounds: this.bounds(at), ...extra }));
  }

  edge(flow: ModdleElement<BpmnSequenceFlow>): void {
    const waypoint = this.#layout.edges.get(flow.id!)!.map((p) => this.moddle.create('dc:Point', { x: p.x, y: p.y }));
    this.diagram.push(this.moddle.create('bpmndi:BPMNEdge', { id: this.id(`${flow.id!}_di`), bpmnElement: flow, waypoint }));
  }
}

/**
 * The procedure as BPMN 2.0 XML, built with bpmn-moddle and laid out for modelers (BPMN DI).
 *
 * One collaboration with one participant whose process has a lane per agency (and an Applicant
 * lane when the applicant ends an interval, e.g. pays). The desk's lane holds the receipt (start
 * event, completeness check with refusal at receipt and the completion loop), the transfer, the
 * return and the end event; steps are user tasks in their agency's lane documented with both
 * titles, the share and the legal basis; parallel nodes are parallel fork/join gateways; branches
 * are exclusive gateways with a condition and name per case and `otherwise` as the default flow;
 * a consultation forks to one task per consulted agency, each with an interrupting boundary timer
 * for deemed consent; fixed-length excluded intervals (public posting) are intermediate timer
 * events, open-ended ones (payment) user tasks of their party. The statutory limit is a
 * non-interrupting timer event sub-process; withdrawal and refusal are interrupting message event
 * sub-processes ending in their end events. Timers carry ISO 8601 durations (`P20D` for 20
 * working days, noted as such in the documentation). Pure: no clock, no files.
 *
 * @example
 * const xml = await toBpmn(landUseRightFirst, { lang: 'en' });
 */
export async function toBpmn(spec: ProcedureSpec, options: ExportOptions = {}): Promise<string> {
  const plan = planProcess(spec, options.lang ?? 'vi');
  const layout = layoutPlan(plan);
  const f = new BpmnFactory(plan, layout);
  const { moddle } = f;
  for (const m of plan.messages) f.messages.set(m.id, moddle.create('bpmn:Message', { id: m.id, name: m.name }));

  const main = f.container(plan.nodes, plan.flows);
  const subProcesses = plan.subProcesses.map((s) => {
    const inner = f.container(s.nodes, s.flows);
    const flowElements: ModdleElement<BpmnFlowElement>[] = [...inner.nodes.values(), ...inner.flows];
    const el = moddle.create('bpmn:SubProcess', { id: s.id, name: s.name, triggeredByEvent: true, documentation: f.docs(s.docs), flowElements });
    f.shape(el, { isExpanded: true });
    return { lane: s.lane, el };
  });

  const lanes = plan.lanes.map((lane) => {
    const refs: FlowNodeElement[] = [
      ...plan.nodes.filter((n) => n.lane === lane.id).map((n) => main.nodes.get(n.id)!),
      ...subProcesses.filter((s) => s.lane === lane.id).map((s) => s.el),
    ];
    const el = moddle.create('bpmn:Lane', { id: lane.id, name: lane.name, flowNodeRef: refs });
    f.shape(el, { isHorizontal: true });
    return el;
  });

  const process = moddle.create('bpmn:Process', {
    id: f.id(`Process_${plan.id}`),
    name: plan.name,
    isExecutable: false,
    documentation: f.docs(plan.docs),
    laneSets: [moddle.create('bpmn:LaneSet', { id: f.id(`LaneSet_${plan.id}`), lanes })],
    flowElements: [...main.nodes.values(), ...subProcesses.map((s) => s.el), ...main.flows],
  });
  const participant = moddle.create('bpmn:Participant', { id: f.id(`Participant_${plan.id}`), name: plan.name, processRef: process });
  const collaboration = moddle.create('bpmn:Collaboration', { id: f.id(`Collaboration_${plan.id}`), participants: [participant] });
  f.shape(participant, { isHorizontal: true }, layout.participant);

  // Pool first, then lanes, then the rest: modelers draw DI elements in document order.
  const order = (el: Element) => (el.bpmnElement === participant ? 0 : lanes.includes(el.bpmnElement) ? 1 : 2);
  const planeElement = [...f.diagram].sort((a, b) => order(a) - order(b));
  const definitions = moddle.create('bpmn:Definitions', {
    id: f.id(`Definitions_${plan.id}`),
    targetNamespace: 'urn:motcua:procedure',
    exporter: 'motcua',
    rootElements: [...f.messages.values(), collaboration, process],
    diagrams: [
      moddle.create('bpmndi:BPMNDiagram', {
        id: f.id(`Diagram_${plan.id}`),
        plane: moddle.create('bpmndi:BPMNPlane', { id: f.id(`Plane_${plan.id}`), bpmnElement: collaboration, planeElement }),
      }),
    ],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}

