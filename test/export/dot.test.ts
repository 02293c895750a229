import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { procedure } from '../../src/dsl/builder.ts';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';
import { dotString, toDot } from '../../src/export/dot.ts';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { kitchenSinkSpec } from '../support/specs.ts';
import { loadProcedures } from './procedures.ts';

/** Runs Graphviz; a missing `dot` fails the test with the fix rather than skipping it. */
function graphviz(format: 'svg' | 'json', input: string): SpawnSyncReturns<string> {
  const run = spawnSync('dot', [`-T${format}`], { input, encoding: 'utf8' });
  if (run.error !== undefined) {
    throw new Error(`Graphviz \`dot\` could not be run (${run.error.message}). Install it: apt-get update && apt-get install -y graphviz`, { cause: run.error });
  }
  return run;
}

interface GraphObject {
  readonly name: string;
  readonly label?: string;
  readonly nodes?: readonly number[];
}

/** Graphviz's own reading of the graph: subgraphs (clusters first) and nodes, as `dot -Tjson` reports them. */
function parsed(dot: string): { readonly clusters: Map<string, GraphObject>; readonly objects: readonly GraphObject[]; readonly edges: number } {
  const run = graphviz('json', dot);
  expect(run.stderr).toBe('');
  const json = JSON.parse(run.stdout) as { objects: GraphObject[]; edges?: unknown[] };
  const clusters = new Map(json.objects.filter((o) => o.name.startsWith('cluster_')).map((o) => [o.name, o]));
  return { clusters, objects: json.objects, edges: json.edges?.length ?? 0 };
}

/** The names of the nodes inside a cluster. */
function members(graph: ReturnType<typeof parsed>, cluster: string): string[] {
  return (graph.clusters.get(cluster)?.nodes ?? []).map((i) => graph.objects[i]!.name);
}

const name = (en: string) => ({ vi: en, en });

describe('toDot', () => {
  it('renders every procedure in procedures/ with Graphviz, without a warning, each agency a cluster', async () => {
    const all = await loadProcedures();
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const { name, spec } of all) {
      for (const lang of ['vi', 'en'] as const) {
        const dot = toDot(spec, { lang });
        const svg = graphviz('svg', dot);
        expect({ name, lang, status: svg.status, stderr: svg.stderr }).toEqual({ name, lang, status: 0, stderr: '' });
        const { clusters } = parsed(dot);
        for (const [id, agency] of Object.entries(spec.agencies)) {
          expect({ name, cluster: `cluster_${id}`, label: clusters.get(`cluster_${id}`)?.label }).toEqual({ name, cluster: `cluster_${id}`, label: agency.name[lang] });
        }
      }
    }
  });

  it('puts each node in its agency, the payment with the applicant and receipt and return at the desk', () => {
    const graph = parsed(toDot(landUseRightFirst, { lang: 'en' }));
    expect([...graph.clusters.keys()]).toEqual(['cluster_desk', 'cluster_commune', 'cluster_landOffice', 'cluster_tax', 'cluster_issuer', 'cluster_applicant']);
    expect(graph.clusters.get('cluster_applicant')?.label).toBe('Applicant');
    expect(members(graph, 'cluster_desk')).toEqual(['desk:receipt', 'desk:return']);
    expect(members(graph, 'cluster_commune')).toEqual(['step:verify-origin', 'excluded:public-posting']);
    expect(members(graph, 'cluster_landOffice')).toEqual(['step:check-dossier', 'step:draft-certificate']);
    expect(members(graph, 'cluster_tax')).toEqual(['step:tax-notice']);
    expect(members(graph, 'cluster_issuer')).toEqual(['step:sign-certificate']);
    expect(members(graph, 'cluster_applicant')).toEqual(['excluded:pay-land-tax']);
    expect(graph.edges).toBe(13);
  });

  it('writes the handoffs in order, diamonds for fan-out, fan-in and decisions, guards on the branch edges', () => {
    const edges = toDot(landUseRightFirst, { lang: 'en' })
      .split('\n')
      .filter((l) => l.includes(' -> '))
      .map((l) => l.trim());
    expect(edges).toEqual([
      '"desk:receipt" -> "decide:remote-extension";',
      '"decide:remote-extension" -> "step:verify-origin" [label="remoteCommune = true\\n+10 working days"];',
      '"decide:remote-extension" -> "step:verify-origin" [label="otherwise"];',
      '"step:verify-origin" -> "excluded:public-posting";',
      '"excluded:public-posting" -> "step:check-dossier";',
      '"step:check-dossier" -> "fork:tax-and-draft";',
      '"fork:tax-and-draft" -> "step:tax-notice";',
      '"fork:tax-and-draft" -> "step:draft-certificate";',
      '"step:tax-notice" -> "join:tax-and-draft";',
      '"step:draft-certificate" -> "join:tax-and-draft";',
      '"join:tax-and-draft" -> "excluded:pay-land-tax";',
      '"excluded:pay-land-tax" -> "step:sign-certificate";',
      '"step:sign-certificate" -> "desk:return";',
    ]);
    const text = toDot(landUseRightFirst, { lang: 'en' });
    expect(text).toContain('"fork:tax-and-draft" [shape="diamond", fixedsize="true", width="0.35", height="0.35", tooltip="tax-and-draft", label="+"];');
    expect(text).toContain('"step:verify-origin" [shape="box", style="rounded", label="Verify land origin and current use\\n5 working days"];');
    expect(text).toContain('graph [rankdir="LR", label="First registration and land-use-right certificate\\nlimit 20 working days · Decree 101/2024/NĐ-CP on land registration and certificates"');
  });

  it('sends a consultation from the lead to each consulted agency and joins the answers', () => {
    const graph = parsed(toDot(kitchenSinkSpec(), { lang: 'en' }));
    expect(members(graph, 'cluster_land')).toContain('consult:opinions');
    expect(members(graph, 'cluster_fire')).toEqual(['answer:opinions:fire']);
    const answer = graph.objects.find((o) => o.name === 'answer:opinions:fire');
    expect(answer?.label).toBe('Give an opinion: Opinions\\nDeemed consent: after 3 working days');
  });

  it('quotes and escapes every id and label: quotes, backslashes, arrows, braces, keywords', () => {
    expect(dotString('Ký "GCN"\nlần đầu')).toBe('"Ký \\"GCN\\"\\nlần đầu"');
    expect(dotString('a\\b')).toBe('"a\\\\b"');
    const nasty: ProcedureSpec = procedure({
      id: 'node',
      version: '1',
      effectiveFrom: '2024-01-01',
      title: name('Title "quoted" -> { subgraph }'),
      level: 'commune',
      agencies: {
        desk: { name: name('Desk'), level: 'commune', desk: true },
        'edge "x"': { name: name('Agency \\ with "quotes"; and -> arrows'), level: 'commune' },
      },
    })
      .receipt({ desk: 'desk', channels: ['in-person'] })
      .flow(({ step }) => [step('graph', { agency: 'edge "x"', title: name('Sign "it" {now}; a -> b'), share: '1wd' })])
      .limit({ duration: '3wd', mode: 'date', ref: { document: 'Example', confidence: 'mem' } })
      .build();
    const dot = toDot(nasty, { lang: 'en' });
    const svg = graphviz('svg', dot);
    expect([svg.status, svg.stderr]).toEqual([0, '']);
    const graph = parsed(dot);
    expect(members(graph, 'cluster_edge "x"')).toEqual(['step:graph']);
    expect(graph.objects.find((o) => o.name === 'step:graph')?.label).toBe('Sign "it" {now}; a -> b\\n1 working day');
    expect(svg.stdout).toContain('Agency \\ with &quot;quotes&quot;; and &#45;&gt; arrows');
  });

  it('keeps an agency with no work in the flow as a visible cluster', () => {
    const spec = kitchenSinkSpec();
    const idle = { ...spec, agencies: { ...spec.agencies, archive: { name: name('Archive'), level: 'district' as const } } };
    const graph = parsed(toDot(idle, { lang: 'en' }));
    expect(graph.clusters.get('cluster_archive')?.label).toBe('Archive');
    expect(members(graph, 'cluster_archive')).toEqual(['empty:archive']);
  });

  it('is deterministic', () => {
    expect(toDot(landUseRightFirst)).toBe(toDot(landUseRightFirst));
  });
});
