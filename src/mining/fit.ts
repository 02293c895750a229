import jStat from 'jstat';
import type { Distribution } from '../sim/config.ts';

/** A fitted duration distribution and why it was chosen. */
export interface Fit {
  /** What the scenario gets (gamma is written as its quantiles: the scenario has no gamma form). */
  readonly distribution: Distribution;
  readonly family: 'fixed' | 'exponential' | 'lognormal' | 'gamma' | 'empirical';
  readonly observations: number;
  readonly mean: number;
  /** Kolmogorov–Smirnov distance of the chosen family to the data, and its p-value (1 for empirical). */
  readonly ks: number;
  readonly pValue: number;
  /** One line for the YAML comment: the family, its parameters, the criterion's figures. */
  readonly note: string;
}

/** The criterion, stated once: it is printed in every calibrated scenario. */
export const FIT_CRITERION =
  'of exponential, lognormal and gamma (maximum likelihood), the one with the lowest AIC among those the Kolmogorov-Smirnov test does not reject at 5%; if all are rejected, the empirical distribution (its quantiles)';

const QUANTILES = 100;

interface Candidate {
  readonly family: 'exponential' | 'lognormal' | 'gamma';
  readonly cdf: (x: number) => number;
  readonly logPdfSum: number;
  readonly parameters: number;
  readonly distribution: Distribution;
  readonly mean: number;
  readonly label: string;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Fits a distribution to positive durations by the criterion in `FIT_CRITERION`.
 * @example fit([1.2, 0.8, 2.5, 1.9]).distribution
 */
export function fit(values: readonly number[]): Fit {
  const n = values.length;
  if (n === 0) throw new RangeError('fit needs at least one observation');
  const x = [...values].sort((a, b) => a - b);
  const mean = x.reduce((s, v) => s + v, 0) / n;
  if (x[0] === x[n - 1] || n < 3) {
    const value = r4(n < 3 ? mean : x[0]!);
    return { distribution: { kind: 'fixed', value }, family: 'fixed', observations: n, mean, ks: 0, pValue: 1, note: `fixed ${value} (${n < 3 ? 'mean of too few observations to fit' : 'every observation equal'})` };
  }
  const candidates: Candidate[] = [];
  if (mean > 0) {
    candidates.push({
      family: 'exponential',
      cdf: (v) => 1 - Math.exp(-v / mean),
      logPdfSum: -n * Math.log(mean) - x.reduce((s, v) => s + v, 0) / mean,
      parameters: 1,
      distribution: { kind: 'exponential', mean: r4(mean) },
      mean,
      label: `exponential mean ${r4(mean)}`,
    });
  }
  if (x[0]! > 0) {
    const logs = x.map(Math.log);
    const mu = logs.reduce((s, v) => s + v, 0) / n;
    const sigma = Math.sqrt(logs.reduce((s, v) => s + (v - mu) ** 2, 0) / n);
    if (sigma > 0) {
      const m = Math.exp(mu + (sigma * sigma) / 2);
      const sd = m * Math.sqrt(Math.exp(sigma * sigma) - 1);
      candidates.push({
        family: 'lognormal',
        cdf: (v) => jStat.lognormal.cdf(v, mu, sigma),
        logPdfSum: logs.reduce((s, l) => s - l - Math.log(sigma * Math.sqrt(2 * Math.PI)) - (l - mu) ** 2 / (2 * sigma * sigma), 0),
        parameters: 2,
        distribution: { kind: 'lognormal', mean: r4(m), sd: r4(sd) },
        mean: m,
        label: `lognormal mean ${r4(m)} sd ${r4(sd)}`,
      });
      // Gamma by maximum likelihood: Minka's closed-form start, then Newton steps on the shape.
      const s = Math.log(mean) - mu;
      let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
      for (let i = 0; i < 6; i++) k -= (Math.log(k) - digamma(k) - s) / (1 / k - trigamma(k));
      const theta = mean / k;
      const lgk = logGamma(k);
      candidates.push({
        family: 'gamma',
        cdf: (v) => jStat.gamma.cdf(v, k, theta),
        logPdfSum: logs.reduce((acc, l, i) => acc + (k - 1) * l - x[i]! / theta - lgk - k * Math.log(theta), 0),
        parameters: 2,
        distribution: { kind: 'empirical', values: Array.from({ length: QUANTILES }, (_, i) => r4(jStat.gamma.inv((i + 0.5) / QUANTILES, k, theta))) },
        mean,
        label: `gamma shape ${r4(k)} scale ${r4(theta)}, written as ${QUANTILES} quantiles`,
      });
    }
  }
  const scored = candidates.map((c) => {
    const ks = ksOneSample(x, c.cdf);
    return { c, ks, p: kolmogorovP(ks, n), aic: 2 * c.parameters - 2 * c.logPdfSum };
  });
  const passing = scored.filter((s) => s.p >= 0.05).sort((a, b) => a.aic - b.aic);
  const summary = scored.map((s) => `${s.c.family} KS ${s.ks.toFixed(3)} p ${s.p.toFixed(2)} AIC ${s.aic.toFixed(0)}`).join('; ');
  const best = passing[0];
  if (best !== undefined) {
    return { distribution: best.c.distribution, family: best.c.family, observations: n, mean: best.c.mean, ks: best.ks, pValue: best.p, note: `${best.c.label} (${summary})` };
  }
  const values100 = n <= QUANTILES ? x.map(r4) : Array.from({ length: QUANTILES }, (_, i) => r4(quantileSorted(x, (i + 0.5) / QUANTILES)));
  return { distribution: { kind: 'empirical', values: values100 }, family: 'empirical', observations: n, mean, ks: 0, pValue: 1, note: `empirical, ${values100.length} quantiles, mean ${r4(mean)} (rejected: ${summary})` };
}

/** Largest gap between the empirical distribution of sorted `x` and `cdf`. */
function ksOneSample(x: readonly number[], cdf: (v: number) => number): number {
  const n = x.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(x[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** The asymptotic p-value of a Kolmogorov distance `d` on `n` observations (Stephens' correction). */
export function kolmogorovP(d: number, n: number): number {
  const sq = Math.sqrt(n);
  const lambda = (sq + 0.12 + 0.11 / sq) * d;
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}

/** The q-quantile of sorted values, interpolated between order statistics. */
export function quantileSorted(x: readonly number[], q: number): number {
  if (x.length === 0) return Number.NaN;
  const pos = (x.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(x.length - 1, lo + 1);
  return x[lo]! + (x[hi]! - x[lo]!) * (pos - lo);
}

function logGamma(z: number): number {
  // Lanczos approximation (g = 7), accurate to ~1e-13 for z > 0.
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  z -= 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function digamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

function trigamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  return r + 1 / x + f / 2 + (f / x) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}
