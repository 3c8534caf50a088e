/**
 * `native_balances`: mirrors the `accounts` output of stellar-etl's `export_ledger_entry_changes`
 * (`AccountOutput`, BigQuery table `accounts`), one row per account changed in the ledger.
 *
 * ```
 * LedgerCloseMeta ─▶ change lists (fee, meta, post-apply fee, upgrades; reader order)
 *                 ─▶ pair STATE with UPDATED/REMOVED ─▶ keep ACCOUNT changes
 *                 ─▶ compact per ledger (ChangeCompactor; per key, so stellar-etl's sort of
 *                    each list by LedgerKey, which keeps each key's order, changes nothing)
 *                 ─▶ AccountChangedExceptSigners ─▶ row from post (created/updated) or pre (removed)
 * ```
 *
 * Rows are ordered by account (LedgerKey bytes); stellar-etl's order is a Go map's, so only the set
 * of rows per ledger is comparable.
 */
import { accountRow } from '../accounts/account-row.js';
import { ledgerChanges } from '../accounts/change-stream.js';
import { accountChangedExceptSigners } from '../accounts/changed-except-signers.js';
import { ChangeCompactor } from '../accounts/compactor.js';
import { compareKeys } from '../accounts/entry-change.js';
import type { LedgerContext } from '../context.js';
import type { NativeBalanceRow } from '../schema/native-balances.js';
import { LedgerEntryType } from '../xdr/types.js';

/**
 * The `native_balances` rows of one ledger: every account created, updated or removed in it, once,
 * with the ledger's changes compacted the way stellar-etl does, ordered by account key.
 *
 * @example
 * const rows = nativeBalanceRows(ctx);
 * rows.map((r) => toEtlJson('native_balances', r)); // stellar-etl `accounts` lines, any order
 */
export function nativeBalanceRows(ctx: LedgerContext): NativeBalanceRow[] {
  const compactor = new ChangeCompactor();
  for (const change of ledgerChanges(ctx, LedgerEntryType.account)) compactor.add(change);
  const ledger = { sequence: ctx.sequence, closedAt: ctx.closedAt };
  return compactor
    .changes()
    .sort((a, b) => compareKeys(a.key, b.key))
    .filter(accountChangedExceptSigners)
    .map((change) => accountRow(change, ledger));
}
