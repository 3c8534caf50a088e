/**
 * Ledger entry changes of one operation, as the Stellar Go SDK presents them to stellar-etl:
 * STATE entries supply the `pre` of the UPDATED / REMOVED entry that follows them, and the
 * resulting pre/post pairs are ordered by the XDR bytes of their LedgerKey (stable). "First
 * change that matches" searches (the `sponsor` key, liquidity pool deltas) run in that order.
 */
import { ExtractError } from '../errors.js';
import type { TxContext } from '../context.js';
import { encode } from '../xdr/index.js';
import type * as X from '../xdr/types.js';

/** One entry change: `pre` is null for creations and restorations, `post` is null for removals. */
export interface EntryChange {
  /** LedgerEntryType of the entry. */
  readonly type: number;
  readonly pre: X.LedgerEntry | null;
  readonly post: X.LedgerEntry | null;
}

const CREATED = 0;
const UPDATED = 1;
const REMOVED = 2;
const STATE = 3;
const RESTORED = 4;

/**
 * Pairs a LedgerEntryChanges list into pre/post changes, in list order (not yet sorted).
 * An UPDATED or REMOVED entry takes the entry of the STATE (or RESTORED) change right before it.
 */
export function pairChanges(list: readonly X.LedgerEntryChange[]): EntryChange[] {
  const out: EntryChange[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    switch (c.type) {
      case CREATED:
        out.push({ type: c.created.data.type, pre: null, post: c.created });
        break;
      case RESTORED:
        out.push({ type: c.restored.data.type, pre: null, post: c.restored });
        break;
      case UPDATED:
      case REMOVED: {
        const prev = i > 0 ? list[i - 1]! : undefined;
        const pre = prev?.type === STATE ? prev.state : prev?.type === RESTORED ? prev.restored : null;
        if (pre === null) {
          throw new ExtractError('INVALID_VALUE', `an ${c.type === UPDATED ? 'UPDATED' : 'REMOVED'} ledger entry change is not preceded by its STATE entry`, { field: 'LedgerEntryChanges' });
        }
        out.push(c.type === UPDATED ? { type: pre.data.type, pre, post: c.updated } : { type: pre.data.type, pre, post: null });
        break;
      }
      case STATE:
        break;
      default:
        throw new ExtractError('XDR_UNKNOWN_ARM', `unknown LedgerEntryChangeType ${(c as { type: number }).type}`, { field: 'LedgerEntryChange' });
    }
  }
  return out;
}

/** The LedgerKey identifying a ledger entry. */
export function ledgerKeyOf(entry: X.LedgerEntry): X.LedgerKey {
  const d = entry.data;
  switch (d.type) {
    case 0:
      return { type: 0, account: { accountId: d.account.accountId } };
    case 1:
      return { type: 1, trustLine: { accountId: d.trustLine.accountId, asset: d.trustLine.asset } };
    case 2:
      return { type: 2, offer: { sellerId: d.offer.sellerId, offerId: d.offer.offerId } };
    case 3:
      return { type: 3, data: { accountId: d.data.accountId, dataName: d.data.dataName } };
    case 4:
      return { type: 4, claimableBalance: { balanceId: d.claimableBalance.balanceId } };
    case 5:
      return { type: 5, liquidityPool: { liquidityPoolId: d.liquidityPool.liquidityPoolId } };
    case 6:
      return { type: 6, contractData: { contract: d.contractData.contract, key: d.contractData.key, durability: d.contractData.durability } };
    case 7:
      return { type: 7, contractCode: { hash: d.contractCode.hash } };
    case 8:
      return { type: 8, configSetting: { configSettingId: d.configSetting.type } };
    case 9:
      return { type: 9, ttl: { keyHash: d.ttl.keyHash } };
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown LedgerEntryType ${(d as { type: number }).type}`, { field: 'LedgerEntry' });
  }
}

/** XDR bytes of the LedgerKey of a change (from `pre` when present, else `post`). */
export function changeKeyBytes(c: EntryChange): Uint8Array {
  return encode.LedgerKey(ledgerKeyOf((c.pre ?? c.post)!));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/** Sorts changes stably by the XDR bytes of their LedgerKey (a new array). */
export function sortChangesByKey(changes: readonly EntryChange[]): EntryChange[] {
  const keyed = changes.map((c, i) => ({ c, i, k: changeKeyBytes(c) }));
  keyed.sort((x, y) => compareBytes(x.k, y.k) || x.i - y.i);
  return keyed.map((e) => e.c);
}

/**
 * The raw change list of operation `k` in the transaction meta: `operations[k].changes` of meta
 * v0..v4 (empty when the meta has no entry for `k`, as for failed transactions).
 */
export function operationMetaChanges(meta: X.TransactionMeta, k: number): readonly X.LedgerEntryChange[] {
  let ops: readonly { changes: X.LedgerEntryChange[] }[];
  switch (meta.type) {
    case 0:
      throw new ExtractError('UNSUPPORTED', 'TransactionMeta v0 is not supported: operation changes cannot be read', { field: 'TransactionMeta' });
    case 1:
      ops = meta.v1.operations;
      break;
    case 2:
      ops = meta.v2.operations;
      break;
    case 3:
      ops = meta.v3.operations;
      break;
    case 4:
      ops = meta.v4.operations;
      break;
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown TransactionMeta version ${(meta as { type: number }).type}`, { field: 'TransactionMeta' });
  }
  return ops[k]?.changes ?? [];
}

const TX_INTERNAL_ERROR = -11;

/**
 * The paired (not yet key-sorted) changes of operation `k`. Like the SDK, transactions whose
 * result is txINTERNAL_ERROR on protocol ≤ 12 expose no operation changes.
 */
export function operationChanges(tx: TxContext, k: number, protocolVersion: number): EntryChange[] {
  const raw = operationMetaChanges(tx.meta, k);
  if (protocolVersion <= 12 && tx.result.result.type === TX_INTERNAL_ERROR) return [];
  return pairChanges(raw);
}

/**
 * The value `pick` yields for the first change, in LedgerKey order, for which it yields anything.
 * Only changes with a result are keyed and compared, so the common case of zero or one hit costs
 * no encoding.
 */
export function firstInKeyOrder<T>(changes: readonly EntryChange[], pick: (c: EntryChange) => T | null): T | null {
  let best: { k: Uint8Array | null; c: EntryChange; v: T } | null = null;
  for (const c of changes) {
    const v = pick(c);
    if (v === null) continue;
    if (best === null) {
      best = { k: null, c, v };
      continue;
    }
    best.k ??= changeKeyBytes(best.c);
    const k = changeKeyBytes(c);
    if (compareBytes(k, best.k) < 0) best = { k, c, v };
  }
  return best === null ? null : best.v;
}
