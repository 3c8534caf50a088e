/**
 * The ledger entry changes of one ledger in the order of the Stellar SDK's `LedgerChangeReader`,
 * the reader stellar-etl's `export_ledger_entry_changes` consumes:
 *
 * 1. every transaction's `feeProcessing`, in application order;
 * 2. every transaction's meta changes, in application order: meta v1 `txChanges` then each
 *    operation's changes; meta v2–v4 `txChangesBefore`, each operation's changes, `txChangesAfter`
 *    (a `txINTERNAL_ERROR` transaction before protocol 13 contributes only its before/tx changes);
 * 3. every transaction's `postTxApplyFeeProcessing` (LedgerCloseMeta v2);
 * 4. each upgrade's changes.
 *
 * Each list is paired on its own (see {@link keyedChanges}).
 */
import type { LedgerContext, TxContext } from '../context.js';
import { ExtractError } from '../errors.js';
import { TransactionResultCode } from '../xdr/types.js';
import type * as X from '../xdr/types.js';
import { keyedChanges, type EntryChange } from './entry-change.js';

/** The `LedgerEntryChanges` lists of one transaction's meta, in reader order. */
function metaLists(tx: TxContext, ctx: LedgerContext): (readonly X.LedgerEntryChange[])[] {
  const meta = tx.meta;
  const internalErrorSkipsOps =
    tx.result.result.type === TransactionResultCode.txInternalError && ctx.protocolVersion <= 12;
  switch (meta.type) {
    case 0:
      throw new ExtractError(
        'UNSUPPORTED',
        'TransactionMeta v0 carries no ledger entry changes that can be read',
        { ledger: ctx.sequence, transaction: tx.index, field: 'TransactionMeta' },
        { hint: 'stellar-etl rejects such ledgers too; use a ledger source that emits meta v1 or later.' },
      );
    case 1: {
      const lists: (readonly X.LedgerEntryChange[])[] = [meta.v1.txChanges];
      if (!internalErrorSkipsOps) for (const op of meta.v1.operations) lists.push(op.changes);
      return lists;
    }
    case 2:
    case 3:
    case 4: {
      const body = meta.type === 2 ? meta.v2 : meta.type === 3 ? meta.v3 : meta.v4;
      const lists: (readonly X.LedgerEntryChange[])[] = [body.txChangesBefore];
      if (internalErrorSkipsOps) return lists;
      for (const op of body.operations) lists.push(op.changes);
      lists.push(body.txChangesAfter);
      return lists;
    }
  }
}

/** `upgradesProcessing` of any LedgerCloseMeta version. */
function upgrades(lcm: X.LedgerCloseMeta): readonly X.UpgradeEntryMeta[] {
  switch (lcm.type) {
    case 0:
      return lcm.v0.upgradesProcessing;
    case 1:
      return lcm.v1.upgradesProcessing;
    case 2:
      return lcm.v2.upgradesProcessing;
  }
}

/** Every `LedgerEntryChanges` list of the ledger, in change-reader order. */
export function changeLists(ctx: LedgerContext): (readonly X.LedgerEntryChange[])[] {
  const lists: (readonly X.LedgerEntryChange[])[] = [];
  for (const tx of ctx.txs) lists.push(tx.feeChanges);
  for (const tx of ctx.txs) lists.push(...metaLists(tx, ctx));
  for (const tx of ctx.txs) lists.push(tx.postFeeChanges);
  for (const u of upgrades(ctx.lcm)) lists.push(u.changes);
  return lists;
}

/**
 * The paired changes of one entry type (e.g. `LedgerEntryType.account`) across the whole ledger,
 * in change-reader order. stellar-etl also sorts each list by LedgerKey before compacting; that
 * stable sort only moves changes of different keys past each other, and compaction folds the
 * changes of each key on their own, in their order, so the compacted result is the same without it.
 */
export function ledgerChanges(ctx: LedgerContext, entryType: number): EntryChange[] {
  const out: EntryChange[] = [];
  const opts = { entryType, ledger: ctx.sequence, cache: ctx.pairedLists };
  for (const list of changeLists(ctx)) keyedChanges(list, opts, out);
  return out;
}
