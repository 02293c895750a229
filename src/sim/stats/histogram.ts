/** Values a histogram stores before it counts them. */
const PENDING = 256;

/**
 * Streaming statistics of a non-negative quantity with bounded memory: count, mean, variance
 * (shifted sums), maximum, and quantiles from fixed-width bins (exact to the bin width), so that a
 * million cases cost no more memory than ten.
 */
export class Histogram {
  readonly width: number;
  readonly #bins: Float64Array;
  #count = 0;
  #max = 0;
  #overflow = 0;
  readonly #perWidth: number;
  // Sums of x − shift and of its square, shifted by the first value seen: as exact as Welford's
  // update for values near one another (the shifted-data algorithm), without a division per value
  // on the simulator's hot path (four histograms take a value per job and per case).
  #shift = 0;
  #sum = 0;
  #sumSq = 0;
  /**
   * Values added and not counted yet. `add` only stores its value (two histograms take one per job:
   * the simulator's hottest path stays small), and they are counted a few hundred at a time, in a
   * loop of their own, in the order they came, or before anything is read: the figures are those
   * of counting each value as it comes.
   */
  readonly #pending = new Float64Array(PENDING);
  #pendingCount = 0;

  constructor(width: number, binCount: number) {
    this.width = width;
    this.#perWidth = 1 / width;
    this.#bins = new Float64Array(binCount);
  }

  add(x: number): void {
    this.#pending[this.#pendingCount++] = x;
    if (this.#pendingCount === PENDING) this.#countPending();
  }

  #countPending(): void {
    const n = this.#pendingCount;
    if (n === 0) return;
    this.#pendingCount = 0;
    this.#countFrom(this.#pending, 0, 1, n);
  }

  /**
   * Adds `n` values of `values`, from index `from` every `stride`, as `add` would one by one, but
   * without a copy: for a host that buffers values of its own (the simulator's stations).
   */
  addEvery(values: Float64Array, from: number, stride: number, n: number): void {
    if (n === 0) return;
    this.#countPending();
    this.#countFrom(values, from, stride, n);
  }

  /** Counts `n` values of `values` from `from` every `stride`, in their order. */
  #countFrom(values: Float64Array, from: number, stride: number, n: number): void {
    const bins = this.#bins;
    const perWidth = this.#perWidth;
    // Locals in the loop, written back once.
    let count = this.#count;
    let sum = this.#sum;
    let sumSq = this.#sumSq;
    let max = this.#max;
    let overflow = this.#overflow;
    if (count === 0) this.#shift = values[from]!;
    const shift = this.#shift;
    for (let k = 0, i = from; k < n; k++, i += stride) {
      const x = values[i]!;
      const d = x - shift;
      sum += d;
      sumSq += d * d;
      if (x > max) max = x;
      const bin = Math.floor(x * perWidth);
      if (bin < bins.length) bins[bin < 0 ? 0 : bin]!++;
      else overflow++;
    }
    this.#count = count + n;
    this.#sum = sum;
    this.#sumSq = sumSq;
    this.#max = max;
    this.#overflow = overflow;
  }

  get count(): number {
    this.#countPending();
    return this.#count;
  }

  get max(): number {
    this.#countPending();
    return this.#max;
  }

  /** Values above the last bin. */
  get overflow(): number {
    this.#countPending();
    return this.#overflow;
  }

  /** Values per bin of `width`, from 0. */
  get bins(): Float64Array {
    this.#countPending();
    return this.#bins;
  }

  get mean(): number {
    this.#countPending();
    return this.#count === 0 ? 0 : this.#shift + this.#sum / this.#count;
  }

  /** Sum of squared deviations from the mean. */
  get #m2(): number {
    this.#countPending();
    return this.#count === 0 ? 0 : Math.max(0, this.#sumSq - (this.#sum * this.#sum) / this.#count);
  }

  /** Plain data, to cross a worker-thread boundary. */
  toData(): HistogramData {
    return { width: this.width, bins: this.bins, count: this.count, mean: this.mean, m2: this.#m2, max: this.max, overflow: this.overflow };
  }

  /** What `JSON.stringify` writes: the plain data (the figures are getters, which it would skip). */
  toJSON(): HistogramData {
    return this.toData();
  }

  static fromData(d: HistogramData): Histogram {
    const h = new Histogram(d.width, d.bins.length);
    h.#bins.set(d.bins);
    h.#count = d.count;
    // Shifted by the mean: the sum of deviations is 0 and the sum of their squares is m2.
    h.#shift = d.mean;
    h.#sum = 0;
    h.#sumSq = d.m2;
    h.#max = d.max;
    h.#overflow = d.overflow;
    return h;
  }

  get variance(): number {
    const n = this.count;
    return n > 1 ? this.#m2 / (n - 1) : 0;
  }

  /** The q-quantile (0 ≤ q ≤ 1), interpolated inside its bin; the maximum for the overflow. */
  quantile(q: number): number {
    const count = this.count;
    if (count === 0) return 0;
    const bins = this.#bins;
    const target = q * count;
    let seen = 0;
    for (let i = 0; i < bins.length; i++) {
      const n = bins[i]!;
      if (seen + n >= target && n > 0) return Math.min(this.#max, (i + (target - seen) / n) * this.width);
      seen += n;
    }
    return this.#max;
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
