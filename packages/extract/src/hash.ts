/**
 * Hashing and byte encodings: sha256, hex, base64, network ids and transaction hashes.
 */
import { createHash } from 'node:crypto';
import { ExtractError } from './errors.js';
import type * as X from './xdr/types.js';

/** sha256 of one or more byte arrays (hashed as their concatenation). */
export function sha256(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Lowercase hex of bytes. */
export function hex(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('hex');
}

/** Standard (padded) base64 of bytes. */
export function base64(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('base64');
}

/** The network id: sha256 of the network passphrase (UTF-8). */
export function networkId(passphrase: string): Uint8Array {
  return sha256(new TextEncoder().encode(passphrase));
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
  const e = envelope as unknown as { type: number; v0?: { tx: unknown }; v1?: { tx: unknown }; feeBump?: { tx: unknown } };
  switch (e.type) {
    case 0:
      return sha256(netId, TAG_TX, KEY_TYPE_ED25519, range(bytes, e.v0!.tx, 'TransactionV0'));
    case 2:
      return sha256(netId, TAG_TX, range(bytes, e.v1!.tx, 'Transaction'));
    case 5:
      return sha256(netId, TAG_TX_FEE_BUMP, range(bytes, e.feeBump!.tx, 'FeeBumpTransaction'));
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown TransactionEnvelope type ${e.type}`, { field: 'TransactionEnvelope' });
  }
}
