import type { SimContext } from '../context.js';
import type { Coordinates, Resources } from '../types.js';
import { coordKey } from '../world.js';

/** Adds a battle's debris to the field at `c` (created on first use). */
export function addDebris(ctx: SimContext, c: Coordinates, debris: Resources): void {
  if (debris.metal + debris.crystal + debris.deuterium <= 0) return;
  const key = coordKey(c);
  const field = ctx.world.debrisFields.get(key) ?? {
    galaxy: c.galaxy,
    system: c.system,
    position: c.position,
    metal: 0,
    crystal: 0,
    deuterium: 0,
  };
  field.metal += debris.metal;
  field.crystal += debris.crystal;
  field.deuterium += debris.deuterium;
  ctx.world.debrisFields.set(key, field);
  ctx.changes.touch('debris_fields', key);
}

/** Takes `amounts` out of the field at `c`; an emptied field disappears. */
export function takeDebris(ctx: SimContext, c: Coordinates, amounts: Resources): void {
  const key = coordKey(c);
  const field = ctx.world.debrisFields.get(key);
  if (!field) return;
  field.metal = Math.max(0, field.metal - amounts.metal);
  field.crystal = Math.max(0, field.crystal - amounts.crystal);
  field.deuterium = Math.max(0, field.deuterium - amounts.deuterium);
  if (field.metal + field.crystal + field.deuterium <= 0) {
    ctx.world.debrisFields.delete(key);
    ctx.changes.remove('debris_fields', key);
  } else ctx.changes.touch('debris_fields', key);
}
