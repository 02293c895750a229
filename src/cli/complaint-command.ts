import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BusinessCalendar } from '../calendar/business-calendar.ts';
import { type Instant, formatInstant, parseInstant } from '../calendar/instant.ts';
import type { CaseStore, ComplaintFilter } from '../engine/store.ts';
import { UsageError } from '../errors.ts';
import {
  COMPLAINT_KINDS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  type Complaint,
  type ComplaintKind,
  type ComplaintOutcomeKind,
  type ComplaintStatus,
  acknowledgeComplaint,
  answerComplaint,
  askComplaintInformation,
  complaintDeadlines,
} from '../indicators/complaint.ts';
import { fileComplaint } from '../engine/complaints.ts';
import { competentAgency } from '../indicators/from-cases.ts';
import { EXIT, type Io, json } from './io.ts';
import { proceduresFor } from '../node/load-procedures.ts';
import { label, labelBy, t } from '../i18n/translate.ts';

/** `motcua complaint`. */
export async function complaintCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      db: { type: 'string' },
      procedures: { type: 'string' },
      kind: { type: 'string' },
      text: { type: 'string' },
      dossier: { type: 'string' },
      agency: { type: 'string' },
      at: { type: 'string' },
      outcome: { type: 'string' },
      feedback: { type: 'string' },
      status: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [sub, ...rest] = positionals;
  const subcommands = ['open', 'acknowledge', 'ask', 'answer', 'list'];
  if (sub === undefined || !subcommands.includes(sub)) {
    throw new UsageError('usage', sub === undefined ? label('error.complaint.sub.missing', { subs: subcommands.join(', ') }) : label('error.complaint.sub.unknown', { sub, subs: subcommands.join(', ') }));
  }
  const file = values.db;
  if (file === undefined) throw new UsageError('usage', label('error.complaint.db', { sub }), { path: ['--db'] });
  const url = /^postgres(ql)?:\/\//.test(file);
  if (sub !== 'open' && !url && !existsSync(file)) throw new UsageError('not-found', label('error.complaint.no-db'), { file });
  const at = values.at === undefined ? (io.now() as Instant) : parseInstant(values.at, ['--at']);
  const shown = url ? file.replace(/\/\/[^@/]*@/, '//…@') : file;
  const { openStore } = await import('../server/serve.ts');
  const store = await openStore(file);
  const view = (c: Complaint) => complaintView(c, at);
  try {
    if (sub === 'open') {
      if (rest.length > 0) throw new UsageError('usage', label('error.complaint.open-args', { arg: rest[0]! }));
      const kind = oneOf<ComplaintKind>(values.kind, COMPLAINT_KINDS, '--kind');
      const text = need(values.text, '--text', 'text');
      const agency = values.agency ?? (values.dossier === undefined ? null : await dossierAgency(store, values.dossier, values.procedures, shown));
      const complaint = await fileComplaint(store, { kind, dossier: values.dossier ?? null, agency, text, at }, new BusinessCalendar());
      io.out(json(view(complaint)));
      return EXIT.ok;
    }
    if (sub === 'acknowledge' || sub === 'ask' || sub === 'answer') {
      const [id, extra] = rest;
      if (id === undefined || extra !== undefined) throw new UsageError('usage', label('error.complaint.one-id', { sub }));
      const stored = await store.complaint(id);
      if (stored === null) throw new UsageError('unknown-complaint', label('error.complaint.unknown', { id }), { file: shown });
      const changed =
        sub === 'acknowledge'
          ? acknowledgeComplaint(stored, at)
          : sub === 'ask'
            ? askComplaintInformation(stored, { at, text: need(values.text, '--text', 'information') })
            : answerOf(stored, at, values);
      await put(store, changed, shown);
      io.out(json(view(changed)));
      return EXIT.ok;
    }
    if (rest.length > 0) throw new UsageError('usage', label('error.complaint.list-args', { arg: rest[0]! }));
    const filter: ComplaintFilter = {
      ...(values.dossier === undefined ? {} : { dossier: values.dossier }),
      ...(values.agency === undefined ? {} : { agency: values.agency }),
      ...(values.status === undefined ? {} : { status: oneOf<ComplaintStatus>(values.status, COMPLAINT_STATUSES, '--status') }),
    };
    io.out(json((await store.complaints(filter)).map(view)));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

function answerOf(stored: Complaint, at: Instant, values: { readonly outcome?: string | undefined; readonly feedback?: string | undefined; readonly text?: string | undefined }): Complaint {
  const outcome = oneOf<ComplaintOutcomeKind>(values.outcome, COMPLAINT_OUTCOMES, '--outcome');
  const feedback = values.feedback === undefined ? undefined : oneOf<'satisfied' | 'not-satisfied'>(values.feedback, ['satisfied', 'not-satisfied'], '--feedback');
  return answerComplaint(stored, { at, outcome, text: need(values.text, '--text', 'answer'), ...(feedback === undefined ? {} : { feedback }) });
}

async function put(store: CaseStore, complaint: Complaint, file: string): Promise<void> {
  const written = await store.putComplaint(complaint);
  if (!written.ok) throw new UsageError('conflict', label('error.complaint.conflict', { id: complaint.id, version: written.actual }), { file });
}

/** The agency a dossier counts for, from its procedure in the catalogue. */
async function dossierAgency(store: CaseStore, code: string, proceduresDir: string | undefined, file: string): Promise<string | null> {
  const record = await store.get(code);
  if (record === null) throw new UsageError('unknown-case', label('error.complaint.unknown-dossier', { code }), { file, path: ['--dossier'] });
  const procedures = await proceduresFor(proceduresDir === undefined ? undefined : [proceduresDir]);
  const spec = procedures.find((p) => p.spec.id === record.procedure.id && p.spec.version === record.procedure.version)?.spec;
  return spec === undefined ? null : competentAgency(spec);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (value === undefined) throw new UsageError('usage', label('error.flag.needed-one-of', { flag, allowed: allowed.join(', ') }), { path: [flag] });
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError('usage', label('error.flag.not-one-of', { flag, value, allowed: allowed.join(', ') }), { path: [flag] });
  return value as T;
}

function need(value: string | undefined, flag: string, what: 'text' | 'information' | 'answer'): string {
  if (value === undefined || value.trim() === '') throw new UsageError('usage', labelBy('error.flag.needed', (lang) => ({ flag, what: t(lang, `error.complaint.what.${what}`) })), { path: [flag] });
  return value;
}

/**
 * A complaint as printed: instants local, and how it stands against each deadline as of `now`.
 *
 * @example
 * complaintView(openComplaint({ id: 'PAKN-1', kind: 'feedback', text: 'Late', at }, calendar), at).deadlinesKept
 * // { acknowledge: 'pending', askInformation: 'pending', answer: 'pending' }
 */
export function complaintView(c: Complaint, now: Instant) {
  const t = (i: Instant) => formatInstant(i);
  return {
    ...c,
    openedAt: t(c.openedAt),
    deadlines: { acknowledge: t(c.deadlines.acknowledge), askInformation: t(c.deadlines.askInformation), answer: t(c.deadlines.answer) },
    deadlinesKept: complaintDeadlines(c, now),
    acknowledgedAt: c.acknowledgedAt === null ? null : t(c.acknowledgedAt),
    informationRequest: c.informationRequest === null ? null : { ...c.informationRequest, at: t(c.informationRequest.at) },
    outcome: c.outcome === null ? null : { ...c.outcome, at: t(c.outcome.at) },
  };
}
