import type { Ruleset } from '../../rules/types.js';
import type { ChangeSet, TableName } from '../changes.js';
import type { Fleet, Planet, User } from '../types.js';
import type { World } from '../world.js';
import { fleetSpend, planetSpend, researchSpend } from './points.js';

function scorePlanet(world: World, rules: Ruleset, planet: Planet): void {
  const { economy, military } = planetSpend(rules, planet);
  world.scores.setHolding('planet', planet.id, planet.ownerId, economy, military);
}

/** Ships in flight still count: they left the planet's score when they left the planet. */
const scoreFleet = (world: World, rules: Ruleset, fleet: Fleet): void =>
  world.scores.setHolding('fleet', fleet.id, fleet.ownerId, 0, fleetSpend(rules, fleet));

/** Adds the entity ids behind touched keys (an id, or its string when touched as one). */
function addTouchedIds(ids: Set<number>, changes: ChangeSet, ...tables: TableName[]): void {
  for (const table of tables) {
    for (const key of changes.touched.get(table)?.keys() ?? []) ids.add(Number(key));
  }
}

const scoreResearch = (world: World, rules: Ruleset, user: User): void =>
  world.scores.setResearch(user.id, researchSpend(rules, user));

/** Entities whose scoring inputs changed since the scores last caught up. */
interface StaleEntities {
  users: Set<number>;
  research: Set<number>;
  planets: Set<number>;
  fleets: Set<number>;
}

const staleOf = new WeakMap<World, StaleEntities>();

/** Recomputes every score from state (at load and after a reload). */
export function rebuildScores(world: World, rules: Ruleset): void {
  staleOf.delete(world);
  world.scores.clear();
  for (const user of world.users.values()) scoreResearch(world, rules, user);
  for (const planet of world.planets.values()) scorePlanet(world, rules, planet);
  for (const fleet of world.fleets.values()) scoreFleet(world, rules, fleet);
}

/**
 * Notes what one command or event touched; the scores catch up on their next read (see
 * Scores.whenRead), from the state of each noted entity then. Units and levels change only
 * together with `touchUnits` or the removal of a planet, `fleet_ships` / `fleets` (per fleet)
 * or `research` (per player), so following those keys keeps the scores equal to a rebuild from
 * state, whoever changed them.
 */
export function refreshScores(world: World, rules: Ruleset, changes: ChangeSet): void {
  let stale = staleOf.get(world);
  if (!stale) {
    stale = { users: new Set(), research: new Set(), planets: new Set(), fleets: new Set() };
    staleOf.set(world, stale);
  }
  addTouchedIds(stale.users, changes, 'users');
  addTouchedIds(stale.research, changes, 'research');
  for (const id of changes.unitsChanged) stale.planets.add(id);
  // A removed planet takes its units with it: its holding is dropped.
  for (const [key, write] of changes.touched.get('planets') ?? [])
    if (!write) stale.planets.add(Number(key));
  addTouchedIds(stale.fleets, changes, 'fleets', 'fleet_ships');
  const noted = stale;
  world.scores.whenRead(() => catchUp(world, rules, noted));
}

/** Prices the noted entities from their current state, in the order a player needs them. */
function catchUp(world: World, rules: Ruleset, stale: StaleEntities): void {
  for (const id of stale.users) {
    const user = world.users.get(id);
    if (user) world.scores.ensurePlayer(user.id);
    else world.scores.dropPlayer(id);
  }
  for (const id of stale.research) {
    const user = world.users.get(id);
    if (user) scoreResearch(world, rules, user);
  }
  for (const id of stale.planets) {
    const planet = world.planets.get(id);
    if (planet) scorePlanet(world, rules, planet);
    else world.scores.dropHolding('planet', id);
  }
  for (const id of stale.fleets) {
    const fleet = world.fleets.get(id);
    if (fleet) scoreFleet(world, rules, fleet);
    else world.scores.dropHolding('fleet', id);
  }
  for (const ids of Object.values(stale)) (ids as Set<number>).clear();
}
