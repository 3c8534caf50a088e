/**
 * The selection of `native_balances` rows, derived from first principles of stellar-etl's
 * pipeline (SDK LedgerChangeReader → ChangeCompactor per ledger → AccountChangedExceptSigners):
 * which accounts get a row, with which change type and from which state.
 */
import { describe, expect, it } from 'vitest';
import { accountChangedExceptSigners } from '../../src/accounts/changed-except-signers.js';
import { ChangeCompactor } from '../../src/accounts/compactor.js';
import { keyedChanges, ledgerKeyBytes, pairChanges } from '../../src/accounts/entry-change.js';
import { ExtractError } from '../../src/errors.js';
import { accountAddress } from '../../src/strkey.js';
import { nativeBalanceRows } from '../../src/tables/native-balances.js';
import type * as X from '../../src/xdr/types.js';
import {
  accountEntry,
  accountLedgerEntry,
  created,
  keyOf,
  ledgerContext,
  metaV2,
  removed,
  state,
  trustlineLedgerEntry,
  updated,
} from './helpers.js';

const A = keyOf(1);
const B = keyOf(2);
const C = keyOf(3);
const addr = (k: X.PublicKey) => accountAddress(k);

/** Account `k` with `balance` stroops, last modified at `lm`. */
const acc = (k: X.PublicKey, balance: bigint, lm: number, over: Partial<X.AccountEntry> = {}) =>
  accountLedgerEntry(accountEntry({ accountId: k, balance, ...over }), lm);

describe('native_balances compaction within one ledger', () => {
  it('created then removed (in two transactions): no row', () => {
    const ctx = ledgerContext([
      { meta: metaV2([], [[created(acc(A, 50_000_000n, 100))]]) },
      { meta: metaV2([], [[state(acc(A, 50_000_000n, 100)), removed(acc(A, 50_000_000n, 100))]]) },
    ]);
    expect(nativeBalanceRows(ctx)).toEqual([]);
  });

  it('updated … removed: one removed row built from the state before the ledger', () => {
    const before = acc(A, 70_000_000n, 42);
    const mid = acc(A, 60_000_000n, 100);
    const ctx = ledgerContext([
      { fee: [state(before), updated(mid)] },
      { meta: metaV2([], [[state(mid), removed(mid)]]) },
    ]);
    const rows = nativeBalanceRows(ctx);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      account_id: addr(A),
      balance: 7,
      last_modified_ledger: 42,
      ledger_entry_change: 2,
      deleted: true,
      ledger_sequence: 100,
    });
  });

  it('removed then created again: an updated row with the new state', () => {
    const old = acc(A, 10_000_000n, 42);
    const fresh = acc(A, 25_000_000n, 100);
    const ctx = ledgerContext([
      { meta: metaV2([], [[state(old), removed(old)]]) },
      { meta: metaV2([], [[created(fresh)]]) },
    ]);
    const rows = nativeBalanceRows(ctx);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ balance: 2.5, last_modified_ledger: 100, ledger_entry_change: 1, deleted: false });
  });

  it('created then updated: a created row (0) with the final state', () => {
    const first = acc(A, 10_000_000n, 100);
    const last = acc(A, 9_999_900n, 100, { seqNum: 5n });
    const ctx = ledgerContext([{ meta: metaV2([], [[created(first)], [state(first), updated(last)]]) }]);
    const rows = nativeBalanceRows(ctx);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ balance: 0.99999, sequence_number: 5n, ledger_entry_change: 0, deleted: false });
  });

  it('several updates: one updated row with the final state', () => {
    const s0 = acc(A, 100n, 7);
    const s1 = acc(A, 90n, 100);
    const s2 = acc(A, 80n, 100);
    const s3 = acc(A, 70n, 100);
    const ctx = ledgerContext([
      { fee: [state(s0), updated(s1)], meta: metaV2([state(s1), updated(s2)], []) },
      { meta: metaV2([], [[state(s2), updated(s3)]]) },
    ]);
    const rows = nativeBalanceRows(ctx);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ balance: 0.000007, ledger_entry_change: 1, last_modified_ledger: 100 });
  });

  it('reads all fee changes before any meta change, and post-apply fee changes after all metas', () => {
    // A0 → A1 (tx1 fee) → A2 (tx2 fee) → A3 (tx1 meta) → A4 (tx2 meta) → A5 (tx1 post-apply fee);
    // the row shows the state after the change read last.
    const a = [0, 1, 2, 3, 4, 5].map((i) => acc(A, BigInt(1000 - i), i === 0 ? 9 : 100));
    const ctx = ledgerContext([
      { fee: [state(a[0]!), updated(a[1]!)], meta: metaV2([], [[state(a[2]!), updated(a[3]!)]]), postFee: [state(a[4]!), updated(a[5]!)] },
      { fee: [state(a[1]!), updated(a[2]!)], meta: metaV2([state(a[3]!), updated(a[4]!)], []) },
    ]);
    const rows = nativeBalanceRows(ctx);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ balance: 0.0000995, last_modified_ledger: 100, ledger_entry_change: 1 });
  });

  it('reads upgrade changes after every transaction change', () => {
    // Fee change a1 → a2, upgrade change a2 → a3: read in that order the row shows a3 (700 stroops).
    const a1 = acc(A, 900n, 9);
    const a2 = acc(A, 800n, 100);
    const a3 = acc(A, 700n, 100);
    const ctx = ledgerContext([{ fee: [state(a1), updated(a2)] }], { upgrades: [[state(a2), updated(a3)]] });
    const rows = nativeBalanceRows(ctx);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ balance: 0.00007, ledger_entry_change: 1 });
  });

  it('drops an account whose compacted change ends where it started', () => {
    // Updated and updated back within the ledger, with lastModified unchanged: no row.
    const a1 = acc(A, 900n, 100);
    const a2 = acc(A, 800n, 100);
    const ctx = ledgerContext([{ fee: [state(a1), updated(a2)], meta: metaV2([], [[state(a2), updated(a1)]]) }]);
    expect(nativeBalanceRows(ctx)).toEqual([]);
  });

  it('keeps the first of two creations and ignores an update after a removal (compactor errors are ignored)', () => {
    const c1 = acc(A, 10n, 100);
    const c2 = acc(A, 20n, 100);
    const b0 = acc(B, 30n, 50);
    const ctx = ledgerContext([
      { meta: metaV2([], [[created(c1)], [created(c2)]]) },
      { meta: metaV2([], [[state(b0), removed(b0)], [state(b0), updated(acc(B, 40n, 100))]]) },
    ]);
    const rows = nativeBalanceRows(ctx);
    const byAccount = new Map(rows.map((r) => [r.account_id, r]));
    expect(rows).toHaveLength(2);
    expect(byAccount.get(addr(A))).toMatchObject({ balance: 0.000001, ledger_entry_change: 0 });
    expect(byAccount.get(addr(B))).toMatchObject({ balance: 0.000003, ledger_entry_change: 2, deleted: true });
  });

  it('skips operation and after changes of a txINTERNAL_ERROR transaction before protocol 13 only', () => {
    const b0 = acc(B, 30n, 50);
    const b1 = acc(B, 40n, 100);
    const c0 = acc(C, 1n, 50);
    const c1 = acc(C, 2n, 100);
    const tx = { resultCode: -11, meta: metaV2([], [[state(b0), updated(b1)]], [state(c0), updated(c1)]) };
    expect(nativeBalanceRows(ledgerContext([tx], { protocolVersion: 12 }))).toEqual([]);
    expect(nativeBalanceRows(ledgerContext([tx], { protocolVersion: 13 })).map((r) => r.account_id).sort()).toEqual([addr(B), addr(C)].sort());
  });

  it('reads meta v1 (txChanges then operations) and rejects meta v0', () => {
    const b0 = acc(B, 30n, 50);
    const v1: X.TransactionMeta = { type: 1, v1: { txChanges: [state(b0), updated(acc(B, 31n, 100))], operations: [{ changes: [created(acc(C, 5n, 100))] }] } };
    expect(nativeBalanceRows(ledgerContext([{ meta: v1 }])).map((r) => r.account_id).sort()).toEqual([addr(B), addr(C)].sort());
    const v0 = { type: 0, operations: [] } as unknown as X.TransactionMeta;
    expect(() => nativeBalanceRows(ledgerContext([{ meta: v0 }]))).toThrow(ExtractError);
  });

  it('ignores non-account entries', () => {
    const t = trustlineLedgerEntry(A, 100);
    const ctx = ledgerContext([{ meta: metaV2([], [[created(t)]]) }]);
    expect(nativeBalanceRows(ctx)).toEqual([]);
  });

  it('writes the ledger sequence and close time of the ledger on every row', () => {
    const ctx = ledgerContext([{ meta: metaV2([], [[created(acc(A, 1n, 777))]]) }], { sequence: 777, closeTime: 1595895040 });
    const [row] = nativeBalanceRows(ctx);
    expect(row!.ledger_sequence).toBe(777);
    expect(row!.closed_at.toISOString()).toBe('2020-07-28T00:10:40.000Z');
  });
});

describe('AccountChangedExceptSigners filter', () => {
  const signer = (n: number): X.Signer => ({ key: { type: 0, ed25519: new Uint8Array(32).fill(n) }, weight: 1 });

  it('drops an update that only changes signers while lastModified stays', () => {
    const pre = acc(A, 100n, 100, { signers: [] });
    const post = acc(A, 100n, 100, { signers: [signer(7)] });
    expect(accountChangedExceptSigners({ pre, post })).toBe(false);
    expect(nativeBalanceRows(ledgerContext([{ meta: metaV2([], [[state(pre), updated(post)]]) }]))).toEqual([]);
  });

  it('keeps a signer-only update when lastModified moves', () => {
    const pre = acc(A, 100n, 99, { signers: [] });
    const post = acc(A, 100n, 100, { signers: [signer(7)] });
    expect(accountChangedExceptSigners({ pre, post })).toBe(true);
  });

  it('treats ext v0 and ext v1 with zero liabilities as equal, and other differences as changes', () => {
    const v0 = acc(A, 100n, 100);
    const v1zero = acc(A, 100n, 100, { ext: { type: 1, v1: { liabilities: { buying: 0n, selling: 0n }, ext: { type: 0 } } } });
    const v1some = acc(A, 100n, 100, { ext: { type: 1, v1: { liabilities: { buying: 1n, selling: 0n }, ext: { type: 0 } } } });
    expect(accountChangedExceptSigners({ pre: v0, post: v1zero })).toBe(false);
    expect(accountChangedExceptSigners({ pre: v0, post: v1some })).toBe(true);
    expect(accountChangedExceptSigners({ pre: v0, post: acc(A, 101n, 100) })).toBe(true);
    expect(accountChangedExceptSigners({ pre: null, post: v0 })).toBe(true);
    expect(accountChangedExceptSigners({ pre: v0, post: null })).toBe(true);
  });
});

describe('pairing and sorting of one change list', () => {
  it('pairs STATE with the following UPDATED/REMOVED and sorts stably by LedgerKey bytes', () => {
    const b0 = acc(B, 1n, 10);
    const list = [created(acc(C, 3n, 100)), state(b0), updated(acc(B, 2n, 100)), created(acc(A, 1n, 100)), state(b0), removed(b0)];
    const changes = pairChanges(list);
    expect(changes.map((c) => [c.changeType, c.post === null ? null : (c.post.data as { account: X.AccountEntry }).account.balance])).toEqual([
      [0, 1n], // A
      [1, 2n], // B, updated (list order kept for the same key)
      [2, null], // B, removed
      [0, 3n], // C
    ]);
    expect(changes[1]!.pre).toBe(b0);
    expect(changes[2]!.pre).toBe(b0);
    expect(changes[0]!.key).toBe(Buffer.from(ledgerKeyBytes(acc(A, 0n, 0))).toString('latin1'));
  });

  it('sorts account keys before trustline keys (LedgerEntryType is the first key word)', () => {
    const list = [created(trustlineLedgerEntry(A, 100)), created(acc(C, 3n, 100))];
    expect(pairChanges(list).map((c) => c.entryType)).toEqual([0, 1]);
    expect(pairChanges(list, { entryType: 0 })).toHaveLength(1);
  });

  it('rejects an UPDATED change without a preceding STATE', () => {
    expect(() => pairChanges([updated(acc(A, 1n, 100))], { ledger: 5 })).toThrow(ExtractError);
  });

  it('compacts each key alike whether or not each list was sorted by key first', () => {
    const lists = [
      [state(acc(C, 5n, 10)), updated(acc(C, 6n, 100)), created(acc(A, 1n, 100)), state(acc(B, 1n, 10)), updated(acc(B, 2n, 100))],
      [state(acc(C, 6n, 100)), removed(acc(C, 6n, 100)), state(acc(A, 1n, 100)), updated(acc(A, 3n, 100)), state(acc(B, 2n, 100)), removed(acc(B, 2n, 100))],
      [created(acc(C, 9n, 100)), state(acc(A, 3n, 100)), removed(acc(A, 3n, 100))],
    ];
    const compacted = (pair: typeof pairChanges) => {
      const compactor = new ChangeCompactor();
      for (const list of lists) for (const c of pair(list)) compactor.add(c);
      return compactor
        .changes()
        .map((c) => [c.key, c.changeType, c.pre, c.post] as const)
        .sort((x, y) => (x[0] < y[0] ? -1 : 1));
    };
    const unsorted = compacted((list) => keyedChanges(list));
    expect(unsorted).toEqual(compacted(pairChanges));
    // A created then removed is gone; B updated then removed; C removed then created again.
    expect(unsorted.map(([, type]) => type)).toEqual([2, 1]);
  });

  it('the compactor reports rejected changes and leaves its state unchanged', () => {
    const compactor = new ChangeCompactor();
    const [c] = pairChanges([created(acc(A, 1n, 100))]);
    const [u] = pairChanges([state(acc(A, 1n, 100)), updated(acc(A, 2n, 100))]);
    expect(compactor.add(c!)).toBeNull();
    expect(compactor.add(c!)).toBe('create-existing');
    expect(compactor.add(u!)).toBeNull();
    expect(compactor.changes()).toHaveLength(1);
    expect(compactor.changes()[0]!.changeType).toBe(0);
  });
});

describe('row order', () => {
  it('orders rows by account key, whatever the order the accounts changed in', () => {
    const ctx = ledgerContext([
      { meta: metaV2([], [[created(acc(C, 3n, 100))]]) },
      { meta: metaV2([], [[created(acc(A, 1n, 100))], [created(acc(B, 2n, 100))]]) },
    ]);
    expect(nativeBalanceRows(ctx).map((r) => r.account_id)).toEqual([addr(A), addr(B), addr(C)]);
  });
});
