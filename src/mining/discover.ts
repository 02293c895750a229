import { BusinessCalendar } from '../calendar/business-calendar.ts';
import { formatLocalDate } from '../calendar/date.ts';
import { type Instant, MS_PER_HOUR, localDateOf } from '../calendar/instant.ts';
import { VN_DEFAULT_OFFICE_HOURS } from '../calendar/office-hours.ts';
import { vietnamDayCalendar } from '../calendar/vietnam.ts';
import { writeProcedure } from '../dsl/io.ts';
import { CHANNELS, type Channel, type DossierField, type ExcludedReason, type FlowNode, type ProcedureSpec } from '../dsl/spec.ts';
import { validateProcedure } from '../dsl/validate.ts';
import { LogError } from '../errors.ts';
import { formatNumber, label as i18n, labelBy, t } from '../i18n/translate.ts';
import type { Label } from '../legal.ts';
import { builtInOf, consultationOf, isConsultation } from './built-in.ts';
import { type Calibration, calibrate } from './calibrate.ts';
import { instancesOf } from './instances.ts';
import type { EventLog, Trace } from './log.ts';
import { type ProcessTree, accepts, activitiesOf, mineTree } from './process-tree.ts';

export interface DiscoverOptions {
  /** Activities in fewer than this share of the cases, and directly-follows edges in fewer than this share of a part's cases, are left out. */
  readonly minFrequency?: number;
  /** Which `case:procedure` to discover when the log holds several (the most frequent by default). */
  readonly procedure?: string;
  /** How the scenario names the procedure file it is written beside. */
  readonly procedureFile?: string;
  readonly seed?: number;
}

/** What discovery learnt of one activity taken as a step. */
export interface DiscoveredStep {
  readonly activity: string;
  readonly step: string;
  readonly agency: string;
  /** Cases (of those used for the flow) in which it happened. */
  readonly cases: number;
  /** Cases in which it happened more than once: rework, written as the step's supplement requests. */
  readonly reworkCases: number;
  /** Mean working hours from its start to its completion (start events needed), and waited before its start. */
  readonly workHours: number | undefined;
  readonly waitHours: number | undefined;
  readonly share: string;
}

/** An activity no officer works on (the applicant's, or one that ends by itself): an excluded interval of the draft. */
export interface DiscoveredInterval {
  readonly activity: string;
  readonly id: string;
  readonly reason: ExcludedReason;
  /** `applicant`, or the agency that starts it. */
  readonly party: string;
  /** Set when every case's interval lasted the same whole number of calendar days (`15d` of public posting). */
  readonly lasts: string | undefined;
  readonly cases: number;
  readonly meanDays: number;
}

/** A consultation the log records (the writer's `consultation <id>`, `answer <id>`, `deemed consent <id>`). */
export interface DiscoveredConsultation {
  readonly id: string;
  readonly lead: string;
  readonly consulted: readonly string[];
  readonly answerWithin: string;
  readonly deemedConsent: boolean;
  readonly cases: number;
  /** Consulted agencies' answers seen, and consents deemed for want of one. */
  readonly answers: number;
  readonly deemed: number;
}

export interface Discovery {
  readonly spec: ProcedureSpec;
  /** The draft procedure, YAML, valid for `motcua check`. */
  readonly procedureYaml: string;
  /** The scenario fitted to the log for the draft (`calibrate`). */
  readonly scenario: Calibration;
  readonly tree: ProcessTree;
  readonly steps: readonly DiscoveredStep[];
  readonly intervals: readonly DiscoveredInterval[];
  readonly consultations: readonly DiscoveredConsultation[];
  readonly minFrequency: number;
  readonly cases: {
    readonly inLog: number;
    readonly ofProcedure: number;
    /** Finished cases whose activities made the flow. */
    readonly used: number;
    /** Ended by a refusal or a withdrawal, or still in progress: counted in rates, not in the flow. */
    readonly endedEarly: number;
    /** Used cases the discovered flow cannot replay (after rare activities are left out). */
    readonly notFitting: number;
  };
  /** What is not in the draft, in sentences of both languages. */
  readonly leftOut: readonly Label[];
}

const EARLY_END = new Set(['refusal', 'withdrawal']);
const r2 = (x: number) => Math.round(x * 100) / 100;

/** An id from a log name: ASCII, lower case, words joined by hyphens (`Thẩm định hồ sơ` → `tham-dinh-ho-so`). */
export function slugOf(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'activity' : s;
}

/**
 * A draft procedure and its scenario from an event log whose activities are not known in advance:
 * the main flow as a process tree of the log's finished cases (`mineTree`: sequence, exclusive
 * branches with the share of cases on each, parallel parts), an activity repeated in a case taken
 * as rework (the step's supplement requests), one agency and station per `org:group`, the desk
 * where receipts happen; an activity no officer works on (held by the applicant, or by nobody and
 * ending by itself) as time excluded from the limit, of a fixed length when every case's lasted a
 * whole number of days, its reason guessed from its name; the writer's consultation events as a
 * consultation led by the agency of the step before it, consulting the agencies that answered,
 * with deemed consent when the log shows one (the time to answer then the shortest wait for it);
 * each step's share of the limit from the working time it took with its wait, the limit their sum
 * on the longest path (not a legal limit: the draft says so); then `calibrate` fits durations,
 * rates, intervals, answers and silence, arrivals by weekday and hour and the channel mix to the
 * draft. What was left out or guessed (rare activities, intervals' reasons, a consultation without
 * deemed consent or consulted agencies, cases that end early or do not fit) is listed.
 *
 * @throws LogError `no-cases` when the log has no case with an activity
 */
export function discover(log: EventLog, options: DiscoverOptions = {}): Discovery {
  const minFrequency = options.minFrequency ?? 0.05;
  const leftOut: Label[] = [];
  const procedures = new Map<string, number>();
  for (const t of log.traces) {
    const p = t.attributes['procedure'];
    if (p !== undefined) procedures.set(p, (procedures.get(p) ?? 0) + 1);
  }
  const chosen = options.procedure ?? [...procedures].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (options.procedure !== undefined && !procedures.has(options.procedure)) {
    const names = [...procedures.keys()].slice(0, 5).join(', ');
    throw new LogError('no-cases', labelBy('error.log.no-procedure', (lang) => ({ procedure: options.procedure!, names: names || t(lang, 'error.none') })), { file: log.source });
  }
  const traces = log.traces.filter((t) => t.events.length > 0 && (chosen === undefined || t.attributes['procedure'] === undefined || t.attributes['procedure'] === chosen));
  if (traces.length === 0) throw new LogError('no-cases', i18n('error.log.no-activity'), { file: log.source });
  for (const [p, n] of procedures) if (p !== chosen) leftOut.push(i18n('mining.left.other-procedure', { n, procedure: p }));

  const isStep = (activity: string) => builtInOf(activity) === undefined && !isConsultation(activity);

  // Cases that ran to their end give the flow; the others still count in the scenario's rates.
  const finished = traces.filter((t) => !t.events.some((e) => EARLY_END.has(builtInOf(e.activity) ?? '')) && (t.attributes['outcome'] === undefined || t.attributes['outcome'] === 'returned'));
  if (finished.length === 0) throw new LogError('no-cases', i18n('error.log.none-finished'), { file: log.source });

  const days = vietnamDayCalendar();
  const calendar = new BusinessCalendar({ days, hours: VN_DEFAULT_OFFICE_HOURS });
  const hoursBetween = (a: number, b: number) => calendar.workingTimeBetween(a as Instant, b as Instant) / MS_PER_HOUR;

  // Per case: its steps in order of start, each once; repeats are rework. A consultation is one
  // piece of the order, from its first consultation event to its last answer or deemed consent.
  interface Seen {
    cases: number;
    rework: number;
    groups: Map<string, number>;
    work: number[];
    wait: number[];
    /** Instances with an org:resource, and those the applicant (or nobody: `system`) holds. */
    withResource: number;
    byNobody: number;
    byApplicant: number;
    instances: number;
    /** Calendar milliseconds from start to end of each started instance. */
    spans: number[];
  }
  interface ConsultSeen {
    id: string;
    answerGroups: Map<string, number>;
    askedGroups: Map<string, number>;
    answers: number;
    deemed: number;
    /** Calendar milliseconds from the consultation to each deemed consent, and to each answer. */
    toDeemed: number[];
    toAnswer: number[];
  }
  const nobody = (g: string | undefined) => g === 'applicant' || g === 'system';
  const officersNamed = finished.some((t) => t.events.some((e) => e.resource !== undefined));
  const seen = new Map<string, Seen>();
  const consultSeen = new Map<string, ConsultSeen>();
  const overlaps = new Map<string, number>();
  const sequences: string[][] = [];
  let receiptGroups = new Map<string, number>();
  for (const t of finished) {
    const consultInstances = new Map<string, { activity: string; start: number; end: number; group: undefined; resource: undefined; started: boolean }>();
    for (const e of t.events) {
      const c = consultationOf(e.activity);
      if (c === undefined) continue;
      const key = `consultation ${c.id}`;
      const cs = consultSeen.get(key) ?? consultSeen.set(key, { id: c.id, answerGroups: new Map(), askedGroups: new Map(), answers: 0, deemed: 0, toDeemed: [], toAnswer: [] }).get(key)!;
      let inst = consultInstances.get(key);
      if (inst === undefined) consultInstances.set(key, (inst = { activity: key, start: e.time, end: e.time, group: undefined, resource: undefined, started: false }));
      inst.end = Math.max(inst.end, e.time);
      if (c.event === 'consultation' && e.group !== undefined) cs.askedGroups.set(e.group, (cs.askedGroups.get(e.group) ?? 0) + 1);
      if (c.event === 'answer' && e.lifecycle === 'complete') {
        cs.answers++;
        cs.toAnswer.push(e.time - inst.start);
        if (e.group !== undefined) cs.answerGroups.set(e.group, (cs.answerGroups.get(e.group) ?? 0) + 1);
      }
      if (c.event === 'deemed-consent') {
        cs.deemed++;
        cs.toDeemed.push(e.time - inst.start);
      }
    }
    const instances = [...instancesOf(t).filter((i) => isStep(i.activity)), ...consultInstances.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    const order: string[] = [];
    const count = new Map<string, number>();
    let previousEnd = t.events[0]!.time;
    for (const i of instances) {
      const s = seen.get(i.activity) ?? seen.set(i.activity, { cases: 0, rework: 0, groups: new Map(), work: [], wait: [], withResource: 0, byNobody: 0, byApplicant: 0, instances: 0, spans: [] }).get(i.activity)!;
      const k = count.get(i.activity) ?? 0;
      count.set(i.activity, k + 1);
      if (k === 0) {
        order.push(i.activity);
        s.cases++;
        if (i.started) s.work.push(hoursBetween(i.start, i.end));
        s.wait.push(hoursBetween(Math.min(previousEnd, i.start), i.start));
      } else if (k === 1) s.rework++;
      s.instances++;
      if (i.resource !== undefined) s.withResource++;
      if (nobody(i.group)) s.byNobody++;
      if (i.group === 'applicant') s.byApplicant++;
      if (i.started) s.spans.push(i.end - i.start);
      if (i.group !== undefined && !nobody(i.group)) s.groups.set(i.group, (s.groups.get(i.group) ?? 0) + 1);
      previousEnd = Math.max(previousEnd, i.end);
    }
    for (let a = 0; a < instances.length; a++) {
      for (let b = a + 1; b < instances.length && instances[b]!.start < instances[a]!.end; b++) {
        const x = instances[a]!;
        const y = instances[b]!;
        if (x.started && y.started && x.activity !== y.activity) {
          const key = [x.activity, y.activity].sort().join('\u0000');
          overlaps.set(key, (overlaps.get(key) ?? 0) + 1);
        }
      }
    }
    for (const i of instancesOf(t)) if (builtInOf(i.activity) === 'receipt' && i.group !== undefined) receiptGroups.set(i.group, (receiptGroups.get(i.group) ?? 0) + 1);
    sequences.push(order);
  }

  // Rare activities are left out of the flow.
  const rare = [...seen].filter(([, s]) => s.cases < minFrequency * finished.length);
  for (const [a, s] of rare) leftOut.push(labelBy('mining.left.rare', (lang) => ({ activity: a, cases: s.cases, finished: finished.length, percent: formatNumber(r2((100 * s.cases) / finished.length), lang), min: minFrequency })));
  const kept = new Set([...seen.keys()].filter((a) => !rare.some(([r]) => r === a)));
  const flowTraces = sequences.map((s) => s.filter((a) => kept.has(a)));
  const concurrent = new Set<string>();
  for (const [key, n] of overlaps) {
    const [a, b] = key.split('\u0000') as [string, string];
    if (kept.has(a) && kept.has(b) && n >= minFrequency * Math.min(seen.get(a)!.cases, seen.get(b)!.cases)) concurrent.add(key);
  }
  const { tree, fellThrough } = mineTree(flowTraces, minFrequency, concurrent);
  for (const f of fellThrough) leftOut.push(i18n('mining.left.order', { activities: f.join(', ') }));
  const notFitting = flowTraces.filter((t) => !accepts(tree, t)).length;
  if (notFitting > 0) leftOut.push(i18n('mining.left.not-fitting', { n: notFitting, finished: finished.length }));

  // Agencies: one per org:group; the desk where receipts happen (else where cases start).
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  /** Ids are unique among agencies and among steps (`prefix` says which). */
  const idOf = (name: string, prefix: 'group:' | 'step:') => {
    let id = ids.get(prefix + name);
    if (id === undefined) {
      const base = slugOf(name);
      id = base;
      for (let k = 2; taken.has(prefix + id); k++) id = `${base}-${k}`;
      taken.add(prefix + id);
      ids.set(prefix + name, id);
    }
    return id;
  };
  if (receiptGroups.size === 0) {
    receiptGroups = new Map();
    for (const t of traces) {
      const g = t.events[0]!.group;
      if (g !== undefined) receiptGroups.set(g, (receiptGroups.get(g) ?? 0) + 1);
    }
  }
  const top = (m: ReadonlyMap<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const deskGroup = top(receiptGroups);
  const agencyOf = new Map<string, string>();
  const label = (text: string) => ({ vi: text, en: text });
  const agencies: Record<string, { name: { vi: string; en: string }; level: 'province'; desk?: true }> = {};
  const desk = idOf(deskGroup ?? 'desk', 'group:');
  agencies[desk] = { name: label(deskGroup ?? 'One-stop desk'), level: 'province', desk: true };
  const agencyFor = (g: string | undefined) => {
    const agency = g === undefined ? idOf('office', 'group:') : idOf(g, 'group:');
    // Own keys only: a group named `constructor` must not find Object.prototype's and be skipped.
    if (!Object.hasOwn(agencies, agency)) agencies[agency] = { name: label(g ?? 'Processing office'), level: 'province' };
    return agency;
  };
  // What each kept activity is: a consultation, an interval no officer works on (the applicant's,
  // or one that ends by itself, as public posting does), or a step of an agency.
  const isInterval = (a: string) => {
    const s = seen.get(a)!;
    return !consultSeen.has(a) && (s.byNobody * 2 > s.instances || (officersNamed && s.withResource === 0));
  };
  const stepActivities = [...kept].filter((a) => !consultSeen.has(a) && !isInterval(a));
  for (const a of stepActivities) agencyOf.set(a, agencyFor(top(seen.get(a)!.groups)));
  if (deskGroup === undefined) leftOut.push(i18n('mining.left.no-group'));
  // The step that most often comes just before an activity: a consultation's lead, an interval's party.
  const before = new Map<string, Map<string, number>>();
  for (const seq of flowTraces) {
    for (let i = 1; i < seq.length; i++) {
      const m = before.get(seq[i]!) ?? before.set(seq[i]!, new Map()).get(seq[i]!)!;
      m.set(seq[i - 1]!, (m.get(seq[i - 1]!) ?? 0) + 1);
    }
  }
  const agencyBefore = (a: string) => {
    const steps = new Map([...(before.get(a) ?? [])].filter(([p]) => agencyOf.has(p)));
    const p = top(steps);
    return p === undefined ? desk : agencyOf.get(p)!;
  };
  const DAY = 86_400_000;
  const meanOf = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((x, y) => x + y, 0) / xs.length);
  const intervals: DiscoveredInterval[] = [...kept].filter(isInterval).map((a) => {
    const s = seen.get(a)!;
    const id = idOf(a, 'step:');
    // Every case's interval a whole number of days, at least one: it ends by itself after the
    // shortest of them (a longer one ran to the next working day, as a fixed period does).
    const days = Math.round(Math.min(...s.spans) / DAY);
    const fixed = s.spans.length >= 3 && days >= 1 && s.spans.every((x) => Math.abs(x - Math.round(x / DAY) * DAY) < 60_000);
    const n = a.toLowerCase();
    const reason: ExcludedReason = /pay|fee|levy|tax|nộp|phí|thuế|tiền/.test(n) ? 'payment' : /post|niêm yết|công khai/.test(n) ? 'public-posting' : /assess|expert|giám định|thẩm định giá/.test(n) ? 'expert-assessment' : 'other';
    leftOut.push(labelBy('mining.left.excluded', (lang) => ({ activity: a, why: t(lang, s.byNobody * 2 > s.instances ? 'mining.left.held-by-applicant' : 'mining.left.no-officer'), reason })));
    return { activity: a, id, reason, party: s.byApplicant * 2 > s.instances ? 'applicant' : agencyBefore(a), lasts: fixed ? `${days}d` : undefined, cases: s.cases, meanDays: r2(meanOf(s.spans) / DAY) };
  });
  const consultations: DiscoveredConsultation[] = [];
  for (const a of [...kept].filter((k) => consultSeen.has(k))) {
    const c = consultSeen.get(a)!;
    const lead = agencyBefore(a);
    const groups = c.answerGroups.size > 0 ? c.answerGroups : c.askedGroups;
    const consulted = [...groups.keys()].map(agencyFor).filter((g, i, all) => g !== lead && all.indexOf(g) === i);
    if (consulted.length === 0) {
      leftOut.push(i18n('mining.left.consult-no-agency', { id: c.id, lead }));
      continue;
    }
    const deemedConsent = c.deemed > 0;
    // Deemed consent falls when the time to answer runs out; without one, the longest answer.
    const within = Math.max(1, Math.ceil((deemedConsent ? Math.min(...c.toDeemed) : Math.max(...c.toAnswer, 0)) / DAY - 1e-9));
    consultations.push({ id: idOf(c.id, 'step:'), lead, consulted, answerWithin: `${within}d`, deemedConsent, cases: seen.get(a)!.cases, answers: c.answers, deemed: c.deemed });
    if (!deemedConsent) leftOut.push(i18n('mining.left.consult-no-deemed', { id: c.id, within }));
  }
  const intervalOf = new Map(intervals.map((i) => [i.activity, i]));
  const consultOf = new Map(consultations.map((c) => [`consultation ${c.id}`, c]));

  // Steps, with their shares of the limit: working time with the wait before, to the half day above.
  const mean = (xs: readonly number[]) => (xs.length === 0 ? undefined : xs.reduce((s, x) => s + x, 0) / xs.length);
  const stepIds = new Map<string, string>();
  const steps: DiscoveredStep[] = [...activitiesOf(tree), ...[...kept].filter((k) => !activitiesOf(tree).includes(k)).sort()].filter((a) => agencyOf.has(a)).map((a) => {
    const s = seen.get(a)!;
    const step = idOf(a, 'step:');
    stepIds.set(a, step);
    const work = mean(s.work);
    const wait = mean(s.wait);
    const days = Math.max(0.5, Math.ceil((((work ?? 0) + (wait ?? 0)) / 8) * 2) / 2);
    return { activity: a, step, agency: agencyOf.get(a)!, cases: s.cases, reworkCases: s.rework, workHours: work === undefined ? undefined : r2(work), waitHours: wait === undefined ? undefined : r2(wait), share: `${days}wd` };
  });
  const shareOf = new Map(steps.map((s) => [s.activity, Number(s.share.slice(0, -2))]));
  // A consultation takes its time to answer within the limit: calendar days as working days (5 in 7), the day above.
  for (const [a, c] of consultOf) shareOf.set(a, Math.ceil((Number(c.answerWithin.slice(0, -1)) * 5) / 7));

  const nodeIdOf = (a: string) => stepIds.get(a) ?? intervalOf.get(a)?.id ?? consultOf.get(a)?.id ?? slugOf(a);
  const dossier: Record<string, DossierField> = {};
  let branches = 0;
  let parallels = 0;
  const toFlow = (t: ProcessTree): FlowNode[] => {
    switch (t.kind) {
      case 'skip':
        return [];
      case 'activity': {
        const a = t.activity;
        const interval = intervalOf.get(a);
        if (interval !== undefined) return [{ kind: 'excluded', id: interval.id, title: label(a), reason: interval.reason, party: interval.party, ...(interval.lasts === undefined ? {} : { lasts: interval.lasts }) }];
        const consult = consultOf.get(a);
        if (consult !== undefined) return [{ kind: 'consult', id: consult.id, title: label(a), lead: consult.lead, consulted: consult.consulted, answerWithin: consult.answerWithin, deemedConsent: consult.deemedConsent }];
        // A consultation without a consulted agency is left out (said above).
        if (!agencyOf.has(a)) return [];
        return [{ kind: 'step', id: stepIds.get(a)!, agency: agencyOf.get(a)!, title: label(a), share: `${shareOf.get(a)}wd` }];
      }
      case 'sequence':
        return t.children.flatMap(toFlow);
      case 'parallel':
        parallels++;
        return [{ kind: 'parallel', id: `parallel-${parallels}`, title: label(`Parallel part ${parallels} (discovered)`), branches: t.children.map(toFlow) }];
      case 'exclusive': {
        branches++;
        const ways = t.children.map((c) => ({ flow: toFlow(c), name: c.kind === 'skip' ? 'skip' : nodeIdOf(activitiesOf(c)[0]!) }));
        const skip = ways.findIndex((w) => w.flow.length === 0);
        const field = ways.length === 2 && skip >= 0 ? `${ways[1 - skip]!.name}-needed` : `branch-${branches}`;
        const share = t.cases.map((n) => `${r2((100 * n) / t.cases.reduce((s, x) => s + x, 0))}%`);
        const what = ways.map((w, i) => `${w.name} ${share[i]}`).join(', ');
        if (ways.length === 2 && skip >= 0) {
          dossier[field] = { type: 'boolean', label: { vi: `Cần ${ways[1 - skip]!.name} (phát hiện từ nhật ký: ${what})`, en: `Needs ${ways[1 - skip]!.name} (discovered from the log: ${what})` } };
          return [{ kind: 'branch', id: `choose-${branches}`, field, cases: [{ when: true, flow: ways[1 - skip]!.flow }], otherwise: { flow: [] } }];
        }
        dossier[field] = { type: 'enum', values: ways.map((w) => w.name), label: { vi: `Nhánh phát hiện từ nhật ký (${what})`, en: `Branch discovered from the log (${what})` } };
        const last = ways[ways.length - 1]!;
        return [{ kind: 'branch', id: `choose-${branches}`, field, cases: ways.slice(0, -1).map((w) => ({ when: w.name, flow: w.flow })), otherwise: { flow: last.flow } }];
      }
    }
  };
  const flow = toFlow(tree);
  const longest = (t: ProcessTree): number =>
    t.kind === 'activity' ? (shareOf.get(t.activity) ?? 0) : t.kind === 'skip' ? 0 : t.kind === 'sequence' ? t.children.reduce((s, c) => s + longest(c), 0) : Math.max(0, ...t.children.map(longest));

  const channels = [...new Set(traces.map((t) => t.attributes['channel']).filter((c): c is Channel => CHANNELS.includes(c as Channel)))].sort((a, b) => CHANNELS.indexOf(a) - CHANNELS.indexOf(b));
  const transfers = traces.some((t) => t.events.some((e) => builtInOf(e.activity) === 'transfer'));
  const paper = channels.length === 0 || channels.some((c) => c !== 'online');
  const limitDays = Math.max(1, Math.ceil(longest(tree) + (transfers && paper ? 0.5 : 0)));
  const first = Math.min(...traces.map((t) => t.events[0]!.time));
  const source = log.source.split(/[\\/]/).pop()!;
  const name = chosen ?? slugOf(source.replace(/\.(csv|xes)$/i, ''));
  const draft = {
    id: slugOf(name),
    version: 'discovered',
    effectiveFrom: formatLocalDate(localDateOf(first as Instant)),
    title: { vi: `${name} (bản nháp phát hiện từ nhật ký ${source})`, en: `${name} (draft discovered from the log ${source})` },
    level: 'province',
    legal: [],
    agencies,
    dossier,
    receipt: { desk, channels: channels.length === 0 ? ['in-person'] : channels, handover: transfers ? 'transfer' : 'immediate' },
    flow,
    limit: {
      duration: `${limitDays}wd`,
      mode: 'date',
      ref: { document: 'Not a legal limit: the sum of the discovered shares on the longest path. Replace it with the statutory limit and its reference.', documentVi: 'Không phải thời hạn luật định: tổng thời gian các bước trên đường dài nhất tìm được từ nhật ký. Thay bằng thời hạn luật định và căn cứ của nó.', confidence: 'uncertain' },
    },
  };
  const spec = validateProcedure(draft, { file: 'procedure.yaml' });
  leftOut.push(i18n('mining.left.not-in-log'));
  if (channels.length === 0) leftOut.push(i18n('mining.left.no-channel'));

  // The scenario: calibrate the draft on the cases of this procedure (their procedure attribute
  // dropped, since the draft's id is ours).
  const own: Trace[] = traces.map((t) => {
    const { procedure: _, ...attributes } = t.attributes;
    return { id: t.id, attributes, events: t.events };
  });
  const scenario = calibrate({ source: log.source, traces: own, events: own.reduce((s, t) => s + t.events.length, 0) }, { spec, procedure: options.procedureFile ?? 'procedure.yaml', ...(options.seed === undefined ? {} : { seed: options.seed }) });
  const used = finished.length;
  return {
    spec,
    procedureYaml: writeProcedure(spec, 'yaml'),
    scenario,
    tree,
    steps,
    intervals,
    consultations,
    minFrequency,
    cases: { inLog: log.traces.length, ofProcedure: traces.length, used, endedEarly: traces.length - used, notFitting },
    leftOut,
  };
}
