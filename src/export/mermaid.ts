import type { BranchNode, ConsultNode, ExcludedNode, FlowNode, ParallelNode, ProcedureSpec, StepNode } from '../dsl/spec.ts';
import type { CaseEventType } from '../compile/types.ts';
import { t as tr } from '../i18n/translate.ts';
import { describeDuration } from './durations.ts';
import { IdAllocator } from './ids.ts';
import { type ExportLang, type ExportOptions, atMostTimes, partyName, word } from './words.ts';

/**
 * Text made safe for a Mermaid label. Mermaid decodes `#58;`-style entity codes in every label
 * before rendering; a raw `"` would end a state description, `:` and `;` a transition label, and
 * `#`, `%`, `<`, `>`, `&` (an entity in its HTML labels), braces and backticks mean something to
 * its lexer or its HTML labels.
 * Vietnamese letters pass through unchanged.
 *
 * @example
 * mermaidText('Nộp tiền: "lệ phí"') // → 'Nộp tiền#58; #34;lệ phí#34;'
 */
export function mermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#":;%<>{}`&]/g, (c) => `#${c.codePointAt(0)};`);
}

/** A transition still to be drawn: from a state to whatever comes next, with its label. */
interface Exit {
  readonly from: string;
  readonly label?: string;
}

const START: readonly Exit[] = [{ from: '[*]' }];
const INDENT = '    ';

/** Writes the diagram line by line; the flow's states nest inside `processing`, as in the machine. */
class MermaidWriter {
  readonly lines: string[] = ['stateDiagram-v2'];
  readonly #ids = new IdAllocator((raw) => raw.replace(/[^A-Za-z0-9_]/g, '_'));
  readonly #spec: ProcedureSpec;
  readonly #lang: ExportLang;

  constructor(spec: ProcedureSpec, lang: ExportLang) {
    this.#spec = spec;
    this.#lang = lang;
  }

  /** Lifecycle state ids are taken first so that no flow node can get one of them. */
  reserve(ids: readonly string[]): void {
    for (const id of ids) this.#ids.take(id);
  }

  line(depth: number, text: string): void {
    this.lines.push(`${INDENT.repeat(depth)}${text}`);
  }

  state(depth: number, id: string, label: string): void {
    this.line(depth, `state "${mermaidText(label)}" as ${id}`);
  }

  edge(depth: number, from: string, to: string, label?: string): void {
    this.line(depth, label === undefined ? `${from} --> ${to}` : `${from} --> ${to} : ${mermaidText(label)}`);
  }

  connect(depth: number, exits: readonly Exit[], to: string): void {
    for (const e of exits) this.edge(depth, e.from, to, e.label);
  }

  /** A composite state whose regions run concurrently, separated by `--`. */
  composite(depth: number, id: string, regions: readonly ((depth: number) => void)[]): void {
    this.line(depth, `state ${id} {`);
    regions.forEach((region, i) => {
      if (i > 0) this.line(depth + 1, '--');
      region(depth + 1);
    });
    this.line(depth, '}');
  }

  /** Draws a sequence of flow nodes; returns the transitions that leave its last node. */
  sequence(nodes: readonly FlowNode[], depth: number, entry: readonly Exit[]): readonly Exit[] {
    let pending = entry;
    for (const node of nodes) pending = this.node(node, depth, pending);
    return pending;
  }

  /** A whole region: from its initial pseudo-state to its final one. */
  region(nodes: readonly FlowNode[]): (depth: number) => void {
    return (depth) => this.connect(depth, this.sequence(nodes, depth, START), '[*]');
  }

  node(node: FlowNode, depth: number, pending: readonly Exit[]): readonly Exit[] {
    switch (node.kind) {
      case 'step':
        return this.step(node, depth, pending);
      case 'parallel':
        return this.parallel(node, depth, pending);
      case 'branch':
        return this.branch(node, depth, pending);
      case 'consult':
        return this.consult(node, depth, pending);
      case 'excluded':
        return this.excluded(node, depth, pending);
    }
  }

  step(node: StepNode, depth: number, pending: readonly Exit[]): readonly Exit[] {
    const id = this.#ids.take(`step_${node.id}`);
    this.state(depth, id, `${node.title[this.#lang]} — ${this.party(node.agency)} · ${this.duration(node.share)}`);
    this.connect(depth, pending, id);
    return [{ from: id }];
  }

  parallel(node: ParallelNode, depth: number, pending: readonly Exit[]): readonly Exit[] {
    const id = this.#ids.take(`parallel_${node.id}`);
    this.state(depth, id, node.title?.[this.#lang] ?? `${word('parallel', this.#lang)} — ${node.id}`);
    this.composite(depth, id, node.branches.map((branch) => this.region(branch)));
    this.connect(depth, pending, id);
    return [{ from: id }];
  }

  branch(node: BranchNode, depth: number, pending: readonly Exit[]): readonly Exit[] {
    const id = this.#ids.take(`branch_${node.id}`);
    this.line(depth, `state ${id} <<choice>>`);
    this.connect(depth, pending, id);
    const extend = (amount: string | undefined) => (amount === undefined ? '' : ` (+${this.duration(amount)})`);
    const exits = node.cases.flatMap((c) => this.sequence(c.flow, depth, [{ from: id, label: `${node.field} = ${String(c.when)}${extend(c.extendLimit)}` }]));
    if (node.otherwise !== undefined) {
      exits.push(...this.sequence(node.otherwise.flow, depth, [{ from: id, label: `${word('otherwise', this.#lang)}${extend(node.otherwise.extendLimit)}` }]));
    }
    return exits;
  }

  consult(node: ConsultNode, depth: number, pending: readonly Exit[]): readonly Exit[] {
    const id = this.#ids.take(`consult_${node.id}`);
    const within = this.duration(node.answerWithin);
    this.state(depth, id, `${node.title[this.#lang]} — ${this.party(node.lead)} · ${word('answerWithin', this.#lang)} ${within}`);
    const regions = node.consulted.map((agency) => (d: number) => {
      const waiting = this.#ids.take(`${id}_${agency}_waiting`);
      const answered = this.#ids.take(`${id}_${agency}_answered`);
      this.state(d, waiting, `${word('awaitingAnswer', this.#lang)} — ${this.party(agency)}`);
      this.state(d, answered, word('answered', this.#lang));
      this.edge(d, '[*]', waiting);
      this.edge(d, waiting, answered, this.event('ANSWER'));
      this.edge(d, answered, '[*]');
      if (node.deemedConsent) {
        const deemed = this.#ids.take(`${id}_${agency}_deemed`);
        this.state(d, deemed, word('deemed', this.#lang));
        this.edge(d, waiting, deemed, `${this.event('TIMER')} (${word('after', this.#lang)} ${within})`);
        this.edge(d, deemed, '[*]');
      }
    });
    this.composite(depth, id, regions);
    this.connect(depth, pending, id);
    return [{ from: id }];
  }

  excluded(node: ExcludedNode, depth: number, pending: readonly Exit[]): readonly Exit[] {
    const id = this.#ids.take(`excluded_${node.id}`);
    const lasts = node.lasts === undefined ? '' : ` (${this.duration(node.lasts)})`;
    this.state(depth, id, `${node.title[this.#lang]} — ${this.party(node.party)} · ${word('excluded', this.#lang)}${lasts}`);
    this.connect(depth, pending, id);
    return [{ from: id, label: node.lasts === undefined ? `${this.event('FINISH_INTERVAL')} (${this.party(node.party)})` : `${this.event('TIMER')}${lasts}` }];
  }

  /** An event by the API's name in English, by what a person does in Vietnamese (as the lifecycle's edges). */
  event(type: CaseEventType): string {
    return eventWord(type, this.#lang);
  }

  party(id: string): string {
    return partyName(this.#spec, id, this.#lang);
  }

  duration(text: string): string {
    return describeDuration(text, this.#lang);
  }
}

const LIFECYCLE = ['receiving', 'awaitingCompletion', 'transferring', 'processing', 'resultReady', 'returned', 'rated', 'closed', 'refused', 'refusedAtReceipt', 'withdrawn', 'withdrawalClosed'];

/**
 * The procedure's lifecycle as a Mermaid `stateDiagram-v2`, state for state as the compiled machine
 * has it: receipt (with the completion loop when the desk may ask for missing papers), transfer,
 * the flow inside `processing` (steps labelled with agency and share, parallel nodes as concurrent
 * composites, branches as `<<choice>>` states with their guards, consultations with one region per
 * consulted agency, excluded intervals), then result ready, returned, rated or closed, and the final
 * states refused, refused at receipt and withdrawn. Transitions carry the machine's event names.
 * Pure: the same spec always gives the same text.
 *
 * @example
 * const text = toMermaid(landUseRightFirst, { lang: 'en' });
 * text.split('\n')[0] // → 'stateDiagram-v2'
 */
export function toMermaid(spec: ProcedureSpec, options: ExportOptions = {}): string {
  const lang = options.lang ?? 'vi';
  const w = new MermaidWriter(spec, lang);
  w.reserve(LIFECYCLE);
  const t = (key: Parameters<typeof word>[0]) => word(key, lang);
  const completion = spec.receipt.maxCompletionRequests > 0;

  w.state(1, 'receiving', `${t('receiving')} — ${partyName(spec, spec.receipt.desk, lang)}`);
  if (completion) w.state(1, 'awaitingCompletion', t('awaitingCompletion'));
  w.state(1, 'transferring', t('transferring'));
  w.state(1, 'processing', `${t('processing')} — ${t('limit')} ${describeDuration(spec.limit.duration, lang)}`);
  w.composite(1, 'processing', [w.region(spec.flow)]);
  w.state(1, 'resultReady', t('resultReady'));
  w.state(1, 'returned', t('returned'));
  w.state(1, 'rated', t('rated'));
  w.state(1, 'closed', t('closed'));
  w.state(1, 'refused', t('refused'));
  w.state(1, 'refusedAtReceipt', t('refusedAtReceipt'));
  w.state(1, 'withdrawn', t('withdrawn'));
  w.state(1, 'withdrawalClosed', t('withdrawalClosed'));

  // Events by the API's names in English, by what a person does in Vietnamese.
  const e = (type: CaseEventType) => eventWord(type, lang);
  w.edge(1, '[*]', 'receiving');
  if (completion) {
    w.edge(1, 'receiving', 'awaitingCompletion', `${e('REQUEST_COMPLETION')} (${atMostTimes(spec.receipt.maxCompletionRequests, lang)})`);
    w.edge(1, 'awaitingCompletion', 'receiving', e('SUPPLY'));
  }
  w.edge(1, 'receiving', 'transferring', e('ACCEPT'));
  w.edge(1, 'receiving', 'refusedAtReceipt', e('REFUSE'));
  const transfer = spec.receipt.handover === 'immediate' ? t('immediate') : spec.receipt.channels.includes('online') ? `${e('TRANSFER')} / ${t('online')}` : e('TRANSFER');
  w.edge(1, 'transferring', 'processing', transfer);
  w.edge(1, 'processing', 'resultReady');
  w.edge(1, 'processing', 'refused', e('REFUSE'));
  for (const from of ['receiving', ...(completion ? ['awaitingCompletion'] : []), 'transferring', 'processing']) w.edge(1, from, 'withdrawn', e('WITHDRAW'));
  w.edge(1, 'resultReady', 'returned', e('RETURN_RESULT'));
  w.edge(1, 'returned', 'rated', e('RATE'));
  w.edge(1, 'returned', 'closed', `${e('TIMER')} (${describeDuration(spec.result.ratingWindow, lang)})`);
  w.edge(1, 'withdrawn', 'withdrawalClosed', e('WITHDRAW'));
  for (const final of ['rated', 'closed', 'refused', 'refusedAtReceipt', 'withdrawalClosed']) w.edge(1, final, '[*]');
  return `${w.lines.join('\n')}\n`;
}

/** Events by the API's names in English, by what a person does in Vietnamese. */
function eventWord(type: CaseEventType, lang: ExportLang): string {
  return lang === 'en' ? type : tr(lang, `event.${type}`);
}
