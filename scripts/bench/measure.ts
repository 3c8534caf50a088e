/**
 * Benchmark helpers shared by the packages' `pnpm bench` scripts: repeated timed runs, medians,
 * and a markdown table with ratios against a baseline measured in the same process.
 */
import { cpus } from 'node:os';

/** Result of one measured variant. */
export interface Measurement {
  /** Variant name. */
  name: string;
  /** Median of the runs, in units per second. */
  median: number;
  /** Every run's rate, in units per second. */
  runs: number[];
}

/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Number of timed runs (the median is reported). */
  runs?: number;
  /** Minimum duration of one run in milliseconds. */
  runMs?: number;
  /** Untimed warm-up iterations. */
  warmup?: number;
}

/**
 * Calls `iteration` repeatedly; each call processes `unitsPerIteration` units. Returns the median
 * rate over `runs` runs of at least `runMs` each.
 */
export function measure(
  name: string,
  unitsPerIteration: number,
  iteration: () => void,
  { runs = 5, runMs = 1500, warmup = 3 }: MeasureOptions = {},
): Measurement {
  for (let i = 0; i < warmup; i++) iteration();
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    let n = 0;
    do {
      iteration();
      n++;
    } while (performance.now() - start < runMs);
    rates.push((n * unitsPerIteration) / ((performance.now() - start) / 1000));
  }
  return { name, median: median(rates), runs: rates };
}

/** One variant for {@link measureInterleaved}. */
export interface Variant {
  name: string;
  unitsPerIteration: number;
  iteration: () => void;
}

/** Result of one variant of {@link measureInterleaved}. */
export interface InterleavedMeasurement extends Measurement {
  /**
   * Median over the rounds of this variant's rate ÷ the first variant's rate in the same round:
   * steadier than the ratio of the two medians when the machine's speed drifts between rounds.
   */
  ratio: number;
}

/**
 * Measures several variants in interleaved rounds (round r times every variant once, in reverse
 * order every other round so that no variant always runs first), so that drifts in machine speed
 * affect all variants alike. Returns each variant's median rate over `runs` rounds and its median
 * per-round ratio to the first variant.
 */
export function measureInterleaved(variants: readonly Variant[], { runs = 5, runMs = 1500, warmup = 3 }: MeasureOptions = {}): InterleavedMeasurement[] {
  for (const v of variants) for (let i = 0; i < warmup; i++) v.iteration();
  const rates = variants.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    const order = variants.map((_, k) => (r % 2 === 0 ? k : variants.length - 1 - k));
    for (const k of order) {
      const v = variants[k]!;
      const start = performance.now();
      let n = 0;
      do {
        v.iteration();
        n++;
      } while (performance.now() - start < runMs);
      rates[k]!.push((n * v.unitsPerIteration) / ((performance.now() - start) / 1000));
    }
  }
  return variants.map((v, k) => ({
    name: v.name,
    median: median(rates[k]!),
    runs: rates[k]!,
    ratio: median(rates[k]!.map((rate, r) => rate / rates[0]![r]!)),
  }));
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A short description of the machine for benchmark reports. */
export function machine(): string {
  const c = cpus();
  return `${c.length} cores (${c[0]?.model ?? 'unknown cpu'}), Node ${process.version}`;
}

/** Formats a number with thousands separators and `digits` decimals. */
export function fmt(v: number, digits = 1): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
