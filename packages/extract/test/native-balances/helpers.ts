/**
 * Builders of small ledger entries, entry changes and ledger contexts for the native_balances tests.
 */
import type { LedgerContext, TxContext } from '../../src/context.js';
import type * as X from '../../src/xdr/types.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The ed25519 key of a `G…` strkey (RFC 4648 base32 decode, version byte and checksum dropped). */
export function publicKey(address: string): X.PublicKey {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const ch of address) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if (bytes.length !== 35 || bytes[0] !== 6 << 3) throw new Error(`not an account strkey: ${address}`);
  return { type: 0, ed25519: new Uint8Array(bytes.slice(1, 33)) };
}

/** A key whose 32 bytes are all `n` (distinct small accounts for compaction tests). */
export function keyOf(n: number): X.PublicKey {
  return { type: 0, ed25519: new Uint8Array(32).fill(n) };
}

/** An AccountEntry with defaults for everything not given. */
export function accountEntry(over: Partial<X.AccountEntry> & { accountId: X.PublicKey }): X.AccountEntry {
  return {
    balance: 0n,
    seqNum: 0n,
    numSubEntries: 0,
    inflationDest: null,
    flags: 0,
    homeDomain: new Uint8Array(0),
    thresholds: new Uint8Array([1, 0, 0, 0]),
    signers: [],
    ext: { type: 0 },
    ...over,
  };
}

/** An ACCOUNT LedgerEntry. */
export function accountLedgerEntry(account: X.AccountEntry, lastModifiedLedgerSeq: number, ext: X.LedgerEntryExt = { type: 0 }): X.LedgerEntry {
  return { lastModifiedLedgerSeq, data: { type: 0, account }, ext };
}

/** A TRUSTLINE LedgerEntry (a non-account entry for stream tests). */
export function trustlineLedgerEntry(accountId: X.PublicKey, lastModifiedLedgerSeq: number): X.LedgerEntry {
  return {
    lastModifiedLedgerSeq,
    data: { type: 1, trustLine: { accountId, asset: { type: 1, alphaNum4: { assetCode: new TextEncoder().encode('USD\0'), issuer: keyOf(99) } }, balance: 1n, limit: 10n, flags: 1, ext: { type: 0 } } },
    ext: { type: 0 },
  };
}

/** The LedgerEntryChange list items. */
export const created = (e: X.LedgerEntry): X.LedgerEntryChange => ({ type: 0, created: e });
export const updated = (e: X.LedgerEntry): X.LedgerEntryChange => ({ type: 1, updated: e });
export const state = (e: X.LedgerEntry): X.LedgerEntryChange => ({ type: 3, state: e });
export const removed = (e: X.LedgerEntry): X.LedgerEntryChange => {
  if (e.data.type !== 0) throw new Error('removed() builds account keys only');
  return { type: 2, removed: { type: 0, account: { accountId: e.data.account.accountId } } };
};

/** One transaction for {@link ledgerContext}: fee changes and a TransactionMeta. */
export interface TxSpec {
  fee?: X.LedgerEntryChange[];
  meta?: X.TransactionMeta;
  postFee?: X.LedgerEntryChange[];
  /** TransactionResultCode of the (outer) result; default txSUCCESS (0). */
  resultCode?: number;
}

/** TransactionMeta v2 from before/op/after lists. */
export function metaV2(before: X.LedgerEntryChange[], ops: X.LedgerEntryChange[][], after: X.LedgerEntryChange[] = []): X.TransactionMeta {
  return { type: 2, v2: { txChangesBefore: before, operations: ops.map((changes) => ({ changes })), txChangesAfter: after } };
}

/**
 * A LedgerContext holding only what the accounts pipeline reads: the transactions' fee changes,
 * metas, post-apply fee changes and result codes, the upgrades, sequence, protocol and close time.
 */
export function ledgerContext(
  txs: TxSpec[],
  opts: { sequence?: number; protocolVersion?: number; closeTime?: number; upgrades?: X.LedgerEntryChange[][] } = {},
): LedgerContext {
  const sequence = opts.sequence ?? 100;
  const upgradesProcessing = (opts.upgrades ?? []).map((changes) => ({ upgrade: { type: 1, newLedgerVersion: 13 }, changes })) as X.UpgradeEntryMeta[];
  const txContexts = txs.map(
    (t, i) =>
      ({
        index: i + 1,
        feeChanges: t.fee ?? [],
        postFeeChanges: t.postFee ?? [],
        meta: t.meta ?? metaV2([], []),
        result: { feeCharged: 100n, result: { type: t.resultCode ?? 0, results: [] }, ext: { type: 0 } },
      }) as unknown as TxContext,
  );
  return {
    lcm: { type: 0, v0: { upgradesProcessing } } as unknown as X.LedgerCloseMeta,
    lcmVersion: 0,
    sequence,
    protocolVersion: opts.protocolVersion ?? 13,
    closedAt: new Date((opts.closeTime ?? 1000) * 1000),
    txs: txContexts,
  } as unknown as LedgerContext;
}
