import type { UserId } from '../types.js';
import type { OfferId, TradeOffer } from './types.js';

/**
 * The open offers, in memory (closed ones live only in the store). Offers are kept in id order
 * (new ids are always larger), so listing newest first needs no sort.
 */
export class MarketState {
  readonly open = new Map<OfferId, TradeOffer>();
  private readonly bySeller = new Map<UserId, Set<OfferId>>();
  private changes = 0;

  /** Counts every change of the open offers (market_update tells players when it moved). */
  get version(): number {
    return this.changes;
  }

  add(offer: TradeOffer): void {
    this.changes++;
    this.open.set(offer.id, offer);
    let ids = this.bySeller.get(offer.sellerId);
    if (!ids) this.bySeller.set(offer.sellerId, (ids = new Set()));
    ids.add(offer.id);
  }

  remove(offer: TradeOffer): void {
    this.changes++;
    this.open.delete(offer.id);
    const ids = this.bySeller.get(offer.sellerId);
    ids?.delete(offer.id);
    if (ids?.size === 0) this.bySeller.delete(offer.sellerId);
  }

  ofSeller(userId: UserId): TradeOffer[] {
    const out: TradeOffer[] = [];
    for (const id of this.bySeller.get(userId) ?? []) {
      const offer = this.open.get(id);
      if (offer) out.push(offer);
    }
    return out;
  }

  /** A page of open offers, newest first. */
  page(limit: number, offset: number): TradeOffer[] {
    const all = [...this.open.values()];
    const out: TradeOffer[] = [];
    for (let i = all.length - 1 - offset; i >= 0 && out.length < limit; i--)
      out.push(all[i] as TradeOffer);
    return out;
  }
}
