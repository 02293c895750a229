import { formatVnDate, weekdayName } from '../calendar/date.ts';
import { describeDue, skippedLines } from '../calendar/explain.ts';
import { type Instant, formatTimeOfDay, localDateOf, msOfLocalDay } from '../calendar/instant.ts';
import type { LocalDate } from '../calendar/date.ts';
import type { Ledger } from '../calendar/ledger.ts';
import { type Duration, parseDuration } from '../calendar/duration.ts';
import type { Classification } from '../calendar/ledger.ts';
import { type Lang, durationWords, t } from '../i18n/translate.ts';
import { citeRef } from '../legal.ts';
import { own } from '../own.ts';
import { type CaseSnapshot, STATUS_LABELS, statusCode } from '../compile/case.ts';
import type { CompiledProcedure } from '../compile/compile.ts';

const when = (t: Instant, lang: Lang) => `${weekdayName(localDateOf(t), lang)} ${formatVnDate(localDateOf(t))} ${formatTimeOfDay(msOfLocalDay(t))}`;

const dueText = (due: Instant, lang: Lang) => describeDue(due)[lang];

const agencyName = (proc: CompiledProcedure, id: string, lang: Lang) => own(proc.spec.agencies, id)?.name[lang] ?? id;

function pauseReason(proc: CompiledProcedure, reason: string, lang: Lang): string {
  const [kind, id] = reason.split(':');
  if (kind === 'supplement') {
    const step = id === undefined ? undefined : proc.env.steps.get(id);
    return step === undefined ? t(lang, 'explain.pause.supplementAny') : t(lang, 'explain.pause.supplement', { agency: agencyName(proc, step.agency, lang), step: id! });
  }
  if (kind === 'interval') {
    const node = id === undefined ? undefined : proc.env.nodes.get(id);
    return node?.kind === 'excluded' ? t(lang, 'explain.pause.interval', { title: node.title[lang], reason: t(lang, `excluded.${node.reason}`) }) : t(lang, 'explain.pause.intervalUnknown', { id: id ?? '' });
  }
  return reason;
}

function ledgerLines(proc: CompiledProcedure, ledger: Ledger, lang: Lang, indent: string): string[] {
  const lines: string[] = [];
  for (const p of ledger.pauses) {
    lines.push(`${indent}${t(lang, 'explain.paused', { from: when(p.from, lang), to: p.to === null ? t(lang, 'explain.stillPaused') : when(p.to, lang), reason: pauseReason(proc, p.reason, lang) })}`);
  }
  for (const r of ledger.restarts) lines.push(`${indent}${t(lang, 'explain.restarted', { when: when(r, lang) })}`);
  for (const e of ledger.extensions) lines.push(`${indent}${t(lang, 'explain.extended', { reason: e.reason })}`);
  return lines;
}

const classText = (c: Classification | 'not-counted', lang: Lang) => t(lang, `class.${c}`);

/**
 * The due date of each step and of the whole dossier, with the reason for each: the law that sets
 * the limit, how counting started, the days skipped, the pauses, exclusions and extensions.
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * explainCase(proc, snapshot).at(-1) // → 'The statutory clock has not started: the desk has not accepted the dossier.'
 */
export function explainCase(proc: CompiledProcedure, snapshot: CaseSnapshot, lang: Lang = 'en'): string[] {
  const { spec, env } = proc;
  const ctx = snapshot.context;
  const cal = env.calendar;
  const lines: string[] = [];
  lines.push(`${spec.id} ${spec.version} — ${spec.title[lang]}`);
  lines.push(
    t(lang, spec.limit.mode === 'same-day' ? 'explain.limit.same-day' : 'explain.limit', {
      duration: durationWords(parseDuration(spec.limit.duration), lang),
      counting: spec.limit.mode === 'same-day' ? t(lang, 'explain.counting.same-day', { cutoff: formatTimeOfDay(env.sameDayCutoff) }) : t(lang, spec.limit.mode === 'date' ? 'explain.counting.date' : 'explain.counting.hours'),
      ref: citeRef(spec.limit.ref, lang),
      confidence: t(lang, `confidence.${spec.limit.ref.confidence}`),
    }),
  );
  const code = statusCode(snapshot);
  lines.push(t(lang, 'explain.received', { when: when(ctx.receivedAt, lang), channel: t(lang, `channel.${ctx.channel}`), code, status: STATUS_LABELS[code][lang] }));
  const ledger = ctx.statutory;
  if (ledger === null) {
    lines.push(t(lang, 'explain.notStarted'));
  } else {
    lines.push(`${t(lang, 'explain.accepted', { when: when(ledger.startedAt, lang) })}${ledger.dateMode ? t(lang, 'explain.dayNotCounted') : ''}`);
    lines.push(...ledgerLines(proc, ledger, lang, '  '));
    if (ledger.due === null) {
      const left = Math.max(0, (ledger.budget - ledger.consumed) / (ledger.measure === 'working-time' ? 3_600_000 : 86_400_000));
      const unit = ledger.measure === 'working-time' ? 'wh' : ledger.measure === 'working-days' ? 'wd' : 'd';
      lines.push(`  ${t(lang, 'explain.dueWhilePaused', { left: durationWords({ amount: Number(left.toFixed(2)), unit } as Duration, lang) })}`);
    } else {
      lines.push(`  ${t(lang, 'explain.due', { due: dueText(ledger.due, lang) })}`);
      // A limit in calendar days counts weekends and holidays: only a non-working last day moves it.
      const calendarDays = ledger.measure === 'calendar-days';
      // Without pauses a limit in calendar days ends plainly `budget` days after the start day; only
      // the non-working days after that end are passed over.
      const plain = calendarDays && ledger.pauses.length === 0 && ledger.restarts.length === 0;
      const from = (localDateOf(ledger.startedAt) + (plain ? Math.round(ledger.budget / 86_400_000) : 1)) as LocalDate;
      const dueDay = localDateOf((ledger.due - 1) as Instant);
      const to = (calendarDays ? dueDay - 1 : dueDay) as LocalDate;
      if (to >= from) for (const l of skippedLines(cal, calendarDays, from, to)) lines.push(`    ${l.text[lang]}`);
    }
    const apology = ctx.apologies[0];
    if (apology !== undefined) {
      lines.push(`  ${t(lang, 'explain.apology', { agency: agencyName(proc, apology.agency, lang), when: when(apology.at, lang), newDue: when(apology.newDue, lang), reason: apology.reason })}`);
    }
  }
  const steps = Object.entries(ctx.steps);
  if (steps.length > 0) lines.push(t(lang, 'explain.steps'));
  for (const [id, s] of steps) {
    const node = env.steps.get(id)!;
    const due = s.ledger.due === null ? t(lang, 'explain.step.paused') : dueText(s.ledger.due, lang);
    const end =
      s.finishedAt === undefined
        ? t(lang, s.status === 'supplement' ? 'explain.step.waiting' : 'explain.step.inProgress')
        : t(lang, 'explain.step.finished', { when: when(s.finishedAt, lang), classification: s.classification === undefined ? '' : classText(s.classification, lang) });
    lines.push(`  ${t(lang, 'explain.step', { id, agency: agencyName(proc, s.agency, lang), share: durationWords(parseDuration(node.share), lang), from: when(s.enteredAt, lang), due, end })}`);
    lines.push(...ledgerLines(proc, s.ledger, lang, '    '));
  }
  if (ctx.classification !== null) lines.push(t(lang, 'explain.resultReady', { when: ctx.readyAt === null ? '' : when(ctx.readyAt, lang), classification: classText(ctx.classification, lang) }));
  if (ctx.outcome !== null) {
    lines.push(t(lang, 'explain.outcome', { outcome: t(lang, `outcome.${ctx.outcome.kind}`), when: when(ctx.outcome.at, lang), classification: classText(ctx.outcome.classification, lang) }));
  }
  return lines;
}
