/**
 * Ledger entry changes of one operation, as the Stellar Go SDK presents them to stellar-etl:
 * STATE entries supply the `pre` of the UPDATED / REMOVED entry that follows them, and the
 * resulting pre/post pairs are ordered by the XDR bytes of their LedgerKey (stable). "First
 * change that matches" searches (the `sponsor` key, liquidity pool deltas) run in that order.
 */
import { ExtractError } from '../errors.js';
import type { LedgerContext, TxContext } from '../context.js';
import { changeKeyBytes, compareBytes, pairedChanges, type EntryChange } from '../ledger-changes.js';
import type * as X from '../xdr/types.js';

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
export function operationChanges(ctx: LedgerContext, tx: TxContext, k: number): readonly EntryChange[] {
  const raw = operationMetaChanges(tx.meta, k);
  if (ctx.protocolVersion <= 12 && tx.result.result.type === TX_INTERNAL_ERROR) return [];
  return pairedChanges(raw, ctx.pairedLists, ctx.sequence);
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

export { pairChanges, sortChangesByKey, type EntryChange } from '../ledger-changes.js';
