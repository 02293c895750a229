import { DEFAULT_HOURS_PER_WORKING_DAY, type Duration, parseDuration } from '../calendar/duration.ts';
import type { FlowNode, Level, ProcedureSpec } from '../dsl/spec.ts';
import { type Label, citeRef } from '../legal.ts';

/** A time limit placed on the cycle-time axis, which is in working days. */
export interface LimitOnAxis {
  /** As the procedure writes it: `20wd`, `15d`, `+10wd`. */
  readonly text: string;
  /** Where it falls on a working-day axis. */
  readonly workingDays: number;
  /** Calendar days are converted at 5 working days a week, ignoring holidays: the line is then approximate. */
  readonly approximate: boolean;
}

/** What a report needs to know about a procedure beyond the simulation's figures. */
export interface ProcedureInfo {
  readonly id: string;
  readonly version: string;
  readonly title: Label;
  readonly level: Level;
  /** The statutory limit (thời hạn giải quyết), with the legal text that sets it. */
  readonly limit: LimitOnAxis & { readonly mode: 'date' | 'hours' | 'same-day'; readonly basis: string };
  /** Branches that extend the limit (e.g. remote communes): when, the extension, and the total it gives. */
  readonly extensions: readonly { readonly reason: Label; readonly extension: string; readonly total: LimitOnAxis }[];
}

/**
 * The statutory limit of a procedure in working days, for drawing it on a cycle-time histogram.
 * A limit in working hours counts 8 hours a day; one in calendar days (`15d`) becomes 5/7 of it,
 * marked approximate, since holidays move it by a day or two.
 *
 * @example
 * procedureInfo(landUseRight).limit // { text: '20wd', workingDays: 20, approximate: false, mode: 'date', basis: 'Decree 101/2024/NĐ-CP' }
 */
export function procedureInfo(spec: ProcedureSpec): ProcedureInfo {
  const base = parseDuration(spec.limit.duration);
  const extensions: ProcedureInfo['extensions'][number][] = [];
  walk(spec.flow, (node) => {
    if (node.kind !== 'branch') return;
    const field = spec.dossier[node.field]?.label ?? { vi: node.field, en: node.field };
    const reason = (when: string | number | boolean | null): Label =>
      when === true
        ? field
        : when === false
          ? { vi: `không: ${field.vi}`, en: `not: ${field.en}` }
          : when === null
            ? { vi: `${field.vi}: trường hợp khác`, en: `${field.en}: other cases` }
            : { vi: `${field.vi}: ${String(when)}`, en: `${field.en}: ${String(when)}` };
    const ways = [...node.cases.map((c) => ({ way: c, when: reason(c.when) })), ...(node.otherwise === undefined ? [] : [{ way: node.otherwise, when: reason(null) }])];
    for (const { way, when } of ways) {
      if (way.extendLimit === undefined) continue;
      const extra = parseDuration(way.extendLimit);
      const total = inWorkingDays(base) + inWorkingDays(extra);
      extensions.push({
        reason: when,
        extension: `+${way.extendLimit}`,
        total: { text: `${spec.limit.duration} + ${way.extendLimit}`, workingDays: total, approximate: base.unit === 'd' || extra.unit === 'd' },
      });
    }
  });
  return {
    id: spec.id,
    version: spec.version,
    title: spec.title,
    level: spec.level,
    limit: { text: spec.limit.duration, workingDays: inWorkingDays(base), approximate: base.unit === 'd', mode: spec.limit.mode, basis: citeRef(spec.limit.ref) },
    extensions,
  };
}

function inWorkingDays(d: Duration): number {
  if (d.unit === 'wd') return d.amount;
  if (d.unit === 'wh') return d.amount / DEFAULT_HOURS_PER_WORKING_DAY;
  return (d.amount * 5) / 7;
}

function walk(flow: readonly FlowNode[], visit: (node: FlowNode) => void): void {
  for (const node of flow) {
    visit(node);
    if (node.kind === 'parallel') for (const b of node.branches) walk(b, visit);
    if (node.kind === 'branch') {
      for (const c of node.cases) walk(c.flow, visit);
      if (node.otherwise !== undefined) walk(node.otherwise.flow, visit);
    }
  }
}
