import { match } from 'ts-pattern';
import type { Label } from '../legal.ts';
import { parseDuration } from '../calendar/duration.ts';
import { formatInstant } from '../calendar/instant.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { CATALOGUES, type Lang, durationWords, label, labelBy, t } from '../i18n/translate.ts';
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

export function describeActor(env: ProcedureEnv, actor: Actor, lang: Lang = 'en'): string {
  return match(actor)
    .with({ kind: 'applicant' }, () => t(lang, 'actor.applicant'))
    .with({ kind: 'system' }, () => t(lang, 'actor.system'))
    .with({ kind: 'agency' }, (a) => agencyName(env, a.agency, lang))
    .exhaustive();
}

export function agencyName(env: ProcedureEnv, id: string, lang: Lang = 'en'): string {
  const agency = own(env.spec.agencies, id);
  return agency === undefined ? t(lang, 'actor.unknown-agency', { id }) : `${agency.name[lang]} (${id})`;
}

type VerbKey = Extract<MessageKey, `verb.${string}`>;

/** What the event does, as a verb phrase ("transfer the dossier"); `it` for the forms with an object. */
function verbOf(type: string, lang: Lang, it = false): string {
  const key = `verb.${type}${it ? '.it' : ''}`;
  return key in CATALOGUES.en ? t(lang, key as VerbKey) : type;
}

/** Null when `event` satisfies `rule` in `ctx`, else why not, in both languages. */
export function refusal(env: ProcedureEnv, ctx: CaseContext, event: { readonly type: string }, rule: Rule): Label | null {
  if (!isCaseEvent(event)) return null;
  if (event.at < ctx.now) {
    return label('refuse.time-order', { at: formatInstant(event.at), last: formatInstant(ctx.now) });
  }
  const by = event.by;
  const isAgency = (id: string) => by.kind === 'agency' && by.agency === id;
  const actor = (lang: Lang) => describeActor(env, by, lang);
  const deskOnly = () => labelBy('refuse.desk-only', (lang) => ({ desk: agencyName(env, env.desk, lang), verb: verbOf(event.type, lang), actor: actor(lang) }));
  return match(rule)
    .with({ rule: 'desk' }, () => (isAgency(env.desk) ? null : deskOnly()))
    .with({ rule: 'applicant' }, () => (by.kind === 'applicant' ? null : labelBy('refuse.applicant-only', (lang) => ({ verb: verbOf(event.type, lang), actor: actor(lang) }))))
    .with({ rule: 'completion-request' }, () => {
      if (!isAgency(env.desk)) return deskOnly();
      const max = env.spec.receipt.maxCompletionRequests;
      return ctx.completionRequests < max ? null : label('refuse.completion-limit', { n: ctx.completionRequests, max });
    })
    .with({ rule: 'holder' }, ({ step }) => holds(env, event, step))
    .with({ rule: 'supplement' }, ({ step }) => {
      const notHolder = holds(env, event, step);
      if (notHolder !== null) return notHolder;
      const agency = env.steps.get(step)!.agency;
      const used = own(ctx.supplements, agency) ?? 0;
      const inDossier = Object.values(ctx.supplements).reduce((a, b) => a + b, 0);
      const max = env.spec.clock.maxSupplementsPerAgency;
      if (maySupplement(env, ctx.receivedAt, used, inDossier)) return null;
      return env.supplementsPer(ctx.receivedAt) === 'dossier'
        ? label('refuse.supplement-dossier', { n: inDossier, max })
        : labelBy('refuse.supplement-agency', (lang) => ({ agency: agencyName(env, agency, lang), n: used, max }));
    })
    .with({ rule: 'supply' }, ({ step }) => {
      if (by.kind !== 'applicant') return labelBy('refuse.supply-applicant', (lang) => ({ actor: actor(lang) }));
      return event.type === 'SUPPLY' && event.step !== undefined && event.step !== step ? label('refuse.supply-none', { step: event.step }) : null;
    })
    .with({ rule: 'answer' }, ({ consult, agency }) => {
      if (event.type !== 'ANSWER' || event.consult !== consult) return label('refuse.consult-none', { consult: event.type === 'ANSWER' ? event.consult : '' });
      return isAgency(agency) ? null : labelBy('refuse.consult-agency', (lang) => ({ agency: agencyName(env, agency, lang), actor: actor(lang) }));
    })
    .with({ rule: 'interval' }, ({ interval, party }) => {
      if (event.type !== 'FINISH_INTERVAL' || event.interval !== interval) return label('refuse.interval-none', { interval: event.type === 'FINISH_INTERVAL' ? event.interval : '' });
      const ok = party === 'applicant' ? by.kind === 'applicant' : isAgency(party);
      return ok ? null : labelBy('refuse.interval-party', (lang) => ({ party: party === 'applicant' ? t(lang, 'actor.applicant') : agencyName(env, party, lang), interval, actor: actor(lang) }));
    })
    .with({ rule: 'timer' }, ({ timer }) => timerRefusal(ctx, event, (t) => t.id === timer))
    .with({ rule: 'notify' }, () => timerRefusal(ctx, event, (t) => t.kind === 'apology-due' || t.kind === 'overdue'))
    .with({ rule: 'apology' }, () => apologyRefusal(env, ctx, event))
    .exhaustive();
}

function holds(env: ProcedureEnv, event: CaseEvent, step: string): Label | null {
  if (!('step' in event) || event.step !== step) return label('refuse.step-inactive', { step: 'step' in event ? (event.step ?? '') : '' });
  const { agency, role } = env.steps.get(step)!;
  const by = event.by;
  if (by.kind === 'agency' && by.agency === agency) {
    // The procedure names who in the agency acts (the chairman signs): only that role may.
    if (role === undefined || by.role === role) return null;
    return labelBy('refuse.role', (lang) => ({
      role,
      agency: agencyName(env, agency, lang),
      verb: verbOf(event.type, lang),
      step,
      actor: by.role === undefined ? t(lang, 'refuse.role.none') : t(lang, 'refuse.role.other', { role: by.role }),
      by: `"by": {"agency": "${agency}", "role": "${role}"}`,
    }));
  }
  const it = event.type === 'COMPLETE' || event.type === 'REQUEST_SUPPLEMENT';
  return labelBy('refuse.holder', (lang) => ({ agency: agencyName(env, agency, lang), step, verb: verbOf(event.type, lang, it), actor: describeActor(env, by, lang) }));
}

function timerRefusal(ctx: CaseContext, event: CaseEvent, kind: (t: CaseContext['timers'][number]) => boolean): Label | null {
  if (event.type !== 'TIMER') return label('refuse.not-timer');
  if (event.by.kind !== 'system') return label('refuse.timer-system');
  const timer = ctx.timers.find((t) => t.id === event.timer && kind(t));
  if (timer === undefined) return label('refuse.timer-none', { timer: event.timer });
  return event.at >= timer.at ? null : label('refuse.timer-early', { timer: event.timer, at: formatInstant(timer.at) });
}

function apologyRefusal(env: ProcedureEnv, ctx: CaseContext, event: CaseEvent): Label | null {
  if (event.type !== 'APOLOGIZE') return label('refuse.not-apology');
  const by = event.by;
  const holders = Object.values(ctx.steps).filter((s) => s.status !== 'done').map((s) => s.agency);
  if (by.kind !== 'agency' || (by.agency !== env.desk && !holders.includes(by.agency))) {
    return labelBy('refuse.apology-who', (lang) => ({ holders: holders.map((a) => agencyName(env, a, lang)).join(', ') || t(lang, 'error.none'), actor: describeActor(env, by, lang) }));
  }
  const max = env.spec.lateness.apology.max;
  if (ctx.apologies.length >= max) return label('refuse.apology-max', { max });
  const ledger = ctx.statutory;
  if (ledger === null || ledger.due === null) return label('refuse.apology-paused');
  const last = apologyDeadline(env, ledger)!;
  if (event.at > last) {
    const notice = parseDuration(env.spec.lateness.apology.noticeBefore);
    return labelBy('refuse.apology-late', (lang) => ({ last: formatInstant(last), notice: durationWords(notice, lang), due: formatInstant(ledger.due!) }));
  }
  return event.newDue > ledger.due ? null : label('refuse.apology-new-due', { newDue: formatInstant(event.newDue), due: formatInstant(ledger.due) });
}
