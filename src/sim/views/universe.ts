import { checkBounds } from '../commands/planets.js';
import type { SimContext } from '../context.js';
import type { Coordinates } from '../types.js';

export interface AvailableQuery {
  galaxy?: number;
  system?: number;
  limit: number;
  offset: number;
}

/**
 * Free coordinates: the seeded pool minus occupied slots, filtered by galaxy/system; for a
 * system with no seeded slot left, its free positions are enumerated instead.
 */
export function availableCoordinates(
  ctx: Pick<SimContext, 'world' | 'settings'>,
  q: AvailableQuery,
): Coordinates[] {
  const u = ctx.settings.universe;
  checkBounds(u, { galaxy: q.galaxy, system: q.system });
  const { world } = ctx;
  let free = world.seededCoordinates.filter(
    (c) =>
      (q.galaxy === undefined || c.galaxy === q.galaxy) &&
      (q.system === undefined || c.system === q.system) &&
      !world.planetAt(c),
  );
  if (free.length === 0 && q.galaxy !== undefined && q.system !== undefined) {
    free = [];
    for (let position = 1; position <= u.positions; position++) {
      const c = { galaxy: q.galaxy, system: q.system, position };
      if (!world.planetAt(c)) free.push(c);
    }
  }
  return free
    .slice(q.offset, q.offset + q.limit)
    .map((c) => ({ galaxy: c.galaxy, system: c.system, position: c.position }));
}
