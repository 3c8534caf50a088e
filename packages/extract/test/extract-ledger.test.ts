/** `extractLedger` turns any unexpected failure into an ExtractError naming the ledger, and returns nothing. */
import { describe, expect, it, vi } from 'vitest';
import { ExtractError } from '../src/errors.js';
import { extractLedger } from '../src/extract-ledger.js';
import { Networks } from '../src/networks.js';
import { account, buildLedger, bytes32, successResult, tx } from './build-ledger.js';

vi.mock('../src/tables/native-balances.js', () => ({
  nativeBalanceRows: () => {
    throw new TypeError('boom');
  },
}));

describe('extractLedger failure wrapping', () => {
  it('wraps a TypeError from a table transform with code, ledger and cause', () => {
    const bytes = buildLedger({
      lcmVersion: 1,
      sequence: 4242,
      passphrase: Networks.PUBNET,
      txs: [{ envelope: { type: 2, v1: { tx: tx({ sourceAccount: account(bytes32(1)) }), signatures: [] } }, result: successResult(100n) }],
    });
    let result: unknown;
    let error: unknown;
    try {
      result = extractLedger(bytes, { networkPassphrase: Networks.PUBNET });
    } catch (e) {
      error = e;
    }
    expect(result).toBeUndefined();
    expect(error).toBeInstanceOf(ExtractError);
    const e = error as ExtractError;
    expect(e.ledger).toBe(4242);
    expect(e.message).toMatch(/^ledger 4242: unexpected failure while extracting: boom/);
    expect(e.cause).toBeInstanceOf(TypeError);
  });
});
