import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { xdr as sb } from '@stellar/stellar-base';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../src/errors.js';
import { decode, decodeAt, decodeLazy, encode, enumNames, rawArm, xdrBytes } from '../../src/xdr/index.js';
import type * as X from '../../src/xdr/types.js';
import { fixturesDir, haveFixtures } from '../fixtures.js';

const present = haveFixtures();

/** Every object reachable from `value` (byte views and bigints are leaves), depth first. */
function* objectsIn(value: unknown): Generator<object> {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return;
  yield value;
  for (const v of Array.isArray(value) ? value : Object.values(value)) yield* objectsIn(v);
}

/** The arm name of each lazily decoded LedgerEntryData kind. */
const LAZY_ARM: Record<number, string> = { 0: 'account', 1: 'trustLine', 2: 'offer', 3: 'data', 6: 'contractData', 7: 'contractCode', 8: 'configSetting', 9: 'ttl' };

/** The thrown error of `f`. */
function thrown(f: () => unknown): ExtractError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ExtractError);
    return e as ExtractError;
  }
  throw new Error('expected an error');
}
const ledgerDir = join(fixturesDir, 'ledgers');
const files = present
  ? [
      ...readdirSync(ledgerDir).map((f) => join(ledgerDir, f)),
      join(fixturesDir, 'modern', 'pubnet-53312000', '53312000.xdr'),
      join(fixturesDir, 'modern', 'testnet-982180', '982180.xdr'),
    ]
  : [];

describe.skipIf(!present)('generated XDR codec', () => {
  it.each(files)('round-trips %s byte for byte', (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const lcm = decode.LedgerCloseMeta(bytes);
    expect(Buffer.from(encode.LedgerCloseMeta(lcm)).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(files)('records the exact byte ranges of ranged values in %s', (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const lcm = decode.LedgerCloseMeta(bytes);
    const ref = sb.LedgerCloseMeta.fromXDR(Buffer.from(bytes));
    const body = (lcm as unknown as Record<string, { ledgerHeader: { header: object }; txProcessing: { result: { result: object }; txApplyProcessing: object }[] }>)[
      `v${lcm.type}`
    ]!;
    const refBody = ref.value() as sb.LedgerCloseMetaV0;
    const header = body.ledgerHeader.header;
    expect(Buffer.from(xdrBytes(bytes, header)).equals(refBody.ledgerHeader().header().toXDR())).toBe(true);
    const refTxp = refBody.txProcessing();
    body.txProcessing.forEach((tp, i) => {
      expect(Buffer.from(xdrBytes(bytes, tp.result.result)).equals(refTxp[i]!.result().result().toXDR())).toBe(true);
      expect(Buffer.from(xdrBytes(bytes, tp.txApplyProcessing)).equals(refTxp[i]!.txApplyProcessing().toXDR())).toBe(true);
    });
  });

  it.each(files)('decodeLazy defers the entries no table reads in %s, and they decode as the eager decoder does', (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const lazy = decodeLazy.LedgerCloseMeta(bytes);
    const deferred = [...objectsIn(lazy)].filter((o) => Object.getPrototypeOf(o) !== Object.prototype && !Array.isArray(o));
    const eagerEntries = [...objectsIn(decode.LedgerCloseMeta(bytes))].filter((o): o is X.LedgerEntry => '$start' in o && 'lastModifiedLedgerSeq' in o);
    const kinds = eagerEntries.map((e) => e.data.type).filter((t) => LAZY_ARM[t] !== undefined);
    // Nothing but those entries is deferred, and every one of them is.
    expect(deferred.map((o) => (o as { type: number }).type).sort()).toEqual(kinds.sort());
    for (const o of deferred) expect(Object.keys(o)).toEqual(['type']);
    // rawArm gives each deferred arm's bytes as they are, before the arm is read.
    const raws = deferred.map((o) => rawArm(o)!);
    deferred.forEach((o, i) => {
      expect(Buffer.from(encode.LedgerEntryData(o as X.LedgerEntryData)).subarray(4).equals(Buffer.from(raws[i]!))).toBe(true);
    });
    expect(rawArm({ type: 0 })).toBeUndefined();
    // Reading the arms (the encoder reads every field) gives back the input, byte for byte.
    expect(Buffer.from(encode.LedgerCloseMeta(lazy)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('decodeLazy checks a skipped entry as strictly as the eager decoder', () => {
    const file = files.find((f) => f.includes('53312000'))!;
    const bytes = new Uint8Array(readFileSync(file));
    const trustline = [...objectsIn(decode.LedgerCloseMeta(bytes))].find(
      (o): o is X.LedgerEntry => '$start' in o && 'lastModifiedLedgerSeq' in o && (o as X.LedgerEntry).data.type === 1,
    )!;
    // LedgerEntry: lastModifiedLedgerSeq, LedgerEntryData arm, PublicKey (type + 32 bytes), then the
    // TrustLineAsset discriminant.
    const assetAt = trustline.$start! + 4 + 4 + 36;
    const bad = bytes.slice();
    new DataView(bad.buffer).setInt32(assetAt, 9);
    const eager = thrown(() => decode.LedgerCloseMeta(bad));
    expect(eager.code).toBe('XDR_UNKNOWN_ARM');
    expect(thrown(() => decodeLazy.LedgerCloseMeta(bad)).message).toBe(eager.message);
    const cut = bytes.subarray(0, assetAt + 2);
    const truncated = thrown(() => decode.LedgerCloseMeta(cut));
    expect(truncated.code).toBe('XDR_TRUNCATED');
    expect(thrown(() => decodeLazy.LedgerCloseMeta(cut)).message).toBe(truncated.message);
  });

  it('decodes values the same way stellar-base does', () => {
    const bytes = new Uint8Array(readFileSync(files[0]!));
    const lcm = decode.LedgerCloseMeta(bytes);
    const ref = sb.LedgerCloseMeta.fromXDR(Buffer.from(bytes));
    expect(lcm.type).toBe(0);
    if (lcm.type !== 0) return;
    const h = lcm.v0.ledgerHeader.header;
    const rh = ref.v0().ledgerHeader().header();
    expect(h.ledgerSeq).toBe(rh.ledgerSeq());
    expect(h.totalCoins).toBe(BigInt(rh.totalCoins().toString()));
    expect(Buffer.from(h.previousLedgerHash).equals(rh.previousLedgerHash())).toBe(true);
    const env = lcm.v0.txSet.txes[0]!;
    const renv = ref.v0().txSet().txes()[0]!;
    expect(env.type).toBe(renv.switch().value);
    expect(enumNames.EnvelopeType![env.type]).toBe(renv.switch().name);
  });

  it('decodeAt returns the offset just past the value', () => {
    const bytes = new Uint8Array(readFileSync(files[0]!));
    const [v, end] = decodeAt.LedgerHeaderHistoryEntry(bytes, 4);
    expect(end).toBe(4 + encode.LedgerHeaderHistoryEntry(v).length);
  });

  it('rejects truncated input with a typed error naming the type and offset', () => {
    const bytes = new Uint8Array(readFileSync(files[0]!));
    for (const cut of [0, 3, 100, bytes.length - 1]) {
      let err: unknown;
      try {
        decode.LedgerCloseMeta(bytes.subarray(0, cut));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ExtractError);
      expect((err as ExtractError).code).toBe('XDR_TRUNCATED');
      expect((err as ExtractError).message).toMatch(/LedgerCloseMeta at byte \d+/);
    }
  });

  it('rejects an unknown union arm and trailing bytes', () => {
    const bad = new Uint8Array([0, 0, 0, 9]);
    expect(() => decode.LedgerCloseMeta(bad)).toThrow(expect.objectContaining({ code: 'XDR_UNKNOWN_ARM' }));
    const bytes = new Uint8Array(readFileSync(files[0]!));
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expect(() => decode.LedgerCloseMeta(longer)).toThrow(expect.objectContaining({ code: 'XDR_TRAILING_BYTES' }));
  });

  it('encodes a LedgerKey exactly as stellar-base does', () => {
    const key = new Uint8Array(32).fill(7);
    const ours = encode.LedgerKey({ type: 0, account: { accountId: { type: 0, ed25519: key } } });
    const ref = sb.LedgerKey.account(new sb.LedgerKeyAccount({ accountId: sb.PublicKey.publicKeyTypeEd25519(Buffer.from(key)) })).toXDR();
    expect(Buffer.from(ours).equals(ref)).toBe(true);
  });
});
