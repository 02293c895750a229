import { type LocalDate, formatLocalDate, parseLocalDate } from '../calendar/date.ts';
import { type Instant, formatInstant } from '../calendar/instant.ts';
import type { CaseContext } from '../compile/types.ts';
import { doneAt, resolvedAt } from '../indicators/from-cases.ts';
import { CHANNELS, type Channel } from '../dsl/spec.ts';
import type { SimConfig } from '../sim/config.ts';
import type { SimReport } from '../sim/report.ts';

/**
 * The figures a one-stop office reports for a period (shared/DOMAIN.md): dossiers received,
 * resolved early / on time / late, pending within the limit or overdue, supplement requests,
 * refusals, withdrawals, apology slips and the on-time rate.
 *
 * Every dossier received before the end of the period and still open at its start is either done
 * during the period or pending at its end:
 * `carriedOver + new = resolved + refusals.atReceipt + withdrawals + pending`.
 */
export interface DashboardFigures {
  readonly received: {
    readonly total: number;
    /** Received before the period and still open at its start; null when not measured (a simulation counts only dossiers received after its warm-up). */
    readonly carriedOver: number | null;
    readonly new: number;
    /** New dossiers by channel; null when not known. */
    readonly byChannel: Readonly<Record<Channel, number>> | null;
  };
  /** Resolved in the period (result ready, or refused after receipt), classified against the statutory due date. */
  readonly resolved: { readonly total: number; readonly early: number; readonly onTime: number; readonly late: number };
  /** Open at the end of the period: within the limit or already past the due date. */
  readonly pending: { readonly total: number; readonly withinLimit: number; readonly overdue: number };
  /** Requests for papers: at the desk before receipt (hoàn thiện hồ sơ) and during processing (bổ sung). */
  readonly supplements: { readonly atReceipt: number; readonly duringProcessing: number };
  /** Written refusals: at the desk (not received) and during processing (these are also resolved). */
  readonly refusals: { readonly atReceipt: number; readonly duringProcessing: number };
  readonly withdrawals: number;
  readonly apologySlips: number;
  /** (early + on time) / resolved; null when nothing was resolved. */
  readonly onTimeRate: number | null;
}

/** The figures per procedure and in total, with the period they cover. */
export interface Dashboard {
  /** `simulation`: means per replication of the dossiers received after the warm-up; `cases`: counted from case records. */
  readonly source: 'simulation' | 'cases';
  /** Local dates or instants, inclusive start and exclusive end. */
  readonly period: { readonly from: string; readonly to: string };
  readonly procedures: readonly (DashboardFigures & { readonly id: string; readonly version: string | null })[];
  readonly total: DashboardFigures;
}

/**
 * The dashboard of a simulation: per procedure, the mean per replication of the dossiers received
 * after the warm-up, followed until the end of the run. New dossiers by channel are the scenario's
 * channel mix applied to them (in expectation exact), when the configuration is given.
 *
 * @example
 * const d = dashboardFromReport(buildReport(config, results), config);
 * d.total.onTimeRate // 0.993
 */
export function dashboardFromReport(report: SimReport, config?: SimConfig): Dashboard {
  const procedures = report.procedures.map((p) => {
    const mix = config?.procedures.find((sp) => sp.spec.id === p.id)?.channels;
    const byChannel = mix === undefined ? null : channelCounts((ch) => mix.filter((c) => c.value === ch).reduce((s, c) => s + c.p, 0) * p.started.mean);
    const resolved = { early: p.early.mean, onTime: p.onTime.mean, late: p.late.mean };
    const figures = finish({
      received: { carriedOver: null, new: p.started.mean, byChannel },
      resolved,
      pending: { withinLimit: Math.max(0, p.inProgress.mean - p.pendingOverdue.mean), overdue: p.pendingOverdue.mean },
      supplements: { atReceipt: p.completionRequests.mean, duringProcessing: p.supplementRequests.mean },
      refusals: { atReceipt: p.refusedAtReceipt.mean, duringProcessing: p.refused.mean },
      withdrawals: p.withdrawn.mean,
      apologySlips: p.apologies.mean,
    });
    return { id: p.id, version: p.version as string | null, ...figures };
  });
  const s = report.scenario;
  const start = parseLocalDate(s.start);
  const date = (offset: number) => formatLocalDate((start + offset) as LocalDate);
  return { source: 'simulation', period: { from: date(s.warmupDays), to: date(s.horizonDays) }, procedures, total: sum(procedures, { carriedOver: false, channels: config !== undefined }) };
}

/** The period of a dashboard from case records, and the instant the records are as of. */
export interface DashboardPeriod {
  readonly from: Instant;
  /** Exclusive; a period still running ends at `now`. */
  readonly to: Instant;
  /** The instant the case records reflect: nothing after it is known. */
  readonly now: Instant;
}

/**
 * The dashboard of a period counted from case records (`CaseContext`s, as the machine keeps them
 * and a store returns them), grouped by procedure id. Events count when they happen in
 * `[from, min(to, now))`; a dossier pending at the end is overdue when its statutory due instant is
 * before that end (a dossier whose clock is paused, or not yet accepted, is within the limit). For a
 * period in the past, a dossier's due instant is the one it has now, so a pause started after the
 * period is not undone.
 *
 * @example
 * const d = dashboardFromCases(cases, { from: parseInstant('2025-03-01T00:00'), to: parseInstant('2025-04-01T00:00'), now });
 * d.total.resolved // { total: 41, early: 12, onTime: 27, late: 2 }
 */
export function dashboardFromCases(cases: readonly CaseContext[], period: DashboardPeriod): Dashboard {
  const from = period.from;
  const end = Math.min(period.to, period.now);
  const within = (t: Instant | null | undefined) => t !== null && t !== undefined && t >= from && t < end;
  const groups = new Map<string, CaseContext[]>();
  for (const c of cases) {
    const group = groups.get(c.procedure.id);
    if (group === undefined) groups.set(c.procedure.id, [c]);
    else group.push(c);
  }
  const ids = [...groups.keys()].sort();
  const procedures = ids.map((id) => {
    const group = groups.get(id)!;
    const versions = [...new Set(group.map((c) => c.procedure.version))];
    const counts = { carriedOver: 0, new: 0, early: 0, onTime: 0, late: 0, withinLimit: 0, overdue: 0, completion: 0, supplement: 0, refusedAtReceipt: 0, refused: 0, withdrawn: 0, apologies: 0 };
    const byChannel: Record<Channel, number> = { 'in-person': 0, postal: 0, online: 0 };
    for (const c of group) {
      const done = doneAt(c);
      if (c.receivedAt < from) {
        if (done === null || done >= from) counts.carriedOver++;
      } else if (c.receivedAt < end) {
        counts.new++;
        byChannel[c.channel]++;
      }
      if (c.receivedAt < end && (done === null || done >= end)) {
        const due = c.statutory?.due ?? null;
        if (due !== null && due < end) counts.overdue++;
        else counts.withinLimit++;
      }
      const resolved = resolvedAt(c);
      if (resolved !== null && within(resolved)) {
        if (c.classification === 'early') counts.early++;
        else if (c.classification === 'on-time') counts.onTime++;
        else counts.late++;
      }
      const outcome = c.outcome;
      if (outcome !== null && within(outcome.at)) {
        if (outcome.kind === 'refused-at-receipt') counts.refusedAtReceipt++;
        else if (outcome.kind === 'refused') counts.refused++;
        else if (outcome.kind === 'withdrawn') counts.withdrawn++;
      }
      for (const entry of c.timeline) {
        if (!within(entry.at)) continue;
        if (entry.action === 'request-completion') counts.completion++;
        else if (entry.action === 'request-supplement') counts.supplement++;
      }
      counts.apologies += c.apologies.filter((a) => within(a.at)).length;
    }
    const figures = finish({
      received: { carriedOver: counts.carriedOver, new: counts.new, byChannel },
      resolved: { early: counts.early, onTime: counts.onTime, late: counts.late },
      pending: { withinLimit: counts.withinLimit, overdue: counts.overdue },
      supplements: { atReceipt: counts.completion, duringProcessing: counts.supplement },
      refusals: { atReceipt: counts.refusedAtReceipt, duringProcessing: counts.refused },
      withdrawals: counts.withdrawn,
      apologySlips: counts.apologies,
    });
    return { id, version: versions.length === 1 ? versions[0]! : null, ...figures };
  });
  return {
    source: 'cases',
    period: { from: formatInstant(from), to: formatInstant(end as Instant) },
    procedures,
    total: sum(procedures, { carriedOver: true, channels: true }),
  };
}

type Parts = {
  readonly received: Omit<DashboardFigures['received'], 'total'>;
  readonly resolved: Omit<DashboardFigures['resolved'], 'total'>;
  readonly pending: Omit<DashboardFigures['pending'], 'total'>;
} & Pick<DashboardFigures, 'supplements' | 'refusals' | 'withdrawals' | 'apologySlips'>;

/** Adds the totals and the on-time rate. */
function finish(p: Parts): DashboardFigures {
  const resolved = p.resolved.early + p.resolved.onTime + p.resolved.late;
  return {
    received: { total: (p.received.carriedOver ?? 0) + p.received.new, ...p.received },
    resolved: { total: resolved, ...p.resolved },
    pending: { total: p.pending.withinLimit + p.pending.overdue, ...p.pending },
    supplements: p.supplements,
    refusals: p.refusals,
    withdrawals: p.withdrawals,
    apologySlips: p.apologySlips,
    onTimeRate: resolved === 0 ? null : (p.resolved.early + p.resolved.onTime) / resolved,
  };
}

function channelCounts(count: (channel: Channel) => number): Record<Channel, number> {
  return Object.fromEntries(CHANNELS.map((ch) => [ch, count(ch)])) as Record<Channel, number>;
}

/** The total over procedures: counts add up, the rate is recomputed from them. `measured` says which optional figures the source has. */
function sum(rows: readonly DashboardFigures[], measured: { readonly carriedOver: boolean; readonly channels: boolean }): DashboardFigures {
  const add = (f: (r: DashboardFigures) => number) => rows.reduce((s, r) => s + f(r), 0);
  const carried = measured.carriedOver && rows.every((r) => r.received.carriedOver !== null) ? add((r) => r.received.carriedOver ?? 0) : null;
  const channels = measured.channels && rows.every((r) => r.received.byChannel !== null) ? channelCounts((ch) => add((r) => r.received.byChannel![ch])) : null;
  return finish({
    received: { carriedOver: carried, new: add((r) => r.received.new), byChannel: channels },
    resolved: { early: add((r) => r.resolved.early), onTime: add((r) => r.resolved.onTime), late: add((r) => r.resolved.late) },
    pending: { withinLimit: add((r) => r.pending.withinLimit), overdue: add((r) => r.pending.overdue) },
    supplements: { atReceipt: add((r) => r.supplements.atReceipt), duringProcessing: add((r) => r.supplements.duringProcessing) },
    refusals: { atReceipt: add((r) => r.refusals.atReceipt), duringProcessing: add((r) => r.refusals.duringProcessing) },
    withdrawals: add((r) => r.withdrawals),
    apologySlips: add((r) => r.apologySlips),
  });
}
