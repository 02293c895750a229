import type { z } from 'zod';
import { type Duration, parseDuration } from '../calendar/duration.ts';
import { parseLocalDate } from '../calendar/date.ts';
import { compileOfficeHours } from '../calendar/office-hours.ts';
import { MotcuaError, ProcedureError } from '../errors.ts';
import { type Lang, label, labelBy, t } from '../i18n/translate.ts';
import { zodIssueMessages } from '../i18n/zod-issue.ts';
import type { Label, LegalRef } from '../legal.ts';
import { describeExpected, procedureSchema, schemaAt } from './schema.ts';
import { stateKey } from './state-key.ts';
import type { BranchNode, ConsultNode, DossierField, FlowNode, ProcedureSpec } from './spec.ts';
import { valueAt } from '../own.ts';

/** Where the procedure comes from, for error messages. */
export interface ValidateOptions {
  readonly file?: string;
}

/**
 * Every code a procedure problem may carry; each check has its own (`syntax` comes from `readProcedure`).
 *
 * @example
 * listProblems({ ...birthRegistration2025, flow: [] }).map((p) => p.code) // → [ 'empty-flow' ]
 * PROCEDURE_PROBLEM_CODES.includes('empty-flow') // → true
 */
export const PROCEDURE_PROBLEM_CODES = [
  'syntax',
  'invalid',
  'too-deep',
  'bad-date',
  'bad-duration',
  'bad-office-hours',
  'bad-field',
  'no-desk',
  'several-desks',
  'receipt-desk',
  'bad-time',
  'unknown-agency',
  'duplicate-id',
  'reserved-id',
  'empty-flow',
  'parallel-branches',
  'unknown-field',
  'bad-case',
  'no-way-out',
  'consult',
  'limit-unit',
] as const;
export type ProcedureProblemCode = (typeof PROCEDURE_PROBLEM_CODES)[number];

type Path = readonly (string | number)[];

/**
 * Checks a procedure written as data (parsed JSON or YAML, or the builder's output) and returns it
 * with its defaults filled in.
 *
 * @throws ProcedureError for the first problem found, with its `code`, the `path` inside the spec,
 * the `file`, and a message that says what is wrong and how to fix it
 * @example
 * const spec = validateProcedure(JSON.parse(text), { file: 'procedures/birth.json' });
 */
export function validateProcedure(input: unknown, options: ValidateOptions = {}): ProcedureSpec {
  const parsed = parseStructure(input, options);
  if (!parsed.ok) throw parsed.problems[0]!;
  const first = semanticProblems(parsed.spec, options)[0];
  if (first !== undefined) throw first;
  return parsed.spec;
}

/**
 * Every problem of a procedure, in document order: all structural problems when the shape is wrong
 * (the semantic checks need a well-formed spec), else all semantic ones. Empty when valid.
 *
 * @example
 * for (const p of listProblems(json, { file })) console.error(p.describe());
 */
export function listProblems(input: unknown, options: ValidateOptions = {}): ProcedureError[] {
  const parsed = parseStructure(input, options);
  return parsed.ok ? semanticProblems(parsed.spec, options) : parsed.problems;
}

/** Deeper than any sensible procedure, and shallow enough that parsing cannot overflow the stack. */
const MAX_DEPTH = 64;

function parseStructure(
  input: unknown,
  options: ValidateOptions,
): { ok: true; spec: ProcedureSpec } | { ok: false; problems: ProcedureError[] } {
  const odd = oddShape(input);
  if (odd?.reason === 'deep') {
    const message = `the procedure nests more than ${MAX_DEPTH} levels deep. Flatten the flow: put nodes one after the other instead of inside each other.`;
    return { ok: false, problems: [problem('too-deep', message, odd.path, options)] };
  }
  if (odd?.reason === 'proto') {
    const message = '"__proto__" cannot be a key: a JavaScript object would drop it silently. Rename it.';
    return { ok: false, problems: [problem('invalid', message, odd.path, options)] };
  }
  const result = procedureSchema.safeParse(input);
  if (result.success) return { ok: true, spec: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => structuralProblem(issue, input, options)) };
}

/**
 * A value nested deeper than {@link MAX_DEPTH}, or an own `__proto__` key (which `JSON.parse` makes
 * and zod drops without a word). Iterative, so any depth is safe.
 */
function oddShape(input: unknown): { reason: 'deep' | 'proto'; path: Path } | undefined {
  const stack: { value: unknown; path: Path }[] = [{ value: input, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.path.length > MAX_DEPTH) return { reason: 'deep', path: item.path };
    if (Object.hasOwn(item.value, '__proto__')) return { reason: 'proto', path: [...item.path, '__proto__'] };
    for (const [k, v] of Object.entries(item.value)) {
      stack.push({ value: v, path: [...item.path, Array.isArray(item.value) ? Number(k) : k] });
    }
  }
  return undefined;
}

function structuralProblem(issue: z.core.$ZodIssue, input: unknown, options: ValidateOptions): ProcedureError {
  const at: Path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const expected = (path: Path, lang: Lang): string | undefined => {
    const schema = schemaAt(path, input);
    return schema === undefined ? undefined : describeExpected(schema, lang);
  };
  const said = zodIssueMessages(issue, input);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const message =
      expected(at, 'en') === undefined
        ? labelBy('procedure.shape.unknown-key.bare', (lang) => ({ issue: said[lang], key }))
        : labelBy('procedure.shape.unknown-key', (lang) => ({ issue: said[lang], allowed: expected(at, lang)!, key }));
    return problem('invalid', message, [...at, key], options);
  }
  const parent = valueAt(input, at.slice(0, -1));
  const key = at[at.length - 1];
  if (issue.code === 'invalid_type' && typeof parent === 'object' && parent !== null && typeof key === 'string' && !Object.hasOwn(parent, key)) {
    const message = labelBy('procedure.shape.missing', (lang) => ({
      key,
      what: expected(at, lang) ?? t(lang, 'procedure.shape.a-value'),
      where: expected(at.slice(0, -1), lang) ?? t(lang, 'procedure.shape.this-object'),
    }));
    return problem('invalid', message, at, options);
  }
  // Enum, literal and tag messages already list the accepted values; zod's Vietnamese for a wrong
  // tag does not ("Đầu vào không hợp lệ."), so it is followed by the node's form, which lists them.
  const tag = issue.code === 'invalid_union' && issue.discriminator !== undefined;
  const self = issue.code === 'invalid_value' || tag;
  const node = tag ? expected(at.slice(0, -1), 'vi') : undefined;
  const message =
    node !== undefined
      ? { vi: t('vi', 'procedure.shape.issue.expected', { issue: said.vi, form: node }), en: t('en', 'procedure.shape.issue', { issue: said.en }) }
      : self || expected(at, 'en') === undefined
        ? labelBy('procedure.shape.issue', (lang) => ({ issue: said[lang] }))
        : labelBy('procedure.shape.issue.expected', (lang) => ({ issue: said[lang], form: expected(at, lang)! }));
  return problem('invalid', message, at, options);
}

function problem(code: ProcedureProblemCode, message: string | Label, path: Path, options: ValidateOptions, cause?: unknown): ProcedureError {
  return new ProcedureError(code, message, {
    path,
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The semantic checks, in the order of the spec's keys and of the flow. */
function semanticProblems(spec: ProcedureSpec, options: ValidateOptions): ProcedureError[] {
  const problems: ProcedureError[] = [];
  const add = (code: ProcedureProblemCode, message: string | Label, path: Path, cause?: unknown): void => {
    problems.push(problem(code, message, path, options, cause));
  };
  /** Runs a calendar parser; its message (what is wrong, the accepted forms) becomes the problem's. */
  const calendar = <T>(code: ProcedureProblemCode, path: Path, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof MotcuaError)) throw e;
      add(code, e.messages ?? e.message, [...path, ...e.path], e);
      return undefined;
    }
  };
  const duration = (text: string, path: Path): Duration | undefined => calendar('bad-duration', path, () => parseDuration(text));
  const ref = (r: LegalRef | undefined, path: Path): void => {
    if (r?.effectiveFrom !== undefined) calendar('bad-date', [...path, 'effectiveFrom'], () => parseLocalDate(r.effectiveFrom!));
    if (r?.effectiveTo !== undefined) calendar('bad-date', [...path, 'effectiveTo'], () => parseLocalDate(r.effectiveTo!));
  };
  const agencyIds = Object.keys(spec.agencies);
  const isAgency = (id: string): boolean => Object.hasOwn(spec.agencies, id);
  const declared = agencyIds.join(', ');
  const agency = (id: string, path: Path): void => {
    if (!isAgency(id)) add('unknown-agency', labelBy('problem.unknown-agency', (lang) => ({ id, declared: declared || t(lang, 'error.none') })), path);
  };
  /** In the date mode a limit counts whole days (Civil Code Art. 147–148). */
  const wholeDays = (d: Duration | undefined, text: string, path: Path): void => {
    if (spec.limit.mode !== 'date' || d === undefined) return;
    if (d.unit === 'wh') {
      add('limit-unit', label('problem.date-mode.hours', { text }), path);
    } else if (!Number.isInteger(d.amount)) {
      add('limit-unit', label('problem.date-mode.fraction', { text }), path);
    }
  };

  // An extension must count in the same way as the limit it extends (both calendar days, or both working time).
  const limitUnit = (() => {
    try {
      return parseDuration(spec.limit.duration).unit;
    } catch {
      return undefined;
    }
  })();
  const extension = (text: string, path: Path): void => {
    const d = duration(text, path);
    wholeDays(d, text, path);
    if (d === undefined || limitUnit === undefined || (d.unit === 'd') === (limitUnit === 'd')) return;
    add('limit-unit', label(limitUnit === 'd' ? 'problem.extension.days' : 'problem.extension.working', { text, limit: spec.limit.duration }), path);
  };

  calendar('bad-date', ['effectiveFrom'], () => parseLocalDate(spec.effectiveFrom));
  if (spec.effectiveTo !== undefined) {
    calendar('bad-date', ['effectiveTo'], () => parseLocalDate(spec.effectiveTo!));
    if (spec.effectiveTo < spec.effectiveFrom) add('bad-date', label('problem.effective-to', { to: spec.effectiveTo, from: spec.effectiveFrom }), ['effectiveTo']);
  }
  spec.legal.forEach((r, i) => ref(r, ['legal', i]));

  // Agencies and the desk.
  for (const [id, a] of Object.entries(spec.agencies)) {
    const successor = a.succeededBy;
    if (successor !== undefined) {
      const path = ['agencies', id, 'succeededBy'];
      calendar('bad-date', [...path, 'from'], () => parseLocalDate(successor.from));
      ref(successor.ref, [...path, 'ref']);
      // A version cannot route dossiers to an agency past the day it ceased to be competent.
      if (successor.from <= spec.effectiveFrom) {
        add('bad-date', `agency "${id}" is succeeded from ${successor.from}, on or before this version's first day ${spec.effectiveFrom}: it is never competent under this version. Name the successor as the agency instead.`, [...path, 'from']);
      } else if (spec.effectiveTo === undefined || spec.effectiveTo >= successor.from) {
        add('bad-date', `agency "${id}" is succeeded from ${successor.from}, but this version ${spec.effectiveTo === undefined ? 'is open-ended' : `runs to ${spec.effectiveTo}`}. End the version the day before (effectiveTo) and add a version with the successor.`, ['effectiveTo']);
      }
    }
    if (a.hours !== undefined) {
      const hours = a.hours;
      calendar('bad-office-hours', ['agencies', id, 'hours'], () => compileOfficeHours(hours));
      hours.versions.forEach((v, i) => ref(v.ref, ['agencies', id, 'hours', 'versions', i, 'ref']));
    }
  }
  const desks = agencyIds.filter((id) => spec.agencies[id]!.desk === true);
  if (desks.length === 0) {
    add('no-desk', isAgency(spec.receipt.desk) ? label('problem.no-desk.named', { desk: spec.receipt.desk }) : label('problem.no-desk'), ['agencies']);
  } else if (desks.length > 1) {
    add('several-desks', label('problem.several-desks', { desks: desks.join(', ') }), ['agencies', desks[1]!, 'desk']);
  }

  // The dossier.
  for (const [name, field] of Object.entries(spec.dossier)) {
    if (field.type !== 'enum') continue;
    field.values.forEach((v, j) => {
      if (field.values.indexOf(v) !== j) add('bad-field', label('problem.value-twice', { value: v, name }), ['dossier', name, 'values', j]);
    });
  }

  // Receipt.
  const desk = desks.length === 1 ? desks[0]! : undefined;
  if (desk !== undefined && spec.receipt.desk !== desk) {
    add(
      'receipt-desk',
      isAgency(spec.receipt.desk)
        ? `receipt.desk is "${spec.receipt.desk}" but the one-stop desk is "${desk}". Set receipt.desk to "${desk}", or move desk: true to "${spec.receipt.desk}".`
        : `receipt.desk "${spec.receipt.desk}" is not a declared agency; the one-stop desk is "${desk}". Set receipt.desk to "${desk}".`,
      ['receipt', 'desk'],
    );
  }
  if (spec.limit.cutoff !== undefined && !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(spec.limit.cutoff)) {
    add('bad-time', `"${spec.limit.cutoff}" is not a time of day. Write the same-day cut-off as HH:MM between 00:00 and 23:59, e.g. 15:00.`, ['limit', 'cutoff']);
  }
  if (spec.limit.cutoff !== undefined && spec.limit.mode !== 'same-day') {
    add('limit-unit', `a cut-off applies only to a same-day limit; this limit is in the ${spec.limit.mode} mode. Remove limit.cutoff or use mode "same-day".`, ['limit', 'cutoff']);
  }
  if (!/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(spec.receipt.transferCutoff)) {
    add('bad-time', `"${spec.receipt.transferCutoff}" is not a time of day. Write the transfer cut-off as HH:MM between 00:00 and 23:59, e.g. 15:00.`, ['receipt', 'transferCutoff']);
  }
  ref(spec.receipt.ref, ['receipt', 'ref']);

  // The flow.
  if (!hasStep(spec.flow)) {
    add('empty-flow', label('problem.empty-flow', { example: '{ kind: "step", id, agency, title, share }' }), ['flow']);
  }
  const ids = new Map<string, Path>();
  const keys = new Map<string, { readonly id: string; readonly at: Path }>();
  const walk = (nodes: readonly FlowNode[], path: Path): void => {
    nodes.forEach((node, i) => {
      const at = [...path, i];
      const first = ids.get(node.id);
      // Ids that differ only in what the machine's state keys cannot hold (. # \) would name one state.
      const alike = keys.get(stateKey(node.id));
      if (first === undefined && alike !== undefined && alike.id !== node.id) {
        add('duplicate-id', label('problem.alike-id', { id: node.id, other: alike.id, at: at.join('.'), first: alike.at.join('.') }), [...at, 'id']);
      }
      if (alike === undefined) keys.set(stateKey(node.id), { id: node.id, at });
      // Node ids name the states of the compiled machine, which are object keys.
      if (node.id === '__proto__') add('reserved-id', 'id "__proto__" cannot name a node: it names the prototype of a JavaScript object. Rename the node.', [...at, 'id']);
      if (first === undefined) ids.set(node.id, at);
      else add('duplicate-id', label('problem.duplicate-id', { id: node.id, at: at.join('.'), first: first.join('.') }), [...at, 'id']);
      switch (node.kind) {
        case 'step':
          agency(node.agency, [...at, 'agency']);
          duration(node.share, [...at, 'share']);
          break;
        case 'parallel':
          if (node.branches.length < 2) {
            add('parallel-branches', node.branches.length === 0 ? label('problem.parallel.none', { id: node.id }) : node.branches.length === 1 ? label('problem.parallel.one', { id: node.id }) : label('problem.parallel.few', { id: node.id, n: node.branches.length }), [...at, 'branches']);
          }
          node.branches.forEach((b, j) => {
            if (b.length === 0) add('parallel-branches', label('problem.parallel.empty', { j, id: node.id }), [...at, 'branches', j]);
            walk(b, [...at, 'branches', j]);
          });
          break;
        case 'branch':
          checkBranch(node, at);
          break;
        case 'consult':
          checkConsult(node, at);
          break;
        case 'excluded':
          if (node.party !== 'applicant' && !isAgency(node.party)) {
            add('unknown-agency', labelBy('problem.unknown-party', (lang) => ({ party: node.party, declared: declared || t(lang, 'error.none') })), [...at, 'party']);
          }
          if (node.lasts !== undefined) duration(node.lasts, [...at, 'lasts']);
          break;
      }
      if ('ref' in node) ref(node.ref, [...at, 'ref']);
    });
  };
  const checkBranch = (node: BranchNode, at: Path): void => {
    const field: DossierField | undefined = Object.hasOwn(spec.dossier, node.field) ? spec.dossier[node.field] : undefined;
    const fields = Object.keys(spec.dossier);
    if (field === undefined) {
      add('unknown-field', fields.length === 0 ? label('problem.unknown-field.none', { field: node.field }) : label('problem.unknown-field', { field: node.field, fields: fields.join(', ') }), [...at, 'field']);
    }
    const seen = new Map<string | number | boolean, number>();
    node.cases.forEach((c, j) => {
      const path = [...at, 'cases', j];
      const bad = field === undefined ? undefined : caseProblem(c.when, node.field, field);
      if (bad !== undefined) add('bad-case', bad, [...path, 'when']);
      else if (seen.has(c.when)) add('bad-case', `case ${JSON.stringify(c.when)} repeats case ${seen.get(c.when)} of branch "${node.id}". Merge the two cases.`, [...path, 'when']);
      else if (field !== undefined) seen.set(c.when, j);
      if (c.extendLimit !== undefined) extension(c.extendLimit, [...path, 'extendLimit']);
      ref(c.ref, [...path, 'ref']);
      walk(c.flow, [...path, 'flow']);
    });
    if (node.otherwise !== undefined) {
      const o = node.otherwise;
      if (o.extendLimit !== undefined) extension(o.extendLimit, [...at, 'otherwise', 'extendLimit']);
      ref(o.ref, [...at, 'otherwise', 'ref']);
      walk(o.flow, [...at, 'otherwise', 'flow']);
    } else if (field !== undefined) {
      const all = field.type === 'boolean' ? [true, false] : field.type === 'enum' ? field.values : undefined;
      const missing = all?.filter((v) => !seen.has(v));
      if (missing === undefined) {
        add('no-way-out', label('problem.no-way-out.type', { id: node.id, field: node.field, type: field.type, otherwise: 'otherwise: { flow: [] }' }), at);
      } else if (missing.length > 0) {
        const values = missing.map((v) => JSON.stringify(v)).join(', ');
        add('no-way-out', label('problem.no-way-out.values', { id: node.id, field: node.field, values, otherwise: 'otherwise: { flow: [] }' }), at);
      }
    }
  };
  const checkConsult = (node: ConsultNode, at: Path): void => {
    agency(node.lead, [...at, 'lead']);
    if (node.consulted.length === 0) {
      add('consult', label('problem.consult.nobody', { id: node.id }), [...at, 'consulted']);
    }
    node.consulted.forEach((c, k) => {
      const path = [...at, 'consulted', k];
      agency(c, path);
      if (node.consulted.indexOf(c) !== k) add('consult', label('problem.consult.twice', { agency: c, id: node.id }), path);
      else if (c === node.lead) add('consult', label('problem.consult.itself', { agency: c, id: node.id }), path);
    });
    duration(node.answerWithin, [...at, 'answerWithin']);
  };
  walk(spec.flow, ['flow']);

  // Limit and policies.
  wholeDays(duration(spec.limit.duration, ['limit', 'duration']), spec.limit.duration, ['limit', 'duration']);
  ref(spec.limit.ref, ['limit', 'ref']);
  ref(spec.clock.ref, ['clock', 'ref']);
  duration(spec.lateness.apology.noticeBefore, ['lateness', 'apology', 'noticeBefore']);
  ref(spec.lateness.apology.ref, ['lateness', 'apology', 'ref']);
  if (spec.lateness.early !== 'before-due-date') duration(spec.lateness.early.before, ['lateness', 'early', 'before']);
  duration(spec.result.ratingWindow, ['result', 'ratingWindow']);
  return problems;
}

function hasStep(nodes: readonly FlowNode[]): boolean {
  return nodes.some((n) => {
    switch (n.kind) {
      case 'step':
        return true;
      case 'parallel':
        return n.branches.some(hasStep);
      case 'branch':
        return n.cases.some((c) => hasStep(c.flow)) || (n.otherwise !== undefined && hasStep(n.otherwise.flow));
      default:
        return false;
    }
  });
}

/** Why a case value cannot match the field, or `undefined` when it can. */
function caseProblem(when: string | number | boolean, name: string, field: DossierField): string | undefined {
  const value = JSON.stringify(when);
  switch (field.type) {
    case 'boolean':
      return typeof when === 'boolean' ? undefined : `case ${value} cannot match ${name}, a boolean field. Write true or false, without quotes.`;
    case 'number':
      return typeof when === 'number' ? undefined : `case ${value} cannot match ${name}, a number field. Write a number, without quotes.`;
    case 'string':
      return typeof when === 'string' ? undefined : `case ${value} cannot match ${name}, a string field. Write the value in quotes.`;
    case 'enum':
      return typeof when === 'string' && field.values.includes(when)
        ? undefined
        : `case ${value} is not a value of ${name} (${field.values.map((v) => JSON.stringify(v)).join(', ')}). Use one of them, or add it to dossier.${name}.values.`;
  }
}
