import { describe, expect, it } from 'vitest';
import { procedure } from '../../src/dsl/builder.ts';
import { mermaidText, toMermaid } from '../../src/export/mermaid.ts';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { kitchenSinkSpec } from '../support/specs.ts';
import { loadProcedures } from './procedures.ts';

const name = (en: string) => ({ vi: en, en });

/** Desk → justice → the applicant pays; labels with the characters Mermaid must not see raw. */
const tiny = procedure({
  id: 'tiny',
  version: '1',
  effectiveFrom: '2024-01-01',
  title: name('Tiny'),
  level: 'commune',
  agencies: {
    desk: { name: name('Desk'), level: 'commune', desk: true },
    justice: { name: { vi: 'Tư pháp: "hộ tịch"', en: 'Justice: "civil status"' }, level: 'commune' },
  },
})
  .receipt({ desk: 'desk', channels: ['in-person'] })
  .flow(({ step, excluded }) => [
    step('register', { agency: 'justice', title: { vi: 'Đăng ký; ký', en: 'Register; sign' }, share: '1wd' }),
    excluded('pay', { title: { vi: 'Nộp #phí 100%', en: 'Pay #fee 100%' }, reason: 'payment', party: 'applicant' }),
  ])
  .limit({ duration: '3wd', mode: 'date', ref: { document: 'Example', confidence: 'mem' } })
  .build();

/**
 * A line-oriented reading of the subset of Mermaid `stateDiagram-v2` the exporter writes. Returns
 * the problems found: a second header, an unknown line, a state used but never declared or declared
 * in another composite than the transition using it, unbalanced braces, a raw `"`, `:` or `;`
 * inside a label (outside the `#59;` entity codes), wrong indentation.
 */
const ENTITY = /#\d+;/g;

function structureProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) !== '') problems.push('the text does not end with a newline');
  if (lines[0] !== 'stateDiagram-v2') problems.push(`first line is ${JSON.stringify(lines[0])}`);
  if (lines.filter((l) => l.trim().startsWith('stateDiagram')).length !== 1) problems.push('not exactly one stateDiagram-v2 header');
  const stack: string[] = ['(root)'];
  const declaredIn = new Map<string, string>();
  const labelled = new Set<string>();
  const edges: { from: string; to: string; scope: string; line: number }[] = [];
  lines.slice(1, -1).forEach((raw, i) => {
    const line = i + 2;
    const indent = /^ */.exec(raw)![0].length;
    const text = raw.trim();
    const depth = text === '}' ? stack.length - 2 : stack.length - 1;
    if (indent !== 4 * (depth + 1)) problems.push(`line ${line}: indented ${indent}, expected ${4 * (depth + 1)}`);
    const scope = stack.at(-1)!;
    const declare = (id: string) => {
      if (declaredIn.has(id)) problems.push(`line ${line}: ${id} declared twice`);
      declaredIn.set(id, scope);
    };
    let m: RegExpExecArray | null;
    if ((m = /^state "([^"]*)" as ([A-Za-z0-9_]+)$/.exec(text)) !== null) {
      if (/[:;]/.test(m[1]!.replace(ENTITY, ''))) problems.push(`line ${line}: raw : or ; in label ${m[1]}`);
      declare(m[2]!);
      labelled.add(m[2]!);
    } else if ((m = /^state ([A-Za-z0-9_]+) <<choice>>$/.exec(text)) !== null) {
      declare(m[1]!);
    } else if ((m = /^state ([A-Za-z0-9_]+) \{$/.exec(text)) !== null) {
      if (!labelled.has(m[1]!) || declaredIn.get(m[1]!) !== scope) problems.push(`line ${line}: composite ${m[1]} opened before its label is declared here`);
      stack.push(m[1]!);
    } else if (text === '}') {
      if (stack.length === 1) problems.push(`line ${line}: } closes nothing`);
      else stack.pop();
    } else if (text === '--') {
      if (stack.length === 1) problems.push(`line ${line}: -- outside a composite state`);
    } else if ((m = /^(\[\*\]|[A-Za-z0-9_]+) --> (\[\*\]|[A-Za-z0-9_]+)(?: : ([^\n]+))?$/.exec(text)) !== null) {
      if (m[3] !== undefined && /[":;]/.test(m[3].replace(ENTITY, ''))) problems.push(`line ${line}: raw " : or ; in transition label ${m[3]}`);
      edges.push({ from: m[1]!, to: m[2]!, scope, line });
    } else {
      problems.push(`line ${line}: not understood: ${text}`);
    }
  });
  if (stack.length !== 1) problems.push(`composite states left open: ${stack.slice(1).join(', ')}`);
  for (const e of edges) {
    for (const id of [e.from, e.to]) {
      if (id === '[*]') continue;
      if (!declaredIn.has(id)) problems.push(`line ${e.line}: ${id} is used but never declared`);
      else if (declaredIn.get(id) !== e.scope) problems.push(`line ${e.line}: ${id} is declared in ${declaredIn.get(id)} but used in ${e.scope}`);
    }
  }
  return problems;
}

describe('toMermaid', () => {
  it('writes the whole lifecycle of a tiny procedure, with labels escaped as Mermaid entity codes', () => {
    expect(toMermaid(tiny, { lang: 'en' })).toBe(
      [
        'stateDiagram-v2',
        '    state "Receiving and checking the dossier — Desk" as receiving',
        '    state "Awaiting completion of the dossier" as awaitingCompletion',
        '    state "Transferring to the processing agency" as transferring',
        '    state "Processing — limit 3 working days" as processing',
        '    state processing {',
        '        state "Register#59; sign — Justice#58; #34;civil status#34; · 1 working day" as step_register',
        '        [*] --> step_register',
        '        state "Pay #35;fee 100#37; — Applicant · excluded from the limit" as excluded_pay',
        '        step_register --> excluded_pay',
        '        excluded_pay --> [*] : FINISH_INTERVAL (Applicant)',
        '    }',
        '    state "Result ready" as resultReady',
        '    state "Result returned" as returned',
        '    state "Rated" as rated',
        '    state "Closed unrated" as closed',
        '    state "Refused" as refused',
        '    state "Refused at receipt" as refusedAtReceipt',
        '    state "Withdrawn" as withdrawn',
        '    state "The desk closes the withdrawn dossier (processing stopped)" as withdrawalClosed',
        '    [*] --> receiving',
        '    receiving --> awaitingCompletion : REQUEST_COMPLETION (at most 1 time)',
        '    awaitingCompletion --> receiving : SUPPLY',
        '    receiving --> transferring : ACCEPT',
        '    receiving --> refusedAtReceipt : REFUSE',
        '    transferring --> processing : TRANSFER',
        '    processing --> resultReady',
        '    processing --> refused : REFUSE',
        '    receiving --> withdrawn : WITHDRAW',
        '    awaitingCompletion --> withdrawn : WITHDRAW',
        '    transferring --> withdrawn : WITHDRAW',
        '    processing --> withdrawn : WITHDRAW',
        '    resultReady --> returned : RETURN_RESULT',
        '    returned --> rated : RATE',
        '    returned --> closed : TIMER (10 days)',
        '    withdrawn --> withdrawalClosed : WITHDRAW',
        '    rated --> [*]',
        '    closed --> [*]',
        '    refused --> [*]',
        '    refusedAtReceipt --> [*]',
        '    withdrawalClosed --> [*]',
        '',
      ].join('\n'),
    );
  });

  it('writes Vietnamese labels by default, letters unchanged', () => {
    const text = toMermaid(tiny);
    expect(text).toContain('state "Đăng ký#59; ký — Tư pháp#58; #34;hộ tịch#34; · 1 ngày làm việc" as step_register');
    expect(text).toContain('excluded_pay --> [*] : Kết thúc thời gian không tính (Người nộp hồ sơ)');
    expect(structureProblems(text)).toEqual([]);
  });

  it('escapes every character Mermaid would read as syntax, and nothing else', () => {
    expect(mermaidText('Nộp tiền: "lệ phí"; #1 50% <b>{x}</b> `y`')).toBe('Nộp tiền#58; #34;lệ phí#34;#59; #35;1 50#37; #60;b#62;#123;x#125;#60;/b#62; #96;y#96;');
    expect(mermaidText('  two\nlines\t ')).toBe('two lines');
  });

  it('draws a branch as a choice with guards, a parallel node and a consultation as concurrent composites', () => {
    const text = toMermaid(kitchenSinkSpec(), { lang: 'en' });
    expect(structureProblems(text)).toEqual([]);
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines).toContain('state branch_remote_check <<choice>>');
    expect(lines).toContain('branch_remote_check --> step_survey : remote = true (+10 working days)');
    expect(lines).toContain('branch_remote_check --> step_verify : otherwise');
    expect(lines).toContain('state consult_opinions {');
    expect(lines).toContain('consult_opinions_fire_waiting --> consult_opinions_fire_answered : ANSWER');
    expect(lines).toContain('consult_opinions_fire_waiting --> consult_opinions_fire_deemed : TIMER (after 3 working days)');
    expect(lines).toContain('state "Deemed consent" as consult_opinions_fire_deemed');
    const split = lines.indexOf('state parallel_split {');
    expect(lines.slice(split, lines.indexOf('}', split) + 1)).toEqual([
      'state parallel_split {',
      'state "Tax notice — Tax · 3 working days" as step_tax_notice',
      '[*] --> step_tax_notice',
      'step_tax_notice --> [*]',
      '--',
      'state "Draft — Land office · 2 working days" as step_draft',
      '[*] --> step_draft',
      'step_draft --> [*]',
      '}',
    ]);
  });

  it('notes that the public posting is excluded from the limit and ends by its timer', () => {
    const lines = toMermaid(landUseRightFirst, { lang: 'en' }).split('\n').map((l) => l.trim());
    expect(lines).toContain('state "15-day public posting — Commune People’s Committee · excluded from the limit (15 days)" as excluded_public_posting');
    expect(lines).toContain('excluded_public_posting --> step_check_dossier : TIMER (15 days)');
  });

  it('gives every procedure in procedures/ a well-formed diagram in both languages', async () => {
    const all = await loadProcedures();
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const { name, spec } of all) {
      for (const lang of ['vi', 'en'] as const) {
        expect({ name, lang, problems: structureProblems(toMermaid(spec, { lang })) }).toEqual({ name, lang, problems: [] });
      }
    }
  });

  it('finds the problems it is meant to find', () => {
    const bad = ['stateDiagram-v2', '    state "a: b" as a', '    state c {', '    a --> ghost', ''].join('\n');
    expect(structureProblems(bad)).toEqual([
      'line 2: raw : or ; in label a: b',
      'line 3: composite c opened before its label is declared here',
      'line 4: indented 4, expected 8',
      'composite states left open: c',
      'line 4: a is declared in (root) but used in c',
      'line 4: ghost is used but never declared',
    ]);
  });
});
