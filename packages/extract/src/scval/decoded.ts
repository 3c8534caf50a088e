/**
 * ScVal → the text Go's `xdr.ScVal.String()` prints (`parameters_decoded` values), and the Go arm
 * names stellar-etl uses as parameter `type`.
 */
import { goEnumString } from '../enums.js';
import { ExtractError } from '../errors.js';
import { hex } from '../hash.js';
import { scAddressString } from '../strkey.js';
import { goString } from '../text.js';
import type * as X from '../xdr/types.js';
import { goTimeString } from './go-time.js';

/** Go arm names of the ScVal union by ScValType (void and ledger-key-contract-instance have none). */
const ARM_NAMES: readonly string[] = [
  'B', '', 'Error', 'U32', 'I32', 'U64', 'I64', 'Timepoint', 'Duration', 'U128', 'I128', 'U256', 'I256',
  'Bytes', 'Str', 'Sym', 'Vec', 'Map', 'Address', 'Instance', '', 'NonceKey',
];

/** The Go arm name of an ScVal's type, or `"n/a"` for a type Go does not know. */
export function scValTypeName(v: X.ScVal): string {
  return ARM_NAMES[v.type] ?? 'n/a';
}

function u64(x: bigint): bigint {
  return BigInt.asUintN(64, x);
}

/** Go `%X` of an int64: upper-case hex with a leading `-` for negative values. */
function goHexUpper(x: bigint): string {
  const v = BigInt.asIntN(64, x);
  return v < 0n ? `-${(-v).toString(16).toUpperCase()}` : v.toString(16).toUpperCase();
}

function scErrorString(e: X.ScError): string {
  const type = goEnumString('ScErrorType', e.type);
  if (e.type === 0) return `${type}(${e.contractCode})`;
  return `${type}(${goEnumString('ScErrorCode', (e as { code: number }).code)})`;
}

function mapString(entries: readonly X.ScMapEntry[]): string {
  return `[${entries.map((e) => `{${scValGoString(e.key)} ${scValGoString(e.val)}}`).join(' ')}]`;
}

/**
 * Go `ScVal.String()`: `true`, `(void)`, `ScErrorTypeSceWasmVm(ScErrorCodeScecArithDomain)`,
 * decimal integers, `2024-01-01 00:00:00 +0000 UTC` for timepoints, lowercase hex bytes, raw
 * strings/symbols, `[a b]` vectors, `[{k v}]` maps (`nil` when absent), strkeys for addresses,
 * wasm hash or `(StellarAssetContract)` (+ `: <map>`) for instances,
 * `(LedgerKeyContractInstance)`, `{HEX}` nonce keys.
 */
export function scValGoString(v: X.ScVal): string {
  switch (v.type) {
    case 0:
      return v.b ? 'true' : 'false';
    case 1:
      return '(void)';
    case 2:
      return scErrorString(v.error);
    case 3:
      return String(v.u32);
    case 4:
      return String(v.i32);
    case 5:
      return v.u64.toString();
    case 6:
      return v.i64.toString();
    case 7:
      return goTimeString(BigInt.asIntN(64, v.timepoint));
    case 8:
      return v.duration.toString();
    case 9:
      return ((u64(v.u128.hi) << 64n) | u64(v.u128.lo)).toString();
    case 10:
      return ((BigInt.asIntN(64, v.i128.hi) << 64n) | u64(v.i128.lo)).toString();
    case 11:
      return ((u64(v.u256.hiHi) << 192n) | (u64(v.u256.hiLo) << 128n) | (u64(v.u256.loHi) << 64n) | u64(v.u256.loLo)).toString();
    case 12:
      return ((BigInt.asIntN(64, v.i256.hiHi) << 192n) | (u64(v.i256.hiLo) << 128n) | (u64(v.i256.loHi) << 64n) | u64(v.i256.loLo)).toString();
    case 13:
      return hex(v.bytes);
    case 14:
      return goString(v.str);
    case 15:
      return goString(v.sym);
    case 16:
      return v.vec === null ? 'nil' : `[${v.vec.map(scValGoString).join(' ')}]`;
    case 17:
      return v.map === null ? 'nil' : mapString(v.map);
    case 18:
      return scAddressString(v.address);
    case 19: {
      const exe = v.instance.executable;
      let out = exe.type === 1 ? '(StellarAssetContract)' : hex(exe.wasmHash);
      const storage = v.instance.storage;
      if (storage !== null && storage.length > 0) out += `: ${mapString(storage)}`;
      return out;
    }
    case 20:
      return '(LedgerKeyContractInstance)';
    case 21:
      return `{${goHexUpper(v.nonceKey.nonce)}}`;
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown ScVal type ${(v as { type: number }).type}`, { field: 'ScVal' });
  }
}
