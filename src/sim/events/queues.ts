import type { EventHandler } from '../context.js';
import { afterLevelChange, watchStorage } from '../economy/level-change.js';
import { settle, settleAll } from '../economy/planet-state.js';
import { liveItem, removeItem, scheduleItem } from '../economy/queues.js';
import { notify } from '../notify.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A building level (or demolition) completes at its due time; production changes from then on. */
export const onBuildingComplete: EventHandler = (ctx, ref, due) => {
  const item = liveItem(ctx.world, ref, due);
  if (!item) return;
  const planet = ctx.world.planets.get(item.planetId);
  removeItem(ctx, item);
  if (!planet) return;
  settle(ctx, planet, due);
  planet.buildings[item.type] = item.level;
  ctx.changes.touchUnits(planet.id);
  const payload = {
    building_type: item.type,
    new_level: item.level,
    action: item.action,
    planet_id: planet.id,
    ts: iso(due),
  };
  // Emitted for offline players too: the event log keeps it for their next reconnect.
  ctx.emit(item.ownerId, { type: 'building_complete', ...payload });
  notify(ctx, item.ownerId, 'building_complete', payload);
  afterLevelChange(ctx, planet);
};

/** A technology level completes; every planet of the player is settled first (rates change). */
export const onResearchComplete: EventHandler = (ctx, ref, due) => {
  const item = liveItem(ctx.world, ref, due);
  if (!item) return;
  removeItem(ctx, item);
  const user = ctx.world.users.get(item.ownerId);
  if (!user) return;
  settleAll(ctx, user, due);
  user.research[item.type] = item.level;
  ctx.changes.touch('research', user.id);
  const payload = { research_type: item.type, new_level: item.level, ts: iso(due) };
  ctx.emit(user.id, { type: 'research_complete', ...payload });
  notify(ctx, user.id, 'research_complete', payload);
  for (const planet of ctx.world.planetsOf(user.id)) afterLevelChange(ctx, planet);
};

/** One unit leaves the shipyard; the next unit of the order is due one unit-time later. */
export const onShipBuilt: EventHandler = (ctx, ref, due) => {
  const item = liveItem(ctx.world, ref, due);
  if (!item) return;
  const planet = ctx.world.planets.get(item.planetId);
  if (!planet) {
    removeItem(ctx, item);
    return;
  }
  settle(ctx, planet, due);
  const category = ctx.rules.unit(item.type)?.category === 'defense' ? 'defenses' : 'ships';
  planet[category][item.type] = (planet[category][item.type] ?? 0) + 1;
  ctx.changes.touchUnits(planet.id);
  item.doneCount += 1;
  // For offline players too (the event log keeps it); the completions of one commit are
  // merged into one message before they are logged (sim/views/coalesce.ts).
  ctx.emit(item.ownerId, {
    type: 'ship_build_complete_batch',
    entity: planet.id,
    items: [
      { type: item.type, count: 1, queued_at: iso(item.queuedAt), completion_time: iso(due) },
    ],
    timestamp: iso(due),
  });
  if (item.doneCount >= item.count) {
    removeItem(ctx, item);
    notify(ctx, item.ownerId, 'ship_build_complete', {
      ship_type: item.type,
      count: item.count,
      planet_id: planet.id,
      ts: iso(due),
    });
  } else {
    ctx.changes.touch('queue_items', item.id);
    scheduleItem(ctx, item);
  }
  // Solar satellites (ogame) change energy; the watch is cheap to re-arm.
  watchStorage(ctx, planet, due);
};
