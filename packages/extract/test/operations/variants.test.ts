/**
 * Operation rows for input variants stellar-etl treats specially: failed transactions, muxed
 * accounts, fee bumps, flag and predicate edge cases, path payment result amounts. Expected values
 * follow from the parity rules (spec §2.3, §2.4, §3) and are derived here from first principles.
 */
import { Account, MuxedAccount } from '@stellar/stellar-base';
import { describe, expect, it } from 'vitest';
import { strictReceiveSendAmount } from '../../src/operations/payments.js';
import { claimPredicateJson } from '../../src/operations/claimable-balances.js';
import { operationRows } from '../../src/tables/operations.js';
import type * as X from '../../src/xdr/types.js';
import { NATIVE, credit, hash32, inner, json, ledgerCtx, mux, okTr, op, pk } from './helpers.js';

const A = 'GBT4YAEGJQ5YSFUMNKX6BPBUOCPNAIOFAVZOF6MIME2CECBMEIUXFZZN';
const B = 'GBVVRXLMNCJQW3IDDXC3X6XCH35B5Q7QXNMMFPENSOGUPQO7WO7HGZPA';
const C = 'GCEODJVUUVYVFD5KT4TOEDTMXQ76OPFOQC2EMYYMLPXQCUVPOB6XRWPQ';
const USD = credit('USD', B);
const NATIVE_ID = -5706705804583548011n;
const POOL = hash32(7, 7);

function muxedAddress(g: string, id: bigint): string {
  return new MuxedAccount(new Account(g, '0'), id.toString()).accountId();
}

const strictReceive = op({
  type: 2,
  pathPaymentStrictReceiveOp: { sendAsset: NATIVE, sendMax: 20_0000000n, destination: mux(B), destAsset: USD, destAmount: 10_0000000n, path: [] },
});
const strictSend = op({
  type: 13,
  pathPaymentStrictSendOp: { sendAsset: NATIVE, sendAmount: 20_0000000n, destination: mux(B), destAsset: USD, destMin: 1n, path: [NATIVE, credit('LONGERCODE', C)] },
});
const deposit = op({ type: 22, liquidityPoolDepositOp: { liquidityPoolId: POOL, maxAmountA: 5n, maxAmountB: 6n, minPrice: { n: 1, d: 3 }, maxPrice: { n: 2, d: 3 } } });
const withdraw = op({ type: 23, liquidityPoolWithdrawOp: { liquidityPoolId: POOL, amount: 9n, minAmountA: 1n, minAmountB: 2n } });

describe('failed transactions', () => {
  const ops = [strictReceive, strictSend, deposit, withdraw, op({ type: 16, beginSponsoringFutureReservesOp: { sponsoredId: pk(B) } }), op({ type: 17 }, mux(B))];
  const results: X.OperationResult[] = [
    inner({ type: 2, pathPaymentStrictReceiveResult: { type: -2 } }),
    inner({ type: 13, pathPaymentStrictSendResult: { type: -12 } }),
    inner(okTr(22, 'liquidityPoolDepositResult', -6)),
    { type: -1 },
    inner(okTr(16, 'beginSponsoringFutureReservesResult')),
    inner(okTr(17, 'endSponsoringFutureReservesResult')),
  ];
  const rows = operationRows(ledgerCtx([{ source: mux(A), ops, code: -1, results }], { sequence: 100 }));

  it('writes the result amounts of path payments as the string "0.0000000"', () => {
    expect(rows[0]!.details.source_amount).toBe('0.0000000');
    expect(rows[0]!.details.amount).toBe(10);
    expect(rows[1]!.details.amount).toBe('0.0000000');
    expect(rows[1]!.details.source_amount).toBe(20);
    expect(rows[1]!.details.destination_min).toBe('0.0000001');
  });

  it('writes null for an empty path and code/issuer/type for every hop', () => {
    expect(rows[0]!.details.path).toBeNull();
    expect(json(rows[1]!.details.path!)).toBe(
      json([
        { asset_code: '', asset_issuer: '', asset_type: 'native' },
        { asset_code: 'LONGERCODE', asset_issuer: C, asset_type: 'credit_alphanum12' },
      ]),
    );
  });

  it('shows liquidity pool reserves as native with zero amounts', () => {
    expect(json(rows[2]!.details)).toBe(
      json({
        liquidity_pool_id: '0707000000000000000000000000000000000000000000000000000000000000',
        liquidity_pool_id_strkey: rows[2]!.details.liquidity_pool_id_strkey!,
        reserve_a_asset_type: 'native',
        reserve_a_asset_id: NATIVE_ID,
        reserve_a_max_amount: 5e-7,
        reserve_a_deposit_amount: 0,
        reserve_b_asset_type: 'native',
        reserve_b_asset_id: NATIVE_ID,
        reserve_b_max_amount: 6e-7,
        reserve_b_deposit_amount: 0,
        min_price: 0.3333333,
        min_price_r: { n: 1, d: 3 },
        max_price: 0.6666667,
        max_price_r: { n: 2, d: 3 },
        shares_received: 0,
      }),
    );
    expect(rows[3]!.details.reserve_a_withdraw_amount).toBe(0);
    expect(rows[3]!.details.reserve_b_asset_type).toBe('native');
    expect(rows[3]!.details.shares).toBe(9e-7);
  });

  it('gives end_sponsoring no begin_sponsor', () => {
    expect(rows[5]!.details).toEqual({});
  });

  it('takes result and trace codes from the operation results', () => {
    expect(rows.map((r) => r.operation_result_code)).toEqual([
      'OperationResultCodeOpInner',
      'OperationResultCodeOpInner',
      'OperationResultCodeOpInner',
      'OperationResultCodeOpBadAuth',
      'OperationResultCodeOpInner',
      'OperationResultCodeOpInner',
    ]);
    expect(rows.map((r) => r.operation_trace_code)).toEqual([
      'PathPaymentStrictReceiveResultCodePathPaymentStrictReceiveUnderfunded',
      'PathPaymentStrictSendResultCodePathPaymentStrictSendUnderDestmin',
      'LiquidityPoolDepositResultCodeLiquidityPoolDepositBadPrice',
      '',
      'BeginSponsoringFutureReservesResultCodeBeginSponsoringFutureReservesSuccess',
      'EndSponsoringFutureReservesResultCodeEndSponsoringFutureReservesSuccess',
    ]);
  });

  it('writes empty result codes when the transaction failed before running operations', () => {
    const r = operationRows(ledgerCtx([{ source: mux(A), ops: [strictReceive, deposit], code: -5 }], { sequence: 100 }));
    expect(r.map((x) => [x.operation_result_code, x.operation_trace_code])).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(r[0]!.details.source_amount).toBe('0.0000000');
    expect(r[1]!.transaction_id).toBe((100n << 32n) | (1n << 12n));
    expect(r[1]!.id).toBe((100n << 32n) | (1n << 12n) | 2n);
  });
});

describe('muxed accounts', () => {
  const id = 18446744073709551615n;
  const rows = operationRows(
    ledgerCtx([
      {
        source: mux(C),
        ops: [
          op({ type: 1, paymentOp: { destination: mux(B, 42n), asset: NATIVE, amount: 1n } }, mux(A, id)),
          op({ type: 8, destination: mux(B, 7n) }),
        ],
        results: [inner(okTr(1, 'paymentResult')), inner({ type: 8, accountMergeResult: { type: 0, sourceAccountBalance: 5n } })],
      },
    ]),
  );

  it('writes the G source and its M form at row level', () => {
    expect(rows[0]!.source_account).toBe(A);
    expect(rows[0]!.source_account_muxed).toBe(muxedAddress(A, id));
    expect(rows[1]!.source_account).toBe(C);
    expect(rows[1]!.source_account_muxed).toBeNull();
  });

  it('adds _muxed and _muxed_id (uint64, written without loss) to account blocks', () => {
    expect(rows[0]!.details.from).toBe(A);
    expect(rows[0]!.details.from_muxed).toBe(muxedAddress(A, id));
    expect(rows[0]!.details.from_muxed_id).toBe(id);
    expect(rows[0]!.details.to_muxed_id).toBe(42n);
    expect(json(rows[0]!.details)).toContain('"from_muxed_id":18446744073709551615');
    expect(json(rows[1]!.details)).toBe(json({ account: C, into: B, into_muxed: muxedAddress(B, 7n), into_muxed_id: 7n }));
  });
});

describe('fee bumps', () => {
  it('uses the inner source, the inner results and the outer success', () => {
    const results = [inner({ type: 2, pathPaymentStrictReceiveResult: { type: 0, success: { offers: [], last: { destination: pk(B), asset: USD, amount: 1n } } } })];
    const rows = operationRows(ledgerCtx([{ source: mux(A), ops: [strictReceive], results, feeBump: { feeSource: mux(C) } }]));
    expect(rows[0]!.source_account).toBe(A);
    expect(rows[0]!.details.from).toBe(A);
    expect(rows[0]!.details.source_amount).toBe(1e-7);
    expect(rows[0]!.operation_trace_code).toBe('PathPaymentStrictReceiveResultCodePathPaymentStrictReceiveSuccess');
  });

  it('treats an inner failure as a failed transaction', () => {
    const results = [inner({ type: 2, pathPaymentStrictReceiveResult: { type: -2 } })];
    const rows = operationRows(ledgerCtx([{ source: mux(A), ops: [strictReceive], code: -1, results, feeBump: { feeSource: mux(C) } }]));
    expect(rows[0]!.details.source_amount).toBe('0.0000000');
    expect(rows[0]!.operation_result_code).toBe('OperationResultCodeOpInner');
  });
});

describe('strict-receive send amount', () => {
  const bought = (asset: X.Asset, amount: bigint, kind: 0 | 1 | 2): X.ClaimAtom => {
    const base = { assetSold: USD, amountSold: 1n, assetBought: asset, amountBought: amount };
    if (kind === 0) return { type: 0, v0: { sellerEd25519: new Uint8Array(32), offerId: 1n, ...base } };
    if (kind === 1) return { type: 1, orderBook: { sellerId: pk(B), offerId: 1n, ...base } };
    return { type: 2, liquidityPool: { liquidityPoolId: POOL, ...base } };
  };
  const last = { destination: pk(B), asset: USD, amount: 999n };

  it('is the last amount when no offer was crossed', () => {
    expect(strictReceiveSendAmount({ offers: [], last })).toBe(999n);
  });

  it('sums the leading run of atoms that bought the first atom’s asset, across atom kinds', () => {
    const offers = [bought(NATIVE, 10n, 1), bought(NATIVE, 5n, 2), bought(NATIVE, 3n, 0), bought(USD, 7n, 1), bought(NATIVE, 100n, 1)];
    expect(strictReceiveSendAmount({ offers, last })).toBe(18n);
    expect(strictReceiveSendAmount({ offers: [bought(USD, 4n, 1), bought(credit('USD', A), 5n, 1)], last })).toBe(4n);
  });
});

describe('flags, data and trust edge cases', () => {
  const rows = operationRows(
    ledgerCtx([
      {
        source: mux(A),
        ops: [
          op({
            type: 5,
            setOptionsOp: {
              inflationDest: null,
              clearFlags: 0,
              setFlags: 16,
              masterWeight: 0,
              lowThreshold: null,
              medThreshold: null,
              highThreshold: null,
              homeDomain: new Uint8Array([0x61, 0xff, 0x3c]),
              signer: null,
            },
          }),
          op({ type: 21, setTrustLineFlagsOp: { trustor: pk(B), asset: USD, setFlags: 8, clearFlags: 0 } }),
          op({ type: 7, allowTrustOp: { trustor: pk(B), asset: { type: 2, assetCode12: new TextEncoder().encode('ABCDEFGH\0\0\0\0') }, authorize: 6 } }, mux(A, 5n)),
          op({ type: 6, changeTrustOp: { line: { type: 0 }, limit: 0n } }),
          op({ type: 10, manageDataOp: { dataName: new TextEncoder().encode('k&y'), dataValue: null } }),
          op({
            type: 18,
            revokeSponsorshipOp: { type: 0, ledgerKey: { type: 1, trustLine: { accountId: pk(B), asset: { type: 3, liquidityPoolId: POOL } } } },
          }),
          op({ type: 11, bumpSequenceOp: { bumpTo: 9223372036854775807n } }),
        ],
        code: -1,
        results: Array.from({ length: 7 }, () => ({ type: -1 }) as X.OperationResult),
      },
    ]),
  );

  it('set_options: unknown-only flag bits give empty arrays; zero flags are omitted; present zero weights kept', () => {
    expect(json(rows[0]!.details)).toBe(json({ set_flags: [], set_flags_s: [], master_key_weight: 0, home_domain: 'a\uFFFD<' }));
    expect(json(rows[0]!.details)).toContain('"home_domain":"a\uFFFD\\u003c"');
  });

  it('set_trust_line_flags: unknown-only flag bits give null arrays', () => {
    expect(rows[1]!.details.set_flags).toBeNull();
    expect(rows[1]!.details.set_flags_s).toBeNull();
    expect('clear_flags' in rows[1]!.details).toBe(false);
  });

  it('allow_trust: the asset issuer is the (unmuxed) source; extra booleans only when set', () => {
    const d = rows[2]!.details;
    expect(d.authorize).toBe(false);
    expect(d.authorize_to_maintain_liabilities).toBe(true);
    expect(d.clawback_enabled).toBe(true);
    expect(d.asset_type).toBe('credit_alphanum12');
    expect(d.asset_code).toBe('ABCDEFGH');
    expect(d.asset_issuer).toBe(A);
    expect(d.trustee).toBe(A);
    expect(d.trustee_muxed).toBe(muxedAddress(A, 5n));
  });

  it('change_trust to native: trustee is null', () => {
    expect(json(rows[3]!.details)).toBe(json({ asset_type: 'native', asset_id: NATIVE_ID, trustee: null, trustor: A, limit: 0 }));
  });

  it('manage_data delete: value is null', () => {
    expect(json(rows[4]!.details)).toBe('{"name":"k\\u0026y","value":null}');
  });

  it('revoke_sponsorship of a pool-share trust line', () => {
    expect(rows[5]!.details.trustline_liquidity_pool_id).toBe('0707000000000000000000000000000000000000000000000000000000000000');
    expect(rows[5]!.details.trustline_account_id).toBe(B);
    expect('trustline_asset' in rows[5]!.details).toBe(false);
  });

  it('bump_sequence: bump_to as a decimal string', () => {
    expect(rows[6]!.details.bump_to).toBe('9223372036854775807');
  });
});

describe('invalid prices', () => {
  it('fail the ledger like stellar-etl (zero, negative, zero denominator)', () => {
    for (const price of [{ n: 0, d: 1 }, { n: -5, d: 100000000 }, { n: 1, d: -3 }, { n: 1, d: 0 }]) {
      const ctx = ledgerCtx([
        { source: mux(A), ops: [op({ type: 3, manageSellOfferOp: { selling: USD, buying: NATIVE, amount: 1n, price, offerId: 0n } })], code: -1, results: [{ type: -1 }] },
      ]);
      expect(() => operationRows(ctx)).toThrow(/^transaction 1, operation 1: Price: invalid price/);
    }
  });
});

describe('malformed results', () => {
  it('fail when a transaction with operation results lacks one for an operation', () => {
    const ctx = ledgerCtx([{ source: mux(A), ops: [op({ type: 9 }), op({ type: 9 })], code: -1, results: [{ type: -1 }] }]);
    expect(() => operationRows(ctx)).toThrow(/^transaction 1, operation 2: OperationResult: the transaction result has 1 operation results for 2 operations/);
  });
});

describe('claim predicates', () => {
  it('nests and/or/not and prints times as RFC 3339 with string epochs', () => {
    const p: X.ClaimPredicate = {
      type: 1,
      andPredicates: [
        { type: 3, notPredicate: { type: 4, absBefore: 1726472954n } },
        { type: 2, orPredicates: [{ type: 5, relBefore: 0n }, { type: 0 }] },
      ],
    };
    expect(json(claimPredicateJson(p))).toBe(
      '{"and":[{"not":{"abs_before":"2024-09-16T07:49:14Z","abs_before_epoch":"1726472954"}},{"or":[{"rel_before":"0"},{"unconditional":true}]}]}',
    );
  });

  it('handles epochs before 1970 and years past 9999', () => {
    expect(claimPredicateJson({ type: 4, absBefore: -1n })).toEqual({ abs_before: '1969-12-31T23:59:59Z', abs_before_epoch: '-1' });
    // 253402300800 s = 10000-01-01T00:00:00Z (9999-12-31T23:59:59Z is 253402300799).
    expect(claimPredicateJson({ type: 4, absBefore: 253402300800n })).toEqual({ abs_before: '+10000-01-01T00:00:00Z', abs_before_epoch: '253402300800' });
    expect(claimPredicateJson({ type: 4, absBefore: 253402300799n }).abs_before).toBe(new Date(253402300799000).toISOString().replace('.000', ''));
    // Go's largest formattable instant, time.Unix(1<<63-1, 0).UTC(): 292277026596-12-04 15:30:07.
    expect(claimPredicateJson({ type: 4, absBefore: 9223372036854775807n }).abs_before).toBe('+292277026596-12-04T15:30:07Z');
  });
});
