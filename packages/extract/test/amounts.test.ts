import { describe, expect, it } from 'vitest';
import { int128, int128ToFixed7, priceToFixed7, priceToFloat, stroopsToFixed7, stroopsToFloat } from '../src/amounts.js';
import { ExtractError } from '../src/errors.js';

describe('stroopsToFloat', () => {
  it('is exact for small values', () => {
    expect(stroopsToFloat(0n)).toBe(0);
    expect(stroopsToFloat(1n)).toBe(1e-7);
    expect(stroopsToFloat(15286217754n)).toBe(1528.6217754);
    expect(stroopsToFloat(-1n)).toBe(-1e-7);
  });

  it('rounds once (correctly) above 2^53 stroops', () => {
    // 9007199254740993 / 10^7 = 900719925.4740993 exactly; the nearest double prints the same.
    expect(stroopsToFloat(9007199254740993n)).toBe(900719925.4740993);
    expect(stroopsToFloat(9223372036854775807n)).toBe(922337203685.4775807);
    expect(stroopsToFloat(-9223372036854775808n)).toBe(-922337203685.4775808);
  });
});

describe('fixed 7-decimal strings', () => {
  it('formats stroops with exactly seven decimals', () => {
    expect(stroopsToFixed7(0n)).toBe('0.0000000');
    expect(stroopsToFixed7(4280460538n)).toBe('428.0460538');
    expect(stroopsToFixed7(-1n)).toBe('-0.0000001');
    expect(stroopsToFixed7(-9223372036854775808n)).toBe('-922337203685.4775808');
  });

  it('reads int128 as signed hi and unsigned lo', () => {
    expect(int128(0n, 10n)).toBe(10n);
    expect(int128(-1n, 18446744073709551615n)).toBe(-1n);
    expect(int128(1n, 0n)).toBe(18446744073709551616n);
    expect(int128ToFixed7(-1n, 18446744073709551615n)).toBe('-0.0000001');
    expect(int128ToFixed7(1n, 0n)).toBe('1844674407370.9551616');
  });
});

describe('prices', () => {
  it('rounds to seven decimals, halves away from zero, before parsing', () => {
    expect(priceToFloat(1, 10000000)).toBe(1e-7);
    expect(priceToFloat(1, 20000000)).toBe(1e-7); // 0.00000005 → 0.0000001
    expect(priceToFloat(1, 30000000)).toBe(0); // 0.0000000333… → 0
    expect(priceToFloat(2, 3)).toBe(0.6666667);
    expect(priceToFloat(35, 1)).toBe(35);
    expect(priceToFixed7(-1, 20000000)).toBe('-0.0000001');
    // Go's big.Rat.FloatString keeps the sign of a negative quotient that rounds to zero.
    expect(priceToFixed7(-1, 30000000)).toBe('-0.0000000');
    expect(Object.is(priceToFloat(1, -30000000), -0)).toBe(true);
    expect(priceToFixed7(-6, 3)).toBe('-2.0000000');
    expect(priceToFixed7(0, -3)).toBe('0.0000000');
    expect(priceToFixed7(2147483647, 1)).toBe('2147483647.0000000');
  });

  it('rejects a zero denominator', () => {
    expect(() => priceToFloat(1, 0)).toThrow(ExtractError);
  });
});
