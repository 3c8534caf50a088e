/**
 * Details of payment-like operations: payment, path payments (strict receive / strict send) and
 * clawback.
 */
import { stroopsToFixed7, stroopsToFloat } from '../amounts.js';
import { addAssetFields, assetParts } from '../assets.js';
import { ExtractError } from '../errors.js';
import type { JsonObject, JsonValue } from '../schema/index.js';
import type * as X from '../xdr/types.js';
import { addAccount, opLocation, sameAsset, successfulResult, type OpInput } from './common.js';

/** `"0.0000000"`: what stellar-etl writes for result amounts of failed path payments. */
const ZERO_AMOUNT = stroopsToFixed7(0n);

/** payment: ACCT(from), ACCT(to), amount, ASSET. */
export function paymentDetails(input: OpInput, op: X.PaymentOp): JsonObject {
  const out: JsonObject = {};
  addAccount(out, 'from', input.source);
  addAccount(out, 'to', op.destination);
  out.amount = stroopsToFloat(op.amount);
  addAssetFields(out, '', op.asset);
  return out;
}

/** PATH: null when empty, else `{asset_code, asset_issuer, asset_type}` per hop (no asset_id). */
export function pathJson(path: readonly X.Asset[]): JsonValue {
  if (path.length === 0) return null;
  return path.map((a) => {
    const p = assetParts(a);
    return { asset_code: p.code, asset_issuer: p.issuer, asset_type: p.type };
  });
}

function claimAtomBought(atom: X.ClaimAtom): { asset: X.Asset; amount: bigint } {
  switch (atom.type) {
    case 0:
      return { asset: atom.v0.assetBought, amount: atom.v0.amountBought };
    case 1:
      return { asset: atom.orderBook.assetBought, amount: atom.orderBook.amountBought };
    case 2:
      return { asset: atom.liquidityPool.assetBought, amount: atom.liquidityPool.amountBought };
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown ClaimAtom type ${(atom as { type: number }).type}`, { field: 'ClaimAtom' });
  }
}

/**
 * The amount a successful strict-receive path payment sent: the last payment's amount when no
 * offer was crossed, else the sum bought over the leading run of offers that bought the same asset
 * as the first one (the SDK's `SendAmount`).
 */
export function strictReceiveSendAmount(success: X.PathPaymentStrictReceiveResultSuccess): bigint {
  if (success.offers.length === 0) return success.last.amount;
  const first = claimAtomBought(success.offers[0]!).asset;
  let sum = 0n;
  for (const atom of success.offers) {
    const b = claimAtomBought(atom);
    if (!sameAsset(b.asset, first)) break;
    sum += b.amount;
  }
  return BigInt.asIntN(64, sum);
}

/** path_payment_strict_receive; `source_amount` from the result when the transaction succeeded. */
export function pathPaymentStrictReceiveDetails(input: OpInput, op: X.PathPaymentStrictReceiveOp): JsonObject {
  const out: JsonObject = {};
  addAccount(out, 'from', input.source);
  addAccount(out, 'to', op.destination);
  out.amount = stroopsToFloat(op.destAmount);
  out.source_amount = ZERO_AMOUNT;
  out.source_max = stroopsToFloat(op.sendMax);
  addAssetFields(out, '', op.destAsset);
  addAssetFields(out, 'source', op.sendAsset);
  if (input.tx.successful) {
    const tr = successfulResult(input);
    if (tr.type !== 2) throw resultMismatch(input, 'PathPaymentStrictReceiveResult');
    const r = tr.pathPaymentStrictReceiveResult;
    out.source_amount = stroopsToFloat(r.type === 0 ? strictReceiveSendAmount(r.success) : 0n);
  }
  out.path = pathJson(op.path);
  return out;
}

/** path_payment_strict_send; `amount` from the result when the transaction succeeded. */
export function pathPaymentStrictSendDetails(input: OpInput, op: X.PathPaymentStrictSendOp): JsonObject {
  const out: JsonObject = {};
  addAccount(out, 'from', input.source);
  addAccount(out, 'to', op.destination);
  out.amount = ZERO_AMOUNT;
  out.source_amount = stroopsToFloat(op.sendAmount);
  out.destination_min = stroopsToFixed7(op.destMin);
  addAssetFields(out, '', op.destAsset);
  addAssetFields(out, 'source', op.sendAsset);
  if (input.tx.successful) {
    const tr = successfulResult(input);
    if (tr.type !== 13) throw resultMismatch(input, 'PathPaymentStrictSendResult');
    const r = tr.pathPaymentStrictSendResult;
    out.amount = stroopsToFloat(r.type === 0 ? r.success.last.amount : 0n);
  }
  out.path = pathJson(op.path);
  return out;
}

/** clawback: ASSET, ACCT(from), amount. */
export function clawbackDetails(_input: OpInput, op: X.ClawbackOp): JsonObject {
  const out: JsonObject = {};
  addAssetFields(out, '', op.asset);
  addAccount(out, 'from', op.from);
  out.amount = stroopsToFloat(op.amount);
  return out;
}

function resultMismatch(input: OpInput, expected: string): ExtractError {
  return new ExtractError('INVALID_VALUE', `the operation result is not a ${expected}`, opLocation(input, 'OperationResultTr'));
}
