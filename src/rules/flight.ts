// The seed's flight formula (the Python server's fleet dispatch, seed-reference §4.1), shared so
// that a ruleset without flight rules of its own still flies:
//   distance units = |Δg|·systems·positions + |Δs|·positions + |Δp|
//   duration       = int(distance / (slowest speed × fraction) × 3600) seconds, at least 1
// The Python server hard-coded 499 systems and 15 positions; the universe's configured shape is
// used here, which gives the same numbers with the default shape.

import { truncate } from './math.js';
import type { FlightInput, FlightPlan, Levels, UnitStats } from './types.js';

const SECONDS_PER_HOUR = 3600;
/** The Python server's floor for every flight. */
export const MIN_FLIGHT_SECONDS = 1;

/** The seed's distance: one unit per position, a system spans every position. */
export function linearDistance(input: Pick<FlightInput, 'from' | 'to' | 'universe'>): number {
  const { from, to, universe } = input;
  return (
    Math.abs(from.galaxy - to.galaxy) * universe.systems * universe.positions +
    Math.abs(from.system - to.system) * universe.positions +
    Math.abs(from.position - to.position)
  );
}

/** Speed of the slowest ship sent (research applied); RangeError when no ship is sent. */
export function slowestSpeed(
  ships: Levels,
  research: Levels,
  unitStats: (type: string, research: Levels) => UnitStats,
): number {
  let slowest = Infinity;
  for (const [type, count] of Object.entries(ships)) {
    if (count === undefined || count <= 0) continue;
    slowest = Math.min(slowest, unitStats(type, research).speed);
  }
  if (!Number.isFinite(slowest) || slowest <= 0) {
    throw new RangeError('a flight needs at least one ship with a positive speed');
  }
  return slowest;
}

/**
 * The seed's flight plan. `fleetSpeed` is the universe's fleet speed knob (durations divide by
 * it); the seed never charged fuel, so fuel is 0.
 */
export function linearFlight(
  input: FlightInput,
  unitStats: (type: string, research: Levels) => UnitStats,
  fleetSpeed: number,
): FlightPlan {
  const distance = linearDistance(input);
  const speed = slowestSpeed(input.ships, input.research, unitStats);
  const hours = distance / (speed * input.speedFraction);
  const durationSeconds = Math.max(
    MIN_FLIGHT_SECONDS,
    truncate((hours * SECONDS_PER_HOUR) / fleetSpeed),
  );
  return { distance, durationSeconds, fuel: 0, speed };
}
