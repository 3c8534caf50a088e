/**
 * `asset_balance_changes` of invoke_contract operations: Stellar Asset Contract transfer / mint /
 * clawback / burn events found in the transaction's diagnostic events.
 */
import { int128ToFixed7 } from '../amounts.js';
import { assetParts } from '../assets.js';
import { ExtractError } from '../errors.js';
import { sha256 } from '../hash.js';
import type { JsonObject } from '../schema/index.js';
import { crc16Xmodem, scAddressString } from '../strkey.js';
import { encode } from '../xdr/index.js';
import type * as X from '../xdr/types.js';

const CONTRACT_EVENT = 1;

/**
 * The diagnostic events stellar-etl reads: meta v3 `sorobanMeta.diagnosticEvents`, meta v4
 * `diagnosticEvents`; none for meta v1/v2 (v0 is an error, as in the SDK).
 */
export function diagnosticEvents(meta: X.TransactionMeta): readonly X.DiagnosticEvent[] {
  if (meta.type === 0) {
    throw new ExtractError('UNSUPPORTED', 'TransactionMeta v0 is not supported: diagnostic events cannot be read', { field: 'TransactionMeta' });
  }
  if (meta.type === 3) return meta.v3.sorobanMeta?.diagnosticEvents ?? [];
  if (meta.type === 4) return meta.v4.diagnosticEvents;
  return [];
}

/** The contract id of the Stellar Asset Contract of `asset` on the network `networkId`. */
export function sacContractId(asset: X.Asset, networkId: Uint8Array): Uint8Array {
  return sha256(encode.HashIdPreimage({ type: 8, contractId: { networkId, contractIdPreimage: { type: 1, fromAsset: asset } } }));
}

const STRKEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The ed25519 key of a valid `G…` strkey given as bytes, or null. */
function decodeAccountStrkey(s: Uint8Array): Uint8Array | null {
  if (s.length !== 56) return null;
  let buffer = 0;
  let bits = 0;
  const out: number[] = [];
  for (const c of s) {
    const v = STRKEY_ALPHABET.indexOf(String.fromCharCode(c));
    if (v < 0) return null;
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if (out.length !== 35 || out[0] !== 6 << 3) return null;
  const crc = crc16Xmodem(Uint8Array.from(out.slice(0, 33)));
  if ((crc & 0xff) !== out[33] || crc >> 8 !== out[34]) return null;
  return Uint8Array.from(out.slice(1, 33));
}

const NATIVE_TEXT = new TextEncoder().encode('native');
const COLON = 0x3a;

/**
 * Parses the SDK's canonical asset text (raw ScString bytes): `native`, or `CODE:ISSUER` with a
 * code of at most 4 bytes (alphanum4, the empty code included) or at most 12 (alphanum12).
 */
export function parseCanonicalAsset(bytes: Uint8Array): X.Asset | null {
  if (bytesEqual(bytes, NATIVE_TEXT)) return { type: 0 };
  const colon = bytes.indexOf(COLON);
  if (colon < 0 || bytes.indexOf(COLON, colon + 1) >= 0) return null;
  const code = bytes.subarray(0, colon);
  const key = decodeAccountStrkey(bytes.subarray(colon + 1));
  if (key === null || code.length > 12) return null;
  const issuer: X.PublicKey = { type: 0, ed25519: key };
  const padded = new Uint8Array(code.length <= 4 ? 4 : 12);
  padded.set(code);
  return code.length <= 4 ? { type: 1, alphaNum4: { assetCode: padded, issuer } } : { type: 2, alphaNum12: { assetCode: padded, issuer } };
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function entry(type: string, asset: X.Asset, amount: X.Int128Parts, from: string, to: string): JsonObject {
  const out: JsonObject = { type, amount: int128ToFixed7(amount.hi, amount.lo) };
  if (from !== '') out.from = from;
  if (to !== '') out.to = to;
  const p = assetParts(asset);
  out.asset_type = p.type;
  if (p.type !== 'native') {
    out.asset_code = p.code;
    out.asset_issuer = p.issuer;
  }
  return out;
}

const ZERO_AMOUNT: X.Int128Parts = { hi: 0n, lo: 0n };

/**
 * The two addresses and the amount of a transfer / mint / clawback event, as the SDK parses them:
 * exactly four topics and an address in topic 1 are required; when topic 2 is not an address, or
 * the data is not an i128, the SDK still accepts the event, with an empty second address or a
 * zero amount.
 */
function balanceChangeParts(topics: readonly X.ScVal[], data: X.ScVal): { first: string; second: string; amount: X.Int128Parts } | null {
  if (topics.length !== 4) return null;
  const t1 = topics[1]!;
  if (t1.type !== 18) return null;
  const first = scAddressString(t1.address);
  const t2 = topics[2]!;
  if (t2.type !== 18) return { first, second: '', amount: ZERO_AMOUNT };
  return { first, second: scAddressString(t2.address), amount: data.type === 10 ? data.i128 : ZERO_AMOUNT };
}

/** One balance-change entry for a Stellar Asset Contract event, or null when the event is not one. */
export function sacBalanceChange(event: X.ContractEvent, networkId: Uint8Array): JsonObject | null {
  if (event.type !== CONTRACT_EVENT || event.contractId === null || event.body.type !== 0) return null;
  const topics = event.body.v0.topics;
  const data = event.body.v0.data;
  if (topics.length <= 2) return null;
  const t0 = topics[0]!;
  if (t0.type !== 15) return null;
  const fn = new TextDecoder().decode(t0.sym);
  if (fn !== 'transfer' && fn !== 'mint' && fn !== 'clawback' && fn !== 'burn') return null;
  const last = topics[topics.length - 1]!;
  if (last.type !== 14 || last.str.length === 0) return null;
  const asset = parseCanonicalAsset(last.str);
  if (asset === null || !bytesEqual(sacContractId(asset, networkId), event.contractId)) return null;
  if (fn === 'burn') {
    const from = topics[1]!;
    if (topics.length !== 3 || from.type !== 18 || data.type !== 10) return null;
    return entry('burn', asset, data.i128, scAddressString(from.address), '');
  }
  const parts = balanceChangeParts(topics, data);
  if (parts === null) return null;
  if (fn === 'transfer') return entry('transfer', asset, parts.amount, parts.first, parts.second);
  if (fn === 'mint') return entry('mint', asset, parts.amount, '', parts.second);
  return entry('clawback', asset, parts.amount, parts.second, '');
}

/** `asset_balance_changes` of a transaction (always an array). */
export function assetBalanceChanges(meta: X.TransactionMeta, networkId: Uint8Array): JsonObject[] {
  const out: JsonObject[] = [];
  for (const d of diagnosticEvents(meta)) {
    if (!d.inSuccessfulContractCall || d.event.type !== CONTRACT_EVENT) continue;
    const e = sacBalanceChange(d.event, networkId);
    if (e !== null) out.push(e);
  }
  return out;
}
