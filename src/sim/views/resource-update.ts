import type { TickView } from '../context.js';
import { floorResources, resourcesAt } from '../economy/planet-state.js';
import type { LazyEvent, Resources, UserId } from '../types.js';

/**
 * `resource_update` for every online player once per tick: the active planet's totals and the
 * change since the previous update. Each message is rendered lazily when the gateway sends
 * it, so the cost (one closed-form evaluation per player) is spread over the event loop.
 */
export function resourceUpdates(): TickView {
  const previous = new Map<UserId, { planetId: number; totals: Resources }>();
  return (world, rules, now, online) => {
    const out: LazyEvent[] = [];
    const seen = new Set<UserId>(online);
    for (const userId of previous.keys()) if (!seen.has(userId)) previous.delete(userId);
    const ts = new Date(now).toISOString();
    for (const userId of online) {
      out.push({
        userId,
        render: () => {
          const user = world.users.get(userId);
          const planet =
            user?.activePlanetId == null ? undefined : world.planets.get(user.activePlanetId);
          if (!user || !planet) return null;
          const totals = floorResources(resourcesAt({ world, rules }, planet, now));
          const before = previous.get(userId);
          const base = before && before.planetId === planet.id ? before.totals : totals;
          previous.set(userId, { planetId: planet.id, totals });
          return {
            type: 'resource_update',
            planet_id: planet.id,
            deltas: {
              metal: totals.metal - base.metal,
              crystal: totals.crystal - base.crystal,
              deuterium: totals.deuterium - base.deuterium,
            },
            totals,
            ts,
          };
        },
      });
    }
    return out;
  };
}
