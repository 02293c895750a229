import { spawnSync } from 'node:child_process';
import { BpmnModdle } from 'bpmn-moddle';
import { parse } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Instant, parseInstant } from '../../src/calendar/instant.ts';
import type { FlowNode, ProcedureSpec, StepNode } from '../../src/dsl/spec.ts';
import { storeTraces } from '../../src/engine/case-log.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { toBpmn } from '../../src/export/bpmn.ts';
import { toDot } from '../../src/export/dot.ts';
import { CSV_COLUMNS, type LogTrace, type LogWriter, csvLogWriter } from '../../src/export/event-log.ts';
import { toMermaid } from '../../src/export/mermaid.ts';
import { xesLogWriter } from '../../src/export/xes-log.ts';
import { simulate } from '../../src/node/simulate.ts';
import { reportData } from '../../src/report/data.ts';
import { escapeHtml } from '../../src/report/escape.ts';
import { renderReport } from '../../src/report/html.ts';
import { caseLogHooks } from '../../src/sim/case-log.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { buildReport } from '../../src/sim/report.ts';
import { renderCataloguePage, renderProcedurePage } from '../../src/web/catalogue-page.ts';
import { graphvizDiagrams } from '../../src/web/diagram.ts';
import { renderDossierPage } from '../../src/web/dossier-page.ts';
import { dossierView } from '../../src/web/model.ts';
import { HOSTILE_TEXTS, hostileSpec } from '../support/hostile.ts';
import { simOf } from '../support/sim.ts';
import { kitchenSinkSpec } from '../support/specs.ts';
import { xesProblems } from '../support/xes.ts';

/**
 * Issue 19, "safe exports": every export format fed a procedure whose ids, titles and agency names
 * are all hostile text (formulas, separators, quotes, line breaks, markup, DOT and Mermaid syntax).
 * Each output must keep the shape of the plain procedure's and carry the text back unchanged.
 */

const spec = hostileSpec();
const plain = kitchenSinkSpec();
const flow = spec.flow as readonly FlowNode[];
const nodeAt = <K extends FlowNode['kind']>(n: FlowNode | undefined, kind: K) => {
  if (n?.kind !== kind) throw new Error(`expected a ${kind}`);
  return n as Extract<FlowNode, { kind: K }>;
};
const branch = nodeAt(flow[0], 'branch');
const survey = nodeAt(branch.cases[0]!.flow[0], 'step');
const verify = nodeAt(flow[1], 'step');
const consult = nodeAt(flow[2], 'consult');
const split = nodeAt(flow[3], 'parallel');
const [tax, draft] = [nodeAt(split.branches[0]![0], 'step'), nodeAt(split.branches[1]![0], 'step')];
const pay = nodeAt(flow[4], 'excluded');
const sign = nodeAt(flow[5], 'step');
const desk = spec.receipt.desk;
const by = (agency: string) => ({ kind: 'agency' as const, agency });
const at = (local: string) => parseInstant(`2025-03-${local}`);

/** Every text of the hostile spec a reader sees: titles and agency names. */
const shownTexts = [spec.title.en, ...Object.values(spec.agencies).map((a) => a.name.en), survey.title.en, verify.title.en, consult.title.en, tax.title.en, draft.title.en, pay.title.en, sign.title.en];

/** A formula character at the start of a cell (OWASP's list). */
const FORMULA = /^[=+\-@\t\r]/;

/** What escaped HTML or XML text reads as. */
const unescape = (s: string) => s.replace(/&(lt|gt|quot|amp|#(\d+));/g, (_, name: string, code?: string) => (code !== undefined ? String.fromCodePoint(Number(code)) : { lt: '<', gt: '>', quot: '"', amp: '&' }[name]!));

/** A case of the hostile procedure taken from receipt to return through the engine, every node visited. */
async function hostileCase(stopBefore?: string) {
  const store = memoryStore();
  const engine = createEngine({ procedures: [spec], store, now: () => parseInstant('2025-03-20T09:00') });
  const opened = await engine.open({ procedure: spec.id, channel: 'in-person', receivedAt: at('03T09:00'), by: by(desk), dossier: { remote: true } });
  const events = [
    { type: 'TRANSFER', at: at('03T10:00'), by: by(desk) },
    { type: 'COMPLETE', at: at('03T11:00'), by: by(survey.agency), step: survey.id },
    { type: 'COMPLETE', at: at('03T12:00'), by: by(verify.agency), step: verify.id },
    { type: 'ANSWER', at: at('03T13:00'), by: by(consult.consulted[0]!), consult: consult.id, agree: true },
    { type: 'COMPLETE', at: at('03T14:00'), by: by(tax.agency), step: tax.id },
    { type: 'COMPLETE', at: at('03T15:00'), by: by(draft.agency), step: draft.id },
    { type: 'FINISH_INTERVAL', at: at('04T09:00'), by: { kind: 'applicant' as const }, interval: pay.id },
    { type: 'COMPLETE', at: at('04T10:00'), by: by(sign.agency), step: sign.id },
    { type: 'RETURN_RESULT', at: at('04T11:00'), by: by(desk) },
  ];
  for (const e of events) {
    if (e.type === stopBefore || ('step' in e && e.step === stopBefore)) break;
    const sent = await engine.send(opened.caseId, e as never);
    if (!sent.ok) throw sent.error;
  }
  return { engine, store, caseId: opened.caseId };
}

const write = (w: LogWriter, traces: readonly LogTrace[]) => w.head() + traces.map(w.trace).join('') + w.tail();

/** The traces of the hostile case from the engine's store and of a short simulation of the hostile procedure. */
async function hostileTraces(): Promise<{ engine: LogTrace[]; simulated: LogTrace[] }> {
  const { store } = await hostileCase();
  const engine: LogTrace[] = [];
  for await (const t of storeTraces(store)) engine.push(t);
  const simulated: LogTrace[] = [];
  const config = simOf(spec, { seed: 3, perDay: 3, days: 20, officers: 1, supplement: 0.2, refusal: 0.05, incomplete: 0.2, withdrawal: 0.1, silence: 0.5, stepMean: 4 });
  const recorder = caseLogHooks(0, (t) => simulated.push(t));
  runReplication(config, 0, recorder.hooks);
  recorder.flush();
  return { engine, simulated };
}

describe('an event log written from hostile ids (issue 19, done-when)', () => {
  let traces: { engine: LogTrace[]; simulated: LogTrace[] };
  beforeAll(async () => {
    traces = await hostileTraces();
  });

  it('opens with csv-parse as the same number of columns on every row, with no cell starting with a formula character', () => {
    const all = [...traces.engine, ...traces.simulated];
    const rows: string[][] = parse(write(csvLogWriter(), all), { relaxColumnCount: true });
    expect(rows.length).toBe(1 + all.reduce((n, t) => n + t.events.length, 0));
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([CSV_COLUMNS.length]));
    expect(rows.flat().filter((cell) => FORMULA.test(cell))).toEqual([]);
  });

  it('gives back every hostile id unchanged but for the apostrophe before a formula character', () => {
    const rows: string[][] = parse(write(csvLogWriter(), traces.engine));
    const unneutralise = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    const col = (name: (typeof CSV_COLUMNS)[number]) => new Set(rows.slice(1).map((r) => unneutralise(r[CSV_COLUMNS.indexOf(name)]!)));
    expect(col('case:procedure')).toEqual(new Set([spec.id]));
    for (const id of [survey.id, verify.id, tax.id, draft.id, sign.id, pay.id, `answer ${consult.id}`]) expect(col('concept:name')).toContain(id);
    for (const agency of Object.keys(spec.agencies)) expect(col('org:group')).toContain(agency);
  });

  it('writes XES that parses, meets the standard, and carries the hostile activity and group names as text', () => {
    const xml = write(xesLogWriter(spec.title.en), [...traces.engine, ...traces.simulated]);
    expect(xesProblems(xml)).toEqual([]);
    // saxes, a conforming XML parser: it normalises raw tabs and line breaks in attributes, and decodes references.
    const parser = new SaxesParser();
    const events: Record<string, string>[] = [];
    let seenTraces = 0;
    parser.on('opentag', (tag) => {
      if (tag.name === 'trace') seenTraces++;
      if (tag.name === 'event' && seenTraces === 1) events.push({});
      if (tag.name !== 'event' && tag.name !== 'trace' && events.length > 0 && seenTraces === 1) events.at(-1)![String(tag.attributes['key'])] = String(tag.attributes['value']);
    });
    parser.write(xml).close();
    expect(seenTraces).toBe(traces.engine.length + traces.simulated.length);
    expect(events.length).toBe(traces.engine[0]!.events.length);
    expect(events.map((e) => e['concept:name'])).toEqual(traces.engine[0]!.events.map((e) => e.activity));
    expect(events.map((e) => e['org:group'])).toEqual(traces.engine[0]!.events.map((e) => e.group));
    expect(xml).not.toMatch(/<x-evil/);
  });
});

describe('diagrams of a procedure with hostile ids and titles', () => {
  const dot = (format: string, input: string) => {
    const run = spawnSync('dot', [`-T${format}`], { input, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout;
  };

  it('DOT: Graphviz reads it without a warning as the same graph as the plain procedure, and shows every title as written', () => {
    type Json = { objects?: { name: string; label?: string }[]; edges?: unknown[] };
    const hostile = JSON.parse(dot('json', toDot(spec))) as Json;
    const expected = JSON.parse(dot('json', toDot(plain))) as Json;
    expect(hostile.objects!.length).toBe(expected.objects!.length);
    expect(hostile.edges!.length).toBe(expected.edges!.length);
    // The text Graphviz draws (in SVG, XML-escaped): each line of each title, entities not decoded.
    const svg = dot('svg', toDot(spec));
    const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!)).join('\n');
    for (const text of shownTexts) for (const line of text.split(/\r\n|\r|\n/)) expect(drawn).toContain(line.trim());
  });

  it('Mermaid: every line is a state, a transition, a brace or a separator, as many as for the plain procedure, labels with no raw syntax', () => {
    const lines = toMermaid(spec).trimEnd().split('\n');
    expect(lines.length).toBe(toMermaid(plain).trimEnd().split('\n').length);
    const id = '(?:\\[\\*\\]|[A-Za-z0-9_]+)';
    const label = '[^"#:;%<>{}`&]*(?:#\\d+;[^"#:;%<>{}`&]*)*';
    const grammar = new RegExp(`^\\s*(?:stateDiagram-v2|state "${label}" as ${id}|state ${id} (?:\\{|<<choice>>)|${id} --> ${id}(?: : ${label})?|\\}|--)$`);
    expect(lines.filter((l) => !grammar.test(l))).toEqual([]);
    // Mermaid decodes #NN; codes once: decoded, every title reads as written (with spaces collapsed).
    const decoded = lines.join('\n').replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
    // (The procedure's own title is not drawn, as in the plain diagram.)
    for (const text of shownTexts.slice(1)) expect(decoded).toContain(text.replace(/\s+/g, ' ').trim());
  });

  it('BPMN: bpmn-moddle reads it without a warning, with as many elements as the plain procedure and every title as a name', async () => {
    const read = async (s: ProcedureSpec) => {
      const result = await new BpmnModdle().fromXML(await toBpmn(s, { lang: 'en' }));
      expect(result.warnings.map((w) => w.message)).toEqual([]);
      return result;
    };
    const [hostile, expected] = [await read(spec), await read(plain)];
    const ids = (r: typeof hostile) => Object.keys(r.elementsById);
    expect(ids(hostile).length).toBe(ids(expected).length);
    const names = Object.values(hostile.elementsById).map((e) => (e as { name?: string }).name ?? '');
    for (const step of [survey, verify, tax, draft, sign] as StepNode[]) expect(names).toContain(step.title.en);
    for (const a of Object.values(spec.agencies)) expect(names).toContain(a.name.en);
  });
});

/** The tags of a page in order, to compare its structure with the plain procedure's. */
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!);

describe('HTML pages and forms of a procedure with hostile ids and titles', () => {
  it('the report: no hostile markup becomes a tag, and the page has the structure of the plain one', async () => {
    const render = async (s: ProcedureSpec) => {
      const config = { ...simOf(s, { seed: 5, perDay: 4, days: 20, officers: 1, supplement: 0.1, refusal: 0.05, incomplete: 0.1, withdrawal: 0.05, silence: 0.3, stepMean: 3 }), name: s.title.en, replications: 2 };
      const results = await simulate(config, { workers: 0 });
      return renderReport(reportData({ file: 'hostile.yaml', config, report: buildReport(config, results), variants: [], variantNames: [], warnings: [] }), 'en');
    };
    const html = await render(spec);
    expect(html).not.toMatch(/<x-evil|<script|<!--/);
    expect(tags(html)).toEqual(tags(await render(plain)));
    for (const station of Object.keys(spec.agencies)) expect(html).toContain(escapeHtml(station));
  });

  it('the catalogue and procedure pages with their Graphviz diagram: no hostile markup becomes a tag', () => {
    const diagram = graphvizDiagrams();
    const catalogue = renderCataloguePage('en', '/catalogue', '2025-03-03', [spec]);
    expect(catalogue).toContain(`>${escapeHtml(spec.title.en)}</a>`);
    const procedure = renderProcedurePage('en', `/catalogue/x`, '2025-03-03', spec, diagram(spec, 'en'));
    for (const html of [catalogue, procedure]) expect(html).not.toMatch(/<x-evil|<script|<!--/);
    for (const text of shownTexts) expect(procedure).toContain(escapeHtml(text));
    const page = (s: ProcedureSpec) => renderProcedurePage('en', '/catalogue/x', '2025-03-03', s, diagram(s, 'en'));
    expect(tags(page(spec)).filter((t) => t !== 'text')).toEqual(tags(page(plain)).filter((t) => t !== 'text'));
  });

  it("an officer's dossier page: the action forms carry each hostile step, consultation and interval id back exactly in their hidden fields", async () => {
    const hidden = (html: string, name: string) => [...html.matchAll(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`, 'g'))].map((m) => unescape(m[1]!));
    const pageAt = async (stopBefore: string, agency: string) => {
      const { engine, store, caseId } = await hostileCase(stopBefore);
      const principal = { kind: 'agency' as const, name: 'officer', agency };
      const view = await dossierView(engine, store, [spec], principal, caseId, parseInstant('2025-03-20T09:00') as Instant);
      return renderDossierPage('en', `/queue/${caseId}`, { vi: 'x', en: 'x' }, view!);
    };
    const atVerify = await pageAt(verify.id, verify.agency);
    expect(hidden(atVerify, 'step')).toEqual([verify.id, verify.id, verify.id]);
    const atAnswer = await pageAt('ANSWER', consult.consulted[0]!);
    expect(hidden(atAnswer, 'consult')).toEqual([consult.id]);
    const atPay = await pageAt('FINISH_INTERVAL', pay.party);
    expect(hidden(atPay, 'interval')).toEqual([]); // the applicant ends the payment, not an officer
    for (const html of [atVerify, atAnswer, atPay]) expect(html).not.toMatch(/<x-evil|<script|<!--/);
  });
});

it('the hostile texts cover every formula character, both CSV separators, quotes, line breaks and markup', () => {
  const all = HOSTILE_TEXTS.join('');
  for (const c of ['=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', "'", '<', '>', '&', '{', '}', '#', '%', '`', '\\']) expect(all).toContain(c);
});
