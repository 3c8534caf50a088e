/**
 * Details of account-level operations: create_account, account_merge, set_options, manage_data,
 * bump_sequence and inflation.
 */
import { stroopsToFloat } from '../amounts.js';
import { base64 } from '../hash.js';
import type { JsonObject } from '../schema/index.js';
import { accountAddress, signerKeyString } from '../strkey.js';
import { goString } from '../text.js';
import type * as X from '../xdr/types.js';
import { addAccount, type OpInput } from './common.js';

/** create_account: ACCT(funder), `account`, `starting_balance`. */
export function createAccountDetails(input: OpInput, op: X.CreateAccountOp): JsonObject {
  const out: JsonObject = {};
  addAccount(out, 'funder', input.source);
  out.account = accountAddress(op.destination);
  out.starting_balance = stroopsToFloat(op.startingBalance);
  return out;
}

/** account_merge: ACCT(account), ACCT(into). */
export function accountMergeDetails(input: OpInput, destination: X.MuxedAccount): JsonObject {
  const out: JsonObject = {};
  addAccount(out, 'account', input.source);
  addAccount(out, 'into', destination);
  return out;
}

const ACCOUNT_FLAGS: readonly (readonly [number, string])[] = [
  [1, 'auth_required'],
  [2, 'auth_revocable'],
  [4, 'auth_immutable'],
  [8, 'auth_clawback_enabled'],
];

/** ACCT_FLAGS block: `p_flags` / `p_flags_s` of the known account flag bits (`[]` when none). */
export function addAccountFlags(out: JsonObject, prefix: string, flags: number): void {
  const n: number[] = [];
  const s: string[] = [];
  for (const [bit, name] of ACCOUNT_FLAGS) {
    if ((flags & bit) !== 0) {
      n.push(bit);
      s.push(name);
    }
  }
  out[`${prefix}_flags`] = n;
  out[`${prefix}_flags_s`] = s;
}

/** set_options: each key only when its optional field is present (flags only when > 0). */
export function setOptionsDetails(_input: OpInput, op: X.SetOptionsOp): JsonObject {
  const out: JsonObject = {};
  if (op.inflationDest !== null) out.inflation_dest = accountAddress(op.inflationDest);
  if (op.setFlags !== null && op.setFlags > 0) addAccountFlags(out, 'set', op.setFlags);
  if (op.clearFlags !== null && op.clearFlags > 0) addAccountFlags(out, 'clear', op.clearFlags);
  if (op.masterWeight !== null) out.master_key_weight = op.masterWeight;
  if (op.lowThreshold !== null) out.low_threshold = op.lowThreshold;
  if (op.medThreshold !== null) out.med_threshold = op.medThreshold;
  if (op.highThreshold !== null) out.high_threshold = op.highThreshold;
  if (op.homeDomain !== null) out.home_domain = goString(op.homeDomain);
  if (op.signer !== null) {
    out.signer_key = signerKeyString(op.signer.key);
    out.signer_weight = op.signer.weight;
  }
  return out;
}

/** manage_data: `name`, `value` (base64, or null when the entry is deleted). */
export function manageDataDetails(_input: OpInput, op: X.ManageDataOp): JsonObject {
  return { name: goString(op.dataName), value: op.dataValue === null ? null : base64(op.dataValue) };
}

/** bump_sequence: `bump_to` as a decimal string. */
export function bumpSequenceDetails(_input: OpInput, op: X.BumpSequenceOp): JsonObject {
  return { bump_to: op.bumpTo.toString() };
}

/** inflation: no keys. */
export function inflationDetails(): JsonObject {
  return {};
}
