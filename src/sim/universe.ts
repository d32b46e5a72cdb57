import type { SimContext } from './context.js';
import type { Coordinates, Planet, User } from './types.js';
import { coordKey } from './world.js';

const UNIVERSE_SEEDED_KEY = 'universe_seeded_at';

export function inUniverse(ctx: SimContext, c: Coordinates): boolean {
  const u = ctx.settings.universe;
  return (
    c.galaxy >= 1 &&
    c.galaxy <= u.galaxies &&
    c.system >= 1 &&
    c.system <= u.systems &&
    c.position >= 1 &&
    c.position <= u.positions
  );
}

const randomInt = (ctx: SimContext, min: number, max: number): number =>
  min + Math.floor(ctx.rng.next() * (max - min + 1));

/**
 * First start only: draws INITIAL_PLANETS distinct free coordinates and stores them, so the
 * pool offered by /planets/available is the same after every restart.
 */
export function initializeUniverse(ctx: SimContext): void {
  if (ctx.world.meta.has(UNIVERSE_SEEDED_KEY)) return;
  const u = ctx.settings.universe;
  const wanted = Math.min(u.initialPlanets, u.galaxies * u.systems * u.positions);
  const chosen = new Map<string, Coordinates>();
  while (chosen.size < wanted) {
    const c = {
      galaxy: randomInt(ctx, 1, u.galaxies),
      system: randomInt(ctx, 1, u.systems),
      position: randomInt(ctx, 1, u.positions),
    };
    chosen.set(coordKey(c), c);
  }
  ctx.world.seededCoordinates = [...chosen.values()].sort(
    (a, b) => a.galaxy - b.galaxy || a.system - b.system || a.position - b.position,
  );
  for (const key of chosen.keys()) ctx.changes.touch('seeded_coordinates', key);
  ctx.world.meta.set(UNIVERSE_SEEDED_KEY, new Date(ctx.now).toISOString());
  ctx.changes.touch('meta', UNIVERSE_SEEDED_KEY);
}

/**
 * A free position for a new homeworld: drawn at random from the seeded pool, or, once the pool
 * is used up, the first free position of a random system.
 */
export function pickFreeCoordinates(ctx: SimContext): Coordinates | null {
  const { world } = ctx;
  const free = world.seededCoordinates.filter((c) => !world.planetAt(c));
  if (free.length > 0) return free[Math.floor(ctx.rng.next() * free.length)] ?? null;
  const u = ctx.settings.universe;
  const systems = u.galaxies * u.systems;
  const start = Math.floor(ctx.rng.next() * systems);
  for (let i = 0; i < systems; i++) {
    const s = (start + i) % systems;
    const galaxy = Math.floor(s / u.systems) + 1;
    const system = (s % u.systems) + 1;
    for (let position = 1; position <= u.positions; position++) {
      const c = { galaxy, system, position };
      if (!world.planetAt(c)) return c;
    }
  }
  return null;
}

/** Creates a planet for `owner` with the starter resources and the ruleset's starting levels. */
export function createPlanet(ctx: SimContext, owner: User, c: Coordinates, name: string): Planet {
  const s = ctx.settings.starter;
  const planet: Planet = {
    id: ctx.world.nextId('planet'),
    ownerId: owner.id,
    name,
    galaxy: c.galaxy,
    system: c.system,
    position: c.position,
    size: randomInt(ctx, s.sizeMin, s.sizeMax),
    temperature: randomInt(ctx, s.temperatureMin, s.temperatureMax),
    resources: { metal: s.metal, crystal: s.crystal, deuterium: s.deuterium },
    lastUpdate: ctx.now,
    buildings: { ...ctx.rules.startingBuildings() },
    ships: {},
    defenses: {},
    createdAt: ctx.now,
  };
  ctx.world.addPlanet(planet);
  ctx.changes.touchUnits(planet.id);
  if (owner.activePlanetId === null) {
    owner.activePlanetId = planet.id;
    ctx.changes.touch('users', owner.id);
  }
  return planet;
}
