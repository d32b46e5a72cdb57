import type { TableName } from '../sim/changes.js';
import { offerFromRow, offerRow } from '../sim/market/rows.js';
import type { World } from '../sim/world.js';
import type { Row } from './tables.js';

const num = (v: unknown): number => Number(v);

type MarketTable = Extract<TableName, 'trade_offers' | 'trade_events' | 'inactive_players'>;

/** Rows of the marketplace and cleanup entities (see SERIALIZERS in mapping.ts). */
export const MARKET_SERIALIZERS: Record<
  MarketTable,
  (world: World, key: string | number) => Row[] | null
> = {
  // Open offers only; a closed offer's final row is written by closeOffer as an insert.
  trade_offers: (w, k) => {
    const offer = w.market.open.get(num(k));
    return offer ? [offerRow(offer)] : null;
  },
  // A history: written through ChangeSet.insert, never by touching an entity.
  trade_events: () => null,
  inactive_players: (w, k) => {
    const markedAt = w.inactiveMarks.get(num(k));
    return markedAt === undefined ? null : [{ user_id: num(k), marked_at: markedAt }];
  },
};

export const MARKET_KEY_COLUMNS: Record<MarketTable, (key: string | number) => Row> = {
  trade_offers: (k) => ({ id: num(k) }),
  trade_events: (k) => ({ id: num(k) }),
  inactive_players: (k) => ({ user_id: num(k) }),
};

/**
 * Open offers (in id order, which the market relies on), inactivity marks and the notification
 * index (ids, owners, read marks of every stored notification, in id order).
 */
export function loadMarket(
  world: World,
  rows: { trade_offers: Row[]; inactive_players: Row[]; notifications: Row[] },
): void {
  const offers = rows.trade_offers.map(offerFromRow).filter((o) => o.status === 'open');
  for (const offer of offers.sort((a, b) => a.id - b.id)) world.market.add(offer);
  for (const r of rows.inactive_players) world.inactiveMarks.set(num(r.user_id), num(r.marked_at));
  const notifications = [...rows.notifications].sort((a, b) => num(a.id) - num(b.id));
  for (const r of notifications) world.inboxes.add(num(r.user_id), num(r.id), r.read_at === null);
}
