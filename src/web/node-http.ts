import type { IncomingMessage } from 'node:http';
import type { WebRequest } from './pages.ts';

/** The largest form body the pages read, in bytes. */
export const MAX_FORM_BYTES = 64 * 1024;

/** Cookies of a `Cookie` header. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/**
 * The pages' request from a Node request whose form body (if any) was already read: what any
 * server built on `node:http` (Fastify included) hands over.
 */
export function webRequestOf(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>, body: string): WebRequest {
  const url = new URL(req.url ?? '/', 'http://x');
  const host = req.headers.host ?? '127.0.0.1';
  const origin = req.headers.origin;
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    form: new URLSearchParams(req.method === 'POST' ? body : ''),
    cookies: parseCookies(req.headers.cookie),
    origin: `http://${host}`,
    ...(typeof origin === 'string' ? { originHeader: origin } : {}),
  };
}
