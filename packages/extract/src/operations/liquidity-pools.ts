/**
 * Details of liquidity_pool_deposit and liquidity_pool_withdraw, with the reserve and share deltas
 * read from the operation's pool change.
 */
import { stroopsToFloat } from '../amounts.js';
import { addAssetFields } from '../assets.js';
import { ExtractError } from '../errors.js';
import { hex } from '../hash.js';
import type { JsonObject } from '../schema/index.js';
import { poolIdStrkey } from '../strkey.js';
import type * as X from '../xdr/types.js';
import { firstInKeyOrder, type EntryChange } from './changes.js';
import { addPrice, bytesEqual, opLocation, type OpInput } from './common.js';

/** Reserve and share changes of a pool, `post − pre` (a missing side counts as zero). */
export interface PoolDelta {
  /** The pool's parameters (from `post`, else `pre`). */
  readonly params: X.LiquidityPoolConstantProductParameters;
  readonly reserveA: bigint;
  readonly reserveB: bigint;
  readonly totalPoolShares: bigint;
}

const NATIVE: X.Asset = { type: 0 };

function constantProduct(input: OpInput, entry: X.LedgerEntry): X.LiquidityPoolEntryConstantProduct {
  const lp = (entry.data as { liquidityPool: X.LiquidityPoolEntry }).liquidityPool;
  if (lp.body.type !== 0) {
    throw new ExtractError('INVALID_VALUE', `unexpected liquidity pool body type ${(lp.body as { type: number }).type}`, opLocation(input, 'LiquidityPoolEntry'));
  }
  return lp.body.constantProduct;
}

function poolIdOf(entry: X.LedgerEntry): Uint8Array {
  return (entry.data as { liquidityPool: X.LiquidityPoolEntry }).liquidityPool.liquidityPoolId;
}

/**
 * The delta of pool `poolId` in the operation's changes: the first LIQUIDITY_POOL change (in
 * LedgerKey order) whose entries belong to that pool. Missing → error, as in stellar-etl.
 */
export function poolDelta(input: OpInput, poolId: Uint8Array): PoolDelta {
  const delta = firstInKeyOrder(input.changes(), (c: EntryChange): PoolDelta | null => {
    if (c.entryType !== 5) return null;
    if (c.pre !== null && !bytesEqual(poolIdOf(c.pre), poolId)) return null;
    if (c.post !== null && !bytesEqual(poolIdOf(c.post), poolId)) return null;
    const pre = c.pre === null ? null : constantProduct(input, c.pre);
    const post = c.post === null ? null : constantProduct(input, c.post);
    const params = (post ?? pre)!.params;
    return {
      params,
      reserveA: BigInt.asIntN(64, (post?.reserveA ?? 0n) - (pre?.reserveA ?? 0n)),
      reserveB: BigInt.asIntN(64, (post?.reserveB ?? 0n) - (pre?.reserveB ?? 0n)),
      totalPoolShares: BigInt.asIntN(64, (post?.totalPoolShares ?? 0n) - (pre?.totalPoolShares ?? 0n)),
    };
  });
  if (delta === null) throw new ExtractError('INVALID_VALUE', 'liquidity pool change not found', opLocation(input, 'OperationMeta'));
  return delta;
}

function addPoolId(out: JsonObject, poolId: Uint8Array): void {
  out.liquidity_pool_id = hex(poolId);
  out.liquidity_pool_id_strkey = poolIdStrkey(poolId);
}

/**
 * liquidity_pool_deposit. Failed transactions have no pool change: both reserves are then shown as
 * the native asset with zero amounts.
 */
export function liquidityPoolDepositDetails(input: OpInput, op: X.LiquidityPoolDepositOp): JsonObject {
  const out: JsonObject = {};
  addPoolId(out, op.liquidityPoolId);
  let assetA = NATIVE;
  let assetB = NATIVE;
  let depositA = 0n;
  let depositB = 0n;
  let shares = 0n;
  if (input.tx.successful) {
    const d = poolDelta(input, op.liquidityPoolId);
    assetA = d.params.assetA;
    assetB = d.params.assetB;
    depositA = d.reserveA;
    depositB = d.reserveB;
    shares = d.totalPoolShares;
  }
  addAssetFields(out, 'reserve_a', assetA);
  out.reserve_a_max_amount = stroopsToFloat(op.maxAmountA);
  out.reserve_a_deposit_amount = stroopsToFloat(depositA);
  addAssetFields(out, 'reserve_b', assetB);
  out.reserve_b_max_amount = stroopsToFloat(op.maxAmountB);
  out.reserve_b_deposit_amount = stroopsToFloat(depositB);
  addPrice(out, 'min', op.minPrice);
  addPrice(out, 'max', op.maxPrice);
  out.shares_received = stroopsToFloat(shares);
  return out;
}

/** liquidity_pool_withdraw; failed transactions show native reserves and zero amounts. */
export function liquidityPoolWithdrawDetails(input: OpInput, op: X.LiquidityPoolWithdrawOp): JsonObject {
  const out: JsonObject = {};
  addPoolId(out, op.liquidityPoolId);
  let assetA = NATIVE;
  let assetB = NATIVE;
  let receivedA = 0n;
  let receivedB = 0n;
  if (input.tx.successful) {
    const d = poolDelta(input, op.liquidityPoolId);
    assetA = d.params.assetA;
    assetB = d.params.assetB;
    receivedA = BigInt.asIntN(64, -d.reserveA);
    receivedB = BigInt.asIntN(64, -d.reserveB);
  }
  addAssetFields(out, 'reserve_a', assetA);
  out.reserve_a_min_amount = stroopsToFloat(op.minAmountA);
  out.reserve_a_withdraw_amount = stroopsToFloat(receivedA);
  addAssetFields(out, 'reserve_b', assetB);
  out.reserve_b_min_amount = stroopsToFloat(op.minAmountB);
  out.reserve_b_withdraw_amount = stroopsToFloat(receivedB);
  out.shares = stroopsToFloat(op.amount);
  return out;
}
