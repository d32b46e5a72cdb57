import type { SimContext } from '../context.js';
import { ratesOf } from '../economy/planet-state.js';

/** The soft floor under the energy factor (the seed's ENERGY_DEFICIT_SOFT_FLOOR). */
const SOFT_FLOOR = 0.25;

/** /game-status energy summary: how many planets run short of energy and the worst factor. */
export function energySummary(ctx: Pick<SimContext, 'world' | 'rules'>) {
  let deficit = 0;
  let minFactor = 1;
  for (const planet of ctx.world.planets.values()) {
    const rates = ratesOf(ctx, planet);
    if (rates.factor < 1) deficit++;
    if (rates.factor < minFactor) minFactor = rates.factor;
  }
  return {
    deficit_planets: deficit,
    total_planets: ctx.world.planets.size,
    min_factor: Math.round(minFactor * 10000) / 10000,
    soft_floor: SOFT_FLOOR,
  };
}
