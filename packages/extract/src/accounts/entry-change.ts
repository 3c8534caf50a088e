/**
 * Account-side view of paired ledger entry changes: each change carries the XDR bytes of its
 * LedgerKey (the compaction key) as text, and each list is ordered by that key as stellar-etl
 * orders it.
 */
import { latin1 } from '../hash.js';
import { ledgerKeyBytes, pairChanges as pairLedgerChanges, type EntryChange as PairedChange } from '../ledger-changes.js';
import { LedgerEntryType } from '../xdr/types.js';
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

/** The LedgerKey XDR of an ACCOUNT entry before its ed25519 key: key type 0, PublicKey type 0. */
const ACCOUNT_KEY_HEAD = '\0'.repeat(8);

/** {@link EntryChange.key} of an entry. */
function keyText(entry: X.LedgerEntry): string {
  const d = entry.data;
  if (d.type === LedgerEntryType.account && d.account.accountId.type === 0) return ACCOUNT_KEY_HEAD + latin1(d.account.accountId.ed25519);
  return latin1(ledgerKeyBytes(entry));
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
    key: keyText((c.pre ?? c.post)!),
  }));
  // Array.prototype.sort is stable: changes with equal keys keep their list order.
  return out.sort((a, b) => compareKeys(a.key, b.key));
}
