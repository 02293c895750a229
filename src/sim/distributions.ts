import type { Distribution } from './config.ts';
import type { Random } from './random.ts';

/**
 * Draws from a distribution. Inverse-transform sampling for the continuous ones and Box–Muller for
 * the lognormal, written here because they are a few lines each and sit on the hot path.
 */
export function sample(d: Distribution, rng: Random): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.next();
    case 'triangular': {
      const u = rng.next();
      const span = d.max - d.min;
      const cut = span === 0 ? 0 : (d.mode - d.min) / span;
      return u < cut ? d.min + Math.sqrt(u * span * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * span * (d.max - d.mode));
    }
    case 'exponential':
      return -d.mean * Math.log(1 - rng.next());
    case 'lognormal': {
      // Parameters of the underlying normal from the lognormal's own mean and standard deviation.
      const variance = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = Math.log(d.mean) - variance / 2;
      const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      return Math.exp(mu + Math.sqrt(variance) * z);
    }
    case 'empirical':
      return d.values[Math.floor(rng.next() * d.values.length)] ?? 0;
  }
}

/** A distribution compiled to a function of the random stream: its parameters read once, no switch per draw. */
export type Sampler = (rng: Random) => number;

/** Compiles a distribution: the same draws and the same numbers as {@link sample}, without the per-draw dispatch. */
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
    default:
      return (rng) => sample(d, rng);
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
