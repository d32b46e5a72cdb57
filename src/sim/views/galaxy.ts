import { checkBounds } from '../commands/planets.js';
import type { SimContext } from '../context.js';
import { activityView } from '../players/activity.js';
import { coordKey } from '../world.js';

type ViewContext = Pick<SimContext, 'world' | 'settings' | 'now'>;

/**
 * GET /galaxy/{galaxy}/{system}: every position of the system with its planet, the owner's name,
 * rank and activity marker ("i" after 7 days, "I" after 28), and any debris field.
 */
export function galaxyView(ctx: ViewContext, galaxy: number, system: number) {
  checkBounds(ctx.settings.universe, { galaxy, system });
  const { world } = ctx;
  const planets = [];
  for (let position = 1; position <= ctx.settings.universe.positions; position++)
    planets.push(world.planetAt({ galaxy, system, position }));
  const ranks = world.scores.ranksOf(
    planets.flatMap((p) => (p ? [p.ownerId] : [])),
    'total',
  );
  const positions = [];
  for (let position = 1; position <= ctx.settings.universe.positions; position++) {
    const c = { galaxy, system, position };
    const planet = planets[position - 1];
    const owner = planet ? world.users.get(planet.ownerId) : undefined;
    const debris = world.debrisFields.get(coordKey(c));
    positions.push({
      position,
      planet: planet ? { id: planet.id, name: planet.name } : null,
      owner: owner
        ? {
            user_id: owner.id,
            name: owner.username,
            rank: ranks.get(owner.id) ?? null,
            ...activityView(world, owner.id, ctx.now),
          }
        : null,
      debris:
        debris && debris.metal + debris.crystal + debris.deuterium > 0
          ? {
              metal: Math.floor(debris.metal),
              crystal: Math.floor(debris.crystal),
              deuterium: Math.floor(debris.deuterium),
            }
          : null,
    });
  }
  return { galaxy, system, positions };
}
