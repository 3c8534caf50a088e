/**
 * Assets as stellar-etl prints them: type/code/issuer strings, canonical `CODE:ISSUER` form and
 * the FarmHash `asset_id`.
 */
import { fingerprint64 } from 'farmhash-modern';
import { ExtractError } from './errors.js';
import { latin1 } from './hash.js';
import { BytesMemo, Key32Memo } from './memo.js';
import type { JsonObject } from './schema/index.js';
import { accountAddress } from './strkey.js';
import { goString } from './text.js';
import type * as X from './xdr/types.js';

/** `asset_id` of the native asset: the signed FarmHash Fingerprint64 of `"native"`. */
export const NATIVE_ASSET_ID = -5706705804583548011n;

/** The asset types stellar-etl writes. */
export type AssetTypeString = 'native' | 'credit_alphanum4' | 'credit_alphanum12' | 'liquidity_pool_shares';

const ASSET_TYPE_STRINGS: readonly AssetTypeString[] = ['native', 'credit_alphanum4', 'credit_alphanum12', 'liquidity_pool_shares'];

const utf8 = new TextEncoder();
const assetIdMemo = new BytesMemo<bigint>();

function toBytes(s: string | Uint8Array): Uint8Array {
  return typeof s === 'string' ? utf8.encode(s) : s;
}

/**
 * stellar-etl's `asset_id`: FarmHash Fingerprint64 of `code ‖ issuer ‖ type` reinterpreted as a
 * signed 64-bit integer. `code` may be given as its raw bytes (trailing NULs removed), which is
 * what Go hashes when the code is not valid UTF-8.
 *
 * @example
 * assetId('ETH', 'GCNSGHUCG5VMGLT5RIYYZSO7VQULQKAJ62QA33DBC5PPBSO57LFWVV6P', 'credit_alphanum4'); // 7801325755376418036n
 */
export function assetId(code: string | Uint8Array, issuer: string, type: string): bigint {
  const c = toBytes(code);
  return assetIdMemo.get(`${type}:${issuer}:${latin1(c)}`, () => {
    const i = toBytes(issuer);
    const t = toBytes(type);
    const buf = new Uint8Array(c.length + i.length + t.length);
    buf.set(c, 0);
    buf.set(i, c.length);
    buf.set(t, c.length + i.length);
    return BigInt.asIntN(64, fingerprint64(buf));
  });
}

/** The code bytes of an AssetCode4/12 without trailing NUL bytes (a view, not a copy). */
export function assetCodeBytes(code: Uint8Array): Uint8Array {
  let end = code.length;
  while (end > 0 && code[end - 1] === 0) end--;
  return code.subarray(0, end);
}

/** Any of Asset, TrustLineAsset, ChangeTrustAsset. */
export type AnyAsset = X.Asset | X.TrustLineAsset | X.ChangeTrustAsset;

interface CreditArm {
  assetCode: Uint8Array;
  issuer: X.PublicKey;
}

function creditArm(asset: AnyAsset): CreditArm | null {
  const a = asset as unknown as { type: number; alphaNum4?: CreditArm; alphaNum12?: CreditArm };
  if (a.type === 1) return a.alphaNum4!;
  if (a.type === 2) return a.alphaNum12!;
  return null;
}

function typeString(type: number): AssetTypeString {
  const t = ASSET_TYPE_STRINGS[type];
  if (t === undefined) throw new ExtractError('XDR_UNKNOWN_ARM', `unknown AssetType ${type}`, { field: 'Asset' });
  return t;
}

/**
 * Type, code and issuer strings of an asset (`""` for code and issuer of native and pool shares).
 *
 * @example
 * assetParts({ type: 0 }); // { type: 'native', code: '', issuer: '' }
 */
export function assetParts(asset: AnyAsset | X.AlphaNum4 | X.AlphaNum12): { type: AssetTypeString; code: string; issuer: string } {
  if (!('type' in asset)) {
    const a = asset as unknown as CreditArm;
    return { type: a.assetCode.length === 4 ? 'credit_alphanum4' : 'credit_alphanum12', code: goString(assetCodeBytes(a.assetCode)), issuer: accountAddress(a.issuer) };
  }
  const type = typeString(asset.type);
  const credit = creditArm(asset);
  if (credit === null) return { type, code: '', issuer: '' };
  return { type, code: goString(assetCodeBytes(credit.assetCode)), issuer: accountAddress(credit.issuer) };
}

/** `native` or `CODE:ISSUER` (the SDK's canonical asset string). */
export function canonicalAsset(asset: AnyAsset): string {
  const p = assetParts(asset);
  return p.type === 'native' ? 'native' : `${p.code}:${p.issuer}`;
}

/**
 * Writes the ASSET block of operation details: `p_asset_type`, and for credit assets
 * `p_asset_code`, `p_asset_issuer`; always `p_asset_id` (native: {@link NATIVE_ASSET_ID}). An empty
 * prefix writes `asset_type`, `asset_code`, ….
 */
export function addAssetFields(out: JsonObject, prefix: string, asset: X.Asset | X.TrustLineAsset | X.ChangeTrustAsset): void {
  const k = assetKeys(prefix);
  const type = typeString(asset.type);
  out[k.type] = type;
  const credit = creditArm(asset);
  if (credit === null) {
    if (asset.type !== 0) throw new ExtractError('INVALID_VALUE', 'liquidity pool shares are not an ASSET block', { field: 'Asset' });
    out[k.id] = NATIVE_ASSET_ID;
    return;
  }
  const c = creditAsset(credit, type);
  out[k.code] = c.code;
  out[k.issuer] = c.issuer;
  out[k.id] = c.id;
}

interface CreditAsset {
  code: string;
  issuer: string;
  id: bigint;
}

/** One issuer's credit assets: 4-byte codes by their bytes as one number, 12-byte codes as text. */
interface IssuerAssets {
  alphanum4: Map<number, CreditAsset>;
  alphanum12: Map<string, CreditAsset>;
}

const newIssuerAssets = (): IssuerAssets => ({ alphanum4: new Map(), alphanum12: new Map() });

/** Per issuer key: the issuer's assets. */
const creditAssetMemo = new Key32Memo<IssuerAssets>();

/** Code, issuer and asset id of a credit asset, computed once per distinct asset. */
function creditAsset(credit: CreditArm, type: AssetTypeString): CreditAsset {
  const assets = creditAssetMemo.get(credit.issuer.ed25519, newIssuerAssets);
  const code = credit.assetCode;
  if (code.length === 4) {
    const key = ((code[0]! << 24) | (code[1]! << 16) | (code[2]! << 8) | code[3]!) >>> 0;
    let c = assets.alphanum4.get(key);
    if (c === undefined) assets.alphanum4.set(key, (c = computeCreditAsset(credit, type)));
    return c;
  }
  const key = latin1(code);
  let c = assets.alphanum12.get(key);
  if (c === undefined) assets.alphanum12.set(key, (c = computeCreditAsset(credit, type)));
  return c;
}

function computeCreditAsset(credit: CreditArm, type: AssetTypeString): CreditAsset {
  const codeBytes = assetCodeBytes(credit.assetCode);
  const issuer = accountAddress(credit.issuer);
  return { code: goString(codeBytes), issuer, id: assetId(codeBytes, issuer, type) };
}

interface AssetKeys {
  type: string;
  code: string;
  issuer: string;
  id: string;
}

const assetKeyCache = new Map<string, AssetKeys>();

/** The ASSET block's key names for a prefix, built once per prefix. */
function assetKeys(prefix: string): AssetKeys {
  let k = assetKeyCache.get(prefix);
  if (k === undefined) {
    const p = prefix === '' ? '' : `${prefix}_`;
    k = { type: `${p}asset_type`, code: `${p}asset_code`, issuer: `${p}asset_issuer`, id: `${p}asset_id` };
    assetKeyCache.set(prefix, k);
  }
  return k;
}
