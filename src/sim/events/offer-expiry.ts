import type { EventHandler } from '../context.js';
import { closeOffer, recordTradeEvent, refundEscrow } from '../market/offers.js';
import { notify } from '../notify.js';

/** An open offer reached its expiry: the escrow goes back to the seller. */
export const onOfferExpiry: EventHandler = (ctx, ref, due) => {
  const offer = ctx.world.market.open.get(ref);
  // Accepted or cancelled offers left the market; their expiry entry is stale.
  if (!offer || offer.expiresAt !== due) return;
  refundEscrow(ctx, offer);
  closeOffer(ctx, offer, 'expired');
  recordTradeEvent(ctx, offer, 'offer_expired');
  notify(ctx, offer.sellerId, 'offer_expired', {
    offer_id: offer.id,
    refunded: { resource: offer.offeredResource, amount: offer.offeredAmount },
  });
};
