/**
 * Ledger entry changes as (pre, post) pairs, the shape the Stellar SDK's `ingest.Change` gives
 * them: one list of `LedgerEntryChange`s becomes a list of paired changes, STATE entries dropped,
 * sorted stably by the XDR bytes of each entry's LedgerKey.
 */
import { ExtractError } from '../errors.js';
import { encode } from '../xdr/index.js';
import { LedgerEntryChangeType, LedgerEntryType } from '../xdr/types.js';
import type * as X from '../xdr/types.js';

/** The change types a paired change can carry (STATE never stands alone). */
export type PairedChangeType = 0 | 1 | 2 | 4;

/** One ledger entry change with the entry before and after it. */
export interface EntryChange {
  /** `LedgerEntryChangeType`: 0 created, 1 updated, 2 removed, 4 restored. */
  readonly changeType: PairedChangeType;
  /** `LedgerEntryType` of the entry. */
  readonly entryType: number;
  /** The entry before the change, or null (created, restored). */
  readonly pre: X.LedgerEntry | null;
  /** The entry after the change, or null (removed). */
  readonly post: X.LedgerEntry | null;
  /** XDR bytes of the entry's LedgerKey. */
  readonly key: Uint8Array;
}

/** The LedgerKey of a ledger entry (the fields that identify it), as a plain value. */
export function ledgerKeyOf(entry: X.LedgerEntry): X.LedgerKey {
  const d = entry.data;
  switch (d.type) {
    case LedgerEntryType.account:
      return { type: d.type, account: { accountId: d.account.accountId } };
    case LedgerEntryType.trustline:
      return { type: d.type, trustLine: { accountId: d.trustLine.accountId, asset: d.trustLine.asset } };
    case LedgerEntryType.offer:
      return { type: d.type, offer: { sellerId: d.offer.sellerId, offerId: d.offer.offerId } };
    case LedgerEntryType.data:
      return { type: d.type, data: { accountId: d.data.accountId, dataName: d.data.dataName } };
    case LedgerEntryType.claimableBalance:
      return { type: d.type, claimableBalance: { balanceId: d.claimableBalance.balanceId } };
    case LedgerEntryType.liquidityPool:
      return { type: d.type, liquidityPool: { liquidityPoolId: d.liquidityPool.liquidityPoolId } };
    case LedgerEntryType.contractData:
      return {
        type: d.type,
        contractData: { contract: d.contractData.contract, key: d.contractData.key, durability: d.contractData.durability },
      };
    case LedgerEntryType.contractCode:
      return { type: d.type, contractCode: { hash: d.contractCode.hash } };
    case LedgerEntryType.configSetting:
      return { type: d.type, configSetting: { configSettingId: d.configSetting.type } };
    case LedgerEntryType.ttl:
      return { type: d.type, ttl: { keyHash: d.ttl.keyHash } };
  }
}

/** XDR bytes of the LedgerKey of a ledger entry. */
export function ledgerKeyBytes(entry: X.LedgerEntry): Uint8Array {
  return encode.LedgerKey(ledgerKeyOf(entry));
}

/** Byte-wise comparison (Go `bytes.Compare`). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The entry an UPDATED or REMOVED change at `i` starts from: the STATE or RESTORED entry just before it. */
function precedingState(list: readonly X.LedgerEntryChange[], i: number, ledger: number | undefined): X.LedgerEntry {
  const where = ledger === undefined ? {} : { ledger };
  const prev = i > 0 ? list[i - 1] : undefined;
  if (prev?.type === LedgerEntryChangeType.ledgerEntryState) return prev.state;
  if (prev?.type === LedgerEntryChangeType.ledgerEntryRestored) return prev.restored;
  throw new ExtractError(
    'INVALID_VALUE',
    `ledger entry change ${i} (${list[i]!.type === LedgerEntryChangeType.ledgerEntryUpdated ? 'updated' : 'removed'}) is not preceded by a state or restored entry`,
    { ...where, field: 'LedgerEntryChanges' },
    { hint: 'The LedgerCloseMeta is malformed; check the ledger source.' },
  );
}

/**
 * Pairs one `LedgerEntryChanges` list into (pre, post) changes and sorts them stably by LedgerKey
 * bytes. When `entryType` is given, only changes of that entry type are returned (the relative
 * order of the kept changes equals their order in the full sorted list).
 */
export function pairChanges(
  list: readonly X.LedgerEntryChange[],
  opts: { entryType?: number; ledger?: number } = {},
): EntryChange[] {
  const out: EntryChange[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    let change: Omit<EntryChange, 'key'> & { keyEntry: X.LedgerEntry };
    switch (c.type) {
      case LedgerEntryChangeType.ledgerEntryState:
        continue;
      case LedgerEntryChangeType.ledgerEntryCreated:
        change = { changeType: 0, entryType: c.created.data.type, pre: null, post: c.created, keyEntry: c.created };
        break;
      case LedgerEntryChangeType.ledgerEntryRestored:
        change = { changeType: 4, entryType: c.restored.data.type, pre: null, post: c.restored, keyEntry: c.restored };
        break;
      case LedgerEntryChangeType.ledgerEntryUpdated: {
        const pre = precedingState(list, i, opts.ledger);
        change = { changeType: 1, entryType: pre.data.type, pre, post: c.updated, keyEntry: pre };
        break;
      }
      case LedgerEntryChangeType.ledgerEntryRemoved: {
        const pre = precedingState(list, i, opts.ledger);
        change = { changeType: 2, entryType: pre.data.type, pre, post: null, keyEntry: pre };
        break;
      }
    }
    if (opts.entryType !== undefined && change.entryType !== opts.entryType) continue;
    const { keyEntry, ...rest } = change;
    out.push({ ...rest, key: ledgerKeyBytes(keyEntry) });
  }
  // Array.prototype.sort is stable: changes with equal keys keep their list order.
  return out.sort((a, b) => compareBytes(a.key, b.key));
}
