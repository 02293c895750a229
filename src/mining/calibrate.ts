import { BusinessCalendar } from '../calendar/business-calendar.ts';
import { formatLocalDate, type LocalDate, weekday } from '../calendar/date.ts';
import { type Instant, MS_PER_DAY, MS_PER_HOUR, VN_OFFSET_MS, localDateOf } from '../calendar/instant.ts';
import { VN_DEFAULT_OFFICE_HOURS } from '../calendar/office-hours.ts';
import { vietnamDayCalendar } from '../calendar/vietnam.ts';
import { maySupplementStep } from '../compile/policies.ts';
import { supplementsPerOn } from '../dsl/one-stop-rules.ts';
import type { FlowNode, ProcedureSpec } from '../dsl/spec.ts';
import { LogError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import { ACTIVITY } from '../export/event-log.ts';
import { BUILT_IN, WRITER_NAMES, normalName } from './built-in.ts';
import type { Distribution } from '../sim/config.ts';
import { FIT_CRITERION, type Fit, fit } from './fit.ts';
import { type Instance, instancesOf } from './instances.ts';
import type { EventLog, Trace } from './log.ts';
import { officeHoursFor, shiftsOf } from './office-hours-of.ts';

export interface CalibrateOptions {
  readonly spec: ProcedureSpec;
  /** How the scenario names the procedure: a catalogue id, `id@version` or a file path. */
  readonly procedure: string;
  /** Log activity name → step id or built-in activity (from the mapping file). */
  readonly activities?: Readonly<Record<string, string>>;
  readonly seed?: number;
  readonly replications?: number;
}

/** A rate with the number of observations it comes from. */
export interface Rate {
  readonly p: number;
  readonly of: number;
}

/** Every figure `calibrate` fitted, as written in the scenario. */
export interface Calibration {
  readonly yaml: string;
  readonly cases: number;
  readonly start: string;
  readonly horizonDays: number;
  readonly perDay: Rate;
  readonly channels: Readonly<Record<string, Rate>>;
  readonly dossier: Readonly<Record<string, Readonly<Record<string, Rate>>>>;
  readonly incomplete: Rate;
  readonly withdrawal: Rate;
  readonly receipt: Fit | undefined;
  readonly steps: Readonly<Record<string, { readonly duration: Fit | undefined; readonly supplement: Rate; readonly refusal: Rate }>>;
  readonly applicantResponse: Fit | undefined;
  readonly stations: Readonly<Record<string, { readonly officers: number; readonly from: string; readonly shifts: readonly string[] | undefined }>>;
  /** What the log did not say, and the default used instead. */
  readonly defaults: readonly string[];
}

const normal = normalName;
const PAPER = new Set(['in-person', 'postal']);
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const rate = (k: number, n: number): Rate => ({ p: n === 0 ? 0 : k / n, of: n });

/** Every step id, consultation, excluded interval and branch of a flow, depth first. */
function nodesOf(flow: readonly FlowNode[], out: FlowNode[] = []): FlowNode[] {
  for (const n of flow) {
    out.push(n);
    if (n.kind === 'parallel') for (const b of n.branches) nodesOf(b, out);
    if (n.kind === 'branch') {
      for (const c of n.cases) nodesOf(c.flow, out);
      if (n.otherwise !== undefined) nodesOf(n.otherwise.flow, out);
    }
  }
  return out;
}

const stepsIn = (flow: readonly FlowNode[]) => new Set(nodesOf(flow).flatMap((n) => (n.kind === 'step' ? [n.id] : [])));

/**
 * Calibrates a scenario for a known procedure from an event log: which log activity is which step
 * (by id, by title, or by the mapping), step and receipt durations fitted by `FIT_CRITERION` in
 * working hours of the station's observed office hours, branch / supplement / refusal / withdrawal
 * rates, applicant response times, transfer times by channel, arrivals (per working day, weekday
 * and hour profiles), the channel mix, officers per station (the most pieces of work in progress at
 * once in the station's `org:group`) and office hours (when work starts and ends). Every figure in
 * the YAML carries a comment with the number of observations it comes from.
 *
 * @throws LogError `no-cases` when no trace of the log is of this procedure
 */
export function calibrate(log: EventLog, options: CalibrateOptions): Calibration {
  const { spec } = options;
  const nodes = nodesOf(spec.flow);
  const stepAgency = new Map(nodes.flatMap((n) => (n.kind === 'step' ? [[n.id, n.agency] as const] : [])));
  const consults = nodes.flatMap((n) => (n.kind === 'consult' ? [n] : []));
  const intervals = nodes.flatMap((n) => (n.kind === 'excluded' && n.lasts === undefined ? [n] : []));
  const branches = nodes.flatMap((n) => (n.kind === 'branch' ? [n] : []));
  const defaults: string[] = [];

  // Log name → our name: the mapping first, then a step id or title, then a built-in activity.
  const names = new Map<string, string>();
  for (const n of nodes) {
    if (n.kind === 'step' || n.kind === 'consult' || n.kind === 'excluded') {
      names.set(normal(n.id), n.id);
      if (n.title !== undefined) {
        names.set(normal(n.title.en), n.id);
        names.set(normal(n.title.vi), n.id);
      }
    }
    if (n.kind === 'consult') {
      names.set(normal(`${n.id}:answer`), `${n.id}:answer`);
      names.set(normal(ACTIVITY.answer(n.id)), `${n.id}:answer`);
      names.set(normal(ACTIVITY.deemedConsent(n.id)), `${n.id}:deemed`);
    }
  }
  for (const b of BUILT_IN) names.set(b, b);
  for (const [alias, b] of Object.entries(WRITER_NAMES)) names.set(alias, b);
  const mapped = new Map(Object.entries(options.activities ?? {}).map(([k, v]) => [k, v]));
  const cache = new Map<string, string>();
  const rename = (a: string) => {
    let r = cache.get(a);
    if (r === undefined) {
      const m = mapped.get(a);
      r = m !== undefined ? (names.get(normal(m)) ?? m) : (names.get(normal(a)) ?? a);
      cache.set(a, r);
    }
    return r;
  };

  const hasProcedure = log.traces.some((t) => t.attributes['procedure'] !== undefined);
  const traces = log.traces.filter((t) => t.events.length > 0 && (!hasProcedure || t.attributes['procedure'] === spec.id));
  if (traces.length === 0) {
    const names = [...new Set(log.traces.map((t) => t.attributes['procedure']))].slice(0, 5).join(', ');
    throw new LogError('no-cases', hasProcedure ? label('error.log.no-cases-of.named', { id: spec.id, names }) : label('error.log.no-cases-of', { id: spec.id }), { file: log.source });
  }

  // Work of every trace of the log (all procedures share the stations), for concurrency and hours.
  const allInstances = log.traces.map((t) => instancesOf(t, rename));
  const byGroup = new Map<string, Instance[]>();
  for (const list of allInstances) for (const i of list) if (i.group !== undefined && isWork(i.activity, stepAgency, consults)) (byGroup.get(i.group) ?? byGroup.set(i.group, []).get(i.group)!).push(i);

  // Which group does each agency's work: the most frequent group of its activities.
  const agencyGroups = new Map<string, Map<string, number>>();
  const vote = (agency: string, group: string | undefined) => {
    if (group === undefined) return;
    const m = agencyGroups.get(agency) ?? agencyGroups.set(agency, new Map()).get(agency)!;
    m.set(group, (m.get(group) ?? 0) + 1);
  };
  const desk = spec.receipt.desk;
  const selected = new Set(traces);
  log.traces.forEach((t, ti) => {
    if (!selected.has(t)) return;
    for (const i of allInstances[ti]!) {
      if (i.activity === 'receipt') vote(desk, i.group);
      const a = stepAgency.get(i.activity);
      if (a !== undefined) vote(a, i.group);
      for (const c of consults) if (i.activity === `${c.id}:answer` && i.group !== undefined) for (const ag of c.consulted) if (normal(ag) === normal(i.group)) vote(ag, i.group);
    }
  });
  const stationOf: Record<string, string> = {};
  for (const agency of Object.keys(spec.agencies)) {
    const m = agencyGroups.get(agency);
    stationOf[agency] = m === undefined ? agency : [...m].sort((a, b) => b[1] - a[1])[0]![0];
  }
  // Keyed by the log's group names: no prototype, so that `__proto__` or `constructor` is just a name.
  const stations = Object.create(null) as Record<string, { officers: number; from: string; shifts: readonly string[] | undefined }>;
  for (const station of new Set(Object.values(stationOf))) {
    const work = byGroup.get(station) ?? [];
    const { most, timed } = concurrency(work);
    const resources = new Set(work.flatMap((i) => (i.resource === undefined ? [] : [i.resource]))).size;
    const officers = timed > 0 ? Math.max(1, most) : Math.max(1, resources);
    const from = timed > 0 ? `the most pieces of work in progress at once, over ${timed} timed pieces of work` : resources > 0 ? `${resources} distinct org:resource values (no start events to measure concurrency)` : 'no observations: 1 assumed';
    if (timed === 0 && resources === 0) defaults.push(`officers of ${station}: 1 (no work observed)`);
    stations[station] = { officers, from, shifts: shiftsOf(work) };
  }
  // One calendar per distinct office hours: building one indexes the whole supported range.
  const calendars = new Map<string, BusinessCalendar>();
  const days = vietnamDayCalendar();
  const calendarOf = (station: string) => {
    const shifts = stations[station]?.shifts;
    const key = officeHoursFor(station, shifts) === 'vn-default' ? 'vn-default' : shifts!.join(',');
    let c = calendars.get(key);
    if (c === undefined) {
      const hours = officeHoursFor(station, shifts);
      c = new BusinessCalendar({ days, hours: hours === 'vn-default' ? VN_DEFAULT_OFFICE_HOURS : hours });
      calendars.set(key, c);
    }
    return c;
  };
  const workHours = (i: Instance, station: string) => calendarOf(station).workingTimeBetween(i.start as Instant, i.end as Instant) / MS_PER_HOUR;

  // Per case.
  const arrivals: number[] = [];
  const channelCount = new Map<string, number>();
  let withChannel = 0;
  const receipt: number[] = [];
  const stepDur = new Map<string, number[]>();
  const stepRuns = new Map<string, number>();
  const allRuns = new Map<string, number>();
  const supplements = new Map<string, number>();
  const refusals = new Map<string, number>();
  const answers = new Map<string, number[]>();
  /** Consents deemed per consultation: a consulted agency that did not answer in time. */
  const deemed = new Map<string, number>();
  const intervalDays = new Map<string, number[]>();
  const response: number[] = [];
  const transfer = { paper: [] as number[], online: [] as number[] };
  const withdrawAfter: number[] = [];
  let incomplete = 0;
  let withdrawn = 0;
  const branchCounts = new Map<string, Map<string, number>>();
  let branchCases = 0;

  log.traces.forEach((t, ti) => {
    if (!selected.has(t)) return;
    const inst = allInstances[ti]!;
    const arrival = t.events[0]!.time;
    arrivals.push(arrival);
    const ch = t.attributes['channel'];
    if (ch !== undefined) {
      withChannel++;
      channelCount.set(ch, (channelCount.get(ch) ?? 0) + 1);
    }
    const events = t.events.map((e) => ({ a: rename(e.activity), t: e.time, life: e.lifecycle }));
    const stepEnds: { step: string; end: number }[] = [];
    const supplementTimes: number[] = [];
    for (const e of events) if (e.life === 'complete' && e.a === 'supplement-request') supplementTimes.push(e.t);
    const askedBy = new Map<string, number>();
    const maySupplementNow = (agency: string) => maySupplementStep(spec, { receivedAt: arrival as Instant, supplements: Object.fromEntries(askedBy) }, agency);
    for (const i of inst) {
      if (i.activity === 'receipt' && i.started) receipt.push(workHours(i, stationOf[desk]!));
      const agency = stepAgency.get(i.activity);
      if (agency !== undefined) {
        // A run can end in a supplement request only while the limit allows one (per dossier, or
        // per agency, as the engine counts it): only those runs count in the rate.
        const asked = askedBy.get(agency) ?? 0;
        if (maySupplementNow(agency)) stepRuns.set(i.activity, (stepRuns.get(i.activity) ?? 0) + 1);
        if (supplementTimes.includes(i.end)) askedBy.set(agency, asked + 1);
        allRuns.set(i.activity, (allRuns.get(i.activity) ?? 0) + 1);
        (stepDur.get(i.activity) ?? stepDur.set(i.activity, []).get(i.activity)!).push(workHours(i, stationOf[agency]!));
        stepEnds.push({ step: i.activity, end: i.end });
      }
      for (const c of consults) {
        if (i.activity === `${c.id}:answer`) (answers.get(c.id) ?? answers.set(c.id, []).get(c.id)!).push(workHours(i, i.group ?? stationOf[c.consulted[0]!]!));
      }
    }
    // A step refused or sent back for papers while in progress (the engine's own log: no COMPLETE
    // then) has a start and no completion: a run too, which the request that follows ends.
    const unmatched = new Map<string, number[]>();
    for (const e of events) if (e.life === 'start' && stepAgency.has(e.a)) (unmatched.get(e.a) ?? unmatched.set(e.a, []).get(e.a)!).push(e.t);
    for (const [step, starts] of unmatched) {
      for (const start of starts.slice(inst.filter((i) => i.activity === step).length)) {
        const agency = stepAgency.get(step)!;
        if (maySupplementNow(agency)) stepRuns.set(step, (stepRuns.get(step) ?? 0) + 1);
        allRuns.set(step, (allRuns.get(step) ?? 0) + 1);
        stepEnds.push({ step, end: start });
      }
    }
    const lastStepBefore = (time: number) => {
      let best: { step: string; end: number } | undefined;
      for (const s of stepEnds) if (s.end <= time && (best === undefined || s.end >= best.end)) best = s;
      return best?.step;
    };
    let askedAt: number | undefined;
    let receiptDone: number | undefined;
    let previous = arrival;
    for (const e of events) {
      if (e.life !== 'complete') {
        previous = e.t;
        continue;
      }
      switch (e.a) {
        case 'completion-request':
          incomplete++;
          askedAt = e.t;
          break;
        case 'supplement-request': {
          const s = lastStepBefore(e.t);
          if (s !== undefined) supplements.set(s, (supplements.get(s) ?? 0) + 1);
          askedAt = e.t;
          break;
        }
        case 'papers-received':
          if (askedAt !== undefined) response.push((e.t - askedAt) / MS_PER_DAY);
          askedAt = undefined;
          break;
        case 'refusal': {
          const s = lastStepBefore(e.t);
          if (s !== undefined) refusals.set(s, (refusals.get(s) ?? 0) + 1);
          break;
        }
        case 'withdrawal':
          withdrawn++;
          withdrawAfter.push((e.t - arrival) / MS_PER_DAY);
          break;
        case 'receipt':
          receiptDone = e.t;
          break;
        case 'transfer':
          if (receiptDone !== undefined) (ch !== undefined && !PAPER.has(ch) ? transfer.online : transfer.paper).push(calendarOf(stationOf[desk]!).workingTimeBetween(receiptDone as Instant, e.t as Instant) / MS_PER_HOUR);
          break;
        default:
          for (const c of consults) if (e.a === `${c.id}:deemed`) deemed.set(c.id, (deemed.get(c.id) ?? 0) + 1);
          for (const iv of intervals) if (e.a === iv.id) (intervalDays.get(iv.id) ?? intervalDays.set(iv.id, []).get(iv.id)!).push((e.t - previous) / MS_PER_DAY);
      }
      previous = e.t;
    }
    // Branch values: the case attribute when the log has it, else the branch whose steps the case went through.
    if (branches.length > 0 && stepEnds.length > 0) {
      branchCases++;
      const seen = new Set(stepEnds.map((s) => s.step));
      for (const b of branches) {
        let value = t.attributes[b.field];
        if (value === undefined) {
          const hit = b.cases.find((c) => [...stepsIn(c.flow)].some((s) => seen.has(s)));
          value = hit !== undefined ? String(hit.when) : otherwiseValue(spec, b.field, b.cases.map((c) => String(c.when)));
        }
        const m = branchCounts.get(b.field) ?? branchCounts.set(b.field, new Map()).get(b.field)!;
        m.set(value, (m.get(value) ?? 0) + 1);
      }
    }
  });

  // Arrivals: per working day between the first and the last arrival, with weekday and hour profiles.
  arrivals.sort((a, b) => a - b);
  const first = localDateOf(arrivals[0]! as Instant);
  const last = localDateOf(arrivals[arrivals.length - 1]! as Instant);
  const horizonDays = last - first + 1;
  const perWeekday = new Array<number>(7).fill(0);
  const workingDaysOf = new Array<number>(7).fill(0);
  let working = 0;
  for (let d = first; d <= last; d = (d + 1) as LocalDate) {
    if (days.isWorkingDay(d)) {
      working++;
      workingDaysOf[weekday(d)]!++;
    }
  }
  const perHour = new Array<number>(24).fill(0);
  let onWorkingDays = 0;
  for (const a of arrivals) {
    const d = localDateOf(a as Instant);
    if (!days.isWorkingDay(d)) continue;
    onWorkingDays++;
    perWeekday[weekday(d)]!++;
    perHour[Math.floor((((a + VN_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY / MS_PER_HOUR)]!++;
  }
  const perDay = rate(onWorkingDays, working);
  if (onWorkingDays < arrivals.length) defaults.push(`${arrivals.length - onWorkingDays} cases arrived on days off; the simulator has none then, so they are left out of the arrival rate`);
  const weekdayRates = perWeekday.map((n, d) => (workingDaysOf[d]! === 0 || perDay.p === 0 ? 0 : n / workingDaysOf[d]! / perDay.p));
  const openHours = perHour.filter((n) => n > 0);
  const hourMean = openHours.length === 0 ? 1 : openHours.reduce((s, n) => s + n, 0) / openHours.length;
  const hourRates = perHour.map((n) => n / hourMean);

  const channels: Record<string, Rate> = {};
  for (const c of spec.receipt.channels) channels[c] = rate(channelCount.get(c) ?? 0, withChannel);
  const unknownChannels = [...channelCount.keys()].filter((c) => !spec.receipt.channels.includes(c as never));
  if (unknownChannels.length > 0) defaults.push(`channels ${unknownChannels.join(', ')} are not offered by ${spec.id}: left out of the mix`);
  const dossier: Record<string, Record<string, Rate>> = {};
  for (const b of branches) {
    const m = branchCounts.get(b.field) ?? new Map<string, number>();
    dossier[b.field] = Object.fromEntries([...m].map(([v, n]) => [v, rate(n, branchCases)]));
  }

  const fits = (xs: readonly number[] | undefined) => (xs === undefined || xs.length === 0 ? undefined : fit(xs));
  const allStepHours = [...stepDur.values()].flat();
  const steps: Record<string, { duration: Fit | undefined; supplement: Rate; refusal: Rate }> = {};
  for (const id of stepAgency.keys()) {
    steps[id] = { duration: fits(stepDur.get(id)), supplement: rate(supplements.get(id) ?? 0, stepRuns.get(id) ?? 0), refusal: rate(refusals.get(id) ?? 0, allRuns.get(id) ?? 0) };
  }
  const cases = traces.length;
  const result = {
    cases,
    start: formatLocalDate(first),
    horizonDays,
    perDay,
    channels,
    dossier,
    incomplete: rate(incomplete, cases),
    withdrawal: rate(withdrawn, cases),
    receipt: fits(receipt),
    steps,
    applicantResponse: fits(response),
    stations,
    defaults,
  };
  const yaml = writeScenario(result, {
    options,
    stationOf,
    weekdayRates,
    workingDays: working,
    hourRates,
    arrivalsOnWorkingDays: onWorkingDays,
    transfer: { paper: fits(transfer.paper), online: fits(transfer.online) },
    withdrawAfter: fits(withdrawAfter),
    answers: consults.map((c) => ({ id: c.id, fit: fits(answers.get(c.id)), silence: rate(deemed.get(c.id) ?? 0, (answers.get(c.id)?.length ?? 0) + (deemed.get(c.id) ?? 0)) })),
    intervals: intervals.map((iv) => ({ id: iv.id, fit: fits(intervalDays.get(iv.id)) })),
    fallbackStep: fits(allStepHours),
    defaults,
  });
  return { ...result, yaml };
}

function isWork(activity: string, steps: ReadonlyMap<string, string>, consults: readonly { id: string }[]): boolean {
  return activity === 'receipt' || steps.has(activity) || consults.some((c) => activity === `${c.id}:answer`) || !BUILT_IN.includes(activity as never);
}

function otherwiseValue(spec: ProcedureSpec, field: string, taken: readonly string[]): string {
  const f = spec.dossier[field];
  if (f?.type === 'boolean') return taken.includes('true') ? 'false' : 'true';
  if (f?.type === 'enum') return f.values.find((v) => !taken.includes(v)) ?? 'other';
  return 'other';
}

/** The most pieces of work of `work` in progress at the same instant (ends before starts at a tie). */
function concurrency(work: readonly Instance[]): { most: number; timed: number } {
  const timed = work.filter((i) => i.started && i.end > i.start);
  const points: number[] = [];
  for (const i of timed) points.push(i.start * 2 + 1, i.end * 2);
  points.sort((a, b) => a - b);
  let now = 0;
  let most = 0;
  for (const p of points) {
    now += p % 2 === 1 ? 1 : -1;
    if (now > most) most = now;
  }
  return { most, timed: timed.length };
}

interface WriteContext {
  readonly options: CalibrateOptions;
  readonly stationOf: Readonly<Record<string, string>>;
  readonly weekdayRates: readonly number[];
  readonly workingDays: number;
  readonly hourRates: readonly number[];
  readonly arrivalsOnWorkingDays: number;
  readonly transfer: { readonly paper: Fit | undefined; readonly online: Fit | undefined };
  readonly withdrawAfter: Fit | undefined;
  readonly answers: readonly { readonly id: string; readonly fit: Fit | undefined; readonly silence: Rate }[];
  readonly intervals: readonly { readonly id: string; readonly fit: Fit | undefined }[];
  readonly fallbackStep: Fit | undefined;
  readonly defaults: string[];
}

export function formatDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'fixed':
      return `{ fixed: ${d.value} }`;
    case 'uniform':
      return `{ uniform: [${d.min}, ${d.max}] }`;
    case 'triangular':
      return `{ triangular: [${d.min}, ${d.mode}, ${d.max}] }`;
    case 'exponential':
      return `{ exponential: ${d.mean} }`;
    case 'lognormal':
      return `{ lognormal: { mean: ${d.mean}, sd: ${d.sd} } }`;
    case 'empirical':
      return `{ empirical: [${d.values.join(', ')}] }`;
  }
}

const q = (s: string) => JSON.stringify(s);
const pct = (r: Rate) => `${r4(r.p)}`;

function writeScenario(c: Omit<Calibration, 'yaml'>, w: WriteContext): string {
  const { spec } = w.options;
  const L: string[] = [];
  const fitLine = (indent: string, key: string, f: Fit | undefined, fallback: string, unit: string, what: string) => {
    if (f === undefined) {
      w.defaults.push(`${what}: ${fallback} (no observations)`);
      L.push(`${indent}${key}: ${fallback} # no observations in the log: an assumption`);
    } else L.push(`${indent}${key}: ${formatDistribution(f.distribution)} # ${unit}; from ${f.observations} observations: ${f.note}`);
  };
  L.push(`# Calibrated by motcua calibrate from ${c.cases} cases of ${spec.id}@${spec.version} in ${w.options.procedure === spec.id ? 'the log' : 'the log'}.`);
  L.push(`# Durations are fitted by this criterion: ${FIT_CRITERION}.`);
  L.push('# Work durations are in working hours of the station\'s office hours; applicant times in calendar days.');
  for (const d of c.defaults) L.push(`# Not in the log: ${d}.`);
  L.push(`name: ${q(`${spec.id} calibrated from a log`)}`);
  L.push(`start: ${c.start} # the day of the first case`);
  L.push(`horizon: ${c.horizonDays}d # to the day of the last case`);
  L.push('warmup: 0d # the log starts with an empty office, as the simulation does');
  L.push(`replications: ${w.options.replications ?? 5}`);
  L.push(`seed: ${w.options.seed ?? 1}`);
  L.push('calendar: vn');
  L.push('discipline: fcfs # not in the log: first come first served assumed');
  L.push('drain: true # every case runs to its end, as in a log of finished cases');
  fitLine('', 'applicantResponse', c.applicantResponse, '{ uniform: [1, 5] }', 'calendar days from a request for papers to the papers', 'applicantResponse');
  L.push('transfer:');
  fitLine('  ', 'paper', w.transfer.paper, '{ triangular: [1, 4, 8] }', 'working hours from acceptance to transfer, paper dossiers', 'transfer.paper');
  fitLine('  ', 'online', w.transfer.online, '{ fixed: 0 }', 'working hours, online dossiers', 'transfer.online');
  L.push('apologyExtensionDays: 5 # not in the log: the default');
  L.push('');
  L.push('stations:');
  for (const [id, s] of Object.entries(c.stations)) {
    const hours = officeHoursFor(id, s.shifts);
    L.push(`  ${q(id)}:`);
    L.push(`    officers: ${s.officers} # ${s.from}`);
    if (hours === 'vn-default') L.push(`    hours: vn-default # ${s.shifts === undefined ? 'too little timed work to tell: the default 08:00-12:00, 13:00-17:00' : 'work starts and ends within 08:00-12:00 and 13:00-17:00'}`);
    else L.push(`    hours: { id: ${q(hours.id)}, versions: [{ validFrom: "2000-01-01", seasons: [{ from: "01-01", shifts: [${s.shifts!.map(q).join(', ')}] }] }] } # quarter hours in which work started or ended`);
  }
  L.push('');
  L.push('procedures:');
  L.push(`  - procedure: ${q(w.options.procedure)}`);
  const wd = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  L.push(`    arrivals: # ${w.arrivalsOnWorkingDays} cases over ${w.workingDays} working days`);
  L.push('      poisson:');
  L.push(`        perDay: ${r4(c.perDay.p)} # mean per working day, from ${w.arrivalsOnWorkingDays} arrivals on ${w.workingDays} working days`);
  L.push(`        weekdays: { ${w.weekdayRates.map((r, d) => `${wd[d]}: ${r4(r)}`).join(', ')} } # relative to perDay, per weekday`);
  L.push(`        hours: { ${w.hourRates.map((r, h) => `"${String(h).padStart(2, '0')}": ${r4(r)}`).join(', ')} } # relative rate per local hour`);
  const chTotal = Object.values(c.channels)[0]?.of ?? 0;
  if (chTotal > 0) {
    const entries = Object.entries(c.channels).filter(([, r]) => r.p > 0);
    const sum = entries.reduce((s, [, r]) => s + r4(r.p), 0);
    // Rounding must not break "adds up to 1": the largest share takes the remainder.
    const largest = entries.reduce((a, b) => (b[1].p > a[1].p ? b : a));
    L.push(`    channels: { ${entries.map(([ch, r]) => `${ch}: ${ch === largest[0] ? r4(r4(r.p) + 1 - sum) : r4(r.p)}`).join(', ')} } # from case:channel of ${chTotal} cases`);
  } else {
    w.defaults.push('channels: no case:channel attribute, all in person');
    L.push(`    channels: { ${spec.receipt.channels[0]}: 1 } # no case:channel in the log: an assumption`);
  }
  if (Object.keys(c.dossier).length > 0) {
    L.push('    dossier:');
    for (const [field, values] of Object.entries(c.dossier)) {
      const entries = Object.entries(values);
      const of = entries[0]?.[1].of ?? 0;
      if (entries.length === 0 || of === 0) {
        L.push(`      ${field}: { "${otherwiseValue(spec, field, [])}": 1 } # no case went through this branch: an assumption`);
        continue;
      }
      const sum = entries.reduce((s, [, r]) => s + r4(r.p), 0);
      const largest = entries.reduce((a, b) => (b[1].p > a[1].p ? b : a));
      L.push(`      ${field}: { ${entries.map(([v, r]) => `${q(v)}: ${v === largest[0] ? r4(r4(r.p) + 1 - sum) : r4(r.p)}`).join(', ')} } # from ${of} cases (the case attribute, else the branch taken)`);
    }
  }
  L.push(`    incomplete: ${pct(c.incomplete)} # completion requests at receipt, in ${c.incomplete.of} cases`);
  L.push(`    withdrawal: ${pct(c.withdrawal)} # withdrawn, of ${c.withdrawal.of} cases (withdrawals cut short by the end of a case are not seen)`);
  if (c.withdrawal.p > 0) fitLine('    ', 'withdrawAfter', w.withdrawAfter, '{ exponential: 5 }', 'calendar days from arrival', 'withdrawAfter');
  fitLine('    ', 'receipt', c.receipt, '{ fixed: 0.25 }', 'working hours at the desk', 'receipt');
  L.push('    steps:');
  if (w.fallbackStep !== undefined) L.push(`      default: { duration: ${formatDistribution(w.fallbackStep.distribution)} } # for steps never seen: all ${w.fallbackStep.observations} step durations`);
  else L.push('      default: { duration: { fixed: 1 } } # no step seen in the log: an assumption');
  for (const [id, s] of Object.entries(c.steps)) {
    if (s.duration === undefined) {
      w.defaults.push(`step ${id}: never seen, the default duration`);
      L.push(`      ${q(id)}: { supplement: 0, refusal: 0 } # never seen in the log`);
      continue;
    }
    L.push(`      ${q(id)}:`);
    L.push(`        duration: ${formatDistribution(s.duration.distribution)} # working hours; from ${s.duration.observations} observations: ${s.duration.note}`);
    const sup = r4(s.supplement.p);
    const ref = r4(Math.min(s.refusal.p, 1 - sup));
    L.push(`        supplement: ${sup} # supplement requests after ${s.supplement.of} runs of the step while the limit still allowed one (at most ${spec.clock.maxSupplementsPerAgency} per ${supplementsPerOn(spec.clock, spec.effectiveFrom)})`);
    L.push(`        refusal: ${ref} # refusals after ${s.refusal.of} runs of the step`);
  }
  if (w.answers.length > 0) {
    L.push('    answers:');
    for (const a of w.answers) {
      const silence = `silence: ${r4(a.silence.p)}`;
      const silenceFrom = a.silence.of === 0 ? 'no consultation in the log: silence 0 assumed' : `silence: ${a.silence.of - (a.fit?.observations ?? 0)} consents deemed of ${a.silence.of} consulted agencies`;
      if (a.fit === undefined) L.push(`      ${q(a.id)}: { duration: { fixed: 1 }, ${silence} } # no answers in the log: an assumption; ${silenceFrom}`);
      else L.push(`      ${q(a.id)}: { duration: ${formatDistribution(a.fit.distribution)}, ${silence} } # from ${a.fit.observations} answers; ${silenceFrom}`);
    }
  }
  if (w.intervals.length > 0) {
    L.push('    intervals:');
    for (const iv of w.intervals) fitLine('      ', q(iv.id), iv.fit, '{ fixed: 1 }', 'calendar days from the previous event', `interval ${iv.id}`);
  }
  L.push(`    stations: { ${Object.entries(w.stationOf).map(([a, s]) => `${q(a)}: ${q(s)}`).join(', ')} } # the org:group that does most of each agency's work`);
  return `${L.join('\n')}\n`;
}

