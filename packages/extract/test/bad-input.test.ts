/**
 * Bad input never yields rows: truncated or garbage bytes, a wrong network passphrase, unknown
 * union arms and inconsistent ledgers all throw an ExtractError with a stable code and, where it
 * can be read, the ledger sequence.
 */
import { describe, expect, it } from 'vitest';
import { ExtractError, StellarDucklakeError } from '../src/errors.js';
import { extractLedger } from '../src/extract-ledger.js';
import { Networks } from '../src/networks.js';
import { buildLedger, bytes32, successResult, tx, account } from './build-ledger.js';
import { haveFixtures, manifest, readFixture } from './fixtures.js';

function caught(fn: () => unknown): ExtractError {
  let result: unknown;
  let error: unknown;
  try {
    result = fn();
  } catch (e) {
    error = e;
  }
  expect(result).toBeUndefined();
  expect(error).toBeInstanceOf(ExtractError);
  expect(error).toBeInstanceOf(StellarDucklakeError);
  expect((error as ExtractError).retryable).toBe(false);
  return error as ExtractError;
}

const small = () =>
  buildLedger({
    lcmVersion: 1,
    sequence: 777,
    passphrase: Networks.TESTNET,
    txs: [{ envelope: { type: 2, v1: { tx: tx({ sourceAccount: account(bytes32(1)) }), signatures: [] } }, result: successResult(100n) }],
  });

describe('bad input', () => {
  it('truncated bytes: XDR_TRUNCATED with the ledger sequence read from the header', () => {
    const bytes = small();
    const e = caught(() => extractLedger(bytes.subarray(0, bytes.length - 10), { networkPassphrase: Networks.TESTNET }));
    expect(e.code).toBe('XDR_TRUNCATED');
    expect(e.ledger).toBe(777);
    expect(e.message).toMatch(/^ledger 777: /);
  });

  it('empty input and garbage: typed XDR errors without a ledger', () => {
    expect(caught(() => extractLedger(new Uint8Array(0), { networkPassphrase: Networks.PUBNET })).code).toBe('XDR_TRUNCATED');
    const garbage = Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) & 0xff);
    const e = caught(() => extractLedger(garbage, { networkPassphrase: Networks.PUBNET }));
    expect(e.code).toMatch(/^XDR_/);
    expect(e.ledger).toBeUndefined();
  });

  it('trailing bytes after the LedgerCloseMeta are rejected', () => {
    const bytes = small();
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes);
    const e = caught(() => extractLedger(longer, { networkPassphrase: Networks.TESTNET }));
    expect(e.code).toBe('XDR_TRAILING_BYTES');
    expect(e.ledger).toBe(777);
  });

  it('unknown LedgerCloseMeta arm: XDR_UNKNOWN_ARM', () => {
    const bytes = small().slice();
    bytes[3] = 9; // LedgerCloseMeta v9
    expect(caught(() => extractLedger(bytes, { networkPassphrase: Networks.TESTNET })).code).toBe('XDR_UNKNOWN_ARM');
  });

  it('unknown union arm deep inside the ledger: XDR_UNKNOWN_ARM with the ledger', () => {
    const bytes = small().slice();
    // The memo of the only envelope follows its source (4+32), fee (4), seqNum (8) and cond (4).
    const view = new DataView(bytes.buffer);
    let pos = -1;
    const key = bytes32(1);
    for (let i = 0; i + 36 <= bytes.length; i++) {
      if (view.getUint32(i) === 2 && view.getUint32(i + 4) === 0 && bytes.subarray(i + 8, i + 40).every((b, j) => b === key[j])) {
        pos = i + 8 + 32 + 4 + 8 + 4; // envelope type, key type, key, fee, seq, cond → memo type
        break;
      }
    }
    expect(pos).toBeGreaterThan(0);
    view.setUint32(pos, 7); // MemoType 7 does not exist
    const e = caught(() => extractLedger(bytes, { networkPassphrase: Networks.TESTNET }));
    expect(e.code).toBe('XDR_UNKNOWN_ARM');
    expect(e.ledger).toBe(777);
  });

  it('wrong passphrase: NETWORK_MISMATCH naming the network the ledger belongs to', () => {
    const e = caught(() => extractLedger(small(), { networkPassphrase: Networks.PUBNET }));
    expect(e.code).toBe('NETWORK_MISMATCH');
    expect(e.ledger).toBe(777);
    expect(e.location.transaction).toBe(1);
    expect(e.message).toContain('TESTNET');
    expect(e.message).toContain(Networks.TESTNET);
  });

  it('unknown passphrase: NETWORK_MISMATCH saying the passphrase is probably wrong', () => {
    const e = caught(() => extractLedger(small(), { networkPassphrase: 'Standalone Network ; February 2017' }));
    expect(e.code).toBe('NETWORK_MISMATCH');
    expect(e.message).toMatch(/passphrase is probably wrong/);
    expect(e.hint).toContain('TESTNET');
  });

  it('a result whose hash matches no envelope fails the whole ledger', () => {
    const bytes = buildLedger({
      lcmVersion: 0,
      sequence: 778,
      passphrase: Networks.PUBNET,
      txs: [{ envelope: { type: 2, v1: { tx: tx({ sourceAccount: account(bytes32(1)) }), signatures: [] } }, result: successResult(100n) }],
      overrideHashes: [bytes32(50)],
    });
    const e = caught(() => extractLedger(bytes, { networkPassphrase: Networks.PUBNET }));
    expect(e.code).toBe('NETWORK_MISMATCH');
    expect(e.ledger).toBe(778);
    expect(e.hint).toMatch(/Pass the passphrase of the network/);
  });

  it('missing passphrase or non-byte input: INVALID_VALUE', () => {
    expect(caught(() => extractLedger(small(), { networkPassphrase: '' })).code).toBe('INVALID_VALUE');
    expect(caught(() => extractLedger('AAAA' as unknown as Uint8Array, { networkPassphrase: Networks.PUBNET })).code).toBe('INVALID_VALUE');
  });
});

describe.skipIf(!haveFixtures())('bad input on real ledgers', () => {
  it('the protocol-25 testnet ledger under the pubnet passphrase names TESTNET', () => {
    const m = manifest.modern.find((l) => l.network === 'TESTNET')!;
    const e = caught(() => extractLedger(readFixture(m.file), { networkPassphrase: Networks.PUBNET }));
    expect(e.code).toBe('NETWORK_MISMATCH');
    expect(e.ledger).toBe(m.sequence);
    expect(e.message).toContain('TESTNET');
  });

  it('every truncation point of a real ledger throws a typed error', () => {
    const bytes = readFixture(manifest.ledgers[0]!.file);
    for (const cut of [1, 4, 100, 1000, bytes.length >> 1, bytes.length - 1]) {
      const e = caught(() => extractLedger(bytes.subarray(0, cut), { networkPassphrase: Networks.PUBNET }));
      expect(e.code).toMatch(/^XDR_/);
    }
  });
});
