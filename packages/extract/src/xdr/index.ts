/**
 * The XDR codec: decoders and encoders over plain objects, generated from the Stellar XDR
 * definitions (see scripts/gen-xdr.mjs for the value model).
 */
import * as codec from './generated/codec.js';
import type { Ranged, XdrTypeName, XdrTypes } from './generated/types.js';

export { enumNames } from './generated/types.js';
export type { XdrTypeName, XdrTypes } from './generated/types.js';

/** Decoders by XDR type name. `whole` (default: offset 0) requires the value to end the input. */
export const decode = codec.decode as {
  readonly [K in XdrTypeName]: (bytes: Uint8Array, offset?: number, whole?: boolean) => XdrTypes[K];
};

/**
 * Decoders that check every byte as {@link decode} does but decode ledger entries only when read:
 * in ledger entry changes, every entry but a claimable balance or a liquidity pool (accounts,
 * trustlines, offers, data, contract data and code, config settings, TTLs) is stepped over, and
 * its arm (`account`, `trustLine`, …) is a getter that decodes it on first access ({@link rawArm}
 * gives its bytes). Such objects are not plain: the arm is not an own property (it does not show
 * in `Object.keys`, `JSON.stringify` or structured clones).
 */
export const decodeLazy = codec.decodeLazy as {
  readonly LedgerCloseMeta: (bytes: Uint8Array, offset?: number, whole?: boolean) => XdrTypes['LedgerCloseMeta'];
};

/**
 * The XDR bytes of the arm of a union value that a {@link decodeLazy} decoder left undecoded (a
 * view into the input), without decoding it; `undefined` for any other value.
 */
export const rawArm = codec.rawArm as (value: unknown) => Uint8Array | undefined;

/** Decoders that also return the offset just past the value. */
export const decodeAt = codec.decodeAt as {
  readonly [K in XdrTypeName]: (bytes: Uint8Array, offset: number) => [XdrTypes[K], number];
};

/** Encoders by XDR type name: the XDR bytes of a plain value. */
export const encode = codec.encode as {
  readonly [K in XdrTypeName]: (value: XdrTypes[K]) => Uint8Array;
};

/** The exact XDR bytes of a decoded ranged value, as a view into the input it was decoded from. */
export function xdrBytes(input: Uint8Array, value: Ranged): Uint8Array {
  if (value.$start === undefined || value.$end === undefined) {
    throw new TypeError('value carries no byte range: it was not decoded from input, or its type is not ranged');
  }
  return input.subarray(value.$start, value.$end);
}
