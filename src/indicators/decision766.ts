import { type Instant, formatInstant } from '../calendar/instant.ts';
import type { Classification } from '../calendar/ledger.ts';
import type { Level } from '../dsl/spec.ts';
import type { LegalRef } from '../legal.ts';
import type { Rating } from '../compile/types.ts';
import type { ComplaintRecord, DossierRecord } from './record.ts';
import { DECISION_766_GROUPS, DECISION_766_REF, DEFAULT_POINTS, MAX_SUPPLEMENT_REQUESTS, type PointsConstraints } from './rules.ts';

/** Options of {@link decision766}. */
export interface Decision766Options {
  /** Inclusive start of the period. */
  readonly from: Instant;
  /** Exclusive end; a period still running ends at `now`. */
  readonly to: Instant;
  /** The instant the records are as of: nothing after it is known. */
  readonly now: Instant;
  /** Complaints and petitions (phản ánh, kiến nghị); those about a dossier also mark the dossier in its `complaints`. */
  readonly complaints?: readonly ComplaintRecord[];
  /**
   * How the satisfaction rate combines late dossiers with dissatisfied ones. `union` (default): the
   * published text counts "dossiers not satisfied, or with a complaint, or late" once each:
   * (all − that count) / all [src: summaries of Decision 766]. `sum`: 100% − (late rate + rate of
   * dossiers not satisfied or complained about), as shared/DOMAIN.md words it; a late dossier with
   * a complaint then counts twice. Clamped at 0.
   */
  readonly satisfaction?: 'union' | 'sum';
  /**
   * Whether a dossier refused at the desk (status 3, "Không được tiếp nhận": never received) counts
   * as handled. Not verified; by default it does not.
   */
  readonly refusedAtReceipt?: 'exclude' | 'include';
  /** Supplement requests a dossier may have before it counts as late: 1 [src-2, shared/DOMAIN.md]. */
  readonly maxSupplementRequests?: number;
  /** Maximum points per computed indicator; see `DEFAULT_POINTS` (partly not verified). */
  readonly points?: Partial<PointsConstraints>;
}

/** Complaint and petition figures of a group. */
export interface ComplaintFigures {
  /** Filed before the end of the period and not closed before its start. */
  readonly total: number;
  readonly answeredOnTime: number;
  /** Answered after the deadline, or still open past it. */
  readonly late: number;
  /** Answered, with "not satisfied" feedback. */
  readonly notSatisfied: number;
  readonly lateOrNotSatisfied: number;
  /** Answered on or before the deadline / total; null without complaints. */
  readonly onTimeRate: number | null;
  /** (total − those late or with "not satisfied" feedback) / total; null without complaints. */
  readonly satisfactionRate: number | null;
}

/** Points of the indicators motcua computes; null when there was nothing to rate. */
export interface Decision766Points {
  readonly onTime: number | null;
  readonly dossierSatisfaction: number | null;
  /** A group without complaints gets the full points (no complaint was handled late or badly): an assumption, not verified. */
  readonly complaintOnTime: number;
  readonly complaintSatisfaction: number;
  /** The sum of the above (nulls count 0): what agencies are ranked by. */
  readonly total: number;
  /** The maximum of `total`. */
  readonly of: number;
}

/** The indicators of one group of dossiers (all, one agency, one procedure, one level). */
export interface Decision766Figures {
  /** Received before the end of the period and not ended before its start. */
  readonly handled: number;
  /** Ended in the period by the due instant with at most the allowed supplement requests. */
  readonly resolvedOnTime: number;
  /** Open at the end of the period, not past the due instant, at most the allowed supplement requests. */
  readonly withinLimit: number;
  /** handled − resolvedOnTime − withinLimit. */
  readonly late: number;
  readonly lateDetail: {
    readonly ended: number;
    readonly pendingOverdue: number;
    /** Late dossiers with more than the allowed supplement requests (late for that reason alone or not). */
    readonly tooManySupplements: number;
  };
  /** How the dossiers that ended in the period ended. */
  readonly ended: { readonly resolved: number; readonly refused: number; readonly refusedAtReceipt: number; readonly stopped: number; readonly withdrawn: number };
  /** Ratings given before the end of the period by handled dossiers. */
  readonly ratings: { readonly verySatisfied: number; readonly satisfied: number; readonly notSatisfied: number };
  readonly withComplaint: number;
  /** Rated "not satisfied" or complained about (once each). */
  readonly dissatisfied: number;
  /** Late, rated "not satisfied" or complained about (once each): the union the default satisfaction formula subtracts. */
  readonly lateOrDissatisfied: number;
  /** (resolvedOnTime + withinLimit) / handled; null when nothing was handled. */
  readonly onTimeRate: number | null;
  /** Satisfaction in receipt and handling (see `Decision766Options.satisfaction`); null when nothing was handled. */
  readonly satisfactionRate: number | null;
  readonly complaints: ComplaintFigures;
  readonly points: Decision766Points;
  /** motcua's own split, counted from the same records (the one-stop dashboard's definition): resolved or refused after receipt in the period. */
  readonly oneStop: { readonly resolved: number; readonly early: number; readonly onTime: number; readonly late: number; readonly onTimeRate: number | null };
}

/** The Decision 766 indicators of a set of records for a period. */
export interface Decision766 extends Decision766Figures {
  /** Which definition each figure uses. */
  readonly definitions: {
    readonly onTimeRate: 'decision-766';
    readonly satisfactionRate: 'decision-766-union' | 'decision-766-sum';
    readonly points: 'decision-766-linear-unverified';
    readonly oneStop: 'motcua-one-stop';
  };
  readonly ref: LegalRef;
  readonly period: { readonly from: string; readonly to: string };
  readonly options: { readonly satisfaction: 'union' | 'sum'; readonly refusedAtReceipt: 'exclude' | 'include'; readonly maxSupplementRequests: number; readonly points: PointsConstraints };
  /** Agencies ranked by `points.total` (equal totals share a rank), best first. */
  readonly byAgency: readonly (Decision766Figures & { readonly agency: string; readonly rank: number })[];
  readonly byProcedure: readonly (Decision766Figures & { readonly procedure: string })[];
  readonly byLevel: readonly (Decision766Figures & { readonly level: Level | 'unknown' })[];
  /** The index's groups motcua cannot compute from dossier and complaint records, and why. */
  readonly notComputable: readonly { readonly group: string; readonly reason: string }[];
}

interface Tally {
  handled: number;
  resolvedOnTime: number;
  withinLimit: number;
  endedLate: number;
  pendingOverdue: number;
  tooManySupplements: number;
  ended: { resolved: number; refused: number; refusedAtReceipt: number; stopped: number; withdrawn: number };
  ratings: { verySatisfied: number; satisfied: number; notSatisfied: number };
  withComplaint: number;
  dissatisfied: number;
  lateOrDissatisfied: number;
  complaints: { total: number; answeredOnTime: number; late: number; notSatisfied: number; lateOrNotSatisfied: number };
  oneStop: { early: number; onTime: number; late: number };
}

const tally = (): Tally => ({
  handled: 0,
  resolvedOnTime: 0,
  withinLimit: 0,
  endedLate: 0,
  pendingOverdue: 0,
  tooManySupplements: 0,
  ended: { resolved: 0, refused: 0, refusedAtReceipt: 0, stopped: 0, withdrawn: 0 },
  ratings: { verySatisfied: 0, satisfied: 0, notSatisfied: 0 },
  withComplaint: 0,
  dissatisfied: 0,
  lateOrDissatisfied: 0,
  complaints: { total: 0, answeredOnTime: 0, late: 0, notSatisfied: 0, lateOrNotSatisfied: 0 },
  oneStop: { early: 0, onTime: 0, late: 0 },
});

/** `into` plus `from`, counter by counter (the counters are numbers, or records of numbers). */
function addTally(into: Tally, from: Tally): Tally {
  const a = into as unknown as Record<string, number | Record<string, number>>;
  const b = from as unknown as Record<string, number | Record<string, number>>;
  for (const key of Object.keys(b)) {
    const x = b[key]!;
    if (typeof x === 'number') (a[key] as number) += x;
    else for (const k of Object.keys(x)) (a[key] as Record<string, number>)[k]! += x[k]!;
  }
  return into;
}

/** The dossiers of one agency, procedure and level: each is counted once, in its cell, and the groups are sums of cells. */
interface Cell {
  readonly agency: string;
  readonly procedure: string;
  readonly level: string;
  readonly t: Tally;
}

/** Whom a dossier counts for (its agency, procedure and level), as a key a host asks a tally for once and reuses (see `Decision766Tally.addEnded`). */
export interface Decision766Key {
  readonly agency: string;
  readonly procedure: string;
  readonly level: Level | null;
}

/** A key and, once a dossier of it has been counted, its cell in the tally that made it. */
class CellKey implements Decision766Key {
  cell: Cell | undefined = undefined;
  constructor(
    readonly owner: Decision766Tally,
    readonly agency: string,
    readonly procedure: string,
    readonly level: Level | null,
  ) {}
}

/**
 * The Decision 766 indicators of dossier records (and complaint records) for a period: in total,
 * per agency (ranked), per procedure and per level, with motcua's own early / on-time / late split
 * beside them. Pure: the same records and options give the same figures.
 *
 * A dossier is handled in the period when it was received before the period's end and had not
 * ended before its start. It is on time when it ended (resolved, refused, stopped, withdrawn) by
 * its due instant, or is still open and not past it; in both cases with at most
 * `maxSupplementRequests` supplement requests. The due instant already leaves out the applicant's
 * supplement time (the ledger pauses the clock).
 *
 * @example
 * const d = decision766(recordsFromCases(cases, facts), { from, to, now });
 * d.onTimeRate        // 0.9
 * d.byAgency[0]       // { agency: 'justice', rank: 1, onTimeRate: 1, satisfactionRate: 0.95, … }
 */
export function decision766(records: readonly DossierRecord[], options: Decision766Options): Decision766 {
  const tally = new Decision766Tally(options);
  for (const r of records) tally.addDossier(r);
  // A complaint about a dossier also counts for the dossier's procedure and level.
  const dossiers = new Map(records.map((r) => [r.id, r]));
  for (const c of options.complaints ?? []) tally.addComplaint(c, c.dossier == null ? undefined : dossiers.get(c.dossier));
  return tally.result();
}

type Settings = Decision766['options'];

/**
 * {@link decision766} one record at a time, for hosts that produce records as they go and need not
 * keep them (the simulator: memory stays flat in the number of dossiers). The same counting:
 * `decision766` itself folds its records through this.
 *
 * @example
 * const t = new Decision766Tally({ from, to, now });
 * for (const r of records) t.addDossier(r);
 * t.result().onTimeRate // as decision766(records, { from, to, now }).onTimeRate
 */
export class Decision766Tally {
  readonly #settings: Settings;
  readonly #from: Instant;
  #end: Instant;
  readonly #total = tally();
  readonly #agencies = new Map<string, Tally>();
  readonly #procedures = new Map<string, Tally>();
  readonly #levels = new Map<string, Tally>();

  constructor(options: Omit<Decision766Options, 'complaints'>) {
    this.#settings = {
      satisfaction: options.satisfaction ?? 'union',
      refusedAtReceipt: options.refusedAtReceipt ?? 'exclude',
      maxSupplementRequests: options.maxSupplementRequests ?? MAX_SUPPLEMENT_REQUESTS,
      points: { ...DEFAULT_POINTS, ...options.points },
    };
    this.#from = options.from;
    this.#end = Math.min(options.to, options.now) as Instant;
  }

  // Dossiers are counted in cells (agency, procedure, level), once each, and added up into the
  // total and the groups in `result`: a quarter of the counting of four group tallies per dossier
  // (the simulator counts every dossier it ends). The group tallies hold the complaints.
  readonly #cells = new Map<string, Cell>();
  /** The cell of the last dossier counted: dossiers one after another mostly share it. */
  #cell: Cell | undefined;

  #group(map: Map<string, Tally>, key: string): Tally {
    let t = map.get(key);
    if (t === undefined) map.set(key, (t = tally()));
    return t;
  }

  #cellOf(agency: string, procedure: string, level: string): Cell {
    const last = this.#cell;
    if (last !== undefined && last.agency === agency && last.procedure === procedure && last.level === level) return last;
    const key = `${agency}\u0000${procedure}\u0000${level}`;
    let cell = this.#cells.get(key);
    if (cell === undefined) {
      cell = { agency, procedure, level, t: tally() };
      this.#cells.set(key, cell);
      // The groups exist from their first dossier, in the order they were first met.
      this.#group(this.#agencies, agency);
      this.#group(this.#procedures, procedure);
      this.#group(this.#levels, level);
    }
    this.#cell = cell;
    return cell;
  }

  /** The key of the dossiers of `agency`, `procedure` and `level`, for {@link addEnded}. */
  key(agency: string, procedure: string, level: Level | null): Decision766Key {
    return new CellKey(this, agency, procedure, level);
  }

  /** Counts one dossier record. */
  addDossier(r: DossierRecord): void {
    const settings = this.#settings;
    const end = this.#end;
    if (!(r.receivedAt < end)) return;
    if (r.end !== null && r.end.at < this.#from) return;
    if (r.end?.kind === 'refused-at-receipt' && r.end.at < end && settings.refusedAtReceipt === 'exclude') return;
    let supplements = 0;
    for (const t of r.supplementRequests) if (t < end) supplements++;
    let complained = false;
    for (const t of r.complaints) if (t < end) complained = true;
    const tooMany = supplements > settings.maxSupplementRequests;
    const ended = r.end !== null && r.end.at < end ? r.end : null;
    const pastDue = ended === null ? r.due !== null && r.due < end : endedPastDue(ended, r.due);
    const rating = r.rating !== null && r.rating.at < end ? r.rating.value : null;
    this.#count(this.#cellOf(r.agency, r.procedure, r.level ?? 'unknown').t, ended, tooMany || pastDue, tooMany, rating, complained);
  }

  /**
   * Counts a dossier received at `receivedAt` that ended with `end`, with `supplements` supplement
   * requests, the `rating` and a complaint or not, all made by its end: as {@link addDossier}
   * counts the record of it, without the record (the simulator ends a hundred thousand dossiers a
   * run). `key` (from {@link key}) says whom it counts for, and finds its cell without a look-up
   * once one of its dossiers has been counted. A dossier ended in the period is counted here
   * directly; any other goes through `addDossier`, so that the period's rules are written once.
   */
  addEnded(key: Decision766Key, receivedAt: Instant, due: Instant | null, end: NonNullable<DossierRecord['end']>, supplements: number, rating: Rating | null, complained: boolean): void {
    const k = key as CellKey;
    if (k.owner !== this) throw new Error('internal: a Decision 766 key of another tally');
    const { agency, procedure, level } = k;
    if (!(receivedAt < this.#end && end.at >= this.#from && end.at < this.#end)) {
      this.addDossier({ id: '', procedure, agency, level, receivedAt, due, end, supplementRequests: Array.from({ length: supplements }, () => receivedAt), rating: rating === null ? null : { value: rating, at: end.at }, complaints: complained ? [end.at] : [] });
      return;
    }
    if (end.kind === 'refused-at-receipt' && this.#settings.refusedAtReceipt === 'exclude') return;
    const tooMany = supplements > this.#settings.maxSupplementRequests;
    // The cell is made with the first dossier counted, as `addDossier` makes it: the groups keep the order they were met in.
    this.#count((k.cell ??= this.#cellOf(agency, procedure, level ?? 'unknown')).t, end, tooMany || endedPastDue(end, due), tooMany, rating, complained);
  }

  /** Counts into cell `t` a dossier that `ended` (null: still open), late or not, judged by the callers above. */
  #count(t: Tally, ended: DossierRecord['end'], late: boolean, tooMany: boolean, rating: Rating | null, complained: boolean): void {
    const dissatisfied = rating === 'not-satisfied' || complained;
    t.handled++;
    if (ended !== null) {
      if (late) t.endedLate++;
      else t.resolvedOnTime++;
      // A switch, not a property named by the kind: the simulator counts here once per dossier.
      const ends = t.ended;
      switch (ended.kind) {
        case 'resolved':
          ends.resolved++;
          break;
        case 'refused':
          ends.refused++;
          break;
        case 'refused-at-receipt':
          ends.refusedAtReceipt++;
          break;
        case 'stopped':
          ends.stopped++;
          break;
        case 'withdrawn':
          ends.withdrawn++;
          break;
      }
      if (ended.kind === 'resolved' || ended.kind === 'refused') {
        if (ended.classification === 'early') t.oneStop.early++;
        else if (ended.classification === 'on-time') t.oneStop.onTime++;
        else t.oneStop.late++;
      }
    } else if (late) t.pendingOverdue++;
    else t.withinLimit++;
    if (late && tooMany) t.tooManySupplements++;
    if (rating === 'very-satisfied') t.ratings.verySatisfied++;
    else if (rating === 'satisfied') t.ratings.satisfied++;
    else if (rating === 'not-satisfied') t.ratings.notSatisfied++;
    if (complained) t.withComplaint++;
    if (dissatisfied) t.dissatisfied++;
    if (late || dissatisfied) t.lateOrDissatisfied++;
  }

  /** Counts one complaint; `about` is the record of the dossier it is about, when known. */
  addComplaint(c: ComplaintRecord, about: DossierRecord | undefined): void {
    const end = this.#end;
    const before = (t: Instant) => t < end;
    if (!before(c.openedAt)) return;
    if (c.closedAt !== null && c.closedAt < this.#from) return;
    const closed = c.closedAt !== null && before(c.closedAt) ? c.closedAt : null;
    const late = closed === null ? c.due < end : closed > c.due;
    const onTime = closed !== null && !late;
    const notSatisfied = closed !== null && c.feedback === 'not-satisfied';
    const targets = [
      this.#total,
      ...(c.agency === null ? [] : [this.#group(this.#agencies, c.agency)]),
      ...(about === undefined ? [] : [this.#group(this.#procedures, about.procedure), this.#group(this.#levels, about.level ?? 'unknown')]),
    ];
    for (const t of targets) {
      t.complaints.total++;
      if (onTime) t.complaints.answeredOnTime++;
      if (late) t.complaints.late++;
      if (notSatisfied) t.complaints.notSatisfied++;
      if (notSatisfied || late) t.complaints.lateOrNotSatisfied++;
    }
  }

  /**
   * Ends the period at `end`, for a host that learns the end only after adding records (the
   * simulator opens its tally unbounded and ends the period after its last event): every record
   * added so far must lie before it. Records added after this count against the new end.
   */
  endPeriodAt(end: Instant): void {
    this.#end = end;
  }

  /** The indicators of what was added. */
  result(): Decision766 {
    const settings = this.#settings;
    const end = this.#end;
    const finish = (t: Tally) => figures(t, settings);
    // Each group: its complaints plus the cells of its dossiers, in fresh sums (`result` may be asked again).
    const copies = (map: Map<string, Tally>) => new Map([...map].map(([key, direct]) => [key, addTally(tally(), direct)]));
    const total = addTally(tally(), this.#total);
    const agencies = copies(this.#agencies);
    const procedures = copies(this.#procedures);
    const levels = copies(this.#levels);
    for (const c of this.#cells.values()) {
      addTally(total, c.t);
      addTally(agencies.get(c.agency)!, c.t);
      addTally(procedures.get(c.procedure)!, c.t);
      addTally(levels.get(c.level)!, c.t);
    }
    const byAgency = [...agencies.entries()].map(([agency, t]) => ({ agency, ...finish(t) }));
    byAgency.sort((a, b) => b.points.total - a.points.total || a.agency.localeCompare(b.agency));
    // Competition ranking: equal totals share the rank of the first of them (1, 2, 2, 4).
    const ranked = byAgency.map((a) => ({ ...a, rank: 1 + byAgency.findIndex((b) => Math.abs(b.points.total - a.points.total) < 1e-9) }));
    return {
      definitions: { onTimeRate: 'decision-766', satisfactionRate: settings.satisfaction === 'union' ? 'decision-766-union' : 'decision-766-sum', points: 'decision-766-linear-unverified', oneStop: 'motcua-one-stop' },
      ref: DECISION_766_REF,
      period: { from: formatInstant(this.#from), to: formatInstant(end) },
      options: settings,
      ...finish(total),
      byAgency: ranked,
      byProcedure: [...procedures.keys()].sort().map((procedure) => ({ procedure, ...finish(procedures.get(procedure)!) })),
      byLevel: [...levels.keys()].sort().map((level) => ({ level: level as Level | 'unknown', ...finish(levels.get(level)!) })),
      notComputable: DECISION_766_GROUPS.filter((g) => !g.computable).map((g) => ({ group: g.id, reason: g.reason })),
    };
  }
}

/**
 * Whether a dossier that ended did so past its due instant: motcua's own classification when it
 * has one (a resolution or refusal after receipt: the lateness policy and apology rules applied),
 * else the end instant against the due instant (a withdrawal, a stop).
 *
 * @example
 * endedPastDue({ at: parseInstant('2026-03-03T09:00'), classification: null }, parseInstant('2026-03-02T17:00')) // → true
 * endedPastDue({ at: parseInstant('2026-03-03T09:00'), classification: 'on-time' }, parseInstant('2026-03-02T17:00')) // → false
 */
export function endedPastDue(end: { readonly at: Instant; readonly classification: Classification | null }, due: Instant | null): boolean {
  return end.classification !== null ? end.classification === 'late' : due !== null && end.at > due;
}

/**
 * Whether Decision 766 counts an ended dossier late: ended past its due instant (see
 * {@link endedPastDue}) or with more supplement requests than allowed. The simulator draws its
 * ratings and complaints by this, so that what applicants say follows what the indicators count.
 *
 * @example
 * lateBy766({ at: parseInstant('2026-03-02T16:00'), classification: 'on-time' }, parseInstant('2026-03-02T17:00'), 1) // → false
 * lateBy766({ at: parseInstant('2026-03-02T16:00'), classification: 'on-time' }, parseInstant('2026-03-02T17:00'), 2) // → true
 */
export function lateBy766(end: Parameters<typeof endedPastDue>[0], due: Instant | null, supplementRequests: number, maxSupplementRequests = MAX_SUPPLEMENT_REQUESTS): boolean {
  return supplementRequests > maxSupplementRequests || endedPastDue(end, due);
}

function figures(t: Tally, s: { readonly satisfaction: 'union' | 'sum'; readonly points: PointsConstraints }): Decision766Figures {
  const rate = (n: number, d: number) => (d === 0 ? null : n / d);
  const late = t.endedLate + t.pendingOverdue;
  const onTimeRate = rate(t.resolvedOnTime + t.withinLimit, t.handled);
  const satisfactionRate = t.handled === 0 ? null : s.satisfaction === 'union' ? 1 - t.lateOrDissatisfied / t.handled : Math.max(0, 1 - (late + t.dissatisfied) / t.handled);
  const c = t.complaints;
  const complaintOnTimeRate = rate(c.answeredOnTime, c.total);
  // A complaint is held against the satisfaction rate once, whether late, rated "not satisfied" or both.
  const complaintSatisfactionRate = c.total === 0 ? null : 1 - c.lateOrNotSatisfied / c.total;
  const pts = (r: number | null, max: number) => (r === null ? null : r * max);
  const points = {
    onTime: pts(onTimeRate, s.points.onTime),
    dossierSatisfaction: pts(satisfactionRate, s.points.dossierSatisfaction),
    complaintOnTime: pts(complaintOnTimeRate ?? 1, s.points.complaintOnTime)!,
    complaintSatisfaction: pts(complaintSatisfactionRate ?? 1, s.points.complaintSatisfaction)!,
  };
  const resolved = t.oneStop.early + t.oneStop.onTime + t.oneStop.late;
  return {
    handled: t.handled,
    resolvedOnTime: t.resolvedOnTime,
    withinLimit: t.withinLimit,
    late,
    lateDetail: { ended: t.endedLate, pendingOverdue: t.pendingOverdue, tooManySupplements: t.tooManySupplements },
    ended: { ...t.ended },
    ratings: { ...t.ratings },
    withComplaint: t.withComplaint,
    dissatisfied: t.dissatisfied,
    lateOrDissatisfied: t.lateOrDissatisfied,
    onTimeRate,
    satisfactionRate,
    complaints: { ...c, onTimeRate: complaintOnTimeRate, satisfactionRate: complaintSatisfactionRate },
    points: {
      ...points,
      total: (points.onTime ?? 0) + (points.dossierSatisfaction ?? 0) + points.complaintOnTime + points.complaintSatisfaction,
      of: s.points.onTime + s.points.dossierSatisfaction + s.points.complaintOnTime + s.points.complaintSatisfaction,
    },
    oneStop: { resolved, ...t.oneStop, onTimeRate: rate(t.oneStop.early + t.oneStop.onTime, resolved) },
  };
}
