/** The command line's number formats: `count` writes what toLocaleString('en-US') writes, without loading ICU for whole numbers. */
import { describe, expect, it } from 'vitest';
import { count } from '../../cli/table.ts';

describe('count', () => {
  it("writes what toLocaleString('en-US') writes", () => {
    const xs = [0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 1001, 12_345, 123_456, 1_234_567, -1_234_567, 999_999_999, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    // Non-integers and odd values take toLocaleString itself.
    xs.push(1.5, -2.25, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 2 ** 53 + 2);
    for (let d = 0; d <= 15; d++) for (const sign of [1, -1]) xs.push(sign * (10 ** d - 1), sign * 10 ** d, sign * Math.floor(1.2345678901234567 * 10 ** d));
    for (const x of xs) expect(count(x), String(x)).toBe(x.toLocaleString('en-US'));
  });
});
