// The seed's hourly production, energy balance and storage (ResourceProductionSystem of the
// Python server), expressed as continuous rates: the simulation integrates them exactly instead
// of rounding every tick as the Python server did.

import { levelOf } from '../math.js';
import { MINE_OF, STORAGE_OF } from '../production.js';
import type {
  Levels,
  PlanetInputs,
  ProductionInput,
  ProductionRates,
  ResourceKind,
  Resources,
} from '../types.js';
import { sizeMultiplier, temperatureMultiplier } from './multipliers.js';

export { MINE_OF, STORAGE_OF } from '../production.js';

/** Hourly output of a level-0 mine (the ResourceProduction component's default rates). */
export const BASE_PRODUCTION_PER_HOUR: Readonly<Resources> = {
  metal: 30,
  crystal: 20,
  deuterium: 10,
};
/** Each mine level multiplies its output by 1.1. */
export const MINE_PRODUCTION_GROWTH = 1.1;

/** Energy per solar plant level, before growth and energy technology. */
export const ENERGY_SOLAR_BASE = 20;
export const ENERGY_SOLAR_GROWTH = 1;
/** Energy per fusion reactor level, before growth and energy technology. */
export const FUSION_ENERGY_BASE = 30;
export const FUSION_ENERGY_GROWTH = 1;
/** Deuterium a fusion reactor burns per level and hour. */
export const FUSION_DEUTERIUM_PER_LEVEL = 5;
/** Energy technology raises all energy produced by 2 % per level. */
export const ENERGY_TECH_BONUS_PER_LEVEL = 0.02;
/** Energy each mine level needs (ENERGY_CONSUMPTION). */
export const ENERGY_CONSUMPTION_PER_LEVEL: Readonly<Record<string, number>> = {
  metal_mine: 3,
  crystal_mine: 2,
  deuterium_synthesizer: 2,
};
export const ENERGY_CONSUMPTION_GROWTH = 1;
/**
 * An energy deficit never cuts mines below 25 % of their output (HEAD's soft floor): a player
 * who overbuilds mines is slowed, not stalled.
 */
export const ENERGY_DEFICIT_SOFT_FLOOR = 0.25;
/** Plasma technology raises each resource's output per level by these fractions. */
export const PLASMA_PRODUCTION_BONUS: Readonly<Resources> = {
  metal: 0.01,
  crystal: 0.006,
  deuterium: 0.02,
};

/** Storage of each resource with no storage building (STORAGE_BASE_CAPACITY). */
export const STORAGE_BASE_CAPACITY: Readonly<Resources> = {
  metal: 100_000,
  crystal: 75_000,
  deuterium: 50_000,
};
/** Each storage level doubles the capacity. */
export const STORAGE_CAPACITY_GROWTH = 2;

/** `base × L × growth^(L − 1)`: the seed's shape for energy produced or consumed by L levels. */
function perLevel(base: number, level: number, growth: number): number {
  return base * level * Math.pow(growth, level - 1);
}

/** Energy the planet's solar plant and fusion reactor produce per hour. */
export function energyProduced(buildings: Levels, research: Levels): number {
  const solar = perLevel(ENERGY_SOLAR_BASE, levelOf(buildings, 'solar_plant'), ENERGY_SOLAR_GROWTH);
  const fusion = perLevel(
    FUSION_ENERGY_BASE,
    levelOf(buildings, 'fusion_reactor'),
    FUSION_ENERGY_GROWTH,
  );
  return (solar + fusion) * (1 + ENERGY_TECH_BONUS_PER_LEVEL * levelOf(research, 'energy'));
}

const ENERGY_CONSUMERS = Object.entries(ENERGY_CONSUMPTION_PER_LEVEL);

/** Energy the planet's mines need per hour. */
export function energyConsumed(buildings: Levels): number {
  let total = 0;
  for (const [mine, base] of ENERGY_CONSUMERS) {
    total += perLevel(base, levelOf(buildings, mine), ENERGY_CONSUMPTION_GROWTH);
  }
  return total;
}

/** Share of full output the energy balance allows: 1 with no demand, 0 with no supply. */
export function energyFactor(produced: number, consumed: number): number {
  if (consumed <= 0) return 1;
  if (produced <= 0) return 0;
  return Math.max(ENERGY_DEFICIT_SOFT_FLOOR, Math.min(1, produced / consumed));
}

/**
 * Net hourly rates of a planet. Each resource: base × 1.1^mine × energy factor × size
 * multiplier (× temperature multiplier for deuterium) × (1 + plasma bonus × plasma) × economy
 * speed; deuterium then loses what the fusion reactor burns.
 */
export function seedProduction(input: ProductionInput, economySpeed: number): ProductionRates {
  const produced = energyProduced(input.buildings, input.research);
  const consumed = energyConsumed(input.buildings);
  const factor = energyFactor(produced, consumed);
  const plasma = levelOf(input.research, 'plasma');
  const planet = sizeMultiplier(input.size) * factor * economySpeed;
  const gross = (kind: ResourceKind): number =>
    BASE_PRODUCTION_PER_HOUR[kind] *
    Math.pow(MINE_PRODUCTION_GROWTH, levelOf(input.buildings, MINE_OF[kind])) *
    planet *
    (1 + PLASMA_PRODUCTION_BONUS[kind] * plasma);
  const fusionBurn =
    FUSION_DEUTERIUM_PER_LEVEL * levelOf(input.buildings, 'fusion_reactor') * economySpeed;
  return {
    metal: gross('metal'),
    crystal: gross('crystal'),
    deuterium: gross('deuterium') * temperatureMultiplier(input.temperature) - fusionBurn,
    energyProduced: produced,
    energyConsumed: consumed,
    factor,
  };
}

/** Storage capacity: base × 2^storage_level × size multiplier, per resource. */
export function seedStorageCapacity(planet: PlanetInputs): Resources {
  const size = sizeMultiplier(planet.size);
  const cap = (kind: ResourceKind): number =>
    STORAGE_BASE_CAPACITY[kind] *
    Math.pow(STORAGE_CAPACITY_GROWTH, levelOf(planet.buildings, STORAGE_OF[kind])) *
    size;
  return { metal: cap('metal'), crystal: cap('crystal'), deuterium: cap('deuterium') };
}
