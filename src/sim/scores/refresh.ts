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

/** The entity ids behind touched keys ("7" or "7:unitType" for one unit of entity 7). */
function touchedIds(changes: ChangeSet, ...tables: TableName[]): Set<number> {
  const ids = new Set<number>();
  for (const table of tables) {
    for (const key of changes.touched.get(table)?.keys() ?? [])
      ids.add(typeof key === 'number' ? key : parseInt(key, 10)); // parseInt stops at the ':'
  }
  return ids;
}

const scoreResearch = (world: World, rules: Ruleset, user: User): void =>
  world.scores.setResearch(user.id, researchSpend(rules, user));

/** Recomputes every score from state (at load and after a reload). */
export function rebuildScores(world: World, rules: Ruleset): void {
  world.scores.clear();
  for (const user of world.users.values()) scoreResearch(world, rules, user);
  for (const planet of world.planets.values()) scorePlanet(world, rules, planet);
  for (const fleet of world.fleets.values()) scoreFleet(world, rules, fleet);
}

/**
 * Brings scores up to date with what one command or event touched. Units and levels change
 * only together with `touchUnits` (per planet), `fleet_ships` / `fleets` (per
 * fleet) or `research` (per player), so following those keys keeps the scores equal to a
 * rebuild from state, whoever changed them.
 */
export function refreshScores(world: World, rules: Ruleset, changes: ChangeSet): void {
  for (const key of changes.touched.get('users')?.keys() ?? []) {
    const user = world.users.get(Number(key));
    if (user) world.scores.ensurePlayer(user.id);
    else world.scores.dropPlayer(Number(key));
  }
  for (const key of changes.touched.get('research')?.keys() ?? []) {
    const user = world.users.get(Number(key));
    if (user) scoreResearch(world, rules, user);
  }
  for (const id of changes.unitsChanged) {
    const planet = world.planets.get(id);
    if (planet) scorePlanet(world, rules, planet);
    else world.scores.dropHolding('planet', id);
  }
  for (const id of touchedIds(changes, 'fleets', 'fleet_ships')) {
    const fleet = world.fleets.get(id);
    if (fleet) scoreFleet(world, rules, fleet);
    else world.scores.dropHolding('fleet', id);
  }
}
