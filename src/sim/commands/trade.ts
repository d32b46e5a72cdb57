import type { Command } from '../context.js';
import { badRequest, forbidden } from '../errors.js';
import { planetFor, requireUser } from '../economy/lookup.js';
import { credit, spend } from '../economy/planet-state.js';
import {
  closeOffer,
  escrowOf,
  openOffer,
  recordTradeEvent,
  refundEscrow,
  requireOpenOffer,
  sellerPlanet,
} from '../market/offers.js';
import type { TradeOffer } from '../market/types.js';
import type { OfferTerms } from '../market/validate.js';
import { notify } from '../notify.js';
import type { PlanetId, UserId } from '../types.js';

const MS_PER_SECOND = 1000;

/**
 * Puts an offer on the market: the offered amount leaves the seller's planet (`planetId`, else
 * the active one) at once (escrow), or 409 names the shortfall. With TRADE_OFFER_TTL_SECONDS
 * the offer expires.
 */
export const createOffer: Command<
  { userId: UserId; planetId?: PlanetId; terms: OfferTerms },
  TradeOffer
> = (ctx, { userId, planetId, terms }) => {
  const seller = requireUser(ctx, userId);
  const planet = planetFor(ctx, seller, planetId);
  spend(
    ctx,
    planet,
    { metal: 0, crystal: 0, deuterium: 0, [terms.offeredResource]: terms.offeredAmount },
    'trade offer',
  );
  const ttl = ctx.settings.gameplay.tradeOfferTtlSeconds;
  const offer: TradeOffer = {
    id: ctx.world.nextId('offer'),
    sellerId: seller.id,
    planetId: planet.id,
    ...terms,
    status: 'open',
    createdAt: ctx.now,
    expiresAt: ttl > 0 ? ctx.now + ttl * MS_PER_SECOND : null,
    acceptedBy: null,
    acceptedAt: null,
    closedAt: null,
  };
  openOffer(ctx, offer);
  recordTradeEvent(ctx, offer, 'offer_created');
  return offer;
};

export interface AcceptResult {
  offer: TradeOffer;
  /** The buyer's planet that paid and received the goods. */
  planetId: PlanetId;
  fee: number;
  sellerReceived: number;
}

/**
 * Accepts an open offer: the buyer pays the requested amount from a planet (`planetId`, else
 * the active one) and gets the escrow there; the seller gets the payment minus the fee
 * (burned). Commands run one at a time on the single writer, so of any number of concurrent
 * accepts exactly one finds the offer open; the others get 409.
 */
export const acceptOffer: Command<
  { userId: UserId; offerId: number; planetId?: PlanetId },
  AcceptResult
> = (ctx, { userId, offerId, planetId }) => {
  const offer = requireOpenOffer(ctx, offerId);
  if (offer.sellerId === userId)
    throw badRequest('self_trade', 'Cannot accept your own offer (self-trade)');
  const buyer = requireUser(ctx, userId);
  const buyerPlanet = planetFor(ctx, buyer, planetId);
  const price = {
    metal: 0,
    crystal: 0,
    deuterium: 0,
    [offer.requestedResource]: offer.requestedAmount,
  };
  spend(ctx, buyerPlanet, price, `offer ${offer.id}`);
  credit(ctx, buyerPlanet, escrowOf(offer));
  const fee = Math.floor(offer.requestedAmount * ctx.settings.gameplay.tradeFeeRate);
  const sellerReceived = offer.requestedAmount - fee;
  const proceedsTo = sellerPlanet(ctx, offer);
  if (proceedsTo) credit(ctx, proceedsTo, { [offer.requestedResource]: sellerReceived });
  closeOffer(ctx, offer, 'accepted', buyer.id);
  recordTradeEvent(ctx, offer, 'trade_completed', { buyerId: buyer.id, fee });
  notify(ctx, offer.sellerId, 'trade_completed', {
    offer_id: offer.id,
    buyer_user_id: buyer.id,
    sold: { resource: offer.offeredResource, amount: offer.offeredAmount },
    received: { resource: offer.requestedResource, amount: sellerReceived },
    fee,
  });
  return { offer, planetId: buyerPlanet.id, fee, sellerReceived };
};

/** The seller withdraws an open offer; the escrow goes back to its planet. */
export const cancelOffer: Command<{ userId: UserId; offerId: number }, TradeOffer> = (
  ctx,
  { userId, offerId },
) => {
  const offer = requireOpenOffer(ctx, offerId);
  if (offer.sellerId !== userId)
    throw forbidden('not_seller', 'Only the seller can cancel this offer');
  refundEscrow(ctx, offer);
  closeOffer(ctx, offer, 'cancelled');
  recordTradeEvent(ctx, offer, 'offer_cancelled');
  return offer;
};
