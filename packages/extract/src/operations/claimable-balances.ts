/**
 * Details of claimable-balance operations (create, claim, clawback) and the claim predicate JSON.
 */
import { stroopsToFloat } from '../amounts.js';
import { canonicalAsset } from '../assets.js';
import { ExtractError } from '../errors.js';
import { hex } from '../hash.js';
import type { JsonObject, JsonValue } from '../schema/index.js';
import { goRfc3339 } from '../scval/go-time.js';
import { accountAddress, claimableBalanceIdStrkey } from '../strkey.js';
import { encode } from '../xdr/index.js';
import type * as X from '../xdr/types.js';
import { addAccount, type OpInput } from './common.js';

/**
 * A claim predicate as the SDK marshals it: `{"unconditional":true}`, `{"and":[…]}`, `{"or":[…]}`,
 * `{"not":p}`, `{"abs_before":"<RFC 3339>","abs_before_epoch":"<s>"}`, `{"rel_before":"<s>"}`.
 */
export function claimPredicateJson(p: X.ClaimPredicate): JsonObject {
  switch (p.type) {
    case 0:
      return { unconditional: true };
    case 1:
      return { and: p.andPredicates.map(claimPredicateJson) };
    case 2:
      return { or: p.orPredicates.map(claimPredicateJson) };
    case 3:
      if (p.notPredicate === null) {
        throw new ExtractError('INVALID_VALUE', 'a NOT claim predicate has no inner predicate', { field: 'ClaimPredicate' });
      }
      return { not: claimPredicateJson(p.notPredicate) };
    case 4:
      return { abs_before: goRfc3339(p.absBefore, true), abs_before_epoch: p.absBefore.toString() };
    case 5:
      return { rel_before: p.relBefore.toString() };
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `invalid predicate type ${(p as { type: number }).type}`, { field: 'ClaimPredicate' });
  }
}

/** `claimants`: `[{destination, predicate}]`, or null when there are none. */
export function claimantsJson(claimants: readonly X.Claimant[]): JsonValue {
  if (claimants.length === 0) return null;
  return claimants.map((c) => ({ destination: accountAddress(c.v0.destination), predicate: claimPredicateJson(c.v0.predicate) }));
}

/** Hex of the XDR ClaimableBalanceId (`00000000` + 64 hex digits). */
export function balanceIdHex(id: X.ClaimableBalanceId): string {
  return hex(encode.ClaimableBalanceId(id));
}

/** create_claimable_balance: `asset` (canonical), `amount`, `claimants`. */
export function createClaimableBalanceDetails(_input: OpInput, op: X.CreateClaimableBalanceOp): JsonObject {
  return { asset: canonicalAsset(op.asset), amount: stroopsToFloat(op.amount), claimants: claimantsJson(op.claimants) };
}

/** claim_claimable_balance: `balance_id`, `balance_id_strkey`, ACCT(claimant). */
export function claimClaimableBalanceDetails(input: OpInput, op: X.ClaimClaimableBalanceOp): JsonObject {
  const out: JsonObject = { balance_id: balanceIdHex(op.balanceId), balance_id_strkey: claimableBalanceIdStrkey(op.balanceId) };
  addAccount(out, 'claimant', input.source);
  return out;
}

/** clawback_claimable_balance: `balance_id`, `balance_id_strkey`. */
export function clawbackClaimableBalanceDetails(_input: OpInput, op: X.ClawbackClaimableBalanceOp): JsonObject {
  return { balance_id: balanceIdHex(op.balanceId), balance_id_strkey: claimableBalanceIdStrkey(op.balanceId) };
}
