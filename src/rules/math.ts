// Small numeric helpers shared by every ruleset.

import type { Cost, Levels, UnitDef } from './types.js';

/**
 * Relative tolerance added before truncating. `base × factor^L` is often mathematically an
 * integer (400 × 1.2 = 480) but can land a hair below it in binary floating point; without the
 * nudge `Math.trunc` would turn 480 into 479. The tolerance is far below any real fraction.
 */
const TRUNCATION_TOLERANCE = 1e-9;

/** Python's `int()` on a non-negative float, robust to floating-point noise. */
export function truncate(value: number): number {
  return Math.trunc(value + Math.abs(value) * TRUNCATION_TOLERANCE);
}

/**
 * Ceiling of a non-negative float, robust to floating-point noise: 10 × 1 × 1.1 evaluates to
 * 11.000000000000002, whose plain `Math.ceil` would be 12 instead of 11.
 */
export function roundUp(value: number): number {
  return Math.ceil(value - Math.abs(value) * TRUNCATION_TOLERANCE);
}

/** Level of `type` in `levels`; a missing entry is level 0. */
export function levelOf(levels: Levels, type: string): number {
  return levels[type] ?? 0;
}

/** `max(0, 1 − perLevel × level)`: a reduction factor that never turns negative. */
export function reductionFactor(perLevel: number, level: number): number {
  return Math.max(0, 1 - perLevel * level);
}

/** Applies `fn` to each resource of a cost; energy is kept only when present. */
export function mapCost(cost: Cost, fn: (amount: number) => number): Cost {
  const out: Cost = {
    metal: fn(cost.metal),
    crystal: fn(cost.crystal),
    deuterium: fn(cost.deuterium),
  };
  if (cost.energy !== undefined) out.energy = fn(cost.energy);
  return out;
}

/** A price in metal, crystal and deuterium (no energy). */
export function price(metal: number, crystal: number, deuterium: number): Cost {
  return { metal, crystal, deuterium };
}

/** A cost of nothing. */
export function zeroCost(): Cost {
  return { metal: 0, crystal: 0, deuterium: 0 };
}

/**
 * Price of level L + 1 from the current level L: base × factor^L per resource, truncated (both
 * rulesets' ⌊base·factor^(level − 1)⌋ for the level being built). A unit may grow its energy
 * price by its own factor (`energyCostFactor`) or round its prices to the nearest multiple of
 * `costRoundTo` instead of truncating them.
 */
export function levelCost(unit: UnitDef, currentLevel: number): Cost {
  const roundTo = unit.costRoundTo;
  const scale = (base: number, factor: number): number => {
    const amount = base * Math.pow(factor, currentLevel);
    return roundTo === undefined ? truncate(amount) : Math.round(amount / roundTo) * roundTo;
  };
  const cost = price(
    scale(unit.baseCost.metal, unit.costFactor),
    scale(unit.baseCost.crystal, unit.costFactor),
    scale(unit.baseCost.deuterium, unit.costFactor),
  );
  if (unit.baseCost.energy !== undefined) {
    cost.energy = scale(unit.baseCost.energy, unit.energyCostFactor ?? unit.costFactor);
  }
  return cost;
}

/** Ship and defense orders are whole positive numbers of units. */
export function requireQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  }
}
