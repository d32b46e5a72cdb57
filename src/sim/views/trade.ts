import type { PlainRow } from '../changes.js';
import type { TradeOffer } from '../market/types.js';
import type { World } from '../world.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** An offer as the API shows it: the specification's dict plus expiry and close times. */
export function offerView(world: World, o: TradeOffer) {
  return {
    id: o.id,
    seller_user_id: o.sellerId,
    seller_name: world.users.get(o.sellerId)?.username ?? null,
    offered_resource: o.offeredResource,
    offered_amount: o.offeredAmount,
    requested_resource: o.requestedResource,
    requested_amount: o.requestedAmount,
    status: o.status,
    created_at: iso(o.createdAt),
    expires_at: iso(o.expiresAt),
    accepted_by: o.acceptedBy,
    accepted_at: iso(o.acceptedAt),
    closed_at: iso(o.closedAt),
  };
}

/** A `trade_events` row as GET /player/{id}/trade/history (and `trade_event`) shows it. */
export function tradeEventView(row: PlainRow) {
  const buyer = row.buyer_user_id;
  return {
    id: Number(row.id),
    type: String(row.type),
    offer_id: Number(row.offer_id),
    seller_user_id: Number(row.seller_user_id),
    buyer_user_id: buyer === null || buyer === undefined ? null : Number(buyer),
    offered_resource: String(row.offered_resource),
    offered_amount: Number(row.offered_amount),
    requested_resource: String(row.requested_resource),
    requested_amount: Number(row.requested_amount),
    status: String(row.status),
    fee: Number(row.fee),
    timestamp: iso(Number(row.created_at)),
  };
}
