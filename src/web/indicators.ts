import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import type { Instant } from '../calendar/instant.ts';
import type { CaseContext } from '../compile/types.ts';
import type { Level, ProcedureSpec } from '../dsl/spec.ts';
import { fileComplaint } from '../engine/complaints.ts';
import type { CaseStore } from '../engine/store.ts';
import { type Complaint, complaintRecord, complaintsByDossier } from '../indicators/complaint.ts';
import { type Decision766, type Decision766Figures, decision766 } from '../indicators/decision766.ts';
import { competentAgency, procedureFacts, recordsFromCases } from '../indicators/from-cases.ts';
import { INDICATOR_FORMULAS, INDICATOR_LABELS } from '../indicators/labels.ts';
import type { Label } from '../legal.ts';
import type { Decision766Panel, Decision766Row } from './dashboard-page.ts';
import type { ComplaintSink } from './pages.ts';

/**
 * Computes the dashboard's Decision 766 panel for a period from the stored cases and complaints
 * (`src/indicators`' `decision766`, the one computation every source shares).
 */
export type Decision766Source = (
  cases: readonly CaseContext[],
  complaints: readonly Complaint[],
  period: { readonly from: Instant; readonly to: Instant; readonly now: Instant },
  specs: readonly ProcedureSpec[],
) => Decision766Panel;

/** The spec of a stored case's procedure: its own version, else the same id in another version. */
function factsOf(specs: readonly ProcedureSpec[]) {
  return (id: string, version: string) => {
    const spec = specs.find((s) => s.id === id && s.version === version) ?? specs.find((s) => s.id === id);
    return spec === undefined ? undefined : procedureFacts(spec);
  };
}

/** An agency's name in both languages and its level, from the first procedure that names it. */
function agencyOf(specs: readonly ProcedureSpec[], id: string): { readonly agency: Label; readonly level: Level | null } {
  for (const s of specs) {
    const a = s.agencies[id];
    if (a !== undefined) return { agency: a.name, level: a.level };
  }
  return { agency: { vi: id, en: id }, level: null };
}

/**
 * The Decision 766 indicators of the live store: every case and complaint it holds, through
 * `recordsFromCases` (each dossier counts for its procedure's competent agency) and `decision766`
 * with its default options. What `webPages` uses unless given another source.
 *
 * @example
 * const panel = liveDecision766(cases, await store.complaints(), { from, to, now }, CATALOGUE);
 * panel.byAgency[0]?.rank // 1: the best agency of the period
 */
export const liveDecision766: Decision766Source = (cases, complaints, period, specs) => {
  const records = recordsFromCases(cases, factsOf(specs), complaintsByDossier(complaints));
  return decision766Panel(decision766(records, { ...period, complaints: complaints.map(complaintRecord) }), specs);
};

/**
 * The panel of computed indicators: names in both languages, each figure's formula.
 *
 * @example
 * const panel = decision766Panel(decision766(records, { from, to, now }), CATALOGUE);
 * panel.formulas[0]?.en // 'On-time rate = (ended on time + pending within the limit) / …'
 */
export function decision766Panel(d: Decision766, specs: readonly ProcedureSpec[]): Decision766Panel {
  const row = (f: Decision766Figures): Decision766Row => ({
    handled: f.handled,
    resolvedOnTime: f.resolvedOnTime,
    withinLimit: f.withinLimit,
    late: f.late,
    dissatisfied: f.lateOrDissatisfied,
    onTimeRate: f.onTimeRate,
    satisfactionRate: f.satisfactionRate,
    points: f.points.total,
  });
  const T = INDICATOR_LABELS;
  const F = INDICATOR_FORMULAS;
  const formula = (name: Label, f: Label): Label => ({ vi: `${name.vi} = ${f.vi}`, en: `${name.en} = ${f.en}` });
  return {
    ...row(d),
    ratings: d.ratings,
    withComplaint: d.withComplaint,
    complaints: { total: d.complaints.total, answeredOnTime: d.complaints.answeredOnTime, onTimeRate: d.complaints.onTimeRate, satisfactionRate: d.complaints.satisfactionRate },
    pointsOf: d.points.of,
    oneStopOnTimeRate: d.oneStop.onTimeRate,
    formulas: [
      formula(T.onTimeRate, F.onTimeRate),
      formula(T.satisfactionRate, d.options.satisfaction === 'union' ? F.satisfactionUnion : F.satisfactionSum),
      formula(T.complaintOnTimeRate, F.complaintOnTimeRate),
      formula(T.complaintSatisfactionRate, F.complaintSatisfactionRate),
      formula(T.points, F.points),
      formula(T.oneStopOnTimeRate, F.oneStopOnTimeRate),
    ],
    byAgency: d.byAgency.map((a) => ({ ...row(a), ...agencyOf(specs, a.agency), rank: a.rank })),
    byLevel: d.byLevel.map((l) => ({ ...row(l), level: l.level })),
    notComputable: d.notComputable.map((g) => g.group),
  };
}

/**
 * Where the rating page's complaints go: complaint records of the store (kind `feedback`, about
 * the dossier, counting for its procedure's competent agency), numbered and given their deadlines
 * on `calendar`. They feed the indicators like complaints filed with `motcua complaint`.
 *
 * @example
 * const sink = storeComplaints(store, CATALOGUE, new BusinessCalendar());
 * await sink.open({ caseId: 'MOTCUA-250303-0001', text: 'Chậm', at }) // 'PAKN-20250303-0001'
 */
export function storeComplaints(store: CaseStore, specs: readonly ProcedureSpec[], calendar: BusinessCalendar): ComplaintSink {
  return {
    open: async ({ caseId, text, at }) => {
      const record = await store.get(caseId);
      const spec = record === null ? undefined : (specs.find((s) => s.id === record.procedure.id && s.version === record.procedure.version) ?? specs.find((s) => s.id === record.procedure.id));
      const filed = await fileComplaint(store, { kind: 'feedback', dossier: record?.code ?? caseId, agency: spec === undefined ? null : competentAgency(spec), text, at }, calendar);
      return filed.id;
    },
  };
}
