import type { ResourceKind } from '../../rules/types.js';
import type { PlanetId, UserId } from '../types.js';

export type OfferId = number;

/** An offer is open until it is accepted, cancelled by its seller (or the cleanup) or expires. */
export type OfferStatus = 'open' | 'accepted' | 'cancelled' | 'expired';

export const OFFER_STATUSES: readonly OfferStatus[] = ['open', 'accepted', 'cancelled', 'expired'];

/**
 * A marketplace offer. The offered amount is held in escrow (taken from the seller's planet
 * when the offer is made); it goes to the buyer on acceptance or back to that planet otherwise.
 */
export interface TradeOffer {
  id: OfferId;
  sellerId: UserId;
  /** The planet the escrow came from; refunds and proceeds go back there while it is owned. */
  planetId: PlanetId;
  offeredResource: ResourceKind;
  offeredAmount: number;
  requestedResource: ResourceKind;
  requestedAmount: number;
  status: OfferStatus;
  createdAt: number;
  /** When an open offer expires (TRADE_OFFER_TTL_SECONDS at creation); null = never. */
  expiresAt: number | null;
  acceptedBy: UserId | null;
  acceptedAt: number | null;
  closedAt: number | null;
}

/** Kinds of rows in a player's trade history. */
export type TradeEventType =
  'offer_created' | 'trade_completed' | 'offer_cancelled' | 'offer_expired';

/** The history status recorded with each event type (the specification's "open"/"completed"). */
export const EVENT_STATUS: Record<TradeEventType, string> = {
  offer_created: 'open',
  trade_completed: 'completed',
  offer_cancelled: 'cancelled',
  offer_expired: 'expired',
};
