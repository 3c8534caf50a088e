/**
 * Details of order-book operations: manage_sell_offer, manage_buy_offer and
 * create_passive_sell_offer.
 */
import { stroopsToFloat } from '../amounts.js';
import { addAssetFields } from '../assets.js';
import type { JsonObject } from '../schema/index.js';
import type * as X from '../xdr/types.js';
import { addPrice, type OpInput } from './common.js';

function offerDetails(amount: bigint, price: X.Price, buying: X.Asset, selling: X.Asset): JsonObject {
  const out: JsonObject = {};
  out.amount = stroopsToFloat(amount);
  addPrice(out, '', price);
  addAssetFields(out, 'buying', buying);
  addAssetFields(out, 'selling', selling);
  return out;
}

/** manage_sell_offer: `offer_id`, `amount`, PRICE, ASSET(buying), ASSET(selling). */
export function manageSellOfferDetails(_input: OpInput, op: X.ManageSellOfferOp): JsonObject {
  const out = offerDetails(op.amount, op.price, op.buying, op.selling);
  out.offer_id = op.offerId;
  return out;
}

/** manage_buy_offer: like manage_sell_offer with `amount` = the buy amount. */
export function manageBuyOfferDetails(_input: OpInput, op: X.ManageBuyOfferOp): JsonObject {
  const out = offerDetails(op.buyAmount, op.price, op.buying, op.selling);
  out.offer_id = op.offerId;
  return out;
}

/** create_passive_sell_offer: `amount`, PRICE, ASSET(buying), ASSET(selling); no offer id. */
export function createPassiveSellOfferDetails(_input: OpInput, op: X.CreatePassiveSellOfferOp): JsonObject {
  return offerDetails(op.amount, op.price, op.buying, op.selling);
}
