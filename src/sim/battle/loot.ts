// Loot after an attacker's win (spec/ogame-rules.md §3.9): up to 50 % of each of the
// defender's resources, limited by the free cargo capacity of the surviving attackers. When the
// capacity is short it is split the modern (OGameX) way: every resource first gets up to a third
// of the capacity, then what is left is shared evenly among the resources that still have loot
// to give, repeatedly, until the capacity or the loot runs out. For the OGameX test case
// (100 000 / 100 000 / 10 000 available, capacity 25 000) this gives 10 000 / 10 000 / 5 000,
// as does the classic plunder order; the methods differ in other cases.

import { economicsOf } from './catalog.js';
import type { Resources, UnitCatalog, UnitCounts } from './types.js';

export const DEFAULT_LOOT_PERCENT = 50;

/** Each hyperspace technology level adds 5 % of a ship's base cargo capacity (§3.5). */
export const CARGO_BONUS_PER_HYPERSPACE_LEVEL = 0.05;

const RESOURCE_KINDS = 3;
const PERCENT = 100;

/**
 * Loot taken: ⌊percent % of each resource⌋, then fitted into `capacity` (the free cargo room:
 * total capacity of the surviving ships minus what they already carry). Integers throughout.
 */
export function computeLoot(
  available: Resources,
  capacity: number,
  percent: number = DEFAULT_LOOT_PERCENT,
): Resources {
  const want = [available.metal, available.crystal, available.deuterium].map((amount) =>
    Math.floor((Math.max(0, amount) * percent) / PERCENT),
  );
  const room = Math.max(0, Math.floor(capacity));
  if (sum(want) <= room) return toResources(want);

  const perKind = Math.floor(room / RESOURCE_KINDS);
  const take = want.map((w) => Math.min(w, perKind));
  let remaining = room - sum(take);
  while (remaining > 0) {
    const open = [0, 1, 2].filter((i) => take[i]! < want[i]!);
    if (open.length === 0) break;
    const share = Math.floor(remaining / open.length);
    if (share === 0) {
      // Fewer units of room than open resources: hand them out one by one in resource order.
      for (const i of open.slice(0, remaining)) take[i]!++;
      break;
    }
    for (const i of open) {
      const add = Math.min(want[i]! - take[i]!, share);
      take[i] = take[i]! + add;
      remaining -= add;
    }
  }
  return toResources(take);
}

/** Total cargo capacity of a fleet: Σ base cargo × count × (1 + 5 % × hyperspace tech), floored. */
export function cargoCapacity(
  ships: UnitCounts,
  catalog: UnitCatalog,
  hyperspaceTechLevel = 0,
): number {
  let total = 0;
  for (const [type, count] of Object.entries(ships)) {
    if (count > 0) total += economicsOf(catalog, type).cargo * count;
  }
  return Math.floor(total * (1 + CARGO_BONUS_PER_HYPERSPACE_LEVEL * hyperspaceTechLevel));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function toResources([metal = 0, crystal = 0, deuterium = 0]: readonly number[]): Resources {
  return { metal, crystal, deuterium };
}
