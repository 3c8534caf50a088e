/**
 * Sponsorship: begin/end_sponsoring_future_reserves and revoke_sponsorship details, and the
 * `sponsor` key any operation gets when its changes create a sponsored entry or signer.
 */
import { canonicalAsset } from '../assets.js';
import { hex } from '../hash.js';
import type { JsonObject } from '../schema/index.js';
import { accountAddress, claimableBalanceIdStrkey, muxedAccountAddress, poolIdStrkey, signerKeyString } from '../strkey.js';
import { goString } from '../text.js';
import type * as X from '../xdr/types.js';
import { firstInKeyOrder, type EntryChange } from './changes.js';
import { balanceIdHex } from './claimable-balances.js';
import { addAccount, type OpInput } from './common.js';

/** begin_sponsoring_future_reserves: `sponsored_id`. */
export function beginSponsoringDetails(_input: OpInput, op: X.BeginSponsoringFutureReservesOp): JsonObject {
  return { sponsored_id: accountAddress(op.sponsoredId) };
}

/**
 * end_sponsoring_future_reserves: in a successful transaction, ACCT(begin_sponsor) of the nearest
 * earlier begin_sponsoring operation whose sponsored id is this operation's source; else `{}`.
 */
export function endSponsoringDetails(input: OpInput): JsonObject {
  const out: JsonObject = {};
  if (!input.tx.successful) return out;
  const sponsoree = muxedAccountAddress(input.source);
  const ops = input.tx.inner.operations;
  for (let i = input.index - 1; i >= 0; i--) {
    const o = ops[i]!;
    if (o.body.type === 16 && accountAddress(o.body.beginSponsoringFutureReservesOp.sponsoredId) === sponsoree) {
      addAccount(out, 'begin_sponsor', o.sourceAccount ?? input.tx.inner.sourceAccount);
      break;
    }
  }
  return out;
}

/** The keys a LedgerKey contributes to revoke_sponsorship details. */
export function addLedgerKeyDetails(out: JsonObject, key: X.LedgerKey): void {
  switch (key.type) {
    case 0:
      out.account_id = accountAddress(key.account.accountId);
      break;
    case 4:
      out.claimable_balance_id = balanceIdHex(key.claimableBalance.balanceId);
      out.claimable_balance_id_strkey = claimableBalanceIdStrkey(key.claimableBalance.balanceId);
      break;
    case 3:
      out.data_account_id = accountAddress(key.data.accountId);
      out.data_name = goString(key.data.dataName);
      break;
    case 2:
      out.offer_id = key.offer.offerId;
      break;
    case 1: {
      out.trustline_account_id = accountAddress(key.trustLine.accountId);
      const asset = key.trustLine.asset;
      if (asset.type === 3) {
        out.trustline_liquidity_pool_id = hex(asset.liquidityPoolId);
        out.trustline_liquidity_pool_id_strkey = poolIdStrkey(asset.liquidityPoolId);
      } else {
        out.trustline_asset = canonicalAsset(asset);
      }
      break;
    }
    case 5:
      out.liquidity_pool_id = hex(key.liquidityPool.liquidityPoolId);
      out.liquidity_pool_id_strkey = poolIdStrkey(key.liquidityPool.liquidityPoolId);
      break;
    default:
      break;
  }
}

/** revoke_sponsorship: the ledger-entry form's key fields, or `signer_account_id` + `signer_key`. */
export function revokeSponsorshipDetails(_input: OpInput, op: X.RevokeSponsorshipOp): JsonObject {
  const out: JsonObject = {};
  if (op.type === 0) addLedgerKeyDetails(out, op.ledgerKey);
  else {
    out.signer_account_id = accountAddress(op.signer.accountId);
    out.signer_key = signerKeyString(op.signer.signerKey);
  }
  return out;
}

function entrySponsor(entry: X.LedgerEntry): X.PublicKey | null {
  return entry.ext.type === 1 ? entry.ext.v1.sponsoringId : null;
}

/** Signer key strkey → sponsoring account G-address, for the signers that have a sponsor. */
function sponsorPerSigner(account: X.AccountEntry): Map<string, string> {
  const map = new Map<string, string>();
  if (account.ext.type !== 1 || account.ext.v1.ext.type !== 2) return map;
  const ids = account.ext.v1.ext.v2.signerSponsoringIDs;
  account.signers.forEach((s, i) => {
    const sponsor = ids[i];
    if (sponsor !== undefined && sponsor !== null) map.set(signerKeyString(s.key), accountAddress(sponsor));
  });
  return map;
}

function signerSponsorInChange(signerKey: string, c: EntryChange): string | null {
  if (c.entryType !== 0 || c.post === null || c.post.data.type !== 0) return null;
  const post = sponsorPerSigner(c.post.data.account).get(signerKey);
  if (post === undefined) return null;
  if (c.pre !== null && c.pre.data.type === 0) {
    const pre = sponsorPerSigner(c.pre.data.account).get(signerKey);
    if (pre === post) return null;
  }
  return post;
}

/**
 * The `sponsor` of an operation: the first change (in LedgerKey order) that either gives the
 * set_options signer a new sponsor or creates an entry carrying a sponsoring id. Null when none.
 */
export function operationSponsor(input: OpInput): string | null {
  const changes = input.changes();
  if (changes.length === 0) return null;
  const body = input.op.body;
  const signerKey = body.type === 5 && body.setOptionsOp.signer !== null ? signerKeyString(body.setOptionsOp.signer.key) : null;
  return firstInKeyOrder(changes, (c) => {
    if (signerKey !== null) {
      const s = signerSponsorInChange(signerKey, c);
      if (s !== null) return s;
    }
    if (c.pre !== null || c.post === null) return null;
    const sponsor = entrySponsor(c.post);
    return sponsor === null ? null : accountAddress(sponsor);
  });
}
