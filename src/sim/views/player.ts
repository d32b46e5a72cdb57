import type { Ruleset } from '../../rules/types.js';
import type { SimContext } from '../context.js';
import { planetFor } from '../economy/lookup.js';
import { capacityOf, floorResources, ratesOf, resourcesAt } from '../economy/planet-state.js';
import type { Planet, QueueItem, User } from '../types.js';
import type { World } from '../world.js';
import { playerRanking } from './highscore.js';

type ViewContext = Pick<SimContext, 'world' | 'rules' | 'now'>;

/** A time as ISO 8601 (UTC); null stays null, so a set time is always typed as a string. */
export function iso(ms: number): string;
export function iso(ms: number | null): string | null;
export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Every unit type of a category with the planet's level/count (0 when absent). */
export function levelsOf(
  rules: Ruleset,
  category: 'building' | 'research' | 'ship' | 'defense',
  source: Record<string, number>,
) {
  // A plain loop: this runs four times per snapshot on the hottest read route.
  const out: Record<string, number> = {};
  for (const unit of rules.units(category)) out[unit.type] = source[unit.type] ?? 0;
  return out;
}

export function queueItemView(item: QueueItem, index: number) {
  return {
    id: item.id,
    index,
    type: item.type,
    action: item.action,
    level: item.level,
    start_time: iso(item.startTime),
    completion_time: iso(item.completionTime),
    cost: item.cost,
  };
}

export function shipQueueItemView(item: QueueItem, index: number) {
  return {
    id: item.id,
    index,
    type: item.type,
    count: item.count - item.doneCount,
    ordered: item.count,
    delivered: item.doneCount,
    queued_at: iso(item.queuedAt),
    start_time: iso(item.startTime),
    next_completion_time: iso(item.startTime + (item.doneCount + 1) * item.unitMs),
    completion_time: iso(item.completionTime),
    unit_seconds: item.unitMs / 1000,
    cost: item.cost,
  };
}

/** A running research: the player's, at the lab of `planet_id`. */
export function researchItemView(item: QueueItem) {
  return {
    id: item.id,
    type: item.type,
    level: item.level,
    planet_id: item.planetId,
    start_time: iso(item.startTime),
    completion_time: iso(item.completionTime),
    cost: item.cost,
  };
}

export function researchQueueView(world: World, user: User) {
  return world.researchQueue(user.id).map(researchItemView);
}

export function economyView(ctx: ViewContext, planet: Planet) {
  const rates = ratesOf(ctx, planet);
  return {
    resources: floorResources(resourcesAt(ctx, planet, ctx.now)),
    production: {
      metal: round2(rates.metal),
      crystal: round2(rates.crystal),
      deuterium: round2(rates.deuterium),
    },
    energy: {
      produced: round2(rates.energyProduced),
      consumed: round2(rates.energyConsumed),
      factor: Math.round(rates.factor * 10000) / 10000,
    },
    capacity: floorResources(capacityOf(ctx, planet)),
  };
}

export function shipStatsView(rules: Ruleset, user: User) {
  return Object.fromEntries(
    rules.units('ship').map((u) => {
      const s = rules.unitStats(u.type, user.research);
      return [
        u.type,
        {
          attack: s.attack,
          shield: s.shield,
          speed: s.speed,
          cargo: s.cargo,
          structure: s.structure,
        },
      ];
    }),
  );
}

export function planetSummary(ctx: ViewContext, planet: Planet, activeId: number | null) {
  return {
    id: planet.id,
    name: planet.name,
    galaxy: planet.galaxy,
    system: planet.system,
    position: planet.position,
    active: planet.id === activeId,
    resources: floorResources(resourcesAt(ctx, planet, ctx.now)),
    temperature: planet.temperature,
    size: planet.size,
    last_update: iso(planet.lastUpdate),
  };
}

/**
 * GET /player/{id}/planets/{planet_id}: one planet of the player whole, with its economy,
 * units and queues (`ownerActiveId` marks whether it is the active planet).
 */
export function planetView(ctx: ViewContext, planet: Planet, ownerActiveId: number | null) {
  const { world, rules } = ctx;
  const { resources, production, energy, capacity } = economyView(ctx, planet);
  return {
    ...planetSummary(ctx, planet, ownerActiveId),
    resources,
    production,
    energy,
    capacity,
    buildings: levelsOf(rules, 'building', planet.buildings),
    ships: levelsOf(rules, 'ship', planet.ships),
    defenses: levelsOf(rules, 'defense', planet.defenses),
    build_queue: world.buildQueue(planet.id).map(queueItemView),
    ship_build_queue: world.shipQueue(planet.id).map(shipQueueItemView),
  };
}

/**
 * GET /player/{id} in pieces, in snapshot key order: `before` and `after` are the fields on
 * either side of `resources` and depend on world state only, while `atTime(t)` gives the two
 * fields that also move with the clock (`resources`, closed form at t, and `server_time`, last).
 * The HTTP layer serializes the state pieces once per world version and re-renders only
 * `atTime` on each request; `atTime` is valid only while the world is unchanged. `planet` is
 * the planet shown (the active one unless the request named another of the player's).
 */
export function playerSnapshotParts(ctx: ViewContext, user: User, planet: Planet) {
  const { world, rules } = ctx;
  const economy = economyView(ctx, planet);
  return {
    before: {
      player: { name: user.username, user_id: user.id, last_active: iso(user.lastActive) },
      position: { galaxy: planet.galaxy, system: planet.system, planet: planet.position },
    },
    after: {
      buildings: levelsOf(rules, 'building', planet.buildings),
      build_queue: world.buildQueue(planet.id).map(queueItemView),
      ship_build_queue: world.shipQueue(planet.id).map(shipQueueItemView),
      fleet: levelsOf(rules, 'ship', planet.ships),
      defenses: levelsOf(rules, 'defense', planet.defenses),
      research: levelsOf(rules, 'research', user.research),
      research_queue: researchQueueView(world, user),
      ship_stats: shipStatsView(rules, user),
      planet: {
        id: planet.id,
        name: planet.name,
        temperature: planet.temperature,
        size: planet.size,
      },
      production: economy.production,
      energy: economy.energy,
      capacity: economy.capacity,
      unread_notifications: world.inboxes.unreadCount(user.id),
      highscore: playerRanking(ctx, user.id),
    },
    atTime: (t: number) => ({
      resources: floorResources(resourcesAt(ctx, planet, t)),
      server_time: iso(t),
    }),
  };
}

/**
 * GET /player/{id}: the specification's snapshot of the active planet (or of `planetId`, one
 * of the player's), plus economy figures.
 */
export function playerSnapshot(ctx: ViewContext, user: User, planetId?: number | null) {
  const planet = planetFor(ctx, user, planetId);
  const { before, after, atTime } = playerSnapshotParts(ctx, user, planet);
  const { resources, server_time } = atTime(ctx.now);
  return { ...before, resources, ...after, server_time };
}
