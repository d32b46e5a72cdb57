import type { ResourceKind } from '../../rules/types.js';
import type { PlainRow } from '../changes.js';
import type { OfferStatus, TradeOffer } from './types.js';

const msOrNull = (v: PlainRow[string] | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/** The `trade_offers` row of an offer (open ones are entities; closed ones are written once). */
export function offerRow(o: TradeOffer): PlainRow {
  return {
    id: o.id,
    seller_user_id: o.sellerId,
    planet_id: o.planetId,
    offered_resource: o.offeredResource,
    offered_amount: o.offeredAmount,
    requested_resource: o.requestedResource,
    requested_amount: o.requestedAmount,
    status: o.status,
    created_at: o.createdAt,
    expires_at: o.expiresAt,
    accepted_by: o.acceptedBy,
    accepted_at: o.acceptedAt,
    closed_at: o.closedAt,
  };
}

export function offerFromRow(r: PlainRow): TradeOffer {
  return {
    id: Number(r.id),
    sellerId: Number(r.seller_user_id),
    planetId: Number(r.planet_id),
    offeredResource: String(r.offered_resource) as ResourceKind,
    offeredAmount: Number(r.offered_amount),
    requestedResource: String(r.requested_resource) as ResourceKind,
    requestedAmount: Number(r.requested_amount),
    status: String(r.status) as OfferStatus,
    createdAt: Number(r.created_at),
    expiresAt: msOrNull(r.expires_at),
    acceptedBy: msOrNull(r.accepted_by),
    acceptedAt: msOrNull(r.accepted_at),
    closedAt: msOrNull(r.closed_at),
  };
}
