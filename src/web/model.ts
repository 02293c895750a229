import { type LocalDate, formatLocalDate } from '../calendar/date.ts';
import { maySupplementStep } from '../compile/policies.ts';
import { type Instant, MS_PER_DAY, instantAt, localDateOf } from '../calendar/instant.ts';
import { STATUS_LABELS } from '../compile/case.ts';
import { RATINGS, type CaseContext, type Rating } from '../compile/types.ts';
import type { FlowNode, Level, ProcedureSpec } from '../dsl/spec.ts';
import type { CaseRecord, CaseStore } from '../engine/store.ts';
import type { Engine } from '../engine/types.ts';
import type { Label } from '../legal.ts';
import { own } from '../own.ts';
import { dashboardFromCases } from '../report/dashboard.ts';
import type { Complaint } from '../indicators/complaint.ts';
import type { AgencyFigures, DashboardView } from './dashboard-page.ts';
import type { ActionView, DossierView, SlipRow } from './dossier-page.ts';
import { dueDay } from './format.ts';
import type { LookupDetails, LookupView, StepView } from './lookup-page.ts';
import { type Decision766Source, liveDecision766 } from './indicators.ts';
import type { DeskProcedure, QueueRow, QueueView } from './queue-page.ts';

/**
 * Who is signed in to the pages: the principal of an `auth.yaml` token (the same kinds as the
 * HTTP API's): the desk of every procedure, one agency (and role), or an operator who only reads.
 */
export type WebPrincipal =
  | { readonly kind: 'desk'; readonly name: string; readonly unit?: string }
  | { readonly kind: 'agency'; readonly name: string; readonly agency: string; readonly role?: string }
  | { readonly kind: 'operator'; readonly name: string };


/** Finds the spec a stored case runs on. */
export function specOf(specs: readonly ProcedureSpec[], p: { readonly id: string; readonly version: string }): ProcedureSpec | undefined {
  return specs.find((s) => s.id === p.id && s.version === p.version);
}

/** Every node of a flow with an id, by id: steps, consultations, excluded intervals, parallels, branches. */
export function flowNodes(flow: readonly FlowNode[], into = new Map<string, FlowNode>()): Map<string, FlowNode> {
  for (const n of flow) {
    into.set(n.id, n);
    if (n.kind === 'parallel') for (const b of n.branches) flowNodes(b, into);
    if (n.kind === 'branch') {
      for (const c of n.cases) flowNodes(c.flow, into);
      if (n.otherwise !== undefined) flowNodes(n.otherwise.flow, into);
    }
  }
  return into;
}

/** The name of an agency (or the applicant) in a procedure. */
export function agencyName(spec: ProcedureSpec | undefined, id: string): Label {
  if (id === 'applicant') return { vi: 'Người nộp hồ sơ', en: 'Applicant' };
  return (spec === undefined ? undefined : own(spec.agencies, id))?.name ?? { vi: id, en: id };
}

function nodeTitle(spec: ProcedureSpec | undefined, id: string): Label {
  const node = spec === undefined ? undefined : flowNodes(spec.flow).get(id);
  return node !== undefined && 'title' in node && node.title !== undefined ? node.title : { vi: id, en: id };
}

/** The steps a dossier has reached, in the order it reached them. */
export function stepViews(spec: ProcedureSpec | undefined, ctx: CaseContext): StepView[] {
  return Object.entries(ctx.steps)
    .sort(([, a], [, b]) => a.enteredAt - b.enteredAt)
    .map(([id, s]) => ({
      title: nodeTitle(spec, id),
      agency: agencyName(spec, s.agency),
      state: s.status,
      due: s.ledger.due,
      finishedAt: s.finishedAt ?? null,
      classification: s.classification ?? null,
    }));
}

/**
 * The public lookup of a stored case: no dossier field, no name, only the procedure, the official
 * status, dates and steps; with `details` (what is missing, the apology, whether it can be rated)
 * when the caller gave the right lookup secret.
 */
export function lookupView(spec: ProcedureSpec | undefined, record: CaseRecord, withDetails: boolean, canRate: boolean): LookupView {
  const ctx = record.snapshot.context;
  const status = record.index.status;
  let details: LookupDetails | null = null;
  if (withDetails) {
    let supplement: LookupDetails['supplement'] = null;
    if (status === 5) {
      const last = [...ctx.effects].reverse().find((e) => e.kind === 'supplement-requested' || e.kind === 'completion-requested');
      if (last?.kind === 'supplement-requested') supplement = { agency: agencyName(spec, last.agency), at: last.at, missing: last.missing };
      if (last?.kind === 'completion-requested') supplement = { agency: null, at: last.at, missing: last.missing };
    }
    const a = ctx.apologies.at(-1);
    details = { supplement, apology: a === undefined ? null : { agency: agencyName(spec, a.agency), at: a.at, newDue: a.newDue, reason: a.reason }, canRate, rating: ctx.rating };
  }
  return {
    code: record.code,
    procedure: spec?.title ?? { vi: record.procedure.id, en: record.procedure.id },
    status: { code: status, label: STATUS_LABELS[status] },
    receivedAt: ctx.receivedAt,
    due: ctx.statutory?.due ?? null,
    paused: ctx.statutory !== null && ctx.statutory.runningSince === null && record.index.inProgress,
    steps: stepViews(spec, ctx),
    readyAt: ctx.readyAt,
    returnedAt: ctx.timeline.find((e) => e.action === 'return')?.at ?? null,
    details,
  };
}

/** The agency a principal acts as on a case of `spec`: the desk token acts as that procedure's desk. */
export function agencyOf(principal: WebPrincipal, spec: ProcedureSpec): string | null {
  if (principal.kind === 'desk') return spec.receipt.desk;
  if (principal.kind === 'agency') return principal.agency;
  return null;
}

/** A principal's name for the page header: the agency's name where one is known. */
export function principalLabel(principal: WebPrincipal, specs: readonly ProcedureSpec[]): Label {
  if (principal.kind === 'agency') {
    for (const s of specs) {
      const a = own(s.agencies, principal.agency);
      if (a !== undefined) return principal.role === undefined ? a.name : { vi: `${a.name.vi} (${principal.role})`, en: `${a.name.en} (${principal.role})` };
    }
    return { vi: principal.name, en: principal.name };
  }
  if (principal.kind === 'desk') return { vi: `Bộ phận Một cửa (${principal.name})`, en: `One-stop desk (${principal.name})` };
  return { vi: principal.name, en: principal.name };
}

/** The row of a case in a queue: due date and what needs attention at `now`. */
export function queueRow(spec: ProcedureSpec | undefined, record: CaseRecord, apologyBy: Instant | null, now: Instant): QueueRow {
  const ctx = record.snapshot.context;
  const due = ctx.statutory?.due ?? null;
  const inProgress = record.index.inProgress;
  const stepLate = Object.values(ctx.steps).some((s) => s.status === 'active' && s.ledger.due !== null && s.ledger.due < now);
  const needsApology = inProgress && ctx.apologies.length === 0 && apologyBy !== null && (ctx.notified.apologyDue || stepLate);
  return {
    code: record.code,
    procedure: spec?.title ?? { vi: record.procedure.id, en: record.procedure.id },
    status: { code: record.index.status, label: STATUS_LABELS[record.index.status] },
    due,
    dueToday: inProgress && due !== null && due >= now && dueDay(due) === localDateOf(now),
    overdue: inProgress && due !== null && due < now,
    apologyBy: needsApology ? apologyBy : null,
    paused: inProgress && ctx.statutory !== null && ctx.statutory.runningSince === null,
  };
}

/** Whether a principal's agency holds a case now (the desk token: the case's own desk). */
export function holds(principal: WebPrincipal, spec: ProcedureSpec | undefined, record: CaseRecord): boolean {
  if (spec === undefined) return false;
  const agency = agencyOf(principal, spec);
  return agency !== null && record.index.holders.includes(agency);
}

/** The queue of a principal: the cases its agency holds, sorted by due instant (none last), then code. */
export async function queueView(engine: Engine, store: CaseStore, specs: readonly ProcedureSpec[], principal: WebPrincipal, now: Instant): Promise<QueueView> {
  const summaries = principal.kind === 'agency' ? await engine.list({ agency: principal.agency }) : principal.kind === 'desk' ? await engine.list({}) : [];
  const rows: QueueRow[] = [];
  for (const s of summaries) {
    const record = await store.get(s.caseId);
    if (record === null) continue;
    const spec = specOf(specs, record.procedure);
    if (!holds(principal, spec, record)) continue;
    const apologyBy = record.index.inProgress ? (await engine.dueDates(s.caseId)).apologyBy : null;
    rows.push(queueRow(spec, record, apologyBy, now));
  }
  rows.sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { agency: principalLabel(principal, specs), rows, desk: principal.kind === 'desk' ? deskProcedures(specs, formatLocalDate(localDateOf(now))) : [] };
}

/** The procedures a desk receives on `date`: the version in force of each. */
export function deskProcedures(specs: readonly ProcedureSpec[], date: string): DeskProcedure[] {
  const latest = new Map<string, ProcedureSpec>();
  for (const s of specs) if (s.effectiveFrom <= date && (latest.get(s.id)?.effectiveFrom ?? '') <= s.effectiveFrom) latest.set(s.id, s);
  return [...latest.values()]
    .sort((a, b) => (a.title.vi < b.title.vi ? -1 : 1))
    .map((s) => ({ id: s.id, title: s.title, channels: s.receipt.channels, dossier: Object.entries(s.dossier).map(([key, field]) => ({ key, field })) }));
}

/** What the principal's agency may do now on a case, as actions with their short forms. */
export function actionsFor(spec: ProcedureSpec, ctx: CaseContext, possible: readonly string[], principal: WebPrincipal): ActionView[] {
  const agency = agencyOf(principal, spec);
  if (agency === null) return [];
  const isDesk = agency === spec.receipt.desk;
  const can = (t: string) => possible.includes(t);
  const nodes = flowNodes(spec.flow);
  const held = Object.entries(ctx.steps).filter(([, s]) => s.agency === agency && s.status === 'active');
  const actions: ActionView[] = [];
  if (isDesk) {
    for (const t of ['ACCEPT', 'TRANSFER', 'RETURN_RESULT'] as const) if (can(t)) actions.push({ type: t });
    if (can('REQUEST_COMPLETION')) actions.push({ type: 'REQUEST_COMPLETION' });
    // The engine's rule: after the applicant's request (7, the outcome decided), an officer of the
    // desk closes the dossier (8) with WITHDRAW; before it only the applicant may send one.
    if (can('WITHDRAW') && ctx.outcome?.kind === 'withdrawn') actions.push({ type: 'WITHDRAW' });
  }
  for (const [step] of held) {
    const title = nodeTitle(spec, step);
    if (nodes.get(step)?.kind !== 'step') continue;
    if (can('COMPLETE')) actions.push({ type: 'COMPLETE', step, stepTitle: title });
    // The supplement limit counts per dossier (or per agency), as the reducer's guard counts it.
    if (can('REQUEST_SUPPLEMENT') && maySupplementStep(spec, ctx, agency)) actions.push({ type: 'REQUEST_SUPPLEMENT', step, stepTitle: title });
  }
  if (can('ANSWER')) {
    for (const n of nodes.values()) {
      if (n.kind !== 'consult' || !n.consulted.includes(agency)) continue;
      // A consultation under way has an entry in `answers` (consultations are not in `steps`); the
      // agency answers once.
      const given = own(ctx.answers, n.id);
      if (given === undefined || Object.hasOwn(given, agency)) continue;
      actions.push({ type: 'ANSWER', consult: n.id, title: n.title });
    }
  }
  if (can('FINISH_INTERVAL')) {
    for (const n of nodes.values()) {
      if (n.kind !== 'excluded' || n.party !== agency) continue;
      const started = ctx.timeline.some((e) => e.action === 'interval-start' && e.step === n.id);
      const ended = ctx.timeline.some((e) => e.action === 'interval-end' && e.step === n.id);
      if (started && !ended) actions.push({ type: 'FINISH_INTERVAL', interval: n.id, title: n.title });
    }
  }
  if (can('APOLOGIZE') && ctx.apologies.length < spec.lateness.apology.max && (held.length > 0 || isDesk) && ctx.statutory?.due != null) {
    actions.push({ type: 'APOLOGIZE', suggested: (ctx.statutory.due + 2 * MS_PER_DAY) as Instant });
  }
  if (can('REFUSE')) {
    if (held.length > 0) for (const [step] of held.filter(([id]) => nodes.get(id)?.kind === 'step')) actions.push({ type: 'REFUSE', step, stepTitle: nodeTitle(spec, step) });
    else if (isDesk && ctx.statutory === null) actions.push({ type: 'REFUSE' });
  }
  return actions;
}

/** The control slip with agency and step names. */
export function slipRows(spec: ProcedureSpec | undefined, ctx: CaseContext): SlipRow[] {
  return ctx.timeline.map((e) => ({
    at: e.at,
    action: e.action,
    from: e.from === undefined ? null : agencyName(spec, e.from),
    to: e.to === undefined ? null : agencyName(spec, e.to),
    step: e.step === undefined ? null : nodeTitle(spec, e.step),
    due: e.due ?? null,
    classification: e.classification ?? null,
    note: e.note === undefined || e.note === '' ? null : e.note,
  }));
}

/** The officer's view of one dossier. */
export async function dossierView(engine: Engine, store: CaseStore, specs: readonly ProcedureSpec[], principal: WebPrincipal, code: string, now: Instant): Promise<DossierView | null> {
  const record = await store.get(code);
  if (record === null) return null;
  const spec = specOf(specs, record.procedure);
  const ctx = record.snapshot.context;
  const status = await engine.status(code);
  const apologyBy = record.index.inProgress ? (await engine.dueDates(code)).apologyBy : null;
  const held = holds(principal, spec, record);
  return {
    row: queueRow(spec, record, apologyBy, now),
    receivedAt: ctx.receivedAt,
    holders: record.index.holders.map((h) => agencyName(spec, h)),
    held,
    steps: stepViews(spec, ctx),
    slip: slipRows(spec, ctx),
    actions: held && spec !== undefined ? actionsFor(spec, ctx, status.possible, principal) : [],
    version: record.version,
    desk: spec !== undefined && agencyOf(principal, spec) === spec.receipt.desk,
  };
}

/** The dashboard period: `from` and `to` as local dates, the month of `now` unless given. */
export function dashboardPeriod(from: string | null, to: string | null, now: Instant): { from: string; to: string } {
  const today = formatLocalDate(localDateOf(now));
  const first = `${today.slice(0, 8)}01`;
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: from ?? first, to: to ?? next };
}

/**
 * The leaders' dashboard of a period from every stored case: the report's one-stop figures, by
 * level, by agency (steps finished in the period, and dossiers overdue now), the ratings given,
 * the on-time rate week by week, the complaints filed, and the Decision 766 panel (the live
 * store's, `liveDecision766`, unless another source is given).
 */
export function dashboardView(
  records: readonly CaseRecord[],
  specs: readonly ProcedureSpec[],
  period: { readonly from: LocalDate; readonly to: LocalDate },
  now: Instant,
  extra: { readonly decision766?: Decision766Source; readonly complaints?: readonly Complaint[] } = {},
): DashboardView {
  const from = instantAt(period.from);
  const to = instantAt(period.to);
  const end = Math.min(to, now) as Instant;
  const contexts = records.map((r) => r.snapshot.context);
  const within = (t: Instant) => t >= from && t < end;
  const oneStop = dashboardFromCases(contexts, { from, to, now });
  const titles: Record<string, Label> = {};
  for (const s of specs) titles[s.id] = s.title;
  const levels = new Map<Level, CaseContext[]>();
  for (const r of records) {
    const level = specOf(specs, r.procedure)?.level;
    if (level === undefined) continue;
    levels.set(level, [...(levels.get(level) ?? []), r.snapshot.context]);
  }
  const byLevel = (['province', 'district', 'commune'] as const).filter((l) => levels.has(l)).map((level) => ({ level, figures: dashboardFromCases(levels.get(level)!, { from, to, now }).total }));
  const agencies = new Map<string, { agency: Label; level: Level | null; early: number; onTime: number; late: number; overdue: number }>();
  const agencyRow = (spec: ProcedureSpec | undefined, id: string) => {
    const key = `${spec?.agencies[id]?.name.vi ?? id}`;
    let row = agencies.get(key);
    if (row === undefined) {
      row = { agency: agencyName(spec, id), level: spec?.agencies[id]?.level ?? null, early: 0, onTime: 0, late: 0, overdue: 0 };
      agencies.set(key, row);
    }
    return row;
  };
  const ratings: Record<Rating, number> = { 'very-satisfied': 0, satisfied: 0, 'not-satisfied': 0 };
  for (const r of records) {
    const spec = specOf(specs, r.procedure);
    const ctx = r.snapshot.context;
    for (const s of Object.values(ctx.steps)) {
      if (s.finishedAt === undefined || s.classification === undefined || !within(s.finishedAt)) continue;
      const row = agencyRow(spec, s.agency);
      if (s.classification === 'early') row.early++;
      else if (s.classification === 'on-time') row.onTime++;
      else row.late++;
    }
    if (r.index.inProgress && ctx.statutory?.due != null && ctx.statutory.due < now) for (const h of r.index.holders) agencyRow(spec, h).overdue++;
    for (const e of ctx.timeline) {
      if (e.action === 'rate' && within(e.at) && (RATINGS as readonly string[]).includes(e.note ?? '')) ratings[e.note as Rating]++;
    }
  }
  const byAgency: AgencyFigures[] = [...agencies.values()].sort((a, b) => (a.agency.vi < b.agency.vi ? -1 : 1));
  const weeks: DashboardView['weeks'][number][] = [];
  for (let d = period.from as number; d < period.to && instantAt(d as LocalDate) < now; d += 7) {
    const wFrom = instantAt(d as LocalDate);
    const wTo = instantAt(Math.min(d + 7, period.to) as LocalDate);
    const total = dashboardFromCases(contexts, { from: wFrom, to: wTo, now }).total;
    weeks.push({ from: formatLocalDate(d as LocalDate), onTimeRate: total.onTimeRate, resolved: total.resolved.total });
  }
  return {
    period: { from: formatLocalDate(period.from), to: formatLocalDate(period.to) },
    oneStop,
    titles,
    byLevel,
    byAgency,
    ratings,
    complaints: (extra.complaints ?? []).filter((c) => within(c.openedAt)).length,
    weeks: weeks.slice(-12),
    decision766: (extra.decision766 ?? liveDecision766)(contexts, extra.complaints ?? [], { from, to, now }, specs),
  };
}
