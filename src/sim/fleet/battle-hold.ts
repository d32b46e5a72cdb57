import type { Coordinates, Fleet } from '../types.js';
import type { World } from '../world.js';

/**
 * Whether a battle reserved for the battle worker is pending at `c`. Until it is applied, other
 * fleets arriving there wait (so arrivals keep their order) and the planet's fleet cannot leave.
 * Derived from persisted fleet fields, so it holds after a restart too.
 */
export function battleHeldAt(world: World, c: Coordinates): boolean {
  return world.fleets.someHeadingTo(c, isHoldingBattle);
}

const isHoldingBattle = (fleet: Fleet): boolean =>
  fleet.state === 'holding' && fleet.battleSeed !== null;
