import { workingDays } from '../calendar/duration.ts';
import { type Instant, MS_PER_DAY, MS_PER_HOUR } from '../calendar/instant.ts';
import { clockAfterSupplement, handoverIsImmediate, maySupplement, pauseClock, pauseReason, resumeClock, statutoryClassification, transferAt } from '../compile/policies.ts';
import type { Actor, CaseEvent, OutcomeKind } from '../compile/types.ts';
import { ACTIVITY } from '../export/event-log.ts';
import type { CaseTable, SimCase } from './case-state.ts';
import type { SimConfig } from './config.ts';
import type { Sampler } from './distributions.ts';
import type { ActivityRecord, RunHooks } from './hooks.ts';
import type { IndicatorCollector } from './indicators.ts';
import { DEADLINES, type FutureEvents, PEOPLE } from './kernel/future-events.ts';
import type { SimNode } from './model.ts';
import { NODE_KIND, type ProcedurePlan } from './plan.ts';
import type { Random } from './random.ts';
import { ANSWER_JOB, RECEIPT_JOB, STEP_JOB, type Service } from './service.ts';
import type { ProcedureStats } from './stats/tallies.ts';

// Event kinds on the future-event list (SERVICE_END, 1, is the service's).
export const ARRIVAL = 0;
export const APPLICANT_BACK = 2;
export const TRANSFER = 3;
export const INTERVAL_END = 4;
export const DEEMED = 5;
export const APOLOGY_CHECK = 6;
export const WITHDRAW = 7;

const APPLICANT: Actor = { kind: 'applicant' };
const SYSTEM: Actor = { kind: 'system' };

type Node<K extends SimNode['kind']> = Extract<SimNode, { kind: K }>;

/** The parts of a run a case's walk uses, built by `runReplication`. */
export interface FlowParts {
  readonly config: SimConfig;
  readonly plans: readonly ProcedurePlan[];
  readonly cases: CaseTable;
  readonly events: FutureEvents;
  readonly service: Service;
  readonly rng: Random;
  readonly hooks: RunHooks;
  readonly stats: readonly ProcedureStats[];
  readonly indicators: IndicatorCollector;
  readonly transferHours: Readonly<Record<'in-person' | 'postal' | 'online', Sampler>>;
  readonly applicantDays: Sampler;
  readonly warmupEnd: number;
}

/**
 * A case's walk through its flattened procedure: what happens at each node and after each event,
 * deciding through the same policies as the compiled machine (`src/compile/policies.ts`), so that
 * the events it emits (the `trace` hook) replay in the machine to the same outcome. Counts the
 * cases in the system for Little's law.
 */
export class CaseFlow {
  arrived = 0;
  ended = 0;
  live = 0;
  /** The summed sojourn of the cases ended, and the summed arrival instants of those still live. */
  sojourn = 0;
  #liveArrivals = 0;
  readonly #emit: ((c: SimCase, event: CaseEvent) => void) | undefined;
  readonly #edd: boolean;
  #nextId = 0;

  constructor(private readonly parts: FlowParts) {
    const trace = parts.hooks.trace;
    this.#emit = trace === undefined ? undefined : (c, event) => trace(c.id, event);
    this.#edd = parts.config.discipline === 'edd';
  }

  /**
   * The integral of the cases in the system over time, from the start to `now` (no case arrives
   * after it): each case's time in the system so far, summed, so that no event has to add it up.
   */
  areaAt(now: number): number {
    return this.sojourn + (this.live * now - this.#liveArrivals);
  }

  // ---- events ------------------------------------------------------------------------------------

  /** A dossier of procedure `p` arrives now. */
  arrive(p: number): void {
    const { plans, cases, events, rng, hooks, stats } = this.parts;
    const plan = plans[p]!;
    const now = events.now as Instant;
    const c = cases.open();
    c.reset(this.#nextId++, p, plan, now, plan.chooseChannel(rng), plan.chooseDossier(rng), now >= this.parts.warmupEnd);
    cases.admit(c);
    this.arrived++;
    this.live++;
    this.#liveArrivals += now;
    if (c.counted) stats[p]!.started++;
    hooks.started?.(c.id, { procedure: plan.proc.spec.id, desk: plan.env.desk, receivedAt: now, channel: c.channel, dossier: c.dossier });
    if (plan.sim.withdrawal > 0 && rng.next() < plan.sim.withdrawal) events.schedule(now + Math.round(plan.withdrawAfter(rng) * MS_PER_DAY), PEOPLE, WITHDRAW, c.slot, c.id, -1, 0);
    this.#enqueue(c, plan.deskStation, -1, RECEIPT_JOB, 0);
  }

  /** Job `j` ended now. */
  serviceEnd(j: number): void {
    const { service, cases } = this.parts;
    const jobs = service.jobs;
    service.finished(j);
    const c = cases.get(jobs.slot[j]!, jobs.caseId[j]!);
    if (c === undefined) return jobs.release(j);
    const activity = this.parts.hooks.activity;
    if (activity !== undefined) activity(this.#activityOf(c, j));
    const purpose = jobs.purpose[j]!;
    const node = jobs.node[j]!;
    const aux = jobs.aux[j]!;
    // The receipt job ready at the arrival knows the arrival's position, which the cycle time needs.
    if (purpose === RECEIPT_JOB && jobs.enabled[j] === c.arrival && service.stations[jobs.station[j]!]!.calendar === c.plan.env.calendar) c.arrivalPos = jobs.enabledPos[j]!;
    jobs.release(j);
    if (c.outcome !== null) return;
    if (purpose === STEP_JOB) this.#completeStep(c, node);
    else if (purpose === RECEIPT_JOB) this.#receiptDone(c);
    else this.#answer(c, node, aux, false);
  }

  /** Any other event of case (`slot`, `id`): `node` and `aux` as scheduled. */
  caseEvent(kind: number, slot: number, id: number, node: number, aux: number): void {
    const { cases, events } = this.parts;
    const c = cases.get(slot, id);
    if (c === undefined || c.outcome !== null) return;
    const plan = c.plan;
    const now = events.now as Instant;
    const emit = this.#emit;
    switch (kind) {
      case APPLICANT_BACK:
        if (node < 0) {
          emit?.(c, { type: 'SUPPLY', at: now, by: APPLICANT });
          this.#enqueue(c, plan.deskStation, -1, RECEIPT_JOB, 0);
        } else {
          const step = plan.model.nodes[node] as Node<'step'>;
          emit?.(c, { type: 'SUPPLY', at: now, by: APPLICANT, step: step.id });
          this.#resume(c, pauseReason.supplement(step.id), true);
          this.#enqueue(c, plan.nodeStation[node]!, node, STEP_JOB, 0);
        }
        return;
      case TRANSFER:
        emit?.(c, { type: 'TRANSFER', at: now, by: plan.desk });
        return this.#enter(c, plan.model.start);
      case INTERVAL_END: {
        const interval = plan.model.nodes[node] as Node<'interval'>;
        if (interval.lasts !== null) emit?.(c, { type: 'TIMER', at: now, by: SYSTEM, timer: interval.id });
        else emit?.(c, { type: 'FINISH_INTERVAL', at: now, by: interval.party === 'applicant' ? APPLICANT : { kind: 'agency', agency: interval.party }, interval: interval.id });
        this.#resume(c, pauseReason.interval(interval.id), false);
        return this.#enter(c, interval.next);
      }
      case DEEMED:
        return this.#answer(c, node, aux, true);
      case APOLOGY_CHECK:
        if (c.apologyCheck >= 0 && aux === c.version) c.apologyCheck = -1;
        return this.#apologyCheck(c, aux);
      case WITHDRAW:
        if (c.readyAt !== null) return;
        emit?.(c, { type: 'WITHDRAW', at: now, by: APPLICANT });
        return this.#finish(c, 'withdrawn');
    }
  }

  // ---- the walk ----------------------------------------------------------------------------------

  #enqueue(c: SimCase, station: number, node: number, purpose: number, aux: number): void {
    const plan = c.plan;
    // The due instant orders the queues only under earliest-due-first.
    this.parts.service.enqueue(c.slot, c.id, station, node, purpose, aux, this.#edd ? (c.statutory?.due ?? Number.MAX_VALUE) : 0, purpose === RECEIPT_JOB ? plan.receiptWork : plan.nodeWork[node]!);
  }

  #receiptDone(c: SimCase): void {
    const { rng, events, stats, applicantDays } = this.parts;
    const plan = c.plan;
    const incomplete = plan.sim.incomplete;
    if (!c.completionRequested && plan.env.spec.receipt.maxCompletionRequests > 0 && incomplete > 0 && rng.next() < incomplete) {
      c.completionRequested = true;
      if (c.counted) stats[c.p]!.completionRequests++;
      this.#emit?.(c, { type: 'REQUEST_COMPLETION', at: events.now as Instant, by: plan.desk, missing: ['papers'] });
      events.schedule(events.now + Math.round(applicantDays(rng) * MS_PER_DAY), PEOPLE, APPLICANT_BACK, c.slot, c.id, -1, 0);
      return;
    }
    this.#accept(c);
  }

  #accept(c: SimCase): void {
    const { rng, events, transferHours } = this.parts;
    const plan = c.plan;
    const now = events.now as Instant;
    c.statutory = plan.openStatutory(now, c.dossier);
    c.acceptedAt = now;
    this.#emit?.(c, { type: 'ACCEPT', at: now, by: plan.desk });
    this.#armApology(c);
    if (handoverIsImmediate(plan.env, c.channel)) return this.#enter(c, plan.model.start);
    // Drawn for every paper dossier (the stream stays the same); the period's transfer rule bounds it.
    const hours = transferHours[c.channel](rng);
    events.schedule(transferAt(plan.env, c.channel, now, Math.round(hours * MS_PER_HOUR)), PEOPLE, TRANSFER, c.slot, c.id, -1, 0);
  }

  #enter(c: SimCase, index: number): void {
    if (c.outcome !== null) return;
    const plan = c.plan;
    const kind = plan.kindOf[index];
    // Entering a step, a consultation or an excluded interval updates the shares still ahead.
    if (kind === NODE_KIND.step || kind === NODE_KIND.consult || kind === NODE_KIND.interval) c.remaining = plan.model.shareToEnd[index]!;
    // Steps and the end, most of the nodes entered, from the plan's columns; the others from their node.
    switch (kind) {
      case NODE_KIND.step:
        return this.#enqueue(c, plan.nodeStation[index]!, index, STEP_JOB, 0);
      case NODE_KIND.end:
        return this.#ready(c);
      default:
        return this.#enterNode(c, plan, index);
    }
  }

  /** {@link #enter} a fork, join, branch, consultation or excluded interval. */
  #enterNode(c: SimCase, plan: ProcedurePlan, index: number): void {
    const { events, rng, hooks } = this.parts;
    const model = plan.model;
    const node = model.nodes[index]!;
    const now = events.now as Instant;
    switch (node.kind) {
      case 'end':
      case 'step':
        throw new Error(`internal: #enterNode at ${node.kind} ${node.id}`);
      case 'fork':
        (c.joins ??= new Int16Array(model.nodes.length))[node.join] = (model.nodes[node.join] as Node<'join'>).count;
        for (const s of node.starts) this.#enter(c, s);
        return;
      case 'join':
        if (--c.joins![index]! === 0) this.#enter(c, node.next);
        return;
      case 'branch': {
        const taken = node.cases.find((k) => c.dossier[node.field] === k.value);
        return this.#enter(c, taken === undefined ? node.otherwise : taken.start);
      }
      case 'consult': {
        (c.consulted ??= new Map()).set(index, 0);
        const deadline = plan.env.calendarOf(node.lead).addToInstant(now, node.answerWithin);
        const silence = plan.sim.answers[node.id]!.silence;
        hooks.entered?.(c.id, { kind: 'consult', id: node.id, to: node.consulted, at: now });
        node.consulted.forEach((_, k) => {
          if (node.deemedConsent) events.schedule(deadline, DEADLINES, DEEMED, c.slot, c.id, index, k);
          if (node.deemedConsent && silence > 0 && rng.next() < silence) return;
          this.#enqueue(c, plan.consultStations[index]![k]!, index, ANSWER_JOB, k);
        });
        return;
      }
      case 'interval': {
        this.#pause(c, pauseReason.interval(node.id));
        hooks.entered?.(c.id, { kind: 'interval', id: node.id, to: [node.party], at: now });
        if (node.lasts !== null) {
          const cal = node.party === 'applicant' ? plan.env.calendar : plan.env.calendarOf(node.party);
          events.schedule(cal.addToInstant(now, node.lasts), DEADLINES, INTERVAL_END, c.slot, c.id, index, 0);
        } else {
          events.schedule(now + Math.round(plan.intervalDays[index]!(rng) * MS_PER_DAY), PEOPLE, INTERVAL_END, c.slot, c.id, index, 0);
        }
        return;
      }
    }
  }

  #completeStep(c: SimCase, index: number): void {
    const plan = c.plan;
    const refusal = plan.refusal[index]!;
    const either = refusal + plan.supplement[index]!;
    // No draw when the step can neither refuse nor ask for papers.
    if (either > 0) {
      const u = this.parts.rng.next();
      if (u < either && this.#refuseOrAsk(c, plan, index, u < refusal)) return;
    }
    this.#emit?.(c, { type: 'COMPLETE', at: this.parts.events.now as Instant, by: plan.stepActor[index]!, step: (plan.model.nodes[index] as Node<'step'>).id });
    this.#enter(c, plan.nextOf[index]!);
  }

  /**
   * The step at `index` refuses the dossier (`refuse`), or else asks for papers if it still may:
   * true when it did either, false when the step completes after all.
   */
  #refuseOrAsk(c: SimCase, plan: ProcedurePlan, index: number, refuse: boolean): boolean {
    const { rng, events, stats, applicantDays } = this.parts;
    const step = plan.model.nodes[index] as Node<'step'>;
    const now = events.now as Instant;
    const by = plan.stepActor[index]!;
    if (refuse) {
      c.classification = statutoryClassification(plan.env, c.statutory, c.apologyNewDue, now);
      this.#emit?.(c, { type: 'REFUSE', at: now, by, step: step.id, reasons: ['not eligible'] });
      this.#finish(c, 'refused');
      return true;
    }
    const used = c.supplements?.get(step.agency) ?? 0;
    if (!maySupplement(plan.env, c.arrival, used, c.supplementCount())) return false;
    (c.supplements ??= new Map()).set(step.agency, used + 1);
    if (c.counted) stats[c.p]!.supplementRequests++;
    this.#emit?.(c, { type: 'REQUEST_SUPPLEMENT', at: now, by, step: step.id, missing: ['papers'] });
    this.#pause(c, pauseReason.supplement(step.id));
    events.schedule(now + Math.round(applicantDays(rng) * MS_PER_DAY), PEOPLE, APPLICANT_BACK, c.slot, c.id, index, 0);
    return true;
  }

  #answer(c: SimCase, index: number, k: number, deemed: boolean): void {
    const consult = c.plan.model.nodes[index] as Node<'consult'>;
    const now = this.parts.events.now as Instant;
    const done = c.consulted?.get(index) ?? 0;
    if ((done & (1 << k)) !== 0) return;
    c.consulted!.set(index, done | (1 << k));
    const agency = consult.consulted[k]!;
    if (deemed) this.#emit?.(c, { type: 'TIMER', at: now, by: SYSTEM, timer: `${consult.id}:${agency}` });
    else this.#emit?.(c, { type: 'ANSWER', at: now, by: { kind: 'agency', agency }, consult: consult.id, agree: true });
    if ((done | (1 << k)) === (1 << consult.consulted.length) - 1) this.#enter(c, consult.next);
  }

  #ready(c: SimCase): void {
    const plan = c.plan;
    const now = this.parts.events.now as Instant;
    c.readyAt = now;
    c.classification = statutoryClassification(plan.env, c.statutory, c.apologyNewDue, now);
    c.version++;
    this.#emit?.(c, { type: 'RETURN_RESULT', at: now, by: plan.desk });
    this.#finish(c, 'returned');
  }

  #finish(c: SimCase, outcome: OutcomeKind): void {
    const { events, hooks, stats, indicators, cases } = this.parts;
    const now = events.now as Instant;
    c.outcome = outcome;
    const due = c.statutory?.due ?? null;
    const feedback = c.counted ? indicators.ended(c.p, c.arrival, due, outcome, now, c.classification, c.supplementCount()) : null;
    hooks.ended?.(c.id, { outcome, at: now, classification: c.classification, due, apologies: c.apologies, rating: feedback?.rating ?? null, complained: feedback?.complained ?? false });
    c.version++;
    this.ended++;
    this.live--;
    this.#liveArrivals -= c.arrival;
    this.sojourn += now - c.arrival;
    if (c.counted) {
      const s = stats[c.p]!;
      if (outcome === 'returned') s.returned++;
      else if (outcome === 'refused') s.refused++;
      else if (outcome === 'refused-at-receipt') s.refusedAtReceipt++;
      else s.withdrawn++;
      if (outcome === 'returned' || outcome === 'refused') {
        const cls = c.classification!;
        if (cls === 'early') s.early++;
        else if (cls === 'on-time') s.onTime++;
        else s.late++;
        const cal = c.plan.env.calendar;
        const from = c.arrivalPos === c.arrivalPos ? c.arrivalPos : cal.position(c.arrival);
        s.cycleWorkingDays.add((this.parts.service.positionNow(cal) - from) / (cal.hoursPerWorkingDay * MS_PER_HOUR));
        s.cycleCalendarDays.add((now - c.arrival) / MS_PER_DAY);
      }
    }
    // Its apology check will find nothing to do: it need not be handled at all.
    events.cancel(c.apologyCheck, APOLOGY_CHECK, c.slot, c.id);
    cases.close(c);
  }

  // ---- the statutory clock, through the same policies as the machine -----------------------------

  #armApology(c: SimCase): void {
    c.version++;
    if (c.readyAt !== null) return;
    const now = this.parts.events.now as Instant;
    const at = c.plan.apologyAt(c.statutory, c.apologies, now, c.acceptedAt);
    const events = this.parts.events;
    events.cancel(c.apologyCheck, APOLOGY_CHECK, c.slot, c.id);
    c.apologyCheck = at === null ? -1 : events.deadline(at, APOLOGY_CHECK, c.slot, c.id, -1, c.version);
  }

  #apologyCheck(c: SimCase, version: number): void {
    if (c.readyAt !== null || version !== c.version || c.statutory?.due == null) return;
    const { events, stats, config } = this.parts;
    const plan = c.plan;
    const now = events.now as Instant;
    const cal = plan.env.calendar;
    // The agency apologises only when the shares still ahead do not fit in the time left.
    if (c.remaining <= cal.workingTimeBetween(now, c.statutory.due)) return;
    c.apologies++;
    c.apologyNewDue = cal.addToInstant(c.statutory.due, workingDays(config.apologyExtensionDays));
    if (c.counted) stats[c.p]!.apologies++;
    this.#emit?.(c, { type: 'APOLOGIZE', at: now, by: plan.desk, newDue: c.apologyNewDue, reason: 'the dossier will be late' });
  }

  #pause(c: SimCase, reason: string): void {
    c.statutory = pauseClock(c.plan.env.calendar, c.statutory, this.parts.events.now as Instant, reason);
    c.version++;
  }

  #resume(c: SimCase, reason: string, supplement: boolean): void {
    const env = c.plan.env;
    const now = this.parts.events.now as Instant;
    c.statutory = supplement ? clockAfterSupplement(env, env.calendar, c.statutory, now, reason) : resumeClock(env.calendar, c.statutory, now, reason);
    this.#armApology(c);
  }

  #activityOf(c: SimCase, j: number): ActivityRecord {
    const { service, events } = this.parts;
    const jobs = service.jobs;
    const model = c.plan.model;
    const purpose = jobs.purpose[j]!;
    const index = jobs.node[j]!;
    const node = index < 0 ? undefined : model.nodes[index];
    const agency = purpose === RECEIPT_JOB ? model.proc.env.desk : node?.kind === 'step' ? node.agency : node?.kind === 'consult' ? (node.consulted[jobs.aux[j]!] ?? '') : '';
    return {
      case: c.id,
      caseId: `${model.proc.spec.id}-${c.id}`,
      procedure: model.proc.spec.id,
      activity: purpose === RECEIPT_JOB ? ACTIVITY.receipt : purpose === STEP_JOB ? (node?.id ?? '') : ACTIVITY.answer(node?.id ?? ''),
      agency,
      station: service.stations[jobs.station[j]!]!.stats.id,
      officer: jobs.officer[j]!,
      enabled: jobs.enabled[j]! as Instant,
      start: jobs.start[j]! as Instant,
      end: events.now as Instant,
      outcome: c.outcome ?? (c.readyAt !== null ? 'returned' : 'open'),
    };
  }
}
