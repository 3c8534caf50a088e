/**
 * One stellar-etl `accounts` row (`TransformAccount`) from a compacted ACCOUNT change.
 */
import { stroopsToFloat } from '../amounts.js';
import { ExtractError } from '../errors.js';
import type { NativeBalanceRow } from '../schema/native-balances.js';
import { accountAddress } from '../strkey.js';
import { goString } from '../text.js';
import type * as X from '../xdr/types.js';
import type { EntryChange } from './entry-change.js';

/** The ledger-wide values every row of a ledger carries. */
export interface AccountRowLedger {
  /** Ledger sequence. */
  readonly sequence: number;
  /** Ledger close time. */
  readonly closedAt: Date;
}

/** AccountEntry extension v2 (sponsorship counts), when present. */
function extV2(a: X.AccountEntry): X.AccountEntryExtensionV2 | null {
  return a.ext.type === 1 && a.ext.v1.ext.type === 2 ? a.ext.v1.ext.v2 : null;
}

/** AccountEntry extension v3 (sequence ledger and time), when present. */
function extV3(a: X.AccountEntry): X.AccountEntryExtensionV3 | null {
  const v2 = extV2(a);
  return v2 !== null && v2.ext.type === 3 ? v2.ext.v3 : null;
}

/**
 * Builds the row of a compacted ACCOUNT change: the post entry for created, updated and restored
 * changes, the pre entry for removed ones.
 *
 * Throws `ExtractError` (`INVALID_VALUE`) for a negative balance, liability or sequence number,
 * which stellar-etl's strict export rejects.
 */
export function accountRow(change: EntryChange, ledger: AccountRowLedger): NativeBalanceRow {
  const entry = change.changeType === 2 ? change.pre : change.post;
  if (entry === null || entry.data.type !== 0) {
    throw new ExtractError('INVALID_VALUE', 'an account change carries no account entry', {
      ledger: ledger.sequence,
      field: 'accounts',
    });
  }
  const a = entry.data.account;
  const accountId = accountAddress(a.accountId);
  const negative = (what: string, v: bigint): ExtractError =>
    new ExtractError('INVALID_VALUE', `${what} is negative (${v}) for account ${accountId}`, {
      ledger: ledger.sequence,
      field: 'accounts',
    });

  if (a.balance < 0n) throw negative('balance', a.balance);
  let buying = 0n;
  let selling = 0n;
  if (a.ext.type === 1) {
    buying = a.ext.v1.liabilities.buying;
    selling = a.ext.v1.liabilities.selling;
    if (buying < 0n) throw negative('buying liabilities', buying);
    if (selling < 0n) throw negative('selling liabilities', selling);
  }
  if (a.seqNum < 0n) throw negative('sequence number', a.seqNum);

  const v2 = extV2(a);
  const v3 = extV3(a);
  const sponsor = entry.ext.type === 1 ? entry.ext.v1.sponsoringId : null;
  const t = a.thresholds;

  return {
    account_id: accountId,
    balance: stroopsToFloat(a.balance),
    buying_liabilities: stroopsToFloat(buying),
    selling_liabilities: stroopsToFloat(selling),
    sequence_number: a.seqNum,
    sequence_ledger: v3 === null ? 0 : v3.seqLedger,
    sequence_time: v3 === null ? 0n : BigInt.asIntN(64, v3.seqTime),
    num_subentries: a.numSubEntries,
    inflation_destination: a.inflationDest === null ? '' : accountAddress(a.inflationDest),
    flags: a.flags,
    home_domain: goString(a.homeDomain),
    master_weight: t[0]!,
    threshold_low: t[1]!,
    threshold_medium: t[2]!,
    threshold_high: t[3]!,
    sponsor: sponsor === null ? null : accountAddress(sponsor),
    num_sponsored: v2 === null ? 0 : v2.numSponsored,
    num_sponsoring: v2 === null ? 0 : v2.numSponsoring,
    last_modified_ledger: entry.lastModifiedLedgerSeq,
    ledger_entry_change: change.changeType,
    deleted: change.changeType === 2,
    closed_at: ledger.closedAt,
    ledger_sequence: ledger.sequence,
  };
}
