/**
 * Hashing and byte encodings: sha256, hex, base64, network ids and transaction hashes.
 */
import * as crypto from 'node:crypto';
import { ExtractError } from './errors.js';
import type * as X from './xdr/types.js';

type OneShotHash = (algorithm: string, data: Uint8Array, outputEncoding: 'hex' | 'latin1') => string;

/**
 * Node's one-shot `crypto.hash` (Node ≥ 20.12), several times cheaper than `createHash` for the
 * short inputs hashed here; undefined on older runtimes, which take the `createHash` path.
 */
const oneShot = (crypto as { hash?: OneShotHash }).hash;

/** The parts laid out one after another at the start of `into`, as a view of that span. */
function layOut(parts: readonly Uint8Array[], into: Uint8Array): Uint8Array {
  let o = 0;
  for (const p of parts) {
    into.set(p, o);
    o += p.length;
  }
  return into.subarray(0, o);
}

const totalLength = (parts: readonly Uint8Array[]): number => parts.reduce((n, p) => n + p.length, 0);

function joined(parts: readonly Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0]! : layOut(parts, new Uint8Array(totalLength(parts)));
}

/** sha256 of one or more byte arrays (hashed as their concatenation). */
export function sha256(...parts: Uint8Array[]): Uint8Array {
  if (oneShot === undefined) {
    const h = crypto.createHash('sha256');
    for (const p of parts) h.update(p);
    return new Uint8Array(h.digest());
  }
  // The latin1 text of the digest holds one byte per character: cheaper than a Buffer result.
  const text = oneShot('sha256', joined(parts), 'latin1');
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Lowercase hex of the sha256 of one or more byte arrays (hashed as their concatenation). */
export function sha256Hex(...parts: Uint8Array[]): string {
  return oneShot === undefined ? hex(sha256(...parts)) : oneShot('sha256', joined(parts), 'hex');
}

type Slice = (this: Uint8Array, start: number, end: number) => string;
const proto = Buffer.prototype as unknown as { hexSlice?: Slice; base64Slice?: Slice; latin1Slice?: Slice };
/** Buffer's own encoders, which accept any Uint8Array as `this` and spare a Buffer view a call. */
const hexSlice = proto.hexSlice;
const base64Slice = proto.base64Slice;
const latin1Slice = proto.latin1Slice;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Lowercase hex of bytes. */
export function hex(bytes: Uint8Array): string {
  return hexSlice === undefined ? asBuffer(bytes).toString('hex') : hexSlice.call(bytes, 0, bytes.length);
}

/** The bytes as a string of one character per byte (latin1), e.g. as a Map key. */
export function latin1(bytes: Uint8Array, end = bytes.length): string {
  return latin1Slice === undefined ? asBuffer(bytes).toString('latin1', 0, end) : latin1Slice.call(bytes, 0, end);
}

/** Standard (padded) base64 of bytes. */
export function base64(bytes: Uint8Array): string {
  return base64Slice === undefined ? asBuffer(bytes).toString('base64') : base64Slice.call(bytes, 0, bytes.length);
}

/** Network ids computed so far, by passphrase (a process sees one or two networks). */
const networkIds = new Map<string, Uint8Array>();

/** The network id: sha256 of the network passphrase (UTF-8). */
export function networkId(passphrase: string): Uint8Array {
  let id = networkIds.get(passphrase);
  if (id === undefined) {
    id = sha256(new TextEncoder().encode(passphrase));
    if (networkIds.size >= 16) networkIds.clear();
    networkIds.set(passphrase, id);
  }
  // A copy: the caller may write to it.
  return id.slice();
}

/** `ENVELOPE_TYPE_TX` as 4 big-endian bytes, followed by `KEY_TYPE_ED25519` (0). */
const TAG_TX = new Uint8Array([0, 0, 0, 2]);
const TAG_TX_FEE_BUMP = new Uint8Array([0, 0, 0, 5]);
const KEY_TYPE_ED25519 = new Uint8Array([0, 0, 0, 0]);

type Ranged = { $start: number; $end: number };

function range(bytes: Uint8Array, v: unknown, what: string): Uint8Array {
  const r = v as Partial<Ranged> | null | undefined;
  if (!r || typeof r.$start !== 'number' || typeof r.$end !== 'number') {
    throw new ExtractError('INVALID_VALUE', `${what} carries no byte range; it must come from decode()`);
  }
  return bytes.subarray(r.$start, r.$end);
}

/**
 * The hash stellar-core gives a transaction: sha256 of the XDR `TransactionSignaturePayload`
 * `{networkId, taggedTransaction}`. V1 envelopes are tagged `ENVELOPE_TYPE_TX`, fee bumps
 * `ENVELOPE_TYPE_TX_FEE_BUMP` with the outer transaction; V0 envelopes are hashed as the equivalent
 * V1 transaction (ed25519 source, PRECOND_TIME or PRECOND_NONE), whose XDR is exactly the V0 XDR
 * preceded by the 4-byte key type `KEY_TYPE_ED25519`.
 *
 * @param envelope a decoded envelope (its transactions carry `$start`/`$end`)
 * @param bytes the buffer the envelope was decoded from
 * @param netId {@link networkId} of the passphrase
 */
export function transactionHash(envelope: X.TransactionEnvelope, bytes: Uint8Array, netId: Uint8Array): Uint8Array {
  return sha256(...signaturePayload(envelope, bytes, netId));
}

/**
 * {@link transactionHash} of each envelope, as lowercase hex. The payloads are laid out in one
 * buffer in turn, so no buffer is allocated per transaction.
 */
export function transactionHashesHex(envelopes: readonly X.TransactionEnvelope[], bytes: Uint8Array, netId: Uint8Array): string[] {
  const payloads = envelopes.map((e) => signaturePayload(e, bytes, netId));
  if (oneShot === undefined) return payloads.map((parts) => hex(sha256(...parts)));
  const scratch = new Uint8Array(payloads.reduce((m, parts) => Math.max(m, totalLength(parts)), 0));
  return payloads.map((parts) => oneShot('sha256', layOut(parts, scratch), 'hex'));
}

/** The parts of the XDR `TransactionSignaturePayload` of an envelope, in order. */
function signaturePayload(envelope: X.TransactionEnvelope, bytes: Uint8Array, netId: Uint8Array): Uint8Array[] {
  const e = envelope as unknown as { type: number; v0?: { tx: unknown }; v1?: { tx: unknown }; feeBump?: { tx: unknown } };
  switch (e.type) {
    case 0:
      return [netId, TAG_TX, KEY_TYPE_ED25519, range(bytes, e.v0!.tx, 'TransactionV0')];
    case 2:
      return [netId, TAG_TX, range(bytes, e.v1!.tx, 'Transaction')];
    case 5:
      return [netId, TAG_TX_FEE_BUMP, range(bytes, e.feeBump!.tx, 'FeeBumpTransaction')];
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown TransactionEnvelope type ${e.type}`, { field: 'TransactionEnvelope' });
  }
}
