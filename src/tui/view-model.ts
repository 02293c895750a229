import { formatVnDate } from '../calendar/date.ts';
import { type Instant, formatTimeOfDay, localDateOf, msOfLocalDay } from '../calendar/instant.ts';
import { chargedAt } from '../calendar/ledger.ts';
import type { LocalDate } from '../calendar/date.ts';
import { type CaseSnapshot, STATUS_LABELS, nextDeadline, statusCode } from '../compile/case.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import { statutoryStopOf } from '../compile/policies.ts';
import type { FlowNode } from '../dsl/spec.ts';
import { parseDuration } from '../calendar/duration.ts';
import { limitWords, t } from '../i18n/translate.ts';
import { citeRef } from '../legal.ts';

export type { Lang } from '../i18n/translate.ts';
import type { Lang } from '../i18n/translate.ts';

/** `03/03 14:00`, short enough for a terminal column. */
export function shortTime(t: Instant): string {
  const d = formatVnDate(localDateOf(t));
  return `${d.slice(0, 5)} ${formatTimeOfDay(msOfLocalDay(t))}`;
}

/** A due instant as people read it: "end of 02/04/2025" at midnight, else the date and time. */
export function dueText(t: Instant, lang: Lang): string {
  if (msOfLocalDay(t) === 0) {
    const day = formatVnDate((localDateOf(t) - 1) as LocalDate);
    return lang === 'vi' ? `hết ngày ${day}` : `end of ${day}`;
  }
  return `${formatVnDate(localDateOf(t))} ${formatTimeOfDay(msOfLocalDay(t))}`;
}

/** One line of the flow panel: a node, its depth and where the dossier stands with it. */
export interface FlowLine {
  readonly depth: number;
  readonly mark: '✓' | '▶' | '…' | '·' | '=' | '?' | '~';
  readonly text: string;
}

/** The flow as indented lines with the dossier's position: done, active, waiting for papers, to come. */
export function flowLines(proc: CompiledProcedure, snapshot: CaseSnapshot, lang: Lang): FlowLine[] {
  const ctx = snapshot.context;
  const lines: FlowLine[] = [];
  const agencyName = (id: string) => (id === 'applicant' ? (lang === 'vi' ? 'người nộp' : 'applicant') : id);
  const visit = (flow: readonly FlowNode[], depth: number) => {
    for (const node of flow) {
      switch (node.kind) {
        case 'step': {
          const r = ctx.steps[node.id];
          const mark = r === undefined ? '·' : r.status === 'done' ? '✓' : r.status === 'supplement' ? '…' : '▶';
          const due = r?.status === 'active' && r.ledger.due !== null ? ` ${lang === 'vi' ? 'hạn' : 'due'} ${shortTime(r.ledger.due)}` : '';
          lines.push({ depth, mark, text: `${node.id} · ${agencyName(node.agency)} ${node.share}${due}` });
          break;
        }
        case 'parallel':
          lines.push({ depth, mark: '=', text: `${node.id} (${lang === 'vi' ? 'song song' : 'in parallel'})` });
          node.branches.forEach((b) => visit(b, depth + 1));
          break;
        case 'branch': {
          const value = ctx.dossier[node.field];
          lines.push({ depth, mark: '?', text: `${node.id}: ${node.field} = ${String(value)}` });
          const taken = node.cases.find((c) => c.when === value);
          visit(taken?.flow ?? node.otherwise?.flow ?? [], depth + 1);
          break;
        }
        case 'consult': {
          const answers = ctx.answers[node.id];
          const mark = answers === undefined ? '·' : node.consulted.every((a) => answers[a] !== undefined) ? '✓' : '▶';
          const detail = answers === undefined ? node.consulted.join(', ') : node.consulted.map((a) => `${a}:${answers[a] ?? '…'}`).join(' ');
          lines.push({ depth, mark, text: `${node.id} · ${node.lead} ${lang === 'vi' ? 'hỏi' : 'asks'} ${detail}` });
          break;
        }
        case 'excluded': {
          const started = ctx.timeline.some((e) => e.action === 'interval-start' && e.step === node.id);
          const ended = ctx.timeline.some((e) => e.action === 'interval-end' && e.step === node.id);
          lines.push({ depth, mark: ended ? '✓' : started ? '~' : '·', text: `${node.id} · ${agencyName(node.party)} (${t(lang, `excluded.${node.reason}`)}, ${lang === 'vi' ? 'không tính' : 'excluded'})` });
          break;
        }
      }
    }
  };
  visit(proc.spec.flow, 0);
  return lines;
}

/** Timer and effect kinds in Vietnamese; in English the stepper shows the kinds themselves. */
const KINDS_VI: Readonly<Record<string, string>> = {
  'apology-due': 'đến hạn xin lỗi',
  'apology-issued': 'đã gửi phiếu xin lỗi',
  'appointment-slip': 'giấy hẹn',
  'case-closed': 'đóng hồ sơ',
  'completion-requested': 'yêu cầu bổ sung hồ sơ',
  'deemed-consent': 'coi như đồng ý',
  'interval-end': 'hết thời gian không tính',
  'notify-agency': 'báo cơ quan',
  overdue: 'quá hạn',
  'rating-window': 'hết hạn đánh giá',
  refusal: 'từ chối',
  'result-ready': 'có kết quả',
  'result-returned': 'đã trả kết quả',
  'supplement-requested': 'yêu cầu bổ sung',
  withdrawn: 'rút hồ sơ',
};

/** A timer's or an effect's kind as the stepper shows it. */
export function kindText(kind: string, lang: Lang): string {
  return lang === 'vi' ? (KINDS_VI[kind] ?? kind) : kind;
}

/** The clock panel's facts. */
export interface ClockFacts {
  readonly now: string;
  readonly received: string;
  readonly status: string;
  readonly due: string;
  readonly running: string;
  readonly used: string;
  readonly step: string | null;
  readonly standing: string;
  readonly nextDeadline: string | null;
  readonly limit: string;
}

export function clockFacts(proc: CompiledProcedure, snapshot: CaseSnapshot, now: Instant, lang: Lang): ClockFacts {
  const ctx = snapshot.context;
  const cal = proc.env.calendar;
  const l = ctx.statutory;
  const code = statusCode(snapshot);
  const units = lang === 'vi' ? { wh: 'giờ làm việc', wd: 'ngày làm việc', d: 'ngày' } : { wh: 'wh', wd: 'wd', d: 'd' };
  const unit = l === null ? '' : l.measure === 'working-time' ? units.wh : l.measure === 'working-days' ? units.wd : units.d;
  const scale = l === null ? 1 : l.measure === 'working-time' ? 3_600_000 : 86_400_000;
  // The engine's own count: it stops when the result is ready or the case ends, and in the legal
  // date mode it charges whole days (what a pause now would record), so "Used" never jumps.
  const stop = statutoryStopOf(ctx);
  const used = l === null ? 0 : chargedAt(cal, l, stop ?? now) / scale;
  const budget = l === null ? 0 : l.budget / scale;
  const figure = (x: number) => (l?.dateMode === true ? String(Math.round(x)) : x.toFixed(1));
  const open = l?.pauses.filter((p) => p.to === null) ?? [];
  const active = Object.entries(ctx.steps).find(([, s]) => s.status === 'active');
  const timer = nextDeadline(snapshot);
  const due = l?.due ?? null;
  const standing =
    ctx.classification !== null
      ? ctx.classification
      : due === null
        ? (l === null ? (lang === 'vi' ? 'chưa tiếp nhận' : 'not yet received') : lang === 'vi' ? 'tạm dừng' : 'paused')
        : now > due
          ? (lang === 'vi' ? 'quá hạn' : 'overdue')
          : lang === 'vi'
            ? 'trong hạn'
            : 'within limit';
  return {
    now: `${formatVnDate(localDateOf(now))} ${formatTimeOfDay(msOfLocalDay(now))}`,
    received: `${shortTime(ctx.receivedAt)} (${t(lang, `channel.${ctx.channel}`)})`,
    status: `${code} ${STATUS_LABELS[code][lang]}`,
    due: due === null ? '—' : dueText(due, lang),
    running: l === null ? '—' : stop !== null ? `${lang === 'vi' ? 'đã dừng lúc' : 'stopped at'} ${shortTime(stop)}` : open.length > 0 ? `${lang === 'vi' ? 'dừng' : 'paused'}: ${open.map((p) => p.reason).join(', ')}` : lang === 'vi' ? 'đang chạy' : 'running',
    used: l === null ? '—' : `${figure(used)} / ${figure(budget)} ${unit}, ${lang === 'vi' ? 'còn' : 'left'} ${figure(budget - used)}`,
    step: active === undefined || stop !== null ? null : `${active[0]} ${active[1].ledger.due === null ? '' : shortTime(active[1].ledger.due)}`,
    standing,
    nextDeadline: timer === null ? null : `${kindText(timer.kind, lang)} ${shortTime(timer.at)}`,
    limit: `${limitWords(parseDuration(proc.spec.limit.duration), proc.spec.limit.mode, lang)} — ${citeRef(proc.spec.limit.ref, lang)}`,
  };
}

/** The control slip as short lines, newest last. */
export function timelineLines(snapshot: CaseSnapshot, lang: Lang = 'en'): string[] {
  const party = (x: string | undefined) => (x === 'applicant' ? t(lang, 'party.applicant') : (x ?? ''));
  return snapshot.context.timeline.map((e) => {
    const who = `${party(e.from)}→${party(e.to)}`;
    return [shortTime(e.at), e.action, who === '→' ? '' : who, e.step ?? '', e.classification ?? ''].filter((x) => x !== '').join(' ');
  });
}

/** How many terminal columns a text takes (Vietnamese letters are one grapheme, one column). */
export function textWidth(text: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter().segment(text)) n++;
  return n;
}

/** An action's label for `room` columns: with the agencies' names when they fit, else with their ids (the end is cut only when even that does not fit). */
export function fitLabel(action: { readonly label: string; readonly short?: string }, room: number): string {
  return textWidth(action.label) <= room ? action.label : (action.short ?? action.label);
}

/**
 * The flow lines that fit in `room` rows, around the first step being worked on: when some must be
 * left out, the last row says how many (`⋮ +3`), so a small terminal drops lines instead of
 * squeezing them into each other.
 */
export function visibleFlow(lines: readonly FlowLine[], room: number): { readonly shown: readonly FlowLine[]; readonly hidden: number } {
  if (lines.length <= room) return { shown: lines, hidden: 0 };
  const fit = Math.max(1, room - 1);
  const active = lines.findIndex((l) => l.mark === '▶' || l.mark === '…' || l.mark === '~');
  const focus = active >= 0 ? active : Math.max(0, lines.findIndex((l) => l.mark === '·'));
  const first = Math.max(0, Math.min(focus - Math.floor(fit / 3), lines.length - fit));
  return { shown: lines.slice(first, first + fit), hidden: lines.length - fit };
}

/** A message for `columns`: as it is when it fits, else with the agencies' names replaced by their ids. */
export function fitMessage(text: string, proc: CompiledProcedure, lang: Lang, columns: number): string {
  if (textWidth(text) <= columns) return text;
  return Object.entries(proc.spec.agencies).reduce((out, [id, agency]) => out.split(agency.name[lang]).join(id), text);
}

/**
 * Lines wrapped at word boundaries to `width` columns, continuation lines indented two more than
 * their first, so a long explanation keeps its legal references instead of losing its end.
 */
export function wrapLines(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const indent = /^ */.exec(line)![0];
    let current = indent;
    let empty = true;
    for (const word of line.slice(indent.length).split(' ')) {
      if (!empty && textWidth(`${current} ${word}`) > width) {
        out.push(current);
        current = `${indent}  ${word}`;
      } else current = empty ? current + word : `${current} ${word}`;
      empty = false;
    }
    out.push(current);
  }
  return out;
}
