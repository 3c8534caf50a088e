/**
 * Per-ledger compaction of entry changes, with the semantics of the Stellar SDK's
 * `ingest.ChangeCompactor` (remove-after-restore not suppressed), which stellar-etl's
 * `export_ledger_entry_changes` applies to every ledger separately.
 *
 * | existing \ new | CREATED                 | UPDATED                           | REMOVED                          |
 * | -------------- | ----------------------- | --------------------------------- | -------------------------------- |
 * | none           | store                   | store                             | store                            |
 * | CREATED        | rejected                | CREATED, pre ∅, post = new post   | key dropped (no change)          |
 * | UPDATED        | rejected                | UPDATED, first pre, new post      | REMOVED, first pre, post ∅       |
 * | REMOVED        | UPDATED, removed pre, new post | rejected                   | rejected                         |
 * | RESTORED       | rejected                | RESTORED, pre ∅, new post         | REMOVED, pre = new pre, post ∅   |
 *
 * A new RESTORED change is rejected when the key is already present. A rejected change leaves the
 * compactor as it was: stellar-etl ignores the compactor's error. The SDK's TTL-only rule (an
 * update keeps the larger live-until ledger) is not applied: this compactor is fed ACCOUNT changes.
 */
import type { EntryChange } from './entry-change.js';

/** Why a change was rejected (the SDK's state errors). */
export type RejectReason = 'create-existing' | 'update-removed' | 'remove-removed' | 'restore-existing';

/** Folds the changes of one ledger into at most one change per LedgerKey. */
export class ChangeCompactor {
  readonly #byKey = new Map<string, EntryChange>();

  /**
   * Adds one change. Returns null when it was folded in, or the reason it was rejected (the
   * compactor is then unchanged).
   */
  add(change: EntryChange): RejectReason | null {
    const id = change.key;
    const existing = this.#byKey.get(id);
    if (existing === undefined) {
      this.#byKey.set(id, change);
      return null;
    }
    switch (change.changeType) {
      case 0:
        if (existing.changeType !== 2) return 'create-existing';
        this.#byKey.set(id, { changeType: 1, entryType: change.entryType, pre: existing.pre, post: change.post, key: change.key });
        return null;
      case 1:
        if (existing.changeType === 2) return 'update-removed';
        this.#byKey.set(id, { changeType: existing.changeType, entryType: change.entryType, pre: existing.pre, post: change.post, key: change.key });
        return null;
      case 2:
        switch (existing.changeType) {
          case 0:
            this.#byKey.delete(id);
            return null;
          case 1:
            this.#byKey.set(id, { changeType: 2, entryType: change.entryType, pre: existing.pre, post: null, key: change.key });
            return null;
          case 4:
            this.#byKey.set(id, { changeType: 2, entryType: change.entryType, pre: change.pre, post: null, key: change.key });
            return null;
          case 2:
            return 'remove-removed';
        }
        break;
      case 4:
        return 'restore-existing';
    }
    return null;
  }

  /** The compacted changes, in the order their keys were first stored. */
  changes(): EntryChange[] {
    return [...this.#byKey.values()];
  }
}
