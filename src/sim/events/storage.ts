import { RESOURCE_KINDS } from '../../rules/types.js';
import type { EventHandler } from '../context.js';
import { watchStorage } from '../economy/level-change.js';
import { capacityOf, resourcesAt } from '../economy/planet-state.js';
import { notifyWithCooldown } from '../notify.js';

/** A resource store of a planet has just filled up: tell the owner, then watch the next one. */
export const onStorageFull: EventHandler = (ctx, ref, due) => {
  const watches = ctx.world.transient.storageFullAt;
  if (watches.get(ref) !== due) return;
  watches.delete(ref);
  const planet = ctx.world.planets.get(ref);
  if (!planet) return;
  const amounts = resourcesAt(ctx, planet, due);
  const capacity = capacityOf(ctx, planet);
  const full = RESOURCE_KINDS.filter((kind) => amounts[kind] >= capacity[kind] - 1e-6);
  if (full.length > 0) {
    notifyWithCooldown(ctx, planet.ownerId, 'storage_full', `${planet.id}:${full.join(',')}`, {
      planet_id: planet.id,
      planet_name: planet.name,
      resources: full,
      capacity,
      ts: new Date(due).toISOString(),
    });
  }
  watchStorage(ctx, planet, due);
};
