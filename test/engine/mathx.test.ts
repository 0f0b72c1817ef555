/** Reproducible logarithm and half-life decay: close to Math's, and built from exact arithmetic only. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { halvings, ln } from '../../engine/sim/mathx.ts';

describe('mathx', () => {
  it('ln agrees with Math.log to within a few ulps', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        expect(Math.abs(ln(x) - Math.log(x))).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(Math.log(x))));
      }),
    );
    expect(ln(1)).toBe(0);
    expect(ln(2)).toBeCloseTo(Math.LN2, 15);
    expect(() => ln(0)).toThrow();
  });

  it('halvings(x) = 2^-x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 60, noNaN: true }), (x) => {
        expect(Math.abs(halvings(x) - 2 ** -x)).toBeLessThanOrEqual(4 * Number.EPSILON * 2 ** -x);
      }),
    );
    expect(halvings(0)).toBe(1);
    expect(halvings(1)).toBe(0.5);
    expect(halvings(3)).toBe(0.125);
    expect(halvings(5000)).toBe(0);
  });
});
