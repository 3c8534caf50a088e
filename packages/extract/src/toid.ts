/**
 * TOIDs: the 64-bit ids stellar-etl gives ledgers, transactions and operations.
 *
 * ```text
 *  63                              32 31                  12 11          0
 * +----------------------------------+----------------------+-------------+
 * |     ledger sequence (32 bits)    | tx order (20 bits)   | op (12 bits)|
 * +----------------------------------+----------------------+-------------+
 * ```
 *
 * The ledger row uses `(seq, 0, 0)`; the transaction at 1-based application position `i` uses
 * `(seq, i, 0)`; its operation at 0-based position `k` uses `(seq, i, k + 1)`. The value is a
 * signed int64 (sequences stay below 2^31).
 */
import { ExtractError } from './errors.js';

/** Largest transaction order that fits in 20 bits. */
export const TOID_MAX_TX = 0xfffff;
/** Largest operation index that fits in 12 bits. */
export const TOID_MAX_OP = 0xfff;

/**
 * Builds a TOID.
 *
 * @example
 * toid(30822015, 0, 0); // 132379546421821440n
 */
export function toid(ledger: number, tx: number, op: number): bigint {
  if (!Number.isInteger(ledger) || ledger < 0 || ledger > 0x7fffffff) {
    throw new ExtractError('INVALID_VALUE', `ledger sequence ${ledger} does not fit a TOID (0..2^31-1)`);
  }
  if (!Number.isInteger(tx) || tx < 0 || tx > TOID_MAX_TX) {
    throw new ExtractError('INVALID_VALUE', `transaction order ${tx} does not fit a TOID (0..${TOID_MAX_TX})`, { ledger });
  }
  if (!Number.isInteger(op) || op < 0 || op > TOID_MAX_OP) {
    throw new ExtractError('INVALID_VALUE', `operation index ${op} does not fit a TOID (0..${TOID_MAX_OP})`, { ledger });
  }
  return (BigInt(ledger) << 32n) | (BigInt(tx) << 12n) | BigInt(op);
}

/** Splits a TOID into its parts. */
export function parseToid(id: bigint): { ledger: number; tx: number; op: number } {
  return {
    ledger: Number(BigInt.asIntN(64, id) >> 32n),
    tx: Number((id >> 12n) & 0xfffffn),
    op: Number(id & 0xfffn),
  };
}
