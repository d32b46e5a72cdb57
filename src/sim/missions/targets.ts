// Target checks several missions share, with their error texts.

import { badRequest } from '../errors.js';
import type { DispatchPlan } from '../fleet/plan.js';
import type { Planet } from '../types.js';

export function requireNotOrigin(plan: DispatchPlan): void {
  const { origin, target } = plan;
  if (
    origin.galaxy === target.galaxy &&
    origin.system === target.system &&
    origin.position === target.position
  ) {
    throw badRequest('target_is_origin', 'The target is the origin planet');
  }
}

export function requireTargetPlanet(plan: DispatchPlan): Planet {
  if (!plan.targetPlanet)
    throw badRequest('no_planet_at_target', 'No planet at the target coordinates');
  return plan.targetPlanet;
}

/** A planet of another player at the target (attack, espionage). */
export function requireForeignPlanet(plan: DispatchPlan, ownText: string): Planet {
  const planet = requireTargetPlanet(plan);
  if (planet.ownerId === plan.user.id) throw badRequest('own_planet', ownText);
  return planet;
}
