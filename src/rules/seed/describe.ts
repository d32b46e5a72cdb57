// The seed ruleset as plain JSON for GET /rules: catalog, constants and formulas in words.

import type { RulesetDescription, RulesetPolicies, UniverseSpeeds } from '../types.js';
import {
  BUILDING_COST_GROWTH,
  BUILDING_TIME_GROWTH,
  DEMOLISH_REFUND_RATE,
  SEED_BUILDINGS,
  SEED_STARTING_BUILDINGS,
  UNKNOWN_BUILDING_BASE_TIME_SECONDS,
} from './buildings.js';
import {
  SIZE_LARGE_MULTIPLIER,
  SIZE_STEPS,
  TEMPERATURE_HOT_MULTIPLIER,
  TEMPERATURE_STEPS,
} from './multipliers.js';
import { SHIPYARD_QUEUE_BASE_LIMIT, SHIPYARD_QUEUE_PER_LEVEL } from './policies.js';
import * as production from './production.js';
import { RESEARCH_COST_GROWTH, RESEARCH_TIME_GROWTH, SEED_RESEARCH } from './research.js';
import { SEED_SHIPS, SHIP_STAT_BONUS, SHIPYARD_LEVEL_FOR_SHIPS } from './ships.js';
import * as times from './times.js';

export interface SeedDescriptionInput {
  policies: RulesetPolicies;
  speeds: UniverseSpeeds;
  baseMaxFleetSize: number;
  fleetSizePerComputerLevel: number;
}

export function describeSeed(input: SeedDescriptionInput): RulesetDescription {
  // structuredClone hands out copies, so a caller mutating the answer cannot alter the catalog.
  return structuredClone({
    id: 'seed',
    name: 'Seed (the Python reference server)',
    resources: ['metal', 'crystal', 'deuterium'],
    units: { building: SEED_BUILDINGS, research: SEED_RESEARCH, ship: SEED_SHIPS, defense: [] },
    startingBuildings: { ...SEED_STARTING_BUILDINGS },
    policies: input.policies,
    speeds: input.speeds,
    constants: {
      buildingCostGrowth: BUILDING_COST_GROWTH,
      buildingTimeGrowth: BUILDING_TIME_GROWTH,
      unknownBuildingBaseTimeSeconds: UNKNOWN_BUILDING_BASE_TIME_SECONDS,
      researchCostGrowth: RESEARCH_COST_GROWTH,
      researchTimeGrowth: RESEARCH_TIME_GROWTH,
      demolishRefundRate: DEMOLISH_REFUND_RATE,
      hyperspaceBuildTimeReductionPerLevel: times.HYPERSPACE_BUILD_TIME_REDUCTION_PER_LEVEL,
      robotFactoryBuildTimeReductionPerLevel: times.ROBOT_FACTORY_BUILD_TIME_REDUCTION_PER_LEVEL,
      shipyardBuildTimeReductionPerLevel: times.SHIPYARD_BUILD_TIME_REDUCTION_PER_LEVEL,
      researchLabTimeReductionPerLevel: times.RESEARCH_LAB_TIME_REDUCTION_PER_LEVEL,
      minBuildTimeFactor: times.MIN_BUILD_TIME_FACTOR,
      minResearchTimeFactor: times.MIN_RESEARCH_TIME_FACTOR,
      minDurationSeconds: times.MIN_DURATION_SECONDS,
      baseProductionPerHour: production.BASE_PRODUCTION_PER_HOUR,
      mineProductionGrowth: production.MINE_PRODUCTION_GROWTH,
      energySolarBase: production.ENERGY_SOLAR_BASE,
      energySolarGrowth: production.ENERGY_SOLAR_GROWTH,
      fusionEnergyBase: production.FUSION_ENERGY_BASE,
      fusionEnergyGrowth: production.FUSION_ENERGY_GROWTH,
      fusionDeuteriumPerLevel: production.FUSION_DEUTERIUM_PER_LEVEL,
      energyTechBonusPerLevel: production.ENERGY_TECH_BONUS_PER_LEVEL,
      energyConsumptionPerLevel: production.ENERGY_CONSUMPTION_PER_LEVEL,
      energyConsumptionGrowth: production.ENERGY_CONSUMPTION_GROWTH,
      energyDeficitSoftFloor: production.ENERGY_DEFICIT_SOFT_FLOOR,
      plasmaProductionBonus: production.PLASMA_PRODUCTION_BONUS,
      storageBaseCapacity: production.STORAGE_BASE_CAPACITY,
      storageCapacityGrowth: production.STORAGE_CAPACITY_GROWTH,
      temperatureMultiplier: { steps: TEMPERATURE_STEPS, above: TEMPERATURE_HOT_MULTIPLIER },
      sizeMultiplier: { steps: SIZE_STEPS, above: SIZE_LARGE_MULTIPLIER },
      shipStatBonus: SHIP_STAT_BONUS,
      shipyardLevelForShips: SHIPYARD_LEVEL_FOR_SHIPS,
      shipyardQueueBaseLimit: SHIPYARD_QUEUE_BASE_LIMIT,
      shipyardQueuePerLevel: SHIPYARD_QUEUE_PER_LEVEL,
      baseMaxFleetSize: input.baseMaxFleetSize,
      fleetSizePerComputerLevel: input.fleetSizePerComputerLevel,
    },
    formulas: {
      buildingCost: 'int(base × 1.5^L), L = current level',
      buildingTime:
        'max(1, int(int(base_time × 1.2^L) × max(0.5, (1 − 0.02·hyperspace)(1 − 0.02·robot_factory)) / economy_speed))',
      demolish:
        'level − 1 at once; refund int(0.3 × cost(new level)); blocked while a built building requires the level',
      cancel: 'refund int(0.5 × price paid)',
      researchCost: 'int(base × 1.6^L)',
      researchTime:
        'max(1, int(int(base_time × 1.25^L) × max(0.5, 1 − 0.03·research_lab) / research_speed))',
      shipyardTime:
        'max(1, int(time × quantity × max(0.5, (1 − 0.02·hyperspace)(1 − 0.05·shipyard)(1 − 0.02·robot_factory)) / economy_speed))',
      shipStats:
        'attack × (1 + 0.01·laser + 0.005·plasma), shield × (1 + 0.01·ion), speed and cargo × (1 + 0.02·hyperspace), each int(); structure = metal + crystal price',
      energy:
        'produced = (20·solar + 30·fusion) × (1 + 0.02·energy_tech); consumed = 3·metal_mine + 2·crystal_mine + 2·deuterium_synthesizer; factor = 1 if consumed ≤ 0, 0 if produced ≤ 0, else max(0.25, min(1, produced/consumed))',
      production:
        'rate × 1.1^mine_level × factor × size_mult (× temperature_mult for deuterium) × (1 + plasma_bonus × plasma) × economy_speed per hour; deuterium − 5·fusion_level',
      storage: 'base × 2^storage_level × size_mult',
      maxShipsPerPlanet:
        'baseMaxFleetSize + fleetSizePerComputerLevel × computer (stationed + queued)',
      shipyardQueueLimit: '2 + 1 × shipyard_level',
    },
  } satisfies RulesetDescription);
}
