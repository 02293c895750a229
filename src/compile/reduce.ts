import { match } from 'ts-pattern';
import { parseDuration } from '../calendar/duration.ts';
import type { Instant } from '../calendar/instant.ts';
import { type Classification, type Ledger, classify, consumedAt, openLedger, pauseLedger } from '../calendar/ledger.ts';
import type { ConsultNode, ExcludedNode } from '../dsl/spec.ts';
import { own } from '../own.ts';
import {
  apologyDecisionAt,
  clockAfterSupplement,
  extensionsFor,
  transferDueOf,
  openStatutory,
  pauseClock,
  pauseReason,
  referenceDueOf,
  resumeClock,
  statutoryClassification,
} from './policies.ts';
import type { ProcedureEnv } from './env.ts';
import { isCaseEvent } from './types.ts';
import type { CaseContext, CaseInput, Effect, Outcome, OutcomeKind, Party, SlipEntry, StepRecord, Timer } from './types.ts';

/**
 * What a transition does to the case, as data. The compiled machine attaches these to its
 * transitions and entries; {@link reduce} carries them out. One reducer for every host: the engine,
 * the TUI and the simulator's checks all go through it via the machine.
 */
export type Action =
  | { readonly do: 'accept' }
  | { readonly do: 'request-completion' }
  | { readonly do: 'supply-completion' }
  | { readonly do: 'refuse-at-receipt' }
  | { readonly do: 'refuse' }
  | { readonly do: 'transfer' }
  | { readonly do: 'enter-step'; readonly step: string }
  | { readonly do: 'complete-step'; readonly step: string }
  | { readonly do: 'request-supplement'; readonly step: string }
  | { readonly do: 'supply-supplement'; readonly step: string }
  | { readonly do: 'start-consult'; readonly consult: string }
  | { readonly do: 'answer'; readonly consult: string; readonly agency: string }
  | { readonly do: 'deemed-consent'; readonly consult: string; readonly agency: string }
  | { readonly do: 'start-interval'; readonly interval: string }
  | { readonly do: 'end-interval'; readonly interval: string }
  | { readonly do: 'apologize' }
  | { readonly do: 'result-ready' }
  | { readonly do: 'return' }
  | { readonly do: 'rate' }
  | { readonly do: 'close-unrated' }
  | { readonly do: 'withdraw' }
  | { readonly do: 'close-withdrawal' }
  | { readonly do: 'notify' };

/** The context of a case just received at the desk. */
export function initialContext(env: ProcedureEnv, input: CaseInput): CaseContext {
  return {
    procedure: { id: env.spec.id, version: env.spec.version },
    code: input.code ?? `${env.spec.id}-${input.receivedAt}`,
    channel: input.channel,
    dossier: input.dossier ?? {},
    receivedAt: input.receivedAt,
    now: input.receivedAt,
    lastActor: 'applicant',
    completionRequests: 0,
    transferDue: null,
    statutory: null,
    steps: {},
    supplements: {},
    answers: {},
    apologies: [],
    notified: { apologyDue: false, overdue: false },
    readyAt: null,
    classification: null,
    rating: null,
    timers: [],
    timeline: [{ at: input.receivedAt, action: 'submit', from: 'applicant', to: env.desk, note: input.channel }],
    effects: [],
    outcome: null,
  };
}


/** Entries that follow from another's act (the next handoff, an interval opening, the result ready, a silence). */
const CONSEQUENCES: ReadonlySet<SlipEntry['action']> = new Set(['handoff', 'interval-start', 'result-ready', 'deemed-consent']);

/** The party whose act a slip entry records (the desk accepts what the applicant submits), or none for a consequence. */
function doneBy(entry: Omit<SlipEntry, 'at'>): string | undefined {
  if (CONSEQUENCES.has(entry.action)) return undefined;
  return entry.action === 'accept' ? entry.to : entry.from;
}

/** Applies one action for `event` (internal XState events use the case's current instant). */
export function reduce(env: ProcedureEnv, context: CaseContext, event: { readonly type: string }, action: Action): CaseContext {
  const external = isCaseEvent(event) ? event : undefined;
  const at = external === undefined ? context.now : (Math.max(context.now, external.at) as Instant);
  const actor: Party | undefined = external === undefined ? undefined : external.by.kind === 'agency' ? external.by.agency : external.by.kind === 'applicant' ? 'applicant' : undefined;
  const ctx: CaseContext = { ...context, now: at, lastActor: actor ?? context.lastActor };
  const cal = env.calendar;
  const officer = external?.by.kind === 'agency' ? external.by.officer : undefined;
  const slip = (entry: Omit<SlipEntry, 'at'>): readonly SlipEntry[] => [...ctx.timeline, { at, ...entry, ...(officer !== undefined && doneBy(entry) === actor ? { officer } : {}) }];
  const ended = (kind: OutcomeKind, classification: Outcome['classification']): Outcome => ({
    kind,
    at,
    classification,
    timings: {
      receivedAt: ctx.receivedAt,
      acceptedAt: ctx.statutory?.startedAt ?? null,
      readyAt: ctx.readyAt,
      due: ctx.statutory?.due ?? null,
      budget: ctx.statutory?.budget ?? null,
      used: ctx.statutory === null ? null : consumedAt(cal, ctx.statutory, ctx.readyAt ?? at),
    },
  });
  const emit = (...effects: Effect[]): readonly Effect[] => [...ctx.effects, ...effects];

  return match<Action, CaseContext>(action)
    .with({ do: 'accept' }, () => {
      // Branches depend on the dossier alone, so the extensions of the cases it will take are known
      // now and the appointment slip gives the right date.
      const statutory = openStatutory(env, at, extensionsFor(env, ctx.dossier));
      // The procedure's cut-off (the period's 15:00 unless a special law says otherwise), not the calendar's default.
      const transferDue = transferDueOf(env, ctx.channel, at).due;
      return rearm(env, {
        ...ctx,
        statutory,
        transferDue,
        timeline: slip({ action: 'accept', from: 'applicant', to: env.desk, due: statutory.due! }),
        effects: emit({ kind: 'appointment-slip', at, code: ctx.code, due: statutory.due! }),
      });
    })
    .with({ do: 'request-completion' }, () => {
      const missing = external?.type === 'REQUEST_COMPLETION' ? external.missing : [];
      return {
        ...ctx,
        completionRequests: ctx.completionRequests + 1,
        timeline: slip({ action: 'request-completion', from: env.desk, to: 'applicant', note: missing.join('; ') }),
        effects: emit({ kind: 'completion-requested', at, missing }),
      };
    })
    .with({ do: 'supply-completion' }, () => ({ ...ctx, timeline: slip({ action: 'supply', from: 'applicant', to: env.desk }) }))
    .with({ do: 'refuse-at-receipt' }, () => {
      const reasons = external?.type === 'REFUSE' ? external.reasons : [];
      return {
        ...ctx,
        outcome: ended('refused-at-receipt', 'not-counted'),
        timers: [],
        timeline: slip({ action: 'refuse', from: env.desk, to: 'applicant', note: reasons.join('; ') }),
        effects: emit({ kind: 'refusal', at, by: env.desk, reasons }),
      };
    })
    .with({ do: 'refuse' }, () => {
      const reasons = external?.type === 'REFUSE' ? external.reasons : [];
      const by = actor ?? env.desk;
      const classification = classifyStatutory(env, ctx, at);
      return {
        ...ctx,
        classification,
        outcome: ended('refused', classification),
        timers: [],
        timeline: slip({ action: 'refuse', from: by, to: 'applicant', classification, note: reasons.join('; ') }),
        effects: emit({ kind: 'refusal', at, by, reasons }),
      };
    })
    .with({ do: 'transfer' }, () => ({
      ...ctx,
      timeline: slip({ action: 'transfer', from: env.desk, due: ctx.transferDue!, classification: classify(cal, at, ctx.transferDue!, env.earlyBefore) }),
    }))
    .with({ do: 'enter-step' }, ({ step }) => {
      const node = env.steps.get(step)!;
      const ledger = openLedger(env.calendarOf(node.agency), node.duration, 'hours', at, { internal: true });
      const record: StepRecord = { agency: node.agency, status: 'active', enteredAt: at, ledger };
      return {
        ...ctx,
        steps: { ...ctx.steps, [step]: record },
        timeline: slip({ action: 'handoff', from: context.lastActor, to: node.agency, step, due: ledger.due! }),
        effects: emit({ kind: 'notify-agency', at, agency: node.agency, step }),
      };
    })
    .with({ do: 'complete-step' }, ({ step }) => {
      const record = ctx.steps[step]!;
      const stepCal = env.calendarOf(record.agency);
      const classification = classify(stepCal, at, record.ledger.due ?? at, env.earlyBefore);
      return {
        ...ctx,
        steps: { ...ctx.steps, [step]: { ...record, status: 'done', finishedAt: at, classification } },
        timeline: slip({ action: 'complete', from: record.agency, step, due: record.ledger.due!, classification }),
      };
    })
    .with({ do: 'request-supplement' }, ({ step }) => {
      const record = ctx.steps[step]!;
      const missing = external?.type === 'REQUEST_SUPPLEMENT' ? external.missing : [];
      const stepCal = env.calendarOf(record.agency);
      return rearm(env, {
        ...ctx,
        statutory: pauseClock(cal, ctx.statutory, at, pauseReason.supplement(step)),
        steps: { ...ctx.steps, [step]: { ...record, status: 'supplement', ledger: pauseLedger(stepCal, record.ledger, at, 'supplement') } },
        supplements: { ...ctx.supplements, [record.agency]: (own(ctx.supplements, record.agency) ?? 0) + 1 },
        timeline: slip({ action: 'request-supplement', from: record.agency, to: 'applicant', step, note: missing.join('; ') }),
        effects: emit({ kind: 'supplement-requested', at, agency: record.agency, step, missing }),
      });
    })
    .with({ do: 'supply-supplement' }, ({ step }) => {
      const record = ctx.steps[step]!;
      const stepCal = env.calendarOf(record.agency);
      const statutory = clockAfterSupplement(env, cal, ctx.statutory, at, pauseReason.supplement(step));
      const ledger = clockAfterSupplement(env, stepCal, record.ledger, at, 'supplement')!;
      return rearm(env, {
        ...ctx,
        statutory,
        steps: { ...ctx.steps, [step]: { ...record, status: 'active', ledger } },
        timeline: slip({ action: 'supply', from: 'applicant', to: record.agency, step, ...(statutory?.due == null ? {} : { due: statutory.due }) }),
      });
    })
    .with({ do: 'start-consult' }, ({ consult }) => {
      const node = env.nodes.get(consult) as ConsultNode;
      const leadCal = env.calendarOf(node.lead);
      const due = leadCal.addToInstant(at, parseDuration(node.answerWithin));
      const timers: Timer[] = node.deemedConsent ? node.consulted.map((agency) => ({ id: `${consult}:${agency}`, kind: 'deemed-consent', at: due })) : [];
      return {
        ...ctx,
        answers: { ...ctx.answers, [consult]: {} },
        timers: sortTimers([...ctx.timers, ...timers]),
        timeline: [...ctx.timeline, ...node.consulted.map((agency): SlipEntry => ({ at, action: 'consult', from: node.lead, to: agency, step: consult, due }))],
        effects: emit(...node.consulted.map((agency): Effect => ({ kind: 'notify-agency', at, agency, step: consult }))),
      };
    })
    .with({ do: 'answer' }, ({ consult, agency }) => {
      const agree = external?.type === 'ANSWER' ? external.agree : true;
      const node = env.nodes.get(consult) as ConsultNode;
      return {
        ...ctx,
        answers: { ...ctx.answers, [consult]: { ...ctx.answers[consult], [agency]: agree ? 'agree' : 'disagree' } },
        timers: ctx.timers.filter((t) => t.id !== `${consult}:${agency}`),
        timeline: slip({ action: 'answer', from: agency, to: node.lead, step: consult, note: agree ? 'agree' : 'disagree' }),
      };
    })
    .with({ do: 'deemed-consent' }, ({ consult, agency }) => {
      const node = env.nodes.get(consult) as ConsultNode;
      return {
        ...ctx,
        answers: { ...ctx.answers, [consult]: { ...ctx.answers[consult], [agency]: 'deemed' } },
        timers: ctx.timers.filter((t) => t.id !== `${consult}:${agency}`),
        timeline: slip({ action: 'deemed-consent', from: agency, to: node.lead, step: consult }),
        effects: emit({ kind: 'deemed-consent', at, consult, agency }),
      };
    })
    .with({ do: 'start-interval' }, ({ interval }) => {
      const node = env.nodes.get(interval) as ExcludedNode;
      const partyCal = node.party === 'applicant' ? cal : env.calendarOf(node.party);
      const timers: Timer[] = node.lasts === undefined ? [] : [{ id: interval, kind: 'interval-end', at: partyCal.addToInstant(at, parseDuration(node.lasts)) }];
      return rearm(env, {
        ...ctx,
        statutory: pauseClock(cal, ctx.statutory, at, pauseReason.interval(interval)),
        timers: sortTimers([...ctx.timers, ...timers]),
        timeline: slip({ action: 'interval-start', from: context.lastActor, to: node.party, step: interval, note: node.reason }),
      });
    })
    .with({ do: 'end-interval' }, ({ interval }) => {
      const node = env.nodes.get(interval) as ExcludedNode;
      return rearm(env, {
        ...ctx,
        statutory: resumeClock(cal, ctx.statutory, at, pauseReason.interval(interval)),
        timers: ctx.timers.filter((t) => t.id !== interval),
        lastActor: node.party,
        timeline: slip({ action: 'interval-end', from: node.party, step: interval, note: node.reason }),
      });
    })
    .with({ do: 'apologize' }, () => {
      if (external?.type !== 'APOLOGIZE') return ctx;
      const agency = actor ?? env.desk;
      return rearm(env, {
        ...ctx,
        apologies: [...ctx.apologies, { at, agency, newDue: external.newDue, reason: external.reason }],
        timeline: slip({ action: 'apology', from: agency, to: 'applicant', due: external.newDue, note: external.reason }),
        effects: emit({ kind: 'apology-issued', at, agency, newDue: external.newDue }),
      });
    })
    .with({ do: 'result-ready' }, () => {
      const classification = classifyStatutory(env, ctx, at);
      return {
        ...ctx,
        readyAt: at,
        classification,
        timers: [],
        timeline: slip({ action: 'result-ready', from: context.lastActor, to: env.desk, classification, ...(referenceDue(env, ctx) === null ? {} : { due: referenceDue(env, ctx)! }) }),
        effects: emit({ kind: 'result-ready', at, classification }),
      };
    })
    .with({ do: 'return' }, () => ({
      ...ctx,
      outcome: ended('returned', ctx.classification ?? 'on-time'),
      timers: [{ id: 'rating-window', kind: 'rating-window', at: cal.addToInstant(at, env.ratingWindow) }],
      timeline: slip({ action: 'return', from: env.desk, to: 'applicant' }),
      effects: emit({ kind: 'result-returned', at }),
    }))
    .with({ do: 'rate' }, () => ({
      ...ctx,
      rating: external?.type === 'RATE' ? external.rating : null,
      ...(external?.type === 'RATE' && external.comment !== undefined ? { ratingComment: external.comment } : {}),
      timers: [],
      timeline: slip({ action: 'rate', from: 'applicant', note: external?.type === 'RATE' ? external.rating : '' }),
      effects: emit({ kind: 'case-closed', at }),
    }))
    .with({ do: 'close-unrated' }, () => ({ ...ctx, timers: [], effects: emit({ kind: 'case-closed', at }) }))
    .with({ do: 'withdraw' }, () => ({
      ...ctx,
      outcome: ended('withdrawn', 'not-counted'),
      timers: [],
      timeline: slip({ action: 'withdraw', from: 'applicant', note: external?.type === 'WITHDRAW' ? (external.reason ?? '') : '' }),
      effects: emit({ kind: 'withdrawn', at }),
    }))
    .with({ do: 'close-withdrawal' }, () => ({
      ...ctx,
      timeline: slip({ action: 'withdraw', from: env.desk, to: 'applicant', note: external?.type === 'WITHDRAW' ? (external.reason ?? '') : '' }),
      effects: emit({ kind: 'case-closed', at }),
    }))
    .with({ do: 'notify' }, () => {
      if (external?.type !== 'TIMER') return ctx;
      const timer = ctx.timers.find((t) => t.id === external.timer)!;
      const timers = ctx.timers.filter((t) => t.id !== timer.id);
      const holders = [...new Set(Object.values(ctx.steps).filter((s) => s.status !== 'done').map((s) => s.agency))];
      return timer.kind === 'apology-due'
        ? { ...ctx, timers, notified: { ...ctx.notified, apologyDue: true }, effects: emit({ kind: 'apology-due', at, agencies: holders, due: ctx.statutory?.due ?? at }) }
        : { ...ctx, timers, notified: { ...ctx.notified, overdue: true }, effects: emit({ kind: 'overdue', at, due: timer.at }) };
    })
    .exhaustive();
}

/** The due instant a finished dossier is judged against: the statutory one, or the apology's new date when the policy says so. */
function referenceDue(env: ProcedureEnv, ctx: CaseContext): Instant | null {
  return referenceDueOf(env, ctx.statutory, ctx.apologies[ctx.apologies.length - 1]?.newDue);
}

function classifyStatutory(env: ProcedureEnv, ctx: CaseContext, at: Instant): Classification {
  return statutoryClassification(env, ctx.statutory, ctx.apologies[ctx.apologies.length - 1]?.newDue, at);
}

/** Re-derives the apology-due and overdue timers from the statutory ledger after it changed. */
function rearm(env: ProcedureEnv, ctx: CaseContext): CaseContext {
  const kept = ctx.timers.filter((t) => t.kind !== 'apology-due' && t.kind !== 'overdue');
  const ledger: Ledger | null = ctx.statutory;
  if (ledger === null || ledger.due === null || ctx.readyAt !== null || ctx.outcome !== null) return { ...ctx, timers: kept };
  const armed: Timer[] = [];
  const apologyAt = ctx.notified.apologyDue ? null : apologyDecisionAt(env, ledger, ctx.apologies.length, ctx.now);
  if (apologyAt !== null) armed.push({ id: 'apology-due', kind: 'apology-due', at: apologyAt });
  const due = referenceDue(env, ctx);
  if (!ctx.notified.overdue && due !== null) armed.push({ id: 'overdue', kind: 'overdue', at: due });
  return { ...ctx, timers: sortTimers([...kept, ...armed]) };
}

function sortTimers(timers: readonly Timer[]): readonly Timer[] {
  return [...timers].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}


export { extensionsFor, referenceDueOf, statutoryClassification } from './policies.ts';
