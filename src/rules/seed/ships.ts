// The seed's six ships (BASE_SHIP_STATS, BASE_SHIP_COSTS, BASE_SHIP_TIMES of the Python server's
// config) and their research-modified stats.

import { levelOf, price, truncate } from '../math.js';
import type { Cost, Levels, UnitDef, UnitStats } from '../types.js';

/** Every ship needs a shipyard; the Python server checked level ≥ 1 before anything else. */
export const SHIPYARD_LEVEL_FOR_SHIPS = 1;

/** Research bonuses to ship stats, as fractions of the base value per level (SHIP_STAT_BONUSES). */
export const SHIP_STAT_BONUS = {
  laserAttack: 0.01,
  plasmaAttack: 0.005,
  ionShield: 0.01,
  hyperspaceSpeed: 0.02,
  hyperspaceCargo: 0.02,
} as const;

/** The seed server never charged fuel for flights, so every seed ship burns none. */
const NO_FUEL = 0;

export const SEED_SHIP_IDS = [
  'light_fighter',
  'heavy_fighter',
  'cruiser',
  'battleship',
  'bomber',
  'colony_ship',
] as const;

export type SeedShipId = (typeof SEED_SHIP_IDS)[number];

interface ShipRow {
  name: string;
  cost: Cost;
  timeSeconds: number;
  attack: number;
  shield: number;
  speed: number;
  cargo: number;
  note?: string;
}

function ship(type: SeedShipId, row: ShipRow): UnitDef {
  const def: UnitDef = {
    type,
    category: 'ship',
    name: row.name,
    baseCost: row.cost,
    costFactor: 1,
    baseTimeSeconds: row.timeSeconds,
    requires: [{ type: 'shipyard', level: SHIPYARD_LEVEL_FOR_SHIPS }],
    stats: {
      attack: row.attack,
      shield: row.shield,
      // The seed's battle code takes a ship's structure to be its metal + crystal price.
      structure: row.cost.metal + row.cost.crystal,
      speed: row.speed,
      cargo: row.cargo,
      fuel: NO_FUEL,
    },
  };
  if (row.note !== undefined) def.note = row.note;
  return def;
}

export const SEED_SHIPS: readonly UnitDef[] = [
  ship('light_fighter', {
    name: 'Light Fighter',
    cost: price(300, 150, 0),
    timeSeconds: 60,
    attack: 50,
    shield: 10,
    speed: 12500,
    cargo: 50,
  }),
  ship('heavy_fighter', {
    name: 'Heavy Fighter',
    cost: price(600, 400, 0),
    timeSeconds: 120,
    attack: 150,
    shield: 25,
    speed: 10000,
    cargo: 100,
  }),
  ship('cruiser', {
    name: 'Cruiser',
    cost: price(2000, 1500, 200),
    timeSeconds: 300,
    attack: 400,
    shield: 50,
    speed: 15000,
    cargo: 800,
  }),
  ship('battleship', {
    name: 'Battleship',
    cost: price(6000, 4000, 0),
    timeSeconds: 600,
    attack: 1000,
    shield: 200,
    speed: 10000,
    cargo: 1500,
  }),
  ship('bomber', {
    name: 'Bomber',
    cost: price(5000, 3000, 1000),
    timeSeconds: 900,
    attack: 500,
    shield: 500,
    speed: 5000,
    cargo: 500,
  }),
  // The Python server had no stats entry for the colony ship, so it could neither fly at its
  // own speed nor fight. We give it OGame's colony ship figures (attack 50, shield 100,
  // speed 2500, cargo 7500); price and time stay the seed's (HEAD: 450/225/0, 1 s).
  ship('colony_ship', {
    name: 'Colony Ship',
    cost: price(450, 225, 0),
    timeSeconds: 1,
    attack: 50,
    shield: 100,
    speed: 2500,
    cargo: 7500,
    note: 'Stats taken from OGame: the seed server defined none for the colony ship.',
  }),
];

/**
 * Stats of one ship under its owner's research, truncated like the Python server:
 * attack × (1 + 0.01·laser + 0.005·plasma), shield × (1 + 0.01·ion), speed and cargo
 * × (1 + 0.02·hyperspace). Structure and fuel are not modified by any seed research.
 */
export function seedShipStats(base: UnitStats, research: Levels): UnitStats {
  const attackBonus =
    1 +
    SHIP_STAT_BONUS.laserAttack * levelOf(research, 'laser') +
    SHIP_STAT_BONUS.plasmaAttack * levelOf(research, 'plasma');
  const shieldBonus = 1 + SHIP_STAT_BONUS.ionShield * levelOf(research, 'ion');
  const hyperspace = levelOf(research, 'hyperspace');
  return {
    attack: truncate(base.attack * attackBonus),
    shield: truncate(base.shield * shieldBonus),
    structure: base.structure,
    speed: truncate(base.speed * (1 + SHIP_STAT_BONUS.hyperspaceSpeed * hyperspace)),
    cargo: truncate(base.cargo * (1 + SHIP_STAT_BONUS.hyperspaceCargo * hyperspace)),
    fuel: base.fuel,
  };
}
