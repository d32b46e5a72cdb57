// The seed's six technologies (BASE_RESEARCH_COSTS, BASE_RESEARCH_TIMES and the HEAD
// RESEARCH_PREREQUISITES of the Python server's config).

import { price } from '../math.js';
import type { Cost, UnitDef } from '../types.js';

/** Each level costs 1.6 times the previous one: cost(L) = int(base × 1.6^L). */
export const RESEARCH_COST_GROWTH = 1.6;
/** Each level takes 1.25 times as long: time(L) = int(base × 1.25^L). */
export const RESEARCH_TIME_GROWTH = 1.25;

export const SEED_RESEARCH_IDS = [
  'energy',
  'laser',
  'ion',
  'hyperspace',
  'plasma',
  'computer',
] as const;

export type SeedResearchId = (typeof SEED_RESEARCH_IDS)[number];

function research(
  type: SeedResearchId,
  name: string,
  baseCost: Cost,
  baseTimeSeconds: number,
  requires: UnitDef['requires'] = [],
): UnitDef {
  return {
    type,
    category: 'research',
    name,
    baseCost,
    costFactor: RESEARCH_COST_GROWTH,
    baseTimeSeconds,
    timeFactor: RESEARCH_TIME_GROWTH,
    requires,
  };
}

export const SEED_RESEARCH: readonly UnitDef[] = [
  research('energy', 'Energy Technology', price(100, 50, 0), 120),
  research('laser', 'Laser Technology', price(200, 100, 0), 180),
  research('ion', 'Ion Technology', price(1000, 300, 100), 300, [{ type: 'laser', level: 4 }]),
  research('hyperspace', 'Hyperspace Technology', price(2000, 1500, 500), 600, [
    { type: 'energy', level: 6 },
    { type: 'laser', level: 6 },
  ]),
  research('plasma', 'Plasma Technology', price(4000, 2000, 1000), 900, [
    { type: 'energy', level: 8 },
    { type: 'ion', level: 5 },
  ]),
  research('computer', 'Computer Technology', price(500, 250, 0), 240),
];
