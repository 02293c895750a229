import type { Distribution } from './config.ts';
import type { Random } from './random.ts';

/** A distribution compiled to a function of the random stream: its parameters read once, no switch per draw. */
export type Sampler = (rng: Random) => number;

/**
 * Compiles a distribution, once, to a function that draws from it: its parameters read once, no
 * switch per draw. Inverse-transform sampling for the continuous ones and Box–Muller for the
 * lognormal, written here because they are a few lines each and sit on the hot path.
 */
export function samplerOf(d: Distribution): Sampler {
  switch (d.kind) {
    case 'fixed': {
      const v = d.value;
      return () => v;
    }
    case 'uniform': {
      const { min } = d;
      const span = d.max - d.min;
      return (rng) => min + span * rng.next();
    }
    case 'exponential': {
      const mean = d.mean;
      return (rng) => -mean * Math.log(1 - rng.next());
    }
    case 'triangular': {
      const { min, mode, max } = d;
      const span = max - min;
      const cut = span === 0 ? 0 : (mode - min) / span;
      const below = mode - min;
      const above = max - mode;
      return (rng) => {
        const u = rng.next();
        return u < cut ? min + Math.sqrt(u * span * below) : max - Math.sqrt((1 - u) * span * above);
      };
    }
    case 'lognormal': {
      const variance = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = Math.log(d.mean) - variance / 2;
      const sigma = Math.sqrt(variance);
      return (rng) => Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()));
    }
    case 'empirical': {
      const values = d.values;
      return (rng) => values[Math.floor(rng.next() * values.length)] ?? 0;
    }
    default: {
      const unknown: never = d;
      throw new Error(`internal: no sampler for ${JSON.stringify(unknown)}`);
    }
  }
}

/** The mean of a distribution, for load estimates. */
export function meanOf(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'exponential':
    case 'lognormal':
      return d.mean;
    case 'empirical':
      return d.values.reduce((s, v) => s + v, 0) / Math.max(1, d.values.length);
  }
}

/** Picks a value from a discrete choice. */
export function choose<T>(choice: readonly { readonly value: T; readonly p: number }[], rng: Random): T {
  let u = rng.next();
  for (const c of choice) {
    if (u < c.p) return c.value;
    u -= c.p;
  }
  return choice[choice.length - 1]!.value;
}

/**
 * {@link choose} compiled once per choice: a choice with a single option (or one of probability 1)
 * makes no draw, so a scenario that fixes a channel leaves the random stream to the rest.
 *
 * @example
 * chooserOf([{ value: 'online', p: 1 }])(rng) // → 'online', nothing drawn
 */
export function chooserOf<T>(choice: readonly { readonly value: T; readonly p: number }[]): (rng: Random) => T {
  const sure = choice.find((c) => c.p >= 1);
  if (choice.length === 1 || (sure !== undefined && choice.every((c) => c === sure || c.p <= 0))) {
    const only = (sure ?? choice[0]!).value;
    return () => only;
  }
  return (rng) => choose(choice, rng);
}
