import type { TickView } from '../context.js';
import type { LazyEvent } from '../types.js';

/**
 * `market_update` for every online player at the tick after the open offers changed, so a
 * market screen shows another player's new offer without polling. One message per player per
 * tick at most, however many offers changed: a busy market costs no more than resource_update.
 */
export function marketUpdates(): TickView {
  // Offers loaded at start-up count as changes: the first tick after a restart announces the
  // market once, which costs a reload of the offers and never misses a change.
  let seen = 0;
  return (world, _rules, now, online) => {
    const version = world.market.version;
    if (version === seen) return [];
    seen = version;
    const message = {
      type: 'market_update',
      open_offers: world.market.open.size,
      ts: new Date(now).toISOString(),
    };
    return online.map((userId): LazyEvent => ({ userId, render: () => message }));
  };
}
