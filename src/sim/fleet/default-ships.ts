// The ships a dispatch takes when the request names none. The Python server's clients send
// espionage and colonize missions (and plain transfers) without `ships`: it flew with whatever
// the planet had (seed-reference.md §2.4). We keep those requests working, but send only what the
// mission needs where one unit does the job, so a probe run never empties the planet.

import type { Levels, Ruleset } from '../../rules/types.js';
import type { FleetMission, Planet } from '../types.js';
import { COLONY_SHIP } from './missions.js';

/** Every ship stationed on `origin` that can fly (OGame's satellites and crawlers stay home). */
function flyingShips(rules: Ruleset, origin: Planet, research: Levels): Record<string, number> {
  const ships: Record<string, number> = {};
  for (const unit of rules.units('ship')) {
    const count = origin.ships[unit.type] ?? 0;
    if (count > 0 && rules.unitStats(unit.type, research).speed > 0) ships[unit.type] = count;
  }
  return ships;
}

/**
 * One spy: the ruleset's espionage ship (OGame: a probe) whether or not the planet has one (the
 * dispatch then answers "Not enough"); where any ship may spy (the seed has no probe), one of
 * the fastest stationed, the ship whose speed the Python server flew an empty selection at.
 */
function oneSpy(rules: Ruleset, origin: Planet, research: Levels): Record<string, number> {
  const probe = rules.policies.espionageShipTypes?.[0];
  if (probe !== undefined) return { [probe]: 1 };
  let fastest: string | undefined;
  let best = 0;
  for (const type of Object.keys(flyingShips(rules, origin, research))) {
    const speed = rules.unitStats(type, research).speed;
    if (speed > best) [fastest, best] = [type, speed];
  }
  return fastest === undefined ? {} : { [fastest]: 1 };
}

/**
 * What a dispatch without `ships` takes from `origin` for `mission`: espionage one spy, colonize
 * one colony ship, every other mission every ship stationed that can fly. May be empty (nothing
 * stationed); the caller rejects that as no ships selected.
 */
export function defaultShips(
  rules: Ruleset,
  origin: Planet,
  mission: FleetMission,
  research: Levels,
): Record<string, number> {
  if (mission === 'espionage') return oneSpy(rules, origin, research);
  if (mission === 'colonize') return { [COLONY_SHIP]: 1 };
  return flyingShips(rules, origin, research);
}
