import type { FleetMission } from '../types.js';

/** Every mission a fleet can fly, in display order. */
export const FLEET_MISSIONS: readonly FleetMission[] = [
  'transfer',
  'deploy',
  'attack',
  'espionage',
  'colonize',
  'recycle',
];

/** The specification's default mission when the request names none. */
export const DEFAULT_MISSION: FleetMission = 'transfer';

/** Missions whose ships the target player may not see while they approach. */
export const HOSTILE_MISSIONS: ReadonlySet<FleetMission> = new Set<FleetMission>([
  'attack',
  'espionage',
]);

/** The ship type a colonize mission needs (the same id in every ruleset). */
export const COLONY_SHIP = 'colony_ship';

/** Name of a planet founded by a colony ship. */
export const COLONY_NAME = 'Colony';

export function isFleetMission(value: string): value is FleetMission {
  return (FLEET_MISSIONS as readonly string[]).includes(value);
}
