// The real game's storage capacity (spec/ogame-rules.md §3.2, the modern formula on which
// OGameX and the live game agree). Planet size plays no part.

import { levelOf, truncate } from '../math.js';
import { STORAGE_OF } from '../production.js';
import type { PlanetInputs, ResourceKind, Resources } from '../types.js';

/** cap(L) = 5000 × ⌊2.5 × e^(20 × L / 33)⌋. */
export const STORAGE_UNIT = 5000;
export const STORAGE_SCALE = 2.5;
export const STORAGE_EXPONENT_NUMERATOR = 20;
export const STORAGE_EXPONENT_DENOMINATOR = 33;

/** Capacity of one resource with its storage building at `level`: 10 000 at level 0. */
export function storageCapacityAt(level: number): number {
  const growth = Math.exp((STORAGE_EXPONENT_NUMERATOR * level) / STORAGE_EXPONENT_DENOMINATOR);
  return STORAGE_UNIT * truncate(STORAGE_SCALE * growth);
}

export function ogameStorageCapacity(planet: PlanetInputs): Resources {
  const cap = (kind: ResourceKind): number =>
    storageCapacityAt(levelOf(planet.buildings, STORAGE_OF[kind]));
  return { metal: cap('metal'), crystal: cap('crystal'), deuterium: cap('deuterium') };
}
