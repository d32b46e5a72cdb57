import type { SimContext } from '../context.js';
import { notifyWithCooldown } from '../notify.js';
import type { Planet, Resources } from '../types.js';
import { nextStorageFull, ratesOf } from './planet-state.js';
import { EVENT_STORAGE_FULL } from './queues.js';

/**
 * Re-arms the planet's storage-full watch: one timed event at the earliest moment a resource
 * reaches capacity at the current rates. Called whenever rates or amounts change.
 */
export function watchStorage(
  ctx: Pick<SimContext, 'world' | 'rules' | 'scheduler'>,
  planet: Planet,
  now: number,
  rates?: Resources,
): void {
  const due = nextStorageFull(ctx, planet, now, rates);
  const watches = ctx.world.transient.storageFullAt;
  if (due === null) {
    watches.delete(planet.id);
    return;
  }
  if (watches.get(planet.id) === due) return;
  watches.set(planet.id, due);
  ctx.scheduler.schedule(due, EVENT_STORAGE_FULL, planet.id);
}

/**
 * Consequences of a change of levels (building done or demolished, research done): warn about
 * an energy deficit and re-arm the storage watch under the new rates.
 */
export function afterLevelChange(ctx: SimContext, planet: Planet): void {
  const rates = ratesOf(ctx, planet);
  if (rates.energyConsumed > rates.energyProduced) {
    notifyWithCooldown(ctx, planet.ownerId, 'energy_deficit', String(planet.id), {
      planet_id: planet.id,
      planet_name: planet.name,
      energy_produced: rates.energyProduced,
      energy_consumed: rates.energyConsumed,
      factor: rates.factor,
    });
  }
  watchStorage(ctx, planet, ctx.now, rates);
}
