/**
 * What every operation's `details` builder receives, and the small blocks stellar-etl reuses across
 * operation types (accounts with their muxed parts, prices, results of successful transactions).
 */
import { priceToFloat } from '../amounts.js';
import type { LedgerContext, TxContext } from '../context.js';
import { ExtractError } from '../errors.js';
import type { JsonObject } from '../schema/index.js';
import { muxedAccountParts } from '../strkey.js';
import type * as X from '../xdr/types.js';
import { operationChanges, type EntryChange } from './changes.js';

/** One operation in its transaction and ledger. */
export interface OpInput {
  readonly ctx: LedgerContext;
  readonly tx: TxContext;
  readonly op: X.Operation;
  /** 0-based position of the operation in its transaction. */
  readonly index: number;
  /** The operation's source account, or the transaction's when the operation has none. */
  readonly source: X.MuxedAccount;
  /** The operation's paired, unsorted meta changes (empty for failed transactions); computed once. */
  changes(): readonly EntryChange[];
}

/** Builds the {@link OpInput} of operation `index` of `tx`. */
export function opInput(ctx: LedgerContext, tx: TxContext, index: number): OpInput {
  const op = tx.inner.operations[index]!;
  let cached: readonly EntryChange[] | null = null;
  return {
    ctx,
    tx,
    op,
    index,
    source: op.sourceAccount ?? tx.inner.sourceAccount,
    changes: () => (cached ??= operationChanges(ctx, tx, index)),
  };
}

/** The error location of an operation, for {@link ExtractError}s. */
export function opLocation(input: OpInput, field?: string): { ledger: number; transaction: number; operation: number; field?: string } {
  const loc = { ledger: input.ctx.sequence, transaction: input.tx.index, operation: input.index + 1 };
  return field === undefined ? loc : { ...loc, field };
}

/**
 * ACCT block: `p` = G-address; for muxed accounts also `p_muxed` (M-address) and `p_muxed_id`
 * (uint64).
 */
export function addAccount(out: JsonObject, prefix: string, account: X.MuxedAccount): void {
  const parts = muxedAccountParts(account);
  out[prefix] = parts.address;
  if (parts.muxed !== null && parts.muxedId !== null) {
    out[`${prefix}_muxed`] = parts.muxed;
    out[`${prefix}_muxed_id`] = BigInt.asUintN(64, parts.muxedId);
  }
}

/**
 * PRICE block: `p_price` (7-dp rounded, as a double) and `p_price_r` = `{n, d}` unreduced. Like
 * stellar-etl, a price that is zero, negative or has a zero denominator cannot be written.
 */
export function addPrice(out: JsonObject, prefix: string, price: X.Price): void {
  if (price.n <= 0 || price.d <= 0) {
    throw new ExtractError('INVALID_VALUE', `invalid price ${price.n}/${price.d}: numerator and denominator must be positive`, { field: 'Price' });
  }
  const p = prefix === '' ? '' : `${prefix}_`;
  out[`${p}price`] = priceToFloat(price.n, price.d);
  out[`${p}price_r`] = { n: price.n, d: price.d };
}

/**
 * The inner result (`tr`) of the operation in a successful transaction: stellar-etl reads result
 * amounts only then, and fails when they are missing.
 */
export function successfulResult(input: OpInput): X.OperationResultTr {
  const r = input.tx.opResults?.[input.index];
  if (r === undefined || r.type !== 0) {
    throw new ExtractError('INVALID_VALUE', 'the transaction succeeded but the operation has no inner result', opLocation(input, 'OperationResult'));
  }
  return r.tr;
}

/** Whether two assets are the same (type, code bytes and issuer). */
export function sameAsset(a: X.Asset, b: X.Asset): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 0) return true;
  const x = a.type === 1 ? a.alphaNum4 : (a as { alphaNum12: X.AlphaNum12 }).alphaNum12;
  const y = b.type === 1 ? (b as { alphaNum4: X.AlphaNum4 }).alphaNum4 : (b as { alphaNum12: X.AlphaNum12 }).alphaNum12;
  return bytesEqual(x.assetCode, y.assetCode) && bytesEqual(x.issuer.ed25519, y.issuer.ed25519);
}

/** Byte-wise equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
