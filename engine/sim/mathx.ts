/**
 * Logarithm and powers of two from basic IEEE-754 arithmetic only. ECMAScript leaves Math.log, Math.exp
 * and Math.pow "implementation-approximated", so they may differ in the last bit between JavaScript
 * engines; the engine's state must not, or the same run would hash differently in a browser. +, -, *, /
 * are exactly rounded everywhere, so these functions give the same bits on every engine.
 */

// The Number value nearest ln 2, exact by the specification (unlike Math.log).
const LN2 = Math.LN2;

/** Natural logarithm of x > 0. */
export function ln(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new Error(`ln: ${x} is out of range`);
  // x = m * 2^e with m in [0.75, 1.5): multiplying or dividing by 2 is exact.
  let m = x;
  let e = 0;
  while (m >= 1.5) {
    m /= 2;
    e++;
  }
  while (m < 0.75) {
    m *= 2;
    e--;
  }
  // ln(m) = 2 atanh(z), z = (m - 1) / (m + 1), |z| <= 0.2: the series converges fast.
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let term = z;
  let sum = 0;
  for (let k = 1; k < 60; k += 2) {
    const next = sum + term / k;
    if (next === sum) break;
    sum = next;
    term *= z2;
  }
  return 2 * sum + e * LN2;
}

/** 2^-x for x >= 0 (the decay of a half-life), exactly reproducible. */
export function halvings(x: number): number {
  if (!(x >= 0) || !Number.isFinite(x)) throw new Error(`halvings: ${x} is out of range`);
  const whole = Math.floor(x);
  if (whole > 1100) return 0;
  let scale = 1;
  for (let i = 0; i < whole; i++) scale /= 2;
  // 2^-f = exp(-f ln 2) for f in [0, 1): Taylor series.
  const y = -(x - whole) * LN2;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 40; k++) {
    term = (term * y) / k;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum * scale;
}
