import { BusinessCalendar } from '../calendar/business-calendar.ts';
import { type Duration, parseDuration, workingMs } from '../calendar/duration.ts';
import { formatLocalDate } from '../calendar/date.ts';
import { type Instant, localDateOf } from '../calendar/instant.ts';
import { ONE_STOP_RULE_SETS, supplementsPerOn } from '../dsl/one-stop-rules.ts';
import type { FlowNode, ProcedureSpec, StepNode } from '../dsl/spec.ts';

/**
 * Same-day civil-status procedures: a dossier received at or after 15:00 that cannot be settled at
 * once is due the next working day (shared/DOMAIN.md, national portal practice [src-2]).
 */
const SAME_DAY_CUTOFF = '15:00';

function parseTimeOfDay(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h! * 60 + m!) * 60_000;
}

/** Options of {@link compileProcedure}. */
export interface CompileOptions {
  /**
   * The calendar of the one-stop desk, which counts the statutory limit; Vietnam with standard
   * office hours by default. Agencies with their own `hours` share its working days.
   */
  readonly calendar?: BusinessCalendar;
}

/** What the compiled machine's guards and actions read: the spec with its durations parsed and calendars built. */
export interface ProcedureEnv {
  readonly spec: ProcedureSpec;
  readonly calendar: BusinessCalendar;
  readonly calendarOf: (agency: string) => BusinessCalendar;
  readonly limit: Duration;
  readonly nodes: ReadonlyMap<string, FlowNode>;
  readonly steps: ReadonlyMap<string, StepNode & { readonly duration: Duration }>;
  readonly apologyNotice: Duration;
  /** Working milliseconds ahead of the due instant that count as early; undefined: a date before the due date. */
  readonly earlyBefore: number | undefined;
  readonly ratingWindow: Duration;
  readonly desk: string;
  /** For a same-day limit: milliseconds of the local day from which a dossier is due the next working day. */
  readonly sameDayCutoff: number;
  /** Milliseconds of the local day from which a paper dossier goes to the agency at the start of the next working day (`receipt.transferCutoff`). */
  readonly transferCutoff: number;
  /** Whether the supplement limit of a case received at `receivedAt` counts per dossier or per agency ({@link supplementsPerOn}). */
  readonly supplementsPer: (receivedAt: Instant) => 'agency' | 'dossier';
}

/**
 * {@link supplementsPerOn} for the cases of one procedure: a constant when the procedure sets it
 * or every period's rule agrees (no look-up per case), else the rule set of the day of receipt.
 */
export function supplementsPerFor(spec: ProcedureSpec): (receivedAt: Instant) => 'agency' | 'dossier' {
  const per = new Set(ONE_STOP_RULE_SETS.map((s) => s.supplements.value.per));
  const fixed = spec.clock.supplementsPer ?? (per.size === 1 ? [...per][0]! : undefined);
  if (fixed !== undefined) return () => fixed;
  return (receivedAt) => supplementsPerOn(spec.clock, formatLocalDate(localDateOf(receivedAt)));
}

/** Parses the spec's durations and builds one calendar per agency. */
export function buildEnv(spec: ProcedureSpec, options: CompileOptions = {}): ProcedureEnv {
  const calendar = options.calendar ?? new BusinessCalendar();
  const calendars = new Map<string, BusinessCalendar>();
  for (const [id, agency] of Object.entries(spec.agencies)) {
    calendars.set(
      id,
      agency.hours === undefined
        ? calendar
        : new BusinessCalendar({ days: calendar.days, hours: agency.hours, hoursPerWorkingDay: calendar.hoursPerWorkingDay }),
    );
  }
  const nodes = new Map<string, FlowNode>();
  const steps = new Map<string, StepNode & { readonly duration: Duration }>();
  const visit = (flow: readonly FlowNode[]) => {
    for (const node of flow) {
      nodes.set(node.id, node);
      if (node.kind === 'step') steps.set(node.id, { ...node, duration: parseDuration(node.share) });
      if (node.kind === 'parallel') node.branches.forEach(visit);
      if (node.kind === 'branch') {
        node.cases.forEach((c) => visit(c.flow));
        if (node.otherwise !== undefined) visit(node.otherwise.flow);
      }
    }
  };
  visit(spec.flow);
  const early = spec.lateness.early;
  const desk = calendars.get(spec.receipt.desk) ?? calendar;
  return {
    spec,
    calendar: desk,
    calendarOf: (agency) => calendars.get(agency) ?? desk,
    limit: parseDuration(spec.limit.duration),
    nodes,
    steps,
    apologyNotice: parseDuration(spec.lateness.apology.noticeBefore),
    earlyBefore: early === 'before-due-date' ? undefined : workingMs(parseDuration(early.before), desk.hoursPerWorkingDay),
    ratingWindow: parseDuration(spec.result.ratingWindow),
    desk: spec.receipt.desk,
    sameDayCutoff: parseTimeOfDay(spec.limit.cutoff ?? SAME_DAY_CUTOFF),
    transferCutoff: parseTimeOfDay(spec.receipt.transferCutoff),
    supplementsPer: supplementsPerFor(spec),
  };
}
