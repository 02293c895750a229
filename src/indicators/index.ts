export { type ComplaintFigures, type Decision766, type Decision766Figures, type Decision766Options, type Decision766Points, decision766, endedPastDue, lateBy766 } from './decision766.ts';
export { type ProcedureFacts, procedureFacts, recordOfCase, recordsFromCases } from './from-cases.ts';
export { type LogRecordOptions, type SkippedTrace, recordsFromLog } from './from-log.ts';
export { INDICATOR_FORMULAS, INDICATOR_LABELS } from './labels.ts';
export type { ComplaintRecord, DossierEnd, DossierRecord } from './record.ts';
export { COMPLAINT_DEADLINES_REF, DECISION_766_GROUPS, DECISION_766_REF, DEFAULT_COMPLAINT_DEADLINES, DEFAULT_POINTS, MAX_SUPPLEMENT_REQUESTS, type PointsConstraints } from './rules.ts';
export {
  COMPLAINT_KINDS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  type Complaint,
  type ComplaintInput,
  type ComplaintKind,
  type ComplaintOutcomeKind,
  type ComplaintStatus,
  type DeadlineState,
  acknowledgeComplaint,
  answerComplaint,
  askComplaintInformation,
  complaintDeadlines,
  complaintRecord,
  complaintsByDossier,
  openComplaint,
  storedComplaint,
} from './complaint.ts';
