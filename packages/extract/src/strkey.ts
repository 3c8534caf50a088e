/**
 * Stellar strkeys: `base32(version ‖ payload ‖ crc16-xmodem(version ‖ payload) little-endian)`,
 * RFC 4648 alphabet without padding.
 */
import { ExtractError } from './errors.js';
import { latin1 } from './hash.js';
import { Key32Memo } from './memo.js';
import * as X from './xdr/types.js';

/** Strkey version bytes (the first base32 character follows from `version >> 3`). */
export const StrkeyVersion = {
  /** `G…` ed25519 public key / account id. */
  account: 6 << 3,
  /** `M…` muxed account: ed25519 key ‖ uint64 id (big-endian). */
  muxedAccount: 12 << 3,
  /** `S…` ed25519 secret seed. */
  seed: 18 << 3,
  /** `T…` pre-authorized transaction hash. */
  preAuthTx: 19 << 3,
  /** `X…` hash-x signer. */
  hashX: 23 << 3,
  /** `P…` ed25519 signed payload. */
  signedPayload: 15 << 3,
  /** `C…` contract id. */
  contract: 2 << 3,
  /** `L…` liquidity pool id. */
  liquidityPool: 11 << 3,
  /** `B…` claimable balance id (payload `[type] ‖ hash`). */
  claimableBalance: 1 << 3,
} as const;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const CRC_TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 8;
    for (let j = 0; j < 8; j++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
    t[i] = c;
  }
  return t;
})();

/** CRC-16/XMODEM (poly 0x1021, init 0) of `bytes` (of its first `n` bytes when given). */
export function crc16Xmodem(bytes: Uint8Array, n = bytes.length): number {
  let crc = 0;
  for (let i = 0; i < n; i++) {
    crc = ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >>> 8) ^ bytes[i]!) & 0xff]!;
  }
  return crc;
}

const ALPHABET_CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** RFC 4648 base32 without padding. */
export function base32(bytes: Uint8Array): string {
  return base32Of(bytes, bytes.length, new Uint8Array(Math.ceil((bytes.length * 8) / 5)));
}

/** base32 of `bytes[0, n)`, its characters laid out in `out` (at least ⌈8n/5⌉ bytes long). */
function base32Of(bytes: Uint8Array, n: number, out: Uint8Array): string {
  const A = ALPHABET_CODES;
  let o = 0;
  let i = 0;
  // Whole 5-byte groups give 8 characters each.
  for (; i + 5 <= n; i += 5) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1]!;
    const b2 = bytes[i + 2]!;
    const b3 = bytes[i + 3]!;
    const b4 = bytes[i + 4]!;
    out[o++] = A[b0 >>> 3]!;
    out[o++] = A[((b0 & 7) << 2) | (b1 >>> 6)]!;
    out[o++] = A[(b1 >>> 1) & 31]!;
    out[o++] = A[((b1 & 1) << 4) | (b2 >>> 4)]!;
    out[o++] = A[((b2 & 15) << 1) | (b3 >>> 7)]!;
    out[o++] = A[(b3 >>> 2) & 31]!;
    out[o++] = A[((b3 & 3) << 3) | (b4 >>> 5)]!;
    out[o++] = A[b4 & 31]!;
  }
  let buffer = 0;
  let bits = 0;
  for (; i < n; i++) {
    buffer = ((buffer << 8) | bytes[i]!) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out[o++] = A[(buffer >>> (bits - 5)) & 31]!;
      bits -= 5;
    }
  }
  if (bits > 0) out[o++] = A[(buffer << (5 - bits)) & 31]!;
  return latin1(out, o);
}

const MAX_PAYLOAD = 100;
/**
 * Scratch space of {@link encodeStrkey}: the raw strkey (version ‖ payload ‖ crc) and its
 * characters. Used only within one synchronous call, so sharing it is safe and spares two
 * allocations per strkey (typed arrays over 64 bytes live outside V8's heap and are costly).
 */
const rawScratch = new Uint8Array(MAX_PAYLOAD + 3);
const textScratch = new Uint8Array(Math.ceil(((MAX_PAYLOAD + 3) * 8) / 5));

/**
 * Encodes a strkey from a version byte and a payload of at most 100 bytes (the limit of Go's
 * encoder, which stellar-etl relies on to print 64-byte signatures as `G…` strings).
 *
 * @example
 * encodeStrkey(StrkeyVersion.account, new Uint8Array(32)); // 'GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF'
 */
export function encodeStrkey(versionByte: number, payload: Uint8Array): string {
  const n = payload.length;
  if (n > MAX_PAYLOAD) {
    throw new ExtractError('INVALID_VALUE', `strkey payload of ${n} bytes exceeds the ${MAX_PAYLOAD}-byte limit`);
  }
  const raw = rawScratch;
  raw[0] = versionByte;
  raw.set(payload, 1);
  const crc = crc16Xmodem(raw, n + 1);
  raw[n + 1] = crc & 0xff;
  raw[n + 2] = crc >>> 8;
  return base32Of(raw, n + 3, textScratch);
}

/** `G…` address of an ed25519 public key. */
export function accountAddress(pk: X.PublicKey): string {
  return ed25519Address(pk.ed25519);
}

const accountMemo = new Key32Memo<string>();

/** `G…` address of raw ed25519 key bytes. */
export function ed25519Address(key: Uint8Array): string {
  return key.length === 32 ? accountMemo.get(key, () => encodeStrkey(StrkeyVersion.account, key)) : encodeStrkey(StrkeyVersion.account, key);
}

/** `M…` address of an ed25519 key and a 64-bit id. */
export function muxedAddress(key: Uint8Array, id: bigint): string {
  const payload = new Uint8Array(40);
  payload.set(key, 0);
  new DataView(payload.buffer).setBigUint64(32, BigInt.asUintN(64, id), false);
  return encodeStrkey(StrkeyVersion.muxedAccount, payload);
}

/**
 * Splits a MuxedAccount into its `G…` account, and (only when it is KEY_TYPE_MUXED_ED25519) its
 * `M…` address and id.
 */
export function muxedAccountParts(m: X.MuxedAccount): {
  address: string;
  muxed: string | null;
  muxedId: bigint | null;
} {
  if (m.type === X.CryptoKeyType.keyTypeMuxedEd25519) {
    const med = m.med25519;
    return { address: ed25519Address(med.ed25519), muxed: muxedAddress(med.ed25519, med.id), muxedId: med.id };
  }
  return { address: ed25519Address(m.ed25519), muxed: null, muxedId: null };
}

/** The MuxedAccount as one string: `M…` when muxed, else `G…` (Go `MuxedAccount.Address()`). */
export function muxedAccountString(m: X.MuxedAccount): string {
  const p = muxedAccountParts(m);
  return p.muxed ?? p.address;
}

/** The `G…` account of a MuxedAccount (muxed accounts reduced to their ed25519 key). */
export function muxedAccountAddress(m: X.MuxedAccount): string {
  return muxedAccountParts(m).address;
}

const contractMemo = new Key32Memo<string>();

/** `C…` address of a 32-byte contract id. */
export function contractAddress(id: Uint8Array): string {
  return id.length === 32 ? contractMemo.get(id, () => encodeStrkey(StrkeyVersion.contract, id)) : encodeStrkey(StrkeyVersion.contract, id);
}

/** `L…` strkey of a 32-byte liquidity pool id. */
export function poolIdStrkey(poolId: Uint8Array): string {
  return encodeStrkey(StrkeyVersion.liquidityPool, poolId);
}

/** `B…` strkey of a ClaimableBalanceId (payload: the one-byte id type ‖ 32-byte hash). */
export function claimableBalanceIdStrkey(id: X.ClaimableBalanceId): string {
  const payload = new Uint8Array(33);
  payload[0] = id.type;
  payload.set(id.v0, 1);
  return encodeStrkey(StrkeyVersion.claimableBalance, payload);
}

/**
 * An ScAddress as a strkey: account `G`, contract `C`, muxed account `M`, claimable balance `B`,
 * liquidity pool `L`.
 */
export function scAddressString(a: X.ScAddress): string {
  switch (a.type) {
    case X.ScAddressType.scAddressTypeAccount:
      return accountAddress(a.accountId);
    case X.ScAddressType.scAddressTypeContract:
      return contractAddress(a.contractId);
    case X.ScAddressType.scAddressTypeMuxedAccount:
      return muxedAddress(a.muxedAccount.ed25519, a.muxedAccount.id);
    case X.ScAddressType.scAddressTypeClaimableBalance:
      return claimableBalanceIdStrkey(a.claimableBalanceId);
    case X.ScAddressType.scAddressTypeLiquidityPool:
      return poolIdStrkey(a.liquidityPoolId);
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown ScAddress type ${(a as { type: number }).type}`, { field: 'ScAddress' });
  }
}

/** A SignerKey as a strkey: ed25519 `G`, pre-auth tx `T`, hash-x `X`, signed payload `P`. */
export function signerKeyString(k: X.SignerKey): string {
  switch (k.type) {
    case X.SignerKeyType.signerKeyTypeEd25519:
      return encodeStrkey(StrkeyVersion.account, k.ed25519);
    case X.SignerKeyType.signerKeyTypePreAuthTx:
      return encodeStrkey(StrkeyVersion.preAuthTx, k.preAuthTx);
    case X.SignerKeyType.signerKeyTypeHashX:
      return encodeStrkey(StrkeyVersion.hashX, k.hashX);
    case X.SignerKeyType.signerKeyTypeEd25519SignedPayload: {
      const { ed25519, payload } = k.ed25519SignedPayload;
      const padded = (payload.length + 3) & ~3;
      const out = new Uint8Array(32 + 4 + padded);
      out.set(ed25519, 0);
      new DataView(out.buffer).setUint32(32, payload.length, false);
      out.set(payload, 36);
      return encodeStrkey(StrkeyVersion.signedPayload, out);
    }
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown SignerKey type ${(k as { type: number }).type}`, { field: 'SignerKey' });
  }
}
