import type { FastifyInstance } from 'fastify';
import type { Instant } from '../../src/calendar/instant.ts';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';
import { createEngine } from '../../src/engine/engine.ts';
import type { CaseStore } from '../../src/engine/store.ts';
import { createServer } from '../../src/server/app.ts';
import { parseAuth } from '../../src/server/auth.ts';
import { hashToken } from '../../src/server/auth.ts';
import { at } from '../engine/support.ts';

/** Tokens of the test auth.yaml, by who they speak for. */
export const TOKENS = {
  desk: 'desk-token-0123456789abcdef',
  communeDesk: 'commune-desk-token-0123456789abcdef',
  justice: 'justice-token-0123456789abcdef',
  police: 'police-token-0123456789abcdef',
  operator: 'operator-token-0123456789abcdef',
} as const;

export const LOOKUP_KEY = 'lookup-key-for-tests-0123456789abcdef';

/** The auth.yaml of the tests, as text. */
export function authYaml(): string {
  return `lookupKey: ${LOOKUP_KEY}
tokens:
  - { name: desk officer, hash: "${hashToken(TOKENS.desk)}", desk: true }
  - { name: commune desk, hash: "${hashToken(TOKENS.communeDesk)}", desk: true, unit: "000.00.35.X01" }
  - { name: justice officer, hash: "${hashToken(TOKENS.justice)}", agency: justice }
  - { name: police officer, hash: "${hashToken(TOKENS.police)}", agency: police }
  - { name: operations, hash: "${hashToken(TOKENS.operator)}", operator: true }
`;
}

/** A settable clock: the host's `now` in tests. */
export function testClock(start: string) {
  let t = at(start);
  return {
    now: () => t,
    set: (local: string) => {
      t = at(local);
    },
    advance: (ms: number) => {
      t = (t + ms) as Instant;
    },
  };
}

export async function testServer(store: CaseStore, procedures: readonly ProcedureSpec[], now: () => Instant, publicRateLimit = 1000): Promise<FastifyInstance> {
  const engine = createEngine({ procedures, store, now });
  return createServer({ engine, store, procedures, auth: parseAuth(authYaml(), 'auth.yaml'), now, publicRateLimit });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
