/**
 * Amount and price conversions with stellar-etl's exact rounding.
 */
import { ExtractError } from './errors.js';

const TWO_53 = 2n ** 53n;
const TEN_7 = 10_000_000n;

/**
 * Stroops → XLM as the nearest double to the exact rational `v / 10^7` (ties to even), like Go's
 * `amount.String` parsed back to float64.
 *
 * @example
 * stroopsToFloat(9007199254740993n); // 900719925.4740993
 */
export function stroopsToFloat(v: bigint): number {
  if (v <= TWO_53 && v >= -TWO_53) return Number(v) / 1e7;
  return Number.parseFloat(stroopsToFixed7(v));
}

/** Exact decimal of `v / 10^7` with exactly seven fractional digits (`"-0.0000001"`). */
export function stroopsToFixed7(v: bigint): string {
  if (v < TWO_53 && v > -TWO_53) return fixed7(Number(v));
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const whole = abs / TEN_7;
  const frac = (abs % TEN_7).toString().padStart(7, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

/** {@link stroopsToFixed7} of an integer of magnitude below 2^53, in double arithmetic. */
function fixed7(v: number): string {
  const abs = Math.abs(v);
  let whole = Math.floor(abs / 1e7);
  let frac = abs - whole * 1e7;
  // The division rounds; its remainder tells which way.
  if (frac < 0) {
    whole--;
    frac += 1e7;
  } else if (frac >= 1e7) {
    whole++;
    frac -= 1e7;
  }
  return `${v < 0 ? '-' : ''}${whole}.${String(frac).padStart(7, '0')}`;
}

/** Signed 128-bit integer from its XDR parts (`hi` signed, `lo` unsigned). */
export function int128(hi: bigint, lo: bigint): bigint {
  return (BigInt.asIntN(64, hi) << 64n) | BigInt.asUintN(64, lo);
}

/** 7-dp amount string of a signed 128-bit integer given as `hi` (signed) and `lo` (unsigned). */
export function int128ToFixed7(hi: bigint, lo: bigint): string {
  return stroopsToFixed7(int128(hi, lo));
}

/**
 * A price `n / d` as stellar-etl prints it: the exact quotient rounded to seven decimals with
 * halves away from zero, then parsed as a double.
 *
 * @example
 * priceToFloat(1, 10000000); // 1e-7
 */
export function priceToFloat(n: number, d: number): number {
  return Number.parseFloat(priceToFixed7(n, d));
}

/**
 * `n / d` rounded to seven decimals, halves away from zero, as text — Go's
 * `big.NewRat(n, d).FloatString(7)`. Like Go, a negative non-integral quotient keeps its sign even
 * when it rounds to zero (`"-0.0000000"`, which parses to `-0`).
 */
export function priceToFixed7(n: number, d: number): string {
  if (d === 0) {
    throw new ExtractError('INVALID_VALUE', `price ${n}/${d} has a zero denominator`, { field: 'price' });
  }
  const absN = Math.abs(n);
  const absD = Math.abs(d);
  // Integers below 2^53 are exact as doubles: |n| · 10^7 stays below that for |n| < 2^29.
  if (absN < 2 ** 29 && Number.isInteger(n) && Number.isInteger(d)) {
    const scaled = absN * 1e7;
    let q = Math.floor(scaled / absD);
    let r = scaled - q * absD;
    // The division rounds; its remainder tells which way, and fixes the quotient.
    if (r < 0) {
      q--;
      r += absD;
    } else if (r >= absD) {
      q++;
      r -= absD;
    }
    if (r * 2 >= absD) q++;
    const text = fixed7(q);
    return n !== 0 && n < 0 !== d < 0 ? `-${text}` : text;
  }
  let num = BigInt(n);
  let den = BigInt(d);
  const neg = num < 0n !== den < 0n && num !== 0n;
  if (num < 0n) num = -num;
  if (den < 0n) den = -den;
  const scaled = num * TEN_7;
  let q = scaled / den;
  const r = scaled % den;
  if (r * 2n >= den) q += 1n;
  const text = stroopsToFixed7(q);
  return neg ? `-${text}` : text;
}
