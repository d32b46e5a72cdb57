import type { Command } from '../context.js';
import { badRequest, forbidden } from '../errors.js';
import { activePlanet, requireUser } from '../economy/lookup.js';
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
import type { UserId } from '../types.js';

const MS_PER_SECOND = 1000;

/**
 * Puts an offer on the market: the offered amount leaves the seller's active planet at once
 * (escrow), or 409 names the shortfall. With TRADE_OFFER_TTL_SECONDS the offer expires.
 */
export const createOffer: Command<{ userId: UserId; terms: OfferTerms }, TradeOffer> = (
  ctx,
  { userId, terms },
) => {
  const seller = requireUser(ctx, userId);
  const planet = activePlanet(ctx, seller);
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
  fee: number;
  sellerReceived: number;
}

/**
 * Accepts an open offer: the buyer pays the requested amount from the active planet and gets
 * the escrow there; the seller gets the payment minus the fee (burned). Commands run one at a
 * time on the single writer, so of any number of concurrent accepts exactly one finds the offer
 * open; the others get 409.
 */
export const acceptOffer: Command<{ userId: UserId; offerId: number }, AcceptResult> = (
  ctx,
  { userId, offerId },
) => {
  const offer = requireOpenOffer(ctx, offerId);
  if (offer.sellerId === userId) throw badRequest('Cannot accept your own offer (self-trade)');
  const buyer = requireUser(ctx, userId);
  const buyerPlanet = activePlanet(ctx, buyer);
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
  return { offer, fee, sellerReceived };
};

/** The seller withdraws an open offer; the escrow goes back to its planet. */
export const cancelOffer: Command<{ userId: UserId; offerId: number }, TradeOffer> = (
  ctx,
  { userId, offerId },
) => {
  const offer = requireOpenOffer(ctx, offerId);
  if (offer.sellerId !== userId) throw forbidden('Only the seller can cancel this offer');
  refundEscrow(ctx, offer);
  closeOffer(ctx, offer, 'cancelled');
  recordTradeEvent(ctx, offer, 'offer_cancelled');
  return offer;
};
