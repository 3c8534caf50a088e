/**
 * `transactions` columns for fee bumps, Soroban fees, muxed accounts, preconditions, memos and
 * errors. Scenarios and expected values are those of stellar-etl's
 * `internal/transform/transaction_test.go` (commit 6a326fb0), re-expressed as complete ledgers,
 * plus cases derived from the parity rules (muxed fee-account quirk, V0 envelopes, memos).
 */
import { describe, expect, it } from 'vitest';
import { buildLedgerContext } from '../src/build-context.js';
import { ExtractError } from '../src/errors.js';
import { extractLedger } from '../src/extract-ledger.js';
import { toEtlJson } from '../src/json.js';
import { Networks } from '../src/networks.js';
import type { TransactionRow } from '../src/schema/index.js';
import { transactionRows } from '../src/tables/transactions.js';
import type * as X from '../src/xdr/types.js';
import { StrKey } from '@stellar/stellar-base';
import {
  account,
  balanceChanges,
  buildLedger,
  bytes32,
  ETL_TEST_SIGNATURE,
  feeBumpSuccessResult,
  gAddress,
  isFeeBump,
  muxed,
  successResult,
  tx,
  type LedgerSpec,
} from './build-ledger.js';

const PASS = Networks.PUBNET;
const MEMO_TEXT = new TextEncoder().encode('HL5aCgozQHIW7sSc5XdcfmR');
const INNER_HASH = Uint8Array.from(Buffer.from('a87fef5eeb260269c380f2de456aad72b59bb315aaac777860456e09dac0bafb', 'hex'));
const ETL_SIGNER = 'GD2GXC24XWOM6T2UHABEMSYW5UZGJ4U7WEN7AQT2WYW32TQFP4ND3M7O4VGCBTT2BWNILFEVDX5DBBBMK2RTQIBMJNL6F62MAQ53NBAIXUDA';
const key1 = bytes32(1);
const key2 = bytes32(2);
const key5 = bytes32(5);
const timeCond: X.Preconditions = { type: 1, timeBounds: { minTime: 0n, maxTime: 1594272628n } };

function soroban(resourceFee: bigint, archived: number[] | null = null): X.TransactionExt {
  return {
    type: 1,
    sorobanData: {
      ext: archived === null ? { type: 0 } : { type: 1, resourceExt: { archivedSorobanEntries: archived } },
      resources: { footprint: { readOnly: [], readWrite: [] }, instructions: 123, diskReadBytes: 456, writeBytes: 789 },
      resourceFee,
    },
  };
}

function rowsOf(spec: LedgerSpec): TransactionRow[] {
  return transactionRows(buildLedgerContext(buildLedger(spec), spec.passphrase));
}

function feeBump(fee: bigint, feeSource: X.MuxedAccount, inner: X.Transaction): X.TransactionEnvelope {
  return {
    type: 5,
    feeBump: {
      tx: { feeSource, fee, innerTx: { type: 2, v1: { tx: inner, signatures: [] } }, ext: { type: 0 } },
      signatures: [ETL_TEST_SIGNATURE],
    },
  };
}

describe('fee-bump Soroban transaction before protocol 21 (stellar-etl case 2)', () => {
  const envelope = feeBump(
    7200n,
    account(key5),
    tx({ sourceAccount: account(key1), seqNum: 150015399398735997n, fee: 0, memo: { type: 1, text: MEMO_TEXT }, cond: timeCond, ext: soroban(1000n) }),
  );
  const [row] = rowsOf({
    lcmVersion: 1,
    protocol: 20,
    sequence: 30521817,
    passphrase: PASS,
    txs: [{ envelope, result: feeBumpSuccessResult(300n, INNER_HASH), feeProcessing: balanceChanges(key5, 1100n, 50n) }],
  });

  it('is a fee bump for stellar-base too', () => expect(isFeeBump(envelope, PASS)).toBe(true));

  it('takes inner values from the inner tx and outer values from the fee bump', () => {
    expect(row).toMatchObject({
      ledger_sequence: 30521817,
      id: 131090205829500928n,
      account: gAddress(key1),
      account_muxed: null,
      account_sequence: 150015399398735997n,
      max_fee: 0,
      operation_count: 1,
      memo_type: 'MemoTypeMemoText',
      memo: 'HL5aCgozQHIW7sSc5XdcfmR',
      time_bounds: '[0,1594272628)',
      successful: true,
      inner_transaction_hash: 'a87fef5eeb260269c380f2de456aad72b59bb315aaac777860456e09dac0bafb',
      fee_account: gAddress(key5),
      fee_account_muxed: null,
      new_max_fee: 7200n,
      transaction_result_code: 'TransactionResultCodeTxFeeBumpInnerSuccess',
      tx_signers: [ETL_SIGNER],
    });
    expect(row!.created_at.toISOString()).toBe('2020-07-09T05:28:42.000Z');
  });

  it('reports resource_fee − refund as fee_charged and the inclusion fee bid/charged', () => {
    expect(row).toMatchObject({
      fee_charged: 1000n,
      resource_fee: 1000n,
      inclusion_fee_bid: 6200n,
      inclusion_fee_charged: 50n,
      resource_fee_refund: 0n,
      non_refundable_resource_fee_charged: 0n,
      refundable_resource_fee_charged: 0n,
      rent_fee_charged: 0n,
      soroban_resources_instructions: 123,
      soroban_resources_read_bytes: 456,
      soroban_resources_disk_read_bytes: 456,
      soroban_resources_write_bytes: 789,
      soroban_resources_archived_entries: null,
    });
  });
});

describe('PRECOND_V2 transaction (stellar-etl case 3)', () => {
  const signer = new Uint8Array(32);
  signer.set([3, 2, 1]);
  const envelope: X.TransactionEnvelope = {
    type: 2,
    v1: {
      tx: tx({
        sourceAccount: account(key2),
        seqNum: 118426953012574851n,
        fee: 100,
        memo: { type: 1, text: MEMO_TEXT },
        cond: {
          type: 2,
          v2: {
            timeBounds: { minTime: 0n, maxTime: 1594272628n },
            ledgerBounds: { minLedger: 5, maxLedger: 10 },
            minSeqNum: null,
            minSeqAge: 0n,
            minSeqLedgerGap: 0,
            extraSigners: [{ type: 0, ed25519: signer }],
          },
        },
      }),
      signatures: [ETL_TEST_SIGNATURE],
    },
  };
  const result: X.TransactionResult = { feeCharged: 100n, result: { type: -7 }, ext: { type: 0 } };
  const [row] = rowsOf({ lcmVersion: 0, sequence: 30521818, passphrase: PASS, txs: [{ envelope, result }] });

  it('prints bounds, extra signers and zero (not null) age and gap', () => {
    expect(row).toMatchObject({
      id: 131090210124468224n,
      account: gAddress(key2),
      max_fee: 100,
      fee_charged: 100n,
      successful: false,
      time_bounds: '[0,1594272628)',
      ledger_bounds: '[5,10)',
      extra_signers: ['GABQEAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB7QL'],
      min_account_sequence: null,
      min_account_sequence_age: 0n,
      min_account_sequence_ledger_gap: 0n,
      transaction_result_code: 'TransactionResultCodeTxInsufficientBalance',
      tx_signers: [ETL_SIGNER],
      resource_fee: 0n,
    });
    const json = toEtlJson('transactions', row!);
    expect(json).toContain('"min_account_sequence":null,"min_account_sequence_age":0,"min_account_sequence_ledger_gap":0,');
    expect(json).not.toContain('fee_account');
    expect(json).not.toContain('new_max_fee');
    expect(json).not.toContain('account_muxed');
  });

  it('prints "[min,max)" ledger bounds verbatim when max is 0, and min_account_sequence when set', () => {
    const v2 = (envelope as { v1: X.TransactionV1Envelope }).v1.tx.cond as { v2: X.PreconditionsV2 };
    const env2: X.TransactionEnvelope = {
      type: 2,
      v1: {
        tx: tx({ sourceAccount: account(key2), cond: { type: 2, v2: { ...v2.v2, ledgerBounds: { minLedger: 5, maxLedger: 0 }, minSeqNum: 77n, minSeqAge: 30n, minSeqLedgerGap: 4, extraSigners: [] } } }),
        signatures: [],
      },
    };
    const [r] = rowsOf({ lcmVersion: 0, passphrase: PASS, txs: [{ envelope: env2, result }] });
    expect(r).toMatchObject({ ledger_bounds: '[5,0)', min_account_sequence: 77n, min_account_sequence_age: 30n, min_account_sequence_ledger_gap: 4n, extra_signers: null, tx_signers: [] });
  });
});

describe('fee-bump Soroban transaction with meta v4 and post-apply fee changes (stellar-etl case 4)', () => {
  const envelope = feeBump(
    38533n,
    account(key5),
    tx({ sourceAccount: account(key1), seqNum: 112351890582290871n, fee: 38333, memo: { type: 1, text: MEMO_TEXT }, cond: timeCond, ext: soroban(38233n) }),
  );
  const meta: X.TransactionMeta = {
    type: 4,
    v4: {
      ext: { type: 0 },
      txChangesBefore: [],
      operations: [{ ext: { type: 0 }, changes: [], events: [] }],
      txChangesAfter: [],
      sorobanMeta: {
        ext: { type: 1, v1: { ext: { type: 0 }, totalNonRefundableResourceFeeCharged: 20230n, totalRefundableResourceFeeCharged: 7298n, rentFeeCharged: 7278n } },
        returnValue: null,
      },
      events: [],
      diagnosticEvents: [],
    },
  };
  const [row] = rowsOf({
    lcmVersion: 2,
    protocol: 25,
    sequence: 61396807,
    passphrase: PASS,
    txs: [
      {
        envelope,
        result: feeBumpSuccessResult(27828n, INNER_HASH),
        feeProcessing: balanceChanges(key5, 4067134559286n, 4067134520753n),
        meta,
        postFeeProcessing: balanceChanges(key5, 4067134520753n, 4067134531458n),
      },
    ],
  });

  it('matches stellar-etl', () => {
    expect(row).toMatchObject({
      id: 263697278143827968n,
      account: gAddress(key1),
      account_sequence: 112351890582290871n,
      max_fee: 38333,
      fee_charged: 27828n,
      successful: true,
      fee_account: gAddress(key5),
      inner_transaction_hash: 'a87fef5eeb260269c380f2de456aad72b59bb315aaac777860456e09dac0bafb',
      new_max_fee: 38533n,
      resource_fee: 38233n,
      transaction_result_code: 'TransactionResultCodeTxFeeBumpInnerSuccess',
      inclusion_fee_bid: 300n,
      inclusion_fee_charged: 300n,
      resource_fee_refund: 10705n,
      non_refundable_resource_fee_charged: 20230n,
      refundable_resource_fee_charged: 7298n,
      rent_fee_charged: 7278n,
      tx_signers: [ETL_SIGNER],
    });
  });
});

describe('Soroban refund from meta v3 and archived entries (parity §2.2)', () => {
  it('reads the refund from txChangesAfter and the fee breakdown from sorobanMeta ext v1', () => {
    const envelope: X.TransactionEnvelope = { type: 2, v1: { tx: tx({ sourceAccount: account(key1), fee: 1500, ext: soroban(1000n, [0, 3]) }), signatures: [] } };
    const meta: X.TransactionMeta = {
      type: 3,
      v3: {
        ext: { type: 0 },
        txChangesBefore: [],
        operations: [{ changes: [] }],
        txChangesAfter: balanceChanges(key1, 8500n, 8800n),
        sorobanMeta: {
          ext: { type: 1, v1: { ext: { type: 0 }, totalNonRefundableResourceFeeCharged: 400n, totalRefundableResourceFeeCharged: 300n, rentFeeCharged: 100n } },
          events: [],
          returnValue: { type: 1 },
          diagnosticEvents: [],
        },
      },
    };
    const [row] = rowsOf({
      lcmVersion: 1,
      protocol: 21,
      passphrase: PASS,
      txs: [{ envelope, result: successResult(1200n), feeProcessing: balanceChanges(key1, 10000n, 8500n), meta }],
    });
    expect(row).toMatchObject({
      fee_charged: 1200n,
      inclusion_fee_bid: 500n,
      inclusion_fee_charged: 500n,
      resource_fee_refund: 300n,
      non_refundable_resource_fee_charged: 400n,
      refundable_resource_fee_charged: 300n,
      rent_fee_charged: 100n,
      soroban_resources_archived_entries: [0, 3],
    });
    expect(toEtlJson('transactions', row!)).toContain('"soroban_resources_archived_entries":[0,3]');
  });
});

describe('muxed accounts', () => {
  const id = 18446744073709551615n;
  const M1 = StrKey.encodeMed25519PublicKey(Buffer.concat([Buffer.from(key1), Buffer.from('ffffffffffffffff', 'hex')]));
  const M5 = StrKey.encodeMed25519PublicKey(Buffer.concat([Buffer.from(key5), Buffer.from('0000000000000007', 'hex')]));

  it('splits a muxed source into account and account_muxed; the M fee account matches no balance (ETL quirk)', () => {
    const envelope: X.TransactionEnvelope = { type: 2, v1: { tx: tx({ sourceAccount: muxed(key1, id), fee: 1000, ext: soroban(500n) }), signatures: [] } };
    const meta: X.TransactionMeta = {
      type: 3,
      v3: { ext: { type: 0 }, txChangesBefore: [], operations: [{ changes: [] }], txChangesAfter: balanceChanges(key1, 9000n, 9200n), sorobanMeta: null },
    };
    const [row] = rowsOf({ lcmVersion: 1, passphrase: PASS, txs: [{ envelope, result: successResult(800n), feeProcessing: balanceChanges(key1, 10000n, 9000n), meta }] });
    expect(row).toMatchObject({ account: gAddress(key1), account_muxed: M1, inclusion_fee_bid: 500n, inclusion_fee_charged: -500n, resource_fee_refund: 0n });
    expect(toEtlJson('transactions', row!)).toContain(`"account_muxed":"${M1}"`);
  });

  it('reports fee_account and fee_account_muxed for a muxed fee-bump source', () => {
    const envelope = feeBump(500n, muxed(key5, 7n), tx({ sourceAccount: account(key1) }));
    const [row] = rowsOf({ lcmVersion: 1, passphrase: PASS, txs: [{ envelope, result: feeBumpSuccessResult(200n, INNER_HASH) }] });
    expect(row).toMatchObject({ fee_account: gAddress(key5), fee_account_muxed: M5, new_max_fee: 500n, resource_fee: 0n, inclusion_fee_charged: 0n });
    const json = toEtlJson('transactions', row!);
    expect(json).toContain(`"fee_account":"${gAddress(key5)}","fee_account_muxed":"${M5}"`);
  });
});

describe('V0 envelopes and memos', () => {
  const id = 18446744073709551615n;
  function v0(memo: X.Memo, timeBounds: X.TimeBounds | null, signatures: X.DecoratedSignature[] = []): X.TransactionEnvelope {
    return {
      type: 0,
      v0: { tx: { sourceAccountEd25519: key2, fee: 200, seqNum: 9n, timeBounds, memo, operations: [{ sourceAccount: null, body: { type: 11, bumpSequenceOp: { bumpTo: 0n } } }], ext: { type: 0 } }, signatures },
    };
  }

  it('pairs V0 envelopes (hashed as V1) and prints open-ended time bounds', () => {
    const [row] = rowsOf({ lcmVersion: 0, passphrase: PASS, txs: [{ envelope: v0({ type: 2, id }, { minTime: 5n, maxTime: 0n }, [ETL_TEST_SIGNATURE, ETL_TEST_SIGNATURE]), result: successResult(200n) }] });
    expect(row).toMatchObject({
      account: gAddress(key2),
      time_bounds: '[5,)',
      memo_type: 'MemoTypeMemoId',
      memo: '18446744073709551615',
      ledger_bounds: '',
      min_account_sequence_age: null,
      extra_signers: null,
      tx_signers: [ETL_SIGNER, ETL_SIGNER],
    });
  });

  it('prints hash and return memos as padded base64 and no memo as ""', () => {
    const h = bytes32(7);
    const rows = rowsOf({
      lcmVersion: 0,
      passphrase: PASS,
      txs: [
        { envelope: v0({ type: 3, hash: h }, null), result: successResult(200n) },
        { envelope: v0({ type: 4, retHash: h }, null, [ETL_TEST_SIGNATURE]), result: successResult(200n) },
        { envelope: v0({ type: 0 }, { minTime: 1n, maxTime: 2n }, [ETL_TEST_SIGNATURE, ETL_TEST_SIGNATURE]), result: successResult(200n) },
      ],
    });
    expect(rows.map((r) => [r.memo_type, r.memo, r.time_bounds])).toEqual([
      ['MemoTypeMemoHash', Buffer.from(h).toString('base64'), ''],
      ['MemoTypeMemoReturn', Buffer.from(h).toString('base64'), ''],
      ['MemoTypeMemoNone', '', '[1,2)'],
    ]);
  });

  it('writes memo text bytes with Go escaping and one U+FFFD per invalid byte', () => {
    const text = Uint8Array.from([0x3c, 0x62, 0x3e, 0x26, 0xc3, 0xa9, 0xe2, 0x82, 0x0a]);
    const [row] = rowsOf({ lcmVersion: 0, passphrase: PASS, txs: [{ envelope: v0({ type: 1, text }, null), result: successResult(200n) }] });
    expect(row!.memo).toBe('<b>&é\uFFFD\uFFFD\n');
    expect(toEtlJson('transactions', row!)).toContain('"memo":"\\u003cb\\u003e\\u0026é\uFFFD\uFFFD\\n"');
  });
});

describe('rejected values (stellar-etl error cases)', () => {
  const run = (envelope: X.TransactionEnvelope, result: X.TransactionResult) => () =>
    extractLedger(buildLedger({ lcmVersion: 0, sequence: 30521816, passphrase: PASS, txs: [{ envelope, result }] }), { networkPassphrase: PASS });

  function expectExtractError(fn: () => unknown, pattern: RegExp): void {
    let caught: unknown;
    try {
      fn();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ExtractError);
    const e = caught as ExtractError;
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.ledger).toBe(30521816);
    expect(e.location.transaction).toBe(1);
    expect(e.message).toMatch(pattern);
  }

  it('negative sequence number', () => {
    expectExtractError(run({ type: 2, v1: { tx: tx({ sourceAccount: account(key1), seqNum: -1n }), signatures: [] } }, successResult(100n)), /sequence number \(-1\) is negative/);
  });
  it('negative fee charged', () => {
    expectExtractError(run({ type: 2, v1: { tx: tx({ sourceAccount: account(key1) }), signatures: [] } }, successResult(-1n)), /fee charged \(-1\) is negative/);
  });
  it('max time before min time', () => {
    const cond: X.Preconditions = { type: 1, timeBounds: { minTime: 1594586912n, maxTime: 100n } };
    expectExtractError(run({ type: 2, v1: { tx: tx({ sourceAccount: account(key1), cond }), signatures: [] } }, successResult(100n)), /max time is earlier than the min time \(100 < 1594586912\)/);
  });
});
