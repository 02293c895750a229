import { type Lang, formatNumber, t } from '../i18n/translate.ts';
import type { Label } from '../legal.ts';
import { type Duration, parseDuration } from '../calendar/duration.ts';
import type { FlowNode, ProcedureSpec } from '../dsl/spec.ts';

/** One item on a path through the flow, with the time it may take. */
export interface BudgetItem {
  readonly id: string;
  readonly kind: 'step' | 'consult' | 'transfer';
  readonly agency: string;
  readonly share: string;
  /** The share in the limit's unit: working hours for limits in wd/wh, days for limits in d. */
  readonly amount: number;
}

/** One way through the flow (a choice of branch cases); parallel parts count their longest branch. */
export interface BudgetPath {
  /** The branch cases taken, e.g. `remote-extension=true`. */
  readonly choices: readonly string[];
  readonly items: readonly BudgetItem[];
  readonly total: number;
  readonly limit: number;
  readonly ok: boolean;
}

export interface BudgetReport {
  /** `working hours` or `days`: the unit of every amount. */
  readonly unit: 'working hours' | 'days';
  readonly paths: readonly BudgetPath[];
  /** The path with the least slack. */
  readonly worst: BudgetPath;
  readonly ok: boolean;
  /** Conversions made between units, which make the check approximate. */
  readonly notes: readonly Label[];
}

/** A working day spans 7/5 calendar days on average (a five-day week): used only to compare mixed units. */
const DAYS_PER_WORKING_DAY = 7 / 5;

/**
 * Checks that along every path the agencies' shares fit the statutory limit (plus the extension
 * of the branch taken). The one-stop desk's transfer counts too, unless the desk officer processes
 * the dossier himself (`handover: 'immediate'`).
 *
 * @example
 * const report = checkBudget(landUseRightFirst); // from motcua/procedures
 * report.ok // → true
 * describePath(report.worst, report.unit) // → 'transfer (desk) 0.5wd → verify-origin (commune) 5wd → check-dossier (landOffice) 7wd → tax-notice (tax) 3wd → sign-certificate (issuer) 3wd = 18.5 wd of 20 wd [remoteCommune=otherwise]'
 */
export function checkBudget(spec: ProcedureSpec, hoursPerWorkingDay = 8): BudgetReport {
  const limit = parseDuration(spec.limit.duration);
  const inDays = limit.unit === 'd';
  const notes = new Map<string, Label>();
  const note = (key: 'check.note.working-vs-days' | 'check.note.days-vs-working') => notes.set(key, { vi: t('vi', key, { ratio: formatNumber(DAYS_PER_WORKING_DAY, 'vi') }), en: t('en', key, { ratio: DAYS_PER_WORKING_DAY }) });
  const amountOf = (d: Duration): number => {
    if (inDays) {
      if (d.unit === 'd') return d.amount;
      note('check.note.working-vs-days');
      return (d.unit === 'wd' ? d.amount : d.amount / hoursPerWorkingDay) * DAYS_PER_WORKING_DAY;
    }
    if (d.unit === 'd') {
      note('check.note.days-vs-working');
      return (d.amount / DAYS_PER_WORKING_DAY) * hoursPerWorkingDay;
    }
    return d.unit === 'wd' ? d.amount * hoursPerWorkingDay : d.amount;
  };

  // A paper dossier may reach the agency only at the end of the receipt day (which the date mode
  // does not count) or, after the cut-off, at the start of the next working day: half a working
  // day is kept for it in the date mode (a conservative allowance) and a whole one in the hours
  // mode. A same-day limit has no room for a transfer: its desk hands over at once or the limit's
  // own day is the budget.
  const paper = spec.receipt.handover === 'transfer' && spec.receipt.channels.some((c) => c !== 'online');
  const allowance = spec.limit.mode === 'date' ? '0.5wd' : spec.limit.mode === 'same-day' ? '0wd' : '1wd';
  const transfer: BudgetItem[] = paper ? [{ id: 'transfer', kind: 'transfer', agency: spec.receipt.desk, share: allowance, amount: amountOf(parseDuration(allowance)) }] : [];

  interface Partial {
    readonly choices: readonly string[];
    readonly items: readonly BudgetItem[];
    readonly total: number;
    readonly extension: number;
  }
  const start: Partial = { choices: [], items: transfer, total: transfer.reduce((s, i) => s + i.amount, 0), extension: 0 };

  const walk = (flow: readonly FlowNode[], from: readonly Partial[]): Partial[] => {
    let paths = [...from];
    for (const node of flow) {
      paths = paths.flatMap((p): Partial[] => {
        switch (node.kind) {
          case 'step': {
            const amount = amountOf(parseDuration(node.share));
            return [{ ...p, items: [...p.items, { id: node.id, kind: 'step', agency: node.agency, share: node.share, amount }], total: p.total + amount }];
          }
          case 'consult': {
            const amount = amountOf(parseDuration(node.answerWithin));
            return [{ ...p, items: [...p.items, { id: node.id, kind: 'consult', agency: node.lead, share: node.answerWithin, amount }], total: p.total + amount }];
          }
          case 'excluded':
            return [p];
          case 'parallel': {
            // The longest branch, for every combination of choices inside the branches.
            const empty: Partial = { choices: [], items: [], total: 0, extension: 0 };
            const options = node.branches.map((b) => walk(b, [empty]));
            let combos: Partial[][] = [[]];
            for (const opts of options) combos = combos.flatMap((c) => opts.map((o) => [...c, o]));
            return combos.map((branches) => {
              const longest = branches.reduce((a, b) => (b.total > a.total ? b : a));
              return {
                choices: [...p.choices, ...branches.flatMap((b) => b.choices)],
                items: [...p.items, ...longest.items],
                total: p.total + longest.total,
                extension: p.extension + branches.reduce((s, b) => s + b.extension, 0),
              };
            });
          }
          case 'branch': {
            const ways = [
              ...node.cases.map((c) => ({ label: `${node.field}=${String(c.when)}`, flow: c.flow, extend: c.extendLimit })),
              ...(node.otherwise === undefined ? [] : [{ label: `${node.field}=otherwise`, flow: node.otherwise.flow, extend: node.otherwise.extendLimit }]),
            ];
            return ways.flatMap((w) =>
              walk(w.flow, [{ ...p, choices: [...p.choices, w.label], extension: p.extension + (w.extend === undefined ? 0 : amountOf(parseDuration(w.extend))) }]),
            );
          }
        }
      });
    }
    return paths;
  };

  const base = amountOf(limit);
  const paths: BudgetPath[] = walk(spec.flow, [start]).map((p) => {
    const limitHere = base + p.extension;
    return { choices: p.choices, items: p.items, total: round(p.total), limit: round(limitHere), ok: p.total <= limitHere + 1e-9 };
  });
  const worst = paths.reduce((a, b) => (b.limit - b.total < a.limit - a.total ? b : a));
  return { unit: inDays ? 'days' : 'working hours', paths, worst, ok: paths.every((p) => p.ok), notes: [...notes.values()] };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * `verify 5wd → check-dossier 7wd → … = 18.5 wd of 20 wd`.
 *
 * @example
 * const { worst, unit } = checkBudget(birthRegistration2025);
 * describePath(worst, unit) // → 'verify (committee) 2wd → register (committee) 1wh → sign (committee) 1wh = 2.25 wd of 3 wd [needsVerification=true]'
 */
export function describePath(path: BudgetPath, unit: BudgetReport['unit'], hoursPerWorkingDay = 8, lang: Lang = 'en'): string {
  const show = (x: number) => (unit === 'days' ? `${formatNumber(x, lang)} ${t(lang, 'unit.d.short')}` : `${formatNumber(round(x / hoursPerWorkingDay), lang)} ${t(lang, 'unit.wd.short')}`);
  const items = path.items.map((i) => `${i.id} (${i.agency}) ${i.share}`).join(' → ');
  const choices = path.choices.length === 0 ? '' : ` [${path.choices.join(', ')}]`;
  return `${items} = ${t(lang, 'check.path.of', { total: show(path.total), limit: show(path.limit) })}${choices}`;
}

