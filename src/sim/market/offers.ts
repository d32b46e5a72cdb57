import type { SimContext } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { credit } from '../economy/planet-state.js';
import type { Planet, UserId } from '../types.js';
import { tradeEventView } from '../views/trade.js';
import { offerRow } from './rows.js';
import { EVENT_STATUS, type OfferStatus, type TradeEventType, type TradeOffer } from './types.js';

export const EVENT_OFFER_EXPIRY = 'offer_expiry';

/** The open offer `id`; 404 if it never existed, 409 if it exists but is closed. */
export function requireOpenOffer(ctx: Pick<SimContext, 'world'>, id: number): TradeOffer {
  const offer = ctx.world.market.open.get(id);
  if (offer) return offer;
  // Ids are never reused, so an issued id that is not open belongs to a closed offer.
  if (ctx.world.wasIssued('offer', id)) throw conflict('offer_not_open', `Offer ${id} is not open`);
  throw notFound('offer_not_found', 'Offer not found');
}

/** Where the seller's goods go back to: the escrow's planet while the seller owns it. */
export function sellerPlanet(
  ctx: Pick<SimContext, 'world'>,
  offer: TradeOffer,
): Planet | undefined {
  const origin = ctx.world.planets.get(offer.planetId);
  if (origin && origin.ownerId === offer.sellerId) return origin;
  const seller = ctx.world.users.get(offer.sellerId);
  const active =
    seller?.activePlanetId == null ? undefined : ctx.world.planets.get(seller.activePlanetId);
  return active ?? ctx.world.planetsOf(offer.sellerId)[0];
}

export const escrowOf = (offer: TradeOffer) => ({ [offer.offeredResource]: offer.offeredAmount });

/** Puts an open offer into the market and schedules its expiry, if it has one. */
export function openOffer(ctx: SimContext, offer: TradeOffer): void {
  ctx.world.market.add(offer);
  ctx.changes.touch('trade_offers', offer.id);
  if (offer.expiresAt !== null)
    ctx.scheduler.schedule(offer.expiresAt, EVENT_OFFER_EXPIRY, offer.id);
}

/**
 * Takes an offer out of the market with its final status. Closed offers are not entities any
 * more: their final row is written once (an upsert by id) and they leave memory.
 */
export function closeOffer(
  ctx: SimContext,
  offer: TradeOffer,
  status: Exclude<OfferStatus, 'open'>,
  buyerId: UserId | null = null,
): void {
  ctx.world.market.remove(offer);
  offer.status = status;
  offer.closedAt = ctx.now;
  if (status === 'accepted') {
    offer.acceptedBy = buyerId;
    offer.acceptedAt = ctx.now;
  }
  ctx.changes.insert('trade_offers', offerRow(offer));
}

/** Gives the escrow back to the seller (cancel, expiry, cleanup); lost only if no planet is left. */
export function refundEscrow(ctx: SimContext, offer: TradeOffer): void {
  const planet = sellerPlanet(ctx, offer);
  if (planet) credit(ctx, planet, escrowOf(offer));
}

/**
 * Appends an event to the trade history and sends it as `trade_event` to the parties (the
 * specification's message: the event with its type overwritten; `event_type` keeps it).
 */
export function recordTradeEvent(
  ctx: SimContext,
  offer: TradeOffer,
  type: TradeEventType,
  extra: { buyerId?: UserId | null; fee?: number } = {},
): void {
  const row = {
    id: ctx.world.nextId('tradeEvent'),
    type,
    offer_id: offer.id,
    seller_user_id: offer.sellerId,
    buyer_user_id: extra.buyerId ?? null,
    offered_resource: offer.offeredResource,
    offered_amount: offer.offeredAmount,
    requested_resource: offer.requestedResource,
    requested_amount: offer.requestedAmount,
    status: EVENT_STATUS[type],
    fee: extra.fee ?? 0,
    created_at: ctx.now,
  };
  ctx.changes.insert('trade_events', row);
  const message = { ...tradeEventView(row), type: 'trade_event', event_type: type };
  ctx.emit(offer.sellerId, message);
  if (row.buyer_user_id !== null) ctx.emit(row.buyer_user_id, message);
}
