/**
 * The Stellar SDK's `Change.AccountChangedExceptSigners`, which stellar-etl uses to decide whether
 * an account change yields an `accounts` row.
 */
import { encode } from '../xdr/index.js';
import type * as X from '../xdr/types.js';
import { compareBytes, type EntryChange } from './entry-change.js';

/** The AccountEntry with no signers and a v0 extension replaced by v1 with zero liabilities. */
function normalised(a: X.AccountEntry): X.AccountEntry {
  const ext: X.AccountEntryExt =
    a.ext.type === 0 ? { type: 1, v1: { liabilities: { buying: 0n, selling: 0n }, ext: { type: 0 } } } : a.ext;
  return { ...a, signers: [], ext };
}

function account(entry: X.LedgerEntry): X.AccountEntry {
  if (entry.data.type !== 0) throw new TypeError(`expected an ACCOUNT entry, got LedgerEntryType ${entry.data.type}`);
  return entry.data.account;
}

/**
 * Whether an ACCOUNT change counts as a change: always when the account was created or removed, or
 * when `lastModifiedLedgerSeq` moved; otherwise only when the AccountEntry differs in anything but
 * its signers (a v0 extension equals a v1 extension with zero liabilities).
 */
export function accountChangedExceptSigners(change: Pick<EntryChange, 'pre' | 'post'>): boolean {
  const { pre, post } = change;
  if (pre === null || post === null) return true;
  if (pre.lastModifiedLedgerSeq !== post.lastModifiedLedgerSeq) return true;
  const a = encode.AccountEntry(normalised(account(pre)));
  const b = encode.AccountEntry(normalised(account(post)));
  return compareBytes(a, b) !== 0;
}
