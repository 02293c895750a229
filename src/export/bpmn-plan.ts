import type { BranchNode, ConsultNode, ExcludedNode, FlowNode, ParallelNode, ProcedureSpec, StepNode } from '../dsl/spec.ts';
import { supplementsPerOn } from '../dsl/one-stop-rules.ts';
import { extensions, refText, timerNote } from './bpmn-docs.ts';
import { describeDuration, isoDuration } from './durations.ts';
import { IdAllocator } from './ids.ts';
import { type ExportLang, type Word, atMostTimes, partyName, word } from './words.ts';
import { FlowWalker } from './flow-walker.ts';

// The BPMN process of a procedure as plain data (ids, lanes, nodes in flow order, flows), before
// it becomes bpmn-moddle elements and diagram shapes: what the process says is decided here, how
// it looks in `bpmn-layout.ts`, the XML in `bpmn.ts`.

export type PlanNodeType = 'startEvent' | 'endEvent' | 'userTask' | 'parallelGateway' | 'exclusiveGateway' | 'intermediateCatchEvent' | 'boundaryEvent';

export type Trigger = { readonly kind: 'timer'; readonly duration: string } | { readonly kind: 'message'; readonly message: string };

export interface PlanNode {
  readonly id: string;
  readonly type: PlanNodeType;
  readonly name: string;
  readonly lane: string;
  readonly docs: readonly string[];
  readonly trigger?: Trigger;
  /** The task a boundary event sits on. */
  readonly attachedTo?: string;
  /** `false` for a non-interrupting start event; boundary events here always interrupt. */
  readonly interrupting?: boolean;
  readonly direction?: 'Diverging' | 'Converging';
  /** `below` puts a side exit (refusal at receipt, the completion loop) under the main line. */
  readonly row?: 'below';
  /** The flow an exclusive gateway takes when no condition holds. */
  default?: string;
}

export interface PlanFlow {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly name?: string;
  readonly condition?: string;
}

/** An event sub-process (deadline, withdrawal, refusal): a start event and an end event. */
export interface PlanSubProcess {
  readonly id: string;
  readonly name: string;
  readonly lane: string;
  readonly docs: readonly string[];
  readonly nodes: readonly PlanNode[];
  readonly flows: readonly PlanFlow[];
}

export interface PlanLane {
  readonly id: string;
  readonly name: string;
}

/** A message that starts or resumes the process: completed papers, withdrawal, refusal. */
export interface PlanMessage {
  readonly id: string;
  readonly name: string;
}

export interface ProcessPlan {
  readonly id: string;
  readonly name: string;
  readonly docs: readonly string[];
  readonly lanes: readonly PlanLane[];
  /** In flow order; the layout puts them left to right in this order. */
  readonly nodes: readonly PlanNode[];
  readonly flows: readonly PlanFlow[];
  readonly subProcesses: readonly PlanSubProcess[];
  readonly messages: readonly PlanMessage[];
}

interface Exit {
  readonly from: string;
  readonly name?: string;
  readonly condition?: string;
  readonly isDefault?: boolean;
}

/** XML ids are NCNames: a letter or `_` first, then letters, digits, `_`, `-`, `.`. */
export const ncName = (raw: string): string => raw.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^(?![A-Za-z_])/, '_');

class PlanBuilder extends FlowWalker<Exit> {
  readonly nodes: PlanNode[] = [];
  readonly flows: PlanFlow[] = [];
  readonly lanes: PlanLane[] = [];
  readonly ids = new IdAllocator(ncName);
  readonly #laneOf = new Map<string, string>();
  readonly #spec: ProcedureSpec;
  readonly #lang: ExportLang;
  /** The lane of the last node: a gateway sits in the lane of what comes before it. */
  #current: string;

  constructor(spec: ProcedureSpec, lang: ExportLang) {
    super();
    this.#spec = spec;
    this.#lang = lang;
    const parties = [...(usesApplicant(spec.flow) ? ['applicant'] : []), ...Object.keys(spec.agencies)];
    for (const party of parties) {
      const id = this.ids.take(`Lane_${party}`);
      this.#laneOf.set(party, id);
      this.lanes.push({ id, name: partyName(spec, party, lang) });
    }
    this.#current = this.lane(spec.receipt.desk);
  }

  t(key: Word): string {
    return word(key, this.#lang);
  }

  lane(party: string): string {
    return this.#laneOf.get(party)!;
  }

  add(key: string, node: Omit<PlanNode, 'id'>): string {
    const id = this.ids.take(key);
    this.nodes.push({ id, ...node });
    if (node.type !== 'boundaryEvent') this.#current = node.lane;
    return id;
  }

  gateway(key: string, type: 'parallelGateway' | 'exclusiveGateway', direction: 'Diverging' | 'Converging', name: string, lane = this.#current): string {
    return this.add(key, { type, name, lane, docs: [], direction });
  }

  connect(exits: readonly Exit[], target: string): void {
    for (const e of exits) {
      const id = this.ids.take(`Flow_${e.from}_${target}`);
      this.flows.push({ id, source: e.from, target, ...(e.name === undefined ? {} : { name: e.name }), ...(e.condition === undefined ? {} : { condition: e.condition }) });
      if (e.isDefault === true) this.nodes.find((n) => n.id === e.from)!.default = id;
    }
  }

  step(node: StepNode, pending: readonly Exit[]): readonly Exit[] {
    const agency = this.#spec.agencies[node.agency]!.name;
    const c = this.#spec.clock;
    const docs = [
      `${node.title.vi} / ${node.title.en}`,
      `Agency: ${agency.vi} / ${agency.en}${node.role === undefined ? '' : `, role ${node.role}`}`,
      `Share: ${node.share} (${describeDuration(node.share, 'en')})`,
      `Supplement requests: ${c.supplement} the clock, at most ${c.maxSupplementsPerAgency} per ${supplementsPerOn(c, this.#spec.effectiveFrom)}`,
      ...(node.ref === undefined ? [] : [`Legal basis: ${refText(node.ref)}`]),
    ];
    const id = this.add(`Task_${node.id}`, { type: 'userTask', name: node.title[this.#lang], lane: this.lane(node.agency), docs: [docs.join('\n')] });
    this.connect(pending, id);
    return [{ from: id }];
  }

  parallel(node: ParallelNode, pending: readonly Exit[]): readonly Exit[] {
    const name = node.title?.[this.#lang] ?? `${this.t('parallel')} — ${node.id}`;
    const lane = this.#current;
    const fork = this.gateway(`Fork_${node.id}`, 'parallelGateway', 'Diverging', name, lane);
    this.connect(pending, fork);
    const ends = node.branches.flatMap((branch) => this.sequence(branch, [{ from: fork }]));
    const join = this.gateway(`Join_${node.id}`, 'parallelGateway', 'Converging', '', lane);
    this.connect(ends, join);
    return [{ from: join }];
  }

  branch(node: BranchNode, pending: readonly Exit[]): readonly Exit[] {
    const field = this.#spec.dossier[node.field];
    const lane = this.#current;
    const decide = this.gateway(`Decide_${node.id}`, 'exclusiveGateway', 'Diverging', `${field?.label[this.#lang] ?? node.field}?`, lane);
    this.connect(pending, decide);
    const extend = (amount: string | undefined) => (amount === undefined ? '' : ` (+${describeDuration(amount, this.#lang)})`);
    const exits = node.cases.flatMap((c) =>
      this.sequence(c.flow, [{ from: decide, name: `${node.field} = ${String(c.when)}${extend(c.extendLimit)}`, condition: `${node.field} == ${JSON.stringify(c.when)}` }]),
    );
    if (node.otherwise !== undefined) {
      exits.push(...this.sequence(node.otherwise.flow, [{ from: decide, name: `${this.t('otherwise')}${extend(node.otherwise.extendLimit)}`, isDefault: true }]));
    }
    const merge = this.gateway(`Merge_${node.id}`, 'exclusiveGateway', 'Converging', '', lane);
    this.connect(exits, merge);
    return [{ from: merge }];
  }

  consult(node: ConsultNode, pending: readonly Exit[]): readonly Exit[] {
    const lead = this.lane(node.lead);
    const fork = this.gateway(`Fork_${node.id}`, 'parallelGateway', 'Diverging', node.title[this.#lang], lead);
    this.connect(pending, fork);
    const within = `${node.answerWithin} (${describeDuration(node.answerWithin, 'en')})`;
    const leadName = this.#spec.agencies[node.lead]!.name.en;
    const ends = node.consulted.map((agency): Exit => {
      const docs = [`${node.title.vi} / ${node.title.en}`, `Consulted by ${leadName}; answer within ${within}${node.deemedConsent ? ', or deemed to consent' : ''}`];
      if (node.ref !== undefined) docs.push(`Legal basis: ${refText(node.ref)}`);
      const task = this.add(`Task_${node.id}_${agency}`, { type: 'userTask', name: `${this.t('opinion')}: ${node.title[this.#lang]}`, lane: this.lane(agency), docs: [docs.join('\n')] });
      this.connect([{ from: fork }], task);
      if (!node.deemedConsent) return { from: task };
      const timer = this.add(`Timer_${node.id}_${agency}`, {
        type: 'boundaryEvent',
        name: `${this.t('deemed')} (${this.t('after')} ${describeDuration(node.answerWithin, this.#lang)})`,
        lane: this.lane(agency),
        docs: [`Deemed consent when no answer comes in time: ${timerNote(node.answerWithin)}`],
        trigger: { kind: 'timer', duration: isoDuration(node.answerWithin) },
        attachedTo: task,
        interrupting: true,
      });
      const merge = this.gateway(`Answer_${node.id}_${agency}`, 'exclusiveGateway', 'Converging', '', this.lane(agency));
      this.connect([{ from: task }, { from: timer }], merge);
      return { from: merge };
    });
    const join = this.gateway(`Join_${node.id}`, 'parallelGateway', 'Converging', '', lead);
    this.connect(ends, join);
    return [{ from: join }];
  }

  excluded(node: ExcludedNode, pending: readonly Exit[]): readonly Exit[] {
    const party = partyName(this.#spec, node.party, 'en');
    const docs = [`${node.title.vi} / ${node.title.en}`, `Excluded from the limit (${node.reason})`];
    docs.push(node.lasts === undefined ? `Ended by ${party}` : `Lasts ${node.lasts}: ${timerNote(node.lasts)}`);
    if (node.ref !== undefined) docs.push(`Legal basis: ${refText(node.ref)}`);
    const base = { name: node.title[this.#lang], lane: this.lane(node.party), docs: [docs.join('\n')] };
    const id =
      node.lasts === undefined
        ? this.add(`Task_${node.id}`, { type: 'userTask', ...base })
        : this.add(`Timer_${node.id}`, { type: 'intermediateCatchEvent', ...base, trigger: { kind: 'timer', duration: isoDuration(node.lasts) } });
    this.connect(pending, id);
    return [{ from: id }];
  }
}

function usesApplicant(nodes: readonly FlowNode[]): boolean {
  return nodes.some((n) => {
    switch (n.kind) {
      case 'excluded':
        return n.party === 'applicant';
      case 'parallel':
        return n.branches.some(usesApplicant);
      case 'branch':
        return n.cases.some((c) => usesApplicant(c.flow)) || (n.otherwise !== undefined && usesApplicant(n.otherwise.flow));
      default:
        return false;
    }
  });
}

/** The receipt at the desk, the flow, the return; deadline, withdrawal and refusal as event sub-processes. */
export function planProcess(spec: ProcedureSpec, lang: ExportLang): ProcessPlan {
  const b = new PlanBuilder(spec, lang);
  const desk = b.lane(spec.receipt.desk);
  const r = spec.receipt;
  const start = b.add('Start_receipt', { type: 'startEvent', name: b.t('received'), lane: desk, docs: [`Channels: ${r.channels.join(', ')}`] });
  const checkDocs = [`Completeness check; one request lists every missing paper, at most ${r.maxCompletionRequests}`, ...(r.ref === undefined ? [] : [`Legal basis: ${refText(r.ref)}`])];
  const check = b.add('Task_receive', { type: 'userTask', name: b.t('receiving'), lane: desk, docs: [checkDocs.join('\n')] });
  b.connect([{ from: start }], check);
  const complete = b.gateway('Decide_complete', 'exclusiveGateway', 'Diverging', b.t('complete'), desk);
  b.connect([{ from: check }], complete);
  const refusedAtReceipt = b.add('End_refusedAtReceipt', { type: 'endEvent', name: b.t('refusedAtReceipt'), lane: desk, docs: [], row: 'below' });
  b.connect([{ from: complete, name: b.t('refusedAtReceipt'), condition: 'decision == "refuse"' }], refusedAtReceipt);
  const messages: PlanMessage[] = [];
  const message = (key: string, name: string): string => {
    const id = b.ids.take(key);
    messages.push({ id, name });
    return id;
  };
  if (r.maxCompletionRequests > 0) {
    const supplied = b.add('Event_completed', {
      type: 'intermediateCatchEvent',
      name: b.t('completionSupplied'),
      lane: desk,
      docs: [],
      trigger: { kind: 'message', message: message('Message_completed', b.t('completionSupplied')) },
      row: 'below',
    });
    b.connect([{ from: complete, name: `${b.t('awaitingCompletion')} (${atMostTimes(r.maxCompletionRequests, lang)})`, condition: 'decision == "request-completion"' }], supplied);
    b.connect([{ from: supplied }], check);
  }
  const transfer = b.add('Task_transfer', {
    type: 'userTask',
    name: b.t('transferring'),
    lane: desk,
    docs: [
      r.handover === 'immediate'
        ? 'The desk officer handles the dossier at once (no handover)'
        : `Paper dossiers received at or after ${r.transferCutoff} go at the start of the next working day; online dossiers at once`,
    ],
  });
  b.connect([{ from: complete, name: b.t('accept'), isDefault: true }], transfer);
  const ends = b.sequence(spec.flow, [{ from: transfer }]);
  const giveBack = b.add('Task_return', { type: 'userTask', name: b.t('returnResult'), lane: desk, docs: [] });
  b.connect(ends, giveBack);
  const returned = b.add('End_returned', { type: 'endEvent', name: b.t('returned'), lane: desk, docs: [`The applicant may rate the service within ${spec.result.ratingWindow}; the case closes then`] });
  b.connect([{ from: giveBack }], returned);

  const limitText = `Statutory limit: ${spec.limit.duration} (${describeDuration(spec.limit.duration, 'en')}), ${spec.limit.mode} mode — ${refText(spec.limit.ref)}`;
  const sub = (key: string, name: string, trigger: Trigger, interrupting: boolean, endName: string, docs: readonly string[]): PlanSubProcess => {
    const id = b.ids.take(`EventSubProcess_${key}`);
    const s = b.ids.take(`Start_${key}`);
    const e = b.ids.take(`End_${key}`);
    return {
      id,
      name,
      lane: desk,
      docs,
      nodes: [
        { id: s, type: 'startEvent', name, lane: desk, docs: [], trigger, interrupting },
        { id: e, type: 'endEvent', name: endName, lane: desk, docs: [] },
      ],
      flows: [{ id: b.ids.take(`Flow_${s}_${e}`), source: s, target: e }],
    };
  };
  const subProcesses = [
    sub('deadline', b.t('deadline'), { kind: 'timer', duration: isoDuration(spec.limit.duration) }, false, b.t('late'), [`${limitText}; ${timerNote(spec.limit.duration)}`, ...extensions(spec.flow)]),
    sub('withdrawal', b.t('withdrawal'), { kind: 'message', message: message('Message_withdrawal', b.t('withdrawal')) }, true, b.t('withdrawn'), []),
    sub('refusal', b.t('refusal'), { kind: 'message', message: message('Message_refusal', b.t('refusal')) }, true, b.t('refused'), []),
  ];
  const docs = [
    `${spec.title.vi} / ${spec.title.en} — ${spec.id} ${spec.version}, in force from ${spec.effectiveFrom}`,
    limitText,
    ...spec.legal.map((ref) => `Legal basis: ${refText(ref)}`),
  ];
  return { id: spec.id, name: spec.title[lang], docs, lanes: b.lanes, nodes: b.nodes, flows: b.flows, subProcesses, messages };
}
