/**
 * Ledger entry changes as (pre, post) pairs, the shape the Stellar SDK's `ingest.Change` gives
 * them: one list of `LedgerEntryChange`s becomes a list of paired changes, STATE entries dropped;
 * and the LedgerKey helpers that order them (stellar-etl sorts each list by LedgerKey XDR).
 */
import { ExtractError } from './errors.js';
import { encode, rawArm } from './xdr/index.js';
import { LedgerEntryChangeType, LedgerEntryType } from './xdr/types.js';
import type * as X from './xdr/types.js';

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

/**
 * XDR bytes of the LedgerKey of a ledger entry. An ACCOUNT key is written into `accountKeyInto`
 * when given (40 bytes whose first eight are zero), instead of a new array.
 */
export function ledgerKeyBytes(entry: X.LedgerEntry, accountKeyInto?: Uint8Array): Uint8Array {
  const d = entry.data;
  if (d.type === LedgerEntryType.account) {
    // LedgerKey ACCOUNT: the key type (0), then the AccountID: the PublicKey type (0, ed25519, the
    // only one) and the 32-byte key. An AccountEntry's XDR starts with that AccountID, so an entry
    // not decoded yet gives its key without being decoded.
    const raw = rawArm(d);
    const key = accountKeyInto ?? new Uint8Array(40);
    if (raw !== undefined) key.set(raw.subarray(0, 36), 4);
    else key.set(d.account.accountId.ed25519, 8);
    return key;
  }
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
    `ledger entry change ${i} (${list[i]!.type === LedgerEntryChangeType.ledgerEntryUpdated ? 'UPDATED' : 'REMOVED'}) is not preceded by its STATE or RESTORED entry`,
    { ...where, field: 'LedgerEntryChanges' },
    { hint: 'The LedgerCloseMeta is malformed; check the ledger source.' },
  );
}

/**
 * Pairs one `LedgerEntryChanges` list: STATE entries are dropped but give the `pre` of the
 * UPDATED or REMOVED entry that follows them (a RESTORED entry does too). Changes keep their list
 * order; `entryType` keeps only changes of that LedgerEntryType.
 * @throws {ExtractError} when an UPDATED or REMOVED entry has no STATE before it, or a change type is unknown.
 */
export function pairChanges(
  list: readonly X.LedgerEntryChange[],
  opts: { entryType?: number; ledger?: number } = {},
): EntryChange[] {
  const out: EntryChange[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    let changeType: PairedChangeType;
    let pre: X.LedgerEntry | null;
    let post: X.LedgerEntry | null;
    switch (c.type) {
      case LedgerEntryChangeType.ledgerEntryState:
        continue;
      case LedgerEntryChangeType.ledgerEntryCreated:
        changeType = 0;
        pre = null;
        post = c.created;
        break;
      case LedgerEntryChangeType.ledgerEntryRestored:
        changeType = 4;
        pre = null;
        post = c.restored;
        break;
      case LedgerEntryChangeType.ledgerEntryUpdated:
        changeType = 1;
        pre = precedingState(list, i, opts.ledger);
        post = c.updated;
        break;
      case LedgerEntryChangeType.ledgerEntryRemoved:
        changeType = 2;
        pre = precedingState(list, i, opts.ledger);
        post = null;
        break;
      default:
        throw new ExtractError('XDR_UNKNOWN_ARM', `unknown LedgerEntryChangeType ${(c as { type: number }).type}`, {
          ...(opts.ledger === undefined ? {} : { ledger: opts.ledger }),
          field: 'LedgerEntryChange',
        });
    }
    const entryType = (pre ?? post!).data.type;
    if (opts.entryType !== undefined && entryType !== opts.entryType) continue;
    out.push({ changeType, entryType, pre, post });
  }
  return out;
}

/** Paired change lists of one ledger, by list (see {@link pairedChanges}). */
export type PairedLists = Map<readonly X.LedgerEntryChange[], readonly EntryChange[]>;

/**
 * {@link pairChanges} of a decoded list (all entry types), computed once per list when `cache` is
 * given: the operations' details and `native_balances` both read the changes of every operation.
 * A cached result is shared by every caller and must not be modified.
 */
export function pairedChanges(list: readonly X.LedgerEntryChange[], cache: PairedLists | undefined, ledger?: number): readonly EntryChange[] {
  let paired = cache?.get(list);
  if (paired === undefined) {
    paired = pairChanges(list, ledger === undefined ? {} : { ledger });
    cache?.set(list, paired);
  }
  return paired;
}

/** XDR bytes of the LedgerKey of the entry a change is about. */
export function changeKeyBytes(c: EntryChange): Uint8Array {
  return ledgerKeyBytes((c.pre ?? c.post)!);
}

/** The changes ordered by LedgerKey XDR; changes with equal keys keep their order (a stable sort). */
export function sortChangesByKey<C extends EntryChange>(changes: readonly C[]): C[] {
  const keyed = changes.map((c) => ({ c, k: changeKeyBytes(c) }));
  keyed.sort((x, y) => compareBytes(x.k, y.k));
  return keyed.map((e) => e.c);
}
