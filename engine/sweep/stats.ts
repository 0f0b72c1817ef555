/** Small, exact statistics for sweep distributions. Inputs are sorted first, so results never depend on arrival order. */

export interface Percentiles {
  /** Number of values (runs where the quantity exists). */
  n: number;
  min: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  max: number;
  mean: number;
}

/**
 * The q-quantile (0..1) of sorted values by linear interpolation between closest ranks (the default of
 * R, NumPy and spreadsheets), so that small sweeps still give sensible percentiles.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** Percentiles of the values, each rounded with `round`; null when there are none. */
export function percentiles(values: readonly number[], round: (x: number) => number): Percentiles | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  let sum = 0;
  for (const v of s) sum += v;
  const q = (p: number) => round(quantile(s, p));
  return { n: s.length, min: round(s[0] as number), p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), max: round(s[s.length - 1] as number), mean: round(sum / s.length) };
}

/** Wilson score interval at 95% for k successes in n trials: honest near 0 and 1, unlike the normal approximation. */
export function wilson95(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.959963984540054;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At k = 0 or k = n the bound is exactly 0 or 1; floating point would give 1e-17 or 0.9999999999999999.
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
export const roundInt = (x: number): number => Math.round(x);
