import { workingDays, workingHours } from '../calendar/duration.ts';
import { type Instant, MS_PER_HOUR } from '../calendar/instant.ts';
import { affordances } from '../compile/affordances.ts';
import { type CaseSnapshot, type PersistedCase, advance, applyEvent, nextDeadline, persistCase, restoreCase, startCase } from '../compile/case.ts';
import type { CompiledProcedure } from '../compile/compile.ts';
import type { Actor, CaseEvent, CaseInput } from '../compile/types.ts';
import { CaseError } from '../errors.ts';
import { label } from '../i18n/translate.ts';
import { kindText } from './view-model.ts';

/**
 * A case being stepped through by a person: the snapshots so far (for undo and redo), the
 * clock the person controls, and the last message. Pure: every change returns a new session.
 */
export interface Session {
  readonly proc: CompiledProcedure;
  readonly history: readonly { readonly snapshot: CaseSnapshot; readonly now: Instant; readonly label: string }[];
  readonly index: number;
  readonly message: string | null;
}

/** Something the person can do now, with who does it and what it needs. */
export interface Action {
  readonly key: string;
  readonly label: string;
  /** The label with agency ids instead of their names, for a terminal too narrow for the names. */
  readonly short?: string;
  readonly by: Actor;
  /** A text the person may edit before the event is sent (a reason, the missing papers). */
  readonly form?: { readonly prompt: string; readonly initial: string };
  /**
   * Ends the case against the applicant's interest or on their behalf (refusal, withdrawal): the
   * reason starts empty, must be written, and the action asks for confirmation before it is sent.
   */
  readonly destructive?: boolean;
  readonly build: (at: Instant, text: string) => CaseEvent;
}

export function current(s: Session): { readonly snapshot: CaseSnapshot; readonly now: Instant } {
  return s.history[s.index]!;
}

export function openSession(proc: CompiledProcedure, input: CaseInput): Session {
  const { snapshot } = startCase(proc, input);
  return { proc, history: [{ snapshot, now: input.receivedAt, label: 'received' }], index: 0, message: null };
}

function push(s: Session, snapshot: CaseSnapshot, now: Instant, label: string, message: string | null): Session {
  return { ...s, history: [...s.history.slice(0, s.index + 1), { snapshot, now, label }], index: s.index + 1, message };
}

const list = (text: string) => text.split(/[;,]/).map((x) => x.trim()).filter((x) => x !== '');

/** Action labels in both languages; `{a}` is an agency, `{x}` a step, consultation or interval. */
const LABELS = {
  en: {
    accept: 'Desk accepts the complete dossier (receipt slip)',
    askPapers: 'Desk asks for missing papers',
    transfer: 'Desk transfers the dossier to the agency',
    giveBack: 'Desk returns the result to the applicant',
    withdraw: 'Applicant withdraws the dossier',
    closeWithdrawal: 'Desk closes the withdrawn dossier',
    rate: 'Applicant rates: {x}',
    complete: '{a} completes {x}',
    supplement: '{a} requests a supplement ({x})',
    refuseStep: '{a} refuses ({x})',
    supply: 'Applicant brings the papers for {x}',
    refuse: 'Desk refuses the dossier at receipt',
    supplyReceipt: 'Applicant brings the missing papers',
    agree: '{a} agrees ({x})',
    disagree: '{a} disagrees ({x})',
    finish: '{a} ends {x}',
    apologize: '{a} issues an apology slip (+ working days)',
    applicant: 'Applicant',
    missing: 'Missing papers',
    reason: 'Reason',
    reasons: 'Reasons',
    note: 'Note',
    days: 'Working days after the due date',
  },
  vi: {
    accept: 'Một cửa tiếp nhận hồ sơ đầy đủ (giấy hẹn)',
    askPapers: 'Một cửa yêu cầu bổ sung hồ sơ',
    transfer: 'Một cửa chuyển hồ sơ đến cơ quan giải quyết',
    giveBack: 'Một cửa trả kết quả cho người nộp',
    withdraw: 'Người nộp rút hồ sơ',
    closeWithdrawal: 'Một cửa đóng hồ sơ đã rút',
    rate: 'Người nộp đánh giá: {x}',
    complete: '{a} hoàn thành {x}',
    supplement: '{a} yêu cầu bổ sung ({x})',
    refuseStep: '{a} từ chối ({x})',
    supply: 'Người nộp bổ sung giấy tờ cho {x}',
    refuse: 'Một cửa từ chối tiếp nhận',
    supplyReceipt: 'Người nộp bổ sung giấy tờ còn thiếu',
    agree: '{a} đồng ý ({x})',
    disagree: '{a} không đồng ý ({x})',
    finish: '{a} kết thúc {x}',
    apologize: '{a} gửi phiếu xin lỗi và hẹn lại (+ ngày làm việc)',
    applicant: 'Người nộp',
    missing: 'Giấy tờ còn thiếu',
    reason: 'Lý do',
    reasons: 'Các lý do',
    note: 'Ghi chú',
    days: 'Số ngày làm việc sau hạn',
  },
} as const;

/** The actions the machine allows now ({@link affordances}), each with its actor, labelled in `lang`. */
export function actions(s: Session, lang: 'vi' | 'en' = 'en'): Action[] {
  const { snapshot } = current(s);
  const { proc } = s;
  const ctx = snapshot.context;
  const name = (id: string) => proc.spec.agencies[id]?.name[lang] ?? id;
  const who = (by: Actor) => (by.kind === 'agency' ? by.agency : L.applicant);
  const L = LABELS[lang];
  const say = (template: string, a: string, x = '') => template.replace('{a}', a).replace('{x}', x);
  const out: Action[] = [];
  for (const a of affordances(proc, snapshot)) {
    const { by } = a;
    const step = a.step ?? '';
    switch (a.type) {
      case 'ACCEPT':
        out.push({ key: 'accept', label: L.accept, by, build: (at) => ({ type: 'ACCEPT', at, by }) });
        break;
      case 'REQUEST_COMPLETION':
        out.push({ key: 'complete?', label: L.askPapers, by, form: { prompt: L.missing, initial: 'birth certificate' }, build: (at, t) => ({ type: 'REQUEST_COMPLETION', at, by, missing: list(t) }) });
        break;
      case 'TRANSFER':
        out.push({ key: 'transfer', label: L.transfer, by, build: (at) => ({ type: 'TRANSFER', at, by }) });
        break;
      case 'RETURN_RESULT':
        out.push({ key: 'return', label: L.giveBack, by, build: (at) => ({ type: 'RETURN_RESULT', at, by }) });
        break;
      case 'WITHDRAW':
        // The applicant asks to withdraw; then the desk closes the dossier.
        if (by.kind === 'agency') out.push({ key: 'close-withdrawal', label: L.closeWithdrawal, by, build: (at) => ({ type: 'WITHDRAW', at, by }) });
        else out.push({ key: 'withdraw', label: L.withdraw, by, destructive: true, form: { prompt: L.reason, initial: '' }, build: (at, t) => ({ type: 'WITHDRAW', at, by, reason: t }) });
        break;
      case 'RATE':
        for (const rating of ['very-satisfied', 'satisfied', 'not-satisfied'] as const) {
          out.push({ key: `rate:${rating}`, label: say(L.rate, '', rating), by, build: (at) => ({ type: 'RATE', at, by, rating }) });
        }
        break;
      case 'COMPLETE': {
        const holder = who(by);
        out.push({ key: `complete:${step}`, label: say(L.complete, name(holder), step), short: say(L.complete, holder, step), by, build: (at) => ({ type: 'COMPLETE', at, by, step }) });
        break;
      }
      case 'REQUEST_SUPPLEMENT': {
        const holder = who(by);
        out.push({ key: `supplement:${step}`, label: say(L.supplement, name(holder), step), short: say(L.supplement, holder, step), by, form: { prompt: L.missing, initial: 'land use history' }, build: (at, t) => ({ type: 'REQUEST_SUPPLEMENT', at, by, step, missing: list(t) }) });
        break;
      }
      case 'REFUSE': {
        if (a.step === undefined) {
          out.push({ key: 'refuse', label: L.refuse, by, destructive: true, form: { prompt: L.reasons, initial: '' }, build: (at, t) => ({ type: 'REFUSE', at, by, reasons: list(t) }) });
          break;
        }
        const holder = who(by);
        out.push({ key: `refuse:${step}`, label: say(L.refuseStep, name(holder), step), short: say(L.refuseStep, holder, step), by, destructive: true, form: { prompt: L.reasons, initial: '' }, build: (at, t) => ({ type: 'REFUSE', at, by, step, reasons: list(t) }) });
        break;
      }
      case 'SUPPLY':
        if (a.step === undefined) out.push({ key: 'supply', label: L.supplyReceipt, by, build: (at) => ({ type: 'SUPPLY', at, by }) });
        else out.push({ key: `supply:${step}`, label: say(L.supply, '', step), by, build: (at) => ({ type: 'SUPPLY', at, by, step }) });
        break;
      case 'ANSWER': {
        const consult = a.consult!;
        const answering = who(by);
        out.push({ key: `agree:${consult}:${answering}`, label: say(L.agree, name(answering), consult), short: say(L.agree, answering, consult), by, build: (at) => ({ type: 'ANSWER', at, by, consult, agree: true }) });
        out.push({ key: `disagree:${consult}:${answering}`, label: say(L.disagree, name(answering), consult), short: say(L.disagree, answering, consult), by, form: { prompt: L.note, initial: 'conditions' }, build: (at, t) => ({ type: 'ANSWER', at, by, consult, agree: false, note: t }) });
        break;
      }
      case 'FINISH_INTERVAL': {
        const interval = a.interval!;
        const node = proc.env.nodes.get(interval);
        const reason = node?.kind === 'excluded' ? ` (${node.reason})` : '';
        const party = by.kind === 'applicant' ? L.applicant : name(who(by));
        out.push({ key: `finish:${interval}`, label: `${say(L.finish, party, interval)}${reason}`, short: `${say(L.finish, by.kind === 'applicant' ? L.applicant : who(by), interval)}${reason}`, by, build: (at) => ({ type: 'FINISH_INTERVAL', at, by, interval }) });
        break;
      }
      case 'APOLOGIZE': {
        // One slip, from the first agency that may issue it (a holder before the desk).
        if (out.some((x) => x.key === 'apologize')) break;
        const holder = who(by);
        out.push({
          key: 'apologize',
          label: say(L.apologize, name(holder)),
          short: say(L.apologize, holder),
          by,
          form: { prompt: L.days, initial: '5' },
          build: (at, t) => {
            const due = ctx.statutory?.due ?? at;
            const days = Math.max(1, Math.round(Number(t) || 5));
            return { type: 'APOLOGIZE', at, by, newDue: proc.env.calendar.addToInstant(due, workingDays(days)), reason: `the dossier will be late; new date ${days} working days after the due date` };
          },
        });
        break;
      }
    }
  }
  // The work in hand first, then the desk's and the applicant's moves, the apology last.
  const rank = (a: Action) => (/^(complete|supplement|supply|agree|disagree|finish|refuse):/.test(a.key) ? 0 : a.key === 'apologize' ? 2 : a.key === 'withdraw' ? 3 : 1);
  return out.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i).map((x) => x.a);
}

/** What the session says, in both languages. */
const SAYS = {
  en: {
    refused: 'Refused',
    noDeadline: 'No deadline is armed.',
    hour: '+1 hour',
    workingDay: '+1 working day',
    deadline: 'to the next deadline',
    clock: 'Clock',
    nothingToUndo: 'Nothing to undo.',
    nothingToRedo: 'Nothing to redo.',
    undid: 'Undid',
    redid: 'Redid',
  },
  vi: {
    refused: 'Bị từ chối',
    noDeadline: 'Chưa có mốc thời hạn nào.',
    hour: '+1 giờ',
    workingDay: '+1 ngày làm việc',
    deadline: 'đến mốc tới',
    clock: 'Đồng hồ',
    nothingToUndo: 'Không còn gì để hoàn tác.',
    nothingToRedo: 'Không còn gì để làm lại.',
    undid: 'Đã hoàn tác',
    redid: 'Đã làm lại',
  },
} as const;

/** Sends an action's event at the session's clock. A refusal leaves the case as it was and becomes the message. */
export function perform(s: Session, action: Action, text = action.form?.initial ?? '', lang: 'vi' | 'en' = 'en'): Session {
  const { snapshot, now } = current(s);
  const at = Math.max(now, snapshot.context.now) as Instant;
  const result = applyEvent(s.proc, snapshot, action.build(at, text));
  if (!result.ok) return { ...s, message: `${SAYS[lang].refused}: ${result.error.messageIn(lang)}` };
  const said = result.effects.map((e) => kindText(e.kind, lang)).join(', ');
  return push(s, result.snapshot, at, action.label, said === '' ? action.label : `${action.label} → ${said}`);
}

/** Moves the clock by an hour, a working day, or to the next deadline, firing what falls due. */
export function advanceClock(s: Session, by: 'hour' | 'working-day' | 'deadline', lang: 'vi' | 'en' = 'en'): Session {
  const say = SAYS[lang];
  const { snapshot, now } = current(s);
  const cal = s.proc.env.calendar;
  let to: Instant;
  if (by === 'hour') to = (now + MS_PER_HOUR) as Instant;
  else if (by === 'working-day') to = cal.addToInstant(now, workingHours(cal.hoursPerWorkingDay));
  else {
    const next = nextDeadline(snapshot);
    if (next === null) return { ...s, message: say.noDeadline };
    to = Math.max(next.at, now) as Instant;
  }
  const result = advance(s.proc, snapshot, to);
  const said = result.effects.map((e) => kindText(e.kind, lang)).join(', ');
  const label = by === 'hour' ? say.hour : by === 'working-day' ? say.workingDay : say.deadline;
  return push(s, result.snapshot, to, label, said === '' ? `${say.clock} ${label}.` : `${say.clock} ${label} → ${said}`);
}

export function undo(s: Session, lang: 'vi' | 'en' = 'en'): Session {
  return s.index === 0 ? { ...s, message: SAYS[lang].nothingToUndo } : { ...s, index: s.index - 1, message: `${SAYS[lang].undid}: ${s.history[s.index]!.label}` };
}

export function redo(s: Session, lang: 'vi' | 'en' = 'en'): Session {
  return s.index + 1 >= s.history.length ? { ...s, message: SAYS[lang].nothingToRedo } : { ...s, index: s.index + 1, message: `${SAYS[lang].redid}: ${s.history[s.index + 1]!.label}` };
}

/** A saved session: enough to restore the case and its clock. */
export interface SavedSession {
  readonly format: 'motcua-step/1';
  readonly procedure: { readonly id: string; readonly version: string };
  readonly now: string;
  readonly case: PersistedCase;
}

export function saveSession(s: Session): SavedSession {
  const { snapshot, now } = current(s);
  return { format: 'motcua-step/1', procedure: { id: s.proc.spec.id, version: s.proc.spec.version }, now: String(now), case: persistCase(snapshot) };
}

/** @throws CaseError when the file is not a saved session of this procedure */
export function loadSession(proc: CompiledProcedure, saved: unknown, file: string): Session {
  const x = saved as Partial<SavedSession>;
  if (x?.format !== 'motcua-step/1' || x.case === undefined || typeof x.now !== 'string') {
    throw new CaseError('bad-case-file', label('error.step.bad-file'), { file });
  }
  const snapshot = restoreCase(proc, x.case);
  return { proc, history: [{ snapshot, now: Number(x.now) as Instant, label: 'loaded' }], index: 0, message: `Loaded ${file}.` };
}
