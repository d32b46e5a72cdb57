// The seed's fleet rules: the Python server's linear flight formula without fuel, and an
// espionage rule for a ruleset that has neither espionage technology nor probes.

import { UnknownUnitError } from '../errors.js';
import { linearFlight } from '../flight.js';
import {
  FULL_ESPIONAGE,
  type EspionageVisibility,
  type FlightInput,
  type FlightPlan,
  type Levels,
  type UnitStats,
} from '../types.js';
import { SEED_SHIPS, seedShipStats } from './ships.js';

const SHIPS_BY_TYPE = new Map(SEED_SHIPS.map((ship) => [ship.type, ship]));

function shipStats(type: string, research: Levels): UnitStats {
  const stats = SHIPS_BY_TYPE.get(type)?.stats;
  if (stats === undefined) throw new UnknownUnitError(type, ['ship']);
  return seedShipStats(stats, research);
}

/** Distance and duration by the Python server's formula; the seed never charged fuel. */
export function seedFlight(input: FlightInput, fleetSpeed: number): FlightPlan {
  return linearFlight(input, shipStats, fleetSpeed);
}

/**
 * The seed has no espionage technology and no probe, so any fleet may spy and its report shows
 * everything (resources, buildings, fleet, defenses and research), like the Python server's
 * snapshot did (which showed all it had).
 */
export function seedEspionage(): EspionageVisibility {
  return { ...FULL_ESPIONAGE };
}
