/**
 * Account-side view of paired ledger entry changes: each change carries the XDR bytes of its
 * LedgerKey (the compaction key) as text, and each list is ordered by that key as stellar-etl
 * orders it.
 */
import { latin1 } from '../hash.js';
import { ledgerKeyBytes, pairChanges as pairLedgerChanges, type EntryChange as PairedChange } from '../ledger-changes.js';
import type * as X from '../xdr/types.js';

export { compareBytes, ledgerKeyBytes, ledgerKeyOf, type PairedChangeType } from '../ledger-changes.js';

/** A paired change with its LedgerKey. */
export interface EntryChange extends PairedChange {
  /**
   * XDR bytes of the entry's LedgerKey, one character per byte (latin1): such strings compare as
   * their bytes do (Go `bytes.Compare`) and serve as Map keys as they are.
   */
  readonly key: string;
}

/** Orders {@link EntryChange.key}s as their bytes. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Pairs one `LedgerEntryChanges` list (see `pairChanges` in `ledger-changes.ts`), attaches each
 * change's LedgerKey bytes and sorts the list stably by them.
 */
export function pairChanges(list: readonly X.LedgerEntryChange[], opts: { entryType?: number; ledger?: number } = {}): EntryChange[] {
  const out: EntryChange[] = pairLedgerChanges(list, opts).map((c) => ({
    changeType: c.changeType,
    entryType: c.entryType,
    pre: c.pre,
    post: c.post,
    key: latin1(ledgerKeyBytes((c.pre ?? c.post)!)),
  }));
  // Array.prototype.sort is stable: changes with equal keys keep their list order.
  return out.sort((a, b) => compareKeys(a.key, b.key));
}
