import { formatVnDate, weekdayName } from '../calendar/date.ts';
import { describeDue, explainSkipped } from '../calendar/explain.ts';
import { type Instant, formatTimeOfDay, localDateOf, msOfLocalDay } from '../calendar/instant.ts';
import type { LocalDate } from '../calendar/date.ts';
import type { Ledger } from '../calendar/ledger.ts';
import { citeRef } from '../legal.ts';
import { own } from '../own.ts';
import { type CaseSnapshot, STATUS_LABELS, statusCode } from '../compile/case.ts';
import type { CompiledProcedure } from '../compile/compile.ts';

type Lang = 'vi' | 'en';

const when = (t: Instant, lang: Lang) => `${weekdayName(localDateOf(t), lang)} ${formatVnDate(localDateOf(t))} ${formatTimeOfDay(msOfLocalDay(t))}`;

const dueText = (due: Instant, lang: Lang) => describeDue(due)[lang];

function pauseReason(proc: CompiledProcedure, reason: string): string {
  const [kind, id] = reason.split(':');
  if (kind === 'supplement') {
    const step = id === undefined ? undefined : proc.env.steps.get(id);
    return step === undefined ? 'waiting for papers' : `waiting for papers requested by ${step.agency} (step ${id})`;
  }
  if (kind === 'interval') {
    const node = id === undefined ? undefined : proc.env.nodes.get(id);
    return node?.kind === 'excluded' ? `excluded from the limit: ${node.title.en} (${node.reason})` : `excluded interval ${id}`;
  }
  return reason;
}

function ledgerLines(proc: CompiledProcedure, ledger: Ledger, lang: Lang, indent: string): string[] {
  const lines: string[] = [];
  for (const p of ledger.pauses) {
    lines.push(`${indent}paused ${when(p.from, lang)} – ${p.to === null ? 'still paused' : when(p.to, lang)}: ${pauseReason(proc, p.reason)}`);
  }
  for (const r of ledger.restarts) lines.push(`${indent}restarted ${when(r, lang)}: the limit counts again from a complete dossier`);
  for (const e of ledger.extensions) lines.push(`${indent}extended: ${e.reason}`);
  return lines;
}

/**
 * The due date of each step and of the whole dossier, with the reason for each: the law that sets
 * the limit, how counting started, the days skipped, the pauses, exclusions and extensions.
 */
export function explainCase(proc: CompiledProcedure, snapshot: CaseSnapshot, lang: Lang = 'en'): string[] {
  const { spec, env } = proc;
  const ctx = snapshot.context;
  const cal = env.calendar;
  const lines: string[] = [];
  lines.push(`${spec.id} ${spec.version} — ${spec.title[lang]}`);
  const counted = {
    date: 'counted in whole days (Civil Code 2015 Art. 147–148)',
    hours: 'counted in working hours from the receipt',
    'same-day': `the same day (received at or after ${formatTimeOfDay(env.sameDayCutoff)}: the next working day), due at the close of office hours`,
  }[spec.limit.mode];
  lines.push(`Limit: ${spec.limit.duration}, ${counted} — ${citeRef(spec.limit.ref)} [${spec.limit.ref.confidence}]`);
  lines.push(`Received: ${when(ctx.receivedAt, lang)} (${ctx.channel}); status ${statusCode(snapshot)} ${STATUS_LABELS[statusCode(snapshot)][lang]}`);
  const ledger = ctx.statutory;
  if (ledger === null) {
    lines.push('The statutory clock has not started: the desk has not accepted the dossier.');
  } else {
    lines.push(`Accepted: ${when(ledger.startedAt, lang)}${ledger.dateMode ? '; the day of receipt is not counted (Civil Code 2015 Art. 147)' : ''}`);
    lines.push(...ledgerLines(proc, ledger, lang, '  '));
    if (ledger.due === null) {
      lines.push(`  due: none while the clock is paused; ${Math.max(0, (ledger.budget - ledger.consumed) / (ledger.measure === 'working-time' ? 3_600_000 : 86_400_000)).toFixed(2).replace(/\.00$/, '')} ${ledger.measure === 'working-time' ? 'working hours' : ledger.measure === 'working-days' ? 'working days' : 'days'} left`);
    } else {
      lines.push(`  due: ${dueText(ledger.due, lang)}`);
      const from = (localDateOf(ledger.startedAt) + 1) as LocalDate;
      const to = localDateOf((ledger.due - 1) as Instant);
      if (to >= from) for (const l of explainSkipped(cal, from, to)) lines.push(`    ${l.text[lang]}`);
    }
    const apology = ctx.apologies[0];
    if (apology !== undefined) lines.push(`  apology slip by ${apology.agency} at ${when(apology.at, lang)}: new return date ${when(apology.newDue, lang)} (${apology.reason})`);
  }
  const steps = Object.entries(ctx.steps);
  if (steps.length > 0) lines.push('Steps:');
  for (const [id, s] of steps) {
    const node = env.steps.get(id)!;
    const due = s.ledger.due === null ? 'paused' : dueText(s.ledger.due, lang);
    const end = s.finishedAt === undefined ? (s.status === 'supplement' ? 'waiting for papers' : 'in progress') : `finished ${when(s.finishedAt, lang)}, ${s.classification}`;
    lines.push(`  ${id} — ${own(env.spec.agencies, s.agency)?.name[lang] ?? s.agency} — share ${node.share} — from ${when(s.enteredAt, lang)}, due ${due} — ${end}`);
    lines.push(...ledgerLines(proc, s.ledger, lang, '    '));
  }
  if (ctx.classification !== null) lines.push(`Result ready ${ctx.readyAt === null ? '' : when(ctx.readyAt, lang)}: ${ctx.classification}`);
  if (ctx.outcome !== null) lines.push(`Outcome: ${ctx.outcome.kind} at ${when(ctx.outcome.at, lang)} (${ctx.outcome.classification})`);
  return lines;
}
