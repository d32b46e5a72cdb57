// The real game's ships (spec/ogame-rules.md §3.5): prices, combat figures and rapid fire come
// from combat-units.ts (the battle engine's table), so both read one source; this file adds
// names, prerequisites, drives, speed and fuel, and the research-modified stats.

import { levelOf } from '../math.js';
import type { Levels, Requirement, UnitDef, UnitStats } from '../types.js';
import { OGAME_COMBAT_UNITS, type CombatUnitData, type CombatUnitId } from './combat-units.js';

export const OGAME_SHIP_IDS = [
  'small_cargo',
  'large_cargo',
  'light_fighter',
  'heavy_fighter',
  'cruiser',
  'battleship',
  'battlecruiser',
  'bomber',
  'destroyer',
  'deathstar',
  'reaper',
  'pathfinder',
  'colony_ship',
  'recycler',
  'espionage_probe',
  'solar_satellite',
  'crawler',
] as const satisfies readonly CombatUnitId[];

export type OgameShipId = (typeof OGAME_SHIP_IDS)[number];

export type DriveId = 'combustion_drive' | 'impulse_drive' | 'hyperspace_drive';

/** Speed gained per drive level, in percent of the base speed. */
export const DRIVE_SPEED_BONUS_PERCENT: Readonly<Record<DriveId, number>> = {
  combustion_drive: 10,
  impulse_drive: 20,
  hyperspace_drive: 30,
};
/** Weapons, shielding and armour each add this percentage of the base value per level. */
export const COMBAT_TECH_BONUS_PERCENT = 10;
/** Hyperspace technology adds this percentage of the base cargo capacity per level. */
export const HYPERSPACE_CARGO_BONUS_PERCENT = 5;

/**
 * One way a ship can be propelled. A ship lists them best first; the first whose drive level
 * is reached moves it (small cargo: impulse from level 5, else combustion).
 */
export interface DriveOption {
  drive: DriveId;
  minLevel: number;
  baseSpeed: number;
  /** Fuel use relative to the base fuel (a faster drive burns more). */
  fuelMultiplier: number;
}

interface ShipRow {
  name: string;
  requires: Requirement[];
  /** Best first; the last entry (min level 0) is the standard drive. Empty for immobile ships. */
  drives: readonly DriveOption[];
  fuel: number;
  note?: string;
}

function standard(drive: DriveId, baseSpeed: number): DriveOption {
  return { drive, minLevel: 0, baseSpeed, fuelMultiplier: 1 };
}

const SHIPYARD = 'shipyard';

const SHIP_ROWS: Readonly<Record<OgameShipId, ShipRow>> = {
  small_cargo: {
    name: 'Small Cargo',
    requires: [
      { type: SHIPYARD, level: 2 },
      { type: 'combustion_drive', level: 2 },
    ],
    drives: [
      { drive: 'impulse_drive', minLevel: 5, baseSpeed: 10_000, fuelMultiplier: 2 },
      standard('combustion_drive', 5000),
    ],
    fuel: 10,
    note: 'From impulse drive 5 it flies on impulse: base speed 10 000, fuel 20.',
  },
  large_cargo: {
    name: 'Large Cargo',
    requires: [
      { type: SHIPYARD, level: 4 },
      { type: 'combustion_drive', level: 6 },
    ],
    drives: [standard('combustion_drive', 7500)],
    fuel: 50,
  },
  light_fighter: {
    name: 'Light Fighter',
    requires: [
      { type: SHIPYARD, level: 1 },
      { type: 'combustion_drive', level: 1 },
    ],
    drives: [standard('combustion_drive', 12_500)],
    fuel: 20,
  },
  heavy_fighter: {
    name: 'Heavy Fighter',
    requires: [
      { type: SHIPYARD, level: 3 },
      { type: 'armour', level: 2 },
      { type: 'impulse_drive', level: 2 },
    ],
    drives: [standard('impulse_drive', 10_000)],
    fuel: 75,
  },
  cruiser: {
    name: 'Cruiser',
    requires: [
      { type: SHIPYARD, level: 5 },
      { type: 'impulse_drive', level: 4 },
      { type: 'ion', level: 2 },
    ],
    drives: [standard('impulse_drive', 15_000)],
    fuel: 300,
  },
  battleship: {
    name: 'Battleship',
    requires: [
      { type: SHIPYARD, level: 7 },
      { type: 'hyperspace_drive', level: 4 },
    ],
    drives: [standard('hyperspace_drive', 10_000)],
    fuel: 500,
  },
  battlecruiser: {
    name: 'Battlecruiser',
    requires: [
      { type: SHIPYARD, level: 8 },
      { type: 'hyperspace_drive', level: 5 },
      { type: 'hyperspace', level: 5 },
      { type: 'laser', level: 12 },
    ],
    drives: [standard('hyperspace_drive', 10_000)],
    fuel: 250,
  },
  bomber: {
    name: 'Bomber',
    requires: [
      { type: SHIPYARD, level: 8 },
      { type: 'impulse_drive', level: 6 },
      { type: 'plasma', level: 5 },
    ],
    drives: [
      { drive: 'hyperspace_drive', minLevel: 8, baseSpeed: 5000, fuelMultiplier: 1 },
      standard('impulse_drive', 4000),
    ],
    fuel: 700,
    note: 'From hyperspace drive 8 it flies on hyperspace: base speed 5000.',
  },
  destroyer: {
    name: 'Destroyer',
    requires: [
      { type: SHIPYARD, level: 9 },
      { type: 'hyperspace_drive', level: 6 },
      { type: 'hyperspace', level: 5 },
    ],
    drives: [standard('hyperspace_drive', 5000)],
    fuel: 1000,
  },
  deathstar: {
    name: 'Deathstar',
    requires: [
      { type: SHIPYARD, level: 12 },
      { type: 'hyperspace_drive', level: 7 },
      { type: 'hyperspace', level: 6 },
      { type: 'graviton', level: 1 },
    ],
    drives: [standard('hyperspace_drive', 100)],
    fuel: 1,
  },
  reaper: {
    name: 'Reaper',
    requires: [
      { type: SHIPYARD, level: 10 },
      { type: 'hyperspace', level: 6 },
      { type: 'hyperspace_drive', level: 7 },
      { type: 'shielding', level: 6 },
    ],
    drives: [standard('hyperspace_drive', 7000)],
    fuel: 1100,
  },
  pathfinder: {
    name: 'Pathfinder',
    requires: [
      { type: SHIPYARD, level: 5 },
      { type: 'hyperspace_drive', level: 2 },
    ],
    drives: [standard('hyperspace_drive', 12_000)],
    fuel: 300,
  },
  colony_ship: {
    name: 'Colony Ship',
    requires: [
      { type: SHIPYARD, level: 4 },
      { type: 'impulse_drive', level: 3 },
    ],
    drives: [standard('impulse_drive', 2500)],
    fuel: 1000,
  },
  recycler: {
    name: 'Recycler',
    requires: [
      { type: SHIPYARD, level: 4 },
      { type: 'combustion_drive', level: 6 },
      { type: 'shielding', level: 2 },
    ],
    drives: [
      { drive: 'hyperspace_drive', minLevel: 15, baseSpeed: 6000, fuelMultiplier: 3 },
      { drive: 'impulse_drive', minLevel: 17, baseSpeed: 4000, fuelMultiplier: 2 },
      standard('combustion_drive', 2000),
    ],
    fuel: 300,
    note: 'Impulse drive 17 → base speed 4000, fuel × 2; hyperspace drive 15 → 6000, fuel × 3.',
  },
  espionage_probe: {
    name: 'Espionage Probe',
    requires: [
      { type: SHIPYARD, level: 3 },
      { type: 'combustion_drive', level: 3 },
      { type: 'espionage', level: 2 },
    ],
    drives: [standard('combustion_drive', 100_000_000)],
    fuel: 1,
    note: 'Carries nothing (probe raids are off); attack and shield are 0.01 in the live game.',
  },
  solar_satellite: {
    name: 'Solar Satellite',
    requires: [{ type: SHIPYARD, level: 1 }],
    drives: [],
    fuel: 0,
    note: 'Stays on its planet and produces ⌊(T_max + 140) / 6⌋ energy.',
  },
  crawler: {
    name: 'Crawler',
    requires: [
      { type: SHIPYARD, level: 5 },
      { type: 'combustion_drive', level: 4 },
      { type: 'armour', level: 4 },
      { type: 'laser', level: 4 },
    ],
    drives: [],
    fuel: 0,
    note: 'Stays on its planet: +0.02 % mine output each (at most 8 per mine level, +50 % in all) for 50 energy.',
  },
};

/** The drives of every ship, best first (served by GET /rules). */
export const SHIP_DRIVES: Readonly<Record<OgameShipId, readonly DriveOption[]>> =
  Object.fromEntries(OGAME_SHIP_IDS.map((id) => [id, SHIP_ROWS[id].drives])) as Record<
    OgameShipId,
    readonly DriveOption[]
  >;

/** Base (research-free) stats; speed is that of the standard drive. */
function baseStats(combat: CombatUnitData, row: ShipRow): UnitStats {
  return {
    attack: combat.attack,
    shield: combat.shield,
    structure: combat.structure,
    speed: row.drives.at(-1)?.baseSpeed ?? 0,
    cargo: combat.cargo,
    fuel: row.fuel,
  };
}

/** The catalog entry of a unit that fights: price, stats and rapid fire from combat-units.ts. */
export function combatUnitDef(
  type: CombatUnitId,
  category: 'ship' | 'defense',
  fields: { name: string; requires: Requirement[]; stats: UnitStats; note?: string },
): UnitDef {
  const combat = OGAME_COMBAT_UNITS[type];
  const def: UnitDef = {
    type,
    category,
    name: fields.name,
    baseCost: { ...combat.cost },
    costFactor: 1,
    requires: fields.requires,
    stats: fields.stats,
    rapidFire: { ...combat.rapidFire } as Record<string, number>,
  };
  if (fields.note !== undefined) def.note = fields.note;
  return def;
}

export const OGAME_SHIPS: readonly UnitDef[] = OGAME_SHIP_IDS.map((type) => {
  const row = SHIP_ROWS[type];
  return combatUnitDef(type, 'ship', {
    name: row.name,
    requires: row.requires,
    stats: baseStats(OGAME_COMBAT_UNITS[type], row),
    ...(row.note === undefined ? {} : { note: row.note }),
  });
});

/** `base` raised by `percent` per level, truncated: the game's integer unit figures. */
function raised(base: number, percentPerLevel: number, level: number): number {
  // Integer arithmetic first, so 50 × 110 / 100 is exactly 55 rather than 55.000000000000004.
  return Math.floor((base * (100 + percentPerLevel * level)) / 100);
}

/** The drive that moves `type` under `research`; undefined for ships that never fly. */
export function activeDrive(type: OgameShipId, research: Levels): DriveOption | undefined {
  return SHIP_DRIVES[type].find((option) => levelOf(research, option.drive) >= option.minLevel);
}

/** Weapons, shielding and armour: +10 % of the base attack, shield and structure per level. */
export function combatStats(
  base: Pick<UnitStats, 'attack' | 'shield' | 'structure'>,
  research: Levels,
): Pick<UnitStats, 'attack' | 'shield' | 'structure'> {
  return {
    attack: raised(base.attack, COMBAT_TECH_BONUS_PERCENT, levelOf(research, 'weapons')),
    shield: raised(base.shield, COMBAT_TECH_BONUS_PERCENT, levelOf(research, 'shielding')),
    structure: raised(base.structure, COMBAT_TECH_BONUS_PERCENT, levelOf(research, 'armour')),
  };
}

/**
 * Stats of one ship under its owner's research: combat techs as `combatStats`; speed from the
 * best available drive, + 10/20/30 % of its base per combustion/impulse/hyperspace level;
 * cargo + 5 % of the base per hyperspace technology level; fuel from the drive. Truncated
 * like the live game's integer figures.
 */
export function ogameShipStats(type: OgameShipId, base: UnitStats, research: Levels): UnitStats {
  const drive = activeDrive(type, research);
  const hyperspace = levelOf(research, 'hyperspace');
  return {
    ...combatStats(base, research),
    speed:
      drive === undefined
        ? 0
        : raised(
            drive.baseSpeed,
            DRIVE_SPEED_BONUS_PERCENT[drive.drive],
            levelOf(research, drive.drive),
          ),
    cargo:
      base.cargo + Math.floor((base.cargo * HYPERSPACE_CARGO_BONUS_PERCENT * hyperspace) / 100),
    fuel: base.fuel * (drive?.fuelMultiplier ?? 1),
  };
}

export function isOgameShipId(type: string): type is OgameShipId {
  return Object.hasOwn(SHIP_ROWS, type);
}
