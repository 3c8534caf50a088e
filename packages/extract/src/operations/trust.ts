/**
 * Details of trust-line operations: change_trust, allow_trust and set_trust_line_flags.
 */
import { stroopsToFloat } from '../amounts.js';
import { addAssetFields, assetParts } from '../assets.js';
import { ExtractError } from '../errors.js';
import { hex, sha256 } from '../hash.js';
import type { JsonObject, JsonValue } from '../schema/index.js';
import { accountAddress, poolIdStrkey } from '../strkey.js';
import { encode } from '../xdr/index.js';
import type * as X from '../xdr/types.js';
import { addAccount, opLocation, type OpInput } from './common.js';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Asset order of the SDK (`Asset.LessThan`): by type, then code, then issuer. */
export function compareAssets(a: X.Asset, b: X.Asset): number {
  if (a.type !== b.type) return a.type - b.type;
  const pa = assetParts(a);
  const pb = assetParts(b);
  return compareStrings(pa.code, pb.code) || compareStrings(pa.issuer, pb.issuer);
}

/**
 * The id of a constant-product pool: sha256 of the XDR `LiquidityPoolParameters`. The assets must
 * be in order (asset B not below asset A).
 */
export function liquidityPoolId(params: X.LiquidityPoolParameters): Uint8Array {
  const cp = params.constantProduct;
  if (compareAssets(cp.assetB, cp.assetA) < 0) {
    throw new ExtractError('INVALID_VALUE', 'liquidity pool asset B sorts before asset A', { field: 'LiquidityPoolParameters' });
  }
  return sha256(encode.LiquidityPoolParameters(params));
}

/**
 * change_trust: pool-share lines give `asset_type` = `liquidity_pool_shares` and the computed pool
 * id; other lines give ASSET and `trustee` (the issuer, null for native). Then ACCT(trustor) and
 * `limit`.
 */
export function changeTrustDetails(input: OpInput, op: X.ChangeTrustOp): JsonObject {
  const out: JsonObject = {};
  const line = op.line;
  if (line.type === 3) {
    if (line.liquidityPool.type !== 0) {
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown liquidity pool type ${line.liquidityPool.type}`, opLocation(input, 'LiquidityPoolParameters'));
    }
    out.asset_type = 'liquidity_pool_shares';
    const id = liquidityPoolId(line.liquidityPool);
    out.liquidity_pool_id = hex(id);
    out.liquidity_pool_id_strkey = poolIdStrkey(id);
  } else {
    addAssetFields(out, '', line);
    out.trustee = out.asset_issuer ?? null;
  }
  addAccount(out, 'trustor', input.source);
  out.limit = stroopsToFloat(op.limit);
  return out;
}

/** allow_trust: ASSET (code + the source as issuer), ACCT(trustee), `trustor`, authorization flags. */
export function allowTrustDetails(input: OpInput, op: X.AllowTrustOp): JsonObject {
  const out: JsonObject = {};
  const src = input.source;
  const issuer: X.PublicKey = { type: 0, ed25519: src.type === 0 ? src.ed25519 : src.med25519.ed25519 };
  const asset: X.Asset =
    op.asset.type === 1
      ? { type: 1, alphaNum4: { assetCode: op.asset.assetCode4, issuer } }
      : { type: 2, alphaNum12: { assetCode: op.asset.assetCode12, issuer } };
  addAssetFields(out, '', asset);
  addAccount(out, 'trustee', src);
  out.trustor = accountAddress(op.trustor);
  out.authorize = (op.authorize & 1) !== 0;
  if ((op.authorize & 2) !== 0) out.authorize_to_maintain_liabilities = true;
  if ((op.authorize & 4) !== 0) out.clawback_enabled = true;
  return out;
}

const TRUSTLINE_FLAGS: readonly (readonly [number, string])[] = [
  [1, 'authorized'],
  [2, 'authorized_to_maintain_liabilities'],
  [4, 'clawback_enabled'],
];

/** TL_FLAGS block: `p_flags` / `p_flags_s` of the known trust-line flag bits (null when none). */
export function addTrustLineFlags(out: JsonObject, prefix: string, flags: number): void {
  const n: number[] = [];
  const s: string[] = [];
  for (const [bit, name] of TRUSTLINE_FLAGS) {
    if ((flags & bit) !== 0) {
      n.push(bit);
      s.push(name);
    }
  }
  out[`${prefix}_flags`] = n.length === 0 ? null : (n as JsonValue[]);
  out[`${prefix}_flags_s`] = s.length === 0 ? null : (s as JsonValue[]);
}

/** set_trust_line_flags: `trustor`, ASSET, TL_FLAGS(set) / TL_FLAGS(clear) when > 0. */
export function setTrustLineFlagsDetails(_input: OpInput, op: X.SetTrustLineFlagsOp): JsonObject {
  const out: JsonObject = {};
  out.trustor = accountAddress(op.trustor);
  addAssetFields(out, '', op.asset);
  if (op.setFlags > 0) addTrustLineFlags(out, 'set', op.setFlags);
  if (op.clearFlags > 0) addTrustLineFlags(out, 'clear', op.clearFlags);
  return out;
}
