import { formatLocalDate, toYmd } from '../calendar/date.ts';
import { parseDuration } from '../calendar/duration.ts';
import { type Instant, localDateOf, msOfLocalDay } from '../calendar/instant.ts';
import type { Classification } from '../calendar/ledger.ts';
import { STATUS_LABELS, type PersistedCase, type StatusCode } from '../compile/case.ts';
import type { SlipEntry } from '../compile/types.ts';
import type { Channel, ProcedureSpec } from '../dsl/spec.ts';
import { CHANNEL_CODES } from '../dsl/channel-codes.ts';
import { CaseError } from '../errors.ts';
import { type Lang, labelBy, t } from '../i18n/translate.ts';
import { type LegalRef, citeRef } from '../legal.ts';
import { FORM_SETS, type FormSet, type FormSpec, findForm, formSetOn } from './form-sets.ts';

/** A line of a form: its label and the value from the record, or null when the record has none (printed blank). */
export interface FormField {
  readonly label: string;
  readonly value: string | null;
}

/** A form filled from one case, ready to print as HTML or text. */
export interface FilledForm {
  readonly set: FormSet;
  readonly form: FormSpec;
  /** The receiving desk (the issuing body printed at the top left). */
  readonly agency: string;
  readonly fields: readonly FormField[];
  /** A list printed under the fields (papers missing, reasons), with its heading; null items: none recorded. */
  readonly list?: { readonly label: string; readonly items: readonly string[] | null };
  /** A table (the control slip, the tracking book). */
  readonly table?: { readonly columns: readonly string[]; readonly rows: readonly (readonly (string | null)[])[] };
  /** Whose signatures the form carries, each over a blank space. */
  readonly signatures: readonly string[];
}

/** What a form is filled from: the stored case and the procedure version it runs on. */
export interface FormSource {
  readonly code: string;
  readonly status: StatusCode;
  readonly snapshot: PersistedCase;
  readonly spec: ProcedureSpec;
}

const CLASSIFICATION: Readonly<Record<Classification, string>> = { early: 'Trước hạn', 'on-time': 'Đúng hạn', late: 'Quá hạn' };

const ACTIONS: Readonly<Record<SlipEntry['action'], string>> = {
  submit: 'Nộp hồ sơ',
  'request-completion': 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  accept: 'Tiếp nhận hồ sơ',
  transfer: 'Chuyển hồ sơ',
  handoff: 'Chuyển bước',
  complete: 'Hoàn thành bước',
  'request-supplement': 'Yêu cầu bổ sung hồ sơ',
  supply: 'Bổ sung hồ sơ',
  consult: 'Lấy ý kiến',
  answer: 'Trả lời ý kiến',
  'deemed-consent': 'Coi như đồng ý',
  'interval-start': 'Bắt đầu thời gian không tính',
  'interval-end': 'Kết thúc thời gian không tính',
  apology: 'Xin lỗi, hẹn lại ngày trả',
  refuse: 'Từ chối',
  withdraw: 'Rút hồ sơ',
  'result-ready': 'Có kết quả',
  return: 'Trả kết quả',
  rate: 'Đánh giá',
};

/**
 * `09 giờ 00 phút, ngày 03 tháng 03 năm 2025`: an instant as Vietnamese forms write it.
 *
 * @example
 * formTime(parseInstant('2025-03-03T09:05')) // → '09 giờ 05 phút, ngày 03 tháng 03 năm 2025'
 */
export function formTime(t: Instant): string {
  const { year, month, day } = toYmd(localDateOf(t));
  const minutes = Math.floor(msOfLocalDay(t) / 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(minutes / 60))} giờ ${two(minutes % 60)} phút, ngày ${two(day)} tháng ${two(month)} năm ${year}`;
}

/**
 * A due instant as forms write it: a limit that ends at midnight ends with the day before.
 *
 * @example
 * formDue(parseInstant('2025-03-07T00:00')) // → 'hết ngày 06 tháng 03 năm 2025'
 * formDue(parseInstant('2025-03-06T17:00')) // → '17 giờ 00 phút, ngày 06 tháng 03 năm 2025'
 */
export function formDue(t: Instant): string {
  if (msOfLocalDay(t) !== 0) return formTime(t);
  const { year, month, day } = toYmd(localDateOf((t - 1) as Instant));
  const two = (n: number) => String(n).padStart(2, '0');
  return `hết ngày ${two(day)} tháng ${two(month)} năm ${year}`;
}

/**
 * Fills a form of the period in force on the case's day of receipt from what the record holds.
 * Nothing is made up: the applicant's name, address and the officers' names are not in a case
 * record, so those lines are printed blank for the desk to write in.
 * @throws CaseError `unknown-form` naming the forms of the period (or the periods, when none applies)
 *
 * @example
 * const proc = compileProcedure(birthRegistration2025);
 * const { snapshot } = startCase(proc, { receivedAt: parseInstant('2026-03-02T09:00'), channel: 'in-person', dossier: { needsVerification: false } });
 * const source = { code: '000.00.12.H33-260302-0001', status: 1, snapshot: persistCase(snapshot), spec: birthRegistration2025 } as const;
 * fillForm(source, '01').fields[0] // → { label: 'Mã hồ sơ', value: '000.00.12.H33-260302-0001' }
 * fillForm(source, 'receipt').fields[2] // → { label: 'Tên tổ chức, cá nhân nộp hồ sơ', value: null }
 */
export function fillForm(source: FormSource, name: string): FilledForm {
  const ctx = source.snapshot.context;
  const day = formatLocalDate(localDateOf(ctx.receivedAt));
  const set = formSetOn(day);
  if (set === null) {
    const periods = (lang: Lang) => FORM_SETS.map((s) => (s.to === undefined ? t(lang, 'error.form.period', { ref: citeRef(s.ref, lang), from: s.from }) : t(lang, 'error.form.period.to', { ref: citeRef(s.ref, lang), from: s.from, to: s.to }))).join('; ');
    throw new CaseError('unknown-form', labelBy('error.form.none', (lang) => ({ code: source.code, day, periods: periods(lang) })), { path: ['form'] });
  }
  const form = findForm(set, name);
  if (form === null) {
    const list = set.forms.map((f) => `${f.number} ${f.kind} (${f.title.vi})`).join(', ');
    throw new CaseError('unknown-form', labelBy('error.form.unknown', (lang) => ({ name, ref: citeRef(documentOnly(set.ref), lang), day, code: source.code, list })), { path: ['form'] });
  }
  const spec = source.spec;
  const agency = (id: string | undefined) => (id === undefined ? null : id === 'applicant' ? 'Người nộp hồ sơ' : (spec.agencies[id]?.name.vi ?? id));
  const desk = agency(spec.receipt.desk)!;
  const when = (t: Instant | null | undefined) => (t === null || t === undefined ? null : formTime(t));
  const due = (t: Instant | null | undefined) => (t === null || t === undefined ? null : formDue(t));
  const code: FormField = { label: 'Mã hồ sơ', value: source.code };
  const procedure: FormField = { label: 'Tên thủ tục hành chính', value: spec.title.vi };
  const applicant: FormField[] = [
    { label: 'Tên tổ chức, cá nhân nộp hồ sơ', value: null },
    { label: 'Địa chỉ', value: null },
    { label: 'Số điện thoại', value: null },
    { label: 'Thư điện tử', value: null },
  ];
  const received: FormField = { label: 'Thời gian nhận hồ sơ', value: when(ctx.receivedAt) };
  const base = { set, form, agency: desk };
  const effects = ctx.effects;

  /** Form 03 (a refusal at receipt, the desk's) or the stop notice of a refusal during processing. */
  const refused = (): FilledForm => {
    const refusal = [...effects].reverse().find((e) => e.kind === 'refusal');
    const atReceipt = ctx.outcome?.kind === 'refused-at-receipt';
    const fits = refusal !== undefined && (form.kind === 'refusal' ? atReceipt : !atReceipt);
    return {
      ...base,
      fields: [code, procedure, ...applicant.slice(0, 1), received, { label: 'Cơ quan', value: fits ? agency(refusal.by) : null }, { label: 'Thời gian', value: fits ? when(refusal.at) : null }],
      list: { label: 'Lý do', items: fits ? [...refusal.reasons] : null },
      signatures: [form.kind === 'refusal' ? 'Người tiếp nhận hồ sơ' : 'Thủ trưởng cơ quan giải quyết'],
    };
  };

  switch (form.kind) {
    case 'receipt': {
      const channel = CHANNEL_CODES[ctx.channel];
      const dossier = Object.entries(spec.dossier).map(([key, field]): FormField => {
        const value = ctx.dossier[key];
        return { label: field.label.vi, value: value === undefined ? null : typeof value === 'boolean' ? (value ? 'Có' : 'Không') : String(value) };
      });
      return {
        ...base,
        fields: [
          code,
          procedure,
          ...applicant,
          { label: 'Hình thức nộp', value: `${channel.code} – ${channel.vi}` },
          ...dossier,
          { label: 'Thời gian giải quyết theo quy định', value: limitText(spec) },
          received,
          { label: 'Thời gian trả kết quả', value: due(ctx.statutory?.due) },
          { label: 'Tình trạng', value: `${source.status} – ${STATUS_LABELS[source.status].vi}` },
        ],
        signatures: ['Người nộp hồ sơ', 'Người tiếp nhận hồ sơ'],
      };
    }
    case 'completion-request': {
      const last = [...effects].reverse().find((e) => e.kind === 'completion-requested' || e.kind === 'supplement-requested');
      const by = last === undefined ? null : last.kind === 'supplement-requested' ? agency(last.agency) : desk;
      return {
        ...base,
        fields: [code, procedure, ...applicant.slice(0, 1), received, { label: 'Cơ quan yêu cầu', value: by }, { label: 'Thời gian yêu cầu', value: when(last?.at) }],
        list: { label: 'Nội dung yêu cầu bổ sung, hoàn thiện', items: last === undefined ? null : [...last.missing] },
        signatures: ['Người tiếp nhận hồ sơ'],
      };
    }
    case 'stop-notice':
      if (ctx.outcome?.kind === 'withdrawn') {
        // Stopped because the applicant asked to withdraw: the request and, once closed, who closed it.
        const asked = ctx.timeline.find((e) => e.action === 'withdraw' && e.from === 'applicant');
        const closed = ctx.timeline.find((e) => e.action === 'withdraw' && e.from !== 'applicant');
        return {
          ...base,
          fields: [code, procedure, ...applicant.slice(0, 1), received, { label: 'Cơ quan', value: agency(closed?.from) }, { label: 'Thời gian', value: when(closed?.at) }],
          list: { label: 'Lý do', items: [`Công dân yêu cầu rút hồ sơ lúc ${formTime(ctx.outcome.at)}${asked?.note ? `: ${asked.note}` : ''}`] },
          signatures: ['Thủ trưởng cơ quan giải quyết'],
        };
      }
      return refused();
    case 'refusal':
      return refused();
    case 'apology': {
      const a = ctx.apologies.at(-1);
      const issued = [...effects].reverse().find((e) => e.kind === 'apology-issued');
      return {
        ...base,
        fields: [
          code,
          procedure,
          ...applicant.slice(0, 1),
          received,
          { label: 'Thời gian hẹn trả kết quả', value: due(originalDue(effects)) },
          { label: 'Cơ quan xin lỗi', value: agency(a?.agency) },
          { label: 'Lý do', value: a?.reason ?? null },
          { label: set.forms.some((f) => f.kind === 'stop-notice') ? 'Thời gian đề nghị gia hạn đến' : 'Thời gian hẹn trả kết quả lần sau', value: due(a?.newDue) },
          { label: 'Ngày lập', value: when(issued?.at ?? a?.at) },
        ],
        signatures: ['Thủ trưởng cơ quan giải quyết'],
      };
    }
    case 'control-slip':
      return {
        ...base,
        fields: [code, procedure, received, { label: 'Thời gian hẹn trả kết quả', value: due(ctx.statutory?.due) }],
        table: {
          columns: ['Tên cơ quan', 'Thời gian giao, nhận hồ sơ', 'Bên giao', 'Bên nhận', 'Nội dung', 'Kết quả giải quyết (trước hạn / đúng hạn / quá hạn)', 'Ghi chú'],
          rows: ctx.timeline.map((e) => [agency(e.to ?? e.from), when(e.at), agency(e.from), agency(e.to), ACTIONS[e.action] + (e.step === undefined ? '' : ` (${e.step})`), e.classification === undefined ? null : CLASSIFICATION[e.classification], noteOf(e)]),
        },
        signatures: [],
      };
    case 'tracking-book': {
      const returned = [...effects].reverse().find((e) => e.kind === 'result-returned');
      return {
        ...base,
        fields: [],
        table: {
          columns: ['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Tên tổ chức, cá nhân nộp hồ sơ', 'Địa chỉ, số điện thoại', 'Cơ quan chủ trì giải quyết', 'Ngày, giờ nhận hồ sơ', 'Ngày, giờ hẹn trả kết quả', 'Ngày, giờ có kết quả', 'Ngày, giờ trả kết quả', 'Ký nhận', 'Ghi chú'],
          rows: [['1', source.code, spec.title.vi, null, null, agency(leadAgency(spec)), when(ctx.receivedAt), due(ctx.statutory?.due), when(ctx.readyAt), when(returned?.at), null, `${source.status} – ${STATUS_LABELS[source.status].vi}`]],
        },
        signatures: [],
      };
    }
  }
}

/** A slip line's note; the channel of a submission in Vietnamese. */
function noteOf(e: SlipEntry): string | null {
  if (e.note === undefined || e.note === '') return null;
  return e.action === 'submit' && Object.hasOwn(CHANNEL_CODES, e.note) ? CHANNEL_CODES[e.note as Channel].vi : e.note;
}

/** The due date before the first apology moved it: the appointment slip's. */
function originalDue(effects: PersistedCase['context']['effects']): Instant | null {
  const slip = effects.find((e) => e.kind === 'appointment-slip');
  return slip?.kind === 'appointment-slip' ? slip.due : null;
}

/** The agency of the first step of the flow: the lead agency. */
function leadAgency(spec: ProcedureSpec): string | undefined {
  for (const node of spec.flow) {
    if (node.kind === 'step') return node.agency;
    if (node.kind === 'consult') return node.lead;
  }
  return undefined;
}

function limitText(spec: ProcedureSpec): string {
  if (spec.limit.mode === 'same-day') return 'Trong ngày';
  const d = parseDuration(spec.limit.duration);
  return `${d.amount} ${d.unit === 'wd' ? 'ngày làm việc' : d.unit === 'wh' ? 'giờ làm việc' : 'ngày'}`;
}

/** The document a reference cites, without its article (the forms belong to the whole circular). */
function documentOnly(ref: LegalRef): LegalRef {
  const { article: _article, ...rest } = ref;
  return rest;
}
