/**
 * The `sponsor` key, end_sponsoring's `begin_sponsor`, and the pairing/ordering of operation
 * changes they (and liquidity pool deltas) rely on (spec §3.5, §3.7, §4.1 steps 2–3).
 */
import { describe, expect, it } from 'vitest';
import { pairChanges, sortChangesByKey } from '../../src/operations/changes.js';
import { operationRows } from '../../src/tables/operations.js';
import type * as X from '../../src/xdr/types.js';
import { accountData, credit, entry, hash32, inner, json, ledgerCtx, mux, okTr, op, pk, poolEntry } from './helpers.js';

const A = 'GBT4YAEGJQ5YSFUMNKX6BPBUOCPNAIOFAVZOF6MIME2CECBMEIUXFZZN';
const B = 'GBVVRXLMNCJQW3IDDXC3X6XCH35B5Q7QXNMMFPENSOGUPQO7WO7HGZPA';
const S1 = 'GCEODJVUUVYVFD5KT4TOEDTMXQ76OPFOQC2EMYYMLPXQCUVPOB6XRWPQ';
const S2 = 'GAOEOQMXDDXPVJC3HDFX6LZFKANJ4OOLQOD2MNXJ7PGAY5FEO4BRRAQU';
const USD = credit('USD', B);

function trustlineData(account: string): X.LedgerEntryData {
  return { type: 1, trustLine: { accountId: pk(account), asset: USD as X.TrustLineAsset, balance: 0n, limit: 1n, flags: 1, ext: { type: 0 } } };
}

function metaWith(perOp: X.LedgerEntryChange[][]): X.TransactionMeta {
  return { type: 3, v3: { ext: { type: 0 }, txChangesBefore: [], operations: perOp.map((changes) => ({ changes })), txChangesAfter: [], sorobanMeta: null } };
}

describe('operation changes', () => {
  it('pairs STATE with the following UPDATED/REMOVED and keeps CREATED/RESTORED alone', () => {
    const s = entry(accountData(A));
    const u = entry(accountData(A), undefined, 2);
    const c = entry(trustlineData(B));
    const r = entry(trustlineData(A));
    const paired = pairChanges([
      { type: 3, state: s },
      { type: 1, updated: u },
      { type: 0, created: c },
      { type: 3, state: r },
      { type: 2, removed: { type: 1, trustLine: { accountId: pk(A), asset: USD as X.TrustLineAsset } } },
      { type: 4, restored: c },
    ]);
    expect(paired.map((p) => [p.entryType, p.pre, p.post])).toEqual([
      [0, s, u],
      [1, null, c],
      [1, r, null],
      [1, null, c],
    ]);
  });

  it('fails on an UPDATED change without its STATE', () => {
    expect(() => pairChanges([{ type: 1, updated: entry(accountData(A)) }])).toThrow(/STATE/);
  });

  it('sorts by LedgerKey XDR: entry type first, then key fields, stable for equal keys', () => {
    const tl = { changeType: 0, entryType: 1, pre: null, post: entry(trustlineData(A)) } as const;
    const accB = { changeType: 0, entryType: 0, pre: null, post: entry(accountData(B)) } as const;
    const accA = { changeType: 0, entryType: 0, pre: null, post: entry(accountData(A)) } as const;
    const accA2 = { changeType: 2, entryType: 0, pre: entry(accountData(A)), post: null } as const;
    // Base32 keeps byte order, so A (GBT…) sorts before B (GBV…); accounts (type 0) before trust lines (type 1).
    expect(sortChangesByKey([tl, accB, accA, accA2])).toEqual([accA, accA2, accB, tl]);
  });
});

describe('operation meta versions', () => {
  const create = op({ type: 0, createAccountOp: { destination: pk(B), startingBalance: 1n } });

  it('refuses TransactionMeta v0 (no operation changes can be read), like the SDK', () => {
    const ctx = ledgerCtx([{ source: mux(A), ops: [create], results: [inner(okTr(0, 'createAccountResult'))], meta: { type: 0, operations: [] } }]);
    expect(() => operationRows(ctx)).toThrow(/TransactionMeta v0/);
  });

  it('ignores operation changes of txINTERNAL_ERROR transactions up to protocol 12', () => {
    const meta = metaWith([[{ type: 0, created: entry(accountData(B), S1) }]]);
    const tx = { source: mux(A), ops: [create], code: -11, meta };
    expect('sponsor' in operationRows(ledgerCtx([tx], { protocol: 12 }))[0]!.details).toBe(false);
    expect(operationRows(ledgerCtx([tx], { protocol: 13 }))[0]!.details.sponsor).toBe(S1);
  });
});

describe('sponsor', () => {
  it('is the sponsoring id of an entry the operation created; the first in key order wins', () => {
    const changes: X.LedgerEntryChange[] = [
      { type: 0, created: entry(trustlineData(B), S2) },
      { type: 0, created: entry(accountData(B), S1) },
    ];
    const rows = operationRows(
      ledgerCtx([
        {
          source: mux(A),
          ops: [op({ type: 0, createAccountOp: { destination: pk(B), startingBalance: 1n } })],
          results: [inner(okTr(0, 'createAccountResult'))],
          meta: metaWith([changes]),
        },
      ]),
    );
    expect(rows[0]!.details.sponsor).toBe(S1);
  });

  it('is absent for updates and removals, and for failed transactions', () => {
    const pre = entry(accountData(B), S1);
    const updated: X.LedgerEntryChange[] = [
      { type: 3, state: pre },
      { type: 1, updated: entry(accountData(B), S1, 5) },
    ];
    const rows = operationRows(
      ledgerCtx([
        { source: mux(A), ops: [op({ type: 9 })], results: [inner({ type: 9, inflationResult: { type: 0, payouts: [] } })], meta: metaWith([updated]) },
        { source: mux(A), ops: [op({ type: 0, createAccountOp: { destination: pk(B), startingBalance: 1n } })], code: -1, results: [{ type: -1 }] },
      ]),
    );
    expect('sponsor' in rows[0]!.details).toBe(false);
    expect('sponsor' in rows[1]!.details).toBe(false);
  });

  it('is the new sponsor of the signer a set_options operation adds', () => {
    const signerKey: X.SignerKey = { type: 0, ed25519: pk(S1).ed25519 };
    const signer: X.Signer = { key: signerKey, weight: 1 };
    const setOptions = op({
      type: 5,
      setOptionsOp: { inflationDest: null, clearFlags: null, setFlags: null, masterWeight: null, lowThreshold: null, medThreshold: null, highThreshold: null, homeDomain: null, signer },
    });
    const tx = (pre: X.LedgerEntry) => ({
      source: mux(A),
      ops: [setOptions],
      results: [inner(okTr(5, 'setOptionsResult'))],
      meta: metaWith([[{ type: 3, state: pre } as X.LedgerEntryChange, { type: 1, updated: entry(accountData(A, [signer], [S2]), undefined, 9) }]]),
    });
    const rows = operationRows(ledgerCtx([tx(entry(accountData(A))), tx(entry(accountData(A, [signer], [S2])))]));
    expect(rows[0]!.details.sponsor).toBe(S2);
    expect(json(rows[0]!.details)).toBe(json({ signer_key: S1, signer_weight: 1, sponsor: S2 }));
    // Same sponsor before and after: not a new sponsorship.
    expect('sponsor' in rows[1]!.details).toBe(false);
  });
});

describe('end_sponsoring_future_reserves', () => {
  const begin = (sponsored: string, source: X.MuxedAccount | null) => op({ type: 16, beginSponsoringFutureReservesOp: { sponsoredId: pk(sponsored) } }, source);
  const ok = (n: number): X.OperationResult[] =>
    Array.from({ length: n }, () => inner(okTr(16, 'beginSponsoringFutureReservesResult')));

  it('names the source of the nearest earlier begin_sponsoring for this source', () => {
    const rows = operationRows(
      ledgerCtx([
        {
          source: mux(A),
          ops: [begin(B, mux(S1)), begin(B, mux(S2, 3n)), begin(A, null), op({ type: 17 }, mux(B, 99n)), op({ type: 17 })],
          results: ok(5),
        },
      ]),
    );
    expect(json(rows[3]!.details)).toBe(json({ begin_sponsor: S2, begin_sponsor_muxed: rows[1]!.source_account_muxed!, begin_sponsor_muxed_id: 3n }));
    // The transaction source A was sponsored by op 2, whose source defaults to A itself.
    expect(json(rows[4]!.details)).toBe(json({ begin_sponsor: A }));
  });

  it('is empty without a matching begin_sponsoring', () => {
    const rows = operationRows(ledgerCtx([{ source: mux(A), ops: [begin(B, null), op({ type: 17 })], results: ok(2) }]));
    expect(rows[1]!.details).toEqual({});
  });
});

describe('liquidity pool delta', () => {
  const pool = hash32(1);
  const other = hash32(2);
  const lp = (id: Uint8Array, a: bigint, b: bigint, shares: bigint): X.LedgerEntry => poolEntry(id, USD, a, b, shares);
  const depositOp = op({ type: 22, liquidityPoolDepositOp: { liquidityPoolId: pool, maxAmountA: 10n, maxAmountB: 10n, minPrice: { n: 1, d: 1 }, maxPrice: { n: 1, d: 1 } } });

  it('skips changes of other pools and counts a created pool from zero', () => {
    const changes: X.LedgerEntryChange[] = [
      { type: 3, state: lp(other, 1n, 1n, 1n) },
      { type: 1, updated: lp(other, 100n, 100n, 100n) },
      { type: 0, created: lp(pool, 30n, 20n, 25n) },
    ];
    const rows = operationRows(ledgerCtx([{ source: mux(A), ops: [depositOp], results: [inner(okTr(22, 'liquidityPoolDepositResult'))], meta: metaWith([changes]) }]));
    const d = rows[0]!.details;
    expect([d.reserve_a_asset_type, d.reserve_b_asset_code, d.reserve_a_deposit_amount, d.reserve_b_deposit_amount, d.shares_received]).toEqual([
      'native',
      'USD',
      3e-6,
      2e-6,
      2.5e-6,
    ]);
  });

  it('fails when the successful operation has no change of its pool', () => {
    const ctx = ledgerCtx([{ source: mux(A), ops: [depositOp], results: [inner(okTr(22, 'liquidityPoolDepositResult'))] }]);
    expect(() => operationRows(ctx)).toThrow(/liquidity pool change not found/);
  });
});
