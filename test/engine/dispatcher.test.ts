import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Instant } from '../../src/calendar/instant.ts';
import { createDispatcher, signDelivery } from '../../src/engine/dispatcher.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { sqliteStore } from '../../src/engine/sqlite-store.ts';
import { tinySpec } from '../support/specs.ts';
import { at, desk, ev, tempDir } from './support.ts';

const SECRET = 'webhook-secret-for-tests-0123456789abcdef';

interface Received {
  key: string;
  signatureOk: boolean;
  body: { id: number; caseId: string; version: number; effect: { kind: string } };
}

/** A webhook receiver on a free port that answers `status(n)` to its n-th request (from 1). */
async function receiver(status: (n: number, key: string) => number) {
  const received: Received[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      n++;
      const key = String(req.headers['idempotency-key']);
      const signatureOk = req.headers['motcua-signature'] === signDelivery(SECRET, String(req.headers['motcua-timestamp']), body);
      const code = status(n, key);
      if (code < 300) received.push({ key, signatureOk, body: JSON.parse(body) as Received['body'] });
      res.statusCode = code;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

async function openAndTransfer(file: string) {
  const store = sqliteStore(file);
  const engine = createEngine({ procedures: [tinySpec()], store });
  const { caseId } = await engine.open({ procedure: 'tiny', channel: 'in-person', receivedAt: at('2025-03-03T09:00'), by: desk });
  await engine.send(caseId, ev('TRANSFER', '2025-03-03T10:00', desk));
  return { store, caseId };
}

describe('the outbox dispatcher', { timeout: 60_000 }, () => {
  it('delivers every effect once, signed, retrying failures with back-off', async () => {
    const { store, caseId } = await openAndTransfer(join(tempDir(), 'cases.db'));
    // The first two requests fail: the slip waits for its back-off, then both arrive in order.
    const hook = await receiver((n) => (n <= 2 ? 503 : 200));
    let clock = at('2025-03-03T10:00');
    const dispatcher = createDispatcher({ store, webhooks: [{ name: 'notify', url: hook.url, secret: SECRET }], now: () => clock, backoffMs: (n) => 1000 * n });
    expect(await dispatcher.runOnce()).toBe(0);
    expect(await store.outbox.stats('notify')).toEqual({ delivered: 0, skipped: 0, dead: 0, waiting: 2 });
    clock = (clock + 999) as Instant;
    expect(await dispatcher.runOnce()).toBe(0);
    clock = (clock + 1) as Instant;
    expect(await dispatcher.runOnce()).toBe(2);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(hook.received.map((r) => [r.body.caseId, r.body.version, r.body.effect.kind, r.signatureOk])).toEqual([
      [caseId, 2, 'appointment-slip', true],
      [caseId, 3, 'notify-agency', true],
    ]);
    expect(hook.received.map((r) => r.key)).toEqual([`notify:${hook.received[0]!.body.id}`, `notify:${hook.received[1]!.body.id}`]);
    expect(await store.outbox.stats('notify')).toEqual({ delivered: 2, skipped: 0, dead: 0, waiting: 0 });
    await store.close();
  });

  it('dead-letters an effect after the last attempt and goes on with the others', async () => {
    const { store } = await openAndTransfer(join(tempDir(), 'cases.db'));
    const hook = await receiver(() => 500);
    let clock = at('2025-03-03T10:00');
    const dispatcher = createDispatcher({ store, webhooks: [{ name: 'down', url: hook.url, secret: SECRET }], now: () => clock, maxAttempts: 3, backoffMs: () => 10 });
    for (let i = 0; i < 5; i++) {
      await dispatcher.runOnce();
      clock = (clock + 10) as Instant;
    }
    expect(await store.outbox.stats('down')).toEqual({ delivered: 0, skipped: 0, dead: 2, waiting: 0 });
    expect((await store.outbox.deadLetters('down')).map((d) => [d.effect.kind, d.attempts, d.error])).toEqual([
      ['appointment-slip', 3, 'HTTP 500'],
      ['notify-agency', 3, 'HTTP 500'],
    ]);
    await store.close();
  });

  it('survives a restart: a new dispatcher on the same file delivers what is left and nothing twice', async () => {
    const file = join(tempDir(), 'cases.db');
    const { store } = await openAndTransfer(file);
    // Only the slip gets through before the "crash": the second request fails.
    const hook = await receiver((n) => (n === 2 ? 500 : 200));
    const now = () => at('2025-03-03T10:00');
    expect(await createDispatcher({ store, webhooks: [{ name: 'n', url: hook.url, secret: SECRET }], now, backoffMs: () => 0 }).runOnce()).toBe(1);
    await store.close();
    const reopened = sqliteStore(file);
    expect(await reopened.outbox.stats('n')).toEqual({ delivered: 1, skipped: 0, dead: 0, waiting: 1 });
    expect(await createDispatcher({ store: reopened, webhooks: [{ name: 'n', url: hook.url, secret: SECRET }], now }).runOnce()).toBe(1);
    await createDispatcher({ store: reopened, webhooks: [{ name: 'n', url: hook.url, secret: SECRET }, { name: 'slips', url: hook.url, secret: SECRET, effects: ['appointment-slip'] }], now }).runOnce();
    expect(hook.received.map((r) => r.key.split(':')[0] + ':' + r.body.effect.kind)).toEqual(['n:appointment-slip', 'n:notify-agency', 'slips:appointment-slip']);
    expect(await reopened.outbox.stats('slips')).toEqual({ delivered: 1, skipped: 1, dead: 0, waiting: 0 });
    await reopened.close();
  });
});
