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

  it('formats every magnitude as the exact quotient by 10^7', () => {
    const exact = (v: bigint): string => {
      const abs = v < 0n ? -v : v;
      return `${v < 0n ? '-' : ''}${abs / 10_000_000n}.${(abs % 10_000_000n).toString().padStart(7, '0')}`;
    };
    const values: bigint[] = [];
    for (let bits = 0n; bits <= 63n; bits++) {
      const p = 2n ** bits;
      for (const v of [p - 1n, p, p + 1n, p * 10_000_000n - 1n, (p * 9_999_999n) / 7n]) values.push(v, -v);
    }
    for (let k = 899_000_000n; k <= 900_719_925n; k += 17_203n) values.push(k * 10_000_000n - 1n, k * 10_000_000n + 9_999_999n);
    for (const v of values) expect(stroopsToFixed7(v)).toBe(exact(v));
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

  it('agrees with exact rational arithmetic on either side of the double fast path', () => {
    // Reference: q = round-half-away(|n|·10^7 / |d|) in BigInt, printed as q / 10^7.
    const exact = (n: number, d: number): string => {
      const num = BigInt(Math.abs(n)) * 10_000_000n;
      const den = BigInt(Math.abs(d));
      let q = num / den;
      if ((num % den) * 2n >= den) q += 1n;
      const text = `${q / 10_000_000n}.${(q % 10_000_000n).toString().padStart(7, '0')}`;
      return n !== 0 && n < 0 !== d < 0 ? `-${text}` : text;
    };
    const edges = [1, 2, 3, 7, 9_999_999, 10_000_000, 2 ** 29 - 1, 2 ** 29, 2 ** 31 - 1];
    const values = [...edges, ...edges.map((v) => -v), -(2 ** 31)];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 2000; i++) values.push((next() >> (next() % 31)) * (next() % 2 ? 1 : -1));
    for (const n of values) {
      for (const d of values.slice(0, 40)) expect(priceToFixed7(n, d)).toBe(exact(n, d));
    }
  });

  it('rejects a zero denominator', () => {
    expect(() => priceToFloat(1, 0)).toThrow(ExtractError);
  });
});
