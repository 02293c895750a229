import { BpmnModdle, type ParseResult } from 'bpmn-moddle';
import type {
  BpmnBoundaryEvent,
  BpmnCollaboration,
  BpmnExclusiveGateway,
  BpmnFlowElement,
  BpmnFlowNode,
  BpmnIntermediateCatchEvent,
  BpmnProcess,
  BpmnSequenceFlow,
  BpmnStartEvent,
  BpmnSubProcess,
  BpmnTimerEventDefinition,
  BpmndiBPMNShape,
  BpmndiBPMNEdge,
} from 'bpmn-moddle/types';
import type { ModdleElement } from 'moddle';
import { describe, expect, it } from 'vitest';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';
import { toBpmn } from '../../src/export/bpmn.ts';
import { birthResidenceInsurance } from '../../procedures/birth-residence-insurance.ts';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { kitchenSinkSpec } from '../support/specs.ts';
import { loadProcedures } from './procedures.ts';

type El<T> = ModdleElement<T>;

/** Parses with bpmn-moddle, failing on any warning (unknown element, unresolved reference…). */
async function parse(xml: string): Promise<ParseResult> {
  const result = await new BpmnModdle().fromXML(xml);
  expect(result.warnings.map((w) => w.message)).toEqual([]);
  return result;
}

/** The one process of the export, with its flow nodes and sequence flows. */
function processOf(result: ParseResult) {
  const roots = result.rootElement.rootElements ?? [];
  const process = roots.find((r) => r.$type === 'bpmn:Process') as El<BpmnProcess>;
  const elements: readonly El<BpmnFlowElement>[] = process.flowElements ?? [];
  const nodes = elements.filter((e) => e.$instanceOf('bpmn:FlowNode')) as El<BpmnFlowNode>[];
  const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow') as El<BpmnSequenceFlow>[];
  const lanes = process.laneSets?.[0]?.lanes ?? [];
  return { process, nodes, flows, lanes, roots };
}

function timer(event: El<BpmnIntermediateCatchEvent | BpmnBoundaryEvent | BpmnStartEvent>): string | undefined {
  const def = event.eventDefinitions?.find((d) => d.$type === 'bpmn:TimerEventDefinition') as El<BpmnTimerEventDefinition> | undefined;
  return def?.timeDuration?.body;
}

const docs = (el: { documentation?: readonly { text?: string }[] }) => (el.documentation ?? []).map((d) => d.text ?? '');

describe('toBpmn', () => {
  it('gives the land-use procedure one lane per agency, by name, plus the applicant', async () => {
    const { lanes } = processOf(await parse(await toBpmn(landUseRightFirst, { lang: 'en' })));
    expect(lanes.map((l) => l.name)).toEqual([
      'Applicant',
      'District one-stop desk',
      'Commune People’s Committee',
      'Land registration office (branch)',
      'Tax authority',
      'Certificate issuer',
    ]);
  });

  it('has no applicant lane when the applicant ends no interval', async () => {
    const { lanes } = processOf(await parse(await toBpmn(birthResidenceInsurance, { lang: 'en' })));
    expect(lanes.map((l) => l.name)).toEqual(Object.values(birthResidenceInsurance.agencies).map((a) => a.name.en));
  });

  it('puts every flow node in exactly one lane, the work in its agency and the payment in the applicant lane', async () => {
    const { nodes, lanes } = processOf(await parse(await toBpmn(landUseRightFirst, { lang: 'en' })));
    for (const node of nodes) {
      expect({ node: node.id, lanes: lanes.filter((l) => (l.flowNodeRef ?? []).includes(node)).length }).toEqual({ node: node.id, lanes: 1 });
    }
    const laneOf = (id: string) => lanes.find((l) => (l.flowNodeRef ?? []).some((n) => n.id === id))?.name;
    expect(laneOf('Task_verify-origin')).toBe('Commune People’s Committee');
    expect(laneOf('Timer_public-posting')).toBe('Commune People’s Committee');
    expect(laneOf('Task_tax-notice')).toBe('Tax authority');
    expect(laneOf('Task_pay-land-tax')).toBe('Applicant');
    expect(laneOf('Task_sign-certificate')).toBe('Certificate issuer');
    expect(laneOf('Start_receipt')).toBe('District one-stop desk');
    expect(laneOf('End_returned')).toBe('District one-stop desk');
  });

  it('connects every sequence flow to nodes of its own container, both ways', async () => {
    const { process } = processOf(await parse(await toBpmn(kitchenSinkSpec(), { lang: 'en' })));
    const subProcesses = (process.flowElements ?? []).filter((e) => e.$type === 'bpmn:SubProcess') as El<BpmnSubProcess>[];
    const containers: { flowElements?: El<BpmnFlowElement>[] }[] = [process, ...subProcesses];
    let count = 0;
    for (const container of containers) {
      const elements = container.flowElements ?? [];
      for (const flow of elements.filter((e) => e.$type === 'bpmn:SequenceFlow') as El<BpmnSequenceFlow>[]) {
        count++;
        expect(flow.sourceRef !== undefined && elements.includes(flow.sourceRef)).toBe(true);
        expect(flow.targetRef !== undefined && elements.includes(flow.targetRef)).toBe(true);
        expect(flow.sourceRef?.outgoing).toContain(flow);
        expect(flow.targetRef?.incoming).toContain(flow);
      }
    }
    expect(count).toBeGreaterThan(20);
  });

  it('times the public posting, the statutory limit and each deemed consent', async () => {
    const land = processOf(await parse(await toBpmn(landUseRightFirst, { lang: 'en' })));
    const posting = land.nodes.find((n) => n.id === 'Timer_public-posting') as El<BpmnIntermediateCatchEvent>;
    expect(posting.$type).toBe('bpmn:IntermediateCatchEvent');
    expect(timer(posting)).toBe('P15D');
    expect(docs(posting).join('\n')).toContain('Excluded from the limit (public-posting)');

    const deadline = land.nodes.find((n) => n.id === 'EventSubProcess_deadline') as El<BpmnSubProcess>;
    expect(deadline.triggeredByEvent).toBe(true);
    const start = deadline.flowElements?.find((e) => e.$type === 'bpmn:StartEvent') as El<BpmnStartEvent>;
    expect([timer(start), start.isInterrupting]).toEqual(['P20D', false]);
    expect(docs(deadline)).toEqual([
      'Statutory limit: 20wd (20 working days), date mode — Decree 101/2024/NĐ-CP on land registration and certificates, from 2024-08-01 — about 20 working days [?]; +10 wd for remote communes [uncertain]; P20D = 20 working days on the Vietnamese working calendar (ISO 8601 has no working days)',
      '+10wd when remoteCommune = true',
    ]);

    const sink = processOf(await parse(await toBpmn(kitchenSinkSpec(), { lang: 'en' })));
    const deemed = sink.nodes.filter((n) => n.$type === 'bpmn:BoundaryEvent') as El<BpmnBoundaryEvent>[];
    expect(deemed.map((b) => [b.name, b.attachedToRef?.id, b.attachedToRef?.name, b.cancelActivity, timer(b)])).toEqual([
      ['Deemed consent (after 3 working days)', 'Task_opinions_fire', 'Give an opinion: Opinions', true, 'P3D'],
    ]);
  });

  it('writes the legal references and the limit into the process documentation', async () => {
    const { process } = processOf(await parse(await toBpmn(landUseRightFirst)));
    expect(docs(process)).toEqual([
      'Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu / First registration and land-use-right certificate — land-use-right-first 2024.1, in force from 2024-08-01',
      'Statutory limit: 20wd (20 working days), date mode — Decree 101/2024/NĐ-CP on land registration and certificates, from 2024-08-01 — about 20 working days [?]; +10 wd for remote communes [uncertain]',
      'Legal basis: Land Law 2024 (31/2024/QH15), from 2024-08-01 [uncertain]',
      'Legal basis: Decree 101/2024/NĐ-CP on land registration and certificates, from 2024-08-01 [uncertain]',
    ]);
  });

  it('documents a step with both titles, its share and its legal basis', async () => {
    const { nodes } = processOf(await parse(await toBpmn(birthResidenceInsurance, { lang: 'en' })));
    const task = nodes.find((n) => n.id === 'Task_register-birth')!;
    expect([task.$type, task.name]).toEqual(['bpmn:UserTask', 'Register the birth']);
    expect(docs(task)).toEqual([
      [
        'Đăng ký khai sinh / Register the birth',
        'Agency: Công chức tư pháp - hộ tịch / Civil-status officer',
        'Share: 1wd (1 working day)',
        'Supplement requests: pause the clock, at most 1 per dossier',
        'Legal basis: Law on Civil Status 2014 Art. 16 [mem]',
      ].join('\n'),
    ]);
  });

  it('draws parallel nodes as parallel gateways and a branch as an exclusive gateway with conditions and a default', async () => {
    const { nodes, flows } = processOf(await parse(await toBpmn(kitchenSinkSpec(), { lang: 'en' })));
    const byId = (id: string) => nodes.find((n) => n.id === id)!;
    expect([byId('Fork_split').$type, byId('Join_split').$type]).toEqual(['bpmn:ParallelGateway', 'bpmn:ParallelGateway']);
    expect(byId('Fork_split').outgoing?.map((f) => f.targetRef?.id)).toEqual(['Task_tax-notice', 'Task_draft']);
    const decide = byId('Decide_remote-check') as El<BpmnExclusiveGateway>;
    expect(decide.$type).toBe('bpmn:ExclusiveGateway');
    const out = flows.filter((f) => f.sourceRef === decide);
    expect(out.map((f) => [f.name, f.targetRef?.id, f.conditionExpression?.body, decide.default === f])).toEqual([
      ['remote = true (+10 working days)', 'Task_survey', 'remote == true', false],
      ['otherwise', 'Merge_remote-check', undefined, true],
    ]);
    const ends = nodes.filter((n) => n.$type === 'bpmn:EndEvent').map((n) => n.name);
    expect(ends).toEqual(['Refused at receipt', 'Result returned']);
    const subEnds = nodes
      .filter((n) => n.$type === 'bpmn:SubProcess')
      .flatMap((s) => ((s as El<BpmnSubProcess>).flowElements ?? []).filter((e) => e.$type === 'bpmn:EndEvent').map((e) => e.name));
    expect(subEnds).toEqual(['Late', 'Withdrawn', 'Refused']);
  });

  it('lays out a diagram: a shape or edge for every element, lanes stacked, each node inside its lane', async () => {
    const result = await parse(await toBpmn(landUseRightFirst));
    const { process, nodes, flows, lanes, roots } = processOf(result);
    const plane = result.rootElement.diagrams?.[0]?.plane;
    expect(plane?.bpmnElement).toBe(roots.find((r) => r.$type === 'bpmn:Collaboration') as El<BpmnCollaboration>);
    const di = new Map((plane?.planeElement ?? []).map((d) => [(d as El<BpmndiBPMNShape>).bpmnElement, d as El<BpmndiBPMNShape & BpmndiBPMNEdge>]));
    const inner = nodes.filter((n) => n.$type === 'bpmn:SubProcess').flatMap((s) => (s as El<BpmnSubProcess>).flowElements ?? []);
    for (const el of [...nodes, ...flows, ...lanes, ...inner]) expect({ id: el.id, di: di.has(el) }).toEqual({ id: el.id, di: true });
    expect(di.get(process)).toBeUndefined();

    const laneBounds = lanes.map((l) => di.get(l)!.bounds!);
    laneBounds.forEach((b, i) => {
      expect(b.y).toBe(i === 0 ? 0 : laneBounds[i - 1]!.y! + laneBounds[i - 1]!.height!);
    });
    for (const lane of lanes) {
      const band = di.get(lane)!.bounds!;
      for (const node of lane.flowNodeRef ?? []) {
        const b = di.get(node)!.bounds!;
        expect({ node: node.id, inside: b.y! >= band.y! && b.y! + b.height! <= band.y! + band.height! }).toEqual({ node: node.id, inside: true });
      }
    }
    const xs = nodes.filter((n) => n.$type !== 'bpmn:BoundaryEvent' && n.$type !== 'bpmn:SubProcess').map((n) => di.get(n)!.bounds!.x!);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('survives a round trip through bpmn-moddle', async () => {
    const xml = await toBpmn(landUseRightFirst);
    const first = await parse(xml);
    const { xml: again } = await new BpmnModdle().toXML(first.rootElement, { format: true });
    const second = await parse(again);
    expect(Object.keys(second.elementsById).sort()).toEqual(Object.keys(first.elementsById).sort());
    expect(again).toBe(xml);
  });

  it('exports every procedure in procedures/ in both languages without a warning', async () => {
    const all = await loadProcedures();
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const { name, spec } of all) {
      for (const lang of ['vi', 'en'] as const) {
        const result = await new BpmnModdle().fromXML(await toBpmn(spec as ProcedureSpec, { lang }));
        expect({ name, lang, warnings: result.warnings.map((w) => w.message) }).toEqual({ name, lang, warnings: [] });
        const { nodes, lanes } = processOf(result);
        expect(lanes.length).toBe(Object.keys(spec.agencies).length + (lanes.some((l) => l.id === 'Lane_applicant') ? 1 : 0));
        for (const node of nodes) expect(lanes.filter((l) => (l.flowNodeRef ?? []).includes(node)).length).toBe(1);
      }
    }
  });

  it('is deterministic', async () => {
    expect(await toBpmn(kitchenSinkSpec())).toBe(await toBpmn(kitchenSinkSpec()));
  });
});
