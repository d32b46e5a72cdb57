// Debris field of a battle (spec/ogame-rules.md §3.9): a share of the metal and crystal cost of
// every destroyed unit, 30 % for ships and 0 % for defenses by default (both are universe
// settings; some classic servers used 30 % for defenses too). Deuterium only when enabled.
// Pass the defenses that were destroyed *and not repaired*: repaired defenses leave no debris.

import { economicsOf } from './catalog.js';
import type { Resources, UnitCatalog, UnitCounts } from './types.js';

export const DEFAULT_SHIP_DEBRIS_PERCENT = 30;
export const DEFAULT_DEFENSE_DEBRIS_PERCENT = 0;

export interface DebrisOptions {
  /** Percent of a destroyed ship's cost that becomes debris (default 30). */
  readonly shipPercent?: number;
  /** Percent of a destroyed defense's cost that becomes debris (default 0). */
  readonly defensePercent?: number;
  /** Whether deuterium costs produce deuterium debris (default false, as in the live game). */
  readonly includeDeuterium?: boolean;
}

const PERCENT = 100;

/**
 * Debris from the units destroyed on both sides (call once per side and add, or merge the
 * counts first). Each resource is summed exactly and floored once at the end, so the result
 * does not depend on how units are grouped.
 */
export function computeDebris(
  destroyed: UnitCounts,
  catalog: UnitCatalog,
  options: DebrisOptions = {},
): Resources {
  const shipPercent = options.shipPercent ?? DEFAULT_SHIP_DEBRIS_PERCENT;
  const defensePercent = options.defensePercent ?? DEFAULT_DEFENSE_DEBRIS_PERCENT;
  let metal = 0;
  let crystal = 0;
  let deuterium = 0;
  for (const [type, count] of Object.entries(destroyed)) {
    if (count <= 0) continue;
    const unit = economicsOf(catalog, type);
    const percent = unit.kind === 'ship' ? shipPercent : defensePercent;
    metal += unit.cost.metal * count * percent;
    crystal += unit.cost.crystal * count * percent;
    deuterium += unit.cost.deuterium * count * percent;
  }
  return {
    metal: Math.floor(metal / PERCENT),
    crystal: Math.floor(crystal / PERCENT),
    deuterium: options.includeDeuterium === true ? Math.floor(deuterium / PERCENT) : 0,
  };
}

/** Adds two debris fields (or any resource amounts). */
export function addResources(a: Resources, b: Resources): Resources {
  return {
    metal: a.metal + b.metal,
    crystal: a.crystal + b.crystal,
    deuterium: a.deuterium + b.deuterium,
  };
}
