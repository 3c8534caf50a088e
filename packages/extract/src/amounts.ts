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
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const whole = abs / TEN_7;
  const frac = (abs % TEN_7).toString().padStart(7, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
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
