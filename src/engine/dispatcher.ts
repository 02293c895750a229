import { createHmac } from 'node:crypto';
import type { Instant } from '../calendar/instant.ts';
import type { CaseStore, OutboxItem } from './store.ts';

/** A webhook that receives effects. */
export interface Webhook {
  /** The key of its delivery state in the store: keep it fixed, or everything is delivered again. */
  readonly name: string;
  readonly url: string;
  /** Signs each delivery (HMAC-SHA-256); at least 32 characters. */
  readonly secret: string;
  /** Effect kinds it takes (`notify-agency`, `result-ready`, …); all by default. */
  readonly effects?: readonly string[];
}

/** Options of {@link createDispatcher}. */
export interface DispatcherOptions {
  readonly store: CaseStore;
  readonly webhooks: readonly Webhook[];
  readonly now: () => Instant;
  /** Attempts before an effect becomes a dead letter; 8 by default. */
  readonly maxAttempts?: number;
  /** Wait before attempt n + 1 after n failures; 1 s × 2^(n−1), at most 10 minutes, by default. */
  readonly backoffMs?: (failures: number) => number;
  /** How long a delivery may take; 10 s by default. */
  readonly timeoutMs?: number;
  /** Items fetched per endpoint per round; 64 by default. */
  readonly batch?: number;
  readonly fetch?: typeof fetch;
}

/** The body of a delivery. */
export interface Delivery {
  /** The outbox id: with the endpoint, what `Idempotency-Key` carries. */
  readonly id: number;
  readonly caseId: string;
  readonly version: number;
  readonly effect: OutboxItem['effect'];
}

/** The outbox dispatcher: `runOnce` for one round, `start`/`stop` to poll. */
export interface Dispatcher {
  /** Offers every due item to every webhook once; returns how many were delivered. */
  runOnce(): Promise<number>;
  start(intervalMs?: number): void;
  /** Runs a round soon (coalesced): called after writes, so effects need not wait for the next poll. */
  poke(): void;
  /** Stops polling and waits for the round in progress. */
  stop(): Promise<void>;
}

/**
 * `Motcua-Signature: sha256=<hex>`: HMAC-SHA-256 with the webhook's secret over
 * `<Motcua-Timestamp>.<body>`, so a receiver can check both the sender and the freshness.
 */
export function signDelivery(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * Delivers the outbox at least once to each webhook: oldest first, retried with exponential
 * back-off, dead-lettered after `maxAttempts`. The state lives in the store, so a restarted server
 * goes on where it stopped; an effect is recorded as delivered only after a 2xx answer, and every
 * attempt carries the same `Idempotency-Key` (`<webhook>:<outbox id>`), so a receiver that
 * remembers keys sees each effect once even if the process dies between the answer and the record.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, webhooks, now } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoffMs ?? ((n: number) => Math.min(1000 * 2 ** (n - 1), 600_000));
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batch = options.batch ?? 64;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;
  let poked = false;

  const deliver = async (hook: Webhook, item: OutboxItem): Promise<boolean> => {
    if (hook.effects !== undefined && !hook.effects.includes(item.effect.kind)) {
      await store.outbox.record(hook.name, item.id, { state: 'skipped' });
      return false;
    }
    const body = JSON.stringify({ id: item.id, caseId: item.caseId, version: item.version, effect: item.effect } satisfies Delivery);
    const timestamp = String(now());
    let error: string;
    try {
      const response = await send(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `${hook.name}:${item.id}`,
          'motcua-timestamp': timestamp,
          'motcua-signature': signDelivery(hook.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) {
        await store.outbox.record(hook.name, item.id, { state: 'delivered' });
        return true;
      }
      error = `HTTP ${response.status}`;
    } catch (e) {
      error = (e as Error).message;
    }
    const failures = item.attempts + 1;
    await store.outbox.record(hook.name, item.id, failures >= maxAttempts ? { state: 'dead', error } : { state: 'retry', nextAt: (now() + backoff(failures)) as Instant, error });
    return false;
  };

  const round = async (): Promise<number> => {
    let delivered = 0;
    for (const hook of webhooks) {
      // One endpoint's items in order; a failing endpoint does not hold up the others.
      for (;;) {
        const items = await store.outbox.pending(hook.name, now(), batch);
        for (const item of items) if (await deliver(hook, item)) delivered++;
        if (items.length < batch) break;
      }
    }
    return delivered;
  };

  const runOnce = async (): Promise<number> => {
    while (running !== null) await running.catch(() => 0);
    running = round();
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  return {
    runOnce,
    start(intervalMs = 500) {
      stopped = false;
      const loop = () => {
        if (stopped) return;
        void runOnce()
          .catch((error: unknown) => console.error('motcua: the outbox dispatcher failed a round:', error))
          .finally(() => {
            if (!stopped) timer = setTimeout(loop, intervalMs);
          });
      };
      loop();
    },
    poke() {
      if (stopped || poked) return;
      poked = true;
      setImmediate(() => {
        poked = false;
        if (!stopped) void runOnce().catch((error: unknown) => console.error('motcua: the outbox dispatcher failed a round:', error));
      });
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      while (running !== null) await running.catch(() => 0);
    },
  };
}
