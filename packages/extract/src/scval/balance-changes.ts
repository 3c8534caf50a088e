/**
 * `asset_balance_changes` of invoke_contract operations: Stellar Asset Contract transfer / mint /
 * clawback / burn events found in the transaction's diagnostic events.
 */
import { int128ToFixed7 } from '../amounts.js';
import { assetParts } from '../assets.js';
import { sha256 } from '../hash.js';
import type { JsonObject } from '../schema/index.js';
import { crc16Xmodem, scAddressString } from '../strkey.js';
import { encode } from '../xdr/index.js';
import type * as X from '../xdr/types.js';

const CONTRACT_EVENT = 1;

/**
 * The diagnostic events stellar-etl reads: meta v3 `sorobanMeta.diagnosticEvents`, meta v4
 * `diagnosticEvents`; none for older metas.
 */
export function diagnosticEvents(meta: X.TransactionMeta): readonly X.DiagnosticEvent[] {
  if (meta.type === 3) return meta.v3.sorobanMeta?.diagnosticEvents ?? [];
  if (meta.type === 4) return meta.v4.diagnosticEvents;
  return [];
}

/** The contract id of the Stellar Asset Contract of `asset` on the network `networkId`. */
export function sacContractId(asset: X.Asset, networkId: Uint8Array): Uint8Array {
  return sha256(encode.HashIdPreimage({ type: 8, contractId: { networkId, contractIdPreimage: { type: 1, fromAsset: asset } } }));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const STRKEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function decodeAccountStrkey(s: string): Uint8Array | null {
  if (s.length !== 56 || s[0] !== 'G') return null;
  let buffer = 0;
  let bits = 0;
  const out: number[] = [];
  for (const ch of s) {
    const v = STRKEY_ALPHABET.indexOf(ch);
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

/** Parses `native` or `CODE:ISSUER` (code of 1..12 bytes) into an Asset, or null. */
export function parseCanonicalAsset(bytes: Uint8Array): X.Asset | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  if (text === 'native') return { type: 0 };
  const parts = text.split(':');
  if (parts.length !== 2) return null;
  const code = new TextEncoder().encode(parts[0]!);
  const key = decodeAccountStrkey(parts[1]!);
  if (key === null || code.length === 0 || code.length > 12) return null;
  const issuer: X.PublicKey = { type: 0, ed25519: key };
  if (code.length <= 4) {
    const c = new Uint8Array(4);
    c.set(code);
    return { type: 1, alphaNum4: { assetCode: c, issuer } };
  }
  const c = new Uint8Array(12);
  c.set(code);
  return { type: 2, alphaNum12: { assetCode: c, issuer } };
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function address(v: X.ScVal | undefined): string | null {
  return v !== undefined && v.type === 18 ? scAddressString(v.address) : null;
}

function entry(type: string, asset: X.Asset, amount: X.Int128Parts, from: string | null, to: string | null): JsonObject {
  const out: JsonObject = { type, amount: int128ToFixed7(amount.hi, amount.lo) };
  if (from !== null) out.from = from;
  if (to !== null) out.to = to;
  const p = assetParts(asset);
  out.asset_type = p.type;
  if (p.type !== 'native') {
    out.asset_code = p.code;
    out.asset_issuer = p.issuer;
  }
  return out;
}

/** One balance-change entry for a SAC event, or null when the event is not one. */
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
  if (data.type !== 10) return null;
  const amount = data.i128;
  switch (fn) {
    case 'transfer': {
      if (topics.length !== 4) return null;
      const from = address(topics[1]);
      const to = address(topics[2]);
      return from === null || to === null ? null : entry('transfer', asset, amount, from, to);
    }
    case 'mint': {
      if (topics.length !== 4) return null;
      const admin = address(topics[1]);
      const to = address(topics[2]);
      return admin === null || to === null ? null : entry('mint', asset, amount, null, to);
    }
    case 'clawback': {
      if (topics.length !== 4) return null;
      const admin = address(topics[1]);
      const from = address(topics[2]);
      return admin === null || from === null ? null : entry('clawback', asset, amount, from, null);
    }
    default: {
      if (topics.length !== 3) return null;
      const from = address(topics[1]);
      return from === null ? null : entry('burn', asset, amount, from, null);
    }
  }
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
