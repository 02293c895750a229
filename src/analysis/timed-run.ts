import type { Instant } from '../calendar/instant.ts';
import { formatInstant } from '../calendar/instant.ts';
import { type CaseSnapshot, advance, applyEvent, nextDeadline, startCase } from '../compile/case.ts';
import { affordances } from '../compile/affordances.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import type { Actor, CaseEvent, CaseInput } from '../compile/types.ts';
import { type Lang, t } from '../i18n/translate.ts';

/**
 * How a generated case unfolds: each party acts at a fraction of the time it is allowed, drawn in
 * order from `fractions` (0 = at once, 1 = at its very deadline).
 */
export interface Plan {
  readonly input: CaseInput;
  readonly fractions: readonly number[];
  /** Days the applicant takes to pay or to bring papers, drawn in order. */
  readonly applicantDays: readonly number[];
  /** Consulted agencies that stay silent (deemed consent), by index of their answer. */
  readonly silent: readonly boolean[];
  /** Ask for a supplement in the n-th step entered (counting from 0), if any. */
  readonly supplementAt?: number;
}

/** One line of a timed run's trace: the receipt, an event sent (and whether it was refused), or a deadline. */
export type TraceEntry =
  | { readonly kind: 'received'; readonly at: Instant; readonly channel: string; readonly dossier?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'event'; readonly at: Instant; readonly type: CaseEvent['type']; readonly target?: string; readonly by: string; readonly refused?: { readonly vi: string; readonly en: string } }
  | { readonly kind: 'timer'; readonly at: Instant; readonly timer: string };

/** What a timed run observed, for the property checks. */
export interface RunResult {
  readonly snapshot: CaseSnapshot;
  /** What happened, in order ({@link describeTrace} says it in either language). */
  readonly trace: readonly TraceEntry[];
  /** The trace in English, one line per entry. */
  readonly log: readonly string[];
  /** The statutory due just before the supplement request and just after the papers came, with the instants. */
  readonly supplement?: { readonly requestedAt: Instant; readonly suppliedAt: Instant; readonly dueBefore: Instant; readonly dueAfter: Instant };
}

const DAY = 86_400_000;

/**
 * Drives a case through its procedure according to a plan, until the result is ready or it ends.
 *
 * @example
 * const input = { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } } as const;
 * const run = timedRun(compileProcedure(birthRegistration2025), { input, fractions: [0.5], applicantDays: [1], silent: [] });
 * statusCode(run.snapshot) // → 9
 * run.log[2] // → '2026-03-02T09:30+07:00 COMPLETE register by committee'
 */
export function timedRun(proc: CompiledProcedure, plan: Plan): RunResult {
  const trace: TraceEntry[] = [];
  const log = () => describeTrace(trace, 'en');
  let snapshot = startCase(proc, plan.input).snapshot;
  let f = 0;
  let d = 0;
  let s = 0;
  const fraction = () => plan.fractions[f++ % plan.fractions.length] ?? 0.5;
  const office = proc.env.calendar;
  const applicantDelay = () => (plan.applicantDays[d++ % Math.max(1, plan.applicantDays.length)] ?? 1) * DAY;
  /** When the desk records what the applicant brings `applicantDelay()` after `t`: in office hours. */
  const applicantAt = (t: Instant) => office.nextWorkingInstant((t + Math.floor(applicantDelay())) as Instant);
  const desk: Actor = { kind: 'agency', agency: proc.env.desk };
  const planned = new Map<string, { at: Instant; event: CaseEvent }>();
  let entered = 0;
  const seen = new Set<string>();
  let supplement: RunResult['supplement'];
  let pending: { requestedAt: Instant; dueBefore: Instant } | undefined;

  const apply = (event: CaseEvent) => {
    const result = applyEvent(proc, snapshot, event);
    const by = event.by.kind === 'agency' ? event.by.agency : event.by.kind;
    const target = 'step' in event && event.step !== undefined ? event.step : 'timer' in event ? event.timer : undefined;
    const refused = result.ok ? undefined : { vi: result.error.messageIn('vi'), en: result.error.message };
    trace.push({ kind: 'event', at: event.at, type: event.type, by, ...(target === undefined ? {} : { target }), ...(refused === undefined ? {} : { refused }) });
    if (!result.ok) throw new Error(`the generated run was refused: ${result.error.message}\n${log().join('\n')}`);
    snapshot = result.snapshot;
  };

  const dossier = plan.input.dossier === undefined || Object.keys(plan.input.dossier).length === 0 ? undefined : plan.input.dossier;
  trace.push({ kind: 'received', at: plan.input.receivedAt, channel: plan.input.channel, ...(dossier === undefined ? {} : { dossier }) });
  apply({ type: 'ACCEPT', at: plan.input.receivedAt, by: desk });
  for (let guard = 0; guard < 500 && snapshot.status === 'active' && !snapshot.matches('resultReady' as never); guard++) {
    const ctx = snapshot.context;
    const now = ctx.now;
    // Parties act inside office hours, at a fraction of the working time they have left: a
    // counterexample is then a case a desk could really see.
    const within = (due: Instant): Instant => {
      const span = due > now ? office.workingTimeBetween(now, due) : 0;
      return span <= 0 ? now : office.addWorkingTime(now, Math.floor(fraction() * span));
    };
    // What each party may do now, planned once, at an instant inside its office hours.
    for (const a of affordances(proc, snapshot)) {
      const { by } = a;
      if (a.type === 'TRANSFER' && !planned.has('transfer')) {
        planned.set('transfer', { at: within(ctx.transferDue ?? now), event: { type: 'TRANSFER', at: now, by } });
      } else if (a.type === 'COMPLETE') {
        const step = a.step!;
        const record = ctx.steps[step]!;
        const key = `step:${step}:${record.enteredAt}`;
        if (planned.has(key) || seen.has(key)) continue;
        seen.add(key);
        const due = record.ledger.due ?? now;
        const mayAsk = plan.supplementAt === entered++ && pending === undefined && supplement === undefined;
        if (mayAsk && affordances(proc, snapshot).some((b) => b.type === 'REQUEST_SUPPLEMENT' && b.step === step)) {
          planned.set(key, { at: within(due), event: { type: 'REQUEST_SUPPLEMENT', at: now, by, step, missing: ['papers'] } });
        } else {
          planned.set(key, { at: within(due), event: { type: 'COMPLETE', at: now, by, step } });
        }
      } else if (a.type === 'SUPPLY' && a.step !== undefined && !planned.has(`supply:${a.step}`)) {
        planned.set(`supply:${a.step}`, { at: applicantAt(now), event: { type: 'SUPPLY', at: now, by, step: a.step } });
      } else if (a.type === 'ANSWER' && by.kind === 'agency') {
        const consult = a.consult!;
        const key = `answer:${consult}:${by.agency}`;
        if (planned.has(key) || seen.has(key)) continue;
        seen.add(key);
        const node = proc.env.nodes.get(consult);
        if (node?.kind !== 'consult') continue;
        if (plan.silent[s++ % Math.max(1, plan.silent.length)] === true && node.deemedConsent) continue;
        const timer = ctx.timers.find((t) => t.id === `${consult}:${by.agency}`);
        const due = timer?.at ?? (proc.env.calendarOf(node.lead).addToInstant(now, { unit: 'd', amount: 1 } as never) as Instant);
        planned.set(key, { at: within((due - 1) as Instant), event: { type: 'ANSWER', at: now, by, consult, agree: true } });
      } else if (a.type === 'FINISH_INTERVAL') {
        const key = `interval:${a.interval}`;
        if (planned.has(key) || seen.has(key)) continue;
        seen.add(key);
        planned.set(key, { at: applicantAt(now), event: { type: 'FINISH_INTERVAL', at: now, by, interval: a.interval! } });
      } else if (a.type === 'SUPPLY' && a.step === undefined) {
        planned.set('completion', { at: applicantAt(now), event: { type: 'SUPPLY', at: now, by } });
      }
    }

    const next = [...planned.entries()].sort((a, b) => a[1].at - b[1].at || a[0].localeCompare(b[0]))[0];
    const timer = nextDeadline(snapshot);
    if (timer !== null && (next === undefined || timer.at <= next[1].at)) {
      snapshot = advance(proc, snapshot, timer.at).snapshot;
      trace.push({ kind: 'timer', at: timer.at, timer: timer.id });
      continue;
    }
    if (next === undefined) break;
    planned.delete(next[0]);
    const event = { ...next[1].event, at: Math.max(next[1].at, snapshot.context.now) as Instant };
    if (event.type === 'REQUEST_SUPPLEMENT') pending = { requestedAt: event.at, dueBefore: snapshot.context.statutory?.due ?? event.at };
    apply(event);
    if (event.type === 'SUPPLY' && pending !== undefined && 'step' in event) {
      supplement = { ...pending, suppliedAt: event.at, dueAfter: snapshot.context.statutory?.due ?? event.at };
      pending = undefined;
    }
  }
  const result = { snapshot, trace, log: log() };
  return supplement === undefined ? result : { ...result, supplement };
}

/**
 * A timed run's trace, one line per entry, in `lang`: the English lines keep the event types as the
 * API spells them (`COMPLETE register by committee`); the Vietnamese ones say what was done
 * (`Hoàn thành bước register — committee`). Ids of steps and agencies are data, kept as they are.
 *
 * @example
 * describeTrace([{ kind: 'timer', at: parseInstant('2026-03-02T16:00'), timer: 'due' }], 'vi') // → [ '2026-03-02T16:00+07:00 Hết hạn due' ]
 */
export function describeTrace(trace: readonly TraceEntry[], lang: Lang): string[] {
  return trace.map((e) => {
    const at = formatInstant(e.at);
    if (e.kind === 'received') {
      const dossier = e.dossier === undefined ? '' : t(lang, 'trace.dossier', { dossier: JSON.stringify(e.dossier) });
      const channel = lang === 'en' ? e.channel : t(lang, `channel.${e.channel as 'in-person' | 'postal' | 'online'}`);
      return `${t(lang, 'trace.received', { at, channel })}${dossier}`;
    }
    if (e.kind === 'timer') return `${at} ${lang === 'en' ? 'TIMER' : t(lang, 'event.TIMER')} ${e.timer}`;
    const name = lang === 'en' ? e.type : t(lang, `event.${e.type}`);
    const by = lang === 'en' || e.by !== 'applicant' ? e.by : t(lang, 'trace.applicant');
    const refused = e.refused === undefined ? '' : t(lang, 'trace.refused', { why: e.refused[lang] });
    return `${at} ${t(lang, 'trace.event', { name, target: e.target === undefined ? '' : ` ${e.target}`, by })}${refused}`;
  });
}
