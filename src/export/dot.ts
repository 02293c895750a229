import type { BranchNode, ConsultNode, ExcludedNode, FlowNode, ParallelNode, ProcedureSpec, StepNode } from '../dsl/spec.ts';
import { t as tr } from '../i18n/translate.ts';
import { citeRef } from '../legal.ts';
import { describeDuration } from './durations.ts';
import { IdAllocator } from './ids.ts';
import { type ExportLang, type ExportOptions, partyName, word } from './words.ts';
import { FlowWalker } from './flow-walker.ts';

/**
 * A Graphviz quoted string: backslashes and quotes escaped, `&` written `&amp;` (Graphviz decodes
 * HTML entities in every label, so `&lt;` would be drawn as `<`), line breaks written as `\n` (a
 * centred line in a label). Every id and label goes through it, so Vietnamese text, quotes, `->` or a
 * keyword such as `node` are safe.
 *
 * @example
 * dotString('Ký "GCN"\nlần đầu') // → '"Ký \\"GCN\\"\\nlần đầu"'
 */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

type Attrs = Readonly<Record<string, string>>;

function attrList(attrs: Attrs): string {
  return Object.entries(attrs)
    .map(([k, v]) => `${k}=${dotString(v)}`)
    .join(', ');
}

interface Exit {
  readonly from: string;
  readonly label?: string;
}

const WORK: Attrs = { shape: 'box', style: 'rounded' };
const EXCLUDED: Attrs = { shape: 'box', style: 'rounded,dashed' };
const DESK: Attrs = { shape: 'box', style: 'rounded,bold' };
const DIAMOND: Attrs = { shape: 'diamond', fixedsize: 'true', width: '0.35', height: '0.35' };

/** Collects node statements per cluster (agency or applicant) and the edges between them. */
class DotWriter extends FlowWalker<Exit> {
  readonly clusters = new Map<string, string[]>();
  readonly loose: string[] = [];
  readonly edges: string[] = [];
  readonly #ids = new IdAllocator();
  readonly #spec: ProcedureSpec;
  readonly #lang: ExportLang;

  constructor(spec: ProcedureSpec, lang: ExportLang) {
    super();
    this.#spec = spec;
    this.#lang = lang;
    for (const agency of Object.keys(spec.agencies)) this.clusters.set(agency, []);
  }

  /** A node in `party`'s cluster, or outside every cluster when `party` is undefined. */
  node(party: string | undefined, key: string, label: string, attrs: Attrs): string {
    const id = this.#ids.take(key);
    const statement = `${dotString(id)} [${attrList({ ...attrs, label })}];`;
    if (party === undefined) this.loose.push(statement);
    else {
      if (!this.clusters.has(party)) this.clusters.set(party, []);
      this.clusters.get(party)!.push(statement);
    }
    return id;
  }

  edge(from: string, to: string, label?: string): void {
    this.edges.push(`${dotString(from)} -> ${dotString(to)}${label === undefined ? '' : ` [${attrList({ label })}]`};`);
  }

  connect(exits: readonly Exit[], to: string): void {
    for (const e of exits) this.edge(e.from, to, e.label);
  }

  step(node: StepNode, pending: readonly Exit[]): readonly Exit[] {
    const id = this.node(node.agency, `step:${node.id}`, `${node.title[this.#lang]}\n${this.duration(node.share)}`, WORK);
    this.connect(pending, id);
    return [{ from: id }];
  }

  parallel(node: ParallelNode, pending: readonly Exit[]): readonly Exit[] {
    const title = node.title?.[this.#lang] ?? node.id;
    const fork = this.node(undefined, `fork:${node.id}`, '+', { ...DIAMOND, tooltip: title });
    this.connect(pending, fork);
    const ends = node.branches.flatMap((branch) => this.sequence(branch, [{ from: fork }]));
    const join = this.node(undefined, `join:${node.id}`, '+', { ...DIAMOND, tooltip: title });
    this.connect(ends, join);
    return [{ from: join }];
  }

  branch(node: BranchNode, pending: readonly Exit[]): readonly Exit[] {
    const decide = this.node(undefined, `decide:${node.id}`, '×', { ...DIAMOND, tooltip: node.title?.[this.#lang] ?? node.field });
    this.connect(pending, decide);
    const extend = (amount: string | undefined) => (amount === undefined ? '' : `\n+${this.duration(amount)}`);
    const exits = node.cases.flatMap((c) => this.sequence(c.flow, [{ from: decide, label: `${node.field} = ${String(c.when)}${extend(c.extendLimit)}` }]));
    if (node.otherwise !== undefined) {
      exits.push(...this.sequence(node.otherwise.flow, [{ from: decide, label: `${word('otherwise', this.#lang)}${extend(node.otherwise.extendLimit)}` }]));
    }
    return exits;
  }

  consult(node: ConsultNode, pending: readonly Exit[]): readonly Exit[] {
    const within = `${word('answerWithin', this.#lang)} ${this.duration(node.answerWithin)}`;
    const ask = this.node(node.lead, `consult:${node.id}`, `${node.title[this.#lang]}\n${within}`, WORK);
    this.connect(pending, ask);
    const deemed = node.deemedConsent ? `\n${word('deemed', this.#lang)}: ${word('after', this.#lang)} ${this.duration(node.answerWithin)}` : '';
    const answers = node.consulted.map((agency) => {
      const answer = this.node(agency, `answer:${node.id}:${agency}`, `${word('opinion', this.#lang)}: ${node.title[this.#lang]}${deemed}`, WORK);
      this.edge(ask, answer);
      return { from: answer };
    });
    const join = this.node(undefined, `join:${node.id}`, '+', { ...DIAMOND, tooltip: node.title[this.#lang] });
    this.connect(answers, join);
    return [{ from: join }];
  }

  excluded(node: ExcludedNode, pending: readonly Exit[]): readonly Exit[] {
    const lasts = node.lasts === undefined ? '' : ` · ${this.duration(node.lasts)}`;
    const id = this.node(node.party, `excluded:${node.id}`, `${node.title[this.#lang]}\n(${word('excluded', this.#lang)}${lasts})`, EXCLUDED);
    this.connect(pending, id);
    return [{ from: id }];
  }

  duration(text: string): string {
    return describeDuration(text, this.#lang);
  }

  /** The whole graph; a cluster with no node gets a placeholder, so every agency shows. */
  render(label: string): string {
    const lines = [`digraph ${dotString(this.#spec.id)} {`];
    lines.push(`  graph [${attrList({ rankdir: 'LR', label, labelloc: 't', fontname: 'Helvetica' })}];`);
    lines.push(`  node [${attrList({ fontname: 'Helvetica', fontsize: '11' })}];`);
    lines.push(`  edge [${attrList({ fontname: 'Helvetica', fontsize: '10' })}];`);
    for (const [party, nodes] of this.clusters) {
      lines.push(`  subgraph ${dotString(`cluster_${party}`)} {`);
      lines.push(`    graph [${attrList({ label: partyName(this.#spec, party, this.#lang), style: 'rounded' })}];`);
      const body = nodes.length > 0 ? nodes : [`${dotString(this.#ids.take(`empty:${party}`))} [${attrList({ shape: 'plaintext', label: word('noWork', this.#lang) })}];`];
      for (const n of body) lines.push(`    ${n}`);
      lines.push('  }');
    }
    for (const n of this.loose) lines.push(`  ${n}`);
    for (const e of this.edges) lines.push(`  ${e}`);
    lines.push('}');
    return `${lines.join('\n')}\n`;
  }
}

/**
 * The procedure as a Graphviz digraph: one cluster per agency (`cluster_<agency id>`, labelled
 * with its name) holding its steps, the consultations it leads or answers and the excluded
 * intervals it ends; the applicant's intervals (payment) in `cluster_applicant`; the desk's receipt
 * and return in the desk's cluster. Edges are the handoffs in order; parallel fan-out/fan-in and
 * branch decisions are small diamonds (`+`, `×`), branch edges carry their guards and extensions.
 * The graph label gives the title and the statutory limit with its legal reference. Pure.
 *
 * @example
 * spawnSync('dot', ['-Tsvg'], { input: toDot(landUseRightFirst) });
 */
export function toDot(spec: ProcedureSpec, options: ExportOptions = {}): string {
  const lang = options.lang ?? 'vi';
  const w = new DotWriter(spec, lang);
  const desk = spec.receipt.desk;
  const receipt = w.node(desk, 'desk:receipt', `${word('receiving', lang)}\n(${spec.receipt.channels.map((c) => tr(lang, `channel.${c}`)).join(', ')})`, DESK);
  const ends = w.sequence(spec.flow, [{ from: receipt }]);
  const returned = w.node(desk, 'desk:return', word('returnResult', lang), DESK);
  w.connect(ends, returned);
  const limit = `${word('limit', lang)} ${describeDuration(spec.limit.duration, lang)} · ${citeRef(spec.limit.ref, lang)}`;
  return w.render(`${spec.title[lang]}\n${limit}`);
}
