// The seed's eleven buildings (BASE_BUILDING_COSTS, BASE_BUILD_TIMES and PREREQUISITES of the
// Python server's config) and their level formulas.

import { price } from '../math.js';
import type { Cost, UnitDef } from '../types.js';

/** Each level costs 1.5 times the previous one: cost(L) = int(base × 1.5^L). */
export const BUILDING_COST_GROWTH = 1.5;
/** Each level takes 1.2 times as long as the previous one: time(L) = int(base × 1.2^L). */
export const BUILDING_TIME_GROWTH = 1.2;
/** GET /building-costs prices an unknown type at zero and times it from this base. */
export const UNKNOWN_BUILDING_BASE_TIME_SECONDS = 60;
/** Demolishing a level gives back this share of that level's price. */
export const DEMOLISH_REFUND_RATE = 0.3;

export const SEED_BUILDING_IDS = [
  'metal_mine',
  'crystal_mine',
  'deuterium_synthesizer',
  'solar_plant',
  'robot_factory',
  'shipyard',
  'research_lab',
  'fusion_reactor',
  'metal_storage',
  'crystal_storage',
  'deuterium_tank',
] as const;

export type SeedBuildingId = (typeof SEED_BUILDING_IDS)[number];

function building(
  type: SeedBuildingId,
  name: string,
  baseCost: Cost,
  baseTimeSeconds: number,
  requires: UnitDef['requires'] = [],
): UnitDef {
  return {
    type,
    category: 'building',
    name,
    baseCost,
    costFactor: BUILDING_COST_GROWTH,
    baseTimeSeconds,
    timeFactor: BUILDING_TIME_GROWTH,
    requires,
  };
}

export const SEED_BUILDINGS: readonly UnitDef[] = [
  building('metal_mine', 'Metal Mine', price(60, 15, 0), 60),
  building('crystal_mine', 'Crystal Mine', price(48, 24, 0), 80),
  building('deuterium_synthesizer', 'Deuterium Synthesizer', price(225, 75, 0), 100),
  building('solar_plant', 'Solar Plant', price(75, 30, 0), 50),
  building('robot_factory', 'Robot Factory', price(400, 120, 200), 300),
  building('shipyard', 'Shipyard', price(400, 200, 100), 400, [
    { type: 'robot_factory', level: 2 },
  ]),
  building('research_lab', 'Research Lab', price(200, 400, 0), 240),
  building('fusion_reactor', 'Fusion Reactor', price(900, 500, 200), 360, [
    { type: 'deuterium_synthesizer', level: 1 },
  ]),
  building('metal_storage', 'Metal Storage', price(1000, 0, 0), 120),
  building('crystal_storage', 'Crystal Storage', price(800, 200, 0), 120),
  building('deuterium_tank', 'Deuterium Tank', price(800, 0, 200), 120),
];

/** Levels of a fresh planet (the Python Buildings component's defaults). */
export const SEED_STARTING_BUILDINGS: Readonly<Record<SeedBuildingId, number>> = {
  metal_mine: 1,
  crystal_mine: 1,
  deuterium_synthesizer: 1,
  solar_plant: 1,
  robot_factory: 0,
  shipyard: 0,
  research_lab: 0,
  fusion_reactor: 0,
  metal_storage: 0,
  crystal_storage: 0,
  deuterium_tank: 0,
};
