import { match } from 'ts-pattern';
import { formatInstant } from '../calendar/instant.ts';
import { own } from '../own.ts';
import type { ProcedureEnv } from './env.ts';
import { apologyDeadline, maySupplement } from './policies.ts';
import { type Actor, type CaseContext, type CaseEvent, isCaseEvent } from './types.ts';

/**
 * The conditions under which an event may change a case. Each rule returns null when the event is
 * allowed, or the reason it is refused; the compiled machine's guards and the rejection messages of
 * the case API call the same function, so they cannot disagree.
 */
export type Rule =
  | { readonly rule: 'desk' }
  | { readonly rule: 'applicant' }
  | { readonly rule: 'completion-request' }
  | { readonly rule: 'holder'; readonly step: string }
  | { readonly rule: 'supplement'; readonly step: string }
  | { readonly rule: 'supply'; readonly step: string }
  | { readonly rule: 'answer'; readonly consult: string; readonly agency: string }
  | { readonly rule: 'interval'; readonly interval: string; readonly party: string }
  | { readonly rule: 'timer'; readonly timer: string }
  | { readonly rule: 'notify' }
  | { readonly rule: 'apology' };

/**
 * Who acts on a step: its agency, with the role the procedure names for it (the chairman signs).
 *
 * @example
 * actorOfStep(env, 'sign') // { kind: 'agency', agency: 'committee', role: 'chairman' }
 */
export function actorOfStep(env: ProcedureEnv, step: string): Actor {
  const node = env.steps.get(step);
  if (node === undefined) return { kind: 'agency', agency: '' };
  return node.role === undefined ? { kind: 'agency', agency: node.agency } : { kind: 'agency', agency: node.agency, role: node.role };
}

export function describeActor(env: ProcedureEnv, actor: Actor): string {
  return match(actor)
    .with({ kind: 'applicant' }, () => 'the applicant')
    .with({ kind: 'system' }, () => 'the system clock')
    .with({ kind: 'agency' }, (a) => agencyName(env, a.agency))
    .exhaustive();
}

export function agencyName(env: ProcedureEnv, id: string): string {
  const agency = own(env.spec.agencies, id);
  return agency === undefined ? `unknown agency "${id}"` : `${agency.name.en} (${id})`;
}

const VERBS: Readonly<Record<string, string>> = {
  ACCEPT: 'accept the dossier',
  REQUEST_COMPLETION: 'ask for missing papers at receipt',
  REFUSE: 'refuse the dossier',
  TRANSFER: 'transfer the dossier',
  RETURN_RESULT: 'return the result',
  COMPLETE: 'complete',
  REQUEST_SUPPLEMENT: 'request a supplement for',
  SUPPLY: 'supply documents',
  WITHDRAW: 'withdraw the dossier',
  RATE: 'rate the service',
};

/** Null when `event` satisfies `rule` in `ctx`, else why not. */
export function refusal(env: ProcedureEnv, ctx: CaseContext, event: { readonly type: string }, rule: Rule): string | null {
  if (!isCaseEvent(event)) return null;
  if (event.at < ctx.now) {
    return `events must come in time order: this one is at ${formatInstant(event.at)}, before the last one at ${formatInstant(ctx.now)}.`;
  }
  const by = event.by;
  const isAgency = (id: string) => by.kind === 'agency' && by.agency === id;
  const verb = own(VERBS, event.type) ?? event.type;
  return match(rule)
    .with({ rule: 'desk' }, () => (isAgency(env.desk) ? null : `only the one-stop desk, ${agencyName(env, env.desk)}, can ${verb}; ${describeActor(env, by)} cannot.`))
    .with({ rule: 'applicant' }, () => (by.kind === 'applicant' ? null : `only the applicant can ${verb}; ${describeActor(env, by)} cannot.`))
    .with({ rule: 'completion-request' }, () => {
      if (!isAgency(env.desk)) return `only the one-stop desk, ${agencyName(env, env.desk)}, can ${verb}; ${describeActor(env, by)} cannot.`;
      const max = env.spec.receipt.maxCompletionRequests;
      return ctx.completionRequests < max
        ? null
        : `the desk has already asked for missing papers ${ctx.completionRequests} time(s), the most allowed (${max}): one request must list everything. Accept or refuse the dossier.`;
    })
    .with({ rule: 'holder' }, ({ step }) => holds(env, event, step))
    .with({ rule: 'supplement' }, ({ step }) => {
      const notHolder = holds(env, event, step);
      if (notHolder !== null) return notHolder;
      const agency = env.steps.get(step)!.agency;
      const used = own(ctx.supplements, agency) ?? 0;
      const inDossier = Object.values(ctx.supplements).reduce((a, b) => a + b, 0);
      const max = env.spec.clock.maxSupplementsPerAgency;
      if (maySupplement(env, used, inDossier)) return null;
      return env.spec.clock.supplementsPer === 'dossier'
        ? `${inDossier} supplement(s) have already been requested for this dossier, the most allowed per dossier (${max}).`
        : `${agencyName(env, agency)} has already requested ${used} supplement(s), the most allowed per agency (${max}).`;
    })
    .with({ rule: 'supply' }, ({ step }) => {
      if (by.kind !== 'applicant') return `only the applicant can supply documents; ${describeActor(env, by)} cannot.`;
      return event.type === 'SUPPLY' && event.step !== undefined && event.step !== step ? `no supplement is pending for step "${event.step}".` : null;
    })
    .with({ rule: 'answer' }, ({ consult, agency }) => {
      if (event.type !== 'ANSWER' || event.consult !== consult) return `no consultation "${event.type === 'ANSWER' ? event.consult : ''}" is open.`;
      return isAgency(agency) ? null : `only the consulted agency ${agencyName(env, agency)} can answer for itself; ${describeActor(env, by)} cannot.`;
    })
    .with({ rule: 'interval' }, ({ interval, party }) => {
      if (event.type !== 'FINISH_INTERVAL' || event.interval !== interval) return `no excluded interval "${event.type === 'FINISH_INTERVAL' ? event.interval : ''}" is open.`;
      const ok = party === 'applicant' ? by.kind === 'applicant' : isAgency(party);
      return ok ? null : `only ${party === 'applicant' ? 'the applicant' : agencyName(env, party)} can end "${interval}"; ${describeActor(env, by)} cannot.`;
    })
    .with({ rule: 'timer' }, ({ timer }) => timerRefusal(ctx, event, (t) => t.id === timer))
    .with({ rule: 'notify' }, () => timerRefusal(ctx, event, (t) => t.kind === 'apology-due' || t.kind === 'overdue'))
    .with({ rule: 'apology' }, () => apologyRefusal(env, ctx, event))
    .exhaustive();
}

function holds(env: ProcedureEnv, event: CaseEvent, step: string): string | null {
  if (!('step' in event) || event.step !== step) return `step "${'step' in event ? event.step : ''}" is not active now.`;
  const { agency, role } = env.steps.get(step)!;
  const by = event.by;
  if (by.kind === 'agency' && by.agency === agency) {
    // The procedure names who in the agency acts (the chairman signs): only that role may.
    if (role === undefined || by.role === role) return null;
    return `only the ${role} of ${agencyName(env, agency)} can ${own(VERBS, event.type) ?? event.type} step "${step}"; ${by.role === undefined ? 'an actor with no role' : `the ${by.role}`} cannot. It must come from that person: "by": {"agency": "${agency}", "role": "${role}"} (over HTTP, a token with role ${role}).`;
  }
  return `only ${agencyName(env, agency)}, which holds step "${step}", can ${own(VERBS, event.type) ?? event.type}${event.type === 'COMPLETE' || event.type === 'REQUEST_SUPPLEMENT' ? ' it' : ''}; ${describeActor(env, by)} cannot.`;
}

function timerRefusal(ctx: CaseContext, event: CaseEvent, kind: (t: CaseContext['timers'][number]) => boolean): string | null {
  if (event.type !== 'TIMER') return 'not a timer event.';
  if (event.by.kind !== 'system') return 'only the system clock fires timers.';
  const timer = ctx.timers.find((t) => t.id === event.timer && kind(t));
  if (timer === undefined) return `no timer "${event.timer}" is armed.`;
  return event.at >= timer.at ? null : `timer "${event.timer}" is not due until ${formatInstant(timer.at)}.`;
}

function apologyRefusal(env: ProcedureEnv, ctx: CaseContext, event: CaseEvent): string | null {
  if (event.type !== 'APOLOGIZE') return 'not an apology.';
  const by = event.by;
  const holders = Object.values(ctx.steps).filter((s) => s.status !== 'done').map((s) => s.agency);
  if (by.kind !== 'agency' || (by.agency !== env.desk && !holders.includes(by.agency))) {
    return `only an agency holding the dossier (${holders.map((a) => agencyName(env, a)).join(', ') || 'none'}) or the desk can issue an apology slip; ${describeActor(env, by)} cannot.`;
  }
  const max = env.spec.lateness.apology.max;
  if (ctx.apologies.length >= max) return `an apology slip has already been issued; at most ${max} per dossier.`;
  const ledger = ctx.statutory;
  if (ledger === null || ledger.due === null) return 'the statutory clock is paused: there is no due date to apologise for now.';
  const last = apologyDeadline(env, ledger)!;
  if (event.at > last) {
    return `too late for an apology slip: it had to be issued by ${formatInstant(last)}, ${env.spec.lateness.apology.noticeBefore} before the due date ${formatInstant(ledger.due)}.`;
  }
  return event.newDue > ledger.due ? null : `the new return date ${formatInstant(event.newDue)} must be after the due date ${formatInstant(ledger.due)}.`;
}
