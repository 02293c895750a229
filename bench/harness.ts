/**
 * Shared helpers for the benchmarks in `bench/`: a timing loop over a list of inputs, a seeded
 * random generator for deterministic inputs, and a Markdown table printer.
 */

/** The result of timing one case. */
export interface Measurement {
  /** Operations run while timing. */
  readonly ops: number;
  /** Wall-clock time of those operations, in milliseconds. */
  readonly ms: number;
  readonly opsPerSec: number;
  readonly nsPerOp: number;
}

export interface MeasureOptions {
  /** Keep running whole batches until at least this many milliseconds have been timed; 300 by default. */
  readonly minMs?: number;
  /** Untimed batches run first for this long, so the JIT has settled; 100 by default. */
  readonly warmupMs?: number;
}

/** Results of every operation are folded in here so that the engine cannot drop the work. */
let sink = 0;

/** The folded results of everything measured so far (print or ignore; it exists to keep work live). */
export function blackhole(): number {
  return sink;
}

/**
 * Times `op` over `inputs`: one batch runs it once on each input; batches repeat until `minMs`
 * have passed, measured with `performance.now()` around each batch.
 *
 * @example
 * const m = measure([1, 2, 3], (x) => x * 2); console.log(m.opsPerSec);
 */
export function measure<T>(inputs: readonly T[], op: (input: T) => number, options: MeasureOptions = {}): Measurement {
  const { minMs = 300, warmupMs = 100 } = options;
  const batch = (): void => {
    let acc = 0;
    for (const input of inputs) acc += op(input);
    sink = (sink + (acc % 1_000_003)) % 1_000_003;
  };
  for (const end = performance.now() + warmupMs; performance.now() < end; ) batch();
  let ms = 0;
  let ops = 0;
  while (ms < minMs) {
    const t0 = performance.now();
    batch();
    ms += performance.now() - t0;
    ops += inputs.length;
  }
  return { ops, ms, opsPerSec: (ops / ms) * 1000, nsPerOp: (ms * 1e6) / ops };
}

/** Milliseconds taken by one call of `fn` (for one-off costs such as building an index). */
export function timeOnce(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * A tiny seeded linear congruential generator (Numerical Recipes constants): the same seed gives
 * the same inputs on every run and machine. Returns a function giving numbers in [0, 1).
 */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `1234567.8` → `1,234,568`. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A number with `digits` decimals and thousands separators. */
export function formatFixed(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * A Markdown table, padded so that it also reads well in a terminal. `align` gives `l` or `r`
 * per column (left by default).
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length), 3));
  const pad = (cell: string, i: number): string => (align[i] === 'r' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!));
  const line = (cells: readonly string[]): string => `| ${headers.map((_, i) => pad(cells[i] ?? '', i)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
