/**
 * Account-side view of paired ledger entry changes: each change carries the XDR bytes of its
 * LedgerKey (the compaction key) as text, and each list is ordered by that key as stellar-etl
 * orders it.
 */
import { latin1 } from '../hash.js';
import { ledgerKeyBytes, pairedChanges, type EntryChange as PairedChange, type PairedLists } from '../ledger-changes.js';
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
 * Scratch space for the LedgerKey XDR of an ACCOUNT entry (its first eight bytes stay zero). Filled
 * and read within one synchronous call; read as one flat string, which Map lookups and
 * comparisons take without first copying it.
 */
const accountKey = new Uint8Array(40);

/** {@link EntryChange.key} of an entry. */
function keyText(entry: X.LedgerEntry): string {
  return latin1(ledgerKeyBytes(entry, accountKey));
}

/**
 * Pairs one `LedgerEntryChanges` list (see `pairChanges` in `ledger-changes.ts`; once per list
 * when `cache` is given), keeps the changes of `entryType` and attaches each change's LedgerKey,
 * in list order. They are appended to `out` when given.
 */
export function keyedChanges(
  list: readonly X.LedgerEntryChange[],
  opts: { entryType?: number; ledger?: number; cache?: PairedLists } = {},
  out: EntryChange[] = [],
): EntryChange[] {
  for (const c of pairedChanges(list, opts.cache, opts.ledger)) {
    if (opts.entryType !== undefined && c.entryType !== opts.entryType) continue;
    out.push({ changeType: c.changeType, entryType: c.entryType, pre: c.pre, post: c.post, key: keyText((c.pre ?? c.post)!) });
  }
  return out;
}

/**
 * {@link keyedChanges} of one list, sorted stably by LedgerKey: the order stellar-etl gives each
 * list.
 */
export function pairChanges(
  list: readonly X.LedgerEntryChange[],
  opts: { entryType?: number; ledger?: number; cache?: PairedLists } = {},
): EntryChange[] {
  // Array.prototype.sort is stable: changes with equal keys keep their list order.
  return keyedChanges(list, opts).sort((a, b) => compareKeys(a.key, b.key));
}
