/**
 * Streaming statistics of a non-negative quantity with bounded memory: count, mean, variance
 * (Welford), maximum, and quantiles from fixed-width bins (exact to the bin width), so that a
 * million cases cost no more memory than ten.
 */
export class Histogram {
  readonly width: number;
  readonly bins: Float64Array;
  count = 0;
  max = 0;
  overflow = 0;
  readonly #perWidth: number;
  // Sums of x − shift and of its square, shifted by the first value seen: as exact as Welford's
  // update for values near one another (the shifted-data algorithm), without a division per value
  // on the simulator's hot path (four histograms take a value per job and per case).
  #shift = 0;
  #sum = 0;
  #sumSq = 0;

  constructor(width: number, binCount: number) {
    this.width = width;
    this.#perWidth = 1 / width;
    this.bins = new Float64Array(binCount);
  }

  add(x: number): void {
    if (this.count++ === 0) this.#shift = x;
    const d = x - this.#shift;
    this.#sum += d;
    this.#sumSq += d * d;
    if (x > this.max) this.max = x;
    const bin = Math.floor(x * this.#perWidth);
    if (bin < this.bins.length) this.bins[bin < 0 ? 0 : bin]!++;
    else this.overflow++;
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.#shift + this.#sum / this.count;
  }

  /** Sum of squared deviations from the mean. */
  get #m2(): number {
    return this.count === 0 ? 0 : Math.max(0, this.#sumSq - (this.#sum * this.#sum) / this.count);
  }

  /** Plain data, to cross a worker-thread boundary. */
  toData(): HistogramData {
    return { width: this.width, bins: this.bins, count: this.count, mean: this.mean, m2: this.#m2, max: this.max, overflow: this.overflow };
  }

  static fromData(d: HistogramData): Histogram {
    const h = new Histogram(d.width, d.bins.length);
    h.bins.set(d.bins);
    h.count = d.count;
    // Shifted by the mean: the sum of deviations is 0 and the sum of their squares is m2.
    h.#shift = d.mean;
    h.#sum = 0;
    h.#sumSq = d.m2;
    h.max = d.max;
    h.overflow = d.overflow;
    return h;
  }

  get variance(): number {
    return this.count > 1 ? this.#m2 / (this.count - 1) : 0;
  }

  /** The q-quantile (0 ≤ q ≤ 1), interpolated inside its bin; the maximum for the overflow. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const target = q * this.count;
    let seen = 0;
    for (let i = 0; i < this.bins.length; i++) {
      const n = this.bins[i]!;
      if (seen + n >= target && n > 0) return Math.min(this.max, (i + (target - seen) / n) * this.width);
      seen += n;
    }
    return this.max;
  }
}

export interface HistogramData {
  readonly width: number;
  readonly bins: Float64Array;
  readonly count: number;
  readonly mean: number;
  readonly m2: number;
  readonly max: number;
  readonly overflow: number;
}
