import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Actor } from '../compile/types.ts';
import { MotcuaError } from '../errors.ts';
import { label, labelBy } from '../i18n/translate.ts';
import { zodIssueMessages } from '../i18n/zod-issue.ts';

/** A credential problem: a bad auth.yaml, a missing or unknown token, a wrong lookup secret. */
export class AuthError extends MotcuaError {}

/**
 * Who a bearer token speaks for. `desk`: the one-stop desk of whichever procedure the case runs on
 * (it opens cases, transfers and returns them); `agency`: one agency, optionally one role within it;
 * `operator`: runs `tick` (time passing) and reads, but is no party to any case.
 */
export type Principal =
  /** `unit`: the receiving unit's identifier the desk's dossier codes start with (Circular 01/2018/TT-VPCP Art. 19). */
  | { readonly kind: 'desk'; readonly name: string; readonly unit?: string }
  | { readonly kind: 'agency'; readonly name: string; readonly agency: string; readonly role?: string }
  | { readonly kind: 'operator'; readonly name: string };

/** auth.yaml, checked. */
export interface AuthConfig {
  /** By token hash (hex SHA-256 of the token). */
  readonly tokens: ReadonlyMap<string, Principal>;
  /** The key that derives each dossier's lookup secret (HMAC); null: applicants cannot act. */
  readonly lookupKey: Buffer | null;
}

const HASH = /^sha256:[0-9a-f]{64}$/;

const tokenSchema = z
  .object({
    name: z.string().min(1),
    hash: z.string().regex(HASH, 'must be "sha256:" and 64 hex digits (print one with motcua token)'),
    desk: z.literal(true).optional(),
    unit: z
      .string()
      .regex(/^[0-9A-Z]+(\.[0-9A-Z]+)*$/, 'must be a unit identifier: upper-case letters and digits in groups separated by dots, as 000.00.12.H33')
      .max(40)
      .optional(),
    agency: z.string().min(1).optional(),
    role: z.string().min(1).optional(),
    operator: z.literal(true).optional(),
  })
  .strict()
  .refine((t) => [t.desk, t.agency, t.operator].filter((x) => x !== undefined).length === 1, { message: 'needs exactly one of desk: true, agency: <id>, operator: true' })
  .refine((t) => t.role === undefined || t.agency !== undefined, { message: 'role is only for agency tokens', path: ['role'] })
  .refine((t) => t.unit === undefined || t.desk === true, { message: 'unit is only for desk tokens (the unit receiving their dossiers)', path: ['unit'] });

/** The schema of auth.yaml. */
export const authFileSchema = z
  .object({
    lookupKey: z.string().min(32, 'must be at least 32 characters (print one with motcua token)').optional(),
    tokens: z.array(tokenSchema).default([]),
  })
  .strict();

/**
 * Reads auth.yaml: bearer tokens stored as SHA-256 hashes (tokens are long random strings, so a
 * plain hash is enough and a stolen file gives no token), each bound to the desk, an agency (and
 * role), or the operator; and the key that derives applicants' lookup secrets.
 *
 * @throws AuthError `bad-auth` naming the file, the path inside it and how to fix it
 */
export function parseAuth(text: string, file: string): AuthConfig {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new AuthError('bad-auth', label('error.auth.yaml', { reason: (error as Error).message.split('\n')[0]! }), { file, cause: error });
  }
  const parsed = authFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const said = zodIssueMessages(issue, raw ?? {});
    throw new AuthError('bad-auth', labelBy('error.auth.shape', (lang) => ({ issue: said[lang] })), { file, path });
  }
  const tokens = new Map<string, Principal>();
  parsed.data.tokens.forEach((t, i) => {
    const hash = t.hash.slice('sha256:'.length);
    if (tokens.has(hash)) throw new AuthError('bad-auth', label('error.auth.twice'), { file, path: ['tokens', i, 'hash'] });
    const principal: Principal =
      t.desk === true ? { kind: 'desk', name: t.name, ...(t.unit === undefined ? {} : { unit: t.unit }) } : t.operator === true ? { kind: 'operator', name: t.name } : { kind: 'agency', name: t.name, agency: t.agency!, ...(t.role === undefined ? {} : { role: t.role }) };
    tokens.set(hash, principal);
  });
  return { tokens, lookupKey: parsed.data.lookupKey === undefined ? null : Buffer.from(parsed.data.lookupKey, 'utf8') };
}

/** The `sha256:…` form of a token, as auth.yaml stores it. */
export function hashToken(token: string): string {
  return `sha256:${createHash('sha256').update(token, 'utf8').digest('hex')}`;
}

/** A fresh random token (32 bytes, base64url) and its hash. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The principal of an `Authorization: Bearer …` header, or why there is none. */
export function authenticate(auth: AuthConfig | null, header: string | undefined): Principal {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) throw new AuthError('unauthenticated', label('error.http.bearer'));
  const principal = auth?.tokens.get(hashToken(match[1]!).slice('sha256:'.length));
  if (principal === undefined) throw new AuthError('unauthenticated', label('error.http.bearer-unknown'));
  return principal;
}

/** The actor an event is recorded with: from the token, never from the request body. */
export function actorOf(principal: Principal, deskAgency: string): Actor {
  // The officer is the token's holder (its name in auth.yaml): the control slip and the event log's org:resource.
  if (principal.kind === 'desk') return { kind: 'agency', agency: deskAgency, officer: principal.name };
  if (principal.kind === 'agency') return principal.role === undefined ? { kind: 'agency', agency: principal.agency, officer: principal.name } : { kind: 'agency', agency: principal.agency, role: principal.role, officer: principal.name };
  throw new AuthError('forbidden', label('error.http.operator', { name: principal.name }));
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * The lookup secret of a dossier, printed on the appointment slip next to the code: derived from
 * the code with the server's key (HMAC-SHA-256), so nothing is stored and a restarted server gives
 * the same secret. 12 characters of an alphabet without 0/O and 1/I, in groups of four.
 */
export function lookupSecret(key: Buffer, code: string): string {
  const mac = createHmac('sha256', key).update(code, 'utf8').digest();
  let out = '';
  for (let i = 0; i < 12; i++) out += BASE32[mac[i]! % 32];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** Whether `given` is the lookup secret of `code` (case and dashes ignored, compared in constant time). */
export function checkLookupSecret(auth: AuthConfig | null, code: string, given: string | undefined): void {
  if (auth?.lookupKey == null) throw new AuthError('unauthenticated', label('error.http.no-lookup-key'));
  if (given === undefined || given === '') throw new AuthError('unauthenticated', label('error.http.lookup-secret'));
  const want = Buffer.from(lookupSecret(auth.lookupKey, code).replaceAll('-', ''), 'utf8');
  const got = Buffer.from(given.toUpperCase().replaceAll('-', '').replaceAll(' ', ''), 'utf8');
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw new AuthError('unauthenticated', label('error.http.lookup-mismatch'));
}
