/**
 * Pairing of envelopes with results (parity §1.1): tx-set order is not application order, parallel
 * Soroban phases are flattened stage → cluster → envelope, ids follow `txProcessing`.
 */
import { describe, expect, it } from 'vitest';
import { buildLedgerContext, txSetEnvelopes } from '../src/build-context.js';
import { ExtractError } from '../src/errors.js';
import { extractLedger } from '../src/extract-ledger.js';
import { hex } from '../src/hash.js';
import { Networks } from '../src/networks.js';
import { decode, encode } from '../src/xdr/index.js';
import type * as X from '../src/xdr/types.js';
import { account, buildLedger, bytes32, stellarBaseHash, successResult, tx } from './build-ledger.js';

const PASS = Networks.TESTNET;
const env = (seed: number, seq: bigint): X.TransactionEnvelope => ({ type: 2, v1: { tx: tx({ sourceAccount: account(bytes32(seed)), seqNum: seq }), signatures: [] } });

describe('buildLedgerContext', () => {
  it('pairs by hash: application order comes from txProcessing, not from the tx set', () => {
    const a = env(1, 10n);
    const b = env(2, 20n);
    const c = env(3, 30n);
    // Build in order a, b, c, then reorder the tx set to c, a, b (a parallel phase of two stages).
    const lcm = decode.LedgerCloseMeta(buildLedger({ lcmVersion: 2, sequence: 500, protocol: 23, passphrase: PASS, txs: [a, b, c].map((envelope) => ({ envelope, result: successResult(100n) })) })) as X.LedgerCloseMeta & { type: 2 };
    lcm.v2.txSet = {
      type: 1,
      v1TxSet: {
        previousLedgerHash: bytes32(90),
        phases: [
          { type: 0, v0Components: [] },
          { type: 1, parallelTxsComponent: { baseFee: 100n, executionStages: [[[c], [a]], [[b]]] } },
        ],
      },
    };
    const bytes = encode.LedgerCloseMeta(lcm);
    const ctx = buildLedgerContext(bytes, PASS);
    expect(txSetEnvelopes(ctx.lcm, 500).map((e) => (e as { v1: X.TransactionV1Envelope }).v1.tx.seqNum)).toEqual([30n, 10n, 20n]);
    expect(ctx.txs.map((t) => t.inner.seqNum)).toEqual([10n, 20n, 30n]);
    expect(ctx.txs.map((t) => t.id)).toEqual([1n, 2n, 3n].map((i) => (500n << 32n) | (i << 12n)));
    expect(ctx.txs.map((t) => hex(t.hash))).toEqual([a, b, c].map((e) => hex(stellarBaseHash(e, PASS))));
    expect(ctx.lcmVersion).toBe(2);
    const rows = extractLedger(bytes, { networkPassphrase: PASS });
    expect(rows.ledger.tx_set_operation_count).toBe(3);
    expect(rows.ledger.evicted_ledger_keys_type).toEqual([]);
  });

  it('exposes exact raw XDR ranges of envelope, result, meta and fee meta', () => {
    const feeProcessing: X.LedgerEntryChange[] = [{ type: 2, removed: { type: 0, account: { accountId: { type: 0, ed25519: bytes32(9) } } } }];
    const envelope = env(4, 40n);
    const bytes = buildLedger({ lcmVersion: 1, passphrase: PASS, txs: [{ envelope, result: successResult(100n), feeProcessing }] });
    const [t] = buildLedgerContext(bytes, PASS).txs;
    expect(t!.raw.envelope).toEqual(encode.TransactionEnvelope(envelope));
    expect(t!.raw.result).toEqual(encode.TransactionResult(successResult(100n)));
    // LedgerEntryChanges = uint32 count followed by the changes.
    expect(t!.raw.feeMeta).toEqual(Uint8Array.from([0, 0, 0, 1, ...encode.LedgerEntryChange(feeProcessing[0]!)]));
    expect(t!.raw.meta).toEqual(encode.TransactionMeta({ type: 1, v1: { txChanges: [], operations: [] } }));
  });

  it('a tx set and result list of different sizes is TX_COUNT_MISMATCH', () => {
    const lcm = decode.LedgerCloseMeta(buildLedger({ lcmVersion: 0, sequence: 501, passphrase: PASS, txs: [{ envelope: env(1, 1n), result: successResult(100n) }] })) as X.LedgerCloseMeta & { type: 0 };
    lcm.v0.txSet.txes.push(env(2, 2n));
    let error: unknown;
    try {
      buildLedgerContext(encode.LedgerCloseMeta(lcm), PASS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).code).toBe('TX_COUNT_MISMATCH');
    expect((error as ExtractError).ledger).toBe(501);
  });

  it('an empty ledger gives a ledger row and no transactions', () => {
    const rows = extractLedger(buildLedger({ lcmVersion: 1, sequence: 502, passphrase: PASS, txs: [] }), { networkPassphrase: PASS });
    expect(rows.transactions).toEqual([]);
    expect(rows.operations).toEqual([]);
    expect(rows.ledger).toMatchObject({ transaction_count: 0, operation_count: 0, failed_transaction_count: 0, tx_set_operation_count: 0, soroban_fee_write_1kb: 12009n });
  });
});
