export { caseTrace, storeTraces } from './case-log.ts';
export { fileComplaint } from './complaints.ts';
export { indexCase } from './case-index.ts';
export { DEFAULT_MAX_PAYLOAD_BYTES, checkEvent, checkOpenRequest, payloadBytes } from './check-event.ts';
export { DOSSIER_CODE_REF, PLACEHOLDER_UNIT, checkUnit, dossierCode, dossierCounter } from './dossier-code.ts';
export { createEngine } from './engine.ts';
export { complaintMatches, memoryStore } from './memory-store.ts';
export { ProcedureRegistry } from './procedures.ts';
export { applyEntry, replayCase } from './replay.ts';
export { type AppointmentSlip, appointmentSlip, dueText } from './slip.ts';
export type {
  CaseFilter,
  CaseIndex,
  CaseRecord,
  CaseStore,
  CaseSummary,
  Commit,
  CommitResult,
  ComplaintFilter,
  ComplaintWrite,
  IdempotentResult,
  LogEntry,
  RefusedAttempt,
  StoredEntry,
} from './store.ts';
export type {
  CaseDueDates,
  CaseStatus,
  Engine,
  EngineListener,
  EngineNotice,
  EngineOptions,
  Opened,
  OpenOptions,
  OpenRequest,
  SendOptions,
  SendResult,
} from './types.ts';
